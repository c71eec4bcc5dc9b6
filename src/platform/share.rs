//! Handing a link to the person: the clipboard and the system share sheet.

use wasm_bindgen_futures::JsFuture;
use web_sys::ShareData;

use super::{has_property, navigator};

/// Copy `text`; `false` if the browser refused (no permission, insecure page).
pub async fn copy_text(text: &str) -> bool {
    let navigator = navigator();
    if !has_property(&navigator, "clipboard") {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Whether the system share sheet (Web Share API) is there.
pub fn can_share() -> bool {
    has_property(&navigator(), "share")
}

/// Open the system share sheet (`url` may be empty); `false` if it failed or the person closed it.
pub async fn share(title: &str, text: &str, url: &str) -> bool {
    let data = ShareData::new();
    data.set_title(title);
    data.set_text(text);
    if !url.is_empty() {
        data.set_url(url);
    }
    JsFuture::from(navigator().share_with_data(&data)).await.is_ok()
}

/// A random number for new routine ids (not for secrets).
pub fn random_u64() -> u64 {
    let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    high << 32 | low
}
