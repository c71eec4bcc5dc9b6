//! Calendar reminders worded for the person: the file for a followed program (one
//! weekly series per phase) and for one routine repeated on chosen days. `ics` writes
//! the file; this module decides what each event says and when it happens.

use super::followed_program::FollowedProgram;
use super::format::whole_minutes;
use super::i18n::Catalog;
use super::ics::{calendar, WeeklySeries};
use super::plan::Plan;
use super::program::{weekday, CalendarReminder, PhaseEvent, ProgramRoutine};
use super::routine::Routine;

/// Reminder choices offered, in minutes before a session.
pub const ALARM_CHOICES: [u32; 4] = [5, 15, 30, 60];
/// The longest a single routine's reminders repeat.
pub const MAX_ROUTINE_WEEKS: u32 = 12;

/// What the calendar needs to know of one routine of a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineFacts {
    /// In the person's language for a built-in.
    pub title: String,
    /// Pauses included, rounded as the routine's card rounds it.
    pub minutes: u32,
}

impl RoutineFacts {
    /// A routine's title and its length with the default pauses, in the card's minutes.
    pub fn of(routine: &Routine) -> Self {
        RoutineFacts {
            title: routine.title.clone(),
            minutes: whole_minutes(Plan::default_length_ms(routine)),
        }
    }
}

/// The calendar file for `followed`: each phase a series of its planned sessions at its
/// time of day, named after its routines, as long as the longest of them, with each
/// routine's length in the description and `link` (the program's) to open them.
pub fn program_calendar(
    texts: &Catalog,
    followed: &FollowedProgram,
    facts: impl Fn(&ProgramRoutine) -> RoutineFacts,
    link: &str,
    alarm_minutes_before: Option<u32>,
    stamp_ms: u64,
) -> String {
    let program = &followed.program;
    let events: Vec<PhaseEvent> = program
        .phases
        .iter()
        .enumerate()
        .map(|(index, phase)| {
            let facts: Vec<RoutineFacts> = phase.routines.iter().map(&facts).collect();
            let titles: Vec<&str> = facts.iter().map(|facts| facts.title.as_str()).collect();
            let lengths: Vec<String> = facts
                .iter()
                .map(|facts| {
                    let minutes = facts.minutes.to_string();
                    texts.fill(
                        "program.ics.routine",
                        &[("routine", &facts.title), ("minutes", &minutes)],
                    )
                })
                .collect();
            PhaseEvent {
                summary: texts.fill("program.ics.summary", &[("routines", &titles.join(" / "))]),
                description: texts.fill(
                    "program.ics.description",
                    &[
                        ("phase", &(index + 1).to_string()),
                        ("program", &program.title),
                        ("routines", &lengths.join(" / ")),
                        ("link", link),
                    ],
                ),
                minutes: facts.iter().map(|facts| facts.minutes).max().unwrap_or(1),
            }
        })
        .collect();
    let reminder = CalendarReminder {
        uid: followed.id.clone(),
        sequence: followed.sequence,
        url: link.to_string(),
        alarm_minutes_before,
    };
    calendar(
        &program.calendar_series(followed.start_day, &events, &reminder),
        stamp_ms,
    )
}

/// One routine on chosen days, from a start day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineReminder {
    pub routine_id: String,
    pub title: String,
    pub minutes: u32,
    /// Monday first.
    pub weekdays: [bool; 7],
    pub minute_of_day: u16,
    pub weeks: u32,
    pub alarm_minutes_before: Option<u32>,
}

/// The calendar file repeating one routine weekly for its weeks from its next time
/// after `now` (the person's day and minute of the day), or `None` when no weekday is
/// chosen. The UID follows the routine, so a new file for the same routine replaces the
/// old series; `stamp_ms` doubles as its sequence, rising with time.
pub fn routine_calendar(
    texts: &Catalog,
    reminder: &RoutineReminder,
    link: &str,
    now: (i64, u32),
    stamp_ms: u64,
) -> Option<String> {
    let per_week = reminder.weekdays.iter().filter(|on| **on).count() as u32;
    let (today, minute_now) = now;
    // Today's time already passed: the series starts on a later day.
    let from = today + i64::from(u32::from(reminder.minute_of_day) <= minute_now);
    let first_day = (from..from + 7).find(|day| reminder.weekdays[weekday(*day)])?;
    let series = WeeklySeries {
        uid: format!("routine-{}@kneadtime", reminder.routine_id),
        // Seconds, to fit the integer calendars expect.
        sequence: u32::try_from((stamp_ms / 1000).saturating_sub(1_700_000_000)).unwrap_or(u32::MAX),
        summary: texts.fill("routine.calendar.summary", &[("routine", &reminder.title)]),
        description: texts.fill("routine.calendar.description", &[("link", link)]),
        url: link.to_string(),
        first_day,
        minute_of_day: reminder.minute_of_day,
        duration_min: reminder.minutes.max(1),
        weekdays: reminder.weekdays,
        count: per_week * reminder.weeks.clamp(1, MAX_ROUTINE_WEEKS),
        alarm_minutes_before: reminder.alarm_minutes_before,
    };
    Some(calendar(&[series], stamp_ms))
}
