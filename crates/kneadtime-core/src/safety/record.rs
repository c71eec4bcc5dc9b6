//! What the person has read and confirmed: the warning signs (and the precautions
//! they said apply), and each routine's cautions at the revision they were read for.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::cautions::routine_cautions;
use super::signs::{Advice, Precaution};
use crate::routine::Routine;
use crate::store::{body_of, entries, field, json, lost_entries, Decoded, Document, Entry, Kind, StoreError};

/// A routine whose cautions were read, at the revision they were read for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcknowledgedRoutine {
    pub id: String,
    pub revision: u32,
}

/// What the person has read: the warning signs, and each routine's cautions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SafetyRecord {
    /// When the warning signs were last confirmed (ms since 1970).
    pub red_flags_confirmed_at: Option<u64>,
    /// The signs with precautions that the person said apply when they confirmed:
    /// only the routines every one of them allows may be played.
    pub precautions: Vec<Precaution>,
    pub routines: Vec<AcknowledgedRoutine>,
}

impl SafetyRecord {
    /// Whether `routine` needs its cautions read first: it has some, and not at this revision.
    pub fn needs_caution_check(&self, routine: &Routine) -> bool {
        !routine_cautions(routine).is_empty()
            && !self
                .routines
                .iter()
                .any(|seen| seen.id == routine.id && seen.revision == routine.revision)
    }

    pub fn acknowledge(&mut self, routine: &Routine) {
        self.routines.retain(|seen| seen.id != routine.id);
        self.routines.push(AcknowledgedRoutine {
            id: routine.id.clone(),
            revision: routine.revision,
        });
    }

    /// The warning signs confirmed at `at`: none apply, or only signs with these
    /// precautions.
    pub fn confirm(&mut self, at: u64, precautions: Vec<Precaution>) {
        self.red_flags_confirmed_at = Some(at);
        self.precautions = precautions;
    }

    /// Asks for the warning signs again before the next session.
    pub fn ask_again(&mut self) {
        self.red_flags_confirmed_at = None;
        self.precautions.clear();
    }

    /// Whether the confirmed precautions allow `routine` (always, when there are none).
    pub fn allows(&self, routine: &Routine) -> bool {
        self.precautions.is_empty() || Advice::Precautions(self.precautions.clone()).allows(routine)
    }
}

impl Document for SafetyRecord {
    const NAME: &'static str = "safety";
    const KIND: Kind = Kind::Safety;
    /// v2 added `precautions`.
    const SCHEMA: u32 = 2;

    fn upgrade(from: u32, mut body: Map<String, Value>) -> Result<Map<String, Value>, StoreError> {
        match from {
            // Before the precautions existed, a confirmation meant that no sign applied.
            1 => {
                body.insert("precautions".into(), Value::Array(Vec::new()));
                Ok(body)
            }
            _ => Err(StoreError::UnknownVersion(from)),
        }
    }

    fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError> {
        let confirmed: Option<u64> = field(&body, "red_flags_confirmed_at")?;
        let slugs: Vec<String> = field(&body, "precautions")?;
        // An unknown precaution cannot be honoured: ask for the signs again.
        let precautions: Option<Vec<Precaution>> =
            slugs.iter().map(|slug| Precaution::from_slug(slug)).collect();
        let (routines, bad) = entries::<AcknowledgedRoutine>(&body, "routines", |seen, read| {
            crate::routine::is_valid_id(&seen.id) && !read.iter().any(|r| r.id == seen.id)
        })?;
        let (red_flags_confirmed_at, precautions) = match precautions {
            Some(precautions) => (confirmed, precautions),
            None => (None, Vec::new()),
        };
        Ok(Decoded {
            value: SafetyRecord {
                red_flags_confirmed_at,
                precautions,
                routines,
            },
            lost: lost_entries(bad, Entry::RoutineCheck),
        })
    }

    fn encode(&self) -> Map<String, Value> {
        let precautions: Vec<&str> = self
            .precautions
            .iter()
            .map(|precaution| precaution.slug())
            .collect();
        body_of([
            ("red_flags_confirmed_at", json(&self.red_flags_confirmed_at)),
            ("precautions", json(&precautions)),
            ("routines", json(&self.routines)),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::builtin_routine;
    use crate::store::load;
    use crate::testing::english;

    #[test]
    fn acknowledging_is_per_revision() {
        let mut routine = builtin_routine(&english(), "hip-unwind").unwrap();
        let mut record = SafetyRecord::default();
        assert!(record.needs_caution_check(&routine));
        record.acknowledge(&routine);
        assert!(!record.needs_caution_check(&routine));
        routine.revision += 1;
        assert!(record.needs_caution_check(&routine));
        record.acknowledge(&routine);
        assert_eq!(record.routines.len(), 1);
    }

    #[test]
    fn confirmed_precautions_allow_only_the_routines_that_fit_them() {
        let texts = english();
        let gentle = builtin_routine(&texts, "gentle-flare-up").unwrap();
        let roller = builtin_routine(&texts, "foam-roller-hip-glute").unwrap();
        let mut record = SafetyRecord::default();
        assert!(record.allows(&roller));
        record.confirm(5, vec![Precaution::Osteoporosis]);
        assert_eq!(record.red_flags_confirmed_at, Some(5));
        assert!(record.allows(&gentle));
        assert!(!record.allows(&roller));
        record.ask_again();
        assert_eq!(
            (record.red_flags_confirmed_at, record.allows(&roller)),
            (None, true)
        );
    }

    #[test]
    fn stored_record_round_trips_and_an_unknown_precaution_asks_again() {
        let mut record = SafetyRecord::default();
        record.confirm(1_795_478_400_000, vec![Precaution::Surgery, Precaution::Skin]);
        record.acknowledge(&builtin_routine(&english(), "hip-unwind").unwrap());
        let loaded = load::<SafetyRecord>(Some(&record.to_stored()));
        assert_eq!((loaded.value, loaded.problem), (record, None));
        assert!(load::<SafetyRecord>(Some(r#"{"schema":2,"routines":[]}"#)).must_keep_raw());
        let unknown = load::<SafetyRecord>(Some(
            r#"{"schema":2,"red_flags_confirmed_at":5,"precautions":["gills"],"routines":[]}"#,
        ));
        assert_eq!(unknown.value.red_flags_confirmed_at, None);
        let migrated = load::<SafetyRecord>(Some(r#"{"schema":1,"red_flags_confirmed_at":5,"routines":[]}"#));
        assert_eq!(migrated.value.red_flags_confirmed_at, Some(5));
        assert!(migrated.value.precautions.is_empty());
    }
}
