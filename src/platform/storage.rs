//! `localStorage`, which may be missing (private modes), full, or hold
//! anything an older or newer version wrote. Callers parse what they read.

use leptos::prelude::window;
use web_sys::Storage;

/// Keys this app owns.
pub mod keys {
    pub const SETTINGS: &str = "kneadtime.settings";
    pub const SESSION: &str = "kneadtime.session";
    pub const MY_ROUTINES: &str = "kneadtime.routines";
}

fn local_storage() -> Option<Storage> {
    window().local_storage().ok().flatten()
}

pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Store `value`; `false` when storage is unavailable or full.
pub fn write(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Keep an unreadable value under `<key>.unreadable` before the key is
/// overwritten, so a bad read never destroys what was stored.
pub fn set_aside(key: &str, raw: &str) {
    write(&format!("{key}.unreadable"), raw);
}
