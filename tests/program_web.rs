//! Programs in a real browser (headless Chromium): the Today card from a stored
//! program, a stored program that cannot be read, and the weekday picker.
#![cfg(target_arch = "wasm32")]

use kneadtime::components::weekday_picker::WeekdayPicker;
use kneadtime::platform::clock::today;
use kneadtime_core::followed_program::{follow, ProgramDocument};
use kneadtime_core::program::{Phase, Program, ProgramRoutine};
use kneadtime_core::store::Document;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{appears, container, find, kept, local_storage, mount_app_at, reset_app_storage};

/// A program with a session every day, started today: today always has one planned.
fn every_day_from_today() -> String {
    let program = Program {
        title: "Every day for a week".into(),
        author: "Sam".into(),
        note: String::new(),
        language: None,
        phases: vec![Phase {
            weeks: 1,
            routines: vec![ProgramRoutine::BuiltIn {
                id: "hip-unwind".into(),
                revision: 1,
            }],
            weekdays: [true; 7],
            minute_of_day: 8 * 60,
        }],
        ease_off_rule: false,
    };
    ProgramDocument(Some(follow(None, program, today(), "pg-webtest01".into()))).to_stored()
}

#[wasm_bindgen_test]
async fn the_home_page_shows_todays_planned_routine_from_the_stored_program() {
    reset_app_storage(&[("kneadtime.program", &every_day_from_today())]);
    let (root, _app) = mount_app_at("/").await;
    let card = appears(&root, ".today-card").await;
    let text = card.text_content().unwrap();
    assert!(text.contains("Every day for a week"), "{text}");
    assert!(
        text.contains("Planned for today: Side and front of hip unwind."),
        "{text}"
    );
    assert_eq!(
        find(&card, "button").text_content().unwrap().trim(),
        "Start Side and front of hip unwind"
    );
}

#[wasm_bindgen_test]
async fn without_a_program_the_home_page_has_no_today_card() {
    reset_app_storage(&[]);
    let (root, _app) = mount_app_at("/").await;
    for _ in 0..10 {
        leptos::task::tick().await;
    }
    assert!(root.query_selector(".today-card").unwrap().is_none());
    assert!(
        local_storage().get_item("kneadtime.program").unwrap().is_none(),
        "nothing written"
    );
}

#[wasm_bindgen_test]
async fn a_stored_program_that_cannot_be_read_is_kept_and_the_person_told() {
    let damaged = r#"{"schema":1,"followed":{"id":"pg-x","program":{"title":""}}}"#;
    reset_app_storage(&[("kneadtime.program", damaged)]);
    let (root, _app) = mount_app_at("/my-program").await;
    let none = appears(&root, ".missing .lead").await;
    assert_eq!(
        none.text_content().unwrap(),
        "You do not follow a program. A therapist can send you one as a link."
    );
    let notice = find(&root, ".notice--error").text_content().unwrap();
    assert!(notice.contains("Your program could not be read"), "{notice}");
    assert_eq!(kept("program"), [damaged]);
}

#[wasm_bindgen_test]
async fn the_weekday_picker_reports_each_day_it_toggles() {
    let root = container();
    let days = RwSignal::new([true, false, true, false, true, false, false]);
    let toggled = RwSignal::new(Vec::new());
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <WeekdayPicker
                legend="Days"
                days=days
                on_toggle=Callback::new(move |(day, on): (usize, bool)| {
                    toggled.update(|seen| seen.push((day, on)));
                    days.update(|days| days[day] = on);
                })
            />
        }
    });
    let boxes = root.query_selector_all("input[type=checkbox]").unwrap();
    assert_eq!(boxes.length(), 7);
    let checkbox = |index: u32| boxes.get(index).unwrap().unchecked_into::<HtmlInputElement>();
    let checked: Vec<bool> = (0..7).map(|index| checkbox(index).checked()).collect();
    assert_eq!(checked, [true, false, true, false, true, false, false]);
    assert_eq!(find(&root, "legend").text_content().unwrap(), "Days");
    assert_eq!(find(&root, "label span").text_content().unwrap(), "Mon");
    checkbox(1).click();
    checkbox(0).click();
    leptos::task::tick().await;
    assert_eq!(toggled.get_untracked(), [(1, true), (0, false)]);
    assert_eq!(
        days.get_untracked(),
        [false, true, true, false, true, false, false]
    );
}

#[wasm_bindgen_test]
fn saving_no_program_removes_the_stored_one() {
    reset_app_storage(&[("kneadtime.program", &every_day_from_today())]);
    kneadtime::platform::storage::save(&ProgramDocument(None)).unwrap();
    assert!(local_storage().get_item("kneadtime.program").unwrap().is_none());
    // So the home page knows, without reading anything, that there is no Today card.
    assert!(!kneadtime::platform::storage::has_document::<ProgramDocument>());
}
