//! Kneadtime: a guided self-massage timer.
//!
//! `domain` is the pure core (routines, breathing, the session engine);
//! `platform` adapts browser APIs; `player` runs a live session on them;
//! `app`, `pages` and `components` are the Leptos front end.

pub mod app;
pub mod components;
pub mod domain;
pub mod pages;
pub mod platform;
pub mod player;
pub mod state;
