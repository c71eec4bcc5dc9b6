//! The session history: one record per finished or ended session, with the
//! pain ratings given around it ([`records`]), the numbers people look for in
//! it — streak, sessions per week, pain change per routine ([`stats`]) — and the
//! CSV and the short text summary a client sends to their therapist ([`export`]).
//!
//! Days are the person's own: each record keeps the UTC offset it was made
//! in, so a session at 23:30 stays on its evening after a trip or a clock change
//! (see [`crate::calendar`]).

pub mod export;
pub mod records;
pub mod stats;

pub use export::{progress_summary, to_csv};
pub use records::*;
pub use stats::*;
