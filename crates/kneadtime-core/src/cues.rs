//! What each cue sounds, says and feels like. Pure data and text; the player
//! sends them to Web Audio, speech synthesis and the vibration motor.

use super::breathing::BreathPhase;
use super::format::{capitalised, spoken_duration};
use super::i18n::Catalog;
use super::plan::SegmentKind;
use super::routine::{Routine, Side};
use super::session::CueKind;
use super::settings::Settings;
use super::wording::segment_title;

/// One note of a cue tone, timed from the cue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Note {
    pub offset_ms: u32,
    pub duration_ms: u32,
    pub start_hz: f32,
    /// Glides to this pitch over the note (equal to `start_hz` for a steady note).
    pub end_hz: f32,
    /// Loudness relative to the cue volume, 0..=1.
    pub gain: f32,
}

const fn note(offset_ms: u32, duration_ms: u32, hz: f32, gain: f32) -> Note {
    Note {
        offset_ms,
        duration_ms,
        start_hz: hz,
        end_hz: hz,
        gain,
    }
}

const fn glide(duration_ms: u32, start_hz: f32, end_hz: f32) -> Note {
    Note {
        offset_ms: 0,
        duration_ms,
        start_hz,
        end_hz,
        gain: 0.45,
    }
}

// Pitches of a calm C-major pentatonic palette.
const G4: f32 = 392.0;
const A4: f32 = 440.0;
const C5: f32 = 523.25;
const D5: f32 = 587.33;
const E5: f32 = 659.25;
const G5: f32 = 783.99;
const C6: f32 = 1046.5;

/// Which outputs a cue uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Channels {
    pub sound: bool,
    pub voice: bool,
    pub vibration: bool,
}

/// The outputs `kind` uses under `settings`: breath cues are soft tones only, and only when asked for.
pub fn channels(kind: CueKind, settings: &Settings) -> Channels {
    if let CueKind::Breath(_) = kind {
        return Channels {
            sound: settings.sound && settings.breath_tones && !tone(kind).is_empty(),
            ..Channels::default()
        };
    }
    Channels {
        sound: settings.sound,
        voice: settings.voice,
        vibration: settings.vibration && !vibration(kind).is_empty(),
    }
}

const GET_READY: &[Note] = &[note(0, 260, G4, 0.7)];
const STEP_START: &[Note] = &[note(0, 220, C5, 0.8), note(200, 420, G5, 0.8)];
const HALFWAY: &[Note] = &[note(0, 500, E5, 0.6)];
const TEN_LEFT: &[Note] = &[
    note(0, 120, A4, 0.7),
    note(250, 120, A4, 0.7),
    note(500, 120, A4, 0.7),
];
const SWITCH: &[Note] = &[
    note(0, 200, G5, 0.8),
    note(220, 200, C5, 0.8),
    note(440, 380, G5, 0.8),
];
const REST: &[Note] = &[note(0, 600, D5, 0.5)];
const INHALE: &[Note] = &[glide(900, 330.0, 440.0)];
const EXHALE: &[Note] = &[glide(900, 440.0, 330.0)];
const DONE: &[Note] = &[
    note(0, 300, C5, 0.7),
    note(250, 300, E5, 0.7),
    note(500, 300, G5, 0.7),
    note(750, 450, C6, 0.6),
];

/// A short, distinct tone for each cue: you can tell them apart with your eyes closed.
pub fn tone(kind: CueKind) -> &'static [Note] {
    match kind {
        CueKind::GetReady { .. } => GET_READY,
        CueKind::StepStart { .. } => STEP_START,
        CueKind::Halfway { .. } => HALFWAY,
        CueKind::TenSecondsLeft { .. } => TEN_LEFT,
        CueKind::SwitchSides { .. } => SWITCH,
        CueKind::Rest { .. } => REST,
        CueKind::Breath(BreathPhase::Inhale) => INHALE,
        CueKind::Breath(BreathPhase::Exhale) => EXHALE,
        CueKind::Breath(BreathPhase::HoldIn | BreathPhase::HoldOut) => &[],
        CueKind::RoutineDone => DONE,
    }
}

/// A vibration pattern (on, off, on… in ms) for each cue; breath cues have none.
pub fn vibration(kind: CueKind) -> &'static [u32] {
    match kind {
        CueKind::GetReady { .. } => &[120],
        CueKind::StepStart { .. } => &[300],
        CueKind::Halfway { .. } => &[80],
        CueKind::TenSecondsLeft { .. } => &[80, 120, 80],
        CueKind::SwitchSides { .. } => &[200, 120, 200, 120, 200],
        CueKind::Rest { .. } => &[150, 150, 150],
        CueKind::Breath(_) => &[],
        CueKind::RoutineDone => &[400, 200, 400],
    }
}

/// "left glute", "lower back": where step `step` works on this side.
fn place(texts: &Catalog, routine: &Routine, step: usize, side: Side) -> Option<String> {
    Some(super::wording::place(texts, routine.steps.get(step)?, side))
}

fn technique(texts: &Catalog, routine: &Routine, step: usize) -> Option<String> {
    Some(routine.steps.get(step)?.technique.label(texts).to_lowercase())
}

/// What the voice says for a cue; `None` for breath cues and steps the routine lacks.
pub fn spoken(texts: &Catalog, kind: CueKind, routine: &Routine) -> Option<String> {
    Some(match kind {
        CueKind::GetReady { step, side } => format!(
            "Next: {}, {}. Get into position.",
            technique(texts, routine, step)?,
            place(texts, routine, step, side)?
        ),
        CueKind::StepStart { step, side } => {
            let duration = spoken_duration(routine.steps.get(step)?.duration_secs);
            let name = capitalised(&technique(texts, routine, step)?);
            format!("{name}, {}, {duration}.", place(texts, routine, step, side)?)
        }
        CueKind::SwitchSides { step, to } => format!(
            "{}. {} next.",
            segment_title(
                texts,
                SegmentKind::SwitchSides,
                routine.steps.get(step)?.technique
            ),
            capitalised(&place(texts, routine, step, to)?)
        ),
        CueKind::Halfway { step } => {
            routine.steps.get(step)?;
            "Halfway.".to_string()
        }
        CueKind::TenSecondsLeft { step } => {
            routine.steps.get(step)?;
            "10 seconds left.".to_string()
        }
        CueKind::Rest { step } => format!(
            "{}. Breathe easy.",
            segment_title(texts, SegmentKind::Rest, routine.steps.get(step)?.technique)
        ),
        CueKind::Breath(_) => return None,
        CueKind::RoutineDone => "Routine complete. Well done.".to_string(),
    })
}

/// What a screen reader hears: where the session is, as it moves on.
pub fn announcement(texts: &Catalog, kind: CueKind, routine: &Routine) -> Option<String> {
    let count = routine.steps.len();
    match kind {
        CueKind::GetReady { step, .. } | CueKind::StepStart { step, .. } => Some(format!(
            "Step {} of {count}. {}",
            step + 1,
            spoken(texts, kind, routine)?
        )),
        CueKind::SwitchSides { .. } | CueKind::Rest { .. } | CueKind::RoutineDone => {
            spoken(texts, kind, routine)
        }
        CueKind::Halfway { .. } | CueKind::TenSecondsLeft { .. } | CueKind::Breath(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::builtin_routine;
    use crate::testing::english;

    #[test]
    fn spoken_cues_name_the_step_side_and_length() {
        let texts = english();
        let routine = builtin_routine(&texts, "piriformis-ball-release").expect("built-in");
        let (step, found) = routine
            .steps
            .iter()
            .enumerate()
            .find(|(_, step)| step.side == Side::Both)
            .expect("a two-sided step");
        let start = spoken(
            &texts,
            CueKind::StepStart {
                step,
                side: Side::Left,
            },
            &routine,
        )
        .unwrap();
        assert!(
            start.starts_with(&capitalised(&found.technique.label(&texts).to_lowercase())),
            "{start}"
        );
        assert!(
            start.contains(&format!("left {}", found.area.short_label(&texts))),
            "{start}"
        );
        assert!(
            start.ends_with(&format!("{}.", spoken_duration(found.duration_secs))),
            "{start}"
        );
        let switch = spoken(
            &texts,
            CueKind::SwitchSides {
                step,
                to: Side::Right,
            },
            &routine,
        )
        .unwrap();
        assert_eq!(
            switch,
            format!("Switch sides. Right {} next.", found.area.short_label(&texts))
        );
        assert_eq!(
            spoken(&texts, CueKind::Rest { step }, &routine).as_deref(),
            Some("Rest. Breathe easy.")
        );
        assert_eq!(
            spoken(&texts, CueKind::Breath(BreathPhase::Inhale), &routine),
            None
        );
        assert_eq!(
            spoken(
                &texts,
                CueKind::StepStart {
                    step: 99,
                    side: Side::Left
                },
                &routine
            ),
            None
        );
        assert_eq!(announcement(&texts, CueKind::Halfway { step }, &routine), None);
        let announced = announcement(
            &texts,
            CueKind::StepStart {
                step,
                side: Side::Left,
            },
            &routine,
        )
        .unwrap();
        assert!(announced.starts_with(&format!("Step {} of {}. ", step + 1, routine.steps.len())));
    }

    #[test]
    fn channels_follow_settings() {
        let settings = Settings::default();
        let step_start = CueKind::StepStart {
            step: 0,
            side: Side::Left,
        };
        let inhale = CueKind::Breath(BreathPhase::Inhale);
        assert_eq!(
            channels(step_start, &settings),
            Channels {
                sound: true,
                voice: true,
                vibration: true
            }
        );
        assert_eq!(channels(inhale, &settings), Channels::default());
        let breathing = Settings {
            breath_tones: true,
            ..Settings::default()
        };
        assert_eq!(
            channels(inhale, &breathing),
            Channels {
                sound: true,
                ..Channels::default()
            }
        );
        let hold = CueKind::Breath(BreathPhase::HoldIn);
        assert_eq!(channels(hold, &breathing), Channels::default());
        let quiet = Settings {
            sound: false,
            voice: false,
            vibration: false,
            breath_tones: true,
            ..Settings::default()
        };
        assert_eq!(channels(step_start, &quiet), Channels::default());
        assert_eq!(channels(inhale, &quiet), Channels::default());
    }

    #[test]
    fn tones_are_short_distinct_and_in_range() {
        let kinds = [
            CueKind::GetReady {
                step: 0,
                side: Side::Left,
            },
            CueKind::StepStart {
                step: 0,
                side: Side::Left,
            },
            CueKind::Halfway { step: 0 },
            CueKind::TenSecondsLeft { step: 0 },
            CueKind::SwitchSides {
                step: 0,
                to: Side::Right,
            },
            CueKind::Rest { step: 0 },
            CueKind::Breath(BreathPhase::Inhale),
            CueKind::Breath(BreathPhase::Exhale),
            CueKind::RoutineDone,
        ];
        for (i, &kind) in kinds.iter().enumerate() {
            let notes = tone(kind);
            assert!(!notes.is_empty(), "{kind:?}");
            for note in notes {
                assert!(note.offset_ms + note.duration_ms <= 1200, "{kind:?}");
                assert!((220.0..=1320.0).contains(&note.start_hz) && (220.0..=1320.0).contains(&note.end_hz));
                assert!(note.gain > 0.0 && note.gain <= 1.0);
            }
            for &other in &kinds[i + 1..] {
                assert_ne!(notes, tone(other), "{kind:?} sounds like {other:?}");
            }
        }
    }
}
