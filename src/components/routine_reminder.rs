//! "Add to calendar" for one routine: chosen days at a time, for some weeks.

use leptos::prelude::*;

use super::alarm_select::AlarmSelect;
use super::icon::{Icon, IconName};
use super::weekday_picker::WeekdayPicker;
use crate::platform::clock::{now_ms, today, utc_offset_minutes};
use crate::platform::files::download;
use crate::platform::i18n::{t, texts};
use crate::state::use_app_state;
use kneadtime_core::calendar::local_minute_of_day;
use kneadtime_core::followed_program::time_of_day;
use kneadtime_core::program_draft::{parse_time_of_day, THREE_TIMES_A_WEEK};
use kneadtime_core::reminders::{routine_calendar, RoutineFacts, RoutineReminder, MAX_ROUTINE_WEEKS};
use kneadtime_core::routine::Routine;
use kneadtime_core::share::link;

/// The form inside "Add to calendar": a calendar file repeating `routine` on chosen
/// weekdays, with a reminder.
#[component]
pub fn RoutineReminderForm(
    /// The routine to be reminded of.
    routine: Routine,
) -> impl IntoView {
    let days = RwSignal::new(THREE_TIMES_A_WEEK);
    let minute_of_day = RwSignal::new(19 * 60u16);
    let weeks = RwSignal::new(4u32);
    // The choice is a setting: downloading the calendar again keeps the alarm chosen.
    let settings = use_app_state().settings();
    let alarm = Signal::derive(move || settings.with(|settings| settings.calendar_alarm));
    let message = RwSignal::new(None::<String>);
    let download_file = move |_| {
        let texts = texts();
        let origin = window().location().origin().unwrap_or_default();
        let facts = RoutineFacts::of(&routine);
        let reminder = RoutineReminder {
            routine_id: routine.id.clone(),
            title: facts.title,
            minutes: facts.minutes,
            weekdays: days.get_untracked(),
            minute_of_day: minute_of_day.get_untracked(),
            weeks: weeks.get_untracked(),
            alarm_minutes_before: alarm.get_untracked(),
        };
        let url = link(&texts, &origin, &routine);
        let now = now_ms();
        let minute_now = local_minute_of_day(now, utc_offset_minutes());
        message.set(Some(
            match routine_calendar(&texts, &reminder, &url, (today(), minute_now), now) {
                None => t("routine.calendar.no_days"),
                Some(file) if download(&format!("kneadtime-{}.ics", routine.id), "text/calendar", &file) => {
                    t("program.mine.calendar_downloaded")
                }
                Some(_) => t("program.mine.download_refused"),
            },
        ));
    };
    view! {
        <div class="routine-reminder__form">
            <p class="field__hint">{t("routine.calendar.hint")}</p>
            <WeekdayPicker
                legend=t("routine.calendar.days")
                days=days
                on_toggle=Callback::new(move |(day, on): (usize, bool)| days.update(|days| days[day] = on))
            />
            <div class="routine-reminder__row">
                <label class="field">
                    <span class="field__label">{t("routine.calendar.time")}</span>
                    <input
                        type="time"
                        prop:value=move || time_of_day(minute_of_day.get())
                        on:change=move |event| {
                            if let Some(minute) = parse_time_of_day(&event_target_value(&event)) {
                                minute_of_day.set(minute);
                            }
                        }
                    />
                </label>
                <label class="field">
                    <span class="field__label">{t("routine.calendar.weeks")}</span>
                    <input
                        type="number"
                        min="1"
                        max=MAX_ROUTINE_WEEKS
                        inputmode="numeric"
                        prop:value=move || weeks.get().to_string()
                        on:change=move |event| {
                            if let Ok(chosen) = event_target_value(&event).parse::<u32>() {
                                weeks.set(chosen.clamp(1, MAX_ROUTINE_WEEKS));
                            }
                        }
                    />
                </label>
            </div>
            <AlarmSelect
                alarm=alarm
                on_choose=Callback::new(move |minutes| settings.update(|s| s.calendar_alarm = minutes))
            />
            <button type="button" class="button button--primary" on:click=download_file>
                <Icon name=IconName::Download />
                {t("routine.calendar.download")}
            </button>
            <p class="field__hint" role="status">
                {move || message.get()}
            </p>
        </div>
    }
}
