//! `/safety`: the warning signs, what to do about them, and the cautions for every session.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::safety_check::{advice_of, WarningSignAdvice, WarningSignList};
use crate::platform::clock::utc_offset_minutes;
use crate::platform::i18n::{t, texts, tf};
use crate::state::use_app_state;
use kneadtime_core::calendar::{format_day, local_day};

#[component]
pub fn SafetyPage() -> impl IntoView {
    let safety = use_app_state().safety();
    let ticked = RwSignal::new(Vec::new());
    let advice = Signal::derive(move || ticked.with(|ticked| advice_of(ticked)));
    let confirmed = move || {
        safety.with(|record| record.red_flags_confirmed_at).map(|at| {
            let day = format_day(local_day(at, utc_offset_minutes()), &texts());
            view! {
                <p class="field__hint">
                    {tf("safety_page.confirmed_on", &[("day", &day)])} " "
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| safety.update(|record| record.ask_again())
                    >
                        {t("safety_page.ask_again")}
                    </button>
                </p>
            }
        })
    };
    view! {
        <Title text=t("safety_page.title") />
        <h1>{t("safety_page.heading")}</h1>
        <p class="lead">{t("safety_page.lead")}</p>
        <WarningSignList ticked=ticked />
        <WarningSignAdvice advice=advice />
        {confirmed}
        <section aria-labelledby="during-heading">
            <h2 id="during-heading">{t("safety_page.during_heading")}</h2>
            <ul class="plain-list">
                <li>{t("safety_page.during_stop")}</li>
                <li>{t("safety_page.during_pressure")}</li>
                <li>{t("safety_page.during_tools")}</li>
                <li>{t("safety_page.during_skip")}</li>
                <li>{t("safety_page.during_next_day")}</li>
            </ul>
        </section>
        <p>
            <A href="/about">{t("app.about_link")}</A>
        </p>
    }
}
