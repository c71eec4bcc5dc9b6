//! The cautions a step brings, from its technique, area, pressure and tool: the
//! landmarks to keep off, the limits of pressure and time, and the moves to skip.

use crate::i18n::Catalog;
use crate::routine::{Area, Pressure, Routine, Step, Technique, Tool};

/// A caution that applies to some steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Caution {
    /// The sciatic nerve leaves the pelvis in the inner middle of the buttock.
    SciaticNotch,
    /// The spine and kidneys are no place for a ball or a roller.
    SpineAndKidneys,
    /// The front of the hip holds the big artery, vein and nerve of the leg.
    FrontOfHip,
    /// Sit bones bruise when pressed directly.
    SitBone,
    /// A tender sit bone or side of the hip is often an irritated tendon.
    TenderTendon,
    /// The sacroiliac joint and the greater trochanter are bone under thin tissue.
    BonyPoints,
    /// Nerves and vessels run close to the skin behind the knee.
    BackOfKnee,
    /// Firm is never more than about 6 out of 10.
    FirmPressure,
    /// Sustained pressure on one spot has a time limit.
    HoldTime,
    /// Rolling under body weight.
    RollerWeight,
    /// Stretches go to mild tension.
    StretchGently,
    /// Knee to chest, crossed legs and a leg turned in break hip-replacement precautions.
    HipReplacement,
    /// Nerve signs mean stop.
    NerveSigns,
}

impl Caution {
    /// Every caution, in the order a routine lists them.
    pub const ALL: [Caution; 13] = [
        Caution::SciaticNotch,
        Caution::SpineAndKidneys,
        Caution::FrontOfHip,
        Caution::SitBone,
        Caution::TenderTendon,
        Caution::BonyPoints,
        Caution::BackOfKnee,
        Caution::FirmPressure,
        Caution::HoldTime,
        Caution::RollerWeight,
        Caution::StretchGently,
        Caution::HipReplacement,
        Caution::NerveSigns,
    ];

    /// The catalogue key of the caution's text.
    pub fn key(self) -> &'static str {
        match self {
            Caution::SciaticNotch => "safety.caution.sciatic_notch",
            Caution::SpineAndKidneys => "safety.caution.spine_and_kidneys",
            Caution::FrontOfHip => "safety.caution.front_of_hip",
            Caution::SitBone => "safety.caution.sit_bone",
            Caution::TenderTendon => "safety.caution.tender_tendon",
            Caution::BonyPoints => "safety.caution.bony_points",
            Caution::BackOfKnee => "safety.caution.back_of_knee",
            Caution::FirmPressure => "safety.caution.firm_pressure",
            Caution::HoldTime => "safety.caution.hold_time",
            Caution::RollerWeight => "safety.caution.roller_weight",
            Caution::StretchGently => "safety.caution.stretch_gently",
            Caution::HipReplacement => "safety.caution.hip_replacement",
            Caution::NerveSigns => "safety.caution.nerve_signs",
        }
    }

    /// The caution in plain words.
    pub fn text(self, texts: &Catalog) -> &str {
        texts.text(self.key())
    }

    /// The landmark caution of an area with a nerve or a big vessel close under the
    /// skin: shown on every step that works there, whatever the pressure.
    pub fn landmark_of(area: Area) -> Option<Caution> {
        match area {
            Area::Piriformis | Area::GluteusMaximus => Some(Caution::SciaticNotch),
            Area::HipTfl => Some(Caution::FrontOfHip),
            Area::BackOfThigh => Some(Caution::BackOfKnee),
            _ => None,
        }
    }
}

/// Whether the step puts body weight on a ball or a roller (against the floor or a wall).
pub fn tool_under_body(step: &Step) -> bool {
    matches!(step.tool, Tool::MassageBall | Tool::FoamRoller)
}

/// Whether the step bends the hip far, crosses the legs or turns the leg in, as the
/// precautions after a hip replacement forbid: every stretch but the front-of-hip one
/// (figure-4, knee hugs, a straight leg raised, a leg crossed behind), and weight on a
/// ball or roller under the deep buttock, which is done with the ankle over the knee.
pub fn moves_hip_past_precautions(step: &Step) -> bool {
    (step.technique == Technique::Stretch && step.area != Area::HipTfl)
        || (tool_under_body(step) && step.area == Area::Piriformis)
}

/// The cautions for one step, most specific first.
pub fn step_cautions(step: &Step) -> Vec<Caution> {
    let works = step.technique != Technique::Rest;
    let pressing = works && step.pressure >= Pressure::Medium;
    let tool = tool_under_body(step);
    let deep = matches!(
        step.technique,
        Technique::TriggerPoint | Technique::MyofascialRelease
    );
    let area = step.area;
    let mut cautions = Vec::new();
    let mut add = |applies: bool, caution: Caution| {
        if applies {
            cautions.push(caution);
        }
    };
    // A tool under the whole region rests on the buttock and the lower back alike.
    let on = |areas: &[Area]| areas.contains(&area) || (tool && area == Area::WholeRegion);
    add(
        (works && Caution::landmark_of(area) == Some(Caution::SciaticNotch))
            || (tool && on(&[Area::Piriformis, Area::GluteusMaximus])),
        Caution::SciaticNotch,
    );
    add(
        on(&[Area::LowerBack]) && (tool || pressing),
        Caution::SpineAndKidneys,
    );
    add(works && area == Area::HipTfl, Caution::FrontOfHip);
    add(
        area == Area::HamstringAttachment && (pressing || tool),
        Caution::SitBone,
    );
    add(
        works && matches!(area, Area::HamstringAttachment | Area::GreaterTrochanter),
        Caution::TenderTendon,
    );
    add(
        matches!(area, Area::SacroiliacJoint | Area::GreaterTrochanter) && (pressing || tool),
        Caution::BonyPoints,
    );
    add(works && area == Area::BackOfThigh, Caution::BackOfKnee);
    add(step.pressure == Pressure::Firm && works, Caution::FirmPressure);
    add(step.technique == Technique::TriggerPoint, Caution::HoldTime);
    add(step.tool == Tool::FoamRoller && works, Caution::RollerWeight);
    add(step.technique == Technique::Stretch, Caution::StretchGently);
    add(moves_hip_past_precautions(step), Caution::HipReplacement);
    add(deep || tool || pressing, Caution::NerveSigns);
    cautions
}

/// Every caution of a routine, once each, in a fixed order.
pub fn routine_cautions(routine: &Routine) -> Vec<Caution> {
    let mut all: Vec<Caution> = routine.steps.iter().flat_map(step_cautions).collect();
    all.sort();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::library::builtin_routines;
    use crate::routine::Side;
    use crate::testing::{catalog, english};

    fn step(technique: Technique, area: Area, pressure: Pressure, tool: Tool) -> Step {
        Step {
            technique,
            area,
            side: Side::default(),
            duration_secs: 60,
            pressure,
            tool,
            instructions: String::new(),
            breathing: None,
            position: None,
        }
    }

    #[test]
    fn every_caution_has_its_text_in_every_locale() {
        for locale in Locale::ALL {
            let texts = catalog(locale);
            for caution in Caution::ALL {
                assert!(texts.has(caution.key()), "{}: {:?}", locale.tag(), caution);
            }
        }
        let mut sorted = Caution::ALL;
        sorted.sort();
        assert_eq!(sorted, Caution::ALL);
        assert_eq!(
            Caution::SitBone.text(&english()),
            "Press beside the sit bone, not on the bone itself."
        );
    }

    #[test]
    fn cautions_follow_technique_area_pressure_and_tool() {
        use Area::*;
        use Pressure::*;
        use Technique::*;
        use Tool::*;
        assert_eq!(
            step_cautions(&step(TriggerPoint, Piriformis, Firm, MassageBall)),
            [
                Caution::SciaticNotch,
                Caution::FirmPressure,
                Caution::HoldTime,
                Caution::HipReplacement,
                Caution::NerveSigns
            ]
        );
        assert_eq!(
            step_cautions(&step(Kneading, LowerBack, Medium, FoamRoller)),
            [
                Caution::SpineAndKidneys,
                Caution::RollerWeight,
                Caution::NerveSigns
            ]
        );
        assert_eq!(step_cautions(&step(Effleurage, WholeRegion, Light, Hands)), []);
        assert_eq!(
            step_cautions(&step(Rest, WholeRegion, Light, FoamRoller)),
            [
                Caution::SciaticNotch,
                Caution::SpineAndKidneys,
                Caution::NerveSigns
            ]
        );
        assert_eq!(
            step_cautions(&step(Stretch, HipTfl, Light, Hands)),
            [Caution::FrontOfHip, Caution::StretchGently]
        );
        // The pulse in the groin matters as soon as a roller rests there, light or not.
        assert_eq!(
            step_cautions(&step(MyofascialRelease, HipTfl, Light, FoamRoller)),
            [Caution::FrontOfHip, Caution::RollerWeight, Caution::NerveSigns]
        );
        assert_eq!(
            step_cautions(&step(Effleurage, BackOfThigh, Light, Hands)),
            [Caution::BackOfKnee]
        );
        assert_eq!(
            step_cautions(&step(Stretch, SacroiliacJoint, Light, Hands)),
            [Caution::StretchGently, Caution::HipReplacement]
        );
    }

    #[test]
    fn a_tool_under_the_body_brings_the_cautions_of_the_area_it_rests_on() {
        for area in Area::ALL {
            for tool in [Tool::MassageBall, Tool::FoamRoller] {
                for pressure in Pressure::ALL {
                    let resting = step(Technique::MyofascialRelease, area, pressure, tool);
                    let cautions = step_cautions(&resting);
                    let pressed =
                        step_cautions(&step(Technique::TriggerPoint, area, Pressure::Firm, Tool::Hands));
                    for caution in pressed
                        .iter()
                        .filter(|caution| !matches!(caution, Caution::FirmPressure | Caution::HoldTime))
                    {
                        assert!(
                            cautions.contains(caution),
                            "{area:?} {tool:?} {pressure:?}: {caution:?}"
                        );
                    }
                }
            }
        }
    }

    /// Rule: areas with a nerve or vessel nearby carry their landmark caution on every
    /// step that works them, in every built-in routine.
    #[test]
    fn every_built_in_step_near_a_nerve_or_vessel_carries_its_landmark() {
        let mut missing = Vec::new();
        for routine in builtin_routines(&english()) {
            for (index, step) in routine.steps.iter().enumerate() {
                if let Some(landmark) = Caution::landmark_of(step.area) {
                    if step.technique != Technique::Rest && !step_cautions(step).contains(&landmark) {
                        missing.push(format!("{} step {}: {landmark:?}", routine.id, index + 1));
                    }
                }
            }
        }
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn every_built_in_has_cautions() {
        for routine in builtin_routines(&english()) {
            assert!(!routine_cautions(&routine).is_empty(), "{}", routine.id);
        }
    }
}
