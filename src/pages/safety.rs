//! `/safety`: the warning signs, what to do about them, and the cautions for every session.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::safety_check::{RedFlagAdvice, RedFlagList};
use crate::platform::clock::utc_offset_minutes;
use crate::state::use_app_state;
use kneadtime_core::calendar::{format_day, local_day};

#[component]
pub fn SafetyPage() -> impl IntoView {
    let safety = use_app_state().safety();
    let applies = RwSignal::new(false);
    let confirmed = move || {
        safety.with(|record| record.red_flags_confirmed_at).map(|at| {
            view! {
                <p class="field__hint">
                    {format!(
                        "You confirmed none of these applied on {}. ",
                        format_day(local_day(at, utc_offset_minutes()), &crate::platform::i18n::texts()),
                    )}
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| safety.update(|record| record.red_flags_confirmed_at = None)
                    >
                        "Ask me again before my next session"
                    </button>
                </p>
            }
        })
    };
    view! {
        <Title text="Safety" />
        <h1>"When to see a professional"</h1>
        <p class="lead">
            "Kneadtime guides self-massage for everyday muscle aches. It cannot tell what is causing your pain. "
            "These signs need a doctor or physiotherapist before any self-massage."
        </p>
        <RedFlagList />
        <Show
            when=move || applies.get()
            fallback=move || {
                view! {
                    <button type="button" class="button" on:click=move |_| applies.set(true)>
                        "One of these applies to me"
                    </button>
                }
            }
        >
            <RedFlagAdvice />
        </Show>
        {confirmed}
        <section aria-labelledby="during-heading">
            <h2 id="during-heading">"During any session"</h2>
            <ul class="plain-list">
                <li>"Stop if you feel tingling, numbness, burning, or pain shooting down a leg."</li>
                <li>
                    "Pressure should feel strong but bearable, about 6 out of 10. You should be able to breathe slowly through it."
                </li>
                <li>
                    "Keep tools off bones, the spine, the back of the knee and the front of the hip where you feel a pulse."
                </li>
                <li>"Skip areas that are bruised, swollen, hot, broken or have varicose veins."</li>
                <li>
                    "Some tenderness the next day is common. Pain that stays higher for more than a day or two means easing off, and seeing a professional if it persists."
                </li>
            </ul>
        </section>
        <p>
            <A href="/about">"About Kneadtime"</A>
        </p>
    }
}
