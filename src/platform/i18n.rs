//! The active locale's texts, for every view, and the browser's side of languages:
//! fetching a locale file, `navigator.languages` and `<html lang>`.
//!
//! The catalogue is one per page, like the document's language, so it is held here
//! rather than in a context: speech and media-session callbacks need it too. The app
//! re-renders every view when it changes (see `app::App`).
//!
//! A release starts with the home page's texts only (see `Catalog::rest_file`); the rest
//! arrive with [`all_texts`], which every other screen awaits before it renders.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use js_sys::Promise;
use kneadtime_core::i18n::{Catalog, Locale, LocaleValue};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

thread_local! {
    static ACTIVE: RefCell<Rc<Catalog>> = RefCell::new(Rc::new(Catalog::default()));
    /// The fetch of the active catalogue's rest, shared by everyone waiting for it.
    static REST: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// What to do when the active catalogue becomes whole.
    static ON_WHOLE: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// The active catalogue.
pub fn texts() -> Rc<Catalog> {
    ACTIVE.with(|active| active.borrow().clone())
}

/// Makes `catalog` the active one and the page's language its locale.
pub fn set_texts(catalog: Catalog) {
    set_document_language(catalog.locale());
    ACTIVE.with(|active| *active.borrow_mut() = Rc::new(catalog));
    REST.with(|rest| rest.borrow_mut().take());
}

/// Every text of the active locale: at once when the catalogue is whole, else once its
/// rest is fetched and merged. The fetch starts on this call (not when the future is
/// first awaited) and happens once however many screens wait; after a failure the next
/// call tries again.
pub fn all_texts() -> impl Future<Output = Result<(), String>> {
    let loading = ACTIVE.with(|active| {
        let active = active.borrow();
        let file = active.rest_file()?.to_string();
        let locale = active.locale();
        Some(REST.with(|rest| {
            rest.borrow_mut()
                .get_or_insert_with(|| {
                    future_to_promise(async move {
                        complete_texts(locale, &file)
                            .await
                            .map(|()| JsValue::UNDEFINED)
                            .map_err(|problem| JsValue::from_str(&problem))
                    })
                })
                .clone()
        }))
    });
    async move {
        let Some(loading) = loading else {
            return Ok(());
        };
        JsFuture::from(loading)
            .await
            .map(drop)
            .map_err(|problem| problem.as_string().unwrap_or_default())
    }
}

/// Runs `hook` whenever the active catalogue becomes whole (in place of any hook set
/// before): what was worded from the first screen's texts alone is worded again.
pub fn when_texts_whole(hook: impl Fn() + 'static) {
    ON_WHOLE.with(|slot| *slot.borrow_mut() = Some(Rc::new(hook)));
}

async fn complete_texts(locale: Locale, file: &str) -> Result<(), String> {
    let merged = fetch_texts(locale, &format!("/locales/{file}"))
        .await
        .and_then(|rest| {
            ACTIVE.with(|active| {
                Rc::make_mut(&mut active.borrow_mut())
                    .merge(rest)
                    .map_err(|error| error.to_string())
            })
        });
    if merged.is_err() {
        // The next screen that asks fetches again (Retry, or the network is back).
        REST.with(|rest| rest.borrow_mut().take());
    } else if let Some(hook) = ON_WHOLE.with(|slot| slot.borrow().clone()) {
        hook();
    }
    merged
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
    if !super::in_browser() {
        return Vec::new();
    }
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
    if !super::in_browser() {
        return;
    }
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", locale.tag());
    }
}

/// Fetches and reads a locale's file (precached by the service worker, so it works
/// offline): in a release, the home page's texts and the name of the file with the rest.
pub async fn fetch_catalog(locale: Locale) -> Result<Catalog, String> {
    fetch_texts(locale, &format!("/locales/{}.json", locale.tag())).await
}

async fn fetch_texts(locale: Locale, url: &str) -> Result<Catalog, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
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
    // The browser's JSON reader: the main module then needs no JSON parser of its own.
    let parsed = js_sys::JSON::parse(&text).map_err(|_| format!("{url} is not JSON"))?;
    Catalog::from_value(locale, locale_value(&parsed, 0)).map_err(|error| error.to_string())
}

/// Deeper than any locale file nests: a hostile file cannot exhaust the stack.
const MAX_DEPTH: usize = 16;

/// A value `JSON.parse` gave, as the catalogue reads it.
fn locale_value(value: &JsValue, depth: usize) -> LocaleValue {
    if let Some(text) = value.as_string() {
        return LocaleValue::Text(text);
    }
    if depth > MAX_DEPTH || !value.is_object() || js_sys::Array::is_array(value) {
        return LocaleValue::Other;
    }
    let members = js_sys::Object::entries(value.unchecked_ref())
        .iter()
        .filter_map(|member| {
            let member: js_sys::Array = member.dyn_into().ok()?;
            Some((
                member.get(0).as_string()?,
                locale_value(&member.get(1), depth + 1),
            ))
        })
        .collect();
    LocaleValue::Object(members)
}
