//! Components in a real browser (headless Chromium via wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use kneadtime::components::icon::Icon;
use kneadtime::components::routine_card::RoutineCard;
use kneadtime::components::step_item::StepItem;
use kneadtime_core::library::{builtin_routine, builtin_routines};
use kneadtime_core::routine::{Routine, Side, Technique, Tool};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{container, document, english, mount_app_at, set_path};

/// Mounts a routine card inside a router; the card stays mounted while the handle lives.
fn mount_card(routine: Routine) -> (HtmlElement, impl Sized) {
    let root = container();
    let mounted = mount_to(root.clone(), move || {
        view! {
            <Router>
                <RoutineCard routine=routine />
            </Router>
        }
    });
    (root, mounted)
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
fn routine_card_shows_length_tools_and_links_to_the_routine() {
    let routine = builtin_routine(&english(), "foam-roller-hip-glute").unwrap();
    let (root, _mounted) = mount_card(routine);
    assert_eq!(text_of(&root, "h3"), "Foam roller hip and glute flow");
    let link = root.query_selector("h3 a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/routine/foam-roller-hip-glute")
    );
    assert_eq!(text_of(&root, ".routine-card__length"), "About 11 min");
    assert_eq!(text_of(&root, ".routine-card__tools"), "HandsFoam roller");
    assert_eq!(count(&root, ".routine-card__tools svg"), 2);
    assert_eq!(count(&root, ".chips .chip"), 5);
}

#[wasm_bindgen_test]
fn user_text_is_rendered_as_text_never_as_markup() {
    let mut routine = builtin_routine(&english(), "desk-break-reset").unwrap();
    routine.title = "<img src=x onerror=\"window.pwned=1\">Sneaky".into();
    routine.summary = "<b>bold?</b>".into();
    let title = routine.title.clone();
    let (root, _mounted) = mount_card(routine);
    assert_eq!(text_of(&root, "h3"), title);
    assert_eq!(text_of(&root, ".routine-card__summary"), "<b>bold?</b>");
    assert_eq!(count(&root, "img"), 0);
    assert_eq!(count(&root, "b"), 0);
}

#[wasm_bindgen_test]
fn step_item_spells_out_a_two_sided_step() {
    let root = container();
    let routine = builtin_routine(&english(), "piriformis-ball-release").unwrap();
    let step = routine
        .steps
        .iter()
        .find(|s| s.side == Side::Both)
        .unwrap()
        .clone();
    let instructions = step.instructions.clone();
    let breathing = routine.breathing_for(1);
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <ol>
                <StepItem step=step number=2 breathing=breathing />
            </ol>
        }
    });
    assert_eq!(text_of(&root, ".step-item__number"), "2");
    assert_eq!(text_of(&root, ".step-item__title"), "Trigger-point pressure");
    let chips: Vec<String> = (0..count(&root, ".chip"))
        .map(|i| {
            root.query_selector_all(".chip")
                .unwrap()
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(
        chips,
        [
            "1 min 30 s each side",
            "Left, then right",
            "Medium pressure",
            "Massage ball"
        ]
    );
    assert_eq!(text_of(&root, ".step-item__how"), instructions);
    assert_eq!(
        text_of(&root, ".step-item__breathing"),
        "Long exhale (4 in, 6 out)"
    );
}

#[wasm_bindgen_test]
fn every_icon_is_a_decorative_svg_path() {
    let root = container();
    let _mounted = mount_to(root.clone(), || {
        let tools = Tool::ALL
            .into_iter()
            .map(|tool| view! { <Icon name=tool /> })
            .collect_view();
        let techniques = Technique::ALL
            .into_iter()
            .map(|technique| view! { <Icon name=technique /> })
            .collect_view();
        view! {
            {tools}
            {techniques}
        }
    });
    let icons = root.query_selector_all("svg.icon").unwrap();
    assert_eq!(icons.length() as usize, Tool::ALL.len() + Technique::ALL.len());
    for index in 0..icons.length() {
        let svg = icons.item(index).unwrap().unchecked_into::<Element>();
        assert_eq!(svg.get_attribute("aria-hidden").as_deref(), Some("true"));
        let path = svg.query_selector("path").unwrap().unwrap();
        assert!(path.get_attribute("d").is_some_and(|d| d.len() > 10));
    }
}

#[wasm_bindgen_test]
async fn app_routes_home_and_routine_pages() {
    let (root, home) = mount_app_at("/").await;
    assert_eq!(
        count(&root, ".routine-card"),
        builtin_routines(&english()).len() as u32
    );
    assert_eq!(
        text_of(&root, "main h1"),
        "Guided self-massage for hips, buttocks and lower back"
    );
    drop(home);

    let (root, detail) = mount_app_at("/routine/low-back-soothe").await;
    assert_eq!(text_of(&root, "main h1"), "Low-back soothe");
    assert_eq!(count(&root, ".step-item"), 6);
    assert_eq!(document().title(), "Low-back soothe · Kneadtime");
    drop(detail);

    let (root, missing) = mount_app_at("/routine/unknown-id").await;
    assert_eq!(text_of(&root, "main h1"), "Routine not found");
    drop(missing);
    set_path("/");
}

/// The app renders out of sight and replaces the static page only once its screen has a
/// heading; the person keeps the control they focused and the disclosure they opened.
#[wasm_bindgen_test]
async fn the_app_replaces_the_static_page_once_its_screen_is_ready() {
    use kneadtime::platform::shell::{app_root, take_over_when_ready};

    let body = document().body().unwrap();
    let page = document().create_element("div").unwrap();
    page.set_id("app-shell");
    page.set_inner_html(
        "<main><h1>Home</h1><a href=\"/a\">A</a><details><summary>More</summary></details>\
         <a href=\"/b\">B</a></main>",
    );
    body.append_child(&page).unwrap();
    page.query_selector("details")
        .unwrap()
        .unwrap()
        .set_attribute("open", "")
        .unwrap();
    let second: HtmlElement = page
        .query_selector("[href='/b']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    second.focus().unwrap();

    let root = app_root().unwrap();
    assert!(
        root.hidden(),
        "the app waits out of sight while a static page shows"
    );
    take_over_when_ready(root.clone());
    // A screen still loading: the static page stays.
    root.set_inner_html("<main><p>Loading…</p></main>");
    pause(50).await;
    assert!(document().get_element_by_id("app-shell").is_some());
    assert!(root.hidden());

    // Its screen arrives: one step, the same control focused, the same disclosure open.
    root.set_inner_html(
        "<main><h1>Home</h1><a href=\"/a\">A</a><details><summary>More</summary></details>\
         <a href=\"/b\">B</a></main>",
    );
    pause(0).await;
    assert!(document().get_element_by_id("app-shell").is_none());
    assert!(!root.hidden());
    let focused = document().active_element().unwrap();
    assert_eq!(focused.get_attribute("href").as_deref(), Some("/b"));
    assert!(root.contains(Some(&focused)));
    assert!(root
        .query_selector("details")
        .unwrap()
        .unwrap()
        .has_attribute("open"));

    // With no static page left, the next root (a language switch) shows at once.
    let next = app_root().unwrap();
    assert!(!next.hidden());
    root.remove();
    next.remove();
}

/// Waits `ms` of the browser's own timers (mutation observers have reported by then).
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// `when_idle` never runs (or calls a freed closure) after its owner is gone, even when
/// the browser's idle handles do not fit in a u32, as with Playwright's fake clock.
#[wasm_bindgen_test]
async fn an_idle_callback_after_cleanup_does_nothing() {
    use std::cell::Cell;
    use std::rc::Rc;

    let window = web_sys::window().unwrap();
    let real = js_sys::Reflect::get(&window, &"requestIdleCallback".into()).unwrap();
    // A browser that hands out large handles and runs nothing until asked.
    js_sys::Function::new_no_args(
        "window.__idle = []; window.requestIdleCallback = (callback) => { window.__idle.push(callback); return 1e12 + window.__idle.length; };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let ran = Rc::new(Cell::new(0));
    let owner = Owner::new();
    owner.with(|| {
        let ran = ran.clone();
        kneadtime::platform::clock::when_idle(move || ran.set(ran.get() + 1));
    });
    let settled = js_sys::Promise::new(&mut |resolve, _| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1_100)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(settled).await.unwrap();
    owner.cleanup();
    let pending = js_sys::Reflect::get(&window, &"__idle".into()).unwrap();
    let pending: js_sys::Array = pending.unchecked_into();
    assert_eq!(pending.length(), 1, "the idle request was made");
    let callback: js_sys::Function = pending.get(0).unchecked_into();
    callback
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("the late callback must not throw");
    assert_eq!(ran.get(), 0, "nothing runs for a cleaned-up owner");
    js_sys::Reflect::set(&window, &"requestIdleCallback".into(), &real).unwrap();
}
