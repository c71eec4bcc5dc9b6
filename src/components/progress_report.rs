//! A person's progress, drawn from a history: streak and weekly counts, the pain
//! chart, per-routine changes and the session list. The history page shows the
//! person's own; a progress link shows what they sent, read-only.

use leptos::prelude::*;

use crate::components::pain_chart::PainChart;
use crate::platform::i18n::texts;
use kneadtime_core::calendar::{clock_time, format_day, format_day_short};
use kneadtime_core::format::{count_of, countdown};
use kneadtime_core::history::{
    current_streak, pain_series, routine_stats, sessions_per_week, signed, weekly_average, History,
    SessionRecord,
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
            <h2 id="chart-heading">"Pain before and after"</h2>
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
                            {format!(
                                "{} in the week of {}",
                                count_of(count as usize, "session"),
                                format_day(monday, &texts()),
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
                <dt>"Current streak"</dt>
                <dd>
                    {streak}
                    <span class="stats__unit">
                        {move || if streak.get() == 1 { " day" } else { " days" }}
                    </span>
                </dd>
            </div>
            <div>
                <dt>"Per week, last 4 weeks"</dt>
                <dd>{move || history.with(|history| format!("{:.1}", weekly_average(&history.0, today)))}</dd>
            </div>
            <div>
                <dt>"Sessions in all"</dt>
                <dd>{move || history.with(|history| history.0.len())}</dd>
            </div>
        </dl>
        <section aria-labelledby="weeks-heading">
            <h2 id="weeks-heading">"Sessions per week"</h2>
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
                    .map(|change| format!("{} (over {})", signed(change), stats.rated))
                    .unwrap_or_else(|| "not rated".to_string());
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
            <h2 id="routines-heading">"By routine"</h2>
            <div class="table-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Routine"</th>
                            <th scope="col">"Sessions"</th>
                            <th scope="col">"Pain change"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="field__hint">
                "Pain change is the rating after minus the rating before; below zero means it eased."
            </p>
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
            <h2 id="sessions-heading">"Sessions"</h2>
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
        (None, None) => "No rating".to_string(),
        (Some(before), None) => format!("Pain {before} before"),
        (None, Some(after)) => format!("Pain {after} after"),
        (Some(before), Some(after)) => format!("Pain {before} → {after}"),
    };
    let done = if record.completed {
        format!("all {} steps", record.steps_total)
    } else {
        format!(
            "{} of {} steps, ended early",
            record.steps_completed, record.steps_total
        )
    };
    view! {
        <li class="session-row">
            <p class="session-row__when">
                {format!(
                    "{}, {}",
                    format_day(record.day(), &texts()),
                    clock_time(record.started_at_ms, record.utc_offset_min),
                )}
            </p>
            <p class="session-row__what">{record.routine_title.clone()}</p>
            <p class="session-row__facts">{format!("{} · {done} · {pain}", countdown(record.active_ms))}</p>
            {(!record.note.is_empty())
                .then(|| view! { <p class="session-row__note">{record.note.clone()}</p> })}
        </li>
    }
}
