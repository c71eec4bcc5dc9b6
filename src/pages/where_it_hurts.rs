//! `/where-it-hurts`: choose the painful places on a body map (or in a list) and get
//! the routines that spend the most time there, each with its reason. Pain running down
//! the leg gets the warning-sign advice instead of any massage; numbness between the
//! legs (the saddle area) gets the same emergency advice, in the same words, as the
//! warning-sign check.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::check_box::CheckBox;
use crate::components::icon::{Icon, IconName};
use crate::components::pain_map::PainMap;
use crate::components::routine_card::RoutineCard;
use crate::components::safety_check::EmergencyAdvice;
use crate::platform::i18n::{t, texts, tf, tn};
use crate::state::use_app_state;
use kneadtime_core::plan::Plan;
use kneadtime_core::routine::Routine;
use kneadtime_core::safety::signs::SADDLE_NUMBNESS;
use kneadtime_core::suggest::{suggest, Answer, BodySide, MapChoices, Region, Spot, Suggestion};

#[component]
pub fn WhereItHurtsPage() -> impl IntoView {
    // The places, and the warning signs: ticked apart, read as one set of choices.
    let places = RwSignal::new(MapChoices::default());
    let runs_down_leg = RwSignal::new(false);
    let numbness = RwSignal::new(false);
    let chosen = Signal::derive(move || {
        let mut chosen = places.get();
        chosen.runs_down_leg = runs_down_leg.get();
        chosen.numbness = numbness.get();
        chosen
    });
    let chosen_count = move || {
        let count = chosen.with(|chosen| chosen.spots().len());
        if count == 0 {
            t("map.none_chosen")
        } else {
            tn("map.chosen", count as u64, &[])
        }
    };
    view! {
        <Title text=t("map.title") />
        <h1>{t("map.title")}</h1>
        <p class="lead">{t("map.intro")}</p>
        <p class="field__hint">{t("map.keys_hint")}</p>
        <PainMap chosen=places />
        <div class="pain-map__status">
            <p aria-live="polite" class="pain-map__count">
                {chosen_count}
            </p>
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| {
                    places.set(MapChoices::default());
                    runs_down_leg.set(false);
                    numbness.set(false);
                }
            >
                <Icon name=IconName::Close />
                {t("map.clear")}
            </button>
        </div>
        // What each chosen circle is, in words, for the eyes (the live message says how many).
        <ul class="chips pain-map__chosen">
            {move || {
                chosen
                    .with(|chosen| chosen.spots().to_vec())
                    .into_iter()
                    .map(|spot| view! { <li class="chip">{spot.name(&texts())}</li> })
                    .collect_view()
            }}
        </ul>
        <PlaceList chosen=places />
        <WarningChoices runs_down_leg=runs_down_leg numbness=numbness />
        <Suggestions chosen=chosen />
        <p class="field__hint">{t("map.not_diagnosis")}</p>
    }
}

/// The map's places as a plain list of checkboxes, in step with the drawing.
#[component]
fn PlaceList(
    /// What is chosen; ticking a box toggles its place.
    chosen: RwSignal<MapChoices>,
) -> impl IntoView {
    let rows = Region::ALL
        .into_iter()
        .flat_map(|region| [BodySide::Left, BodySide::Right].map(|side| Spot { region, side }))
        .map(|spot| {
            view! {
                <li>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || chosen.with(|chosen| chosen.has(spot))
                            on:change=move |_| chosen.update(|chosen| chosen.toggle(spot))
                        />
                        <span>{spot.name(&texts())}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="place-list">
            <summary>{t("map.list_heading")}</summary>
            <ul class="place-list__items">{rows}</ul>
        </details>
    }
}

/// "Or does it feel like this?": the two signs that are not for massage.
#[component]
fn WarningChoices(
    /// "Pain or tingling runs down my leg" is ticked.
    runs_down_leg: RwSignal<bool>,
    /// The warning sign of numbness between the legs (the saddle area) is ticked.
    numbness: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <fieldset class="warning-choices">
            <legend>{t("map.warning_heading")}</legend>
            <CheckBox label=t("map.runs_down_leg") checked=runs_down_leg />
            <CheckBox label=t(SADDLE_NUMBNESS) checked=numbness />
        </fieldset>
    }
}

/// The map's answer: the warning-sign advice, or up to three routines with their reasons.
#[component]
fn Suggestions(
    /// What is chosen.
    chosen: Signal<MapChoices>,
) -> impl IntoView {
    let state = use_app_state();
    let mine = state.my_routines();
    let routines = move || {
        let mut all = state.routines.get();
        all.extend(mine.with(|mine| {
            mine.0
                .iter()
                .map(|saved| saved.routine.clone())
                .collect::<Vec<_>>()
        }));
        all
    };
    let answer = move || {
        let all = routines();
        (suggest(&all, &chosen.with(MapChoices::choices)), all)
    };
    // Playing one side is offered when every chosen place is on that side.
    let only_painful_side = RwSignal::new(false);
    let one_side = move || chosen.with(MapChoices::one_side);
    view! {
        <section aria-labelledby="suggestions-heading" class="suggestions">
            <h2 id="suggestions-heading">{t("map.suggestions_heading")}</h2>
            {move || match answer() {
                (Answer::Nothing, _) => view! { <p>{t("map.nothing_yet")}</p> }.into_any(),
                (Answer::SeeWarningSigns, _) => view! { <WarningAdvice chosen=chosen /> }.into_any(),
                (Answer::Routines(found), _) if found.is_empty() => {
                    view! { <p>{t("map.no_match")}</p> }.into_any()
                }
                (Answer::Routines(found), all) => {
                    let side = Signal::derive(move || one_side().filter(|_| only_painful_side.get()));
                    let cards = found
                        .into_iter()
                        .filter_map(|suggestion| {
                            let routine = all
                                .iter()
                                .find(|routine| routine.id == suggestion.routine_id)?
                                .clone();
                            Some(view! { <SuggestionCard suggestion=suggestion routine=routine side=side /> })
                        })
                        .collect_view();
                    view! {
                        <OneSideChoice side=Signal::derive(one_side) only_painful_side=only_painful_side />
                        <ol class="routine-list suggestion-list">{cards}</ol>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// "Play only my painful side", offered while every chosen place is on one side.
#[component]
fn OneSideChoice(
    /// The side every chosen place is on, if they share one.
    side: Signal<Option<BodySide>>,
    /// Whether the person wants that side alone.
    only_painful_side: RwSignal<bool>,
) -> impl IntoView {
    move || {
        side.get().map(|side| {
            let label = match side {
                BodySide::Left => t("map.one_side_left"),
                BodySide::Right => t("map.one_side_right"),
            };
            view! {
                <div class="one-side">
                    <CheckBox label=label checked=only_painful_side />
                    <p class="field__hint">{t("map.one_side_hint")}</p>
                </div>
            }
        })
    }
}

/// One suggested routine: its card, the reason, and Start.
#[component]
fn SuggestionCard(
    /// Why it is suggested.
    suggestion: Suggestion,
    /// The routine itself.
    routine: Routine,
    /// The one side to play, when the person chose it.
    side: Signal<Option<BodySide>>,
) -> impl IntoView {
    let id = routine.id.clone();
    let start = move || match side.get() {
        Some(side) => format!("/routine/{id}/play?side={}", side.slug()),
        None => format!("/routine/{id}/play"),
    };
    view! {
        <li class="suggestion">
            <RoutineCard routine=routine.clone() />
            <p class="suggestion__reason">
                {suggestion.reason.sentence(&texts(), Plan::default_length_ms(&routine))}
            </p>
            <A href=start attr:class="button button--primary suggestion__start">
                <Icon name=IconName::Play />
                <span aria-hidden="true">{t("routine.start")}</span>
                <span class="visually-hidden">{tf("map.start_named", &[("title", &routine.title)])}</span>
            </A>
        </li>
    }
}

/// The advice for the warning signs chosen, with the way to all of them.
#[component]
fn WarningAdvice(
    /// What is chosen.
    chosen: Signal<MapChoices>,
) -> impl IntoView {
    let (runs_down_leg, numbness) = chosen.with(|chosen| (chosen.runs_down_leg, chosen.numbness));
    view! {
        {numbness.then(|| view! { <EmergencyAdvice /> })}
        <div class="notice notice--error warning-advice" role=runs_down_leg.then_some("alert")>
            {runs_down_leg.then(|| view! { <p>{t("map.runs_down_leg_advice")}</p> })}
            <p>
                <A href="/safety">{t("map.warning_link")}</A>
            </p>
        </div>
    }
}
