//! The days of the week as seven large checkboxes, Monday first.

use leptos::prelude::*;

use crate::platform::i18n::texts;
use kneadtime_core::calendar::weekday_name;

/// Seven checkboxes in a group named by `legend`.
#[component]
pub fn WeekdayPicker(
    /// The group's name ("Days").
    #[prop(into)]
    legend: String,
    /// Which days are chosen, Monday first.
    #[prop(into)]
    days: Signal<[bool; 7]>,
    /// A day (Monday 0) ticked or unticked.
    on_toggle: Callback<(usize, bool)>,
) -> impl IntoView {
    let texts = texts();
    let boxes = (0..7)
        .map(|day| {
            let name = weekday_name(day, &texts).to_string();
            view! {
                <label class="check check--day">
                    <input
                        type="checkbox"
                        prop:checked=move || days.with(|days| days[day])
                        on:change=move |event| on_toggle.run((day, event_target_checked(&event)))
                    />
                    <span>{name}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="weekday-picker">
            <legend>{legend}</legend>
            {boxes}
        </fieldset>
    }
}
