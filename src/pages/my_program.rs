//! `/my-program`: the program the person follows, planned against done, with its
//! calendar reminders.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::alarm_select::AlarmSelect;
use crate::components::icon::{Icon, IconName};
use crate::components::program_plan::ProgramPlan;
use crate::components::qr_code::QrCode;
use crate::components::today_card::TodayCard;
use crate::components::weekly_plan::WeeklyPlan;
use crate::platform::clock::{now_ms, today};
use crate::platform::files::download;
use crate::platform::i18n::{t, texts, tf, tn};
use crate::state::use_app_state;
use kneadtime_core::calendar::{format_day_in_week, format_day_short, iso_date};
use kneadtime_core::followed_program::{
    done_sessions, session_status, so_far, suggests_easing_off, FollowedProgram, ProgramDocument,
};
use kneadtime_core::history::one_decimal;
use kneadtime_core::program::{sessions_in_week, PhasePain, Program, ProgramProgress};
use kneadtime_core::program_link::link;
use kneadtime_core::reminders::{program_calendar, RoutineFacts};

/// The followed program, or a word on how to get one.
#[component]
pub fn MyProgramPage() -> impl IntoView {
    let program = use_app_state().program();
    move || match program.with(|document| document.0.clone()) {
        Some(followed) => view! { <FollowedProgramView followed=followed /> }.into_any(),
        None => view! {
            <Title text=t("program.mine.title") />
            <section class="missing">
                <h1>{t("program.mine.title")}</h1>
                <p class="lead">{t("program.mine.none")}</p>
                <A href="/">
                    <span class="button button--primary">{t("link.see_all")}</span>
                </A>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn FollowedProgramView(
    /// The program followed.
    followed: FollowedProgram,
) -> impl IntoView {
    let state = use_app_state();
    let history = state.history();
    let day = today();
    let progress = Memo::new({
        let followed = followed.clone();
        move |_| {
            let done = history.with(done_sessions);
            let progress = followed.program.progress(followed.start_day, &done);
            let pain = followed.program.phase_pain(followed.start_day, &done);
            let ease_off = suggests_easing_off(&followed.program, &progress, &done);
            (progress, pain, ease_off)
        }
    });
    let from = (!followed.program.author.trim().is_empty())
        .then(|| tf("program.received.from", &[("author", &followed.program.author)]));
    let author = followed.program.author.clone();
    let ease_off = move || {
        progress.with(|(_, _, ease_off)| *ease_off).then(|| {
            let text = if author.trim().is_empty() {
                t("program.mine.ease_off")
            } else {
                tf("program.mine.ease_off_named", &[("author", &author)])
            };
            view! {
                <div class="notice notice--error" role="alert">
                    <Icon name=IconName::Caution />
                    <p>{text}</p>
                </div>
            }
        })
    };
    let standing = move || {
        progress.with(|(progress, _, _)| {
            let so_far = so_far(progress, day);
            let so_far_text = match so_far.percent() {
                // The plural follows the sessions due: "1 of 1 session", "1 of 3 sessions".
                Some(percent) => tn(
                    "program.mine.so_far",
                    u64::from(so_far.due),
                    &[
                        ("done", &so_far.done.to_string()),
                        ("percent", &percent.to_string()),
                    ],
                ),
                None => t("program.mine.nothing_due"),
            };
            let overall = tf(
                "program.mine.overall",
                &[
                    ("done", &progress.done().to_string()),
                    ("planned", &progress.planned().to_string()),
                ],
            );
            view! {
                <p class="program-standing__so-far">{so_far_text}</p>
                <p>{overall}</p>
            }
        })
    };
    let pain_lines = move || {
        progress.with(|(_, pain, _)| {
            let lines: Vec<String> = pain
                .iter()
                .enumerate()
                .map(|(index, pain)| pain_line(index, pain))
                .collect();
            lines
                .into_iter()
                .map(|line| view! { <li>{line}</li> })
                .collect_view()
        })
    };
    let program_signal = Signal::stored(followed.program.clone());
    let origin = window().location().origin().unwrap_or_default();
    let program_link = link(&texts(), &origin, &followed.program);
    let start_day = followed.start_day;
    view! {
        <Title text=followed.program.title.clone() />
        <article class="program-page">
            <h1>{followed.program.title.clone()}</h1>
            {from.map(|from| view! { <p class="lead">{from}</p> })}
            <TodayCard />
            {ease_off}
            <section class="program-standing" aria-labelledby="standing-heading">
                <h2 id="standing-heading" class="visually-hidden">
                    {t("program.mine.title")}
                </h2>
                {standing}
            </section>
            <section aria-labelledby="weeks-heading">
                <h2 id="weeks-heading">{t("program.mine.weeks_heading")}</h2>
                {move || {
                    progress
                        .with(|(progress, _, _)| {
                            view! {
                                <WeekList
                                    program=program_signal
                                    progress=progress.clone()
                                    start_day=start_day
                                />
                            }
                        })
                }}
            </section>
            <section class="program-pain" aria-labelledby="pain-heading">
                <h2 id="pain-heading">{t("program.mine.pain_heading")}</h2>
                <ul class="plain-list">{pain_lines}</ul>
            </section>
            <section aria-labelledby="plan-heading">
                <h2 id="plan-heading">{t("program.received.plan_heading")}</h2>
                <ProgramPlan program=program_signal />
            </section>
            <WeeklyPlan program=program_signal>
                <QrCode text=program_link.clone() label=t("program.share.qr_label") />
            </WeeklyPlan>
            <CalendarReminders followed=followed.clone() />
            <StopFollowing title=followed.program.title.clone() />
        </article>
    }
}

/// Each week of the program with its sessions: done, missed, due today or ahead.
#[component]
fn WeekList(
    /// The program followed (its routines name the sessions).
    program: Signal<Program>,
    /// Planned against done.
    progress: ProgramProgress,
    /// The program's first day.
    start_day: i64,
) -> impl IntoView {
    let state = use_app_state();
    let program = program.get_untracked();
    let day = today();
    let texts = texts();
    let weeks = progress
        .weeks
        .iter()
        .map(|week| {
            let first = start_day + 7 * i64::from(week.week);
            let heading = tf(
                "program.mine.week",
                &[
                    ("week", &(week.week + 1).to_string()),
                    ("first", &format_day_short(first, &texts)),
                    ("last", &format_day_short(first + 6, &texts)),
                ],
            );
            let count = tf(
                "program.mine.week_done",
                &[
                    ("done", &week.done.to_string()),
                    ("planned", &week.planned.to_string()),
                ],
            );
            let sessions = sessions_in_week(&progress.sessions, week.week as usize)
                .map(|(index, session)| {
                    let status = session_status(&progress, index, day);
                    let title = program
                        .routine_of(session)
                        .map(|routine| state.program_routine_title(routine))
                        .unwrap_or_default();
                    view! {
                        <li class="week-list__session" data-status=format!("{status:?}").to_lowercase()>
                            <span class="week-list__day">{format_day_in_week(session.day, &texts)}</span>
                            <span>{title}</span>
                            <span class="week-list__status">{t(status.key())}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="week-list__week">
                    <h3>{heading}</h3>
                    <p class="week-list__count">{count}</p>
                    <ul class="week-list__sessions">{sessions}</ul>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="week-list">{weeks}</ol> }
}

/// "Phase 1: 4.5 before, 2.5 after (mean of 3 rated sessions)".
fn pain_line(index: usize, pain: &PhasePain) -> String {
    let phase = (index + 1).to_string();
    match (pain.before_tenths, pain.after_tenths) {
        (Some(before), Some(after)) => {
            let texts = texts();
            let tenths = |value: u32| one_decimal(f64::from(value) / 10.0, &texts);
            format!(
                "{} ({})",
                tf(
                    "program.mine.pain_phase",
                    &[
                        ("phase", &phase),
                        ("before", &tenths(before)),
                        ("after", &tenths(after))
                    ],
                ),
                tn("program.mine.pain_rated", u64::from(pain.rated), &[])
            )
        }
        _ => tf("program.mine.pain_none", &[("phase", &phase)]),
    }
}

/// The calendar file: a reminder choice and the download.
#[component]
fn CalendarReminders(
    /// The program followed.
    followed: FollowedProgram,
) -> impl IntoView {
    let state = use_app_state();
    // The choice is a setting: downloading the calendar again keeps the alarm chosen.
    let settings = use_app_state().settings();
    let alarm = Signal::derive(move || settings.with(|settings| settings.calendar_alarm));
    let message = RwSignal::new(None::<String>);
    let download_file = move |_| {
        let texts = texts();
        let origin = window().location().origin().unwrap_or_default();
        let url = link(&texts, &origin, &followed.program);
        let facts = |routine: &kneadtime_core::program::ProgramRoutine| match state.program_routine(routine) {
            Some(found) => RoutineFacts::of(&found),
            None => RoutineFacts {
                title: routine.routine_id().to_string(),
                minutes: 15,
            },
        };
        let file = program_calendar(&texts, &followed, facts, &url, alarm.get_untracked(), now_ms());
        let name = format!("kneadtime-program-{}.ics", iso_date(followed.start_day));
        message.set(Some(if download(&name, "text/calendar", &file) {
            t("program.mine.calendar_downloaded")
        } else {
            t("program.mine.download_refused")
        }));
    };
    view! {
        <section class="settings__group program-calendar" aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{t("program.mine.calendar_heading")}</h2>
            <p class="field__hint">{t("program.mine.calendar_hint")}</p>
            <AlarmSelect
                alarm=alarm
                on_choose=Callback::new(move |minutes| settings.update(|s| s.calendar_alarm = minutes))
            />
            <div class="button-row">
                <button type="button" class="button button--primary" on:click=download_file>
                    <Icon name=IconName::Download />
                    {t("program.mine.calendar_download")}
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    {t("program.mine.print")}
                </button>
            </div>
            <p class="field__hint" role="status">
                {move || message.get()}
            </p>
            <p class="field__hint">{t("program.mine.calendar_update")}</p>
        </section>
    }
}

/// "Stop following", asked twice: the plan goes, the history stays.
#[component]
fn StopFollowing(
    /// The program's title, for the question.
    title: String,
) -> impl IntoView {
    let program = use_app_state().program();
    let asking = RwSignal::new(false);
    view! {
        <section class="program-stop">
            <Show
                when=move || asking.get()
                fallback=move || {
                    view! {
                        <button type="button" class="button" on:click=move |_| asking.set(true)>
                            {t("program.mine.stop")}
                        </button>
                    }
                }
            >
                <div class="notice" role="alertdialog" aria-labelledby="stop-question">
                    <p id="stop-question">{tf("program.mine.stop_confirm", &[("title", &title)])}</p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="button button--danger"
                            on:click=move |_| program.set(ProgramDocument(None))
                        >
                            {t("program.mine.stop_yes")}
                        </button>
                        <button type="button" class="button" on:click=move |_| asking.set(false)>
                            {t("program.mine.cancel")}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
