//! The pure domain core: no `leptos`, no `web_sys`. Everything here is plain
//! data and functions of time, tested natively with `cargo test`.

pub mod breathing;
pub mod format;
pub mod library;
pub mod plan;
pub mod routine;
pub mod session;
