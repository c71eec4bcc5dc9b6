//! The person's language: which locales exist, how one is chosen, and the catalogue
//! of texts for one locale.
//!
//! Texts live in `locales/<tag>.json` at the repository root, one file per locale,
//! grouped by area (`{"home": {"title": "…"}}` is the key `home.title`). The app
//! fetches only the active locale's file; tests read them from disk. Every locale
//! must have exactly English's keys and placeholders (`tests/locales.rs`).

mod catalog;
mod locale;

pub use catalog::{Catalog, CatalogError, LocaleValue, Text};
pub use locale::{Locale, PluralCategory};
