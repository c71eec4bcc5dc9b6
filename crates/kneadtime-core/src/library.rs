//! The built-in routines: a static table written for this app and checked by tests.
//! Their words (title, summary, each step's how-to) are catalogue texts under
//! `library.<id in snake case>`, derived from the table, so a routine reads in the
//! person's language.

use super::breathing::BreathingPattern::{self, Coherent, ExtendedExhale, FourSevenEight};
use super::i18n::Catalog;
use super::routine::{
    Area::{self, *},
    Position::{self, *},
    Pressure::{self, *},
    Routine,
    Side::{self, Both, None as Midline},
    Step,
    Technique::{self, *},
    Tool::{self, *},
};

/// The revision of every built-in: 2 since the safety review of the library, which
/// asks for each routine's cautions again and keeps older links by reference opening.
pub const LIBRARY_REVISION: u32 = 2;

/// One step of a built-in, as data: technique, area, side, seconds (per side),
/// pressure, tool, a breathing pattern of its own when it has one, and the position.
type StepData = (
    Technique,
    Area,
    Side,
    u32,
    Pressure,
    Tool,
    Option<BreathingPattern>,
    Position,
);

/// A built-in routine, as data.
struct Builtin {
    id: &'static str,
    breathing: BreathingPattern,
    steps: &'static [StepData],
}

/// Every built-in, shortest first.
#[rustfmt::skip]
const LIBRARY: [Builtin; 14] = [
    Builtin { id: "desk-break-reset", breathing: ExtendedExhale, steps: &[
        (Effleurage, WholeRegion, Midline, 45, Light, Hands, None, SeatedOnChair),
        (Kneading, GluteusMaximus, Both, 60, Medium, FistForearm, None, SeatedOnChair),
        (TriggerPoint, GluteusMedius, Both, 45, Medium, Hands, Some(ExtendedExhale), SeatedOnChair),
        (Stretch, Piriformis, Both, 30, Light, Hands, None, SeatedOnChair),
    ] },
    Builtin { id: "gentle-flare-up", breathing: ExtendedExhale, steps: &[
        (Rest, WholeRegion, Midline, 60, Light, Hands, None, SeatedOnChair),
        (Effleurage, LowerBack, Midline, 60, Light, Hands, None, Standing),
        (Effleurage, GluteusMaximus, Both, 45, Light, Hands, None, Standing),
        (Effleurage, GluteusMedius, Both, 30, Light, Hands, None, Standing),
        (Effleurage, WholeRegion, Midline, 60, Light, Hands, None, Standing),
        (Rest, WholeRegion, Midline, 60, Light, Hands, None, SeatedOnChair),
    ] },
    Builtin { id: "sacroiliac-settle", breathing: ExtendedExhale, steps: &[
        (Effleurage, SacroiliacJoint, Midline, 60, Light, Hands, None, Standing),
        (Kneading, SacroiliacJoint, Both, 60, Medium, Hands, None, Standing),
        (MyofascialRelease, SacroiliacJoint, Both, 45, Medium, MassageBall, None, LyingOnBack),
        (Stretch, SacroiliacJoint, Both, 30, Light, Hands, None, LyingOnBack),
        (Rest, WholeRegion, Midline, 60, Light, Hands, Some(Coherent), LyingOnBack),
    ] },
    Builtin { id: "low-back-soothe", breathing: ExtendedExhale, steps: &[
        (Effleurage, LowerBack, Midline, 60, Light, Hands, None, Standing),
        (Kneading, LowerBack, Both, 60, Medium, FistForearm, None, Standing),
        (TriggerPoint, LowerBack, Both, 60, Medium, MassageBall, None, StandingAtWall),
        (MyofascialRelease, GluteusMedius, Both, 45, Medium, MassageBall, None, StandingAtWall),
        (Effleurage, LowerBack, Midline, 45, Light, Hands, None, Standing),
        (Rest, LowerBack, Midline, 60, Light, Hands, Some(Coherent), LyingOnBack),
    ] },
    Builtin { id: "piriformis-ball-release", breathing: ExtendedExhale, steps: &[
        (Effleurage, GluteusMaximus, Midline, 60, Light, Hands, None, Standing),
        (TriggerPoint, Piriformis, Both, 90, Medium, MassageBall, None, SeatedOnFloor),
        (MyofascialRelease, GluteusMaximus, Both, 60, Medium, MassageBall, None, SeatedOnFloor),
        (Stretch, Piriformis, Both, 45, Light, Hands, None, LyingOnBack),
        (Rest, WholeRegion, Midline, 30, Light, Hands, Some(Coherent), LyingOnBack),
    ] },
    Builtin { id: "hip-unwind", breathing: Coherent, steps: &[
        (Effleurage, HipTfl, Both, 30, Light, Hands, None, LyingOnSide),
        (Kneading, GluteusMedius, Both, 60, Medium, Hands, None, LyingOnSide),
        (TriggerPoint, HipTfl, Both, 60, Medium, MassageBall, Some(ExtendedExhale), LyingFaceDown),
        (MyofascialRelease, GluteusMedius, Both, 45, Light, Hands, None, Standing),
        (Stretch, HipTfl, Both, 30, Light, Hands, None, HalfKneeling),
    ] },
    Builtin { id: "swedish-back-and-glutes", breathing: Coherent, steps: &[
        (Effleurage, WholeRegion, Midline, 60, Light, Hands, None, Standing),
        (Effleurage, LowerBack, Midline, 60, Medium, Hands, None, Standing),
        (Kneading, GluteusMaximus, Both, 75, Medium, Hands, None, Standing),
        (Kneading, GluteusMedius, Both, 60, Medium, FistForearm, None, Standing),
        (Kneading, SacroiliacJoint, Both, 45, Light, Hands, None, Standing),
        (Effleurage, WholeRegion, Midline, 60, Light, Hands, Some(ExtendedExhale), Standing),
    ] },
    Builtin { id: "sit-bone-and-hamstring", breathing: ExtendedExhale, steps: &[
        (Effleurage, BackOfThigh, Both, 45, Light, Hands, None, Standing),
        (Kneading, HamstringAttachment, Both, 60, Light, Hands, None, Standing),
        (MyofascialRelease, BackOfThigh, Both, 60, Medium, MassageBall, None, SeatedOnChair),
        (Kneading, BackOfThigh, Both, 45, Medium, Hands, None, SeatedOnChair),
        (Effleurage, BackOfThigh, Both, 30, Light, Hands, None, SeatedOnChair),
        (Rest, WholeRegion, Midline, 45, Light, Hands, Some(Coherent), LyingOnBack),
    ] },
    Builtin { id: "foam-roller-hip-glute", breathing: Coherent, steps: &[
        (Effleurage, WholeRegion, Midline, 60, Light, Hands, None, Standing),
        (Effleurage, GluteusMaximus, Both, 75, Medium, FoamRoller, None, SeatedOnFloor),
        (TriggerPoint, GluteusMedius, Both, 60, Medium, FoamRoller, Some(ExtendedExhale), LyingOnSide),
        (MyofascialRelease, HipTfl, Both, 45, Medium, FoamRoller, None, LyingFaceDown),
        (Kneading, BackOfThigh, Both, 45, Medium, FoamRoller, None, SeatedOnFloor),
        (Effleurage, WholeRegion, Midline, 45, Light, Hands, None, Standing),
        (Rest, WholeRegion, Midline, 45, Light, Hands, None, LyingOnBack),
    ] },
    Builtin { id: "myofascial-hip-and-thigh", breathing: Coherent, steps: &[
        (Effleurage, GreaterTrochanter, Both, 30, Light, Hands, None, LyingOnSide),
        (MyofascialRelease, GreaterTrochanter, Both, 60, Light, Hands, None, LyingOnSide),
        (MyofascialRelease, BackOfThigh, Both, 75, Medium, FoamRoller, None, SeatedOnFloor),
        (MyofascialRelease, HipTfl, Both, 45, Medium, MassageBall, None, LyingFaceDown),
        (MyofascialRelease, GluteusMaximus, Both, 60, Medium, FoamRoller, None, SeatedOnFloor),
        (Effleurage, GreaterTrochanter, Both, 30, Light, Hands, None, LyingOnSide),
    ] },
    Builtin { id: "chair-and-wall", breathing: Coherent, steps: &[
        (Effleurage, WholeRegion, Midline, 60, Light, Hands, None, Standing),
        (Kneading, GluteusMaximus, Both, 60, Medium, FistForearm, None, SeatedOnChair),
        (TriggerPoint, GluteusMedius, Both, 60, Medium, MassageBall, Some(ExtendedExhale), StandingAtWall),
        (TriggerPoint, LowerBack, Both, 45, Medium, MassageBall, Some(ExtendedExhale), StandingAtWall),
        (Kneading, BackOfThigh, Both, 45, Medium, Hands, None, SeatedOnChair),
        (Stretch, HipTfl, Both, 30, Light, Hands, None, Standing),
        (Effleurage, WholeRegion, Midline, 60, Light, Hands, None, Standing),
        (Rest, WholeRegion, Midline, 60, Light, Hands, None, SeatedOnChair),
    ] },
    Builtin { id: "trigger-point-hip-and-back", breathing: ExtendedExhale, steps: &[
        (Effleurage, WholeRegion, Midline, 45, Light, Hands, None, Standing),
        (TriggerPoint, LowerBack, Both, 60, Medium, MassageBall, None, LyingOnBack),
        (TriggerPoint, GluteusMedius, Both, 75, Medium, MassageBall, None, LyingOnSide),
        (TriggerPoint, Piriformis, Both, 75, Medium, MassageBall, None, SeatedOnFloor),
        (TriggerPoint, GluteusMaximus, Both, 45, Medium, MassageBall, None, StandingAtWall),
        (Effleurage, WholeRegion, Midline, 45, Light, Hands, None, Standing),
        (Rest, WholeRegion, Midline, 60, Light, Hands, None, LyingOnBack),
    ] },
    Builtin { id: "deep-tissue-glute-and-hamstring", breathing: ExtendedExhale, steps: &[
        (Effleurage, WholeRegion, Midline, 60, Medium, Hands, None, Standing),
        (Effleurage, GluteusMaximus, Both, 90, Firm, FistForearm, None, Standing),
        (Kneading, GluteusMaximus, Both, 60, Firm, FistForearm, None, SeatedOnChair),
        (Effleurage, BackOfThigh, Both, 75, Firm, FistForearm, None, Standing),
        (Kneading, HamstringAttachment, Both, 30, Medium, Hands, None, Standing),
        (Effleurage, LowerBack, Midline, 60, Firm, FistForearm, None, Standing),
        (Effleurage, WholeRegion, Midline, 30, Light, Hands, None, Standing),
        (Rest, WholeRegion, Midline, 60, Light, Hands, Some(Coherent), LyingOnBack),
    ] },
    // 4-7-8 breathing holds the breath for 7 s: on the two rests only, never while working.
    Builtin { id: "evening-wind-down", breathing: Coherent, steps: &[
        (Rest, WholeRegion, Midline, 60, Light, Hands, Some(FourSevenEight), LyingOnBack),
        (Effleurage, LowerBack, Midline, 90, Light, Hands, None, SeatedOnFloor),
        (Effleurage, GluteusMaximus, Both, 60, Light, Hands, None, LyingOnSide),
        (Kneading, GluteusMaximus, Both, 90, Medium, FistForearm, None, LyingOnSide),
        (Kneading, LowerBack, Midline, 90, Medium, FistForearm, None, SeatedOnFloor),
        (TriggerPoint, GluteusMedius, Both, 75, Medium, MassageBall, Some(ExtendedExhale), LyingOnBack),
        (TriggerPoint, Piriformis, Both, 75, Medium, MassageBall, Some(ExtendedExhale), LyingOnBack),
        (MyofascialRelease, BackOfThigh, Both, 60, Medium, MassageBall, None, SeatedOnChair),
        (Stretch, Piriformis, Both, 45, Light, Hands, None, LyingOnBack),
        (Rest, WholeRegion, Midline, 120, Light, Hands, Some(FourSevenEight), LyingOnBack),
    ] },
];

impl Builtin {
    /// The routine in the language of `texts`, its words read from keys derived from its id.
    fn routine(&self, texts: &Catalog) -> Routine {
        let group = format!("library.{}", self.id.replace('-', "_"));
        let text = |key: &str| texts.text(&format!("{group}.{key}")).to_string();
        Routine {
            id: self.id.to_string(),
            revision: LIBRARY_REVISION,
            title: text("title"),
            summary: text("summary"),
            author: String::new(),
            note: String::new(),
            language: None,
            breathing: self.breathing,
            steps: self
                .steps
                .iter()
                .enumerate()
                .map(
                    |(
                        index,
                        &(technique, area, side, duration_secs, pressure, tool, breathing, position),
                    )| Step {
                        technique,
                        area,
                        side,
                        duration_secs,
                        pressure,
                        tool,
                        instructions: text(&format!("steps.{index}")),
                        breathing,
                        position: Some(position),
                    },
                )
                .collect(),
        }
    }
}

/// Every built-in routine, shortest first, in the language of `texts`.
pub fn builtin_routines(texts: &Catalog) -> Vec<Routine> {
    LIBRARY.iter().map(|builtin| builtin.routine(texts)).collect()
}

/// The built-in routine with this id, in the language of `texts`.
pub fn builtin_routine(texts: &Catalog, id: &str) -> Option<Routine> {
    LIBRARY
        .iter()
        .find(|builtin| builtin.id == id)
        .map(|builtin| builtin.routine(texts))
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

    fn step(
        technique: Technique,
        area: Area,
        side: Side,
        duration_secs: u32,
        pressure: Pressure,
        tool: Tool,
        text: &str,
    ) -> Step {
        Step {
            technique,
            area,
            side,
            duration_secs,
            pressure,
            tool,
            instructions: text.to_string(),
            breathing: None,
            position: None,
        }
    }

    #[test]
    fn every_builtin_step_names_a_position_that_carries_its_tool() {
        for routine in builtin_routines() {
            for (index, step) in routine.steps.iter().enumerate() {
                let position = step.position.unwrap_or_else(|| panic!("{} {index}", routine.id));
                // Body weight on a ball or roller needs the floor, a chair or a wall under it.
                if matches!(step.tool, MassageBall | FoamRoller) && step.technique != Stretch {
                    assert!(
                        !matches!(position, Standing | HalfKneeling),
                        "{} step {}: {position:?} with {:?}",
                        routine.id,
                        index + 1,
                        step.tool
                    );
                }
            }
        }
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
