//! The body map in a real browser (headless Chromium): its places are checkboxes named
//! with their side, one tab stop walked by arrow keys, toggled by Space and by a click,
//! always in step with what is chosen.
#![cfg(target_arch = "wasm32")]

use kneadtime::components::pain_map::PainMap;
use kneadtime_core::suggest::{BodySide, MapChoices, Region, Spot};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::container;

fn places(root: &Element) -> Vec<HtmlElement> {
    let found = root.query_selector_all("[role=checkbox]").unwrap();
    (0..found.length())
        .map(|index| found.get(index).unwrap().unchecked_into::<HtmlElement>())
        .collect()
}

fn press(element: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

fn focused_name() -> String {
    dom::document()
        .active_element()
        .and_then(|element| element.get_attribute("aria-label"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_map_is_one_tab_stop_walked_by_arrows_and_toggled_by_space() {
    let root = container();
    let chosen = RwSignal::new(MapChoices::default());
    let _mounted = mount_to(root.clone(), move || view! { <PainMap chosen=chosen /> });
    let all = places(&root);
    // Nine regions on each side, every name with its side.
    assert_eq!(all.len(), 18);
    let names: Vec<String> = all
        .iter()
        .map(|place| place.get_attribute("aria-label").unwrap())
        .collect();
    assert!(
        names
            .iter()
            .all(|name| name.starts_with("Left ") || name.starts_with("Right ")),
        "{names:?}"
    );
    assert_eq!(names.iter().filter(|name| name.starts_with("Left ")).count(), 9);
    let tab_stops = || all.iter().filter(|place| place.tab_index() == 0).count();
    assert_eq!(tab_stops(), 1);

    all[0].focus().unwrap();
    assert_eq!(focused_name(), "Left lower back (quadratus lumborum)");
    press(&all[0], "ArrowLeft");
    leptos::task::tick().await;
    // Left from the first wraps to the last: the right front of the hip, on the right side view.
    assert_eq!(focused_name(), "Right front of the hip (TFL)");
    assert_eq!(tab_stops(), 1);
    let last = &all[17];
    press(last, "Home");
    leptos::task::tick().await;
    for _ in 0..6 {
        let active = dom::document()
            .active_element()
            .unwrap()
            .unchecked_into::<HtmlElement>();
        press(&active, "ArrowDown");
        leptos::task::tick().await;
    }
    assert_eq!(focused_name(), "Left deep gluteal (piriformis)");
    let deep = dom::document()
        .active_element()
        .unwrap()
        .unchecked_into::<HtmlElement>();
    assert_eq!(deep.get_attribute("aria-checked").as_deref(), Some("false"));
    press(&deep, " ");
    leptos::task::tick().await;
    assert_eq!(deep.get_attribute("aria-checked").as_deref(), Some("true"));
    let left_deep = Spot {
        region: Region::DeepGluteal,
        side: BodySide::Left,
    };
    assert_eq!(chosen.get_untracked().spots(), [left_deep]);
    // The chosen area is hatched on the drawing too.
    assert_eq!(root.query_selector_all(".pain-area--chosen").unwrap().length(), 1);

    // A click toggles as Space does, and moves the tab stop there.
    all[8].click();
    leptos::task::tick().await;
    assert_eq!(chosen.get_untracked().spots().len(), 2);
    assert_eq!(all[8].tab_index(), 0);
    assert_eq!(tab_stops(), 1);
    // Changed from outside (the list, "Clear choices"), the map follows.
    chosen.set(MapChoices::default());
    leptos::task::tick().await;
    assert!(all
        .iter()
        .all(|place| place.get_attribute("aria-checked").as_deref() == Some("false")));
    assert_eq!(root.query_selector_all(".pain-area--chosen").unwrap().length(), 0);
}
