//! A routine as stored or exported: JSON tagged with its schema version, read
//! back only if it validates.

use serde::{Deserialize, Serialize};

use super::{Routine, ValidationError};

/// Version of the serialised routine document ([`RoutineDocument`]).
/// Bump it when a change would make older readers misread the data, and add a
/// migration for the previous version.
pub const ROUTINE_SCHEMA_VERSION: u32 = 1;

/// A routine as stored or exported, tagged with its schema version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutineDocument {
    pub schema: u32,
    pub routine: Routine,
}

/// Why a stored routine document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// Not JSON, or not shaped like a routine document.
    Malformed(String),
    /// Written by a newer version of the app.
    NewerSchema(u32),
    /// Well-formed but not a playable routine.
    Invalid(Vec<ValidationError>),
}

impl RoutineDocument {
    pub fn to_json(routine: &Routine) -> String {
        let document = RoutineDocument {
            schema: ROUTINE_SCHEMA_VERSION,
            routine: routine.clone(),
        };
        serde_json::to_string(&document).expect("a routine always serialises")
    }

    /// Reads and validates a document; never panics on any input.
    pub fn from_json(text: &str) -> Result<Routine, DocumentError> {
        #[derive(Deserialize)]
        struct Header {
            schema: u32,
        }
        let header: Header =
            serde_json::from_str(text).map_err(|e| DocumentError::Malformed(e.to_string()))?;
        if header.schema > ROUTINE_SCHEMA_VERSION {
            return Err(DocumentError::NewerSchema(header.schema));
        }
        let document: RoutineDocument =
            serde_json::from_str(text).map_err(|e| DocumentError::Malformed(e.to_string()))?;
        let errors = document.routine.validate();
        if errors.is_empty() {
            Ok(document.routine)
        } else {
            Err(DocumentError::Invalid(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::Side;
    use crate::testing::{routine, step};

    #[test]
    fn document_round_trips_and_rejects_newer_or_broken_input() {
        let r = routine(vec![step(Side::Both, 45)]);
        let json = RoutineDocument::to_json(&r);
        assert_eq!(RoutineDocument::from_json(&json), Ok(r));
        let newer = json.replace("\"schema\":1", "\"schema\":99");
        assert_eq!(
            RoutineDocument::from_json(&newer),
            Err(DocumentError::NewerSchema(99))
        );
        assert!(matches!(
            RoutineDocument::from_json("{"),
            Err(DocumentError::Malformed(_))
        ));
        assert!(matches!(
            RoutineDocument::from_json("null"),
            Err(DocumentError::Malformed(_))
        ));
        let zero = json.replace("\"duration_secs\":45", "\"duration_secs\":0");
        assert!(matches!(
            RoutineDocument::from_json(&zero),
            Err(DocumentError::Invalid(_))
        ));
    }
}
