//! Kneadtime: a guided self-massage timer.
//!
//! The pure core (routines, breathing, the session engine, links, stored documents)
//! is the `kneadtime-core` crate; this crate is the browser front end:
//! `platform` adapts browser APIs; `state` holds what every page shares; `player`
//! runs a live session on them; `components`, `pages` and `app` are the Leptos views.

pub mod app;
pub mod components;
pub mod pages;
pub mod platform;
pub mod player;
pub mod state;
