//! Safety: the warning signs that need a professional before any self-massage,
//! the cautions that follow from a step's technique, area, pressure and tool,
//! and what the person has already read and acknowledged.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::i18n::Catalog;
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
    /// The catalogue key of the sign's text.
    pub key: &'static str,
    pub urgency: Urgency,
}

impl RedFlag {
    /// The sign in plain words.
    pub fn text<'a>(&self, texts: &'a Catalog) -> &'a str {
        texts.text(self.key)
    }
}

/// The warning signs shown before the first session and on the safety page.
pub const RED_FLAGS: [RedFlag; 10] = [
    RedFlag {
        key: "safety.red_flag.saddle_numbness",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        key: "safety.red_flag.bladder_bowel",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        key: "safety.red_flag.leg_weakness",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        key: "safety.red_flag.fever",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        key: "safety.red_flag.injury",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        key: "safety.red_flag.blood_clot",
        urgency: Urgency::Urgent,
    },
    RedFlag {
        key: "safety.red_flag.weight_loss_cancer",
        urgency: Urgency::SeeSomeone,
    },
    RedFlag {
        key: "safety.red_flag.night_pain",
        urgency: Urgency::SeeSomeone,
    },
    RedFlag {
        key: "safety.red_flag.pregnancy",
        urgency: Urgency::SeeSomeone,
    },
    RedFlag {
        key: "safety.red_flag.blood_thinners",
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
    /// The sacroiliac joint and the greater trochanter are bone under thin tissue.
    BonyPoints,
    /// Nerves and vessels run close to the skin behind the knee.
    BackOfKnee,
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
    /// Every caution, in the order a routine lists them.
    pub const ALL: [Caution; 11] = [
        Caution::SciaticNotch,
        Caution::SpineAndKidneys,
        Caution::FrontOfHip,
        Caution::SitBone,
        Caution::BonyPoints,
        Caution::BackOfKnee,
        Caution::FirmPressure,
        Caution::HoldTime,
        Caution::RollerWeight,
        Caution::StretchGently,
        Caution::NerveSigns,
    ];

    /// The catalogue key of the caution's text.
    pub fn key(self) -> &'static str {
        match self {
            Caution::SciaticNotch => "safety.caution.sciatic_notch",
            Caution::SpineAndKidneys => "safety.caution.spine_and_kidneys",
            Caution::FrontOfHip => "safety.caution.front_of_hip",
            Caution::SitBone => "safety.caution.sit_bone",
            Caution::BonyPoints => "safety.caution.bony_points",
            Caution::BackOfKnee => "safety.caution.back_of_knee",
            Caution::FirmPressure => "safety.caution.firm_pressure",
            Caution::HoldTime => "safety.caution.hold_time",
            Caution::RollerWeight => "safety.caution.roller_weight",
            Caution::StretchGently => "safety.caution.stretch_gently",
            Caution::NerveSigns => "safety.caution.nerve_signs",
        }
    }

    /// The caution in plain words.
    pub fn text(self, texts: &Catalog) -> &str {
        texts.text(self.key())
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
        matches!(step.area, Area::SacroiliacJoint | Area::GreaterTrochanter) && (pressing || tool_under_body),
        Caution::BonyPoints,
    );
    add(
        step.area == Area::BackOfThigh && (pressing || tool_under_body),
        Caution::BackOfKnee,
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
    use crate::i18n::Locale;
    use crate::library::{builtin_routine, builtin_routines};
    use crate::store::load;
    use crate::testing::{catalog, english};

    #[test]
    fn every_warning_sign_and_caution_has_its_text_in_every_locale() {
        for locale in Locale::ALL {
            let texts = catalog(locale);
            for key in RED_FLAGS
                .map(|flag| flag.key)
                .into_iter()
                .chain(Caution::ALL.map(Caution::key))
            {
                assert!(texts.has(key), "{}: {key}", locale.tag());
            }
        }
        let mut sorted = Caution::ALL;
        sorted.sort();
        assert_eq!(sorted, Caution::ALL);
        let texts = english();
        assert_eq!(
            RED_FLAGS[4].text(&texts),
            "Pain that started after a fall, accident or heavy blow"
        );
        assert_eq!(
            Caution::SitBone.text(&texts),
            "Press beside the sit bone, not on the bone itself."
        );
    }

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
        let texts = english();
        for routine in builtin_routines(&texts) {
            assert!(!routine_cautions(&routine).is_empty(), "{}", routine.id);
        }
        let mut routine = builtin_routine(&texts, "hip-unwind").unwrap();
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
        record.acknowledge(&builtin_routine(&english(), "hip-unwind").unwrap());
        let loaded = load::<SafetyRecord>(Some(&record.to_stored()));
        assert_eq!((loaded.value, loaded.problem), (record, None));
        assert!(load::<SafetyRecord>(Some(r#"{"schema":1,"routines":[]}"#)).must_keep_raw());
    }
}
