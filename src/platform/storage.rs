//! The only code that touches `localStorage`, which may be missing (private
//! modes), full, or hold anything an older or newer version wrote.
//!
//! It carries out `kneadtime_core::store`'s decisions: a document that cannot be read
//! is copied under a recovery key before anything may overwrite it, a migrated
//! one is written back, and a failed write leaves the previous data as it was.

use std::cell::RefCell;
use std::collections::BTreeSet;

use leptos::prelude::window;
use web_sys::Storage;

use crate::platform::clock::now_ms;
use crate::platform::i18n::{t, texts};
use kneadtime_core::i18n::Locale;
use kneadtime_core::settings::Settings;
use kneadtime_core::store::{self, parse_recovery_key, recovery_key, Document, Kind, Sentence, KEY_PREFIX};

thread_local! {
    /// Keys whose unreadable content could not be copied aside: never written this visit.
    static PROTECTED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

fn local_storage() -> Option<Storage> {
    if !super::in_browser() {
        return None;
    }
    window().local_storage().ok().flatten()
}

fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Why a save did not happen; what was stored before is unchanged in every case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// No storage at all (some private modes, storage turned off).
    Unavailable,
    /// The browser refused the write: storage is full.
    Refused,
    /// The stored copy could not be read nor kept aside, so it is not overwritten.
    Protected,
}

impl SaveError {
    /// What happened to the person's document of this kind, in the active language.
    pub fn message(self, kind: Kind) -> String {
        t(kind.key(match self {
            SaveError::Unavailable => Sentence::Unavailable,
            SaveError::Refused => Sentence::Refused,
            SaveError::Protected => Sentence::Protected,
        }))
    }
}

fn write(key: &str, value: &str) -> Result<(), SaveError> {
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    if storage.get_item(key).ok().flatten().as_deref() == Some(value) {
        return Ok(());
    }
    storage.set_item(key, value).map_err(|_| SaveError::Refused)
}

/// A document read from storage, with what the person should be told.
pub struct Opened<D> {
    pub value: D,
    pub problem: Option<String>,
}

/// The language chosen in Settings, from the stored settings' `language` field alone
/// (read with the browser's `JSON.parse`, nothing repaired or rewritten): start-up needs
/// it before the texts exist, and the settings' own reader lives with the screens that
/// use them, outside the main module. `None` when the device's languages decide.
pub fn stored_language() -> Option<Locale> {
    let stored = js_sys::JSON::parse(&read(&Settings::key())?).ok()?;
    let language = js_sys::Reflect::get(&stored, &"language".into())
        .ok()?
        .as_string()?;
    Locale::from_stored_tag(&language)
}

/// Read document `D`. Anything unreadable is kept under a recovery key first;
/// an older version is migrated and written back.
pub fn open<D: Document + Default>() -> Opened<D> {
    let key = D::key();
    let raw = read(&key);
    let loaded = store::load::<D>(raw.as_deref());
    let mut problem = loaded
        .problem
        .as_ref()
        .map(|error| error.message(D::KIND, &texts()));
    let rewrite = match (loaded.must_keep_raw(), raw.as_deref()) {
        // Once the original is safe under its recovery key, what could be read takes its place,
        // so the next visit starts clean instead of keeping the same copy again.
        (true, Some(raw)) => match keep_aside(D::NAME, &key, raw) {
            Ok(()) => true,
            Err(error) => {
                problem = Some(error.message(D::KIND));
                false
            }
        },
        _ => loaded.migrated_from.is_some(),
    };
    if rewrite {
        // Not fatal if it fails: the same is read (and kept, or migrated) again next time.
        let _ = write(&key, &loaded.value.to_stored());
    }
    Opened {
        value: loaded.value,
        problem,
    }
}

/// Whether anything is stored for document `D` (without reading it).
pub fn has_document<D: Document>() -> bool {
    read(&D::key()).is_some()
}

/// Read a document that may be absent (the unfinished session). One that cannot be
/// read is kept aside and removed, and the reason returned.
pub fn open_optional<D: Document>() -> Result<Option<D>, String> {
    let key = D::key();
    let Some(raw) = read(&key) else {
        return Ok(None);
    };
    match store::read::<D>(&raw) {
        Ok((decoded, _)) => Ok(Some(decoded.value)),
        Err(error) => {
            if keep_aside(D::NAME, &key, &raw).is_ok() {
                remove(&key);
            }
            Err(error.message(D::KIND, &texts()))
        }
    }
}

/// Copy `raw` under a fresh recovery key; on failure the key is protected from writes.
fn keep_aside(name: &str, key: &str, raw: &str) -> Result<(), SaveError> {
    let kept = write(&recovery_key(name, now_ms()), raw);
    if kept.is_err() {
        PROTECTED.with(|protected| protected.borrow_mut().insert(key.to_string()));
        return Err(SaveError::Protected);
    }
    Ok(())
}

/// Store a document (or remove it when it is empty). A protected key is first copied
/// aside again; only once that works (space was freed) is it written.
pub fn save<D: Document>(document: &D) -> Result<(), SaveError> {
    let key = D::key();
    if PROTECTED.with(|protected| protected.borrow().contains(&key)) {
        if let Some(raw) = read(&key) {
            keep_aside(D::NAME, &key, &raw)?;
        }
        PROTECTED.with(|protected| protected.borrow_mut().remove(&key));
    }
    if document.is_empty() {
        remove(&key);
        return Ok(());
    }
    write(&key, &document.to_stored())
}

/// Remove a stored document.
pub fn clear<D: Document>() {
    remove(&D::key());
}

fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// A copy kept aside because it could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptCopy {
    pub key: String,
    /// Which document it was ("settings", "history", …).
    pub document: String,
    /// When it was kept (ms since 1970).
    pub kept_at_ms: u64,
    pub text: String,
}

/// Every kept copy, newest first.
pub fn kept_copies() -> Vec<KeptCopy> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut copies: Vec<KeptCopy> = (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter_map(|key| {
            let (document, kept_at_ms) = parse_recovery_key(&key)?;
            let document = document.to_string();
            let text = storage.get_item(&key).ok().flatten()?;
            Some(KeptCopy {
                key,
                document,
                kept_at_ms,
                text,
            })
        })
        .collect();
    copies.sort_by_key(|copy| std::cmp::Reverse(copy.kept_at_ms));
    copies
}

/// Delete a kept copy (the person's choice, after downloading it or deciding it is not needed).
pub fn discard_kept_copy(key: &str) {
    if parse_recovery_key(key).is_some() {
        remove(key);
    }
}

/// Calls `handler` whenever another tab changes document `D` (or may have: all of this
/// app's storage cleared at once).
pub fn on_document_change_elsewhere<D: Document>(handler: impl Fn() + 'static) {
    on_change_elsewhere(move |name| {
        if name.is_none() || name.as_deref() == Some(D::NAME) {
            handler();
        }
    });
}

/// Calls `handler` with the changed document's name (`None`: everything may have changed)
/// whenever another tab changes this app's storage.
pub fn on_change_elsewhere(handler: impl Fn(Option<String>) + 'static) {
    if !super::in_browser() {
        return;
    }
    super::listen(&window(), "storage", move |event| {
        use wasm_bindgen::JsCast;
        let Ok(event) = event.dyn_into::<web_sys::StorageEvent>() else {
            return;
        };
        match event.key() {
            None => handler(None),
            Some(key) => {
                if let Some(name) = key.strip_prefix(KEY_PREFIX) {
                    handler(Some(name.to_string()));
                }
            }
        }
    });
}
