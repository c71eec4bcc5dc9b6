//! Stored documents as a small database: every document carries a schema
//! version, older versions are migrated step by step, and anything that cannot
//! be read ends in a typed error with the original text kept aside, never lost.
//!
//! This module decides; `platform::storage` (the only code that touches
//! `localStorage`) carries the decisions out.

use serde_json::{Map, Value};

use crate::i18n::Catalog;

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "kneadtime.";
/// Copies of documents that could not be read are kept under keys starting with this.
pub const RECOVERY_PREFIX: &str = "kneadtime.recovery.";
/// A stored document larger than this is not ours (localStorage holds about 5 MB in all).
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// A kind of document kept on the device.
pub trait Document: Sized {
    /// Name under [`KEY_PREFIX`], e.g. "settings".
    const NAME: &'static str;
    /// What the person calls it: picks the sentences that tell them about it.
    const KIND: Kind;
    /// The schema this version writes.
    const SCHEMA: u32;

    /// Upgrade a body of version `from` (older than [`Document::SCHEMA`]) to version `from + 1`.
    fn upgrade(from: u32, body: Map<String, Value>) -> Result<Map<String, Value>, StoreError> {
        let _ = body;
        Err(StoreError::UnknownVersion(from))
    }

    /// Read a current-version body. Entries that cannot be read are counted in
    /// [`Decoded::lost`] rather than failing the whole document.
    fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError>;

    /// The current-version body (without the schema field).
    fn encode(&self) -> Map<String, Value>;

    /// Nothing worth keeping: saving it removes the stored document instead, so that
    /// "is anything stored?" stays a cheap question at start-up.
    fn is_empty(&self) -> bool {
        false
    }

    /// The storage key.
    fn key() -> String {
        format!("{KEY_PREFIX}{}", Self::NAME)
    }

    /// The stored form: the body with its schema version.
    fn to_value(&self) -> Value {
        let mut body = self.encode();
        body.insert("schema".into(), Value::from(Self::SCHEMA));
        Value::Object(body)
    }

    /// The stored text.
    fn to_stored(&self) -> String {
        self.to_value().to_string()
    }
}

/// The kinds of document kept on the device, as the person knows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "settings".
    Settings,
    /// "saved routines".
    Routines,
    /// "session history".
    History,
    /// "safety confirmations".
    Safety,
    /// "unfinished session".
    Session,
    /// "program".
    Program,
}

/// What is said about a stored document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentence {
    /// Some of it could not be read; `{lost}` names what.
    Partial,
    /// A newer version of the app wrote it.
    Newer,
    /// It could not be read at all.
    Unreadable,
    /// The browser stores nothing.
    Unavailable,
    /// Storage is full: it could not be saved.
    Refused,
    /// It is not saved, so an unreadable stored copy is not overwritten.
    Protected,
}

impl Sentence {
    pub const ALL: [Sentence; 6] = [
        Sentence::Partial,
        Sentence::Newer,
        Sentence::Unreadable,
        Sentence::Unavailable,
        Sentence::Refused,
        Sentence::Protected,
    ];
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Settings,
        Kind::Routines,
        Kind::History,
        Kind::Safety,
        Kind::Session,
        Kind::Program,
    ];

    /// The key of a sentence about this kind of document: a whole sentence per kind,
    /// since languages word "your settings" and "your unfinished session" differently.
    pub fn key(self, sentence: Sentence) -> &'static str {
        use Sentence::*;
        match (self, sentence) {
            (Kind::Settings, Partial) => "storage.settings.partial",
            (Kind::Settings, Newer) => "storage.settings.newer",
            (Kind::Settings, Unreadable) => "storage.settings.unreadable",
            (Kind::Settings, Unavailable) => "storage.settings.unavailable",
            (Kind::Settings, Refused) => "storage.settings.refused",
            (Kind::Settings, Protected) => "storage.settings.protected",
            (Kind::Routines, Partial) => "storage.routines.partial",
            (Kind::Routines, Newer) => "storage.routines.newer",
            (Kind::Routines, Unreadable) => "storage.routines.unreadable",
            (Kind::Routines, Unavailable) => "storage.routines.unavailable",
            (Kind::Routines, Refused) => "storage.routines.refused",
            (Kind::Routines, Protected) => "storage.routines.protected",
            (Kind::History, Partial) => "storage.history.partial",
            (Kind::History, Newer) => "storage.history.newer",
            (Kind::History, Unreadable) => "storage.history.unreadable",
            (Kind::History, Unavailable) => "storage.history.unavailable",
            (Kind::History, Refused) => "storage.history.refused",
            (Kind::History, Protected) => "storage.history.protected",
            (Kind::Safety, Partial) => "storage.safety.partial",
            (Kind::Safety, Newer) => "storage.safety.newer",
            (Kind::Safety, Unreadable) => "storage.safety.unreadable",
            (Kind::Safety, Unavailable) => "storage.safety.unavailable",
            (Kind::Safety, Refused) => "storage.safety.refused",
            (Kind::Safety, Protected) => "storage.safety.protected",
            // An unfinished session is read whole or not at all.
            (Kind::Session, Partial | Unreadable) => "storage.session.unreadable",
            (Kind::Session, Newer) => "storage.session.newer",
            (Kind::Session, Unavailable) => "storage.session.unavailable",
            (Kind::Session, Refused) => "storage.session.refused",
            (Kind::Session, Protected) => "storage.session.protected",
            // A program is read whole or not at all, too.
            (Kind::Program, Partial | Unreadable) => "storage.program.unreadable",
            (Kind::Program, Newer) => "storage.program.newer",
            (Kind::Program, Unavailable) => "storage.program.unavailable",
            (Kind::Program, Refused) => "storage.program.refused",
            (Kind::Program, Protected) => "storage.program.protected",
        }
    }
}

/// Entries of a stored list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Session,
    Routine,
    RoutineCheck,
}

impl Entry {
    pub const ALL: [Entry; 3] = [Entry::Session, Entry::Routine, Entry::RoutineCheck];

    /// The plural text naming a number of them ("{count} sessions").
    pub fn key(self) -> &'static str {
        match self {
            Entry::Session => "storage.lost.sessions",
            Entry::Routine => "storage.lost.routines",
            Entry::RoutineCheck => "storage.lost.routine_checks",
        }
    }
}

/// Something a stored document held that could not be read, and was left out or reset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lost {
    /// This many entries of a list were left out.
    Entries(usize, Entry),
    /// A setting was reset to its default, by its stored name ("volume").
    Setting(&'static str),
}

impl Lost {
    /// "2 sessions", "volume".
    pub fn words(&self, texts: &Catalog) -> String {
        match self {
            Lost::Entries(count, entry) => texts.count(entry.key(), *count as u64, &[]),
            // Each stored setting's name has its words under settings.field (tested there).
            Lost::Setting(name) => texts.text(&format!("settings.field.{name}")).to_string(),
        }
    }
}

/// A list of what was lost, for a sentence: "2 sessions, volume".
pub fn lost_words(lost: &[Lost], texts: &Catalog) -> String {
    lost.iter()
        .map(|lost| lost.words(texts))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A document body that was read, and how much of it could not be.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<D> {
    pub value: D,
    /// Entries (or fields) that could not be read and were left out or reset.
    pub lost: Vec<Lost>,
}

impl<D> Decoded<D> {
    pub fn whole(value: D) -> Self {
        Decoded {
            value,
            lost: Vec::new(),
        }
    }
}

/// Why a stored document could not be read as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Not JSON at all (truncated, or overwritten by something else).
    Unreadable,
    /// JSON, but not an object with a schema version.
    NotADocument,
    /// Written by a newer version of the app.
    NewerVersion(u32),
    /// A version this app never wrote.
    UnknownVersion(u32),
    /// Larger than any document this app writes.
    TooLarge(usize),
    /// The right version, but fields of the wrong type or out of range.
    WrongShape(String),
    /// Readable, but some entries or fields were not and were left out or reset.
    Partial(Vec<Lost>),
}

impl StoreError {
    /// Sentences for the person about their document of this kind: what happened, and
    /// that a copy is kept.
    pub fn message(&self, kind: Kind, texts: &Catalog) -> String {
        let what = match self {
            StoreError::Partial(lost) => {
                texts.fill(kind.key(Sentence::Partial), &[("lost", &lost_words(lost, texts))])
            }
            StoreError::NewerVersion(_) => texts.text(kind.key(Sentence::Newer)).to_string(),
            _ => texts.text(kind.key(Sentence::Unreadable)).to_string(),
        };
        texts.fill("storage.kept_copy", &[("problem", &what)])
    }
}

/// The outcome of reading a document: always a value to start with.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<D> {
    pub value: D,
    /// Set when something could not be read; the person should be told.
    pub problem: Option<StoreError>,
    /// The stored text was upgraded from this older schema and should be written back.
    pub migrated_from: Option<u32>,
}

impl<D> Loaded<D> {
    /// The raw text must be kept under a recovery key before the key is written again.
    pub fn must_keep_raw(&self) -> bool {
        self.problem.is_some()
    }
}

/// Read a stored document (`None`: nothing stored). Never panics on any input.
pub fn load<D: Document + Default>(raw: Option<&str>) -> Loaded<D> {
    let Some(raw) = raw else {
        return Loaded {
            value: D::default(),
            problem: None,
            migrated_from: None,
        };
    };
    match read::<D>(raw) {
        Ok((decoded, from)) => Loaded {
            value: decoded.value,
            problem: (!decoded.lost.is_empty()).then_some(StoreError::Partial(decoded.lost)),
            migrated_from: (from < D::SCHEMA).then_some(from),
        },
        Err(error) => Loaded {
            value: D::default(),
            problem: Some(error),
            migrated_from: None,
        },
    }
}

/// Parse, check the version, migrate to the current schema and decode.
/// Also used for documents inside a backup file.
pub fn read<D: Document>(raw: &str) -> Result<(Decoded<D>, u32), StoreError> {
    if raw.len() > MAX_DOCUMENT_BYTES {
        return Err(StoreError::TooLarge(raw.len()));
    }
    let value: Value = serde_json::from_str(raw).map_err(|_| StoreError::Unreadable)?;
    read_value::<D>(value)
}

/// [`read`] for a document already parsed.
pub fn read_value<D: Document>(value: Value) -> Result<(Decoded<D>, u32), StoreError> {
    let Value::Object(mut body) = value else {
        return Err(StoreError::NotADocument);
    };
    let version = body
        .remove("schema")
        .and_then(|schema| schema.as_u64())
        .and_then(|schema| u32::try_from(schema).ok())
        .ok_or(StoreError::NotADocument)?;
    if version > D::SCHEMA {
        return Err(StoreError::NewerVersion(version));
    }
    if version == 0 {
        return Err(StoreError::UnknownVersion(0));
    }
    let mut current = version;
    while current < D::SCHEMA {
        body = D::upgrade(current, body)?;
        current += 1;
    }
    Ok((D::decode(body)?, version))
}

/// The recovery key for a copy of document `name` set aside at `t_ms`.
pub fn recovery_key(name: &str, t_ms: u64) -> String {
    format!("{RECOVERY_PREFIX}{name}.{t_ms}")
}

/// A kept copy, described for the person: which document and when (ms), from its key.
pub fn parse_recovery_key(key: &str) -> Option<(&str, u64)> {
    let rest = key.strip_prefix(RECOVERY_PREFIX)?;
    let (name, t) = rest.rsplit_once('.')?;
    Some((name, t.parse().ok()?))
}

/// A field of `body` as `T`, or a `WrongShape` error naming it.
pub fn field<T: serde::de::DeserializeOwned>(body: &Map<String, Value>, name: &str) -> Result<T, StoreError> {
    body.get(name)
        .ok_or_else(|| StoreError::WrongShape(format!("{name} is missing")))
        .and_then(|value| {
            T::deserialize(value).map_err(|_| StoreError::WrongShape(format!("{name} has the wrong type")))
        })
}

/// A body from named values, for [`Document::encode`].
pub fn body_of<const N: usize>(fields: [(&str, Value); N]) -> Map<String, Value> {
    fields
        .into_iter()
        .map(|(name, value)| (name.to_string(), value))
        .collect()
}

/// `value` as JSON; one that cannot be is written as null.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// [`Decoded::lost`] for `bad` entries of a kind ("2 sessions"), or nothing.
pub fn lost_entries(bad: usize, entry: Entry) -> Vec<Lost> {
    (bad > 0)
        .then_some(Lost::Entries(bad, entry))
        .into_iter()
        .collect()
}

/// Reads a list field entry by entry: one bad entry is counted, not fatal.
pub fn entries<T: serde::de::DeserializeOwned>(
    body: &Map<String, Value>,
    name: &str,
    keep: impl Fn(&T, &[T]) -> bool,
) -> Result<(Vec<T>, usize), StoreError> {
    let list: Vec<Value> = field(body, name)?;
    let mut read = Vec::with_capacity(list.len());
    let mut bad = 0;
    for entry in list {
        match T::deserialize(entry) {
            Ok(item) if keep(&item, &read) => read.push(item),
            _ => bad += 1,
        }
    }
    Ok((read, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy document with two versions: v1 stored `n` as a string.
    #[derive(Debug, Default, PartialEq)]
    struct Counter(u32);

    impl Document for Counter {
        const NAME: &'static str = "counter";
        const KIND: Kind = Kind::Settings;
        const SCHEMA: u32 = 2;

        fn upgrade(from: u32, mut body: Map<String, Value>) -> Result<Map<String, Value>, StoreError> {
            match from {
                1 => {
                    let text: String = field(&body, "n")?;
                    let n: u32 = text
                        .parse()
                        .map_err(|_| StoreError::WrongShape("n is not a number".into()))?;
                    body.insert("n".into(), Value::from(n));
                    Ok(body)
                }
                _ => Err(StoreError::UnknownVersion(from)),
            }
        }

        fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError> {
            Ok(Decoded::whole(Counter(field(&body, "n")?)))
        }

        fn encode(&self) -> Map<String, Value> {
            let mut body = Map::new();
            body.insert("n".into(), Value::from(self.0));
            body
        }
    }

    #[test]
    fn versions_are_checked_and_migrated() {
        assert_eq!(load::<Counter>(None).value, Counter(0));
        let current = load::<Counter>(Some(&Counter(7).to_stored()));
        assert_eq!(
            (current.value, current.problem, current.migrated_from),
            (Counter(7), None, None)
        );
        let old = load::<Counter>(Some(r#"{"schema":1,"n":"12"}"#));
        assert_eq!((old.value, old.migrated_from), (Counter(12), Some(1)));
        for (raw, error) in [
            ("{\"schema\":2,\"n\":", StoreError::Unreadable),
            ("[1,2]", StoreError::NotADocument),
            ("{\"n\":3}", StoreError::NotADocument),
            ("{\"schema\":\"2\",\"n\":3}", StoreError::NotADocument),
            ("{\"schema\":3,\"n\":3}", StoreError::NewerVersion(3)),
            ("{\"schema\":0,\"n\":3}", StoreError::UnknownVersion(0)),
            (
                "{\"schema\":2,\"n\":-1}",
                StoreError::WrongShape("n has the wrong type".into()),
            ),
            (
                "{\"schema\":1,\"n\":\"x\"}",
                StoreError::WrongShape("n is not a number".into()),
            ),
        ] {
            let loaded = load::<Counter>(Some(raw));
            assert_eq!(loaded.problem, Some(error), "{raw}");
            assert!(loaded.must_keep_raw());
            assert_eq!(loaded.value, Counter(0));
        }
        let huge = format!(
            "{{\"schema\":2,\"n\":1,\"pad\":\"{}\"}}",
            "x".repeat(MAX_DOCUMENT_BYTES)
        );
        assert_eq!(
            load::<Counter>(Some(&huge)).problem,
            Some(StoreError::TooLarge(huge.len()))
        );
    }

    #[test]
    fn recovery_keys_round_trip() {
        let key = recovery_key("history", 1_764_000_000_000);
        assert_eq!(key, "kneadtime.recovery.history.1764000000000");
        assert_eq!(parse_recovery_key(&key), Some(("history", 1_764_000_000_000)));
        assert_eq!(parse_recovery_key("kneadtime.settings"), None);
        assert_eq!(parse_recovery_key("kneadtime.recovery.x.y"), None);
    }

    #[test]
    fn messages_name_the_document() {
        let english = crate::testing::english();
        assert_eq!(
            StoreError::Unreadable.message(Kind::History, &english),
            "Your session history could not be read, so Kneadtime started fresh. \
             A copy of what was stored is kept on this device (Settings, Your data)."
        );
        assert!(
            StoreError::Partial(vec![Lost::Entries(2, Entry::Session), Lost::Setting("volume")])
                .message(Kind::History, &english)
                .contains("(2 sessions, volume)")
        );
        assert!(StoreError::NewerVersion(9)
            .message(Kind::Routines, &english)
            .starts_with("A newer version of Kneadtime saved your saved routines;"));
    }

    #[test]
    fn every_sentence_and_entry_has_its_text() {
        let english = crate::testing::english();
        for kind in Kind::ALL {
            for sentence in Sentence::ALL {
                assert!(english.has(kind.key(sentence)), "{kind:?} {sentence:?}");
            }
        }
        for entry in Entry::ALL {
            assert!(english.has(entry.key()), "{entry:?}");
        }
        assert_eq!(
            Lost::Entries(1, Entry::RoutineCheck).words(&english),
            "1 routine check"
        );
    }
}
