//! The routine model: what a self-massage routine is made of.
//!
//! Plain data, serde-serialisable. Durations are whole seconds here (what a
//! therapist types); the session engine works in milliseconds. What a routine
//! may hold is in [`validation`]; how it is stored, in [`document`].

use serde::{Deserialize, Serialize};

use super::breathing::BreathingPattern;
use super::i18n::{Catalog, Locale};
use super::wording::worked_place;

pub mod document;
pub mod position;
pub mod validation;

pub use document::{DocumentError, RoutineDocument, ROUTINE_SCHEMA_VERSION};
pub use position::Position;
pub use validation::{is_valid_id, limits, Field, Problem, ValidationError};

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

    /// The catalogue key of the technique's name.
    pub fn key(self) -> &'static str {
        match self {
            Technique::Effleurage => "terms.technique.effleurage",
            Technique::Kneading => "terms.technique.kneading",
            Technique::TriggerPoint => "terms.technique.trigger_point",
            Technique::MyofascialRelease => "terms.technique.myofascial_release",
            Technique::Stretch => "terms.technique.stretch",
            Technique::Rest => "terms.technique.rest",
        }
    }

    /// The technique's name ("Kneading").
    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(self.key())
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
    /// Beside the sacroiliac joint, where the pelvis meets the base of the spine.
    SacroiliacJoint,
    /// The side of the hip, around (never on) the bony greater trochanter.
    GreaterTrochanter,
    /// The hamstrings, from below the sit bone to above the knee.
    BackOfThigh,
}

impl Area {
    /// Every area, in the order the builder offers them (top to bottom of the body).
    pub const ALL: [Area; 10] = [
        Area::LowerBack,
        Area::SacroiliacJoint,
        Area::GluteusMaximus,
        Area::GluteusMedius,
        Area::Piriformis,
        Area::GreaterTrochanter,
        Area::HipTfl,
        Area::HamstringAttachment,
        Area::BackOfThigh,
        Area::WholeRegion,
    ];

    /// The catalogue key of the area's full name.
    pub fn key(self) -> &'static str {
        match self {
            Area::GluteusMaximus => "terms.area.gluteus_maximus",
            Area::GluteusMedius => "terms.area.gluteus_medius",
            Area::Piriformis => "terms.area.piriformis",
            Area::HipTfl => "terms.area.hip_tfl",
            Area::LowerBack => "terms.area.lower_back",
            Area::HamstringAttachment => "terms.area.hamstring_attachment",
            Area::WholeRegion => "terms.area.whole_region",
            Area::SacroiliacJoint => "terms.area.sacroiliac_joint",
            Area::GreaterTrochanter => "terms.area.greater_trochanter",
            Area::BackOfThigh => "terms.area.back_of_thigh",
        }
    }

    /// The catalogue key of the area's short name.
    pub fn short_key(self) -> &'static str {
        match self {
            Area::GluteusMaximus => "terms.area_short.gluteus_maximus",
            Area::GluteusMedius => "terms.area_short.gluteus_medius",
            Area::Piriformis => "terms.area_short.piriformis",
            Area::HipTfl => "terms.area_short.hip_tfl",
            Area::LowerBack => "terms.area_short.lower_back",
            Area::HamstringAttachment => "terms.area_short.hamstring_attachment",
            Area::WholeRegion => "terms.area_short.whole_region",
            Area::SacroiliacJoint => "terms.area_short.sacroiliac_joint",
            Area::GreaterTrochanter => "terms.area_short.greater_trochanter",
            Area::BackOfThigh => "terms.area_short.back_of_thigh",
        }
    }

    /// The catalogue key of the short name on one side ("left glute"): a key of its
    /// own per side, as many languages inflect the side word with the area's gender.
    /// `None` for the midline and for both sides, which use [`Area::short_key`].
    pub fn sided_key(self, side: Side) -> Option<&'static str> {
        Some(match (side, self) {
            (Side::Left, Area::GluteusMaximus) => "terms.area_left.gluteus_maximus",
            (Side::Left, Area::GluteusMedius) => "terms.area_left.gluteus_medius",
            (Side::Left, Area::Piriformis) => "terms.area_left.piriformis",
            (Side::Left, Area::HipTfl) => "terms.area_left.hip_tfl",
            (Side::Left, Area::LowerBack) => "terms.area_left.lower_back",
            (Side::Left, Area::HamstringAttachment) => "terms.area_left.hamstring_attachment",
            (Side::Left, Area::WholeRegion) => "terms.area_left.whole_region",
            (Side::Left, Area::SacroiliacJoint) => "terms.area_left.sacroiliac_joint",
            (Side::Left, Area::GreaterTrochanter) => "terms.area_left.greater_trochanter",
            (Side::Left, Area::BackOfThigh) => "terms.area_left.back_of_thigh",
            (Side::Right, Area::GluteusMaximus) => "terms.area_right.gluteus_maximus",
            (Side::Right, Area::GluteusMedius) => "terms.area_right.gluteus_medius",
            (Side::Right, Area::Piriformis) => "terms.area_right.piriformis",
            (Side::Right, Area::HipTfl) => "terms.area_right.hip_tfl",
            (Side::Right, Area::LowerBack) => "terms.area_right.lower_back",
            (Side::Right, Area::HamstringAttachment) => "terms.area_right.hamstring_attachment",
            (Side::Right, Area::WholeRegion) => "terms.area_right.whole_region",
            (Side::Right, Area::SacroiliacJoint) => "terms.area_right.sacroiliac_joint",
            (Side::Right, Area::GreaterTrochanter) => "terms.area_right.greater_trochanter",
            (Side::Right, Area::BackOfThigh) => "terms.area_right.back_of_thigh",
            (Side::None | Side::Both, _) => return None,
        })
    }

    /// The area's full name ("Glute (gluteus maximus)").
    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(self.key())
    }

    /// Short name for spoken cues and compact lists ("glute").
    pub fn short_label(self, texts: &Catalog) -> &str {
        texts.text(self.short_key())
    }

    /// The short name on one pass: "left glute", "right glute", or just "glute" on the
    /// midline and for a step that works both sides.
    pub fn short_label_on(self, texts: &Catalog, side: Side) -> &str {
        texts.text(self.sided_key(side).unwrap_or(self.short_key()))
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

    /// The catalogue key of the side's name.
    pub fn key(self) -> &'static str {
        match self {
            Side::None => "terms.side.none",
            Side::Left => "terms.side.left",
            Side::Right => "terms.side.right",
            Side::Both => "terms.side.both",
        }
    }

    /// The side's name in lists and choices ("Left, then right").
    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(self.key())
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

    /// The catalogue key of the pressure's name.
    pub fn key(self) -> &'static str {
        match self {
            Pressure::Light => "terms.pressure.light",
            Pressure::Medium => "terms.pressure.medium",
            Pressure::Firm => "terms.pressure.firm",
        }
    }

    /// The pressure's name ("Medium").
    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(self.key())
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

    /// The catalogue key of the tool's name.
    pub fn key(self) -> &'static str {
        match self {
            Tool::Hands => "terms.tool.hands",
            Tool::FistForearm => "terms.tool.fist_forearm",
            Tool::MassageBall => "terms.tool.massage_ball",
            Tool::FoamRoller => "terms.tool.foam_roller",
        }
    }

    /// The tool's name ("Massage ball").
    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(self.key())
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
    /// How the body is placed; `None` in routines from before positions, which are
    /// played in the position [`Step::position`] derives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

impl Step {
    /// The body's position: the step's own, or the one its technique, area and tool call for.
    pub fn position(&self) -> Position {
        self.position
            .unwrap_or_else(|| Position::derived(self.technique, self.area, self.tool))
    }

    /// Seconds of work including both passes of a two-sided step.
    pub fn total_work_secs(&self) -> u32 {
        self.duration_secs.saturating_mul(self.side.passes())
    }

    /// The language of the how-to text: the routine's `words` language when the text is
    /// its author's own, `None` (the page's language) when it is the standard text.
    pub fn how_to_language(&self, texts: &Catalog, words: Option<Locale>) -> Option<Locale> {
        let standard = super::howto::default_instructions(texts, self.technique, self.area, self.tool);
        words.filter(|_| self.instructions != standard)
    }

    /// "Kneading, left glute": the short name used by cards and spoken cues.
    pub fn headline(&self, texts: &Catalog, side: Side) -> String {
        texts.fill(
            "terms.headline",
            &[
                ("technique", self.technique.label(texts)),
                ("place", &worked_place(self, side, texts)),
            ],
        )
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
    /// The language its own words (title, summary, note, own how-to texts) are written
    /// in; `None` for the built-ins, which are in whatever language the app shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Locale>,
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

    /// The breathing pattern written for step `index`: its own, or the routine's.
    pub fn written_breathing_for(&self, index: usize) -> BreathingPattern {
        self.steps
            .get(index)
            .and_then(|step| step.breathing)
            .unwrap_or(self.breathing)
    }

    /// The breathing pattern the pacer follows on step `index`: as written, except that
    /// a pattern that holds the breath is paced as a long exhale on a work step, where
    /// holding the breath under pressure means bracing against it (the builder warns).
    pub fn breathing_for(&self, index: usize) -> BreathingPattern {
        let written = self.written_breathing_for(index);
        let works = self
            .steps
            .get(index)
            .is_some_and(|step| step.technique != Technique::Rest);
        if works && written.holds_breath() {
            BreathingPattern::ExtendedExhale
        } else {
            written
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::testing::{catalog, english, routine, step};

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
            glute_step(Side::Left, 60).headline(&english(), Side::Left),
            "Kneading, left glute"
        );
        assert_eq!(
            glute_step(Side::None, 60).headline(&english(), Side::None),
            "Kneading, glute"
        );
    }

    /// Every key an enum names, with the one sentence built from them.
    fn every_term_key() -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = Vec::new();
        keys.extend(Technique::ALL.map(Technique::key));
        keys.extend(Area::ALL.map(Area::key));
        keys.extend(Area::ALL.map(Area::short_key));
        for side in Side::ALL {
            keys.extend(Area::ALL.iter().filter_map(|area| area.sided_key(side)));
        }
        keys.extend(Side::ALL.map(Side::key));
        keys.extend(Pressure::ALL.map(Pressure::key));
        keys.extend(Tool::ALL.map(Tool::key));
        keys.extend(Position::ALL.map(Position::key));
        keys.push("terms.headline");
        keys
    }

    #[test]
    fn every_variant_has_its_text_in_every_locale() {
        assert_eq!(every_term_key().len(), 6 + 10 * 4 + 4 + 3 + 4 + 8 + 1);
        for locale in Locale::ALL {
            let texts = catalog(locale);
            for key in every_term_key() {
                assert!(texts.has(key), "{}: {key}", locale.tag());
            }
        }
    }

    #[test]
    fn english_names_are_the_ones_the_app_always_used() {
        let texts = english();
        assert_eq!(Technique::TriggerPoint.label(&texts), "Trigger-point pressure");
        assert_eq!(Area::HipTfl.label(&texts), "Front of the hip (TFL)");
        assert_eq!(Area::GluteusMedius.short_label(&texts), "outer glute");
        assert_eq!(
            Area::HipTfl.short_label_on(&texts, Side::Right),
            "right front of hip"
        );
        assert_eq!(Area::HipTfl.short_label_on(&texts, Side::Both), "front of hip");
        assert_eq!(Side::Both.label(&texts), "Left, then right");
        assert_eq!(Pressure::Firm.label(&texts), "Firm");
        assert_eq!(Tool::FistForearm.label(&texts), "Fist or forearm");
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
