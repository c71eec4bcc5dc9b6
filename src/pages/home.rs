use leptos::prelude::*;
use leptos_meta::Title;

use leptos_router::components::A;

use crate::app::use_app_state;
use crate::components::icon::{Icon, IconName};
use crate::components::routine_card::RoutineCard;
use crate::domain::format::countdown;
use crate::domain::session::Status;
use crate::platform::clock::now_ms;
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
        <section aria-labelledby="library-heading">
            <h2 id="library-heading">"Routines"</h2>
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
