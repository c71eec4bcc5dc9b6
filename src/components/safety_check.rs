use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};
use crate::platform::clock::now_ms;
use crate::platform::i18n::{t, texts, tf};
use crate::state::use_app_state;
use kneadtime_core::routine::Routine;
use kneadtime_core::safety::{routine_cautions, Caution, Urgency, RED_FLAGS};

/// The warning signs, grouped by how soon to get help.
#[component]
pub fn RedFlagList() -> impl IntoView {
    let group = |urgency: Urgency| {
        RED_FLAGS
            .iter()
            .filter(move |flag| flag.urgency == urgency)
            .map(|flag| view! { <li>{flag.text(&texts()).to_string()}</li> })
            .collect_view()
    };
    view! {
        <div class="red-flags">
            <section class="red-flags__group red-flags__group--urgent" aria-labelledby="urgent-heading">
                <h2 id="urgent-heading">
                    <Icon name=IconName::Caution />
                    {t("checks.urgent_heading")}
                </h2>
                <p>{t("checks.urgent_intro")}</p>
                <ul>{group(Urgency::Urgent)}</ul>
            </section>
            <section class="red-flags__group" aria-labelledby="see-heading">
                <h2 id="see-heading">
                    <Icon name=IconName::Info />
                    {t("checks.see_heading")}
                </h2>
                <p>{t("checks.see_intro")}</p>
                <ul>{group(Urgency::SeeSomeone)}</ul>
            </section>
        </div>
    }
}

/// What to do when a warning sign applies.
#[component]
pub fn RedFlagAdvice() -> impl IntoView {
    view! {
        <div class="advice advice--stop" role="alert">
            <h2>{t("checks.advice_heading")}</h2>
            <p>{t("checks.advice_urgent")}</p>
            <p>{t("checks.advice_others")}</p>
        </div>
    }
}

/// Before the very first session: the warning signs, confirmed once.
#[component]
pub fn RedFlagCheck() -> impl IntoView {
    let safety = use_app_state().safety();
    let applies = RwSignal::new(false);
    view! {
        <div class="safety-check">
            <h1 tabindex="-1">{t("checks.first_heading")}</h1>
            <p class="lead">{t("checks.first_lead")}</p>
            <RedFlagList />
            <Show
                when=move || applies.get()
                fallback=move || {
                    view! {
                        <div class="safety-check__actions">
                            <button
                                type="button"
                                class="button button--primary button--huge"
                                on:click=move |_| {
                                    safety.update(|record| record.red_flags_confirmed_at = Some(now_ms()))
                                }
                            >
                                <Icon name=IconName::Check />
                                {t("checks.none_apply")}
                            </button>
                            <button type="button" class="button" on:click=move |_| applies.set(true)>
                                {t("checks.some_apply")}
                            </button>
                        </div>
                    }
                }
            >
                <RedFlagAdvice />
                <A href="/">
                    <span class="button">{t("checks.back")}</span>
                </A>
            </Show>
            <p class="field__hint">{t("checks.read_again")}</p>
        </div>
    }
}

/// Cautions as a short list.
#[component]
pub fn CautionList(
    /// The cautions to show.
    cautions: Vec<Caution>,
) -> impl IntoView {
    let items = cautions
        .into_iter()
        .map(|caution| {
            view! {
                <li>
                    <Icon name=IconName::Caution />
                    <span>{caution.text(&texts()).to_string()}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cautions">{items}</ul> }
}

/// Before the first play of a routine (at each revision): its own cautions, acknowledged once.
#[component]
pub fn CautionCheck(
    /// The routine about to be played.
    routine: Routine,
) -> impl IntoView {
    let safety = use_app_state().safety();
    let cautions = routine_cautions(&routine);
    let title = routine.title.clone();
    view! {
        <div class="safety-check">
            <h1 tabindex="-1">{tf("checks.caution_heading", &[("title", &title)])}</h1>
            <p class="lead">{t("checks.caution_lead")}</p>
            <CautionList cautions=cautions />
            <div class="safety-check__actions">
                <button
                    type="button"
                    class="button button--primary button--huge"
                    on:click=move |_| safety.update(|record| record.acknowledge(&routine))
                >
                    <Icon name=IconName::Check />
                    {t("checks.caution_read")}
                </button>
            </div>
        </div>
    }
}
