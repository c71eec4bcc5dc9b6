//! The words for the parts of a step and for sides, spelled once: the stage, the
//! step card, the body map, the lock screen, the voice and the screen reader all
//! build their text from these.

use crate::format::{capitalised, countdown};
use crate::i18n::{Catalog, Locale};
use crate::plan::SegmentKind;
use crate::routine::{Routine, Side, Step, Technique};
use crate::session::SessionState;

/// What the screen, the lock screen and the voice call a part of a step ("Get ready",
/// "Switch sides", "Rest"); the hands-on part goes by its technique's name.
pub fn segment_title(kind: SegmentKind, technique: Technique, texts: &Catalog) -> &str {
    match kind {
        SegmentKind::GetReady => texts.text("wording.get_ready"),
        SegmentKind::Work => technique.label(texts),
        SegmentKind::SwitchSides => texts.text("wording.switch_sides"),
        SegmentKind::Rest => texts.text("wording.rest"),
    }
}

/// A name such as a technique's, as it stands inside a sentence: "kneading" in
/// English; German keeps the capital its nouns always have.
pub fn in_sentence(name: &str, texts: &Catalog) -> String {
    match texts.locale() {
        Locale::German => name.to_string(),
        _ => name.to_lowercase(),
    }
}

/// Each sentence of `text` starting with a capital: a name filled in at the start
/// of a sentence ("Kneading, left glute, 1 minute.") reads as the sentence's first word.
pub fn sentences_capitalised(text: &str) -> String {
    text.split_inclusive(". ").map(capitalised).collect()
}

/// "Left side", "Right side": the heading over a one-sided pass.
pub fn side_heading(side: Side, texts: &Catalog) -> Option<&str> {
    match side {
        Side::Left => Some(texts.text("wording.side_heading.left")),
        Side::Right => Some(texts.text("wording.side_heading.right")),
        Side::None | Side::Both => None,
    }
}

/// "left glute", "lower back": where a step works on this pass, as it stands in a sentence
/// (each language words the side with the area, to agree with it).
pub fn worked_place(step: &Step, side: Side, texts: &Catalog) -> String {
    step.area.short_label_on(texts, side).to_string()
}

/// Where a session is, for notices: "you are on step 3 of 6, Kneading (working, 1:20 left)".
pub fn where_now(routine: &Routine, state: &SessionState, texts: &Catalog) -> String {
    let Some(current) = state.current else {
        return texts.text("wording.where_now.complete").to_string();
    };
    let name = routine
        .steps
        .get(current.step)
        .map(|step| step.technique.label(texts))
        .unwrap_or_default();
    let key = match current.kind {
        SegmentKind::GetReady => "wording.where_now.getting_ready",
        SegmentKind::Work => "wording.where_now.working",
        SegmentKind::SwitchSides => "wording.where_now.switching_sides",
        SegmentKind::Rest => "wording.where_now.resting",
    };
    texts.fill(
        key,
        &[
            ("step", &(current.step + 1).to_string()),
            ("count", &routine.steps.len().to_string()),
            ("technique", name),
            ("time", &countdown(current.remaining_ms)),
        ],
    )
}

/// The notice on coming back to a running session: where it is (`place`, from
/// [`where_now`]), and whether the phone cut the sound while the screen was locked.
pub fn welcome_back(place: &str, sound_was_suspended: bool, texts: &Catalog) -> String {
    let key = if sound_was_suspended {
        "wording.welcome_back_sound_suspended"
    } else {
        "wording.welcome_back"
    };
    texts.fill(key, &[("place", place)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::Area;
    use crate::testing::{catalog, english, step};

    const KINDS: [SegmentKind; 4] = [
        SegmentKind::GetReady,
        SegmentKind::Work,
        SegmentKind::SwitchSides,
        SegmentKind::Rest,
    ];

    #[test]
    fn segments_are_called_what_the_stage_and_voice_say() {
        let texts = english();
        let titles = KINDS.map(|kind| segment_title(kind, Technique::TriggerPoint, &texts));
        assert_eq!(
            titles,
            ["Get ready", "Trigger-point pressure", "Switch sides", "Rest"]
        );
    }

    #[test]
    fn names_inside_sentences() {
        let texts = english();
        assert_eq!(
            in_sentence("Trigger-point pressure", &texts),
            "trigger-point pressure"
        );
        assert_eq!(in_sentence("Kneten", &catalog(Locale::German)), "Kneten");
        assert_eq!(in_sentence("Pétrissage", &catalog(Locale::French)), "pétrissage");
        assert_eq!(
            sentences_capitalised("switch sides. right glute next."),
            "Switch sides. Right glute next."
        );
        assert_eq!(
            sentences_capitalised("Next: kneading, left glute."),
            "Next: kneading, left glute."
        );
        assert_eq!(sentences_capitalised(""), "");
    }

    #[test]
    fn sides_in_words() {
        let texts = english();
        assert_eq!(side_heading(Side::Left, &texts), Some("Left side"));
        assert_eq!(side_heading(Side::Right, &texts), Some("Right side"));
        assert_eq!(side_heading(Side::Both, &texts), None);
        let mut glute = step(Side::Both, 60);
        glute.area = Area::GluteusMaximus;
        assert_eq!(worked_place(&glute, Side::Left, &texts), "left glute");
        assert_eq!(worked_place(&glute, Side::Right, &texts), "right glute");
        assert_eq!(worked_place(&glute, Side::None, &texts), "glute");
        assert_eq!(worked_place(&glute, Side::Both, &texts), "glute");
    }

    #[test]
    fn where_a_session_is_in_words() {
        use crate::plan::Timing;
        use crate::session::Session;
        use crate::testing::routine;
        let texts = english();
        let routine = routine(vec![step(Side::None, 60), step(Side::Left, 90)]);
        let timing = Timing {
            lead_in_ms: 5_000,
            switch_ms: 0,
            rest_ms: 0,
        };
        let mut session = Session::new(&routine, timing);
        session.start(0);
        assert_eq!(
            where_now(&routine, &session.state_at(1_000), &texts),
            "you are on step 1 of 2, Kneading (getting ready, 0:04 left)"
        );
        // 5 s get-ready, 60 s of step 1, 5 s get-ready, then 10 s into step 2.
        let state = session.state_at(80_000);
        let place = where_now(&routine, &state, &texts);
        assert_eq!(place, "you are on step 2 of 2, Kneading (working, 1:20 left)");
        assert_eq!(
            welcome_back(&place, false, &texts),
            "Welcome back. The timer kept going: you are on step 2 of 2, Kneading (working, 1:20 left)."
        );
        assert!(welcome_back(&place, true, &texts).starts_with("Your phone paused the sound"));
        session.end(80_000);
        assert_eq!(
            where_now(&routine, &session.state_at(80_000), &texts),
            "the routine is complete"
        );
    }
}
