//! The person's own routines: made in the builder or received by link, kept
//! on the device. Stored as one JSON document; an unreadable entry is kept
//! aside rather than dropped with the rest.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::routine::Routine;

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

/// What reading the stored list ran into.
#[derive(Debug, Clone, PartialEq)]
pub struct MyRoutinesLoad {
    pub routines: Vec<SavedRoutine>,
    /// Entries that could not be read (kept by the caller in a backup), or the whole list if unreadable.
    pub unreadable: usize,
    pub whole_list_unreadable: bool,
}

pub const SCHEMA: u32 = 1;

pub fn to_json(routines: &[SavedRoutine]) -> String {
    serde_json::json!({ "schema": SCHEMA, "routines": routines }).to_string()
}

/// Reads the stored list entry by entry: one bad routine does not cost the others.
pub fn from_json(json: &str) -> MyRoutinesLoad {
    let entries = serde_json::from_str::<Value>(json)
        .ok()
        .and_then(|value| value.get("routines").and_then(Value::as_array).cloned());
    let Some(entries) = entries else {
        return MyRoutinesLoad {
            routines: Vec::new(),
            unreadable: 0,
            whole_list_unreadable: true,
        };
    };
    let mut routines: Vec<SavedRoutine> = Vec::new();
    let mut unreadable = 0;
    for entry in entries {
        match serde_json::from_value::<SavedRoutine>(entry) {
            Ok(saved)
                if saved.routine.validate().is_empty()
                    && !routines.iter().any(|r| r.routine.id == saved.routine.id) =>
            {
                routines.push(saved)
            }
            _ => unreadable += 1,
        }
    }
    MyRoutinesLoad {
        routines,
        unreadable,
        whole_list_unreadable: false,
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

/// A fresh id for a routine made on this device, from a random number (no two devices clash in practice).
pub fn new_id(random: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut value = random;
    let mut id = String::from("r-");
    for _ in 0..10 {
        id.push(DIGITS[(value % 36) as usize] as char);
        value /= 36;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::builtin_routine;

    fn saved(id: &str, revision: u32) -> SavedRoutine {
        let mut routine = builtin_routine("hip-unwind").unwrap();
        routine.id = id.into();
        routine.revision = revision;
        SavedRoutine {
            routine,
            provenance: Provenance::Received,
        }
    }

    #[test]
    fn round_trip_and_bad_entries_kept_apart() {
        let list = vec![saved("a", 1), saved("b", 2)];
        assert_eq!(from_json(&to_json(&list)).routines, list);
        let mut value: Value = serde_json::from_str(&to_json(&list)).unwrap();
        value["routines"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"routine": 5}));
        let load = from_json(&value.to_string());
        assert_eq!(
            (load.routines.len(), load.unreadable, load.whole_list_unreadable),
            (2, 1, false)
        );
        assert!(from_json("{oops").whole_list_unreadable);
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
            assert!(crate::domain::routine::is_valid_id(&new_id(random)));
        }
        assert_ne!(new_id(1), new_id(2));
    }
}
