//! "Today" for a person following a program: today's session, a rest day, or done.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::icon::{Icon, IconName};
use crate::platform::clock::today;
use crate::platform::i18n::{t, texts, tf};
use crate::state::use_app_state;
use kneadtime_core::calendar::format_day;
use kneadtime_core::followed_program::{done_sessions, next_session, FollowedProgram};
use kneadtime_core::my_routines::Provenance;
use kneadtime_core::program::{PlannedSession, ProgramRoutine, Today};

/// What the plan asks of today, with a Start button when a session is due.
#[component]
pub fn TodayCard(
    /// Name the program and link to its page (not on the program page itself).
    #[prop(optional)]
    with_link: bool,
) -> impl IntoView {
    let state = use_app_state();
    let program = state.program();
    let history = state.history();
    let navigate = use_navigate();
    let card = move || {
        let followed = program.with(|document| document.0.clone())?;
        let done = history.with(done_sessions);
        let day = today();
        let answer = followed.program.today(followed.start_day, day, &done);
        let title_of = |session: &PlannedSession| routine_title(&followed, session);
        let (message, due) = match answer {
            Today::Planned(session) => (
                tf("program.today.planned", &[("routine", &title_of(&session))]),
                Some(session),
            ),
            Today::CatchUp(session) => (
                tf("program.today.catch_up", &[("routine", &title_of(&session))]),
                Some(session),
            ),
            Today::Done(_) => (t("program.today.done"), None),
            Today::Rest => {
                let progress = followed.program.progress(followed.start_day, &done);
                let next = next_session(&progress, day).map(|next| {
                    tf(
                        "program.today.next",
                        &[
                            ("routine", &title_of(&next)),
                            ("day", &format_day(next.day, &texts())),
                        ],
                    )
                });
                let rest = t("program.today.rest");
                (next.map_or(rest.clone(), |next| format!("{rest} {next}")), None)
            }
            Today::NotStarted { first_day } => (
                tf(
                    "program.today.not_started",
                    &[("day", &format_day(first_day, &texts()))],
                ),
                None,
            ),
            Today::Finished => (t("program.today.finished"), None),
        };
        let start = due.map(|session| {
            let planned = followed.program.phases[session.phase].routines[session.routine].clone();
            let id = planned.routine_id().to_string();
            let label = tf("program.today.start", &[("routine", &title_of(&session))]);
            let navigate = navigate.clone();
            view! {
                <button
                    type="button"
                    class="button button--primary button--huge"
                    on:click=move |_| {
                        if let ProgramRoutine::Embedded { routine } = &planned {
                            if state.my_routine(&id).is_none() {
                                state.save_routine(routine.clone(), Provenance::Received);
                            }
                        }
                        navigate(&format!("/routine/{id}/play"), Default::default())
                    }
                >
                    <Icon name=IconName::Play />
                    {label}
                </button>
            }
        });
        let link = with_link.then(|| {
            view! {
                <A href="/my-program">
                    <span class="button">{t("program.today.open")}</span>
                </A>
            }
        });
        Some(view! {
            <section class="today-card" aria-labelledby="today-heading">
                <h2 id="today-heading">{t("program.today.heading")}</h2>
                {with_link
                    .then(|| view! { <p class="today-card__program">{followed.program.title.clone()}</p> })}
                <p class="today-card__message">{message}</p>
                <div class="button-row">{start} {link}</div>
            </section>
        })
    };
    view! { {card} }
}

/// The title of the routine a planned session plays, in the person's language.
fn routine_title(followed: &FollowedProgram, session: &PlannedSession) -> String {
    use_app_state().program_routine_title(&followed.program.phases[session.phase].routines[session.routine])
}
