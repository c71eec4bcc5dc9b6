//! The built-in routines: data, written for this app, checked by tests. Their
//! words (title, summary, each step's how-to) are catalogue texts under
//! `library.<id in snake case>`, so a routine reads in the person's language.

use super::breathing::BreathingPattern::{self, Coherent, ExtendedExhale, FourSevenEight};
use super::i18n::Catalog;
use super::routine::{
    Area::{self, *},
    Pressure::{self, *},
    Routine, Side, Step,
    Technique::{self, *},
    Tool::{self, *},
};

/// Every built-in routine, shortest first, in the language of `texts`.
pub fn builtin_routines(texts: &Catalog) -> Vec<Routine> {
    vec![
        desk_break(texts),
        sacroiliac_settle(texts),
        low_back_soothe(texts),
        piriformis_ball(texts),
        hip_unwind(texts),
        foam_roller_flow(texts),
        swedish_back_and_glutes(texts),
        sit_bone_and_hamstring(texts),
        trigger_point_hip_and_back(texts),
        myofascial_hip_and_thigh(texts),
        deep_tissue_glute_and_hamstring(texts),
        evening_wind_down(texts),
    ]
}

/// The built-in routine with this id, in the language of `texts`.
pub fn builtin_routine(texts: &Catalog, id: &str) -> Option<Routine> {
    builtin_routines(texts)
        .into_iter()
        .find(|routine| routine.id == id)
}

fn step(
    technique: Technique,
    area: Area,
    side: Side,
    secs: u32,
    pressure: Pressure,
    tool: Tool,
    text: &str,
) -> Step {
    Step {
        technique,
        area,
        side,
        duration_secs: secs,
        pressure,
        tool,
        instructions: text.to_string(),
        breathing: None,
    }
}

fn with_breathing(mut step: Step, pattern: BreathingPattern) -> Step {
    step.breathing = Some(pattern);
    step
}

fn routine(id: &str, title: &str, summary: &str, breathing: BreathingPattern, steps: Vec<Step>) -> Routine {
    Routine {
        id: id.to_string(),
        revision: 1,
        title: title.to_string(),
        summary: summary.to_string(),
        author: String::new(),
        note: String::new(),
        language: None,
        breathing,
        steps,
    }
}

#[rustfmt::skip]
fn desk_break(texts: &Catalog) -> Routine {
    routine(
        "desk-break-reset",
        texts.text("library.desk_break_reset.title"),
        texts.text("library.desk_break_reset.summary"),
        ExtendedExhale,
        vec![
            step(Effleurage, WholeRegion, Side::None, 45, Light, Hands, texts.text("library.desk_break_reset.steps.0")),
            step(Kneading, GluteusMaximus, Side::Both, 60, Medium, FistForearm, texts.text("library.desk_break_reset.steps.1")),
            with_breathing(
                step(TriggerPoint, GluteusMedius, Side::Both, 45, Medium, Hands, texts.text("library.desk_break_reset.steps.2")),
                ExtendedExhale,
            ),
            step(Stretch, Piriformis, Side::Both, 30, Light, Hands, texts.text("library.desk_break_reset.steps.3")),
        ],
    )
}

#[rustfmt::skip]
fn low_back_soothe(texts: &Catalog) -> Routine {
    routine(
        "low-back-soothe",
        texts.text("library.low_back_soothe.title"),
        texts.text("library.low_back_soothe.summary"),
        ExtendedExhale,
        vec![
            step(Effleurage, LowerBack, Side::None, 60, Light, Hands, texts.text("library.low_back_soothe.steps.0")),
            step(Kneading, LowerBack, Side::Both, 60, Medium, FistForearm, texts.text("library.low_back_soothe.steps.1")),
            step(TriggerPoint, LowerBack, Side::Both, 60, Light, MassageBall, texts.text("library.low_back_soothe.steps.2")),
            step(MyofascialRelease, GluteusMedius, Side::Both, 45, Medium, MassageBall, texts.text("library.low_back_soothe.steps.3")),
            with_breathing(
                step(Rest, LowerBack, Side::None, 60, Light, Hands, texts.text("library.low_back_soothe.steps.4")),
                Coherent,
            ),
        ],
    )
}

#[rustfmt::skip]
fn piriformis_ball(texts: &Catalog) -> Routine {
    routine(
        "piriformis-ball-release",
        texts.text("library.piriformis_ball_release.title"),
        texts.text("library.piriformis_ball_release.summary"),
        ExtendedExhale,
        vec![
            step(Effleurage, GluteusMaximus, Side::None, 60, Light, Hands, texts.text("library.piriformis_ball_release.steps.0")),
            step(TriggerPoint, Piriformis, Side::Both, 90, Medium, MassageBall, texts.text("library.piriformis_ball_release.steps.1")),
            step(MyofascialRelease, GluteusMaximus, Side::Both, 60, Medium, MassageBall, texts.text("library.piriformis_ball_release.steps.2")),
            step(Stretch, Piriformis, Side::Both, 45, Light, Hands, texts.text("library.piriformis_ball_release.steps.3")),
            with_breathing(
                step(Rest, WholeRegion, Side::None, 30, Light, Hands, texts.text("library.piriformis_ball_release.steps.4")),
                Coherent,
            ),
        ],
    )
}

#[rustfmt::skip]
fn hip_unwind(texts: &Catalog) -> Routine {
    routine(
        "hip-unwind",
        texts.text("library.hip_unwind.title"),
        texts.text("library.hip_unwind.summary"),
        Coherent,
        vec![
            step(Effleurage, HipTfl, Side::Both, 30, Light, Hands, texts.text("library.hip_unwind.steps.0")),
            step(Kneading, GluteusMedius, Side::Both, 60, Medium, Hands, texts.text("library.hip_unwind.steps.1")),
            with_breathing(
                step(TriggerPoint, HipTfl, Side::Both, 60, Medium, MassageBall, texts.text("library.hip_unwind.steps.2")),
                ExtendedExhale,
            ),
            step(MyofascialRelease, GluteusMedius, Side::Both, 45, Medium, MassageBall, texts.text("library.hip_unwind.steps.3")),
            step(Stretch, HipTfl, Side::Both, 30, Light, Hands, texts.text("library.hip_unwind.steps.4")),
        ],
    )
}

#[rustfmt::skip]
fn foam_roller_flow(texts: &Catalog) -> Routine {
    routine(
        "foam-roller-hip-glute",
        texts.text("library.foam_roller_hip_glute.title"),
        texts.text("library.foam_roller_hip_glute.summary"),
        Coherent,
        vec![
            step(Effleurage, WholeRegion, Side::None, 60, Light, Hands, texts.text("library.foam_roller_hip_glute.steps.0")),
            step(MyofascialRelease, GluteusMaximus, Side::Both, 75, Medium, FoamRoller, texts.text("library.foam_roller_hip_glute.steps.1")),
            with_breathing(
                step(TriggerPoint, GluteusMedius, Side::Both, 60, Medium, FoamRoller, texts.text("library.foam_roller_hip_glute.steps.2")),
                ExtendedExhale,
            ),
            step(MyofascialRelease, HipTfl, Side::Both, 45, Light, FoamRoller, texts.text("library.foam_roller_hip_glute.steps.3")),
            step(Kneading, HamstringAttachment, Side::Both, 45, Medium, FoamRoller, texts.text("library.foam_roller_hip_glute.steps.4")),
            step(Rest, WholeRegion, Side::None, 45, Light, Hands, texts.text("library.foam_roller_hip_glute.steps.5")),
        ],
    )
}

#[rustfmt::skip]
fn sacroiliac_settle(texts: &Catalog) -> Routine {
    routine(
        "sacroiliac-settle",
        texts.text("library.sacroiliac_settle.title"),
        texts.text("library.sacroiliac_settle.summary"),
        ExtendedExhale,
        vec![
            step(Effleurage, SacroiliacJoint, Side::None, 60, Light, Hands, texts.text("library.sacroiliac_settle.steps.0")),
            step(Kneading, SacroiliacJoint, Side::Both, 60, Medium, Hands, texts.text("library.sacroiliac_settle.steps.1")),
            step(MyofascialRelease, SacroiliacJoint, Side::Both, 45, Light, MassageBall, texts.text("library.sacroiliac_settle.steps.2")),
            step(Stretch, SacroiliacJoint, Side::Both, 30, Light, Hands, texts.text("library.sacroiliac_settle.steps.3")),
            with_breathing(
                step(Rest, WholeRegion, Side::None, 60, Light, Hands, texts.text("library.sacroiliac_settle.steps.4")),
                Coherent,
            ),
        ],
    )
}

/// Swedish massage: long gliding strokes and rhythmic kneading, light to medium.
#[rustfmt::skip]
fn swedish_back_and_glutes(texts: &Catalog) -> Routine {
    routine(
        "swedish-back-and-glutes",
        texts.text("library.swedish_back_and_glutes.title"),
        texts.text("library.swedish_back_and_glutes.summary"),
        Coherent,
        vec![
            step(Effleurage, WholeRegion, Side::None, 60, Light, Hands, texts.text("library.swedish_back_and_glutes.steps.0")),
            step(Effleurage, LowerBack, Side::None, 60, Medium, Hands, texts.text("library.swedish_back_and_glutes.steps.1")),
            step(Kneading, GluteusMaximus, Side::Both, 75, Medium, Hands, texts.text("library.swedish_back_and_glutes.steps.2")),
            step(Kneading, GluteusMedius, Side::Both, 60, Medium, FistForearm, texts.text("library.swedish_back_and_glutes.steps.3")),
            step(Kneading, SacroiliacJoint, Side::Both, 45, Light, Hands, texts.text("library.swedish_back_and_glutes.steps.4")),
            with_breathing(
                step(Effleurage, WholeRegion, Side::None, 60, Light, Hands, texts.text("library.swedish_back_and_glutes.steps.5")),
                ExtendedExhale,
            ),
        ],
    )
}

#[rustfmt::skip]
fn sit_bone_and_hamstring(texts: &Catalog) -> Routine {
    routine(
        "sit-bone-and-hamstring",
        texts.text("library.sit_bone_and_hamstring.title"),
        texts.text("library.sit_bone_and_hamstring.summary"),
        ExtendedExhale,
        vec![
            step(Effleurage, BackOfThigh, Side::Both, 45, Light, Hands, texts.text("library.sit_bone_and_hamstring.steps.0")),
            step(TriggerPoint, HamstringAttachment, Side::Both, 60, Medium, MassageBall, texts.text("library.sit_bone_and_hamstring.steps.1")),
            step(MyofascialRelease, BackOfThigh, Side::Both, 60, Medium, MassageBall, texts.text("library.sit_bone_and_hamstring.steps.2")),
            step(Kneading, BackOfThigh, Side::Both, 45, Medium, Hands, texts.text("library.sit_bone_and_hamstring.steps.3")),
            step(Stretch, BackOfThigh, Side::Both, 30, Light, Hands, texts.text("library.sit_bone_and_hamstring.steps.4")),
            with_breathing(
                step(Rest, WholeRegion, Side::None, 45, Light, Hands, texts.text("library.sit_bone_and_hamstring.steps.5")),
                Coherent,
            ),
        ],
    )
}

/// Trigger-point therapy: held pressure on tender spots, one after another.
#[rustfmt::skip]
fn trigger_point_hip_and_back(texts: &Catalog) -> Routine {
    routine(
        "trigger-point-hip-and-back",
        texts.text("library.trigger_point_hip_and_back.title"),
        texts.text("library.trigger_point_hip_and_back.summary"),
        ExtendedExhale,
        vec![
            step(Effleurage, WholeRegion, Side::None, 45, Light, Hands, texts.text("library.trigger_point_hip_and_back.steps.0")),
            step(TriggerPoint, LowerBack, Side::Both, 60, Medium, MassageBall, texts.text("library.trigger_point_hip_and_back.steps.1")),
            step(TriggerPoint, GluteusMedius, Side::Both, 75, Medium, MassageBall, texts.text("library.trigger_point_hip_and_back.steps.2")),
            step(TriggerPoint, Piriformis, Side::Both, 75, Medium, MassageBall, texts.text("library.trigger_point_hip_and_back.steps.3")),
            step(TriggerPoint, GluteusMaximus, Side::Both, 45, Medium, Hands, texts.text("library.trigger_point_hip_and_back.steps.4")),
            step(Rest, WholeRegion, Side::None, 60, Light, Hands, texts.text("library.trigger_point_hip_and_back.steps.5")),
        ],
    )
}

/// Myofascial release: slow, sustained pressure that waits for the tissue to give.
#[rustfmt::skip]
fn myofascial_hip_and_thigh(texts: &Catalog) -> Routine {
    routine(
        "myofascial-hip-and-thigh",
        texts.text("library.myofascial_hip_and_thigh.title"),
        texts.text("library.myofascial_hip_and_thigh.summary"),
        Coherent,
        vec![
            step(Effleurage, GreaterTrochanter, Side::Both, 30, Light, Hands, texts.text("library.myofascial_hip_and_thigh.steps.0")),
            step(MyofascialRelease, GreaterTrochanter, Side::Both, 60, Light, Hands, texts.text("library.myofascial_hip_and_thigh.steps.1")),
            step(MyofascialRelease, BackOfThigh, Side::Both, 75, Medium, FoamRoller, texts.text("library.myofascial_hip_and_thigh.steps.2")),
            step(MyofascialRelease, HipTfl, Side::Both, 45, Light, MassageBall, texts.text("library.myofascial_hip_and_thigh.steps.3")),
            step(MyofascialRelease, GluteusMaximus, Side::Both, 60, Medium, FoamRoller, texts.text("library.myofascial_hip_and_thigh.steps.4")),
            step(Stretch, GreaterTrochanter, Side::Both, 30, Light, Hands, texts.text("library.myofascial_hip_and_thigh.steps.5")),
        ],
    )
}

/// Deep tissue: slow, firm strokes into the deeper layers.
#[rustfmt::skip]
fn deep_tissue_glute_and_hamstring(texts: &Catalog) -> Routine {
    routine(
        "deep-tissue-glute-and-hamstring",
        texts.text("library.deep_tissue_glute_and_hamstring.title"),
        texts.text("library.deep_tissue_glute_and_hamstring.summary"),
        ExtendedExhale,
        vec![
            step(Effleurage, WholeRegion, Side::None, 60, Medium, Hands, texts.text("library.deep_tissue_glute_and_hamstring.steps.0")),
            step(Effleurage, GluteusMaximus, Side::Both, 90, Firm, FistForearm, texts.text("library.deep_tissue_glute_and_hamstring.steps.1")),
            step(Kneading, GluteusMaximus, Side::Both, 60, Firm, FistForearm, texts.text("library.deep_tissue_glute_and_hamstring.steps.2")),
            step(Effleurage, BackOfThigh, Side::Both, 75, Firm, FistForearm, texts.text("library.deep_tissue_glute_and_hamstring.steps.3")),
            step(Kneading, HamstringAttachment, Side::Both, 45, Medium, Hands, texts.text("library.deep_tissue_glute_and_hamstring.steps.4")),
            step(Effleurage, LowerBack, Side::None, 60, Firm, FistForearm, texts.text("library.deep_tissue_glute_and_hamstring.steps.5")),
            with_breathing(
                step(Rest, WholeRegion, Side::None, 60, Light, Hands, texts.text("library.deep_tissue_glute_and_hamstring.steps.6")),
                Coherent,
            ),
        ],
    )
}

#[rustfmt::skip]
fn evening_wind_down(texts: &Catalog) -> Routine {
    routine(
        "evening-wind-down",
        texts.text("library.evening_wind_down.title"),
        texts.text("library.evening_wind_down.summary"),
        FourSevenEight,
        vec![
            step(Rest, WholeRegion, Side::None, 60, Light, Hands, texts.text("library.evening_wind_down.steps.0")),
            step(Effleurage, LowerBack, Side::None, 90, Light, Hands, texts.text("library.evening_wind_down.steps.1")),
            step(Effleurage, GluteusMaximus, Side::Both, 60, Light, Hands, texts.text("library.evening_wind_down.steps.2")),
            step(Kneading, GluteusMaximus, Side::Both, 90, Medium, FistForearm, texts.text("library.evening_wind_down.steps.3")),
            step(Kneading, LowerBack, Side::None, 90, Medium, FistForearm, texts.text("library.evening_wind_down.steps.4")),
            with_breathing(
                step(TriggerPoint, GluteusMedius, Side::Both, 75, Medium, MassageBall, texts.text("library.evening_wind_down.steps.5")),
                ExtendedExhale,
            ),
            with_breathing(
                step(TriggerPoint, Piriformis, Side::Both, 75, Medium, MassageBall, texts.text("library.evening_wind_down.steps.6")),
                ExtendedExhale,
            ),
            step(MyofascialRelease, HamstringAttachment, Side::Both, 60, Light, MassageBall, texts.text("library.evening_wind_down.steps.7")),
            step(Stretch, Piriformis, Side::Both, 45, Light, Hands, texts.text("library.evening_wind_down.steps.8")),
            with_breathing(
                step(Rest, WholeRegion, Side::None, 120, Light, Hands, texts.text("library.evening_wind_down.steps.9")),
                Coherent,
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::testing::{catalog, english};
    use std::collections::HashSet;

    fn builtin_routines() -> Vec<Routine> {
        super::builtin_routines(&english())
    }

    #[test]
    fn every_builtin_routine_is_valid_in_every_locale() {
        for locale in Locale::ALL {
            for routine in super::builtin_routines(&catalog(locale)) {
                assert_eq!(routine.validate(), vec![], "{}: {}", locale.tag(), routine.id);
            }
        }
    }

    /// The texts of a routine, each with the key it is read from.
    fn texts_of(routine: &Routine) -> Vec<(String, &str)> {
        let prefix = format!("library.{}", routine.id.replace('-', "_"));
        let mut texts = vec![
            (format!("{prefix}.title"), routine.title.as_str()),
            (format!("{prefix}.summary"), routine.summary.as_str()),
        ];
        for (index, step) in routine.steps.iter().enumerate() {
            texts.push((format!("{prefix}.steps.{index}"), step.instructions.as_str()));
        }
        texts
    }

    #[test]
    fn every_locale_has_every_text_of_every_routine_with_the_english_structure() {
        let english = builtin_routines();
        let wordless = |routine: &Routine| Routine {
            title: String::new(),
            summary: String::new(),
            steps: routine
                .steps
                .iter()
                .map(|step| Step {
                    instructions: String::new(),
                    ..step.clone()
                })
                .collect(),
            ..routine.clone()
        };
        for locale in Locale::ALL {
            let texts = catalog(locale);
            let translated = super::builtin_routines(&texts);
            assert_eq!(translated.len(), english.len(), "{}", locale.tag());
            for (routine, original) in translated.iter().zip(&english) {
                assert_eq!(wordless(routine), wordless(original), "{}", locale.tag());
                for (key, text) in texts_of(routine) {
                    assert!(texts.has(&key), "{}: missing {key}", locale.tag());
                    assert!(!text.trim().is_empty(), "{}: {key} is empty", locale.tag());
                }
            }
        }
        // Nothing in the library's groups that no routine reads.
        let read: HashSet<String> = english.iter().flat_map(texts_of).map(|(key, _)| key).collect();
        let stored: HashSet<String> = english_keys_under("library.");
        assert_eq!(stored, read);
    }

    fn english_keys_under(prefix: &str) -> HashSet<String> {
        english()
            .entries()
            .map(|(key, _)| key)
            .filter(|key| key.starts_with(prefix))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn ids_are_unique_and_found() {
        let texts = english();
        let routines = builtin_routines();
        let ids: HashSet<&str> = routines.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), routines.len());
        assert!(routines.len() >= 12);
        for id in ids {
            assert_eq!(builtin_routine(&texts, id).unwrap().id, id);
        }
        assert!(builtin_routine(&texts, "nope").is_none());
    }

    #[test]
    fn library_spans_five_to_twenty_minutes_shortest_first() {
        let minutes: Vec<u32> = builtin_routines().iter().map(Routine::minutes_rounded).collect();
        assert_eq!(minutes.first(), Some(&5));
        assert_eq!(minutes.last(), Some(&20));
        assert!(minutes.windows(2).all(|pair| pair[0] <= pair[1]), "{minutes:?}");
    }

    #[test]
    fn library_covers_the_core_techniques_and_tools() {
        let routines = builtin_routines();
        for technique in [Effleurage, Kneading, TriggerPoint, MyofascialRelease] {
            assert!(
                routines.iter().any(|r| r.techniques().contains(&technique)),
                "{technique:?}"
            );
        }
        let with_ball_or_roller = routines
            .iter()
            .filter(|r| r.tools().iter().any(|t| matches!(t, MassageBall | FoamRoller)))
            .count();
        assert!(with_ball_or_roller >= 2);
        for area in Area::ALL {
            assert!(routines.iter().any(|r| r.areas().contains(&area)), "{area:?}");
        }
    }

    #[test]
    fn every_region_of_the_body_map_has_a_routine() {
        use crate::suggest::{regions_of, Region};
        let routines = builtin_routines();
        for region in Region::ALL {
            let working_on: Vec<&str> = routines
                .iter()
                .filter(|routine| {
                    routine
                        .steps
                        .iter()
                        .any(|step| regions_of(step.area).contains(&region))
                })
                .map(|routine| routine.id.as_str())
                .collect();
            assert!(!working_on.is_empty(), "no routine works on {region:?}");
        }
    }

    #[test]
    fn each_massage_style_has_a_routine_clearly_in_it() {
        use crate::library_filter::Style;
        let routines = builtin_routines();
        for style in Style::ALL {
            let in_style: Vec<&str> = routines
                .iter()
                .filter(|routine| Style::of_routine(routine) == Some(style))
                .map(|routine| routine.id.as_str())
                .collect();
            assert!(!in_style.is_empty(), "no routine in the {style:?} style");
        }
        // The four routines named for a style are that style by a wide margin: at least
        // three quarters of their massage time.
        for (id, style) in [
            ("swedish-back-and-glutes", Style::Swedish),
            ("deep-tissue-glute-and-hamstring", Style::DeepTissue),
            ("trigger-point-hip-and-back", Style::TriggerPoint),
            ("myofascial-hip-and-thigh", Style::Myofascial),
        ] {
            let routine = builtin_routine(&english(), id).unwrap();
            let seconds = |wanted: Option<Style>| -> u32 {
                routine
                    .steps
                    .iter()
                    .filter(|step| {
                        Style::of_step(step).is_some() && (wanted.is_none() || Style::of_step(step) == wanted)
                    })
                    .map(Step::total_work_secs)
                    .sum()
            };
            assert_eq!(Style::of_routine(&routine), Some(style), "{id}");
            assert!(seconds(Some(style)) * 4 >= seconds(None) * 3, "{id}");
        }
    }

    /// Where a step's how-to text says something its own labels contradict: the cheap,
    /// mechanical part of reviewing the library (the rest is read by people).
    fn contradictions(step: &Step) -> Vec<String> {
        let text = step.instructions.to_lowercase();
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let says = |word: &str| words.contains(&word);
        let says_phrase = |phrase: &str| text.contains(phrase);
        let mut found = Vec::new();
        let mut check = |contradicts: bool, what: String| {
            if contradicts {
                found.push(what);
            }
        };
        const STRONG: [&str; 10] = [
            "firm", "firmly", "firmer", "deep", "deeply", "deeper", "strong", "strongly", "hard", "harder",
        ];
        const SOFT: [&str; 5] = ["light", "lightly", "gentle", "gently", "softly"];
        if step.pressure == Pressure::Light {
            for word in STRONG.iter().filter(|word| says(word)) {
                check(true, format!("light pressure, but the text says {word:?}"));
            }
        }
        if step.pressure == Pressure::Firm {
            for word in SOFT.iter().filter(|word| says(word)) {
                check(true, format!("firm pressure, but the text says {word:?}"));
            }
        }
        match step.side {
            Side::None => {
                for word in ["left", "right"].into_iter().filter(|word| says(word)) {
                    check(true, format!("no side, but the text says {word:?}"));
                }
            }
            Side::Both => {
                for phrase in ["both sides", "both buttocks", "both hips"]
                    .into_iter()
                    .filter(|p| says_phrase(p))
                {
                    check(
                        true,
                        format!("played one side at a time, but the text says {phrase:?}"),
                    );
                }
            }
            Side::Left => check(says("right"), "left side, but the text says \"right\"".into()),
            Side::Right => check(says("left"), "right side, but the text says \"left\"".into()),
        }
        let names_tool = match step.tool {
            MassageBall => says("ball"),
            FoamRoller => says("roller"),
            FistForearm => says("fist") || says("fists") || says("forearm") || says("knuckles"),
            // Stretches and rests need no tool; hands are only the default there.
            Hands => {
                matches!(step.technique, Stretch | Rest)
                    || ["hand", "hands", "palm", "palms", "finger", "fingers", "thumb"]
                        .iter()
                        .any(|w| says(w))
            }
        };
        check(
            !names_tool,
            format!("the text never names the tool ({})", step.tool.label(&english())),
        );
        if step.tool != MassageBall {
            check(
                says("ball"),
                format!("{}, but the text says \"ball\"", step.tool.label(&english())),
            );
        }
        if step.tool != FoamRoller {
            check(
                says("roller"),
                format!("{}, but the text says \"roller\"", step.tool.label(&english())),
            );
        }
        check(
            step.technique == Stretch && !words.iter().any(|word| word.starts_with("stretch")),
            "a stretch whose text never says stretch".into(),
        );
        // The hold-time caution shown with every trigger-point step allows 90 seconds on one spot.
        check(
            step.technique == TriggerPoint && step.duration_secs > 90,
            format!(
                "a {} s trigger-point hold, past the 90 s caution",
                step.duration_secs
            ),
        );
        // A number of seconds or minutes in the text must be the step's own length.
        for pair in words.windows(2) {
            if let Ok(count) = pair[0].parse::<u32>() {
                let secs = match pair[1] {
                    "second" | "seconds" => Some(count),
                    "minute" | "minutes" => Some(count * 60),
                    _ => None,
                };
                if let Some(secs) = secs {
                    check(
                        secs != step.duration_secs,
                        format!(
                            "the text says {count} {}, the step lasts {} s",
                            pair[1], step.duration_secs
                        ),
                    );
                }
            }
        }
        found
    }

    #[test]
    fn every_built_in_step_text_agrees_with_its_labels() {
        let mut problems = Vec::new();
        for routine in builtin_routines() {
            for (index, step) in routine.steps.iter().enumerate() {
                for problem in contradictions(step) {
                    problems.push(format!("{} step {}: {problem}", routine.id, index + 1));
                }
            }
        }
        assert_eq!(problems, Vec::<String>::new());
    }

    #[test]
    fn the_content_check_catches_what_it_is_for() {
        let light = step(
            Effleurage,
            GluteusMaximus,
            Side::None,
            60,
            Light,
            Hands,
            "Stroke firmly down both buttocks with flat hands.",
        );
        assert_eq!(
            contradictions(&light),
            vec!["light pressure, but the text says \"firmly\"".to_string()]
        );
        let sided = step(
            Rest,
            WholeRegion,
            Side::None,
            60,
            Light,
            Hands,
            "Lie on your right side and breathe.",
        );
        assert_eq!(
            contradictions(&sided),
            vec!["no side, but the text says \"right\"".to_string()]
        );
        let ballless = step(
            TriggerPoint,
            Piriformis,
            Side::Both,
            60,
            Medium,
            MassageBall,
            "Press a tender spot with two fingers.",
        );
        assert_eq!(
            contradictions(&ballless).len(),
            1,
            "{:?}",
            contradictions(&ballless)
        );
        let timed = step(
            Stretch,
            Piriformis,
            Side::Both,
            45,
            Light,
            Hands,
            "Hold the stretch for 30 seconds.",
        );
        assert_eq!(
            contradictions(&timed),
            vec!["the text says 30 seconds, the step lasts 45 s".to_string()]
        );
        let long_hold = step(
            TriggerPoint,
            GluteusMedius,
            Side::Both,
            120,
            Medium,
            MassageBall,
            "Rest on the ball.",
        );
        assert_eq!(contradictions(&long_hold).len(), 1);
        let firm = step(
            Kneading,
            GluteusMaximus,
            Side::Both,
            60,
            Firm,
            FistForearm,
            "Knead gently with a fist.",
        );
        assert_eq!(
            contradictions(&firm),
            vec!["firm pressure, but the text says \"gently\"".to_string()]
        );
    }

    #[test]
    fn every_step_has_how_to_text_in_full_sentences_in_every_locale() {
        for locale in Locale::ALL {
            for routine in super::builtin_routines(&catalog(locale)) {
                for step in &routine.steps {
                    assert!(
                        step.instructions.chars().count() > 60,
                        "{} {}: {}",
                        locale.tag(),
                        routine.id,
                        step.instructions
                    );
                    assert!(
                        step.instructions.ends_with('.'),
                        "{} {}: {}",
                        locale.tag(),
                        routine.id,
                        step.instructions
                    );
                }
            }
        }
    }
}
