//! Page helpers shared by the browser test files.
#![allow(dead_code)] // Each test file uses its own subset.

use kneadtime::app::App;
use kneadtime::platform::i18n::set_texts;
use kneadtime_core::i18n::{Catalog, Locale};
use leptos::mount::mount_to;
use leptos::prelude::Owner;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The English texts, for core functions that take a catalogue.
pub fn english() -> Catalog {
    Catalog::parse(Locale::English, include_str!("../../locales/en.json")).unwrap()
}

/// Makes English the active language, as the app does for an English browser.
pub fn use_english() {
    set_texts(english());
}

/// A fresh element in the page to mount into, with English texts active.
pub fn container() -> HtmlElement {
    use_english();
    container_keeping_texts()
}

/// A fresh element in the page to mount into, the active texts left as they are.
pub fn container_keeping_texts() -> HtmlElement {
    let element = document()
        .create_element("div")
        .unwrap()
        .unchecked_into::<HtmlElement>();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// Mounts the whole app as if the browser were at `path`, once its first render has settled.
/// Dropping the returned guard unmounts it and cleans up everything it owns.
pub async fn mount_app_at(path: &str) -> (HtmlElement, MountedApp) {
    set_path(path);
    let root = container();
    let owner = Owner::new();
    let mounted = owner.with(|| mount_to(root.clone(), App));
    leptos::task::tick().await;
    (
        root,
        MountedApp {
            mounted: Some(Box::new(mounted)),
            owner,
        },
    )
}

/// A mounted app. Dropping the mount handle alone leaves the app's own owner alive while
/// a task or closure still holds it, and with it the app's pending timers, which would
/// then fire during a later test; cleaning up an owner above it stops them for sure.
pub struct MountedApp {
    mounted: Option<Box<dyn std::any::Any>>,
    owner: Owner,
}

impl Drop for MountedApp {
    fn drop(&mut self) {
        drop(self.mounted.take());
        self.owner.cleanup();
    }
}

pub fn set_path(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// The first element matching `selector` under `root` once it is there: a lazily loaded
/// part of a page renders a few tasks after the page. Panics with the selector if it never comes.
pub async fn appears(root: &Element, selector: &str) -> Element {
    for _ in 0..50 {
        if let Some(element) = root.query_selector(selector).unwrap() {
            return element;
        }
        leptos::task::tick().await;
    }
    panic!("no {selector}")
}

/// The first element matching `selector` under `root`; panics with the selector if there is none.
pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

pub fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The stored keys for which `keep` holds.
fn stored_keys(keep: impl Fn(&str) -> bool) -> Vec<String> {
    let storage = local_storage();
    (0..storage.length().unwrap())
        .filter_map(|index| storage.key(index).unwrap())
        .filter(|key| keep(key))
        .collect()
}

/// Removes every key for which `matches` holds, then stores `stored`.
pub fn reset_storage(matches: impl Fn(&str) -> bool, stored: &[(&str, &str)]) {
    let storage = local_storage();
    for key in stored_keys(matches) {
        storage.remove_item(&key).unwrap();
    }
    for (key, value) in stored {
        storage.set_item(key, value).unwrap();
    }
}

/// Removes every key this app owns, then stores `stored`.
pub fn reset_app_storage(stored: &[(&str, &str)]) {
    reset_storage(|key| key.starts_with("kneadtime."), stored);
}

/// The texts of the copies kept aside of document `name`.
pub fn kept(name: &str) -> Vec<String> {
    let prefix = format!("kneadtime.recovery.{name}.");
    stored_keys(|key| key.starts_with(&prefix))
        .into_iter()
        .map(|key| local_storage().get_item(&key).unwrap().unwrap())
        .collect()
}
