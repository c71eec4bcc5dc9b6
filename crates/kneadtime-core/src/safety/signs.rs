//! The warning signs, how soon each needs help, and the precautions some of them
//! leave: the routines that are still fine, and which ones.

use crate::i18n::Catalog;
use crate::routine::{Pressure, Routine, Technique, Tool};

use super::cautions::{moves_hip_past_precautions, tool_under_body};

/// How soon to get help when a warning sign applies, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    /// Now: the emergency number or an emergency department. No routine at all.
    Emergency,
    /// Today: a doctor's urgent line or urgent care. No routine today.
    Urgent,
    /// Before massaging: a doctor or physiotherapist.
    SeeSomeone,
}

impl Urgency {
    /// Every level, most urgent first, as the check lists them.
    pub const ALL: [Urgency; 3] = [Urgency::Emergency, Urgency::Urgent, Urgency::SeeSomeone];

    /// The catalogue key of the group's heading.
    pub fn heading_key(self) -> &'static str {
        match self {
            Urgency::Emergency => "checks.emergency_heading",
            Urgency::Urgent => "checks.urgent_heading",
            Urgency::SeeSomeone => "checks.see_heading",
        }
    }

    /// The catalogue key of the sentence that introduces the group.
    pub fn intro_key(self) -> &'static str {
        match self {
            Urgency::Emergency => "checks.emergency_intro",
            Urgency::Urgent => "checks.urgent_intro",
            Urgency::SeeSomeone => "checks.see_intro",
        }
    }
}

/// A condition that rules some routines out but leaves others fine, with advice of
/// its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precaution {
    /// Bones that break more easily: no body weight on a ball or roller, no firm pressure.
    Osteoporosis,
    /// Recent surgery, or a hip replacement: no hip-precaution moves, no tool under the body.
    Surgery,
    /// Long-term steroids or weakened immunity: thin skin, fragile tissue, infections.
    Steroids,
    /// Skin conditions or broken skin: tools off the skin, hands around the sore area.
    Skin,
}

impl Precaution {
    /// Every precaution, in the order the advice lists them.
    pub const ALL: [Precaution; 4] = [
        Precaution::Osteoporosis,
        Precaution::Surgery,
        Precaution::Steroids,
        Precaution::Skin,
    ];

    /// The stable name stored in the safety record.
    pub fn slug(self) -> &'static str {
        match self {
            Precaution::Osteoporosis => "osteoporosis",
            Precaution::Surgery => "surgery",
            Precaution::Steroids => "steroids",
            Precaution::Skin => "skin",
        }
    }

    /// The precaution stored under `slug`.
    pub fn from_slug(slug: &str) -> Option<Precaution> {
        Precaution::ALL
            .into_iter()
            .find(|precaution| precaution.slug() == slug)
    }

    /// The catalogue key of the precaution's advice.
    pub fn advice_key(self) -> &'static str {
        match self {
            Precaution::Osteoporosis => "checks.precaution.osteoporosis",
            Precaution::Surgery => "checks.precaution.surgery",
            Precaution::Steroids => "checks.precaution.steroids",
            Precaution::Skin => "checks.precaution.skin",
        }
    }

    /// The precaution's advice in plain words.
    pub fn advice(self, texts: &Catalog) -> &str {
        texts.text(self.advice_key())
    }

    /// Whether `routine` is still fine with this condition.
    pub fn allows(self, routine: &Routine) -> bool {
        let work = || {
            routine
                .steps
                .iter()
                .filter(|step| step.technique != Technique::Rest)
        };
        match self {
            Precaution::Osteoporosis => {
                work().all(|step| !tool_under_body(step) && step.pressure < Pressure::Firm)
            }
            Precaution::Surgery => routine
                .steps
                .iter()
                .all(|step| !tool_under_body(step) && !moves_hip_past_precautions(step)),
            Precaution::Steroids => {
                work().all(|step| step.tool == Tool::Hands && step.pressure == Pressure::Light)
            }
            Precaution::Skin => work().all(|step| !tool_under_body(step)),
        }
    }
}

/// A sign that pain needs a professional, in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedFlag {
    /// The catalogue key of the sign's text.
    pub key: &'static str,
    pub urgency: Urgency,
    /// The routines that stay fine with this sign, when some do.
    pub precaution: Option<Precaution>,
}

impl RedFlag {
    /// The sign in plain words.
    pub fn text<'a>(&self, texts: &'a Catalog) -> &'a str {
        texts.text(self.key)
    }

    /// The sign stored or sent under its catalogue key.
    pub fn with_key(key: &str) -> Option<&'static RedFlag> {
        RED_FLAGS.iter().find(|flag| flag.key == key)
    }
}

const fn sign(key: &'static str, urgency: Urgency, precaution: Option<Precaution>) -> RedFlag {
    RedFlag {
        key,
        urgency,
        precaution,
    }
}

/// Numbness between the legs: the body map asks about it too, with the same words.
pub const SADDLE_NUMBNESS: &str = "safety.red_flag.saddle_numbness";

/// The warning signs shown before the first session and on the safety page, most
/// urgent first.
pub const RED_FLAGS: [RedFlag; 17] = [
    sign(SADDLE_NUMBNESS, Urgency::Emergency, None),
    sign("safety.red_flag.bladder_bowel", Urgency::Emergency, None),
    sign("safety.red_flag.leg_weakness_worsening", Urgency::Emergency, None),
    sign("safety.red_flag.both_legs", Urgency::Emergency, None),
    sign("safety.red_flag.breathless_chest_pain", Urgency::Emergency, None),
    sign("safety.red_flag.leg_weakness", Urgency::Urgent, None),
    sign("safety.red_flag.fever", Urgency::Urgent, None),
    sign("safety.red_flag.injury", Urgency::Urgent, None),
    sign("safety.red_flag.blood_clot", Urgency::Urgent, None),
    sign("safety.red_flag.weight_loss_cancer", Urgency::SeeSomeone, None),
    sign("safety.red_flag.night_pain", Urgency::SeeSomeone, None),
    sign("safety.red_flag.pregnancy", Urgency::SeeSomeone, None),
    sign("safety.red_flag.blood_thinners", Urgency::SeeSomeone, None),
    sign(
        "safety.red_flag.osteoporosis",
        Urgency::SeeSomeone,
        Some(Precaution::Osteoporosis),
    ),
    sign(
        "safety.red_flag.surgery",
        Urgency::SeeSomeone,
        Some(Precaution::Surgery),
    ),
    sign(
        "safety.red_flag.steroids",
        Urgency::SeeSomeone,
        Some(Precaution::Steroids),
    ),
    sign(
        "safety.red_flag.skin",
        Urgency::SeeSomeone,
        Some(Precaution::Skin),
    ),
];

/// What to do, given the signs that apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    /// Call the emergency number now; no routine.
    Emergency,
    /// Get help today; no routine today.
    Urgent,
    /// See a doctor or physiotherapist before any routine.
    SeeSomeone,
    /// See a professional, and meanwhile only the routines every one of these allows.
    Precautions(Vec<Precaution>),
}

impl Advice {
    /// Whether `routine` may be played with this advice.
    pub fn allows(&self, routine: &Routine) -> bool {
        match self {
            Advice::Precautions(precautions) => precautions.iter().all(|p| p.allows(routine)),
            Advice::Emergency | Advice::Urgent | Advice::SeeSomeone => false,
        }
    }
}

/// The advice for the signs that apply: the most urgent sign decides; `None` when no
/// sign applies.
pub fn advice_for<'a>(applying: impl IntoIterator<Item = &'a RedFlag>) -> Option<Advice> {
    let applying: Vec<&RedFlag> = applying.into_iter().collect();
    let most_urgent = applying.iter().map(|flag| flag.urgency).min()?;
    Some(match most_urgent {
        Urgency::Emergency => Advice::Emergency,
        Urgency::Urgent => Advice::Urgent,
        Urgency::SeeSomeone => {
            let precautions: Option<Vec<Precaution>> = applying.iter().map(|flag| flag.precaution).collect();
            match precautions {
                Some(mut precautions) => {
                    precautions.sort();
                    precautions.dedup();
                    Advice::Precautions(precautions)
                }
                None => Advice::SeeSomeone,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::library::builtin_routines;
    use crate::testing::{catalog, english};

    fn flag(key: &str) -> &'static RedFlag {
        RedFlag::with_key(key).unwrap_or_else(|| panic!("no sign {key}"))
    }

    #[test]
    fn every_sign_and_its_advice_has_text_in_every_locale_most_urgent_first() {
        for locale in Locale::ALL {
            let texts = catalog(locale);
            for key in RED_FLAGS.iter().map(|flag| flag.key).chain(
                Urgency::ALL
                    .iter()
                    .flat_map(|urgency| [urgency.heading_key(), urgency.intro_key()]),
            ) {
                assert!(texts.has(key), "{}: {key}", locale.tag());
            }
            for precaution in Precaution::ALL {
                assert!(texts.has(precaution.advice_key()), "{}", locale.tag());
            }
        }
        assert!(RED_FLAGS
            .windows(2)
            .all(|pair| pair[0].urgency <= pair[1].urgency));
        for precaution in Precaution::ALL {
            assert_eq!(Precaution::from_slug(precaution.slug()), Some(precaution));
        }
    }

    #[test]
    fn saddle_numbness_and_the_other_cauda_equina_and_clot_signs_are_emergencies() {
        for key in [
            SADDLE_NUMBNESS,
            "safety.red_flag.bladder_bowel",
            "safety.red_flag.leg_weakness_worsening",
            "safety.red_flag.both_legs",
            "safety.red_flag.breathless_chest_pain",
        ] {
            assert_eq!(flag(key).urgency, Urgency::Emergency, "{key}");
            assert_eq!(advice_for([flag(key)]), Some(Advice::Emergency), "{key}");
        }
        assert!(english().text(SADDLE_NUMBNESS).contains("between your legs"));
    }

    #[test]
    fn the_most_urgent_sign_decides_and_precautions_need_every_sign_to_have_one() {
        assert_eq!(advice_for([]), None);
        let osteoporosis = flag("safety.red_flag.osteoporosis");
        let skin = flag("safety.red_flag.skin");
        let fever = flag("safety.red_flag.fever");
        let pregnancy = flag("safety.red_flag.pregnancy");
        assert_eq!(advice_for([fever, osteoporosis]), Some(Advice::Urgent));
        assert_eq!(
            advice_for([osteoporosis, flag(SADDLE_NUMBNESS), fever]),
            Some(Advice::Emergency)
        );
        assert_eq!(advice_for([pregnancy, osteoporosis]), Some(Advice::SeeSomeone));
        assert_eq!(
            advice_for([skin, osteoporosis, skin]),
            Some(Advice::Precautions(vec![
                Precaution::Osteoporosis,
                Precaution::Skin
            ]))
        );
    }

    #[test]
    fn precautions_leave_the_hands_only_light_routines_and_only_those_that_fit() {
        let routines = builtin_routines(&english());
        let allowed = |precaution: Precaution| -> Vec<&str> {
            routines
                .iter()
                .filter(|routine| precaution.allows(routine))
                .map(|routine| routine.id.as_str())
                .collect()
        };
        // The gentle flare-up routine suits every one of them.
        for precaution in Precaution::ALL {
            assert!(allowed(precaution).contains(&"gentle-flare-up"), "{precaution:?}");
            assert!(
                allowed(precaution).len() < routines.len(),
                "{precaution:?} rules nothing out"
            );
        }
        // Weight on a ball or roller is out with osteoporosis; so are figure-4 and knee
        // hugs after surgery.
        assert!(!allowed(Precaution::Osteoporosis).contains(&"foam-roller-hip-glute"));
        assert!(!allowed(Precaution::Surgery).contains(&"desk-break-reset"));
        assert!(!allowed(Precaution::Steroids).contains(&"desk-break-reset"));
        let all = Advice::Precautions(Precaution::ALL.to_vec());
        assert!(routines.iter().any(|routine| all.allows(routine)));
        assert!(!Advice::SeeSomeone.allows(&routines[0]));
    }
}
