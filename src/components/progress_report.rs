//! A person's progress, drawn from a history: streak and weekly counts, the pain
//! chart, per-routine changes and the session list. The history page shows the
//! person's own; a progress link shows what they sent, read-only.

use leptos::prelude::*;

use crate::components::pain_chart::PainChart;
use crate::platform::i18n::{lang_of, t, texts, tf, tn};
use kneadtime_core::calendar::{clock_time, format_day, format_day_short};
use kneadtime_core::format::countdown;
use kneadtime_core::history::{
    current_streak, one_decimal, pain_series, routine_stats, sessions_per_week, signed, weekly_average,
    History, SessionRecord,
};

/// Sessions on the chart: enough for a trend, few enough to read on a phone.
const CHART_SESSIONS: usize = 30;
/// Weeks in the sessions-per-week bars.
const WEEKS_SHOWN: usize = 8;

/// Stats, the pain chart and the per-routine table.
#[component]
pub fn ProgressReport(
    /// The sessions, oldest first.
    history: Signal<History>,
    /// The day counted as today (days since 1970) for the streak and the weeks.
    today: i64,
) -> impl IntoView {
    view! {
        <HistoryStats history=history today=today />
        <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">{t("progress.chart_heading")}</h2>
            <PainChart points=Memo::new(move |_| {
                    history.with(|history| pain_series(&history.0, CHART_SESSIONS))
                })
                .into() />
        </section>
        <RoutineTable history=history />
    }
}

/// Streak, sessions per week and totals.
#[component]
fn HistoryStats(
    /// The sessions, oldest first.
    history: Signal<History>,
    /// The day counted as today.
    today: i64,
) -> impl IntoView {
    let weeks = Memo::new(move |_| history.with(|history| sessions_per_week(&history.0, today, WEEKS_SHOWN)));
    let streak = Memo::new(move |_| history.with(|history| current_streak(&history.0, today)));
    let bars = move || {
        let weeks = weeks.get();
        let most = weeks.iter().map(|(_, count)| *count).max().unwrap_or(0).max(1);
        weeks
            .into_iter()
            .map(|(monday, count)| {
                let height = format!("height: {}%", 8 + count * 92 / most);
                view! {
                    <li class="week-bars__week">
                        <span class="week-bars__count">{count}</span>
                        <span class="week-bars__bar" style=height></span>
                        <span class="week-bars__label">{format_day_short(monday, &texts())}</span>
                        <span class="visually-hidden">
                            {tn(
                                "progress.week_sessions",
                                u64::from(count),
                                &[("week", &format_day(monday, &texts()))],
                            )}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <dl class="stats">
            <div>
                <dt>{t("progress.streak")}</dt>
                <dd>
                    {streak}
                    <span class="stats__unit">
                        " "{move || tn("progress.streak_unit", u64::from(streak.get()), &[])}
                    </span>
                </dd>
            </div>
            <div>
                <dt>{t("progress.per_week")}</dt>
                <dd>
                    {move || history.with(|history| one_decimal(weekly_average(&history.0, today), &texts()))}
                </dd>
            </div>
            <div>
                <dt>{t("progress.sessions_in_all")}</dt>
                <dd>{move || history.with(|history| history.0.len())}</dd>
            </div>
        </dl>
        <section aria-labelledby="weeks-heading">
            <h2 id="weeks-heading">{t("progress.weeks_heading")}</h2>
            <ol class="week-bars">{bars}</ol>
        </section>
    }
}

/// Most-used routines and the average change in pain with each.
#[component]
fn RoutineTable(
    /// The sessions, oldest first.
    history: Signal<History>,
) -> impl IntoView {
    let rows = move || {
        history
            .with(|history| routine_stats(&history.0))
            .into_iter()
            .map(|stats| {
                let change = stats
                    .average_change
                    .map(|change| {
                        tf(
                            "progress.change_over",
                            &[
                                ("change", &signed(change, &texts())),
                                ("rated", &stats.rated.to_string()),
                            ],
                        )
                    })
                    .unwrap_or_else(|| t("progress.not_rated"));
                view! {
                    <tr>
                        <th scope="row">{stats.title}</th>
                        <td>{stats.sessions}</td>
                        <td>{change}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="routines-heading">
            <h2 id="routines-heading">{t("progress.by_routine")}</h2>
            <div class="table-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{t("progress.routine")}</th>
                            <th scope="col">{t("progress.sessions")}</th>
                            <th scope="col">{t("progress.pain_change")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="field__hint">{t("progress.pain_change_hint")}</p>
        </section>
    }
}

/// Every session, newest first.
#[component]
pub fn SessionList(
    /// The sessions, oldest first.
    history: Signal<History>,
) -> impl IntoView {
    view! {
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t("progress.sessions")}</h2>
            <ol class="session-list">
                <For
                    each=move || history.with(|history| history.0.iter().rev().cloned().collect::<Vec<_>>())
                    key=|record| (record.id.clone(), record.pain_after, record.note.clone())
                    let(record)
                >
                    <SessionRow record=record />
                </For>
            </ol>
        </section>
    }
}

/// One session in the list.
#[component]
fn SessionRow(
    /// The session.
    record: SessionRecord,
) -> impl IntoView {
    let pain = match (record.pain_before, record.pain_after) {
        (None, None) => t("progress.no_rating"),
        (Some(before), None) => tf("progress.pain_before", &[("before", &before.to_string())]),
        (None, Some(after)) => tf("progress.pain_after", &[("after", &after.to_string())]),
        (Some(before), Some(after)) => tf(
            "progress.pain_before_after",
            &[("before", &before.to_string()), ("after", &after.to_string())],
        ),
    };
    let done = if record.completed {
        tn("progress.all_steps", u64::from(record.steps_total), &[])
    } else {
        tn(
            "progress.ended_early",
            u64::from(record.steps_total),
            &[("done", &record.steps_completed.to_string())],
        )
    };
    view! {
        <li class="session-row">
            <p class="session-row__when">
                {tf(
                    "progress.when",
                    &[
                        ("day", &format_day(record.day(), &texts())),
                        ("time", &clock_time(record.started_at_ms, record.utc_offset_min)),
                    ],
                )}
            </p>
            <p class="session-row__what" lang=lang_of(record.language)>
                {record.routine_title.clone()}
            </p>
            <p class="session-row__facts">
                {tf(
                    "progress.facts",
                    &[("time", &countdown(record.active_ms)), ("done", &done), ("pain", &pain)],
                )}
            </p>
            {(!record.note.is_empty())
                .then(|| {
                    view! {
                        <p class="session-row__note" lang=lang_of(record.language)>
                            {record.note.clone()}
                        </p>
                    }
                })}
        </li>
    }
}
