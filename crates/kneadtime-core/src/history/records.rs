//! Session records and the stored history document.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::calendar::{local_day, DAY_MS};
use crate::i18n::Locale;
use crate::routine::{is_valid_id, limits, Routine};
use crate::session::SessionSummary;
use crate::store::{body_of, entries, json, lost_entries, Decoded, Document, Entry, Kind, StoreError};

/// Offsets beyond ±14 h do not exist.
const MAX_OFFSET_MIN: i32 = 14 * 60;
/// Years of daily sessions; more is not a history this app wrote.
pub const MAX_RECORDS: usize = 5_000;
/// A session note is a line or two.
pub const NOTE_MAX_CHARS: usize = 500;
/// The highest rating on the 0–10 scale.
pub const PAIN_MAX: u8 = 10;
/// Prefix of session record ids.
pub const SESSION_ID_PREFIX: &str = "s-";
/// A rise of this many points or more after a session earns gentle advice.
pub const PAIN_RISE_ADVICE: u8 = 3;

/// One session as it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Unique per record, so a restored backup never duplicates one.
    pub id: String,
    pub routine_id: String,
    pub routine_title: String,
    /// Wall-clock start, ms since 1970 (UTC).
    pub started_at_ms: u64,
    /// Minutes east of UTC where the session was done.
    pub utc_offset_min: i32,
    /// Time spent working and in cues, pauses excluded.
    pub active_ms: u64,
    pub steps_completed: u32,
    pub steps_skipped: u32,
    pub steps_total: u32,
    /// Played to the end (rather than ended early).
    pub completed: bool,
    pub pain_before: Option<u8>,
    pub pain_after: Option<u8>,
    #[serde(default)]
    pub note: String,
    /// The language of its words (the routine title as shown, the note): the app's
    /// language when it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Locale>,
}

impl SessionRecord {
    /// The record of a session of `routine` that ended with `summary`.
    pub fn new(
        id: String,
        routine: &Routine,
        started_at_ms: u64,
        utc_offset_min: i32,
        summary: &SessionSummary,
        pain_before: Option<u8>,
        language: Locale,
    ) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        SessionRecord {
            id,
            routine_id: routine.id.clone(),
            routine_title: routine.title.clone(),
            started_at_ms,
            utc_offset_min: utc_offset_min.clamp(-MAX_OFFSET_MIN, MAX_OFFSET_MIN),
            active_ms: summary.active_ms,
            steps_completed: count(summary.steps_completed),
            steps_skipped: count(summary.steps_skipped.len()),
            steps_total: count(routine.steps.len()),
            completed: !summary.ended_early,
            pain_before: pain_before.map(|pain| pain.min(PAIN_MAX)),
            pain_after: None,
            note: String::new(),
            language: Some(language),
        }
    }

    /// The person's calendar day of this session (days since 1970-01-01).
    pub fn day(&self) -> i64 {
        local_day(self.started_at_ms, self.utc_offset_min)
    }

    /// The person's rating after the session, and their note (cut to [`NOTE_MAX_CHARS`]).
    pub fn rate(&mut self, pain_after: Option<u8>, note: &str) {
        self.pain_after = pain_after.map(|pain| pain.min(PAIN_MAX));
        self.note = note.chars().take(NOTE_MAX_CHARS).collect();
    }

    /// After minus before, when both were given.
    pub fn pain_change(&self) -> Option<i32> {
        Some(i32::from(self.pain_after?) - i32::from(self.pain_before?))
    }

    /// Within the limits this app writes: anything else in storage or a backup is refused.
    pub fn is_valid(&self) -> bool {
        let pain_ok = |pain: Option<u8>| pain.is_none_or(|pain| pain <= PAIN_MAX);
        is_valid_id(&self.id)
            && is_valid_id(&self.routine_id)
            && !self.routine_title.trim().is_empty()
            && self.routine_title.chars().count() <= limits::TITLE_MAX_CHARS
            && self.note.chars().count() <= NOTE_MAX_CHARS
            && self.utc_offset_min.abs() <= MAX_OFFSET_MIN
            && pain_ok(self.pain_before)
            && pain_ok(self.pain_after)
            && self.steps_completed.saturating_add(self.steps_skipped) <= self.steps_total
            && self.steps_total as usize <= limits::MAX_STEPS
            // Before year 10 000 and no longer than a day: guards against nonsense numbers.
            && self.started_at_ms < 253_402_300_800_000
            && self.active_ms <= DAY_MS as u64
    }
}

/// Every session recorded on this device, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History(pub Vec<SessionRecord>);

impl History {
    /// Add or replace (by id) a record, keeping the order by start time.
    pub fn upsert(&mut self, record: SessionRecord) {
        match self.0.iter_mut().find(|existing| existing.id == record.id) {
            Some(existing) => *existing = record,
            None => {
                let at = self
                    .0
                    .partition_point(|existing| existing.started_at_ms <= record.started_at_ms);
                self.0.insert(at, record);
            }
        }
    }

    /// Rate the record with this id (see [`SessionRecord::rate`]); without one, nothing changes.
    pub fn rate(&mut self, id: &str, pain_after: Option<u8>, note: &str) {
        if let Some(record) = self.0.iter_mut().find(|record| record.id == id) {
            record.rate(pain_after, note);
        }
    }

    /// Records of `incoming` whose ids are not here yet.
    pub fn new_records<'a>(&self, incoming: &'a [SessionRecord]) -> Vec<&'a SessionRecord> {
        let known: BTreeSet<&str> = self.0.iter().map(|record| record.id.as_str()).collect();
        incoming
            .iter()
            .filter(|record| !known.contains(record.id.as_str()))
            .collect()
    }

    /// Add the records of `incoming` not already here; returns how many were added.
    pub fn merge(&mut self, incoming: &[SessionRecord]) -> usize {
        let added: Vec<SessionRecord> = self.new_records(incoming).into_iter().cloned().collect();
        let count = added.len();
        for record in added {
            self.upsert(record);
        }
        count
    }
}

impl Document for History {
    const NAME: &'static str = "history";
    const KIND: Kind = Kind::History;
    /// v2 records the language of each session's words.
    const SCHEMA: u32 = 2;

    /// Sessions recorded before the app spoke other languages were worded in English.
    fn upgrade(from: u32, mut body: Map<String, Value>) -> Result<Map<String, Value>, StoreError> {
        match from {
            1 => {
                if let Some(Value::Array(sessions)) = body.get_mut("sessions") {
                    for session in sessions.iter_mut().filter_map(Value::as_object_mut) {
                        session.entry("language").or_insert_with(|| Value::from("en"));
                    }
                }
                Ok(body)
            }
            _ => Err(StoreError::UnknownVersion(from)),
        }
    }

    fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError> {
        let (records, bad) = entries::<SessionRecord>(&body, "sessions", |record, read| {
            record.is_valid() && read.len() < MAX_RECORDS && !read.iter().any(|r| r.id == record.id)
        })?;
        let mut history = History::default();
        for record in records {
            history.upsert(record);
        }
        Ok(Decoded {
            value: history,
            lost: lost_entries(bad, Entry::Session),
        })
    }

    fn encode(&self) -> Map<String, Value> {
        body_of([("sessions", json(&self.0))])
    }
}

/// Whether a rise from `before` to `after` should bring the advice to ease off.
pub fn pain_rose_notably(before: Option<u8>, after: Option<u8>) -> bool {
    matches!((before, after), (Some(before), Some(after)) if after >= before.saturating_add(PAIN_RISE_ADVICE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::load;
    use crate::testing::{record, NOV_24};

    #[test]
    fn merge_skips_known_records_and_keeps_order() {
        let mut history = History(vec![
            record("a", 10, 0, None, None),
            record("c", 30, 0, None, None),
        ]);
        let incoming = [record("b", 20, 0, None, None), record("a", 10, 0, Some(1), None)];
        assert_eq!(history.merge(&incoming), 1);
        assert_eq!(
            history.0.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(
            history.0[0].pain_before, None,
            "a known record is not overwritten"
        );
    }

    #[test]
    fn rating_sets_the_pain_after_and_a_note_within_limits() {
        let mut history = History(vec![
            record("a", 10, 0, Some(6), None),
            record("b", 20, 0, None, None),
        ]);
        history.rate("a", Some(3), "better");
        assert_eq!(history.0[0].pain_after, Some(3));
        assert_eq!(history.0[0].note, "better");
        assert_eq!(history.0[0].pain_change(), Some(-3));
        assert_eq!(history.0[1], record("b", 20, 0, None, None), "others untouched");

        let long = "é".repeat(NOTE_MAX_CHARS + 20);
        history.rate("b", Some(42), &long);
        assert_eq!(history.0[1].pain_after, Some(PAIN_MAX));
        assert_eq!(history.0[1].note.chars().count(), NOTE_MAX_CHARS);
        assert!(history.0[1].is_valid());

        // Rating again replaces the rating; an unknown id changes nothing.
        history.rate("a", None, "");
        assert_eq!((history.0[0].pain_after, history.0[0].note.as_str()), (None, ""));
        let before = history.clone();
        history.rate("zz", Some(1), "x");
        assert_eq!(history, before);
    }

    #[test]
    fn stored_history_drops_only_bad_records() {
        let history = History(vec![record("a", NOV_24, 0, Some(3), Some(2))]);
        let mut value: Value = serde_json::from_str(&history.to_stored()).unwrap();
        let sessions = value["sessions"].as_array_mut().unwrap();
        let mut bad = sessions[0].clone();
        bad["pain_after"] = Value::from(11);
        bad["id"] = Value::from("b");
        sessions.push(bad);
        sessions.push(Value::from("junk"));
        let loaded = load::<History>(Some(&value.to_string()));
        assert_eq!(loaded.value, history);
        assert_eq!(
            loaded.problem,
            Some(StoreError::Partial(vec![crate::store::Lost::Entries(
                2,
                Entry::Session
            )]))
        );
    }
}
