use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::icon::{Icon, IconName};
use crate::components::missing_page::MissingPage;
use crate::components::routine_detail::RoutineDetail;
use crate::pages::lazy::{self, LazyPart, Loader};
use crate::platform::i18n::t;
use crate::state::use_app_state;
use kneadtime_core::routine::Routine;
use std::sync::Arc;

/// `/routine/:id`: everything about one routine before playing it.
#[component]
pub fn RoutinePage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    move || {
        let id = id.get();
        // Someone with routines of their own may have one with this id: reading them (and
        // the code that does) waits for this case, so a first visit never fetches it.
        if state.has_own_routines() {
            let load: Loader = Arc::new(move || Box::pin(lazy::own_routine_page::load(id.clone())));
            return view! { <LazyPart failed=t("routine.routine_not_loaded") load=load /> }.into_any();
        }
        match state.library_routine(&id) {
            Some(routine) => view! { <LibraryRoutine routine=routine mine=false /> }.into_any(),
            None => view! { <RoutineMissing /> }.into_any(),
        }
    }
}

/// The routine with this id, the person's own routines included.
#[component]
pub fn RoutineById(
    /// The routine's id.
    id: String,
) -> impl IntoView {
    let state = use_app_state();
    let mine = state.my_routine(&id).is_some();
    match state.routine(&id) {
        Some(routine) => view! { <LibraryRoutine routine=routine mine=mine /> }.into_any(),
        None => view! { <RoutineMissing /> }.into_any(),
    }
}

/// A routine address for no routine.
#[component]
fn RoutineMissing() -> impl IntoView {
    view! { <MissingPage title=t("missing.routine_title") message=t("missing.routine_message") /> }
}

/// A routine in the library: details, start, share, edit.
#[component]
fn LibraryRoutine(
    /// The routine to show.
    routine: Routine,
    /// Whether it is one of the person's own (edited in place, not copied).
    mine: bool,
) -> impl IntoView {
    let id = routine.id.clone();
    let edit_label = if mine {
        t("routine.edit")
    } else {
        t("routine.edit_copy")
    };
    let note = routine.note.clone();
    let share = share_panel(routine.clone());
    let routine_for_calendar = routine.clone();
    lazy::prefetch_player();
    view! {
        <Title text=routine.title.clone() />
        <A href="/">
            <span class="back-link">
                <Icon name=IconName::Back />
                {t("routine.all_routines")}
            </span>
        </A>
        <RoutineDetail routine=routine>
            {(!note.trim().is_empty())
                .then(|| view! { <p class="received received__note">{note.clone()}</p> })}
            <div class="routine-actions">
                <A href=format!("/routine/{id}/play")>
                    <span class="button button--primary button--huge">
                        <Icon name=IconName::Play />
                        {t("routine.start")}
                    </span>
                </A>
                <A href=format!("/builder/{id}")>
                    <span class="button">
                        <Icon name=IconName::Settings />
                        {edit_label}
                    </span>
                </A>
            </div>
        </RoutineDetail>
        <AddToCalendar routine=routine_for_calendar />
        <LazyPart failed=t("routine.share_not_loaded") load=share />
    }
}

/// "Add to calendar": closed at first; its form's code is fetched when it is opened.
#[component]
fn AddToCalendar(
    /// The routine to be reminded of.
    routine: Routine,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    let load: Loader = Arc::new(move || Box::pin(lazy::routine_reminder::load(routine.clone())));
    view! {
        <details class="routine-reminder">
            <summary on:click=move |_| opened.set(true)>
                <Icon name=IconName::Clock />
                {t("routine.calendar.heading")}
            </summary>
            <Show when=move || opened.get()>
                <LazyPart failed=t("routine.calendar.not_loaded") load=load.clone() />
            </Show>
        </details>
    }
}

/// The share panel for `routine`, its code fetched when the page shows.
fn share_panel(routine: Routine) -> Loader {
    Arc::new(move || Box::pin(lazy::share_panel::load(routine.clone())))
}
