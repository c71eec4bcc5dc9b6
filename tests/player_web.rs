//! The player's pieces and browser adapters in a real browser (headless Chromium).
#![cfg(target_arch = "wasm32")]

use kneadtime::components::body_map::BodyMap;
use kneadtime::components::breath_pacer::BreathPacer;
use kneadtime::components::timer_ring::TimerRing;
use kneadtime::platform::audio::CuePlayer;
use kneadtime_core::breathing::{BreathState, BreathingPattern};
use kneadtime_core::cues::tone;
use kneadtime_core::routine::{Area, Side};
use kneadtime_core::session::CueKind;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{container, document, find, kept, local_storage, mount_app_at, reset_app_storage};

/// Mounts the app at `path` after putting `stored` into localStorage (and clearing the app's keys).
async fn app_with_storage(path: &str, stored: &[(&str, &str)]) -> (HtmlElement, impl Sized) {
    reset_app_storage(stored);
    mount_app_at(path).await
}

#[wasm_bindgen_test]
async fn unreadable_settings_are_kept_aside_and_explained() {
    let (root, _app) = app_with_storage("/settings", &[("kneadtime.settings", "{not json")]).await;
    assert!(find(&root, ".notice")
        .text_content()
        .unwrap()
        .contains("Your settings could not be read"));
    assert_eq!(kept("settings"), ["{not json"]);
    // The defaults were saved in its place, readable again.
    assert!(local_storage()
        .get_item("kneadtime.settings")
        .unwrap()
        .unwrap()
        .contains("\"schema\":2"));
}

#[wasm_bindgen_test]
async fn choosing_a_theme_applies_and_saves_it() {
    let (root, _app) = app_with_storage("/settings", &[]).await;
    let dark = root
        .query_selector_all("input[name=theme]")
        .unwrap()
        .get(2)
        .unwrap()
        .unchecked_into::<HtmlInputElement>();
    dark.click();
    leptos::task::tick().await;
    let html = document().document_element().unwrap();
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("dark"));
    assert!(local_storage()
        .get_item("kneadtime.settings")
        .unwrap()
        .unwrap()
        .contains("\"theme\":\"dark\""));
    root.query_selector_all("input[name=theme]")
        .unwrap()
        .get(0)
        .unwrap()
        .unchecked_into::<HtmlInputElement>()
        .click();
    leptos::task::tick().await;
    assert_eq!(html.get_attribute("data-theme"), None);
}

#[wasm_bindgen_test]
async fn a_broken_saved_session_is_kept_and_the_player_still_starts() {
    let broken = r#"{"schema":2,"routine":{"id":"x"}}"#;
    let confirmed =
        r#"{"schema":1,"red_flags_confirmed_at":1,"routines":[{"id":"desk-break-reset","revision":1}]}"#;
    let (root, _app) = app_with_storage(
        "/routine/desk-break-reset/play",
        &[("kneadtime.session", broken), ("kneadtime.safety", confirmed)],
    )
    .await;
    assert!(find(&root, ".notice")
        .text_content()
        .unwrap()
        .contains("Your unfinished session could not be read"));
    assert_eq!(kept("session"), [broken]);
    assert_eq!(local_storage().get_item("kneadtime.session").unwrap(), None);
    assert!(find(&root, ".player-intro")
        .text_content()
        .unwrap()
        .contains("Start"));
}

#[wasm_bindgen_test]
async fn timer_ring_empties_in_whole_seconds() {
    let remaining = RwSignal::new(60_000u64);
    let root = container();
    let _ring = mount_to(root.clone(), move || {
        view! { <TimerRing remaining_ms=remaining duration_ms=Signal::stored(60_000u64)><span>"x"</span></TimerRing> }
    });
    let offset = || {
        find(&root, ".timer-ring__progress")
            .get_attribute("stroke-dashoffset")
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    assert_eq!(offset(), 0.0);
    // 30.4 s left shows as 31 s, like the countdown digits.
    remaining.set(30_400);
    leptos::task::tick().await;
    let circumference = 2.0 * std::f64::consts::PI * 92.0;
    assert!(
        (offset() - circumference * 29.0 / 60.0).abs() < 0.01,
        "{}",
        offset()
    );
    remaining.set(0);
    leptos::task::tick().await;
    assert!((offset() - circumference).abs() < 0.01);
}

#[wasm_bindgen_test]
async fn breath_pacer_restarts_its_shape_only_when_a_phase_begins() {
    let pattern = BreathingPattern::ExtendedExhale;
    let now = RwSignal::new(100_000u64);
    let breath = RwSignal::new(Some(pattern.state_at(1_500)));
    let root = container();
    let _pacer = mount_to(root.clone(), move || {
        view! { <BreathPacer breath=breath running=Signal::stored(true) now_ms=now /> }
    });
    let shape = || find(&root, ".pacer__shape");
    let first = shape();
    assert!(first.class_name().contains("pacer__shape--inhale"));
    let style = first.get_attribute("style").unwrap();
    assert!(
        style.contains("animation-duration:4000ms") && style.contains("animation-delay:-1500ms"),
        "{style}"
    );
    // Time passes within the phase: the same element keeps animating.
    let advance = |ms: u64, offset: u64| {
        now.set(100_000 + ms);
        breath.set(Some(pattern.state_at(offset)));
    };
    advance(1_000, 2_500);
    leptos::task::tick().await;
    assert!(shape() == first, "redrawn mid-phase");
    // The exhale begins: a fresh shape, shrinking from its start.
    advance(2_500, 4_000);
    leptos::task::tick().await;
    let exhale: BreathState = pattern.state_at(4_000);
    assert_eq!(exhale.phase_elapsed_ms, 0);
    assert!(shape() != first);
    assert!(shape().class_name().contains("pacer__shape--exhale"));
    assert!(shape()
        .get_attribute("style")
        .unwrap()
        .contains("animation-delay:-0ms"));
}

#[wasm_bindgen_test]
fn body_map_marks_the_worked_side() {
    let root = container();
    let _left = mount_to(
        root.clone(),
        || view! { <BodyMap area=Area::GluteusMaximus side=Side::Left /> },
    );
    assert_eq!(root.query_selector_all(".body-map__zone").unwrap().length(), 1);
    let label = find(&root, "svg").get_attribute("aria-label").unwrap();
    assert_eq!(label, "Glute (gluteus maximus), left side, seen from behind");
    let both = container();
    let _both = mount_to(
        both.clone(),
        || view! { <BodyMap area=Area::GluteusMaximus side=Side::Both /> },
    );
    assert_eq!(both.query_selector_all(".body-map__zone").unwrap().length(), 2);
}

#[wasm_bindgen_test]
fn cue_player_queues_notes_ahead_and_cancels_pending_ones() {
    // Count oscillator starts and cancelling stops (a stop at time 0, before the start).
    js_sys::Function::new_no_args(
        "window.__osc = { started: 0, cancelled: 0 };
         const start = OscillatorNode.prototype.start, stop = OscillatorNode.prototype.stop;
         OscillatorNode.prototype.start = function (when) { window.__osc.started++; return start.call(this, when); };
         OscillatorNode.prototype.stop = function (when) { if (when === 0) window.__osc.cancelled++; return stop.call(this, when); };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let count = |field: &str| {
        let osc = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__osc".into()).unwrap();
        js_sys::Reflect::get(&osc, &field.into())
            .unwrap()
            .as_f64()
            .unwrap() as u32
    };
    let mut player = CuePlayer::default();
    let switch = tone(CueKind::SwitchSides {
        step: 0,
        to: Side::Right,
    });
    // Locked players stay silent.
    player.schedule(1_000, switch, 0);
    assert_eq!(count("started"), 0);
    player.unlock(50);
    player.schedule(5_000, switch, 0);
    player.schedule(500, tone(CueKind::Halfway { step: 0 }), 0);
    // Long past: skipped, not played late.
    player.schedule(1_000, switch, 60_000);
    assert_eq!(count("started") as usize, switch.len() + 1);
    // At 1 s the halfway tone has started; only the switch tone is still pending.
    player.cancel_pending(1_000);
    assert_eq!(count("cancelled") as usize, switch.len());
    player.cancel_pending(1_000);
    assert_eq!(count("cancelled") as usize, switch.len());
}
