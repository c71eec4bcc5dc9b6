//! A session in progress as stored between visits, so a reload or an
//! accidental close picks it up at the right point.

use serde::{Deserialize, Serialize};

use super::plan::{Plan, Timing};
use super::routine::Routine;
use super::session::{Session, SessionSnapshot};

/// A session with everything needed to rebuild it: the routine as played and its timing.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedSession {
    pub routine: Routine,
    pub timing: Timing,
    pub session: Session,
}

/// Why a stored session cannot be picked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedSessionError {
    /// Not JSON, or not shaped like a saved session.
    Malformed,
    /// Saved by a newer version of the app.
    NewerSchema(u32),
    /// Well-formed, but the routine is not playable or the session does not fit it.
    Invalid,
}

impl SavedSessionError {
    pub fn message(&self) -> String {
        let what = match self {
            SavedSessionError::Malformed => "could not be read",
            SavedSessionError::NewerSchema(_) => "was saved by a newer version of Kneadtime",
            SavedSessionError::Invalid => "did not make sense",
        };
        format!("Your unfinished session {what}, so it cannot be picked up. A copy is kept on this device.")
    }
}

#[derive(Serialize, Deserialize)]
struct Document {
    schema: u32,
    routine: Routine,
    timing: Timing,
    snapshot: SessionSnapshot,
}

impl SavedSession {
    pub const SCHEMA: u32 = 1;

    pub fn to_json(&self) -> String {
        let document = Document {
            schema: Self::SCHEMA,
            routine: self.routine.clone(),
            timing: self.timing,
            snapshot: self.session.snapshot(),
        };
        serde_json::to_string(&document).unwrap_or_default()
    }

    /// Reads, validates and rebuilds a stored session; never panics on any input.
    pub fn from_json(json: &str) -> Result<SavedSession, SavedSessionError> {
        #[derive(Deserialize)]
        struct Header {
            schema: u32,
        }
        let header: Header = serde_json::from_str(json).map_err(|_| SavedSessionError::Malformed)?;
        if header.schema > Self::SCHEMA {
            return Err(SavedSessionError::NewerSchema(header.schema));
        }
        let document: Document = serde_json::from_str(json).map_err(|_| SavedSessionError::Malformed)?;
        if !document.routine.validate().is_empty() {
            return Err(SavedSessionError::Invalid);
        }
        let timing = document.timing.clamped();
        let plan = Plan::new(&document.routine, timing);
        let session = Session::restore(plan, &document.snapshot).ok_or(SavedSessionError::Invalid)?;
        Ok(SavedSession {
            routine: document.routine,
            timing,
            session,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::builtin_routine;
    use crate::domain::session::Status;

    fn running() -> SavedSession {
        let routine = builtin_routine("hip-unwind").expect("built-in");
        let timing = Timing::default();
        let mut session = Session::new(&routine, timing);
        session.start(1_000);
        session.skip(5_000);
        session.pause(70_000);
        session.resume(90_000);
        SavedSession {
            routine,
            timing,
            session,
        }
    }

    #[test]
    fn round_trip_keeps_the_session_exact() {
        let saved = running();
        let back = SavedSession::from_json(&saved.to_json()).expect("reads back");
        assert_eq!(back, saved);
        for t in [90_000, 123_456, 400_000, 10_000_000] {
            assert_eq!(back.session.state_at(t), saved.session.state_at(t));
            assert_eq!(
                back.session.cues_between(t, t + 60_000),
                saved.session.cues_between(t, t + 60_000)
            );
        }
    }

    #[test]
    fn bad_documents_are_refused_with_a_reason() {
        assert_eq!(SavedSession::from_json("{"), Err(SavedSessionError::Malformed));
        assert_eq!(
            SavedSession::from_json(r#"{"schema":1}"#),
            Err(SavedSessionError::Malformed)
        );
        assert_eq!(
            SavedSession::from_json(r#"{"schema":2}"#),
            Err(SavedSessionError::NewerSchema(2))
        );
        let json = running().to_json();
        let beyond = json.replace("\"anchor_position\":", "\"anchor_position\":9999999");
        assert_eq!(SavedSession::from_json(&beyond), Err(SavedSessionError::Invalid));
        let skipped_too_far = json.replace("\"skipped\":[0]", "\"skipped\":[0,99]");
        assert_ne!(skipped_too_far, json);
        assert_eq!(
            SavedSession::from_json(&skipped_too_far),
            Err(SavedSessionError::Invalid)
        );
        let finished_without_time = json.replace("\"status\":\"running\"", "\"status\":\"finished\"");
        assert_eq!(
            SavedSession::from_json(&finished_without_time),
            Err(SavedSessionError::Invalid)
        );
        assert!(SavedSessionError::Invalid
            .message()
            .contains("cannot be picked up"));
    }

    #[test]
    fn a_restored_session_carries_on() {
        let saved = running();
        let mut back = SavedSession::from_json(&saved.to_json()).unwrap();
        assert_eq!(back.session.status(), Status::Running);
        back.session.pause(100_000);
        assert_eq!(back.session.state_at(200_000).status, Status::Paused);
    }
}
