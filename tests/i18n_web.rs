//! Languages in a real browser: the plural rules against `Intl.PluralRules`, and the
//! page language following the active catalogue.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Intl, Object};
use kneadtime::platform::i18n::{locale, set_texts, t, tn};
use kneadtime_core::i18n::{Catalog, Locale};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{document, use_english};

#[wasm_bindgen_test]
fn plural_rules_agree_with_the_browser_for_every_locale() {
    let counts: Vec<u64> = (0..=250)
        .chain([1_000, 1_001, 100_000, 1_000_000, 2_000_000, 3_000_001])
        .collect();
    for locale in Locale::ALL {
        let rules = Intl::PluralRules::new(&Array::of1(&JsValue::from_str(locale.tag())), &Object::new());
        for &n in &counts {
            let browser = rules.select(n as f64).as_string().unwrap();
            assert_eq!(locale.plural(n).name(), browser, "{} for {n}", locale.tag());
        }
    }
}

#[wasm_bindgen_test]
fn the_page_language_follows_the_active_texts() {
    set_texts(
        Catalog::parse(
            Locale::German,
            r#"{"demo": {"x": "Hallo", "n": {"one": "{count} Schritt", "other": "{count} Schritte"}}}"#,
        )
        .unwrap(),
    );
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(locale(), Locale::German);
    assert_eq!(t("demo.x"), "Hallo");
    assert_eq!(tn("demo.n", 3, &[]), "3 Schritte");
    use_english();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
fn a_routines_own_words_carry_their_language_and_standard_texts_the_pages() {
    use kneadtime::components::step_item::StepItem;
    use kneadtime_core::breathing::BreathingPattern;
    use kneadtime_core::howto::default_instructions;
    use kneadtime_core::routine::{Area, Pressure, Side, Step, Technique, Tool};
    use leptos::mount::mount_to;
    use leptos::prelude::*;

    let german = Catalog::parse(Locale::German, include_str!("../locales/de.json")).unwrap();
    let own = Step {
        technique: Technique::Kneading,
        area: Area::Piriformis,
        side: Side::None,
        duration_secs: 60,
        pressure: Pressure::Medium,
        tool: Tool::MassageBall,
        instructions: "Go gently on the right side.".into(),
        breathing: None,
        position: None,
    };
    let mut standard = own.clone();
    standard.instructions = default_instructions(&german, standard.technique, standard.area, standard.tool);
    set_texts(german);
    let root = dom::container_keeping_texts();
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <ol>
                <StepItem
                    step=own.clone()
                    number=1
                    breathing=BreathingPattern::Box
                    words=Some(Locale::English)
                />
                <StepItem
                    step=standard.clone()
                    number=2
                    breathing=BreathingPattern::Box
                    words=Some(Locale::English)
                />
                <StepItem
                    step=own.clone()
                    number=3
                    breathing=BreathingPattern::Box
                    words=Some(Locale::German)
                />
            </ol>
        }
    });
    let langs: Vec<Option<String>> = (0..3)
        .map(|index| {
            let how = root
                .query_selector_all(".step-item__how")
                .unwrap()
                .item(index)
                .unwrap();
            how.unchecked_into::<web_sys::Element>().get_attribute("lang")
        })
        .collect();
    assert_eq!(langs, [Some("en".to_string()), None, None]);
    use_english();
}
