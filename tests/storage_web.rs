//! The storage adapter, the pain check-in and chart, and the safety checks in a
//! real browser (headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use kneadtime::components::pain_chart::PainChart;
use kneadtime::components::pain_scale::PainScale;
use kneadtime::platform::storage::{self, discard_kept_copy, kept_copies, SaveError};
use kneadtime_core::history::{History, PainPoint, SessionRecord};
use kneadtime_core::safety::SafetyRecord;
use kneadtime_core::settings::Settings;
use kneadtime_core::store::{Document, Kind};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{container, find, local_storage, mount_app_at, reset_app_storage, use_english};

fn run_js(code: &str) {
    js_sys::Function::new_no_args(code)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

/// Makes every `localStorage.setItem` throw as a full storage does, until [`storage_has_room`].
fn storage_is_full() {
    run_js(
        "if (!Storage.prototype.__setItem) Storage.prototype.__setItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    );
}

fn storage_has_room() {
    run_js("if (Storage.prototype.__setItem) Storage.prototype.setItem = Storage.prototype.__setItem;");
}

fn record(id: &str, before: Option<u8>, after: Option<u8>) -> SessionRecord {
    SessionRecord {
        id: id.into(),
        routine_id: "hip-unwind".into(),
        routine_title: "Hip unwind".into(),
        started_at_ms: 1_795_478_400_000,
        utc_offset_min: 0,
        active_ms: 60_000,
        steps_completed: 1,
        steps_skipped: 0,
        steps_total: 5,
        completed: false,
        pain_before: before,
        pain_after: after,
        note: String::new(),
        language: Some(kneadtime_core::i18n::Locale::English),
    }
}

#[wasm_bindgen_test]
fn unreadable_entries_are_kept_and_the_rest_is_used() {
    use_english();
    let good = History(vec![record("s-a", Some(5), Some(3))]);
    let mut value: serde_json::Value = serde_json::from_str(&good.to_stored()).unwrap();
    value["sessions"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "id": 7 }));
    let raw = value.to_string();
    reset_app_storage(&[("kneadtime.history", &raw)]);
    let opened = storage::open::<History>();
    assert_eq!(opened.value, good);
    assert!(opened.problem.unwrap().contains("(1 session)"));
    let copies = kept_copies();
    assert_eq!(copies.len(), 1);
    assert_eq!(
        (copies[0].document.as_str(), copies[0].text.as_str()),
        ("history", raw.as_str())
    );
    // What could be read took the original's place: the next visit starts clean.
    assert!(storage::open::<History>().problem.is_none());
    discard_kept_copy(&copies[0].key);
    assert!(kept_copies().is_empty());
    // Only recovery keys can be discarded this way.
    discard_kept_copy("kneadtime.history");
    assert!(local_storage().get_item("kneadtime.history").unwrap().is_some());
}

#[wasm_bindgen_test]
fn older_documents_are_migrated_and_written_back() {
    reset_app_storage(&[("kneadtime.settings", r#"{"schema":1,"volume":35}"#)]);
    let opened = storage::open::<Settings>();
    assert_eq!(
        (opened.value.volume, opened.value.pain_check_in, opened.problem),
        (35, true, None)
    );
    let stored = local_storage().get_item("kneadtime.settings").unwrap().unwrap();
    assert!(
        stored.contains("\"schema\":4")
            && stored.contains("\"pain_check_in\":true")
            && stored.contains("\"language\":null"),
        "{stored}"
    );
    assert!(kept_copies().is_empty());
}

#[wasm_bindgen_test]
fn a_refused_write_leaves_the_previous_data() {
    use_english();
    let before = History(vec![record("s-a", None, None)]);
    reset_app_storage(&[("kneadtime.history", &before.to_stored())]);
    storage_is_full();
    let result = storage::save(&History(vec![record("s-b", None, None)]));
    storage_has_room();
    assert_eq!(result, Err(SaveError::Refused));
    assert!(SaveError::Refused
        .message(Kind::History)
        .contains("What was saved before is unchanged"));
    assert_eq!(storage::open::<History>().value, before);
}

#[wasm_bindgen_test]
fn unreadable_data_that_cannot_be_kept_aside_is_not_overwritten() {
    use_english();
    reset_app_storage(&[("kneadtime.safety", "{broken")]);
    storage_is_full();
    let opened = storage::open::<SafetyRecord>();
    assert!(opened.problem.unwrap().contains("not being saved for now"));
    assert_eq!(storage::save(&SafetyRecord::default()), Err(SaveError::Protected));
    storage_has_room();
    assert_eq!(
        local_storage().get_item("kneadtime.safety").unwrap().as_deref(),
        Some("{broken")
    );
    // With space again, the original is kept aside first, then the save goes through.
    assert_eq!(storage::save(&SafetyRecord::default()), Ok(()));
    assert_eq!(
        kept_copies()
            .iter()
            .map(|copy| copy.text.as_str())
            .collect::<Vec<_>>(),
        ["{broken"]
    );
    assert_eq!(storage::open::<SafetyRecord>().value, SafetyRecord::default());
}

#[wasm_bindgen_test]
fn changes_in_other_tabs_are_reported_by_document() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let recorder = seen.clone();
    storage::on_change_elsewhere(move |name| recorder.borrow_mut().push(name));
    run_js(
        "for (const key of ['kneadtime.history', 'someone.else', null]) {
           window.dispatchEvent(new StorageEvent('storage', { key }));
         }",
    );
    assert_eq!(*seen.borrow(), [Some("history".to_string()), None]);
}

#[wasm_bindgen_test]
async fn pain_scale_offers_eleven_points_and_can_be_cleared() {
    let root = container();
    let value = RwSignal::new(None::<u8>);
    let _scale = mount_to(root.clone(), move || {
        view! {
            <PainScale
                legend="Pain now"
                name="test-pain"
                value=value.into()
                on_change=Callback::new(move |pain| value.set(pain))
            />
        }
    });
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 11);
    assert_eq!(find(&root, "legend").text_content().unwrap(), "Pain now");
    radios.get(7).unwrap().unchecked_into::<HtmlElement>().click();
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), Some(7));
    assert!(find(&root, ".pain-scale__status")
        .text_content()
        .unwrap()
        .contains("7 of 10: severe"));
    find(&root, ".pain-scale__status button")
        .unchecked_into::<HtmlElement>()
        .click();
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), None);
    assert!(find(&root, ".pain-scale__status")
        .text_content()
        .unwrap()
        .contains("Not rated"));
}

#[wasm_bindgen_test]
fn pain_chart_plots_each_rating_and_says_it_in_words() {
    let root = container();
    let points = vec![
        PainPoint {
            day: 20_000,
            before: Some(7),
            after: Some(4),
        },
        PainPoint {
            day: 20_001,
            before: Some(6),
            after: None,
        },
        PainPoint {
            day: 20_003,
            before: Some(5),
            after: Some(2),
        },
    ];
    let _chart = mount_to(
        root.clone(),
        move || view! { <PainChart points=Signal::derive(move || points.clone()) /> },
    );
    let count = |selector: &str| root.query_selector_all(selector).unwrap().length();
    assert_eq!(
        (
            count(".chart__before"),
            count(".chart__after"),
            count(".chart__change")
        ),
        (3, 2, 2)
    );
    assert_eq!(count("tbody tr"), 3);
    let description = find(&root, "desc").text_content().unwrap();
    assert!(description.contains("3 rated sessions shown"), "{description}");
    assert!(description.contains("6.0 before and 3.0 after"), "{description}");
    // The after line breaks where a rating is missing instead of inventing one.
    let after_line = find(&root, ".chart__line--after").get_attribute("d").unwrap();
    assert_eq!(after_line.matches('M').count(), 2, "{after_line}");
}

#[wasm_bindgen_test]
async fn first_play_asks_about_warning_signs_then_the_routines_cautions() {
    reset_app_storage(&[]);
    let (root, _app) = mount_app_at("/routine/hip-unwind/play").await;
    assert_eq!(
        find(&root, "h1").text_content().unwrap(),
        "Before your first session"
    );
    assert!(root.query_selector(".player-intro").unwrap().is_none());
    let button = |text: &str| {
        let buttons = root.query_selector_all("button").unwrap();
        (0..buttons.length())
            .map(|index| buttons.get(index).unwrap().unchecked_into::<HtmlElement>())
            .find(|button| button.text_content().unwrap().contains(text))
            .unwrap_or_else(|| panic!("no button {text}"))
    };
    button("None of these apply").click();
    leptos::task::tick().await;
    assert!(find(&root, "h1")
        .text_content()
        .unwrap()
        .starts_with("Before you start:"));
    assert!(root.query_selector_all(".cautions li").unwrap().length() >= 3);
    button("I have read these").click();
    leptos::task::tick().await;
    assert!(find(&root, ".player-intro")
        .text_content()
        .unwrap()
        .contains("How much does it hurt"));
    let stored = local_storage().get_item("kneadtime.safety").unwrap().unwrap();
    assert!(stored.contains("\"id\":\"hip-unwind\""), "{stored}");
}
