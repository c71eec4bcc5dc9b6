//! Stored documents as a database: every version this app ever wrote still
//! loads (fixtures in tests/fixtures/storage, one per document and version),
//! the current shape is pinned, and damaged data of every kind ends in a typed
//! error with the raw text kept, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use kneadtime_core::backup;
use kneadtime_core::followed_program::{follow, ProgramDocument};
use kneadtime_core::history::{History, SessionRecord};
use kneadtime_core::i18n::Locale;
use kneadtime_core::library::builtin_routine;
use kneadtime_core::my_routines::{MyRoutines, Provenance, SavedRoutine};
use kneadtime_core::plan::Timing;
use kneadtime_core::routine::Routine;
use kneadtime_core::safety::{Precaution, SafetyRecord};
use kneadtime_core::saved_session::SavedSession;
use kneadtime_core::session::{Session, Status};
use kneadtime_core::settings::{Settings, Theme};
use kneadtime_core::store::{load, read, Document, Entry, Loaded, Lost, StoreError, MAX_DOCUMENT_BYTES};
use proptest::prelude::*;
use serde_json::Value;

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/storage")
        .join(name)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn clean<D: Document + Default>(name: &str, from: Option<u32>) -> D {
    let loaded: Loaded<D> = load(Some(&fixture(name)));
    assert_eq!(loaded.problem, None, "{name}");
    assert_eq!(loaded.migrated_from, from, "{name}");
    loaded.value
}

const T0: u64 = 1_795_500_000_000;

/// The built-in "hip-unwind" as it was when the fixtures were written: stored documents keep
/// the words they were saved with, whatever the library says today.
fn hip_unwind_as_written() -> Routine {
    // Its words as the English-only app wrote them (revision 1 of the library, before the
    // safety review), which stored documents keep: the copy in the oldest fixture.
    let (stored, _) = read::<MyRoutines>(&fixture("routines-v1.json")).unwrap();
    Routine {
        id: "hip-unwind".into(),
        revision: 1,
        title: "Side and front of hip unwind".into(),
        author: String::new(),
        language: None,
        ..stored.value.0[0].routine.clone()
    }
}

/// The program document as the fixture holds it: a plan with a built-in and an embedded
/// routine, followed from Monday 2026-12-07 after one newer plan arrived.
fn followed_program() -> ProgramDocument {
    let mut program = kneadtime_core::testing::two_phase_program();
    program.phases[1].routines[1] = kneadtime_core::program::ProgramRoutine::Embedded {
        routine: hip_unwind_as_written(),
    };
    program.note = "Gently; stop if it tingles.".into();
    let first = follow(None, program.clone(), 20_790, "pg-7k2m9q4x1a".into());
    ProgramDocument(Some(follow(Some(&first), program, 20_794, "pg-other".into())))
}

/// The current version of every document, as the fixtures hold them.
fn current_documents() -> (Settings, MyRoutines, SavedSession, History, SafetyRecord) {
    let settings = Settings {
        volume: 40,
        theme: Theme::Dark,
        voice_name: Some("Daniel".into()),
        pain_check_in: false,
        language: Some(Locale::German),
        ..Settings::default()
    };
    let mut received = hip_unwind_as_written();
    received.id = "r-5k2m9x0qa1".into();
    received.title = "Ana's hip plan".into();
    received.author = "Dr. Ana Ruiz, PT".into();
    received.revision = 3;
    received.language = Some(Locale::English);
    let routines = MyRoutines(vec![SavedRoutine {
        routine: received,
        provenance: Provenance::Received,
    }]);
    let routine = hip_unwind_as_written();
    let mut session = Session::new(&routine, Timing::default());
    session.start(T0);
    session.skip(T0 + 20_000);
    session.pause(T0 + 95_000);
    let saved = SavedSession {
        routine,
        timing: Timing::default(),
        session,
        started_at_ms: T0,
        pain_before: Some(6),
    };
    let history = History(
        (0..3)
            .map(|i| SessionRecord {
                id: format!("s-fixture{i}"),
                routine_id: "hip-unwind".into(),
                routine_title: "Side and front of hip unwind".into(),
                started_at_ms: T0 - (3 - i) * 86_400_000,
                utc_offset_min: 60,
                active_ms: 540_000 + i * 1000,
                steps_completed: 5 - i as u32,
                steps_skipped: i as u32,
                steps_total: 5,
                completed: i == 0,
                pain_before: Some(6 - i as u8),
                pain_after: (i != 1).then_some(3),
                note: if i == 2 {
                    "Easier to sit, \"much\" better".into()
                } else {
                    String::new()
                },
                language: Some(Locale::English),
            })
            .collect(),
    );
    let mut safety = SafetyRecord {
        red_flags_confirmed_at: Some(T0 - 5 * 86_400_000),
        precautions: vec![Precaution::Osteoporosis],
        routines: Vec::new(),
    };
    safety.acknowledge(&builtin_routine(&kneadtime_core::testing::english(), "hip-unwind").unwrap());
    (settings, routines, saved, history, safety)
}

/// Rewrites the current-version fixtures: run with `--ignored` only when a schema is bumped
/// (and keep the previous version's files: they are what old installs still hold).
#[test]
#[ignore]
fn write_current_fixtures() {
    let (settings, routines, session, history, safety) = current_documents();
    let pretty = |stored: String| {
        let value: Value = serde_json::from_str(&stored).unwrap();
        serde_json::to_string_pretty(&value).unwrap() + "\n"
    };
    let write = |name: String, text: String| std::fs::write(fixture_path(&name), text).unwrap();
    write(
        format!("settings-v{}.json", Settings::SCHEMA),
        pretty(settings.to_stored()),
    );
    write(
        format!("routines-v{}.json", MyRoutines::SCHEMA),
        pretty(routines.to_stored()),
    );
    write(
        format!("session-v{}.json", SavedSession::SCHEMA),
        pretty(session.to_stored()),
    );
    write(
        format!("history-v{}.json", History::SCHEMA),
        pretty(history.to_stored()),
    );
    write(
        format!("safety-v{}.json", SafetyRecord::SCHEMA),
        pretty(safety.to_stored()),
    );
    write(
        format!("program-v{}.json", ProgramDocument::SCHEMA),
        pretty(followed_program().to_stored()),
    );
    // A backup file holds the documents of its day: the one of each backup version is
    // written once and kept, as people's files keep it (its parts migrate on import).
    let backup_name = format!("backup-v{}.json", backup::SCHEMA);
    if !fixture_path(&backup_name).exists() {
        write(
            backup_name,
            backup::to_json(&settings, &routines.0, &history, None, T0) + "\n",
        );
    }
}

#[test]
fn current_fixtures_load_and_pin_the_stored_shape() {
    let (settings, routines, session, history, safety) = current_documents();
    assert_eq!(clean::<Settings>("settings-v4.json", None), settings);
    assert_eq!(clean::<MyRoutines>("routines-v2.json", None), routines);
    assert_eq!(clean::<History>("history-v2.json", None), history);
    assert_eq!(clean::<SafetyRecord>("safety-v2.json", None), safety);
    let (decoded, version) = read::<SavedSession>(&fixture("session-v2.json")).unwrap();
    assert_eq!((decoded.value, version), (session.clone(), 2));
    // Writing today's documents gives exactly the fixtures: a change of shape needs a new schema version.
    let same = |name: &str, stored: String| {
        let on_disk: Value = serde_json::from_str(&fixture(name)).unwrap();
        let now: Value = serde_json::from_str(&stored).unwrap();
        assert_eq!(
            now, on_disk,
            "{name}: the stored shape changed without a schema bump"
        );
    };
    same("settings-v4.json", settings.to_stored());
    same("routines-v2.json", routines.to_stored());
    same("session-v2.json", session.to_stored());
    same("history-v2.json", history.to_stored());
    same("safety-v2.json", safety.to_stored());
    let program = clean::<ProgramDocument>("program-v1.json", None);
    assert_eq!(program, followed_program());
    // The newer plan kept the first one's calendar id and raised its sequence.
    let followed = program.0.expect("a followed program");
    assert_eq!(
        (followed.id.as_str(), followed.sequence, followed.start_day),
        ("pg-7k2m9q4x1a", 1, 20_794)
    );
    same("program-v1.json", followed_program().to_stored());
    // No program followed is nothing to keep: saving it removes the key.
    assert!(!followed_program().is_empty());
    assert!(ProgramDocument(None).is_empty());
    assert!(!Settings::default().is_empty(), "other documents are always kept");
}

#[test]
fn version_three_settings_keep_the_fifteen_minutes_their_calendars_had() {
    let migrated = clean::<Settings>("settings-v3.json", Some(3));
    let (current, ..) = current_documents();
    assert_eq!(migrated, current);
    assert_eq!(migrated.calendar_alarm, Some(15));
}

#[test]
fn version_one_settings_migrate() {
    let migrated = clean::<Settings>("settings-v1.json", Some(1));
    assert_eq!(
        migrated,
        Settings {
            volume: 40,
            theme: Theme::Dark,
            voice_name: Some("Daniel".into()),
            pain_check_in: true,
            language: None,
            ..Settings::default()
        }
    );
    // The migrated document is written back as the current version and reads cleanly.
    let again: Loaded<Settings> = load(Some(&migrated.to_stored()));
    assert_eq!(
        (again.value, again.problem, again.migrated_from),
        (migrated, None, None)
    );
}

#[test]
fn version_two_settings_migrate_and_follow_the_device() {
    let migrated = clean::<Settings>("settings-v2.json", Some(2));
    let (settings, ..) = current_documents();
    assert_eq!(
        migrated,
        Settings {
            language: None,
            ..settings
        }
    );
    let stored = migrated.to_stored();
    assert!(
        stored.contains("\"schema\":4") && stored.contains("\"language\":null"),
        "{stored}"
    );
    let again: Loaded<Settings> = load(Some(&stored));
    assert_eq!(
        (again.value, again.problem, again.migrated_from),
        (migrated, None, None)
    );
}

#[test]
fn version_one_sessions_migrate_with_an_estimated_start() {
    let (decoded, version) = read::<SavedSession>(&fixture("session-v1.json")).unwrap();
    let saved = decoded.value;
    assert_eq!(version, 1);
    assert_eq!(saved.pain_before, None);
    // Never paused before its save: the start is exact. T0 in that fixture is 1_795_500_000_000.
    assert_eq!(saved.started_at_ms, 1_795_500_000_000);
    assert_eq!(saved.session.status(), Status::Paused);
    let state = saved.session.state_at(1_795_500_200_000);
    assert_eq!(state.status, Status::Paused);
    assert_eq!(saved.session.summary(1_795_500_200_000).steps_skipped, vec![0]);
}

#[test]
fn version_one_history_migrates_with_english_words() {
    let (_, _, _, history, _) = current_documents();
    assert_eq!(clean::<History>("history-v1.json", Some(1)), history);
}

#[test]
fn a_version_one_safety_record_migrates_to_no_precautions() {
    // Before the precautions existed, confirming meant that no warning sign applied.
    let migrated = clean::<SafetyRecord>("safety-v1.json", Some(1));
    assert_eq!(migrated.red_flags_confirmed_at, Some(1_795_068_000_000));
    assert!(migrated.precautions.is_empty());
    assert_eq!(migrated.routines.len(), 1);
}

#[test]
fn version_one_routines_and_backups_load() {
    // Saved by the English-only app: the routines' words are English.
    let (_, current, _, _, _) = current_documents();
    assert_eq!(clean::<MyRoutines>("routines-v1.json", Some(1)), current);
    let backup = backup::parse(&fixture("backup-v1.json")).expect("backup v1");
    let (settings, mine, _, history, _) = current_documents();
    // Its settings are version 2, from before the language setting: the device's language.
    assert_eq!(
        (backup.settings, backup.routines, backup.history),
        (
            Settings {
                language: None,
                ..settings.clone()
            },
            mine.0.clone(),
            history.clone()
        )
    );
    // Today's backups carry the language.
    assert_eq!(backup.program, None, "a backup from before programs");
    let program = followed_program().0;
    let today = backup::to_json(&settings, &mine.0, &history, program.as_ref(), T0);
    let read = backup::parse(&today).unwrap();
    assert_eq!((read.settings, read.program), (settings, program));
    // A backup whose settings part is an older version is migrated like storage.
    let mut file: Value = serde_json::from_str(&fixture("backup-v1.json")).unwrap();
    file["settings"] = serde_json::from_str(&fixture("settings-v1.json")).unwrap();
    assert!(backup::parse(&file.to_string()).unwrap().settings.pain_check_in);
}

/// A kind of damage, the damaged text, and the check its error must pass.
type Damage = (String, String, fn(&StoreError) -> bool);

/// Damage of every kind to a stored document.
fn damaged(good: &str, schema: u32) -> Vec<Damage> {
    let value: Value = serde_json::from_str(good).unwrap();
    let mut wrong_version = value.clone();
    wrong_version["schema"] = Value::from(schema + 1);
    let mut zero_version = value.clone();
    zero_version["schema"] = Value::from(0);
    let mut text_version = value.clone();
    text_version["schema"] = Value::from(schema.to_string());
    let mut huge = value.clone();
    huge["padding"] = Value::from("x".repeat(MAX_DOCUMENT_BYTES));
    let huge_number = good.replacen(
        &format!("\"schema\": {schema}"),
        &format!("\"schema\": {schema}, \"n\": 1e999"),
        1,
    );
    assert_ne!(huge_number, good);
    vec![
        ("truncated".into(), good[..good.len() / 2].to_string(), |e| {
            *e == StoreError::Unreadable
        }),
        ("empty".into(), String::new(), |e| *e == StoreError::Unreadable),
        ("not an object".into(), "[1,2,3]".into(), |e| {
            *e == StoreError::NotADocument
        }),
        ("newer version".into(), wrong_version.to_string(), |e| {
            matches!(e, StoreError::NewerVersion(_))
        }),
        ("version zero".into(), zero_version.to_string(), |e| {
            *e == StoreError::UnknownVersion(0)
        }),
        ("version as text".into(), text_version.to_string(), |e| {
            *e == StoreError::NotADocument
        }),
        ("huge document".into(), huge.to_string(), |e| {
            matches!(e, StoreError::TooLarge(_))
        }),
        ("huge number".into(), huge_number, |e| {
            *e == StoreError::Unreadable
        }),
    ]
}

fn check_damage<D: Document + Default + PartialEq + std::fmt::Debug>(name: &str) {
    let good = fixture(name);
    for (what, raw, expected) in damaged(&good, D::SCHEMA) {
        let loaded: Loaded<D> = load(Some(&raw));
        let problem = loaded
            .problem
            .clone()
            .unwrap_or_else(|| panic!("{name}, {what}: read as good"));
        assert!(expected(&problem), "{name}, {what}: {problem:?}");
        assert!(
            loaded.must_keep_raw(),
            "{name}, {what}: the raw text must be kept"
        );
        assert_eq!(loaded.value, D::default(), "{name}, {what}");
    }
}

#[test]
fn damaged_documents_end_in_typed_errors_and_are_kept() {
    check_damage::<Settings>("settings-v4.json");
    check_damage::<MyRoutines>("routines-v2.json");
    check_damage::<History>("history-v2.json");
    check_damage::<SafetyRecord>("safety-v2.json");
    check_damage::<ProgramDocument>("program-v1.json");
    // A plan that cannot be followed, or an id this app never writes, is not read.
    let mut unplannable: Value = serde_json::from_str(&fixture("program-v1.json")).unwrap();
    unplannable["followed"]["program"]["phases"][0]["weekdays"] =
        serde_json::json!([false, false, false, false, false, false, false]);
    assert!(matches!(
        load::<ProgramDocument>(Some(&unplannable.to_string())).problem,
        Some(StoreError::WrongShape(_))
    ));
    let odd_id = fixture("program-v1.json").replacen("pg-7k2m9q4x1a", "pg 7k<script>", 1);
    assert!(matches!(
        load::<ProgramDocument>(Some(&odd_id)).problem,
        Some(StoreError::WrongShape(_))
    ));
    // Wrong types: whole-document fields fail the document, list entries only themselves.
    let wrong_list = fixture("history-v2.json").replacen("\"sessions\": [", "\"sessions\": 5, \"x\": [", 1);
    assert!(matches!(
        load::<History>(Some(&wrong_list)).problem,
        Some(StoreError::WrongShape(_))
    ));
    let wrong_entry =
        fixture("history-v2.json").replacen("\"pain_before\": 6", "\"pain_before\": \"six\"", 1);
    let loaded = load::<History>(Some(&wrong_entry));
    assert_eq!(
        loaded.problem,
        Some(StoreError::Partial(vec![Lost::Entries(1, Entry::Session)]))
    );
    assert_eq!(loaded.value.0.len(), 2);
    let wrong_setting = fixture("settings-v4.json").replacen("\"volume\": 40", "\"volume\": \"loud\"", 1);
    assert_eq!(
        load::<Settings>(Some(&wrong_setting)).problem,
        Some(StoreError::Partial(vec![Lost::Setting("volume")]))
    );
    let wrong_language =
        fixture("settings-v4.json").replacen("\"language\": \"de\"", "\"language\": \"tlh\"", 1);
    let loaded = load::<Settings>(Some(&wrong_language));
    assert_eq!(
        loaded.problem,
        Some(StoreError::Partial(vec![Lost::Setting("language")]))
    );
    assert_eq!((loaded.value.language, loaded.value.volume), (None, 40));
    let huge_start = fixture("session-v2.json").replacen(
        &format!("\"started_at_ms\": {T0}"),
        "\"started_at_ms\": 123456789012345678901234567890",
        1,
    );
    assert!(matches!(
        read::<SavedSession>(&huge_start),
        Err(StoreError::WrongShape(_))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Any byte-level damage to any stored document: a value and, unless it still reads
    /// cleanly, a problem that keeps the raw text. Never a panic.
    #[test]
    fn mutated_documents_never_panic(
        which in 0usize..6,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let names = ["settings-v4.json", "routines-v2.json", "history-v2.json", "safety-v2.json", "session-v2.json", "program-v1.json"];
        let mut bytes = fixture(names[which]).into_bytes();
        for (at, byte) in edits {
            let index = at.index(bytes.len());
            bytes[index] = byte;
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        match which {
            0 => { let l = load::<Settings>(Some(&text)); prop_assert_eq!(l.value.clone().clamped(), l.value); }
            1 => { let l = load::<MyRoutines>(Some(&text)); prop_assert!(l.value.0.iter().all(|r| r.routine.validate().is_empty())); }
            2 => { let l = load::<History>(Some(&text)); prop_assert!(l.value.0.iter().all(SessionRecord::is_valid)); }
            3 => { let _ = load::<SafetyRecord>(Some(&text)); }
            4 => { let _ = read::<SavedSession>(&text); }
            _ => {
                let l = load::<ProgramDocument>(Some(&text));
                prop_assert!(l.value.0.iter().all(|followed| followed.program.validate().is_ok()));
            }
        }
    }
}
