//! Properties of what the player stores and shows, over open-ended inputs:
//! stored settings, saved sessions, and when the display next changes.
#![cfg(not(target_arch = "wasm32"))]

use kneadtime_core::breathing::BreathingPattern;
use kneadtime_core::format::countdown;
use kneadtime_core::i18n::Locale;
use kneadtime_core::plan::Timing;
use kneadtime_core::saved_session::SavedSession;
use kneadtime_core::session::{Session, SessionState};
use kneadtime_core::settings::{Settings, Theme};
use kneadtime_core::store::{load, read, Document, Lost, StoreError};
use proptest::prelude::*;
use serde_json::{json, Value};

use kneadtime_core::testing::{any_ops, any_routine, any_timing, any_valid_routine, apply};

const T0: u64 = 1_700_000_000_000;

const FIELDS: [&str; 16] = [
    "lead_in_secs",
    "switch_secs",
    "rest_secs",
    "sound",
    "breath_tones",
    "voice",
    "vibration",
    "volume",
    "voice_name",
    "voice_rate_percent",
    "breathing",
    "theme",
    "background_sound",
    "background_volume",
    "pain_check_in",
    "language",
];

fn any_json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|n| json!(n)),
        (0u32..1000).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        proptest::sample::select(vec![
            "box",
            "coherent",
            "dark",
            "light",
            "system",
            "four_seven_eight",
            "de",
            "pt-BR",
            "pt"
        ])
        .prop_map(Value::from),
        Just(json!([1, 2])),
        Just(json!({"nested": true})),
    ]
}

fn any_settings() -> impl Strategy<Value = Settings> {
    (
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<[bool; 6]>()),
        (any::<u8>(), any::<u8>(), any::<u16>()),
        proptest::option::of(".{0,30}"),
        proptest::option::of(proptest::sample::select(BreathingPattern::ALL.to_vec())),
        proptest::sample::select(Theme::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(Locale::ALL.to_vec())),
        proptest::option::of(proptest::sample::select(
            kneadtime_core::reminders::ALARM_CHOICES.to_vec(),
        )),
    )
        .prop_map(
            |(
                (lead_in, switch, rest, flags),
                (volume, background_volume, rate),
                voice_name,
                breathing,
                theme,
                language,
                calendar_alarm,
            )| {
                Settings {
                    lead_in_secs: lead_in,
                    switch_secs: switch,
                    rest_secs: rest,
                    sound: flags[0],
                    breath_tones: flags[1],
                    voice: flags[2],
                    vibration: flags[3],
                    volume,
                    voice_name,
                    voice_rate_percent: rate,
                    breathing,
                    theme,
                    background_sound: flags[4],
                    background_volume,
                    pain_check_in: flags[5],
                    language,
                    calendar_alarm,
                }
            },
        )
}

/// Everything the player draws from a state, as text.
fn shown(state: &SessionState) -> Vec<String> {
    let mut shown = vec![
        format!("{:?}", state.status),
        countdown(state.routine_remaining_ms),
    ];
    if let Some(current) = &state.current {
        shown.extend([
            format!("{:?} {} {:?}", current.kind, current.step, current.side),
            countdown(current.remaining_ms),
            format!("{:?} {}", current.breath.phase, current.breath.countdown_secs()),
        ]);
    }
    shown
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// Whatever is stored, loading gives usable settings and never panics; anything
    /// not read cleanly is reported, so its text is kept aside.
    #[test]
    fn any_text_loads_as_valid_settings(text in ".{0,200}") {
        let loaded = load::<Settings>(Some(&text));
        prop_assert_eq!(loaded.value.clone().clamped(), loaded.value.clone());
        if loaded.problem.is_none() {
            prop_assert_eq!(load::<Settings>(Some(&loaded.value.to_stored())).value, loaded.value);
        }
    }

    /// Objects with known fields of any type: good fields kept, bad ones reset and named, none lost silently.
    #[test]
    fn bad_fields_are_named_and_good_ones_kept(
        fields in proptest::collection::btree_map(proptest::sample::select(FIELDS.to_vec()), any_json_value(), 0..15)
    ) {
        let mut object: serde_json::Map<String, Value> = fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        object.insert("schema".into(), Value::from(Settings::SCHEMA));
        let loaded = load::<Settings>(Some(&Value::Object(object).to_string()));
        prop_assert_eq!(loaded.value.clone().clamped(), loaded.value.clone());
        let reset = match &loaded.problem {
            Some(StoreError::Partial(reset)) => reset.clone(),
            None => Vec::new(),
            other => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        let stored = serde_json::to_value(&loaded.value).unwrap();
        for (name, value) in &fields {
            if reset.contains(&Lost::Setting(name)) {
                continue;
            }
            // A blank voice name means the default voice.
            if *name == "voice_name" && value.as_str().is_some_and(|text| text.trim().is_empty()) {
                prop_assert_eq!(&loaded.value.voice_name, &None);
                continue;
            }
            // A field not reported as reset was taken as stored (numbers by value: -0 is 0).
            match (stored[*name].as_f64(), value.as_f64()) {
                (Some(kept), Some(given)) => prop_assert_eq!(kept, given, "field {}", name),
                _ => prop_assert_eq!(&stored[*name], value, "field {}", name),
            }
        }
    }

    /// Saving and loading settings changes nothing and reports no problem.
    #[test]
    fn settings_round_trip(settings in any_settings()) {
        let settings = settings.clamped();
        let loaded = load::<Settings>(Some(&settings.to_stored()));
        prop_assert_eq!(loaded.problem, None);
        prop_assert_eq!(loaded.value, settings);
    }

    /// A saved session picks up exactly where it was, whatever happened before it was saved.
    #[test]
    fn saved_sessions_resume_exactly(
        routine in any_valid_routine(),
        timing in any_timing(),
        ops in any_ops(),
        later in proptest::collection::vec(0u64..10_000_000, 1..8),
    ) {
        let mut session = Session::new(&routine, timing);
        session.start(T0);
        let mut t = T0;
        for (op, gap) in ops {
            t += gap;
            apply(&mut session, op, t);
        }
        let saved = SavedSession { routine, timing, session, started_at_ms: T0, pain_before: Some(4) };
        let back = read::<SavedSession>(&saved.to_stored()).expect("a saved session reads back").0.value;
        prop_assert_eq!(&back, &saved);
        for offset in later {
            let at = t + offset;
            prop_assert_eq!(back.session.state_at(at), saved.session.state_at(at));
            prop_assert_eq!(back.session.cues_between(t, at), saved.session.cues_between(t, at));
        }
    }

    /// A saved session reads back as written; a damaged one is refused or read as a
    /// session that can be resumed, never a panic.
    #[test]
    fn damaged_saved_sessions_never_panic(routine in any_valid_routine(), cut in any::<prop::sample::Index>(), junk in ".{0,8}") {
        let mut session = Session::new(&routine, Timing::default());
        session.start(T0);
        let original = SavedSession { routine, timing: Timing::default(), session, started_at_ms: T0, pain_before: None };
        let json = original.to_stored();
        prop_assert_eq!(read::<SavedSession>(&json).map(|(decoded, _)| decoded.value), Ok(original.clone()));
        let at = cut.index(json.len() + 1);
        if json.is_char_boundary(at) {
            for text in [format!("{}{junk}", &json[..at]), format!("{junk}{}", &json[at..])] {
                match read::<SavedSession>(&text) {
                    // Read: a session that can be resumed, and when nothing was cut away or
                    // added, the one written.
                    Ok((decoded, _)) => {
                        prop_assert!(decoded.value.routine.validate().is_empty());
                        if text.trim() == json {
                            prop_assert_eq!(&decoded.value, &original);
                        }
                    }
                    // Not read: only ever a damaged document, never the one written.
                    Err(_) => prop_assert_ne!(text.trim(), json.as_str()),
                }
            }
        }
    }

    /// The player repaints exactly when something it shows changes: nothing changes
    /// before `next_change_in_ms`, and something does at it.
    #[test]
    fn the_display_changes_exactly_at_the_next_change(routine in any_routine(), timing in any_timing(), offset in 0u64..4_000_000) {
        let mut session = Session::new(&routine, timing);
        session.start(T0);
        let t = T0 + offset;
        let state = session.state_at(t);
        match state.next_change_in_ms() {
            None => prop_assert!(state.status != kneadtime_core::session::Status::Running),
            Some(delay) => {
                prop_assert!((1..=1000).contains(&delay));
                let now = shown(&state);
                prop_assert_eq!(&shown(&session.state_at(t + delay - 1)), &now);
                prop_assert_ne!(&shown(&session.state_at(t + delay)), &now);
            }
        }
    }
}
