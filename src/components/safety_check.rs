use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};
use super::routine_card::RoutineCard;
use crate::platform::clock::now_ms;
use crate::platform::i18n::{t, texts, tf};
use crate::state::use_app_state;
use kneadtime_core::routine::Routine;
use kneadtime_core::safety::{advice_for, routine_cautions, Advice, Caution, Precaution, Urgency, RED_FLAGS};

/// The warning signs, grouped by how soon to get help, each one a checkbox.
#[component]
pub fn WarningSignList(
    /// The signs ticked, as positions in [`RED_FLAGS`]; ticking writes it.
    ticked: RwSignal<Vec<usize>>,
) -> impl IntoView {
    let group = move |urgency: Urgency| {
        let signs = RED_FLAGS
            .iter()
            .enumerate()
            .filter(|(_, flag)| flag.urgency == urgency)
            .map(|(index, flag)| {
                let toggle = move |event| {
                    let on = event_target_checked(&event);
                    ticked.update(|ticked| {
                        ticked.retain(|other| *other != index);
                        if on {
                            ticked.push(index);
                        }
                    });
                };
                view! {
                    <li>
                        <label class="check red-flags__sign">
                            <input
                                type="checkbox"
                                prop:checked=move || ticked.with(|ticked| ticked.contains(&index))
                                on:change=toggle
                            />
                            <span>{flag.text(&texts()).to_string()}</span>
                        </label>
                    </li>
                }
            })
            .collect_view();
        let id = format!("signs-{urgency:?}").to_lowercase();
        let labelled_by = id.clone();
        let (modifier, icon) = match urgency {
            Urgency::Emergency => ("red-flags__group--emergency", IconName::Caution),
            Urgency::Urgent => ("red-flags__group--urgent", IconName::Caution),
            Urgency::SeeSomeone => ("", IconName::Info),
        };
        view! {
            <section class=format!("red-flags__group {modifier}") aria-labelledby=labelled_by>
                <h2 id=id>
                    <Icon name=icon />
                    {t(urgency.heading_key())}
                </h2>
                <p>{t(urgency.intro_key())}</p>
                <ul>{signs}</ul>
                // Right under the signs that call for it, not a phone's length further down.
                {(urgency == Urgency::Emergency)
                    .then_some(move || {
                        (ticked.with(|ticked| advice_of(ticked)) == Some(Advice::Emergency))
                            .then(|| view! { <EmergencyAdvice /> })
                    })}
            </section>
        }
    };
    view! {
        <div class="red-flags">
            <p class="red-flags__hint">{t("checks.tick_hint")}</p>
            {Urgency::ALL.map(group).collect_view()}
        </div>
    }
}

/// The advice for the ticked signs: the most urgent one decides.
pub fn advice_of(ticked: &[usize]) -> Option<Advice> {
    advice_for(ticked.iter().filter_map(|index| RED_FLAGS.get(*index)))
}

/// An emergency: call for help now. No routine, no way on to one.
#[component]
pub fn EmergencyAdvice() -> impl IntoView {
    view! {
        <div class="advice advice--emergency" role="alert">
            <h2>
                <Icon name=IconName::Caution />
                {t("checks.emergency_advice_heading")}
            </h2>
            <p>
                <strong>{t("checks.emergency_advice")}</strong>
            </p>
        </div>
    }
}

/// The built-in routines that every one of `precautions` allows, with their advice.
#[component]
pub fn PrecautionAdvice(
    /// The conditions the person ticked.
    precautions: Vec<Precaution>,
) -> impl IntoView {
    let advice = Advice::Precautions(precautions.clone());
    let fitting = use_app_state()
        .routines
        .get_untracked()
        .into_iter()
        .filter(|routine| advice.allows(routine))
        .map(|routine| {
            view! {
                <li>
                    <RoutineCard routine=routine />
                </li>
            }
        })
        .collect_view();
    let words = precautions
        .iter()
        .map(|precaution| view! { <li>{precaution.advice(&texts()).to_string()}</li> })
        .collect_view();
    view! {
        <div class="advice advice--precautions" role="status">
            <h2>{t("checks.precautions_heading")}</h2>
            <ul class="plain-list">{words}</ul>
            <p>{t("checks.precautions_lead")}</p>
            <ul class="routine-list">{fitting}</ul>
        </div>
    }
}

/// What to do about the ticked signs (an emergency shows among the signs themselves).
#[component]
pub fn WarningSignAdvice(
    /// The advice for what is ticked; nothing shows while nothing is.
    advice: Signal<Option<Advice>>,
) -> impl IntoView {
    move || match advice.get()? {
        // Shown inside the emergency group of the list (`WarningSignList`).
        Advice::Emergency => None,
        Advice::Precautions(precautions) => {
            Some(view! { <PrecautionAdvice precautions=precautions /> }.into_any())
        }
        other => {
            let words = if other == Advice::Urgent {
                "checks.advice_urgent"
            } else {
                "checks.advice_others"
            };
            Some(
                view! {
                    <div class="advice advice--stop" role="alert">
                        <h2>{t("checks.advice_heading")}</h2>
                        <p>{t(words)}</p>
                    </div>
                }
                .into_any(),
            )
        }
    }
}

/// Before the very first session: the warning signs, confirmed once. Signs with a
/// precaution may be confirmed too: from then on only the routines they allow play.
#[component]
pub fn RedFlagCheck() -> impl IntoView {
    let safety = use_app_state().safety();
    let ticked = RwSignal::new(Vec::new());
    let advice = Signal::derive(move || ticked.with(|ticked| advice_of(ticked)));
    let confirm =
        move |precautions: Vec<Precaution>| safety.update(|record| record.confirm(now_ms(), precautions));
    let actions = move || match advice.get() {
        None => view! {
            <button
                type="button"
                class="button button--primary button--huge"
                on:click=move |_| confirm(Vec::new())
            >
                <Icon name=IconName::Check />
                {t("checks.none_apply")}
            </button>
        }
        .into_any(),
        Some(Advice::Precautions(precautions)) => view! {
            <button
                type="button"
                class="button button--primary button--huge"
                on:click=move |_| confirm(precautions.clone())
            >
                <Icon name=IconName::Check />
                {t("checks.confirm_precautions")}
            </button>
        }
        .into_any(),
        Some(_) => view! {
            <A href="/">
                <span class="button">{t("checks.back")}</span>
            </A>
        }
        .into_any(),
    };
    view! {
        <div class="safety-check">
            <h1 tabindex="-1">{t("checks.first_heading")}</h1>
            <p class="lead">{t("checks.first_lead")}</p>
            <WarningSignList ticked=ticked />
            <WarningSignAdvice advice=advice />
            <div class="safety-check__actions">{actions}</div>
            <p class="field__hint">{t("checks.read_again")}</p>
        </div>
    }
}

/// A routine that the precautions confirmed in the warning-sign check rule out.
#[component]
pub fn NotForYou() -> impl IntoView {
    let safety = use_app_state().safety();
    let precautions = safety.with_untracked(|record| record.precautions.clone());
    view! {
        <div class="safety-check">
            <h1 tabindex="-1">{t("checks.not_for_you_heading")}</h1>
            <p class="lead">{t("checks.not_for_you")}</p>
            <PrecautionAdvice precautions=precautions />
            <div class="safety-check__actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| safety.update(|record| record.ask_again())
                >
                    {t("checks.check_again")}
                </button>
            </div>
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
