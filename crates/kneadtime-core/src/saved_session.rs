//! A session in progress as stored between visits, so a reload or an
//! accidental close picks it up at the right point.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::plan::{Plan, Timing};
use super::routine::Routine;
use super::session::{Session, SessionSnapshot};
use super::store::{field, Decoded, Document, StoreError};

/// A session with everything needed to rebuild it and record it: the routine as
/// played, its timing, when it started and the pain rating given before it.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedSession {
    pub routine: Routine,
    pub timing: Timing,
    pub session: Session,
    /// Wall-clock start (ms since 1970), for the history record.
    pub started_at_ms: u64,
    /// The 0–10 rating given before starting, if one was.
    pub pain_before: Option<u8>,
}

#[derive(Serialize, Deserialize)]
struct Body {
    routine: Routine,
    timing: Timing,
    snapshot: SessionSnapshot,
    started_at_ms: u64,
    pain_before: Option<u8>,
}

impl Document for SavedSession {
    const NAME: &'static str = "session";
    const KIND: super::store::Kind = super::store::Kind::Session;
    /// v2 added `started_at_ms` and `pain_before` for the history.
    const SCHEMA: u32 = 2;

    fn upgrade(from: u32, mut body: Map<String, Value>) -> Result<Map<String, Value>, StoreError> {
        match from {
            1 => {
                // v1 kept no start time: the last operation's time less the active time
                // is the best estimate (exact when the session was never paused).
                let snapshot: SessionSnapshot = field(&body, "snapshot")?;
                let started = snapshot.anchor_t.saturating_sub(snapshot.anchor_active);
                body.insert("started_at_ms".into(), Value::from(started));
                body.insert("pain_before".into(), Value::Null);
                Ok(body)
            }
            _ => Err(StoreError::UnknownVersion(from)),
        }
    }

    /// Validates the routine and that the session fits it.
    fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError> {
        let body: Body = serde_json::from_value(Value::Object(body))
            .map_err(|_| StoreError::WrongShape("not shaped like a session".into()))?;
        if !body.routine.validate().is_empty() {
            return Err(StoreError::WrongShape("the routine is not playable".into()));
        }
        if body.pain_before.is_some_and(|pain| pain > 10) {
            return Err(StoreError::WrongShape("the pain rating is out of range".into()));
        }
        let timing = body.timing.clamped();
        let plan = Plan::new(&body.routine, timing);
        let session = Session::restore(plan, &body.snapshot)
            .ok_or_else(|| StoreError::WrongShape("the session does not fit its routine".into()))?;
        Ok(Decoded::whole(SavedSession {
            routine: body.routine,
            timing,
            session,
            started_at_ms: body.started_at_ms,
            pain_before: body.pain_before,
        }))
    }

    fn encode(&self) -> Map<String, Value> {
        let body = Body {
            routine: self.routine.clone(),
            timing: self.timing,
            snapshot: self.session.snapshot(),
            started_at_ms: self.started_at_ms,
            pain_before: self.pain_before,
        };
        match serde_json::to_value(body) {
            Ok(Value::Object(object)) => object,
            _ => Map::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::builtin_routine;
    use crate::session::Status;
    use crate::store::read;

    fn running() -> SavedSession {
        let routine = builtin_routine(&crate::testing::english(), "hip-unwind").expect("built-in");
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
            started_at_ms: 1_000,
            pain_before: Some(6),
        }
    }

    fn reread(raw: &str) -> Result<SavedSession, StoreError> {
        read::<SavedSession>(raw).map(|(decoded, _)| decoded.value)
    }

    #[test]
    fn round_trip_keeps_the_session_exact() {
        let saved = running();
        let back = reread(&saved.to_stored()).expect("reads back");
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
        assert_eq!(reread("{"), Err(StoreError::Unreadable));
        assert!(matches!(
            reread(r#"{"schema":2}"#),
            Err(StoreError::WrongShape(_))
        ));
        assert_eq!(reread(r#"{"schema":3}"#), Err(StoreError::NewerVersion(3)));
        let json = running().to_stored();
        let shape = |raw: &str| matches!(reread(raw), Err(StoreError::WrongShape(_)));
        let beyond = json.replace("\"anchor_position\":", "\"anchor_position\":9999999");
        assert!(shape(&beyond));
        let skipped_too_far = json.replace("\"skipped\":[0]", "\"skipped\":[0,99]");
        assert_ne!(skipped_too_far, json);
        assert!(shape(&skipped_too_far));
        let finished_without_time = json.replace("\"status\":\"running\"", "\"status\":\"finished\"");
        assert!(shape(&finished_without_time));
        assert!(shape(&json.replace("\"pain_before\":6", "\"pain_before\":11")));
    }

    #[test]
    fn a_restored_session_carries_on() {
        let saved = running();
        let mut back = reread(&saved.to_stored()).unwrap();
        assert_eq!(back.session.status(), Status::Running);
        back.session.pause(100_000);
        assert_eq!(back.session.state_at(200_000).status, Status::Paused);
    }
}
