//! The person's own routines: made in the builder or received by link, kept
//! on the device. Stored as one versioned document; an unreadable entry is
//! counted and its document kept aside rather than dropped with the rest.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::routine::Routine;
use super::store::{body_of, entries, json, lost_entries, Decoded, Document, StoreError};

/// Where a saved routine came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Provenance {
    /// Made (or duplicated and edited) on this device.
    Made,
    /// Opened from a share link.
    Received,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedRoutine {
    pub routine: Routine,
    pub provenance: Provenance,
}

/// How an incoming routine (from a link) relates to what is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// No saved routine has its id.
    New,
    /// A saved copy exists at an older revision: offer the update.
    Newer { saved_revision: u32 },
    /// The same revision is already saved.
    AlreadySaved,
    /// The saved copy is newer than the link.
    Older { saved_revision: u32 },
}

/// The stored list of the person's routines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MyRoutines(pub Vec<SavedRoutine>);

impl Document for MyRoutines {
    const NAME: &'static str = "routines";
    const KIND: super::store::Kind = super::store::Kind::Routines;
    /// v2 records the language of each routine's own words.
    const SCHEMA: u32 = 2;

    /// Routines saved before the app spoke other languages were written in English.
    fn upgrade(from: u32, mut body: Map<String, Value>) -> Result<Map<String, Value>, StoreError> {
        match from {
            1 => {
                if let Some(Value::Array(entries)) = body.get_mut("routines") {
                    for entry in entries {
                        if let Some(Value::Object(routine)) = entry.get_mut("routine") {
                            routine.entry("language").or_insert_with(|| Value::from("en"));
                        }
                    }
                }
                Ok(body)
            }
            _ => Err(StoreError::UnknownVersion(from)),
        }
    }

    /// Entry by entry: one bad routine does not cost the others.
    fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError> {
        let (routines, bad) = entries::<SavedRoutine>(&body, "routines", |saved, read| {
            saved.routine.validate().is_empty() && !read.iter().any(|r| r.routine.id == saved.routine.id)
        })?;
        Ok(Decoded {
            value: MyRoutines(routines),
            lost: lost_entries(bad, super::store::Entry::Routine),
        })
    }

    fn encode(&self) -> Map<String, Value> {
        body_of([("routines", json(&self.0))])
    }
}

/// How `incoming` relates to the saved routines.
pub fn classify(saved: &[SavedRoutine], incoming: &Routine) -> Incoming {
    match saved.iter().find(|entry| entry.routine.id == incoming.id) {
        None => Incoming::New,
        Some(entry) if entry.routine.revision < incoming.revision => Incoming::Newer {
            saved_revision: entry.routine.revision,
        },
        Some(entry) if entry.routine.revision == incoming.revision => Incoming::AlreadySaved,
        Some(entry) => Incoming::Older {
            saved_revision: entry.routine.revision,
        },
    }
}

/// Save `routine`, replacing any saved routine with its id (in place, keeping the list order).
pub fn upsert(saved: &mut Vec<SavedRoutine>, routine: Routine, provenance: Provenance) {
    let entry = SavedRoutine { routine, provenance };
    match saved
        .iter_mut()
        .find(|existing| existing.routine.id == entry.routine.id)
    {
        Some(existing) => *existing = entry,
        None => saved.push(entry),
    }
}

/// Prefix of routine ids made on this device.
pub const ROUTINE_ID_PREFIX: &str = "r-";

/// A fresh id (a routine's, a session record's) from a random number: no two devices clash in practice.
pub fn new_id(prefix: &str, random: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut value = random;
    let mut id = String::from(prefix);
    for _ in 0..10 {
        id.push(DIGITS[(value % 36) as usize] as char);
        value /= 36;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::builtin_routine;
    use crate::store::load;

    fn saved(id: &str, revision: u32) -> SavedRoutine {
        let mut routine = builtin_routine(&crate::testing::english(), "hip-unwind").unwrap();
        routine.id = id.into();
        routine.revision = revision;
        SavedRoutine {
            routine,
            provenance: Provenance::Received,
        }
    }

    #[test]
    fn round_trip_and_bad_entries_kept_apart() {
        let list = MyRoutines(vec![saved("a", 1), saved("b", 2)]);
        assert_eq!(load::<MyRoutines>(Some(&list.to_stored())).value, list);
        let mut value: Value = serde_json::from_str(&list.to_stored()).unwrap();
        let entries = value["routines"].as_array_mut().unwrap();
        entries.push(serde_json::json!({"routine": 5}));
        entries.push(entries[0].clone());
        let loaded = load::<MyRoutines>(Some(&value.to_string()));
        assert_eq!(loaded.value, list);
        assert_eq!(
            loaded.problem,
            Some(StoreError::Partial(vec![crate::store::Lost::Entries(
                2,
                crate::store::Entry::Routine
            )]))
        );
        assert_eq!(
            load::<MyRoutines>(Some("{oops")).problem,
            Some(StoreError::Unreadable)
        );
    }

    #[test]
    fn incoming_links_are_recognised_by_id_and_revision() {
        let list = vec![saved("a", 2)];
        let mut incoming = saved("a", 3).routine;
        assert_eq!(classify(&list, &incoming), Incoming::Newer { saved_revision: 2 });
        incoming.revision = 2;
        assert_eq!(classify(&list, &incoming), Incoming::AlreadySaved);
        incoming.revision = 1;
        assert_eq!(classify(&list, &incoming), Incoming::Older { saved_revision: 2 });
        incoming.id = "z".into();
        assert_eq!(classify(&list, &incoming), Incoming::New);
        let mut list = list;
        upsert(&mut list, saved("a", 5).routine, Provenance::Received);
        assert_eq!((list.len(), list[0].routine.revision), (1, 5));
    }

    #[test]
    fn new_ids_are_valid() {
        for random in [0, 1, u64::MAX, 0x1234_5678_9abc] {
            assert!(crate::routine::is_valid_id(&new_id(ROUTINE_ID_PREFIX, random)));
        }
        assert_ne!(new_id("r-", 1), new_id("r-", 2));
    }
}
