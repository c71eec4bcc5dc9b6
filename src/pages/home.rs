use leptos::prelude::*;
use leptos_meta::Title;

use leptos_router::components::A;

use crate::components::icon::{Icon, IconName};
use crate::components::routine_card::RoutineCard;
use crate::pages::lazy::{self, LazyPart, Loader};
use crate::platform::clock::now_ms;
use crate::platform::i18n::{t, tf};
use crate::platform::pwa::{prompt_install, InstallOption};
use crate::platform::storage::has_document;
use crate::player::saved_session;
use crate::state::use_app_state;
use kneadtime_core::format::countdown;
use kneadtime_core::library_filter::LibraryFilter;
use kneadtime_core::my_routines::{Provenance, SavedRoutine};
use kneadtime_core::saved_session::SavedSession;
use kneadtime_core::session::Status;
use std::sync::Arc;

/// The routine library.
#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app_state();
    let filter = RwSignal::new(LibraryFilter::default());
    lazy::prefetch_routine_page();
    view! {
        <Title text="" />
        <section class="intro">
            <h1>{t("home.heading")}</h1>
            <p>{t("home.intro")}</p>
        </section>
        // Only a person who left a session running needs the session engine to see it.
        {has_document::<SavedSession>()
            .then(|| {
                view! {
                    <LazyPart
                        failed=t("home.unfinished_not_loaded")
                        load=Arc::new(|| Box::pin(lazy::unfinished_session::load()))
                    />
                }
            })}
        // Only a person following a program needs its code (and their history) to see today's plan.
        {state
            .has_program()
            .then(|| {
                view! {
                    <LazyPart
                        failed=t("home.today_not_loaded")
                        load=Arc::new(|| Box::pin(lazy::today_card::load()))
                    />
                }
            })}
        <A href="/where-it-hurts">
            <span class="continue-card where-card">
                <Icon name=IconName::TriggerPoint />
                <span>
                    <strong>{t("home.where_it_hurts")}</strong>
                    <span class="continue-card__detail">{t("home.where_it_hurts_hint")}</span>
                </span>
            </span>
        </A>
        <MyRoutines />
        <section aria-labelledby="library-heading">
            <h2 id="library-heading">{t("home.library_heading")}</h2>
            <FindRoutine filter=filter />
            <ul class="routine-list">
                <For
                    each=move || {
                        let filter = filter.get();
                        state
                            .routines
                            .get()
                            .into_iter()
                            .filter(|routine| filter.matches(routine))
                            .collect::<Vec<_>>()
                    }
                    key=|routine| (routine.id.clone(), routine.revision)
                    let(routine)
                >
                    <li>
                        <RoutineCard routine=routine />
                    </li>
                </For>
            </ul>
        </section>
        // Last: the browser offers installing a moment after load, and nothing may jump when it does.
        <InstallOffer />
    }
}

/// "Find a routine": the library's filters, closed at first; their code is fetched when
/// they are opened, and closing them shows the whole library again.
#[component]
fn FindRoutine(
    /// What the library list shows; the filters write it.
    filter: RwSignal<LibraryFilter>,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    let load: Loader = Arc::new(move || Box::pin(lazy::library_filter::load(filter)));
    view! {
        <details
            class="find-routine"
            on:toggle=move |event| {
                let open = event_target::<web_sys::Element>(&event).has_attribute("open");
                opened.set(open);
                if !open {
                    filter.set(LibraryFilter::default());
                }
            }
        >
            <summary>{t("home.find_routine")}</summary>
            <Show when=move || opened.get()>
                <LazyPart failed=t("home.filter_not_loaded") load=load.clone() />
            </Show>
        </details>
    }
}

/// A session left running or paused on an earlier visit, one tap from picking it up.
#[component]
pub fn UnfinishedSession() -> impl IntoView {
    let saved = match saved_session() {
        Ok(saved) => saved,
        Err(problem) => {
            return view! {
                <p class="notice" role="status">
                    {problem}
                </p>
            }
            .into_any()
        }
    };
    let Some(saved) = saved else { return ().into_any() };
    let state = saved.session.state_at(now_ms());
    let Some(current) = state.current.filter(|_| state.status.is_active()) else {
        return ().into_any();
    };
    let step = (current.step + 1).to_string();
    let total = saved.routine.steps.len().to_string();
    let left = countdown(state.routine_remaining_ms);
    let args = [
        ("step", step.as_str()),
        ("total", total.as_str()),
        ("left", left.as_str()),
    ];
    let detail = if state.status == Status::Paused {
        tf("home.paused_at", &args)
    } else {
        tf("home.running_at", &args)
    };
    view! {
        <A href=format!("/routine/{}/play", saved.routine.id)>
            <span class="continue-card">
                <Icon name=IconName::Play />
                <span>
                    <strong>{tf("home.continue", &[("title", &saved.routine.title)])}</strong>
                    <span class="continue-card__detail">{detail}</span>
                </span>
            </span>
        </A>
    }
    .into_any()
}

/// "My routines": the person's own routines, read (and their code fetched) only if there are any.
#[component]
fn MyRoutines() -> impl IntoView {
    let state = use_app_state();
    view! {
        <section aria-labelledby="mine-heading" class="my-routines">
            <h2 id="mine-heading">{t("home.mine_heading")}</h2>
            {if state.has_own_routines() {
                view! {
                    <LazyPart
                        failed=t("home.mine_not_loaded")
                        load=Arc::new(|| Box::pin(lazy::own_routine_list::load()))
                    />
                }
                    .into_any()
            } else {
                view! { <NoOwnRoutines /> }.into_any()
            }}
        </section>
    }
}

/// What "My routines" says while it is empty.
#[component]
fn NoOwnRoutines() -> impl IntoView {
    // The prerendered home page's stand-in: hidden from a person who has routines.
    view! {
        <p class="my-routines__empty" data-unless-stored="routines">
            {t("home.mine_empty")}
        </p>
    }
}

/// The person's own routines (made or received), each removable with an undo.
#[component]
pub fn OwnRoutineList() -> impl IntoView {
    let mine = use_app_state().my_routines();
    // The last removed routine and where it was, for "Undo".
    let removed = RwSignal::new(None::<(usize, SavedRoutine)>);
    let remove = move |id: String| {
        mine.update(|mine| {
            if let Some(index) = mine.0.iter().position(|saved| saved.routine.id == id) {
                removed.set(Some((index, mine.0.remove(index))));
            }
        })
    };
    let undo = move |_| {
        if let Some((index, saved)) = removed.get_untracked() {
            mine.update(|mine| mine.0.insert(index.min(mine.0.len()), saved));
            removed.set(None);
        }
    };
    view! {
        {move || {
            removed
                .get()
                .map(|(_, saved)| {
                    view! {
                        <div class="notice" role="status">
                            <p>{tf("home.removed", &[("title", &saved.routine.title)])}</p>
                            <button type="button" class="button" on:click=undo>
                                {t("home.undo")}
                            </button>
                        </div>
                    }
                })
        }}
        <Show when=move || mine.with(|mine| !mine.0.is_empty()) fallback=NoOwnRoutines>
            <ul class="routine-list">
                <For
                    each=move || mine.get().0
                    key=|saved| (saved.routine.id.clone(), saved.routine.revision)
                    let(saved)
                >
                    {
                        let id = saved.routine.id.clone();
                        let received = saved.provenance == Provenance::Received;
                        view! {
                            <li class="my-routine">
                                <RoutineCard routine=saved.routine.clone() />
                                <div class="my-routine__actions">
                                    {received
                                        .then(|| view! { <span class="chip">{t("home.received")}</span> })}
                                    <button
                                        type="button"
                                        class="button button--quiet"
                                        aria-label=tf("home.remove_named", &[("title", &saved.routine.title)])
                                        on:click=move |_| remove(id.clone())
                                    >
                                        <Icon name=IconName::Close />
                                        {t("home.remove")}
                                    </button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}

/// "Install app" where the browser offers it, or how to add it to the home screen on iOS.
#[component]
fn InstallOffer() -> impl IntoView {
    let state = use_app_state();
    move || match state.install.get() {
        InstallOption::None => ().into_any(),
        InstallOption::Prompt => view! {
            <div class="install">
                <p>{t("home.install_prompt")}</p>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| prompt_install(state.install_prompt)
                >
                    {t("home.install_button")}
                </button>
            </div>
        }
        .into_any(),
        InstallOption::AddToHomeScreen => view! {
            <div class="install">
                <p>{t("home.install_ios")}</p>
            </div>
        }
        .into_any(),
    }
}
