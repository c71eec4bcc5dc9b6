//! The weekly plan on paper: a week per row, a day per column, a box to tick.

use leptos::prelude::*;

use crate::platform::i18n::{t, texts, tf};
use crate::state::use_app_state;
use kneadtime_core::calendar::weekday_name;
use kneadtime_core::followed_program::{schedule_words, weekly_grid};
use kneadtime_core::program::Program;

/// A one-page, print-only plan: title, sender, note, the weeks as a table of the
/// planned routines with tick boxes, and (as children) the QR code that opens it.
#[component]
pub fn WeeklyPlan(
    /// The program to lay out.
    #[prop(into)]
    program: Signal<Program>,
    /// Printed after the table (the share panel's QR code, say).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = use_app_state();
    let table =
        move || {
            let texts = texts();
            program.with(|program| {
            let titles: Vec<Vec<String>> = program
                .phases
                .iter()
                .map(|phase| {
                    phase
                        .routines
                        .iter()
                        .map(|routine| state.program_routine_title(routine))
                        .collect()
                })
                .collect();
            let head = (0..7)
                .map(|day| view! { <th scope="col">{weekday_name(day, &texts).to_string()}</th> })
                .collect_view();
            let rows = weekly_grid(program)
                .into_iter()
                .enumerate()
                .map(|(week, days)| {
                    let cells = days
                        .into_iter()
                        .map(|planned| match planned {
                            Some((phase, routine)) => {
                                let title = titles.get(phase).and_then(|titles| titles.get(routine)).cloned();
                                view! {
                                    <td>
                                        <span class="weekly-plan__box" aria-hidden="true"></span>
                                        {title}
                                    </td>
                                }
                                .into_any()
                            }
                            None => view! { <td></td> }.into_any(),
                        })
                        .collect_view();
                    let label = tf("program.mine.week_only", &[("week", &(week + 1).to_string())]);
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let schedules = program
                .phases
                .iter()
                .enumerate()
                .map(|(index, phase)| {
                    let phase_name = tf(
                        "program.phase_heading",
                        &[("phase", &(index + 1).to_string()), ("weeks", &schedule_words(phase, &texts))],
                    );
                    view! { <li>{phase_name}</li> }
                })
                .collect_view();
            view! {
                <h2>{program.title.clone()}</h2>
                {(!program.author.trim().is_empty())
                    .then(|| view! { <p>{tf("program.received.from", &[("author", &program.author)])}</p> })}
                {(!program.note.trim().is_empty())
                    .then(|| view! { <p class="weekly-plan__note">{program.note.clone()}</p> })}
                <ul class="weekly-plan__phases">{schedules}</ul>
                <table class="weekly-plan__table">
                    <thead>
                        <tr>
                            <td></td>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="weekly-plan__tick">{t("program.mine.print_tick")}</p>
            }
        })
        };
    view! { <section class="weekly-plan">{table} {children.map(|children| children())}</section> }
}
