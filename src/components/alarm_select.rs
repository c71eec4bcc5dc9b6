//! "Remind me": how long before a calendar event its alarm rings.

use leptos::prelude::*;

use crate::platform::i18n::{t, tn};
use kneadtime_core::reminders::ALARM_CHOICES;

/// A choice of no reminder or one of [`ALARM_CHOICES`] minutes before.
#[component]
pub fn AlarmSelect(
    /// Minutes before, or `None` for no reminder.
    alarm: Signal<Option<u32>>,
    /// Called with the choice made.
    on_choose: Callback<Option<u32>>,
) -> impl IntoView {
    let options = std::iter::once(None)
        .chain(ALARM_CHOICES.into_iter().map(Some))
        .map(|choice| {
            let label = match choice {
                None => t("program.mine.alarm_none"),
                Some(minutes) => tn("program.mine.alarm_minutes", u64::from(minutes), &[]),
            };
            let value = choice.map_or(String::new(), |minutes| minutes.to_string());
            view! {
                <option value=value selected=move || alarm.get() == choice>
                    {label}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="field">
            <span class="field__label">{t("program.mine.alarm_label")}</span>
            <select on:change=move |event| {
                on_choose.run(event_target_value(&event).parse().ok())
            }>{options}</select>
        </label>
    }
}
