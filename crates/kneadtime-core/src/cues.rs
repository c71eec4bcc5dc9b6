//! What each cue sounds, says and feels like. Pure data and text; the player
//! sends them to Web Audio, speech synthesis and the vibration motor.

use super::breathing::BreathPhase;
use super::format::spoken_duration;
use super::i18n::{Catalog, Locale};
use super::routine::{Routine, Side};
use super::session::CueKind;
use super::settings::Settings;
use super::wording::{in_sentence, sentences_capitalised, worked_place};

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
fn place(routine: &Routine, step: usize, side: Side, texts: &Catalog) -> Option<String> {
    Some(worked_place(routine.steps.get(step)?, side, texts))
}

fn technique(routine: &Routine, step: usize, texts: &Catalog) -> Option<String> {
    Some(in_sentence(
        routine.steps.get(step)?.technique.label(texts),
        texts,
    ))
}

/// What the voice says for a cue; `None` for breath cues and steps the routine lacks.
pub fn spoken(kind: CueKind, routine: &Routine, texts: &Catalog) -> Option<String> {
    let text = match kind {
        CueKind::GetReady { step, side } => texts.fill(
            "cues.get_ready",
            &[
                ("technique", &technique(routine, step, texts)?),
                ("place", &place(routine, step, side, texts)?),
            ],
        ),
        CueKind::StepStart { step, side } => texts.fill(
            "cues.step_start",
            &[
                ("technique", &technique(routine, step, texts)?),
                ("place", &place(routine, step, side, texts)?),
                (
                    "duration",
                    &spoken_duration(routine.steps.get(step)?.duration_secs, texts),
                ),
            ],
        ),
        CueKind::SwitchSides { step, to } => texts.fill(
            "cues.switch_sides",
            &[("place", &place(routine, step, to, texts)?)],
        ),
        CueKind::Halfway { step } => {
            routine.steps.get(step)?;
            texts.text("cues.halfway").to_string()
        }
        CueKind::TenSecondsLeft { step } => {
            routine.steps.get(step)?;
            texts.text("cues.ten_seconds_left").to_string()
        }
        CueKind::Rest { step } => {
            routine.steps.get(step)?;
            texts.text("cues.rest").to_string()
        }
        CueKind::Breath(_) => return None,
        CueKind::RoutineDone => texts.text("cues.routine_done").to_string(),
    };
    Some(sentences_capitalised(&text))
}

/// What a screen reader hears: where the session is, as it moves on.
pub fn announcement(kind: CueKind, routine: &Routine, texts: &Catalog) -> Option<String> {
    match kind {
        CueKind::GetReady { step, .. } | CueKind::StepStart { step, .. } => Some(texts.fill(
            "cues.step_announcement",
            &[
                ("step", &(step + 1).to_string()),
                ("count", &routine.steps.len().to_string()),
                ("cue", &spoken(kind, routine, texts)?),
            ],
        )),
        CueKind::SwitchSides { .. } | CueKind::Rest { .. } | CueKind::RoutineDone => {
            spoken(kind, routine, texts)
        }
        CueKind::Halfway { .. } | CueKind::TenSecondsLeft { .. } | CueKind::Breath(_) => None,
    }
}

/// The voices that speak `locale`'s language, best first: voices on the device
/// before network ones (which fail offline), then those of the locale's own region
/// (Brazilian before European Portuguese), otherwise in the browser's order. Each
/// voice is `(name, lang, local)` as the browser lists it (`lang` a BCP 47 tag such
/// as "en-US", some browsers write "en_US").
pub fn voices_for<'a>(locale: Locale, voices: &[(&'a str, &str, bool)]) -> Vec<&'a str> {
    let mut fitting: Vec<(bool, bool, &'a str)> = voices
        .iter()
        .filter(|(_, lang, _)| Locale::from_tag(lang) == Some(locale))
        .map(|&(name, lang, local)| {
            let same_region = lang.replace('_', "-").eq_ignore_ascii_case(locale.tag());
            (!local, !same_region, name)
        })
        .collect();
    // Stable: equally good voices keep the browser's order.
    fitting.sort_by_key(|&(remote, other_region, _)| (remote, other_region));
    fitting.into_iter().map(|(_, _, name)| name).collect()
}

/// The voice to speak `locale` with: the chosen one (`preferred`, from the settings)
/// if it speaks the language, otherwise the best of [`voices_for`]; `None` when the
/// device has no voice for the language.
pub fn voice_to_use<'a>(
    locale: Locale,
    voices: &[(&'a str, &str, bool)],
    preferred: Option<&str>,
) -> Option<&'a str> {
    let fitting = voices_for(locale, voices);
    fitting
        .iter()
        .find(|name| Some(**name) == preferred)
        .or_else(|| fitting.first())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::builtin_routine;
    use crate::testing::{catalog, english};

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
            CueKind::StepStart {
                step,
                side: Side::Left,
            },
            &routine,
            &texts,
        )
        .unwrap();
        assert!(start.starts_with(found.technique.label(&texts)), "{start}");
        assert!(
            start.contains(&format!("left {}", found.area.short_label(&texts))),
            "{start}"
        );
        assert!(
            start.ends_with(&format!("{}.", spoken_duration(found.duration_secs, &texts))),
            "{start}"
        );
        let ready = spoken(
            CueKind::GetReady {
                step,
                side: Side::Left,
            },
            &routine,
            &texts,
        )
        .unwrap();
        assert_eq!(
            ready,
            format!(
                "Next: {}, left {}. Get into position.",
                found.technique.label(&texts).to_lowercase(),
                found.area.short_label(&texts)
            )
        );
        let switch = spoken(
            CueKind::SwitchSides {
                step,
                to: Side::Right,
            },
            &routine,
            &texts,
        )
        .unwrap();
        assert_eq!(
            switch,
            format!("Switch sides. Right {} next.", found.area.short_label(&texts))
        );
        assert_eq!(
            spoken(CueKind::Rest { step }, &routine, &texts).as_deref(),
            Some("Rest. Breathe easy.")
        );
        assert_eq!(
            spoken(CueKind::Halfway { step }, &routine, &texts).as_deref(),
            Some("Halfway.")
        );
        assert_eq!(
            spoken(CueKind::TenSecondsLeft { step }, &routine, &texts).as_deref(),
            Some("10 seconds left.")
        );
        assert_eq!(
            spoken(CueKind::RoutineDone, &routine, &texts).as_deref(),
            Some("Routine complete. Well done.")
        );
        assert_eq!(
            spoken(CueKind::Breath(BreathPhase::Inhale), &routine, &texts),
            None
        );
        assert_eq!(
            spoken(
                CueKind::StepStart {
                    step: 99,
                    side: Side::Left
                },
                &routine,
                &texts
            ),
            None
        );
        assert_eq!(announcement(CueKind::Halfway { step }, &routine, &texts), None);
        let announced = announcement(
            CueKind::StepStart {
                step,
                side: Side::Left,
            },
            &routine,
            &texts,
        )
        .unwrap();
        assert_eq!(
            announced,
            format!("Step {} of {}. {start}", step + 1, routine.steps.len())
        );
    }

    #[test]
    fn every_cue_is_spoken_in_every_language() {
        let routine = builtin_routine(&english(), "piriformis-ball-release").expect("built-in");
        let kinds = [
            CueKind::GetReady {
                step: 1,
                side: Side::Left,
            },
            CueKind::StepStart {
                step: 1,
                side: Side::Right,
            },
            CueKind::SwitchSides {
                step: 1,
                to: Side::Right,
            },
            CueKind::Halfway { step: 1 },
            CueKind::TenSecondsLeft { step: 1 },
            CueKind::Rest { step: 1 },
            CueKind::RoutineDone,
        ];
        for locale in Locale::ALL {
            let texts = catalog(locale);
            for kind in kinds {
                let said = spoken(kind, &routine, &texts).unwrap();
                assert!(!said.contains(['{', '}']), "{locale:?} {kind:?}: {said}");
                assert!(
                    said.starts_with(|c: char| !c.is_lowercase()),
                    "{locale:?} {kind:?}: {said}"
                );
            }
        }
        let german = catalog(Locale::German);
        assert_eq!(
            spoken(CueKind::Halfway { step: 0 }, &routine, &german).as_deref(),
            Some("Halbzeit.")
        );
    }

    #[test]
    fn voices_are_those_of_the_language_on_the_device_first() {
        let voices = [
            ("Samantha", "en-US", true),
            ("Google Deutsch", "de-DE", false),
            ("Anna", "de_DE", true),
            ("Luciana", "pt-BR", false),
            ("Joana", "pt-PT", true),
            ("Felipe", "pt-BR", true),
            ("Nameless", "", true),
            ("Daniel", "en-GB", true),
        ];
        assert_eq!(voices_for(Locale::German, &voices), ["Anna", "Google Deutsch"]);
        assert_eq!(voices_for(Locale::English, &voices), ["Samantha", "Daniel"]);
        assert_eq!(
            voices_for(Locale::BrazilianPortuguese, &voices),
            ["Felipe", "Joana", "Luciana"]
        );
        assert!(voices_for(Locale::French, &voices).is_empty());
        // A chosen voice of another language is not used for this one.
        assert_eq!(
            voice_to_use(Locale::German, &voices, Some("Samantha")),
            Some("Anna")
        );
        assert_eq!(
            voice_to_use(Locale::German, &voices, Some("Google Deutsch")),
            Some("Google Deutsch")
        );
        assert_eq!(
            voice_to_use(Locale::English, &voices, Some("Daniel")),
            Some("Daniel")
        );
        assert_eq!(voice_to_use(Locale::Italian, &voices, None), None);
        assert_eq!(voice_to_use(Locale::Italian, &[], Some("Samantha")), None);
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
