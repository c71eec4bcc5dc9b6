//! The routine model: what a self-massage routine is made of.
//!
//! Plain data, serde-serialisable. Durations are whole seconds here (what a
//! therapist types); the session engine works in milliseconds.

use serde::{Deserialize, Serialize};

use super::breathing::BreathingPattern;
use super::wording::place;

/// Version of the serialised routine document ([`RoutineDocument`]).
/// Bump it when a change would make older readers misread the data, and add a
/// migration for the previous version.
pub const ROUTINE_SCHEMA_VERSION: u32 = 1;

/// Limits that keep a routine playable, shareable as a link and readable.
pub mod limits {
    /// Titles longer than this no longer fit a card on a phone.
    pub const TITLE_MAX_CHARS: usize = 80;
    /// A summary is one or two sentences.
    pub const SUMMARY_MAX_CHARS: usize = 240;
    /// Author line, e.g. "Dr. Ana Ruiz, PT".
    pub const AUTHOR_MAX_CHARS: usize = 80;
    /// A note from the therapist to the client.
    pub const NOTE_MAX_CHARS: usize = 500;
    /// How-to text of one step.
    pub const INSTRUCTIONS_MAX_CHARS: usize = 600;
    /// More steps than this is a program, not a routine (and would not fit a link).
    pub const MAX_STEPS: usize = 30;
    /// Shortest step: anything shorter cannot be followed with eyes closed.
    pub const STEP_MIN_SECS: u32 = 5;
    /// Longest step (per side): 15 minutes of pressure on one spot is never advised.
    pub const STEP_MAX_SECS: u32 = 900;
    /// Routine ids are short slugs.
    pub const ID_MAX_CHARS: usize = 64;
}

/// How the tissue is worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Technique {
    /// Long, gliding strokes that warm the tissue.
    Effleurage,
    /// Lifting, squeezing and rolling the muscle.
    Kneading,
    /// Sustained pressure on one tender spot until it eases.
    TriggerPoint,
    /// Slow, sustained stretch of the fascia under steady pressure.
    MyofascialRelease,
    /// Gentle stretch to finish an area.
    Stretch,
    /// Lying still and breathing.
    Rest,
}

impl Technique {
    pub const ALL: [Technique; 6] = [
        Technique::Effleurage,
        Technique::Kneading,
        Technique::TriggerPoint,
        Technique::MyofascialRelease,
        Technique::Stretch,
        Technique::Rest,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Technique::Effleurage => "Effleurage",
            Technique::Kneading => "Kneading",
            Technique::TriggerPoint => "Trigger-point pressure",
            Technique::MyofascialRelease => "Myofascial release",
            Technique::Stretch => "Stretch",
            Technique::Rest => "Rest",
        }
    }
}

/// Where on the body a step works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    GluteusMaximus,
    GluteusMedius,
    Piriformis,
    HipTfl,
    LowerBack,
    HamstringAttachment,
    WholeRegion,
}

impl Area {
    pub const ALL: [Area; 7] = [
        Area::GluteusMaximus,
        Area::GluteusMedius,
        Area::Piriformis,
        Area::HipTfl,
        Area::LowerBack,
        Area::HamstringAttachment,
        Area::WholeRegion,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Area::GluteusMaximus => "Glute (gluteus maximus)",
            Area::GluteusMedius => "Side of the hip (gluteus medius)",
            Area::Piriformis => "Deep buttock (piriformis)",
            Area::HipTfl => "Front of the hip (TFL)",
            Area::LowerBack => "Lower back",
            Area::HamstringAttachment => "Sit bone (hamstring attachment)",
            Area::WholeRegion => "Back, hips and buttocks",
        }
    }

    /// Short name for spoken cues and compact lists.
    pub fn short_label(self) -> &'static str {
        match self {
            Area::GluteusMaximus => "glute",
            Area::GluteusMedius => "side of hip",
            Area::Piriformis => "piriformis",
            Area::HipTfl => "front of hip",
            Area::LowerBack => "lower back",
            Area::HamstringAttachment => "sit bone",
            Area::WholeRegion => "whole region",
        }
    }
}

/// Which side of the body a step works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Both sides at once, or the midline (e.g. lower back).
    #[default]
    None,
    Left,
    Right,
    /// Left first, then a switch cue, then right; the duration applies to each side.
    Both,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::None, Side::Left, Side::Right, Side::Both];

    pub fn label(self) -> &'static str {
        match self {
            Side::None => "Centre / both at once",
            Side::Left => "Left",
            Side::Right => "Right",
            Side::Both => "Left, then right",
        }
    }

    /// How many times a step with this side is played.
    pub fn passes(self) -> u32 {
        if self == Side::Both {
            2
        } else {
            1
        }
    }
}

/// How firmly to press.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Pressure {
    Light,
    Medium,
    Firm,
}

impl Pressure {
    pub const ALL: [Pressure; 3] = [Pressure::Light, Pressure::Medium, Pressure::Firm];

    pub fn label(self) -> &'static str {
        match self {
            Pressure::Light => "Light",
            Pressure::Medium => "Medium",
            Pressure::Firm => "Firm",
        }
    }
}

/// What the pressure is applied with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    Hands,
    FistForearm,
    MassageBall,
    FoamRoller,
}

impl Tool {
    pub const ALL: [Tool; 4] = [
        Tool::Hands,
        Tool::FistForearm,
        Tool::MassageBall,
        Tool::FoamRoller,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tool::Hands => "Hands",
            Tool::FistForearm => "Fist or forearm",
            Tool::MassageBall => "Massage ball",
            Tool::FoamRoller => "Foam roller",
        }
    }
}

/// One timed step of a routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub technique: Technique,
    pub area: Area,
    #[serde(default)]
    pub side: Side,
    /// Seconds of work; for [`Side::Both`] this is per side.
    pub duration_secs: u32,
    pub pressure: Pressure,
    pub tool: Tool,
    /// How to do it, in plain words. Rendered as text, never as markup.
    pub instructions: String,
    /// Overrides the routine's breathing pattern for this step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breathing: Option<BreathingPattern>,
}

impl Step {
    /// Seconds of work including both passes of a two-sided step.
    pub fn total_work_secs(&self) -> u32 {
        self.duration_secs.saturating_mul(self.side.passes())
    }

    /// "Kneading, left glute": the short name used by cards and spoken cues.
    pub fn headline(&self, side: Side) -> String {
        format!("{}, {}", self.technique.label(), place(self, side))
    }
}

/// A complete routine, built in or composed by a therapist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Routine {
    /// Stable identifier (a slug); it survives edits so a re-sent routine is recognised.
    pub id: String,
    /// Incremented by the builder on every saved edit.
    #[serde(default)]
    pub revision: u32,
    pub title: String,
    pub summary: String,
    /// Who wrote it, e.g. "Dr. Ana Ruiz, PT". Empty for the built-ins.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// A note to the client.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Breathing pattern for every step that does not override it.
    pub breathing: BreathingPattern,
    pub steps: Vec<Step>,
}

impl Routine {
    /// Seconds of hands-on work, without get-ready and switch pauses.
    pub fn work_secs(&self) -> u32 {
        self.steps
            .iter()
            .fold(0u32, |sum, step| sum.saturating_add(step.total_work_secs()))
    }

    /// Whole minutes, rounded to the nearest, at least one: what cards show.
    pub fn minutes_rounded(&self) -> u32 {
        (self.work_secs() + 30) / 60
    }

    /// Body areas in the order they are first worked.
    pub fn areas(&self) -> Vec<Area> {
        unique_in_order(self.steps.iter().map(|step| step.area))
    }

    /// Techniques in the order they first appear.
    pub fn techniques(&self) -> Vec<Technique> {
        unique_in_order(self.steps.iter().map(|step| step.technique))
    }

    /// Tools needed, in a stable order (hands first).
    pub fn tools(&self) -> Vec<Tool> {
        let mut tools = unique_in_order(self.steps.iter().map(|step| step.tool));
        tools.sort();
        tools
    }

    /// The breathing pattern that applies to step `index`.
    pub fn breathing_for(&self, index: usize) -> BreathingPattern {
        self.steps
            .get(index)
            .and_then(|step| step.breathing)
            .unwrap_or(self.breathing)
    }

    /// Every problem that would stop this routine from being saved, shared or played.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if !is_valid_id(&self.id) {
            errors.push(ValidationError::new(Field::Id, Problem::BadId));
        }
        check_text(
            &mut errors,
            Field::Title,
            &self.title,
            limits::TITLE_MAX_CHARS,
            true,
        );
        check_text(
            &mut errors,
            Field::Summary,
            &self.summary,
            limits::SUMMARY_MAX_CHARS,
            false,
        );
        check_text(
            &mut errors,
            Field::Author,
            &self.author,
            limits::AUTHOR_MAX_CHARS,
            false,
        );
        check_text(
            &mut errors,
            Field::Note,
            &self.note,
            limits::NOTE_MAX_CHARS,
            false,
        );
        if self.steps.is_empty() {
            errors.push(ValidationError::new(Field::Steps, Problem::NoSteps));
        }
        if self.steps.len() > limits::MAX_STEPS {
            errors.push(ValidationError::new(
                Field::Steps,
                Problem::TooMany {
                    max: limits::MAX_STEPS,
                },
            ));
        }
        for (index, step) in self.steps.iter().enumerate() {
            if !(limits::STEP_MIN_SECS..=limits::STEP_MAX_SECS).contains(&step.duration_secs) {
                errors.push(ValidationError::new(
                    Field::StepDuration(index),
                    Problem::DurationOutOfRange {
                        min: limits::STEP_MIN_SECS,
                        max: limits::STEP_MAX_SECS,
                    },
                ));
            }
            check_text(
                &mut errors,
                Field::StepInstructions(index),
                &step.instructions,
                limits::INSTRUCTIONS_MAX_CHARS,
                true,
            );
        }
        errors
    }
}

fn unique_in_order<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Ids are lowercase ASCII letters, digits and dashes: safe in URLs, storage keys and DOM ids.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= limits::ID_MAX_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_text(errors: &mut Vec<ValidationError>, field: Field, text: &str, max: usize, required: bool) {
    if required && text.trim().is_empty() {
        errors.push(ValidationError::new(field, Problem::Empty));
    }
    if text.chars().count() > max {
        errors.push(ValidationError::new(field, Problem::TooLong { max }));
    }
}

/// Which part of a routine a validation message belongs next to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Title,
    Summary,
    Author,
    Note,
    Steps,
    StepDuration(usize),
    StepInstructions(usize),
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    BadId,
    Empty,
    TooLong { max: usize },
    NoSteps,
    TooMany { max: usize },
    DurationOutOfRange { min: u32, max: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidationError {
    pub field: Field,
    pub problem: Problem,
}

impl ValidationError {
    fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }

    /// A message a person can act on, shown next to the field.
    pub fn message(&self) -> String {
        match self.problem {
            Problem::BadId => "Use lowercase letters, digits and dashes only.".to_string(),
            Problem::Empty => "This cannot be empty.".to_string(),
            Problem::TooLong { max } => format!("Keep this under {max} characters."),
            Problem::NoSteps => "Add at least one step.".to_string(),
            Problem::TooMany { max } => format!("A routine can have at most {max} steps."),
            Problem::DurationOutOfRange { min, max } => {
                format!("Choose between {min} seconds and {} minutes.", max / 60)
            }
        }
    }
}

/// A routine as stored or exported, tagged with its schema version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutineDocument {
    pub schema: u32,
    pub routine: Routine,
}

/// Why a stored routine document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// Not JSON, or not shaped like a routine document.
    Malformed(String),
    /// Written by a newer version of the app.
    NewerSchema(u32),
    /// Well-formed but not a playable routine.
    Invalid(Vec<ValidationError>),
}

impl RoutineDocument {
    pub fn to_json(routine: &Routine) -> String {
        let document = RoutineDocument {
            schema: ROUTINE_SCHEMA_VERSION,
            routine: routine.clone(),
        };
        serde_json::to_string(&document).expect("a routine always serialises")
    }

    /// Reads and validates a document; never panics on any input.
    pub fn from_json(text: &str) -> Result<Routine, DocumentError> {
        #[derive(Deserialize)]
        struct Header {
            schema: u32,
        }
        let header: Header =
            serde_json::from_str(text).map_err(|e| DocumentError::Malformed(e.to_string()))?;
        if header.schema > ROUTINE_SCHEMA_VERSION {
            return Err(DocumentError::NewerSchema(header.schema));
        }
        let document: RoutineDocument =
            serde_json::from_str(text).map_err(|e| DocumentError::Malformed(e.to_string()))?;
        let errors = document.routine.validate();
        if errors.is_empty() {
            Ok(document.routine)
        } else {
            Err(DocumentError::Invalid(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{routine, step};

    /// Kneading the glute with the hands: the step the naming tests below were written for.
    fn glute_step(side: Side, secs: u32) -> Step {
        Step {
            area: Area::GluteusMaximus,
            tool: Tool::Hands,
            instructions: "Knead slowly.".into(),
            ..step(side, secs)
        }
    }

    #[test]
    fn both_sides_count_twice_in_work_time() {
        let r = routine(vec![step(Side::Both, 60), step(Side::None, 30)]);
        assert_eq!(r.work_secs(), 150);
        assert_eq!(r.minutes_rounded(), 3);
    }

    #[test]
    fn headline_names_the_side() {
        assert_eq!(
            glute_step(Side::Left, 60).headline(Side::Left),
            "Kneading, left glute"
        );
        assert_eq!(glute_step(Side::None, 60).headline(Side::None), "Kneading, glute");
    }

    #[test]
    fn validation_reports_each_field() {
        let mut r = routine(vec![step(Side::None, 0)]);
        r.title = "  ".into();
        r.id = "Bad Id".into();
        r.steps[0].instructions = "x".repeat(limits::INSTRUCTIONS_MAX_CHARS + 1);
        let fields: Vec<Field> = r.validate().iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                Field::Id,
                Field::Title,
                Field::StepDuration(0),
                Field::StepInstructions(0)
            ]
        );
        assert!(routine(vec![])
            .validate()
            .iter()
            .any(|e| e.problem == Problem::NoSteps));
        let many = routine(vec![step(Side::None, 10); limits::MAX_STEPS + 1]);
        assert!(many
            .validate()
            .iter()
            .any(|e| matches!(e.problem, Problem::TooMany { .. })));
    }

    #[test]
    fn document_round_trips_and_rejects_newer_or_broken_input() {
        let r = routine(vec![step(Side::Both, 45)]);
        let json = RoutineDocument::to_json(&r);
        assert_eq!(RoutineDocument::from_json(&json), Ok(r));
        let newer = json.replace("\"schema\":1", "\"schema\":99");
        assert_eq!(
            RoutineDocument::from_json(&newer),
            Err(DocumentError::NewerSchema(99))
        );
        assert!(matches!(
            RoutineDocument::from_json("{"),
            Err(DocumentError::Malformed(_))
        ));
        assert!(matches!(
            RoutineDocument::from_json("null"),
            Err(DocumentError::Malformed(_))
        ));
        let zero = json.replace("\"duration_secs\":45", "\"duration_secs\":0");
        assert!(matches!(
            RoutineDocument::from_json(&zero),
            Err(DocumentError::Invalid(_))
        ));
    }

    #[test]
    fn serialised_names_are_stable() {
        // These strings are part of stored data and share links: never rename them.
        let json = serde_json::to_string(&glute_step(Side::Both, 5)).unwrap();
        assert_eq!(
            json,
            r#"{"technique":"kneading","area":"gluteus_maximus","side":"both","duration_secs":5,"pressure":"medium","tool":"hands","instructions":"Knead slowly."}"#
        );
    }
}
