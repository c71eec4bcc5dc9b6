use leptos::prelude::*;

use crate::platform::i18n::{t, tf};
use kneadtime_core::history::PAIN_MAX;

/// The key of the usual words for a point of the 0–10 scale, so a number means the same to everyone.
fn band(point: u8) -> &'static str {
    match point {
        0 => "pain.band.none",
        1..=3 => "pain.band.mild",
        4..=6 => "pain.band.moderate",
        7..=9 => "pain.band.severe",
        _ => "pain.band.worst",
    }
}

/// A 0–10 pain rating with anchor words: big targets, a radio group to screen readers,
/// and a "not now" that clears it (rating is always optional).
#[component]
pub fn PainScale(
    /// The question, e.g. "How much does it hurt right now?".
    #[prop(into)]
    legend: String,
    /// Names the radio group (unique on the page).
    name: &'static str,
    /// The chosen rating.
    value: Signal<Option<u8>>,
    /// Called with the new rating, or `None` when cleared.
    on_change: Callback<Option<u8>>,
) -> impl IntoView {
    let options = (0..=PAIN_MAX)
        .map(|point| {
            view! {
                <label class="pain-scale__option" data-point=point>
                    <input
                        type="radio"
                        name=name
                        value=point
                        checked=move || value.get() == Some(point)
                        on:change=move |_| on_change.run(Some(point))
                    />
                    <span aria-hidden="true">{point}</span>
                    <span class="visually-hidden">
                        {tf("pain.point", &[("point", &point.to_string()), ("band", &t(band(point)))])}
                    </span>
                </label>
            }
        })
        .collect_view();
    let chosen = move || match value.get() {
        Some(point) => tf(
            "pain.chosen",
            &[("point", &point.to_string()), ("band", &t(band(point)))],
        ),
        None => t("pain.not_rated"),
    };
    view! {
        <fieldset class="pain-scale">
            <legend class="pain-scale__legend">{legend}</legend>
            <div class="pain-scale__options">{options}</div>
            <div class="pain-scale__anchors" aria-hidden="true">
                <span>{t("pain.anchor_low")}</span>
                <span>{t("pain.anchor_high")}</span>
            </div>
            <div class="pain-scale__status">
                <span aria-live="polite">{chosen}</span>
                <Show when=move || value.get().is_some()>
                    <button type="button" class="button button--quiet" on:click=move |_| on_change.run(None)>
                        {t("pain.clear")}
                    </button>
                </Show>
            </div>
        </fieldset>
    }
}
