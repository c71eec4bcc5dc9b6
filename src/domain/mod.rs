//! The pure domain core: no `leptos`, no `web_sys`. Everything here is plain
//! data and functions of time, tested natively with `cargo test`.

pub mod backup;
pub mod breathing;
pub mod cues;
pub mod format;
pub mod history;
pub mod howto;
pub mod library;
pub mod my_routines;
pub mod plan;
pub mod progress_link;
pub mod routine;
pub mod safety;
pub mod saved_session;
pub mod session;
pub mod settings;
pub mod share;
pub mod soundscape;
pub mod store;
