//! Safety: the warning signs that need a professional before any self-massage,
//! the cautions that follow from a step's technique, area, pressure and tool,
//! and what the person has already read and acknowledged.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::routine::{Area, Pressure, Routine, Step, Technique, Tool};
use super::store::{body_of, entries, field, json, lost_entries, Decoded, Document, StoreError};

/// How soon to get help when a warning sign applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// Today: an emergency department or urgent care.
    Urgent,
    /// Before massaging: a doctor or physiotherapist.
    SeeSomeone,
}

/// A sign that pain needs a professional, in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedFlag {
    pub text: &'static str,
    pub urgency: Urgency,
}

/// The warning signs shown before the first session and on the safety page.
pub const RED_FLAGS: [RedFlag; 10] = [
    RedFlag {
        text: "Numbness or tingling between your legs or around your back passage (where you would sit on a saddle)",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        text: "New trouble controlling or passing urine, or new bowel accidents",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        text: "Weakness in a leg or foot that is new or getting worse, such as tripping over your toes",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        text: "Back pain with a fever, chills or feeling unwell",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        text: "Pain that started after a fall, accident or heavy blow",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        text: "A calf or thigh that is swollen, warm, red or painful (a possible blood clot)",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        text: "Weight loss you cannot explain, or a history of cancer",
        urgency: Urgency::SeeSomeone,
    },
    RedFlag {
        text: "Pain that is worse at night or at rest, or keeps getting worse week by week",
        urgency: Urgency::SeeSomeone,
    },
    RedFlag {
        text: "Pregnancy, or giving birth in the last six weeks",
        urgency: Urgency::SeeSomeone,
    },
    RedFlag {
        text: "A known clotting problem, or taking blood thinners",
        urgency: Urgency::SeeSomeone,
    },
];

/// A caution that applies to some steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Caution {
    /// The sciatic nerve runs under the middle of the buttock.
    SciaticNotch,
    /// The spine and kidneys are no place for a ball or a roller.
    SpineAndKidneys,
    /// The front of the hip holds the big artery, vein and nerve of the leg.
    FrontOfHip,
    /// Sit bones bruise when pressed directly.
    SitBone,
    /// Firm means strong but bearable.
    FirmPressure,
    /// Sustained pressure on one spot has a time limit.
    HoldTime,
    /// Rolling under body weight.
    RollerWeight,
    /// Stretches go to mild tension.
    StretchGently,
    /// Nerve signs mean stop.
    NerveSigns,
}

impl Caution {
    pub fn text(self) -> &'static str {
        match self {
            Caution::SciaticNotch => "Keep firm pressure off the hollow in the middle of the buttock (the sciatic notch), where the big nerve runs. Work the muscle around it.",
            Caution::SpineAndKidneys => "Keep the ball or roller off the spine and the soft area just below the ribs. Work the muscles beside the spine only.",
            Caution::FrontOfHip => "At the front of the hip, stay on the outer side. If you feel a pulse under your fingers or the tool, move outwards.",
            Caution::SitBone => "Press beside the sit bone, not on the bone itself.",
            Caution::FirmPressure => "Firm means strong but bearable, about 6 out of 10. Ease off if you hold your breath or tense up.",
            Caution::HoldTime => "Hold one spot for 90 seconds at most. If it does not ease, move on.",
            Caution::RollerWeight => "Roll slowly and take some of your weight on your hands and feet. Skip bruised, swollen or varicose areas.",
            Caution::StretchGently => "Stretch to a mild pull only, never into pain, and do not bounce.",
            Caution::NerveSigns => "Stop if you feel tingling, numbness, or pain shooting down the leg.",
        }
    }
}

/// The cautions for one step, most specific first.
pub fn step_cautions(step: &Step) -> Vec<Caution> {
    let pressing = step.technique != Technique::Rest && step.pressure >= Pressure::Medium;
    let tool_under_body = matches!(step.tool, Tool::MassageBall | Tool::FoamRoller);
    let deep = matches!(
        step.technique,
        Technique::TriggerPoint | Technique::MyofascialRelease
    );
    let mut cautions = Vec::new();
    let mut add = |applies: bool, caution: Caution| {
        if applies {
            cautions.push(caution);
        }
    };
    add(
        matches!(step.area, Area::Piriformis | Area::GluteusMaximus) && (pressing || tool_under_body),
        Caution::SciaticNotch,
    );
    add(
        step.area == Area::LowerBack && (tool_under_body || step.pressure == Pressure::Firm),
        Caution::SpineAndKidneys,
    );
    add(step.area == Area::HipTfl && pressing, Caution::FrontOfHip);
    add(
        step.area == Area::HamstringAttachment && (pressing || tool_under_body),
        Caution::SitBone,
    );
    add(
        step.pressure == Pressure::Firm && step.technique != Technique::Rest,
        Caution::FirmPressure,
    );
    add(step.technique == Technique::TriggerPoint, Caution::HoldTime);
    add(
        step.tool == Tool::FoamRoller && step.technique != Technique::Rest,
        Caution::RollerWeight,
    );
    add(step.technique == Technique::Stretch, Caution::StretchGently);
    add(deep || tool_under_body || pressing, Caution::NerveSigns);
    cautions
}

/// Every caution of a routine, once each, in a fixed order.
pub fn routine_cautions(routine: &Routine) -> Vec<Caution> {
    let mut all: Vec<Caution> = routine.steps.iter().flat_map(step_cautions).collect();
    all.sort();
    all.dedup();
    all
}

/// A routine whose cautions were read, at the revision they were read for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcknowledgedRoutine {
    pub id: String,
    pub revision: u32,
}

/// What the person has read: the warning signs, and each routine's cautions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SafetyRecord {
    /// When the warning signs were last confirmed (ms since 1970).
    pub red_flags_confirmed_at: Option<u64>,
    pub routines: Vec<AcknowledgedRoutine>,
}

impl SafetyRecord {
    /// Whether `routine` needs its cautions read first: it has some, and not at this revision.
    pub fn needs_caution_check(&self, routine: &Routine) -> bool {
        !routine_cautions(routine).is_empty()
            && !self
                .routines
                .iter()
                .any(|seen| seen.id == routine.id && seen.revision == routine.revision)
    }

    pub fn acknowledge(&mut self, routine: &Routine) {
        self.routines.retain(|seen| seen.id != routine.id);
        self.routines.push(AcknowledgedRoutine {
            id: routine.id.clone(),
            revision: routine.revision,
        });
    }
}

impl Document for SafetyRecord {
    const NAME: &'static str = "safety";
    const KIND: super::store::Kind = super::store::Kind::Safety;
    const SCHEMA: u32 = 1;

    fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError> {
        let confirmed: Option<u64> = field(&body, "red_flags_confirmed_at")?;
        let (routines, bad) = entries::<AcknowledgedRoutine>(&body, "routines", |seen, read| {
            super::routine::is_valid_id(&seen.id) && !read.iter().any(|r| r.id == seen.id)
        })?;
        Ok(Decoded {
            value: SafetyRecord {
                red_flags_confirmed_at: confirmed,
                routines,
            },
            lost: lost_entries(bad, super::store::Entry::RoutineCheck),
        })
    }

    fn encode(&self) -> Map<String, Value> {
        body_of([
            ("red_flags_confirmed_at", json(&self.red_flags_confirmed_at)),
            ("routines", json(&self.routines)),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{builtin_routine, builtin_routines};
    use crate::store::load;

    #[test]
    fn cautions_follow_technique_area_pressure_and_tool() {
        let step = |technique, area, pressure, tool| Step {
            technique,
            area,
            side: Default::default(),
            duration_secs: 60,
            pressure,
            tool,
            instructions: String::new(),
            breathing: None,
        };
        assert_eq!(
            step_cautions(&step(
                Technique::TriggerPoint,
                Area::Piriformis,
                Pressure::Firm,
                Tool::MassageBall
            )),
            [
                Caution::SciaticNotch,
                Caution::FirmPressure,
                Caution::HoldTime,
                Caution::NerveSigns
            ]
        );
        assert_eq!(
            step_cautions(&step(
                Technique::Kneading,
                Area::LowerBack,
                Pressure::Medium,
                Tool::FoamRoller
            )),
            [
                Caution::SpineAndKidneys,
                Caution::RollerWeight,
                Caution::NerveSigns
            ]
        );
        assert_eq!(
            step_cautions(&step(
                Technique::Effleurage,
                Area::WholeRegion,
                Pressure::Light,
                Tool::Hands
            )),
            []
        );
        assert_eq!(
            step_cautions(&step(
                Technique::Rest,
                Area::WholeRegion,
                Pressure::Firm,
                Tool::FoamRoller
            )),
            [Caution::NerveSigns]
        );
        assert_eq!(
            step_cautions(&step(
                Technique::Stretch,
                Area::HipTfl,
                Pressure::Medium,
                Tool::Hands
            )),
            [Caution::FrontOfHip, Caution::StretchGently, Caution::NerveSigns]
        );
    }

    #[test]
    fn every_built_in_has_cautions_and_acknowledging_is_per_revision() {
        for routine in builtin_routines() {
            assert!(!routine_cautions(&routine).is_empty(), "{}", routine.id);
        }
        let mut routine = builtin_routine("hip-unwind").unwrap();
        let mut record = SafetyRecord::default();
        assert!(record.needs_caution_check(&routine));
        record.acknowledge(&routine);
        assert!(!record.needs_caution_check(&routine));
        routine.revision += 1;
        assert!(record.needs_caution_check(&routine));
        record.acknowledge(&routine);
        assert_eq!(record.routines.len(), 1);
    }

    #[test]
    fn stored_record_round_trips() {
        let mut record = SafetyRecord {
            red_flags_confirmed_at: Some(1_795_478_400_000),
            routines: Vec::new(),
        };
        record.acknowledge(&builtin_routine("hip-unwind").unwrap());
        let loaded = load::<SafetyRecord>(Some(&record.to_stored()));
        assert_eq!((loaded.value, loaded.problem), (record, None));
        assert!(load::<SafetyRecord>(Some(r#"{"schema":1,"routines":[]}"#)).must_keep_raw());
    }
}
