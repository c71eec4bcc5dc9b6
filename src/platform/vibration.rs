//! `navigator.vibrate`, on phones that have it.

use wasm_bindgen::JsValue;

use super::{has_property, navigator};

pub fn is_supported() -> bool {
    has_property(&navigator(), "vibrate")
}

/// Vibrate with an on/off pattern in milliseconds (empty: nothing).
pub fn vibrate(pattern: &[u32]) {
    if pattern.is_empty() || !is_supported() {
        return;
    }
    let array: js_sys::Array = pattern.iter().map(|&ms| JsValue::from(ms)).collect();
    navigator().vibrate_with_pattern(&array);
}
