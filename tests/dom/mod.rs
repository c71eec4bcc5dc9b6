//! Page helpers shared by the browser test files.
#![allow(dead_code)] // Each test file uses its own subset.

use kneadtime::app::App;
use leptos::mount::mount_to;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the page to mount into.
pub fn container() -> HtmlElement {
    let element = document()
        .create_element("div")
        .unwrap()
        .unchecked_into::<HtmlElement>();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// Mounts the whole app as if the browser were at `path`, once its first render has settled.
pub async fn mount_app_at(path: &str) -> (HtmlElement, impl Sized) {
    set_path(path);
    let root = container();
    let mounted = mount_to(root.clone(), App);
    leptos::task::tick().await;
    (root, mounted)
}

pub fn set_path(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// The first element matching `selector` under `root`; panics with the selector if there is none.
pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}
