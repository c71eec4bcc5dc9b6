//! A screen that replaced another in place: the person starts at its top, on its heading.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Scrolls the page to its top and puts the focus on the first `h1` inside `container`
/// (focusable by script only), so a screen reader reads the new screen from its start.
pub fn show_screen_start(container: &Element) {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    let Some(heading) = container
        .query_selector("h1")
        .ok()
        .flatten()
        .and_then(|heading| heading.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    let _ = heading.focus();
}
