use leptos::prelude::*;
use leptos_meta::Title;

use leptos_router::components::A;

use crate::app::use_app_state;
use crate::components::icon::{Icon, IconName};
use crate::components::routine_card::RoutineCard;
use crate::domain::format::countdown;
use crate::domain::my_routines::{Provenance, SavedRoutine};
use crate::domain::session::Status;
use crate::platform::clock::now_ms;
use crate::platform::pwa::{prompt_install, InstallOption};
use crate::player::saved_session;

/// The routine library.
#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Title text="" />
        <section class="intro">
            <h1>"Guided self-massage for hips, buttocks and lower back"</h1>
            <p>
                "Pick a routine, get into position, and follow the timer and breathing guide. "
                "Every step tells you what to do, where, how firmly and for how long."
            </p>
        </section>
        <UnfinishedSession />
        <MyRoutines />
        <section aria-labelledby="library-heading">
            <h2 id="library-heading">"Built-in routines"</h2>
            <ul class="routine-list">
                <For
                    each=move || state.routines.get()
                    key=|routine| (routine.id.clone(), routine.revision)
                    let(routine)
                >
                    <li><RoutineCard routine=routine /></li>
                </For>
            </ul>
        </section>
        // Last: the browser offers installing a moment after load, and nothing may jump when it does.
        <InstallOffer />
    }
}

/// A session left running or paused on an earlier visit, one tap from picking it up.
#[component]
fn UnfinishedSession() -> impl IntoView {
    let saved = match saved_session() {
        Ok(saved) => saved,
        Err(problem) => return view! { <p class="notice" role="status">{problem}</p> }.into_any(),
    };
    let Some(saved) = saved else { return ().into_any() };
    let state = saved.session.state_at(now_ms());
    let Some(current) = state
        .current
        .filter(|_| matches!(state.status, Status::Running | Status::Paused))
    else {
        return ().into_any();
    };
    let how = if state.status == Status::Paused {
        "Paused"
    } else {
        "Still running"
    };
    let detail = format!(
        "{how} at step {} of {} · {} left",
        current.step + 1,
        saved.routine.steps.len(),
        countdown(state.routine_remaining_ms)
    );
    view! {
        <A href=format!("/routine/{}/play", saved.routine.id)>
            <span class="continue-card">
                <Icon name=IconName::Play />
                <span>
                    <strong>{format!("Continue {}", saved.routine.title)}</strong>
                    <span class="continue-card__detail">{detail}</span>
                </span>
            </span>
        </A>
    }
    .into_any()
}

/// The person's own routines (made or received), each removable with an undo.
#[component]
fn MyRoutines() -> impl IntoView {
    let state = use_app_state();
    // The last removed routine and where it was, for "Undo".
    let removed = RwSignal::new(None::<(usize, SavedRoutine)>);
    let remove = move |id: String| {
        state.my_routines.update(|mine| {
            if let Some(index) = mine.iter().position(|saved| saved.routine.id == id) {
                removed.set(Some((index, mine.remove(index))));
            }
        })
    };
    let undo = move |_| {
        if let Some((index, saved)) = removed.get_untracked() {
            state
                .my_routines
                .update(|mine| mine.insert(index.min(mine.len()), saved));
            removed.set(None);
        }
    };
    view! {
        <section aria-labelledby="mine-heading" class="my-routines">
            <div class="section-head">
                <h2 id="mine-heading">"My routines"</h2>
                <A href="/builder"><span class="button"><Icon name=IconName::Settings />"New routine"</span></A>
            </div>
            {move || removed.get().map(|(_, saved)| view! {
                <div class="notice" role="status">
                    <p>{format!("Removed “{}”.", saved.routine.title)}</p>
                    <button type="button" class="button" on:click=undo>"Undo"</button>
                </div>
            })}
            <Show
                when=move || state.my_routines.with(|mine| !mine.is_empty())
                fallback=|| view! { <p class="my-routines__empty">"Routines you make, or open from a therapist's link, appear here."</p> }
            >
                <ul class="routine-list">
                    <For
                        each=move || state.my_routines.get()
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
                                        {received.then(|| view! { <span class="chip">"Received"</span> })}
                                        <button type="button" class="button button--quiet" on:click=move |_| remove(id.clone())>
                                            <Icon name=IconName::Close />"Remove"<span class="visually-hidden">{format!(" {}", saved.routine.title)}</span>
                                        </button>
                                    </div>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// "Install app" where the browser offers it, or how to add it to the home screen on iOS.
#[component]
fn InstallOffer() -> impl IntoView {
    let state = use_app_state();
    move || {
        match state.install.get() {
        InstallOption::None => ().into_any(),
        InstallOption::Prompt => view! {
            <div class="install">
                <p>"Install Kneadtime to open it from your home screen, full screen and offline."</p>
                <button type="button" class="button button--primary" on:click=move |_| prompt_install(state.install_prompt)>
                    "Install app"
                </button>
            </div>
        }
        .into_any(),
        InstallOption::AddToHomeScreen => view! {
            <div class="install">
                <p>"To install Kneadtime: tap the Share button, then “Add to Home Screen”. It then opens full screen and works offline."</p>
            </div>
        }
        .into_any(),
    }
    }
}
