//! Kneadtime: a guided self-massage timer.
//!
//! The pure core (routines, breathing, the session engine, links, stored documents)
//! is the `kneadtime-core` crate; this crate is the browser front end:
//! `platform` adapts browser APIs; `state` holds what every page shares; `player`
//! runs a live session on them; `components`, `pages` and `app` are the Leptos views.

/// Calls split point `$call` and gives its result: in split builds (the `split` feature)
/// the call fetches the point's module first and is awaited; otherwise it is a plain call.
macro_rules! call_split_point {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let outcome = $call.await;
        #[cfg(not(feature = "split"))]
        let outcome = $call;
        outcome
    }};
}

pub mod app;
pub mod components;
pub mod pages;
pub mod platform;
pub mod player;
pub mod state;
