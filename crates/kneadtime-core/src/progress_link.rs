//! Progress links: the person's recent sessions packed into a URL fragment, for a
//! therapist to open read-only.
//!
//! A link is `<origin>/p#<payload>`, framed like a routine link (`share`): base64url
//! of a version byte, then the body in a zlib stream with its checksum. The body of
//! version 1 is JSON:
//!
//! ```text
//! {"shared_at_ms": u64, "utc_offset_min": i32, "history": <the history document>,
//!  "program": {"title": str, "done": u32, "due": u32, "planned": u32}}
//! ```
//!
//! `program` (planned against done in the program the person follows, up to the day
//! the link was made) is left out when they follow none, and by links made before
//! programs existed, which read as they always did.
//!
//! The history inside is the stored document with its own schema, so a link made
//! today is read by every later version the way old storage is.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::calendar::local_day;
use super::history::History;
use super::i18n::Catalog;
use super::program::{MAX_PHASES, MAX_WEEKS_PER_PHASE};
use super::routine::limits;
use super::share::{pack, unpack, ShareError};
use super::store::{body_of, json, read_value, Document, StoreError};

/// The format this version writes.
pub const PROGRESS_LINK_VERSION: u8 = 1;
/// Where links point, after the origin.
pub const PROGRESS_LINK_PATH: &str = "/p";
/// The most recent sessions a link carries: two months of daily use, in a link
/// short enough for any message (24 sessions take about 830 characters).
pub const MAX_LINKED_SESSIONS: usize = 60;

/// What a progress link holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedProgress {
    /// When the person made the link.
    pub shared_at_ms: u64,
    /// Minutes east of UTC where they made it.
    pub utc_offset_min: i32,
    /// Their most recent sessions, oldest first.
    pub history: History,
    /// How they stand in the program they follow, if any.
    pub program: Option<ProgramStanding>,
}

/// Planned against done in a followed program, as a therapist sees it in a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramStanding {
    pub title: String,
    /// Sessions done of those due so far (see `followed_program::so_far`).
    pub done: u32,
    pub due: u32,
    /// Sessions in the whole program.
    pub planned: u32,
}

impl ProgramStanding {
    /// Numbers that can be true of a program this app can make, and a title it allows.
    fn is_valid(&self) -> bool {
        let most = (MAX_PHASES * usize::from(MAX_WEEKS_PER_PHASE) * 7) as u32;
        !self.title.trim().is_empty()
            && self.title.chars().count() <= limits::TITLE_MAX_CHARS
            && self.done <= self.due
            && self.due <= self.planned
            && self.planned <= most
    }

    /// Whole percent of due sessions done; `None` before anything was due.
    pub fn percent(&self) -> Option<u32> {
        (self.done * 100).checked_div(self.due)
    }
}

impl SharedProgress {
    /// The sharer's own day when they made the link: "today" for streaks and weeks.
    pub fn day(&self) -> i64 {
        local_day(self.shared_at_ms, self.utc_offset_min)
    }
}

/// Why a progress link cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressLinkError(ShareError);

impl ProgressLinkError {
    /// Why the link cannot be opened and what to do, in words.
    pub fn message(&self, texts: &Catalog) -> String {
        match self.0 {
            ShareError::Empty => texts.text("link.progress.empty"),
            ShareError::TooLong | ShareError::TooLarge => texts.text("link.progress.too_long"),
            ShareError::NewerVersion(_) => texts.text("link.progress.newer"),
            ShareError::NotBase64 | ShareError::Damaged | ShareError::Invalid(_) => {
                texts.text("link.progress.damaged")
            }
        }
        .to_string()
    }
}

/// The payload (the part after `#`) for the last [`MAX_LINKED_SESSIONS`] sessions of
/// `history`, shared at `shared_at_ms` from `utc_offset_min`. Notes are left out
/// unless `include_notes`: they are the person's own words, and theirs to send.
pub fn encode(
    history: &History,
    program: Option<&ProgramStanding>,
    shared_at_ms: u64,
    utc_offset_min: i32,
    include_notes: bool,
) -> String {
    let skip = history.0.len().saturating_sub(MAX_LINKED_SESSIONS);
    let recent = History(
        history.0[skip..]
            .iter()
            .cloned()
            .map(|mut record| {
                if !include_notes {
                    record.note.clear();
                }
                record
            })
            .collect(),
    );
    let mut body = body_of([
        ("shared_at_ms", Value::from(shared_at_ms)),
        ("utc_offset_min", Value::from(utc_offset_min)),
        ("history", recent.to_value()),
    ]);
    if let Some(program) = program {
        body.insert("program".into(), json(program));
    }
    pack(PROGRESS_LINK_VERSION, Value::Object(body).to_string().as_bytes())
}

/// The full link on `origin` (e.g. `https://example.org`).
pub fn link(
    origin: &str,
    history: &History,
    program: Option<&ProgramStanding>,
    shared_at_ms: u64,
    utc_offset_min: i32,
    include_notes: bool,
) -> String {
    format!(
        "{origin}{PROGRESS_LINK_PATH}#{}",
        encode(history, program, shared_at_ms, utc_offset_min, include_notes)
    )
}

/// The progress in a payload; any input gives it or a typed error, without panicking.
/// A link is checksummed, so a session that cannot be read means a broken link, not
/// one to show in part.
pub fn decode(payload: &str) -> Result<SharedProgress, ProgressLinkError> {
    let damaged = || ProgressLinkError(ShareError::Damaged);
    let body = unpack(payload, PROGRESS_LINK_VERSION).map_err(ProgressLinkError)?;
    let Ok(Value::Object(mut body)) = serde_json::from_slice::<Value>(&body) else {
        return Err(damaged());
    };
    let shared_at_ms = body
        .get("shared_at_ms")
        .and_then(Value::as_u64)
        .ok_or_else(damaged)?;
    let utc_offset_min = body
        .get("utc_offset_min")
        .and_then(Value::as_i64)
        .and_then(|offset| i32::try_from(offset).ok())
        .filter(|offset| offset.abs() <= 18 * 60)
        .ok_or_else(damaged)?;
    let program = match body.remove("program") {
        None => None,
        Some(value) => Some(
            serde_json::from_value::<ProgramStanding>(value)
                .ok()
                .filter(ProgramStanding::is_valid)
                .ok_or_else(damaged)?,
        ),
    };
    let history = body.remove("history").ok_or_else(damaged)?;
    match read_value::<History>(history) {
        Ok((decoded, _)) if decoded.lost.is_empty() => Ok(SharedProgress {
            shared_at_ms,
            utc_offset_min,
            history: decoded.value,
            program,
        }),
        Err(StoreError::NewerVersion(version)) => Err(ProgressLinkError(ShareError::NewerVersion(
            u8::try_from(version).unwrap_or(u8::MAX),
        ))),
        _ => Err(damaged()),
    }
}
