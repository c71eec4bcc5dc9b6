//! The built-in routines: data, written for this app, checked by tests.

use super::breathing::BreathingPattern::{self, Coherent, ExtendedExhale, FourSevenEight};
use super::routine::{
    Area::{self, *},
    Pressure::{self, *},
    Routine, Side, Step,
    Technique::{self, *},
    Tool::{self, *},
};

/// Every built-in routine, shortest first.
pub fn builtin_routines() -> Vec<Routine> {
    vec![
        desk_break(),
        low_back_soothe(),
        piriformis_ball(),
        hip_unwind(),
        foam_roller_flow(),
        evening_wind_down(),
    ]
}

/// The built-in routine with this id.
pub fn builtin_routine(id: &str) -> Option<Routine> {
    builtin_routines().into_iter().find(|routine| routine.id == id)
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
        breathing,
        steps,
    }
}

fn desk_break() -> Routine {
    routine(
        "desk-break-reset",
        "Desk-break glute reset",
        "Five minutes in your chair to wake up buttocks that have been sat on all morning.",
        ExtendedExhale,
        vec![
            step(Effleurage, WholeRegion, Side::None, 45, Light, Hands,
                "Sit near the front of your chair with your feet flat. Put your palms on your lower back and stroke down over your buttocks to the tops of your thighs. Lift off, return to the top and repeat: slow, broad strokes that warm the skin."),
            step(Kneading, GluteusMaximus, Side::Both, 60, Medium, FistForearm,
                "Lean away from the side you are working so that buttock is off the seat. With a loose fist, roll your knuckles in small circles over the fleshy part of the buttock. Keep moving so no one spot gets all the pressure."),
            with_breathing(
                step(TriggerPoint, GluteusMedius, Side::Both, 45, Medium, Hands,
                    "Find the bony rim of your pelvis at the side, then slide two fingers just below it. Search for a tender spot and press until it feels like a 'good hurt', about 5 out of 10. Hold still and let the pressure sink in each time you breathe out."),
                ExtendedExhale,
            ),
            step(Stretch, Piriformis, Side::Both, 30, Light, Hands,
                "Cross one ankle over the opposite knee and sit tall. Hinge forward from the hips until you feel a stretch through the buttock of the crossed leg. Keep your back long and do not bounce."),
        ],
    )
}

fn low_back_soothe() -> Routine {
    routine(
        "low-back-soothe",
        "Low-back soothe",
        "Gentle hands-on work and a ball against the wall for a tight, achy lower back.",
        ExtendedExhale,
        vec![
            step(Effleurage, LowerBack, Side::None, 60, Light, Hands,
                "Rub your palms together until they are warm. Place them either side of your spine just above the belt line and stroke outwards and down over the tops of your hips. Keep the strokes slow and let your shoulders drop."),
            step(Kneading, LowerBack, Side::Both, 60, Medium, FistForearm,
                "With the flat back of a loose fist, make slow circles on the thick band of muscle beside the spine, between the lowest rib and the top of the pelvis. Stay on the muscle: never press on the bones of the spine."),
            step(TriggerPoint, LowerBack, Side::Both, 60, Light, MassageBall,
                "Stand with your back to a wall and place the ball on the muscle beside your spine, just above the pelvis. Bend your knees a little to move the ball onto a tender spot, then lean back gently and hold. The wall lets you choose exactly how much pressure you take."),
            step(MyofascialRelease, GluteusMedius, Side::Both, 45, Medium, MassageBall,
                "Move the ball down to the upper outer buttock, below the rim of the pelvis. Lean into the wall and let the ball sink in, then slowly rotate your hips a few centimetres each way, keeping the ball still on the same spot."),
            with_breathing(
                step(Rest, LowerBack, Side::None, 60, Light, Hands,
                    "Lie on your back and hug your knees towards your chest, hands on your shins. Rock slowly from side to side so your lower back is massaged by the floor. Let every breath out be long and easy."),
                Coherent,
            ),
        ],
    )
}

fn piriformis_ball() -> Routine {
    routine(
        "piriformis-ball-release",
        "Piriformis release with a ball",
        "Ease the deep buttock ache that sitting and driving leave behind, using a massage ball on the floor.",
        ExtendedExhale,
        vec![
            step(Effleurage, GluteusMaximus, Side::None, 60, Light, Hands,
                "Standing, stroke lightly down both buttocks and the backs of your thighs with flat hands. Keep it brisk for the first half, then slower and broader."),
            step(TriggerPoint, Piriformis, Side::Both, 90, Medium, MassageBall,
                "Sit on the floor with the ball under the middle of one buttock, that knee bent. Lean into the ball and roll slowly until you find a deep tender spot, then stop and let your weight sink in. Stay off the bony notch near the tailbone and move away at once if you feel tingling or burning down the leg."),
            step(MyofascialRelease, GluteusMaximus, Side::Both, 60, Medium, MassageBall,
                "Keep the ball under the buttock and cross that ankle over the other knee. Slowly let the crossed knee fall out and bring it back, so the muscle lengthens while the ball holds it in place."),
            step(Stretch, Piriformis, Side::Both, 45, Light, Hands,
                "Lie on your back and cross one ankle over the other knee. Thread your hands behind the lower thigh and draw it gently towards you until you feel the stretch in the buttock. Keep your head and shoulders relaxed on the floor."),
            with_breathing(
                step(Rest, WholeRegion, Side::None, 30, Light, Hands,
                    "Stay on your back with knees bent and feet flat. Notice how each side of your pelvis rests on the floor now."),
                Coherent,
            ),
        ],
    )
}

fn hip_unwind() -> Routine {
    routine(
        "hip-unwind",
        "Side and front of hip unwind",
        "For hips that ache when you lie on your side or stand up after sitting: hands first, then a ball.",
        Coherent,
        vec![
            step(Effleurage, HipTfl, Side::Both, 30, Light, Hands,
                "Lie on your side, top knee bent and resting on a pillow. Stroke with a flat hand from the front of the hip bone round to the back of the buttock, and back again."),
            step(Kneading, GluteusMedius, Side::Both, 60, Medium, Hands,
                "Still on your side, grasp the muscle just below the rim of the pelvis between fingers and thumb. Lift, squeeze and let go, working slowly from front to back and back again."),
            with_breathing(
                step(TriggerPoint, HipTfl, Side::Both, 60, Medium, MassageBall,
                    "Lie face down with the ball under the front outer corner of the hip, just below and outside the hip bone. Prop yourself on your forearms and lower your weight until the pressure is clear but welcome. Hold still. This spot is often very tender: start lighter than you think."),
                ExtendedExhale,
            ),
            step(MyofascialRelease, GluteusMedius, Side::Both, 45, Medium, MassageBall,
                "Stand side-on to a wall with the ball between the wall and the side of your hip, above the bony point. Lean in, then bend and straighten your knees slowly so the ball travels a few centimetres up and down."),
            step(Stretch, HipTfl, Side::Both, 30, Light, Hands,
                "Kneel on one knee with the other foot in front, hands on your front knee. Tuck your tailbone under and shift forward until the front of the kneeling hip stretches. Stay tall; do not arch your lower back."),
        ],
    )
}

fn foam_roller_flow() -> Routine {
    routine(
        "foam-roller-hip-glute",
        "Foam roller hip and glute flow",
        "A ten-minute roll for the buttocks, outer hips and sit bones after running, cycling or a long day on your feet.",
        Coherent,
        vec![
            step(Effleurage, WholeRegion, Side::None, 60, Light, Hands,
                "Standing, rub briskly over your lower back, buttocks and outer thighs with flat hands to warm the area before rolling."),
            step(MyofascialRelease, GluteusMaximus, Side::Both, 75, Medium, FoamRoller,
                "Sit on the roller with your hands on the floor behind you. Cross one ankle over the other knee and lean towards the crossed side. Roll slowly from the top of the buttock down to the sit bone, about two centimetres a second, pausing on tight spots."),
            with_breathing(
                step(TriggerPoint, GluteusMedius, Side::Both, 60, Medium, FoamRoller,
                    "Lie on your side with the roller just below the rim of the pelvis, supported on your forearm and the top foot. Roll a hand's width up and down until you find the tightest spot, then hold there and breathe out slowly."),
                ExtendedExhale,
            ),
            step(MyofascialRelease, HipTfl, Side::Both, 45, Light, FoamRoller,
                "Turn halfway onto your front so the roller sits under the front outer corner of the hip. Rest on your forearms and stay still, letting the tissue soften rather than pushing through it."),
            step(Kneading, HamstringAttachment, Side::Both, 45, Medium, FoamRoller,
                "Sit with the roller under the top of the back of one thigh, just below the sit bone. Roll short strokes of a few centimetres while you turn the leg slowly in and out."),
            step(Rest, WholeRegion, Side::None, 45, Light, Hands,
                "Lie on your back with your knees bent and your feet flat. Let the floor take your weight and follow the breathing guide."),
        ],
    )
}

fn evening_wind_down() -> Routine {
    routine(
        "evening-wind-down",
        "Evening wind-down",
        "Twenty unhurried minutes for back, hips and buttocks before bed, with slow breathing to help you switch off.",
        FourSevenEight,
        vec![
            step(Rest, WholeRegion, Side::None, 60, Light, Hands,
                "Lie on your back with knees bent and a hand on your belly. Follow the breathing guide and let your jaw and shoulders go heavy."),
            step(Effleurage, LowerBack, Side::None, 90, Light, Hands,
                "Sit up or lie on your side. With warm hands, stroke from the spine outwards across the lower back and down over the hips, as slowly as you can."),
            step(Effleurage, GluteusMaximus, Side::Both, 60, Light, Hands,
                "Lying on your side, sweep a flat hand in long strokes from the lower back over the buttock to the outside of the thigh."),
            step(Kneading, GluteusMaximus, Side::Both, 90, Medium, FistForearm,
                "Lie on your other side, so the buttock you are working is on top. Knead the fleshy part of the buttock with a loose fist or your forearm in slow circles, moving over the whole muscle."),
            step(Kneading, LowerBack, Side::None, 90, Medium, FistForearm,
                "Sitting, reach behind you and knead both sides of the lower back at once with the backs of your fists, staying on the muscle beside the spine."),
            with_breathing(
                step(TriggerPoint, GluteusMedius, Side::Both, 75, Medium, MassageBall,
                    "Lie on your back with the ball under the upper outer buttock, below the rim of the pelvis. Tilt towards it until you find a tender spot and rest your weight there. If it becomes sharp, roll off a little."),
                ExtendedExhale,
            ),
            with_breathing(
                step(TriggerPoint, Piriformis, Side::Both, 75, Medium, MassageBall,
                    "Move the ball towards the middle of the buttock and let your knee fall out to the side. Stay off the bony notch near the tailbone, and stop if you feel tingling down the leg."),
                ExtendedExhale,
            ),
            step(MyofascialRelease, HamstringAttachment, Side::Both, 60, Light, MassageBall,
                "Sit on an unpadded chair with the ball just below one sit bone. Slowly straighten and bend that knee, keeping the ball still, so the tissue glides over it."),
            step(Stretch, Piriformis, Side::Both, 45, Light, Hands,
                "Back on the floor, cross one ankle over the other knee and draw the lower leg gently towards you. Breathe into the stretch; never force it."),
            with_breathing(
                step(Rest, WholeRegion, Side::None, 120, Light, Hands,
                    "Stretch your legs out long. Let your attention travel slowly from your lower back to your hips, buttocks and legs, letting each part go heavy."),
                Coherent,
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_builtin_routine_is_valid() {
        for routine in builtin_routines() {
            assert_eq!(routine.validate(), vec![], "{}", routine.id);
        }
    }

    #[test]
    fn ids_are_unique_and_found() {
        let routines = builtin_routines();
        let ids: HashSet<&str> = routines.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), routines.len());
        assert!(routines.len() >= 6);
        for id in ids {
            assert_eq!(builtin_routine(id).unwrap().id, id);
        }
        assert!(builtin_routine("nope").is_none());
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
            format!("the text never names the tool ({})", step.tool.label()),
        );
        if step.tool != MassageBall {
            check(
                says("ball"),
                format!("{}, but the text says \"ball\"", step.tool.label()),
            );
        }
        if step.tool != FoamRoller {
            check(
                says("roller"),
                format!("{}, but the text says \"roller\"", step.tool.label()),
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
    fn every_step_has_how_to_text_in_full_sentences() {
        for routine in builtin_routines() {
            for step in &routine.steps {
                assert!(
                    step.instructions.len() > 60,
                    "{}: {}",
                    routine.id,
                    step.instructions
                );
                assert!(
                    step.instructions.ends_with('.'),
                    "{}: {}",
                    routine.id,
                    step.instructions
                );
            }
        }
    }
}
