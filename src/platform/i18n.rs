//! The active locale's texts, for every view, and the browser's side of languages:
//! fetching a locale file, `navigator.languages` and `<html lang>`.
//!
//! The catalogue is one per page, like the document's language, so it is held here
//! rather than in a context: speech and media-session callbacks need it too. The app
//! re-renders every view when it changes (see `app::App`).

use std::cell::RefCell;
use std::rc::Rc;

use kneadtime_core::i18n::{Catalog, Locale};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ACTIVE: RefCell<Rc<Catalog>> = RefCell::new(Rc::new(Catalog::default()));
}

/// The active catalogue.
pub fn texts() -> Rc<Catalog> {
    ACTIVE.with(|active| active.borrow().clone())
}

/// Makes `catalog` the active one and the page's language its locale.
pub fn set_texts(catalog: Catalog) {
    set_document_language(catalog.locale());
    ACTIVE.with(|active| *active.borrow_mut() = Rc::new(catalog));
}

/// The active locale.
pub fn locale() -> Locale {
    ACTIVE.with(|active| active.borrow().locale())
}

/// The text for `key` in the active locale.
pub fn t(key: &str) -> String {
    texts().text(key).to_string()
}

/// The text for `key` with its `{name}` placeholders filled in.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    texts().fill(key, args)
}

/// The plural form of `key` for `count`, `{count}` and other placeholders filled in.
pub fn tn(key: &str, count: u64, args: &[(&str, &str)]) -> String {
    texts().count(key, count, args)
}

/// The `lang` for text written in `language`: set when it differs from the page's, so
/// screen readers (and the browser's hyphenation) read it in its own language.
pub fn lang_of(language: Option<Locale>) -> Option<&'static str> {
    language.filter(|language| *language != locale()).map(Locale::tag)
}

/// The person's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let listed: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if listed.is_empty() {
        window.navigator().language().into_iter().collect()
    } else {
        listed
    }
}

/// Sets `<html lang>`, which screen readers and hyphenation follow.
fn set_document_language(locale: Locale) {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", locale.tag());
    }
}

/// Fetches and reads a locale's file (precached by the service worker, so it works offline).
pub async fn fetch_catalog(locale: Locale) -> Result<Catalog, String> {
    let window = web_sys::window().ok_or("no window")?;
    let url = format!("/locales/{}.json", locale.tag());
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| format!("{url} could not be fetched"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("{url} answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body".to_string())?)
        .await
        .map_err(|_| format!("{url} could not be read"))?
        .as_string()
        .unwrap_or_default();
    Catalog::parse(locale, &text).map_err(|error| error.to_string())
}
