//! Kneadtime's pure core: routines, the built-in library and the builder's drafts,
//! breathing, the session engine, cues, link codecs, stored documents and their
//! migrations, history and backup. It depends on no browser crate (no `leptos`,
//! `web-sys`, `js-sys` or `wasm-bindgen`), so everything here is plain data and
//! functions of time, tested natively with `cargo test -p kneadtime-core`.

pub mod backup;
pub mod breathing;
pub mod calendar;
pub mod cue_track;
pub mod cues;
pub mod draft;
pub mod followed_program;
pub mod format;
pub mod history;
pub mod howto;
pub mod i18n;
pub mod ics;
pub mod keys;
pub mod library;
pub mod library_filter;
pub mod my_routines;
pub mod picture;
pub mod plan;
pub mod program;
pub mod program_draft;
pub mod program_link;
pub mod progress_link;
pub mod reminders;
pub mod routine;
pub mod safety;
pub mod saved_session;
pub mod session;
pub mod settings;
pub mod share;
pub mod soundscape;
pub mod store;
pub mod suggest;
#[cfg(feature = "testing")]
pub mod testing;
pub mod wording;
