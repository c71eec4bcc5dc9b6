use leptos::prelude::*;

use crate::platform::i18n::{t, texts, tf, tn};
use kneadtime_core::calendar::{format_day, format_day_short};
use kneadtime_core::history::{mean_before_after, one_decimal, signed, PainPoint, PAIN_MAX};

/// Drawing area in SVG units; the SVG scales to its box, so this is also its aspect ratio.
const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 30.0;

/// Pain before and after each rated session, as an inline SVG line chart with a text
/// summary and a table for screen readers and anyone who prefers numbers.
#[component]
pub fn PainChart(
    /// The sessions to plot, oldest first.
    points: Signal<Vec<PainPoint>>,
) -> impl IntoView {
    let x = move |index: usize, count: usize| {
        if count <= 1 {
            LEFT + (WIDTH - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (WIDTH - LEFT - RIGHT) * index as f64 / (count - 1) as f64
        }
    };
    let y = |pain: u8| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - f64::from(pain) / f64::from(PAIN_MAX));
    let line = move |points: &[PainPoint], pick: fn(&PainPoint) -> Option<u8>| {
        let count = points.len();
        let mut path = String::new();
        let mut pen_down = false;
        for (index, point) in points.iter().enumerate() {
            match pick(point) {
                Some(pain) => {
                    let command = if pen_down { 'L' } else { 'M' };
                    path.push_str(&format!("{command}{:.1} {:.1}", x(index, count), y(pain)));
                    pen_down = true;
                }
                // A missing rating breaks the line rather than inventing a value.
                None => pen_down = false,
            }
        }
        path
    };
    let grid = [0u8, 5, 10]
        .into_iter()
        .map(|pain| {
            view! {
                <line class="chart__grid" x1=LEFT x2=WIDTH - RIGHT y1=y(pain) y2=y(pain) />
                <text class="chart__label" x=LEFT - 8.0 y=y(pain) + 5.0 text-anchor="end">
                    {pain}
                </text>
            }
        })
        .collect_view();
    let marks = move || {
        let points = points.get();
        let count = points.len();
        points
            .iter()
            .enumerate()
            .map(|(index, point)| {
                let cx = x(index, count);
                let connector = point.before.zip(point.after).map(|(before, after)| {
                    view! { <line class="chart__change" x1=cx x2=cx y1=y(before) y2=y(after) /> }
                });
                let before = point
                    .before
                    .map(|pain| view! { <circle class="chart__before" cx=cx cy=y(pain) r="4.5" /> });
                let after = point
                    .after
                    .map(|pain| view! { <circle class="chart__after" cx=cx cy=y(pain) r="4.5" /> });
                view! {
                    {connector}
                    {before}
                    {after}
                }
            })
            .collect_view()
    };
    let dates = move || {
        let points = points.get();
        let count = points.len();
        let mut shown = vec![0, count.saturating_sub(1)];
        if count > 4 {
            shown.insert(1, count / 2);
        }
        shown.dedup();
        shown
            .into_iter()
            .filter_map(|index| {
                let point = points.get(index)?;
                let anchor = match index {
                    0 if count > 1 => "start",
                    i if i + 1 == count && count > 1 => "end",
                    _ => "middle",
                };
                Some(view! {
                    <text class="chart__label" x=x(index, count) y=HEIGHT - 8.0 text-anchor=anchor>
                        {format_day_short(point.day, &texts())}
                    </text>
                })
            })
            .collect_view()
    };
    // Read by the SVG's <desc> and the caption: worked out once per change.
    let description = Memo::new(move |_| points.with(|points| chart_description(points)));
    let rows = move || {
        points
            .get()
            .into_iter()
            .rev()
            .map(|point| {
                let cell = |pain: Option<u8>| pain.map_or("–".to_string(), |pain| pain.to_string());
                view! {
                    <tr>
                        <th scope="row">{format_day(point.day, &texts())}</th>
                        <td>{cell(point.before)}</td>
                        <td>{cell(point.after)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart">
            <div class="chart__legend" aria-hidden="true">
                <span class="chart__key chart__key--before">{t("pain.before")}</span>
                <span class="chart__key chart__key--after">{t("pain.after")}</span>
            </div>
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="pain-chart-title pain-chart-desc"
                class="chart__svg"
            >
                <title id="pain-chart-title">{t("pain.chart_title")}</title>
                <desc id="pain-chart-desc">{description}</desc>
                {grid}
                {marks}
                <path class="chart__line chart__line--before" d=move || line(&points.get(), |p| p.before) />
                <path class="chart__line chart__line--after" d=move || line(&points.get(), |p| p.after) />
                {dates}
            </svg>
            <figcaption>{description}</figcaption>
            <details class="chart__table">
                <summary>{t("pain.show_numbers")}</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t("pain.session")}</th>
                            <th scope="col">{t("pain.before")}</th>
                            <th scope="col">{t("pain.after")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// The chart in one or two sentences.
fn chart_description(points: &[PainPoint]) -> String {
    let texts = texts();
    let mut text = tn("pain.chart_shown", points.len() as u64, &[]);
    if let Some((before, after)) = mean_before_after(points.iter().map(|point| (point.before, point.after))) {
        text.push(' ');
        text.push_str(&tf(
            "pain.chart_average",
            &[
                ("before", &one_decimal(before, &texts)),
                ("after", &one_decimal(after, &texts)),
                ("change", &signed(after - before, &texts)),
            ],
        ));
    }
    if let (Some(first), Some(last)) = (
        points.iter().find_map(|point| point.before),
        points.iter().rev().find_map(|point| point.before),
    ) {
        if points.len() > 1 {
            text.push(' ');
            text.push_str(&tf(
                "pain.chart_trend",
                &[("first", &first.to_string()), ("last", &last.to_string())],
            ));
        }
    }
    text
}
