//! Sharing in a real browser: the QR code, received links and saved routines.
#![cfg(target_arch = "wasm32")]

use kneadtime::components::qr_code::QrCode;
use kneadtime_core::library::builtin_routine;
use kneadtime_core::share::encode;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{appears, container, english, find, kept, local_storage, mount_app_at, reset_storage};

/// Removes the stored routines and any copies kept of them.
fn clear_routines() {
    reset_storage(
        |key| key == "kneadtime.routines" || key.starts_with("kneadtime.recovery.routines."),
        &[],
    );
}

#[wasm_bindgen_test]
fn qr_code_is_an_svg_grid_with_a_quiet_zone() {
    let root = container();
    let _qr = mount_to(root.clone(), || {
        view! { <QrCode text="https://kneadtime.app/r#AXjaVVO9btRAEM4JHoCKEk2X".to_string() label="QR" /> }
    });
    let svg = find(&root, "svg.qr");
    assert_eq!(svg.get_attribute("aria-label").as_deref(), Some("QR"));
    let view_box = svg.get_attribute("viewBox").unwrap();
    let size: usize = view_box.rsplit(' ').next().unwrap().parse().unwrap();
    // Versions have 21, 25, 29… modules a side, plus four quiet modules each way.
    assert!(size >= 29 && (size - 8 - 21).is_multiple_of(4), "{view_box}");
    let path = find(&root, "svg.qr path").get_attribute("d").unwrap();
    // The three finder patterns: the top-left corner module is dark.
    assert!(path.starts_with("M0 0h1v1h-1z"), "{}", &path[..40]);
}

#[wasm_bindgen_test]
async fn a_damaged_link_gets_an_explanation() {
    let (root, _app) = mount_app_at("/r#AXjaVVO9btRAEM4J").await;
    assert_eq!(
        find(&root, "h1").text_content().unwrap(),
        "This routine link cannot be opened"
    );
    assert!(find(&root, ".link-error__reason")
        .text_content()
        .unwrap()
        .contains("damaged"));
}

#[wasm_bindgen_test]
async fn a_received_link_can_be_saved_and_is_recognised() {
    clear_routines();
    let mut routine = builtin_routine(&english(), "hip-unwind").unwrap();
    routine.id = "r-from-test".into();
    routine.author = "Sam Lee, RMT".into();
    routine.note = "Twice a day.".into();
    let (root, _app) = mount_app_at(&format!("/r#{}", encode(&english(), &routine))).await;
    assert_eq!(
        find(&root, ".received__from").text_content().unwrap(),
        "From Sam Lee, RMT"
    );
    assert_eq!(
        find(&root, ".received__note").text_content().unwrap(),
        "Twice a day."
    );
    let save = find(&root, ".routine-actions button.button:not(.button--primary)");
    assert!(save.text_content().unwrap().contains("Save to my routines"));
    save.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    leptos::task::tick().await;
    assert!(find(&root, ".received__saved")
        .text_content()
        .unwrap()
        .contains("Saved"));
    let stored = local_storage().get_item("kneadtime.routines").unwrap().unwrap();
    assert!(
        stored.contains("r-from-test") && stored.contains("\"kind\":\"received\""),
        "{stored}"
    );
}

#[wasm_bindgen_test]
async fn an_unreadable_saved_routine_is_kept_aside() {
    clear_routines();
    let good = builtin_routine(&english(), "desk-break-reset").unwrap();
    let stored = serde_json::json!({
        "schema": 1,
        "routines": [
            { "routine": good, "provenance": { "kind": "made" } },
            { "routine": { "id": "broken" }, "provenance": { "kind": "made" } }
        ]
    })
    .to_string();
    local_storage().set_item("kneadtime.routines", &stored).unwrap();
    let (root, _app) = mount_app_at("/").await;
    // "My routines" reads them (and says what it could not read) as it loads.
    appears(&root, ".my-routines .routine-card").await;
    assert!(appears(&root, ".notice")
        .await
        .text_content()
        .unwrap()
        .contains("Some of your saved routines could not be read (1 routine)"));
    assert_eq!(
        root.query_selector_all(".my-routines .routine-card")
            .unwrap()
            .length(),
        1
    );
    assert_eq!(kept("routines"), [stored]);
    clear_routines();
}

#[wasm_bindgen_test]
async fn the_install_offer_follows_the_browsers_prompt() {
    use kneadtime::platform::pwa::{follow_install_option, is_standalone, InstallOption};
    assert!(!is_standalone());
    let owner = Owner::new();
    let (option, prompt) = owner.with(|| {
        let option = RwSignal::new(InstallOption::None);
        let prompt = StoredValue::new_local(None);
        follow_install_option(option, prompt);
        (option, prompt)
    });
    assert_eq!(option.get_untracked(), InstallOption::None);
    let offer = web_sys::Event::new_with_event_init_dict("beforeinstallprompt", &{
        let init = web_sys::EventInit::new();
        init.set_cancelable(true);
        init
    })
    .unwrap();
    web_sys::window().unwrap().dispatch_event(&offer).unwrap();
    assert_eq!(option.get_untracked(), InstallOption::Prompt);
    assert!(
        offer.default_prevented(),
        "the browser's own install bar is held back"
    );
    assert!(prompt.get_value().is_some());
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("appinstalled").unwrap())
        .unwrap();
    assert_eq!(option.get_untracked(), InstallOption::None);
    drop(owner);
}
