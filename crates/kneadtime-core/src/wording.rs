//! The words for the parts of a step and for sides, spelled once: the stage, the
//! step card, the body map, the lock screen, the voice and the screen reader all
//! build their text from these.

use crate::format::{capitalised, countdown};
use crate::i18n::Catalog;
use crate::plan::SegmentKind;
use crate::routine::{Routine, Side, Step, Technique};
use crate::session::SessionState;

/// What the screen, the lock screen and the voice call a part of a step ("Get ready",
/// "Switch sides", "Rest"); the hands-on part goes by its technique's name.
pub fn segment_title(texts: &Catalog, kind: SegmentKind, technique: Technique) -> &str {
    match kind {
        SegmentKind::GetReady => "Get ready",
        SegmentKind::Work => technique.label(texts),
        SegmentKind::SwitchSides => "Switch sides",
        SegmentKind::Rest => "Rest",
    }
}

/// What the person is doing during a part of a step, for sentences ("you are on step 2,
/// Kneading (working, 1:20 left)").
pub fn segment_activity(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::GetReady => "getting ready",
        SegmentKind::Work => "working",
        SegmentKind::SwitchSides => "switching sides",
        SegmentKind::Rest => "resting",
    }
}

/// The side one pass works, in words: "left" or "right". `None` on the midline, and
/// for a step that works both sides (each of its passes has a side of its own).
pub fn side_word(side: Side) -> Option<&'static str> {
    match side {
        Side::Left => Some("left"),
        Side::Right => Some("right"),
        Side::None | Side::Both => None,
    }
}

/// "Left side", "Right side": the heading over a one-sided pass.
pub fn side_heading(side: Side) -> Option<String> {
    side_word(side).map(|word| format!("{} side", capitalised(word)))
}

/// "left glute", "lower back": where a step works on this pass.
pub fn place(texts: &Catalog, step: &Step, side: Side) -> String {
    step.area.short_label_on(texts, side).to_string()
}

/// Where a session is, for notices: "you are on step 3 of 6, Kneading (working, 1:20 left)".
pub fn where_now(texts: &Catalog, routine: &Routine, state: &SessionState) -> String {
    let Some(current) = state.current else {
        return "the routine is complete".to_string();
    };
    let name = routine
        .steps
        .get(current.step)
        .map(|step| step.technique.label(texts))
        .unwrap_or_default();
    format!(
        "you are on step {} of {}, {name} ({}, {} left)",
        current.step + 1,
        routine.steps.len(),
        segment_activity(current.kind),
        countdown(current.remaining_ms)
    )
}

/// The notice on coming back to a running session: where it is (`place`, from
/// [`where_now`]), and whether the phone cut the sound while the screen was locked.
pub fn welcome_back(place: &str, sound_was_suspended: bool) -> String {
    if sound_was_suspended {
        format!("Your phone paused the sound while the screen was locked. The timer kept going: {place}. Sound is back on.")
    } else {
        format!("Welcome back. The timer kept going: {place}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::Area;
    use crate::testing::{english, step};

    #[test]
    fn segments_are_called_what_the_stage_and_voice_say() {
        let texts = english();
        let titles = [
            SegmentKind::GetReady,
            SegmentKind::Work,
            SegmentKind::SwitchSides,
            SegmentKind::Rest,
        ]
        .map(|kind| segment_title(&texts, kind, Technique::TriggerPoint));
        assert_eq!(
            titles,
            ["Get ready", "Trigger-point pressure", "Switch sides", "Rest"]
        );
        let activities = [
            SegmentKind::GetReady,
            SegmentKind::Work,
            SegmentKind::SwitchSides,
            SegmentKind::Rest,
        ]
        .map(segment_activity);
        assert_eq!(
            activities,
            ["getting ready", "working", "switching sides", "resting"]
        );
    }

    #[test]
    fn sides_in_words() {
        assert_eq!(
            Side::ALL.map(side_word),
            [None, Some("left"), Some("right"), None]
        );
        assert_eq!(side_heading(Side::Left).as_deref(), Some("Left side"));
        assert_eq!(side_heading(Side::Right).as_deref(), Some("Right side"));
        assert_eq!(side_heading(Side::Both), None);
        let mut glute = step(Side::Both, 60);
        glute.area = Area::GluteusMaximus;
        assert_eq!(place(&english(), &glute, Side::Left), "left glute");
        assert_eq!(place(&english(), &glute, Side::Right), "right glute");
        assert_eq!(place(&english(), &glute, Side::None), "glute");
        assert_eq!(place(&english(), &glute, Side::Both), "glute");
    }

    #[test]
    fn where_a_session_is_in_words() {
        use crate::plan::Timing;
        use crate::session::Session;
        use crate::testing::routine;
        let routine = routine(vec![step(Side::None, 60), step(Side::Left, 90)]);
        let timing = Timing {
            lead_in_ms: 5_000,
            switch_ms: 0,
            rest_ms: 0,
        };
        let mut session = Session::new(&routine, timing);
        session.start(0);
        // 5 s get-ready, 60 s of step 1, 5 s get-ready, then 10 s into step 2.
        let state = session.state_at(80_000);
        let place = where_now(&english(), &routine, &state);
        assert_eq!(place, "you are on step 2 of 2, Kneading (working, 1:20 left)");
        assert_eq!(
            welcome_back(&place, false),
            "Welcome back. The timer kept going: you are on step 2 of 2, Kneading (working, 1:20 left)."
        );
        assert!(welcome_back(&place, true).starts_with("Your phone paused the sound"));
        session.end(80_000);
        assert_eq!(
            where_now(&english(), &routine, &session.state_at(80_000)),
            "the routine is complete"
        );
    }
}
