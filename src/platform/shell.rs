//! The static page the HTML paints before the app starts, and the moment the app takes
//! its place. In the release build that page is the address's own screen, prerendered
//! from the app's components (`src/bin/prerender.rs`), or the frame alone for addresses
//! that need the person's data; `trunk serve` has only the frame.
//!
//! The app renders out of sight and replaces the static page in one step once its own
//! screen is ready, so nothing blinks empty while a screen's module loads, and the person
//! keeps what they did meanwhile: the focused control and any opened disclosure.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, MutationObserver, MutationObserverInit};

/// The id of the static page's wrapper in index.html.
const STATIC_PAGE: &str = "app-shell";
/// The longest the app waits for the static shell's first paint before starting anyway.
const SHELL_PAINT_WAIT_MS: u32 = 1_000;
/// The longest the static page stays once the app runs: a screen whose module never
/// comes shows its own Retry by then.
const READY_WAIT_MS: u32 = 15_000;
/// What a person may have focused or opened on the static page.
const CONTROLS: &str = "a[href], button, input, select, textarea, summary";

fn document() -> Option<Document> {
    web_sys::window().and_then(|window| window.document())
}

/// Runs `start` once the static shell is on screen (the page's first contentful paint).
///
/// Where the wasm arrives before the browser's first paint (a fast network, a warm cache)
/// the app would replace the shell before it painted, and the app's own text would
/// become the page's Largest Contentful Paint, which then waits on the wasm. Starting a
/// frame later costs nothing a person notices. Runs as soon as the observer reports the
/// paint (at once if it came before), at once on a hidden page (which does not paint),
/// and after 1 s at the latest.
/// This runs once, before the app has an owner: the observer disconnects itself, and
/// the fallback timeout finds nothing left to start.
pub fn after_shell_painted(start: impl FnOnce() + 'static) {
    if !super::clock::page_visible() {
        return start();
    }
    let pending = Rc::new(Cell::new(Some(start)));
    let run = move || {
        if let Some(start) = pending.take() {
            start();
        }
    };
    // The entries come from the observer, not from `performance.getEntries*`, which
    // fake clocks (tests) replace with empty lists; `buffered` delivers a paint that
    // happened before this script ran.
    let on_paint = {
        let run = run.clone();
        Closure::<dyn FnMut(web_sys::PerformanceObserverEntryList, web_sys::PerformanceObserver)>::new(
            move |entries: web_sys::PerformanceObserverEntryList, observer: web_sys::PerformanceObserver| {
                if entries.get_entries_by_name("first-contentful-paint").length() > 0 {
                    observer.disconnect();
                    run();
                }
            },
        )
    };
    let Ok(observer) = web_sys::PerformanceObserver::new(on_paint.as_ref().unchecked_ref()) else {
        return run();
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"paint".into());
    let _ = js_sys::Reflect::set(&options, &"buffered".into(), &true.into());
    observer.observe(options.unchecked_ref());
    on_paint.forget();
    Timeout::new(SHELL_PAINT_WAIT_MS, run).forget();
}

/// A new element at the end of the page for the app to mount in: hidden while a static
/// page is there to replace, shown at once otherwise (a language switch mounts anew).
pub fn app_root() -> Option<HtmlElement> {
    let document = document()?;
    let root: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    root.set_class_name("app-root");
    root.set_hidden(document.get_element_by_id(STATIC_PAGE).is_some());
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// Shows the app mounted in `root` in place of the static page as soon as its screen is
/// ready (its `<main>` has a heading), or after 15 s whatever it shows.
/// A mutation observer, not a timer, watches: fake clocks (tests) leave it running, and
/// it reports before the next paint.
pub fn take_over_when_ready(root: HtmlElement) {
    let ready = |root: &HtmlElement| root.query_selector("main h1").ok().flatten().is_some();
    if !root.hidden() || ready(&root) {
        return take_over(&root);
    }
    let on_change = {
        let root = root.clone();
        Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |_: js_sys::Array, observer: MutationObserver| {
                if ready(&root) {
                    observer.disconnect();
                    take_over(&root);
                }
            },
        )
    };
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return take_over(&root);
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if observer.observe_with_options(&root, &options).is_err() {
        return take_over(&root);
    }
    // Once per page load: the observer disconnects itself, and the closure stays.
    on_change.forget();
    Timeout::new(READY_WAIT_MS, move || {
        observer.disconnect();
        take_over(&root);
    })
    .forget();
}

/// Replaces the static page with the app in `root`, carrying over focus and opened
/// disclosures (matched by position: the two show the same screen).
fn take_over(root: &HtmlElement) {
    let Some(document) = document() else { return };
    if let Some(page) = document.get_element_by_id(STATIC_PAGE) {
        let focused = document
            .active_element()
            .and_then(|focused| position_in(&page, &focused, CONTROLS));
        let opened = opened_disclosures(&page);
        page.remove();
        root.set_hidden(false);
        for index in opened {
            if let Some(details) = nth(root, "details", index) {
                let _ = details.set_attribute("open", "");
            }
        }
        if let Some(control) = focused.and_then(|index| nth(root, CONTROLS, index)) {
            if let Ok(control) = control.dyn_into::<HtmlElement>() {
                let _ = control.focus();
            }
        }
    }
    root.set_hidden(false);
}

/// Where `element` stands among the `selector` matches inside `within`.
fn position_in(within: &Element, element: &Element, selector: &str) -> Option<u32> {
    let matches = within.query_selector_all(selector).ok()?;
    (0..matches.length()).find(|&index| element.is_same_node(matches.item(index).as_ref()))
}

/// The `index`-th match of `selector` inside `within`.
fn nth(within: &Element, selector: &str, index: u32) -> Option<Element> {
    within
        .query_selector_all(selector)
        .ok()?
        .item(index)?
        .dyn_into()
        .ok()
}

/// Positions of the opened `<details>` inside `within`.
fn opened_disclosures(within: &Element) -> Vec<u32> {
    let Ok(all) = within.query_selector_all("details") else {
        return Vec::new();
    };
    (0..all.length())
        .filter(|&index| {
            all.item(index)
                .and_then(|node| node.dyn_into::<Element>().ok())
                .is_some_and(|details| details.has_attribute("open"))
        })
        .collect()
}
