use crate::components::safety_check::CautionList;
use crate::domain::safety::routine_cautions;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::app::use_app_state;
use crate::components::icon::{Icon, IconName};
use crate::components::share_panel::SharePanel;
use crate::components::step_item::StepItem;
use crate::domain::format::{about_minutes, count_of};
use crate::domain::plan::Plan;
use crate::domain::routine::Routine;
use crate::pages::not_found::MissingPage;

/// `/routine/:id`: everything about one routine before playing it.
#[component]
pub fn RoutinePage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let routine = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|id| state.routine(&id)));
    move || {
        match routine.get() {
        Some(routine) => view! { <LibraryRoutine routine=routine /> }.into_any(),
        None => view! {
            <MissingPage
                title="Routine not found"
                message="This routine is not in your library. It may have been removed, or the link is incomplete."
            />
        }
        .into_any(),
    }
    }
}

/// A routine in the library: details, start, share, edit.
#[component]
fn LibraryRoutine(
    /// The routine to show.
    routine: Routine,
) -> impl IntoView {
    let state = use_app_state();
    let id = routine.id.clone();
    let mine = state.my_routine(&id).is_some();
    let edit_label = if mine { "Edit" } else { "Edit a copy" };
    let note = routine.note.clone();
    view! {
        <Title text=routine.title.clone() />
        <A href="/">
            <span class="back-link"><Icon name=IconName::Back />"All routines"</span>
        </A>
        <RoutineDetail routine=routine.clone()>
            {(!note.trim().is_empty()).then(|| view! { <p class="received received__note">{note.clone()}</p> })}
            <div class="routine-actions">
                <A href=format!("/routine/{id}/play")>
                    <span class="button button--primary button--huge"><Icon name=IconName::Play />"Start routine"</span>
                </A>
                <A href=format!("/builder/{id}")>
                    <span class="button"><Icon name=IconName::Settings />{edit_label}</span>
                </A>
            </div>
        </RoutineDetail>
        <SharePanel routine=routine.clone() />
    }
}

/// The routine's overview, its cautions and its list of steps, with `children` (actions) after the facts.
#[component]
pub fn RoutineDetail(
    /// The routine to describe.
    routine: Routine,
    /// Actions shown between the facts and the steps.
    children: Children,
) -> impl IntoView {
    let length = about_minutes(Plan::default_length_ms(&routine));
    let cautions = routine_cautions(&routine);
    let tools = routine
        .tools()
        .iter()
        .map(|tool| tool.label())
        .collect::<Vec<_>>()
        .join(", ");
    let areas = routine
        .areas()
        .iter()
        .map(|area| area.label())
        .collect::<Vec<_>>()
        .join(", ");
    let steps = routine
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            view! { <StepItem step=step.clone() number=index + 1 breathing=routine.breathing_for(index) /> }
        })
        .collect_view();
    view! {
        <article class="routine-detail">
            <h1>{routine.title.clone()}</h1>
            {(!routine.author.trim().is_empty()).then(|| view! { <p class="routine-card__author">{format!("By {}", routine.author)}</p> })}
            <p class="lead">{routine.summary.clone()}</p>
            <dl class="facts">
                <div><dt><Icon name=IconName::Clock />"Time"</dt><dd>{length}</dd></div>
                <div><dt><Icon name=IconName::Breath />"Breathing"</dt><dd>{routine.breathing.label()}</dd></div>
                <div class="facts__wide"><dt><Icon name=IconName::Hands />"You need"</dt><dd>{tools}</dd></div>
                <div class="facts__wide"><dt><Icon name=IconName::TriggerPoint />"Areas"</dt><dd>{areas}</dd></div>
            </dl>
            {children()}
            // Safety notes stay open: a closed disclosure read as a heading with nothing under it.
            {(!cautions.is_empty()).then(|| view! {
                <section class="routine-cautions" aria-labelledby="routine-cautions-title">
                    <h2 id="routine-cautions-title">
                        <Icon name=IconName::Caution />
                        {format!("Before you start: {}", count_of(cautions.len(), "caution"))}
                    </h2>
                    <CautionList cautions=cautions />
                </section>
            })}
            <h2>{format!("{} steps", routine.steps.len())}</h2>
            <ol class="step-list">{steps}</ol>
        </article>
    }
}
