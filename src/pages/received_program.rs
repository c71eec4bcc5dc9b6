//! `/program#<payload>`: a program a therapist sent as a link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::icon::{Icon, IconName};
use crate::components::link_error::LinkError;
use crate::components::program_plan::ProgramPlan;
use crate::components::weekly_plan::WeeklyPlan;
use crate::platform::clock::today;
use crate::platform::i18n::{lang_of, t, texts, tf, tn};
use crate::platform::share::random_u64;
use crate::state::use_app_state;
use kneadtime_core::calendar::{iso_date, parse_iso_date};
use kneadtime_core::followed_program::{follow, ProgramDocument, PROGRAM_ID_PREFIX};
use kneadtime_core::my_routines::{new_id, Provenance};
use kneadtime_core::program::{Program, ProgramRoutine};
use kneadtime_core::program_link::decode;

/// Opens the program in the link's fragment, or says plainly why it cannot.
#[component]
pub fn ReceivedProgramPage() -> impl IntoView {
    let hash = use_location().hash;
    let decoded = Memo::new(move |_| hash.with(|hash| decode(&texts(), hash)));
    move || match decoded.get() {
        Ok(program) => view! { <ReceivedProgram program=program /> }.into_any(),
        Err(error) => {
            view! { <LinkError heading=t("link.program.heading") reason=error.message(&texts()) /> }
                .into_any()
        }
    }
}

/// A received program: who sent it, the plan, and starting it on a chosen day.
#[component]
fn ReceivedProgram(
    /// The program from the link.
    program: Program,
) -> impl IntoView {
    let state = use_app_state();
    let followed = state.program();
    let from = if program.author.trim().is_empty() {
        t("program.received.from_someone")
    } else {
        tf("program.received.from", &[("author", &program.author)])
    };
    let note = (!program.note.trim().is_empty()).then(|| {
        view! {
            <p class="received__note" lang=lang_of(program.language)>
                {program.note.clone()}
            </p>
        }
    });
    let summary = tf(
        "program.summary",
        &[
            ("weeks", &tn("program.weeks", u64::from(program.weeks()), &[])),
            (
                "sessions",
                &tn(
                    "program.sessions",
                    u64::from(
                        program
                            .phases
                            .iter()
                            .map(|phase| phase.session_count())
                            .sum::<u32>(),
                    ),
                    &[],
                ),
            ),
        ],
    );
    // A built-in this version lacks cannot be played: starting waits for an update.
    let playable = program
        .phases
        .iter()
        .flat_map(|phase| &phase.routines)
        .all(|routine| state.program_routine(routine).is_some());
    let start_day = RwSignal::new(iso_date(today()));
    let replacing = {
        let program = program.clone();
        move || {
            followed.with(|document| {
                document.0.as_ref().map(|current| {
                    if current.is_plan_of(&program) {
                        t("program.received.updates")
                    } else {
                        tf("program.received.replaces", &[("title", &current.program.title)])
                    }
                })
            })
        }
    };
    let navigate = use_navigate();
    let start = {
        let program = program.clone();
        move |_| {
            let Some(day) = parse_iso_date(&start_day.get_untracked()) else {
                return;
            };
            // Routines the therapist made travel inside the plan: saved, they play like any other.
            for routine in program.phases.iter().flat_map(|phase| &phase.routines) {
                if let ProgramRoutine::Embedded { routine } = routine {
                    state.save_routine(routine.clone(), Provenance::Received);
                }
            }
            let current = followed.get_untracked().0;
            let fresh_id = new_id(PROGRAM_ID_PREFIX, random_u64());
            followed.set(ProgramDocument(Some(follow(
                current.as_ref(),
                program.clone(),
                day,
                fresh_id,
            ))));
            navigate("/my-program", Default::default());
        }
    };
    let date_valid = move || parse_iso_date(&start_day.get()).is_some();
    let program_signal = Signal::stored(program.clone());
    let ease_off = program
        .ease_off_rule
        .then(|| view! { <p class="field__hint">{t("program.ease_off_rule_note")}</p> });
    view! {
        <Title text=program.title.clone() />
        <div class="received" role="note">
            <p class="received__from">{from}</p>
            {note}
        </div>
        <article class="program-page">
            <h1 lang=lang_of(program.language)>{program.title.clone()}</h1>
            <p class="lead">{summary}</p>
            <section aria-labelledby="plan-heading">
                <h2 id="plan-heading">{t("program.received.plan_heading")}</h2>
                <ProgramPlan program=program_signal />
                {ease_off}
            </section>
            <WeeklyPlan program=program_signal />
            <section class="settings__group program-start" aria-labelledby="start-heading">
                <h2 id="start-heading">{t("program.received.start_heading")}</h2>
                <label class="field">
                    <span class="field__label">{t("program.received.start_date")}</span>
                    <input
                        class="field__input"
                        type="date"
                        required
                        prop:value=move || start_day.get()
                        on:input=move |event| start_day.set(event_target_value(&event))
                    />
                </label>
                {move || replacing().map(|text| view! { <p class="notice">{text}</p> })}
                <button
                    type="button"
                    class="button button--primary button--huge"
                    disabled=move || !playable || !date_valid()
                    on:click=start
                >
                    <Icon name=IconName::Play />
                    {t("program.received.start")}
                </button>
            </section>
        </article>
    }
}
