//! The routine model: what a self-massage routine is made of.
//!
//! Plain data, serde-serialisable. Durations are whole seconds here (what a
//! therapist types); the session engine works in milliseconds. What a routine
//! may hold is in [`validation`]; how it is stored, in [`document`].

use serde::{Deserialize, Serialize};

use super::breathing::BreathingPattern;
use super::wording::place;

pub mod document;
pub mod validation;

pub use document::{DocumentError, RoutineDocument, ROUTINE_SCHEMA_VERSION};
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
    fn serialised_names_are_stable() {
        // These strings are part of stored data and share links: never rename them.
        let json = serde_json::to_string(&glute_step(Side::Both, 5)).unwrap();
        assert_eq!(
            json,
            r#"{"technique":"kneading","area":"gluteus_maximus","side":"both","duration_secs":5,"pressure":"medium","tool":"hands","instructions":"Knead slowly."}"#
        );
    }
}
