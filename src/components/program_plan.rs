//! A program's plan: each phase's weeks, days, time and routines.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::platform::i18n::{t, texts, tf, tn};
use crate::state::use_app_state;
use kneadtime_core::followed_program::schedule_words;
use kneadtime_core::format::about_minutes;
use kneadtime_core::plan::Plan;
use kneadtime_core::program::{Program, ProgramRoutine};

/// The phases of a program in order, each with its schedule and its routines (built-ins
/// link to their page; one this version does not know is named and explained).
#[component]
pub fn ProgramPlan(
    /// The program to show.
    #[prop(into)]
    program: Signal<Program>,
) -> impl IntoView {
    let phases = move || {
        let mut first_week = 1;
        program.with(|program| {
            program
                .phases
                .iter()
                .enumerate()
                .map(|(index, phase)| {
                    let last_week = first_week + u32::from(phase.weeks) - 1;
                    let weeks = tf(
                        "program.phase_weeks",
                        &[
                            ("first", &first_week.to_string()),
                            ("last", &last_week.to_string()),
                        ],
                    );
                    first_week = last_week + 1;
                    let heading = tf(
                        "program.phase_heading",
                        &[("phase", &(index + 1).to_string()), ("weeks", &weeks)],
                    );
                    let per_week = tn("program.per_week", u64::from(phase.sessions_per_week()), &[]);
                    let lead = if phase.routines.len() > 1 {
                        t("program.taking_turns")
                    } else {
                        t("program.one_routine")
                    };
                    let routines = phase
                        .routines
                        .iter()
                        .map(|routine| {
                            view! {
                                <li>
                                    <PlanRoutine routine=routine.clone() />
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="program-plan__phase">
                            <h3>{heading}</h3>
                            <p class="program-plan__schedule">
                                {schedule_words(phase, &texts())} " · " {per_week}
                            </p>
                            <p class="program-plan__lead">{lead}</p>
                            <ul class="program-plan__routines">{routines}</ul>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! { <ol class="program-plan">{phases}</ol> }
}

/// One routine of a phase: its title and length, or why it cannot be shown.
#[component]
fn PlanRoutine(
    /// The routine as the program names it.
    routine: ProgramRoutine,
) -> impl IntoView {
    let state = use_app_state();
    match (state.program_routine(&routine), &routine) {
        (Some(found), ProgramRoutine::BuiltIn { id, .. }) => {
            let length = about_minutes(Plan::default_length_ms(&found), &texts());
            view! {
                <A href=format!("/routine/{id}")>{found.title}</A>
                " · "
                {length}
            }
            .into_any()
        }
        (Some(found), ProgramRoutine::Embedded { .. }) => {
            let length = about_minutes(Plan::default_length_ms(&found), &texts());
            view! {
                <span>{found.title}</span>
                " · "
                {length}
            }
            .into_any()
        }
        (None, _) => view! {
            <span class="program-plan__unknown">
                {tf("program.unknown_routine", &[("id", routine.routine_id())])}
            </span>
        }
        .into_any(),
    }
}
