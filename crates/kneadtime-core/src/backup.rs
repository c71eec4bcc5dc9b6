//! Backup files: everything the person keeps here (their routines, history, settings
//! and the program they follow) in one JSON file, and the plan for merging one back in without
//! duplicates. Each part is a stored document with its own schema, so a backup
//! from an older version is migrated exactly like old storage.

use serde_json::{Map, Value};

use super::followed_program::{FollowedProgram, ProgramDocument};
use super::history::{one_decimal, History};
use super::i18n::Catalog;
use super::my_routines::{self, Incoming, MyRoutines, SavedRoutine};
use super::settings::Settings;
use super::store::{body_of, read_value, Decoded, Document, Kind, Lost, StoreError};

/// Marks a JSON file as a Kneadtime backup.
pub const KIND: &str = "kneadtime-backup";
/// The backup wrapper's own version.
pub const SCHEMA: u32 = 1;
/// Larger files are not backups this app wrote (localStorage holds about 5 MB).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// What a backup holds, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub exported_at_ms: u64,
    pub settings: Settings,
    pub routines: Vec<SavedRoutine>,
    pub history: History,
    /// The program followed when the backup was made (backups before programs have none).
    pub program: Option<FollowedProgram>,
    /// Entries that could not be read and will not be imported.
    pub skipped: Vec<Lost>,
}

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    Empty,
    TooLarge(usize),
    NotJson,
    /// JSON, but not a Kneadtime backup.
    NotABackup,
    NewerVersion(u32),
    /// One part (routines, history, settings) is damaged.
    Part(Kind, StoreError),
}

impl BackupError {
    /// Why, for the person.
    pub fn message(&self, texts: &Catalog) -> String {
        match self {
            BackupError::Empty => texts.text("data.error.empty").to_string(),
            BackupError::TooLarge(bytes) => texts.fill(
                "data.error.too_large",
                &[("size", &one_decimal(*bytes as f64 / 1_048_576.0, texts))],
            ),
            BackupError::NotJson => texts.text("data.error.not_json").to_string(),
            BackupError::NotABackup => texts.text("data.error.not_a_backup").to_string(),
            BackupError::NewerVersion(_) => texts.text("data.error.newer").to_string(),
            BackupError::Part(Kind::Settings, _) => texts.text("data.error.damaged_settings").to_string(),
            BackupError::Part(Kind::History, _) => texts.text("data.error.damaged_sessions").to_string(),
            BackupError::Part(Kind::Program, _) => texts.text("data.error.damaged_program").to_string(),
            BackupError::Part(_, _) => texts.text("data.error.damaged_routines").to_string(),
        }
    }
}

/// The backup file for the given data.
pub fn to_json(
    settings: &Settings,
    routines: &[SavedRoutine],
    history: &History,
    program: Option<&FollowedProgram>,
    exported_at_ms: u64,
) -> String {
    let file = body_of([
        ("kind", Value::from(KIND)),
        ("schema", Value::from(SCHEMA)),
        ("exported_at_ms", Value::from(exported_at_ms)),
        ("settings", settings.to_value()),
        ("routines", MyRoutines(routines.to_vec()).to_value()),
        ("history", history.to_value()),
        ("program", ProgramDocument(program.cloned()).to_value()),
    ]);
    serde_json::to_string_pretty(&Value::Object(file)).unwrap_or_default()
}

/// Read and check a backup file. Never panics on any input.
pub fn parse(text: &str) -> Result<Backup, BackupError> {
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    if text.len() > MAX_BYTES {
        return Err(BackupError::TooLarge(text.len()));
    }
    let Value::Object(mut file) = serde_json::from_str::<Value>(text).map_err(|_| BackupError::NotJson)?
    else {
        return Err(BackupError::NotABackup);
    };
    if file.get("kind").and_then(Value::as_str) != Some(KIND) {
        return Err(BackupError::NotABackup);
    }
    let version = file
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(BackupError::NotABackup)?;
    if version > u64::from(SCHEMA) {
        return Err(BackupError::NewerVersion(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let settings = part::<Settings>(&mut file, "settings")?;
    let routines = part::<MyRoutines>(&mut file, "routines")?;
    let history = part::<History>(&mut file, "history")?;
    // Backups made before programs existed have no program part.
    let program = match file.contains_key("program") {
        true => part::<ProgramDocument>(&mut file, "program")?.value.0,
        false => None,
    };
    let mut skipped = Vec::new();
    for lost in [&settings.lost, &routines.lost, &history.lost] {
        skipped.extend(lost.iter().cloned());
    }
    Ok(Backup {
        exported_at_ms: file.get("exported_at_ms").and_then(Value::as_u64).unwrap_or(0),
        settings: settings.value,
        routines: routines.value.0,
        history: history.value,
        program,
        skipped,
    })
}

/// One part of a backup, migrated and read like stored data.
fn part<D: Document>(file: &mut Map<String, Value>, name: &str) -> Result<Decoded<D>, BackupError> {
    let value = file.remove(name).ok_or(BackupError::NotABackup)?;
    read_value::<D>(value)
        .map(|(decoded, _)| decoded)
        .map_err(|error| BackupError::Part(D::KIND, error))
}

/// What importing a backup would change, shown before anything is changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    /// Routines not saved here yet.
    pub new_routines: Vec<String>,
    /// Routines saved here at an older revision.
    pub updated_routines: Vec<String>,
    /// Routines already here at the same or a newer revision.
    pub known_routines: usize,
    pub new_sessions: usize,
    pub known_sessions: usize,
    /// The backup's settings differ from the current ones.
    pub settings_differ: bool,
    /// The title of the backup's program, which is followed here after the import
    /// (only when no program is followed here: one being followed is never replaced).
    pub program: Option<String>,
}

impl ImportPlan {
    pub fn changes_anything(&self) -> bool {
        !self.new_routines.is_empty()
            || !self.updated_routines.is_empty()
            || self.new_sessions > 0
            || self.program.is_some()
    }
}

/// What is kept on the device, as a backup merges into it.
pub struct Here<'a> {
    pub routines: &'a mut Vec<SavedRoutine>,
    pub history: &'a mut History,
    pub settings: &'a mut Settings,
    pub program: &'a mut Option<FollowedProgram>,
}

/// How `backup` would merge into what is here.
pub fn plan(
    routines: &[SavedRoutine],
    history: &History,
    settings: &Settings,
    program: Option<&FollowedProgram>,
    backup: &Backup,
) -> ImportPlan {
    let mut plan = ImportPlan {
        new_routines: Vec::new(),
        updated_routines: Vec::new(),
        known_routines: 0,
        new_sessions: history.new_records(&backup.history.0).len(),
        known_sessions: 0,
        settings_differ: &backup.settings != settings,
        program: backup
            .program
            .as_ref()
            .filter(|_| program.is_none())
            .map(|followed| followed.program.title.clone()),
    };
    plan.known_sessions = backup.history.0.len() - plan.new_sessions;
    for saved in &backup.routines {
        match my_routines::classify(routines, &saved.routine) {
            Incoming::New => plan.new_routines.push(saved.routine.title.clone()),
            Incoming::Newer { .. } => plan.updated_routines.push(saved.routine.title.clone()),
            Incoming::AlreadySaved | Incoming::Older { .. } => plan.known_routines += 1,
        }
    }
    plan
}

/// Merge `backup` in: new and newer routines, sessions not already here, its program
/// when none is followed here; settings only if asked.
pub fn apply(here: Here, backup: &Backup, with_settings: bool) {
    let Here {
        routines,
        history,
        settings,
        program,
    } = here;
    for saved in &backup.routines {
        if matches!(
            my_routines::classify(routines, &saved.routine),
            Incoming::New | Incoming::Newer { .. }
        ) {
            my_routines::upsert(routines, saved.routine.clone(), saved.provenance.clone());
        }
    }
    history.merge(&backup.history.0);
    if program.is_none() {
        program.clone_from(&backup.program);
    }
    if with_settings {
        *settings = backup.settings.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::SessionRecord;
    use crate::library::builtin_routine;
    use crate::my_routines::Provenance;

    fn record(id: &str, t: u64) -> SessionRecord {
        SessionRecord {
            id: id.into(),
            routine_id: "hip-unwind".into(),
            routine_title: "Hip unwind".into(),
            started_at_ms: t,
            utc_offset_min: 0,
            active_ms: 1000,
            steps_completed: 1,
            steps_skipped: 0,
            steps_total: 5,
            completed: false,
            pain_before: Some(4),
            pain_after: Some(2),
            note: "ok".into(),
            language: Some(crate::i18n::Locale::English),
        }
    }

    fn mine(id: &str, revision: u32) -> SavedRoutine {
        let mut routine = builtin_routine(&crate::testing::english(), "hip-unwind").unwrap();
        routine.id = id.into();
        routine.revision = revision;
        routine.title = format!("Mine {id}");
        SavedRoutine {
            routine,
            provenance: Provenance::Made,
        }
    }

    #[test]
    fn round_trip_and_merge_without_duplicates() {
        let settings = Settings {
            volume: 30,
            ..Settings::default()
        };
        let history = History(vec![record("s-1", 1_000), record("s-2", 2_000)]);
        let followed =
            crate::followed_program::follow(None, crate::testing::two_phase_program(), 20_000, "pg-1".into());
        let text = to_json(
            &settings,
            &[mine("r-a", 2), mine("r-b", 1)],
            &history,
            Some(&followed),
            42,
        );
        let backup = parse(&text).expect("own backup reads");
        assert_eq!((backup.exported_at_ms, backup.settings.volume), (42, 30));
        assert_eq!(backup.history.0.len(), 2);

        let mut here_routines = vec![mine("r-a", 1), mine("r-b", 3)];
        let mut here_history = History(vec![record("s-1", 1_000)]);
        let mut here_settings = Settings::default();
        let mut here_program = None;
        let plan = plan(&here_routines, &here_history, &here_settings, None, &backup);
        assert_eq!(plan.new_routines, Vec::<String>::new());
        assert_eq!(plan.updated_routines, ["Mine r-a"]);
        assert_eq!(
            (plan.known_routines, plan.new_sessions, plan.known_sessions),
            (1, 1, 1)
        );
        assert_eq!(plan.program.as_deref(), Some(followed.program.title.as_str()));
        assert!(plan.settings_differ && plan.changes_anything());

        apply(
            Here {
                routines: &mut here_routines,
                history: &mut here_history,
                settings: &mut here_settings,
                program: &mut here_program,
            },
            &backup,
            false,
        );
        assert_eq!(here_program.as_ref(), Some(&followed));
        assert_eq!(
            here_routines
                .iter()
                .map(|r| r.routine.revision)
                .collect::<Vec<_>>(),
            [2, 3]
        );
        assert_eq!(here_history.0.len(), 2);
        assert_eq!(here_settings, Settings::default());
        // Importing the same file again changes nothing.
        // A program followed here is never replaced by a backup's.
        let mine_now =
            crate::followed_program::follow(None, crate::testing::two_phase_program(), 30_000, "pg-2".into());
        here_program = Some(mine_now.clone());
        let again = super::plan(
            &here_routines,
            &here_history,
            &here_settings,
            here_program.as_ref(),
            &backup,
        );
        assert!(!again.changes_anything());
        apply(
            Here {
                routines: &mut here_routines,
                history: &mut here_history,
                settings: &mut here_settings,
                program: &mut here_program,
            },
            &backup,
            true,
        );
        assert_eq!(here_program, Some(mine_now));
        assert_eq!((here_history.0.len(), here_settings.volume), (2, 30));
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let good = to_json(&Settings::default(), &[], &History::default(), None, 1);
        let cases = [
            ("   ", BackupError::Empty),
            ("{\"kind\":", BackupError::NotJson),
            ("[]", BackupError::NotABackup),
            ("{\"kind\":\"other\",\"schema\":1}", BackupError::NotABackup),
            (
                &good.replace("\"schema\": 1,\n  \"settings\"", "\"schema\": 1,\n  \"x\""),
                BackupError::NotABackup,
            ),
        ];
        for (text, error) in cases {
            assert_eq!(parse(text), Err(error), "{text}");
        }
        let mut newer: Value = serde_json::from_str(&good).unwrap();
        newer["schema"] = Value::from(9);
        let newer = newer.to_string();
        assert_eq!(parse(&newer), Err(BackupError::NewerVersion(9)));
        let broken_history = good.replace("\"sessions\": []", "\"sessions\": 7");
        let damaged = parse(&broken_history).unwrap_err();
        assert!(matches!(damaged, BackupError::Part(Kind::History, _)));
        let english = crate::testing::english();
        assert_eq!(
            damaged.message(&english),
            "The sessions in this backup are damaged, so nothing was imported."
        );
        assert_eq!(
            parse(&"x".repeat(MAX_BYTES + 1)).unwrap_err().message(&english),
            "The file is 5.0 MB, far larger than any Kneadtime backup."
        );
        let french = crate::testing::catalog(crate::i18n::Locale::French);
        assert!(BackupError::TooLarge(5 * 1_048_576 + 104_858)
            .message(&french)
            .contains("5,1"));
    }
}
