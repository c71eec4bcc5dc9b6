//! Programs: a therapist's plan of routines over weeks ("this routine three times a
//! week for two weeks, then that one"), the sessions it plans from a start day, and how
//! the sessions a person did measure up against it.
//!
//! Days are day numbers (days since 1970-01-01, see `calendar`); weekdays are indexed
//! Monday first, like the app's weeks.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;
use crate::ics::WeeklySeries;
use crate::routine::{limits, Routine};

/// More phases than this is not a plan a person follows.
pub const MAX_PHASES: usize = 6;
/// The longest phase, in weeks.
pub const MAX_WEEKS_PER_PHASE: u8 = 12;
/// Routines that take turns within one phase.
pub const MAX_ROUTINES_PER_PHASE: usize = 4;
/// Pain rising by this many points or more after a session…
pub const EASE_OFF_RISE: u8 = 2;
/// …this many sessions in a row suggests easing off and asking the therapist.
pub const EASE_OFF_SESSIONS: usize = 2;

/// A routine within a program: a built-in named by id and revision (shown in the
/// person's language), or a therapist's own routine carried whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ProgramRoutine {
    BuiltIn { id: String, revision: u32 },
    Embedded { routine: Routine },
}

impl ProgramRoutine {
    /// The id its sessions are recorded under in the history.
    pub fn routine_id(&self) -> &str {
        match self {
            Self::BuiltIn { id, .. } => id,
            Self::Embedded { routine } => &routine.id,
        }
    }
}

/// A stretch of weeks with the same routines on the same weekdays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub weeks: u8,
    /// Taking turns, one per planned session, in this order.
    pub routines: Vec<ProgramRoutine>,
    /// The days of the week sessions are planned on, Monday first; as many sessions a
    /// week as days chosen.
    pub weekdays: [bool; 7],
    /// Preferred local time of day, minutes after midnight (for calendar reminders).
    pub minute_of_day: u16,
}

impl Phase {
    /// Planned sessions per week.
    pub fn sessions_per_week(&self) -> u32 {
        self.weekdays.iter().filter(|on| **on).count() as u32
    }

    /// Planned sessions in the whole phase.
    pub fn session_count(&self) -> u32 {
        self.sessions_per_week() * u32::from(self.weeks)
    }
}

/// A plan of phases in order, from one person to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Program {
    pub title: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub note: String,
    /// The language the therapist's own words (title, note) are written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Locale>,
    pub phases: Vec<Phase>,
    /// Suggest easing off and contacting the therapist when pain rises after sessions
    /// (see [`ease_off_suggested`]).
    #[serde(default)]
    pub ease_off_rule: bool,
}

/// Why a program cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramError {
    /// No title, or one longer than a routine's.
    Title,
    /// Author or note longer than a routine's.
    TextTooLong,
    NoPhases,
    TooManyPhases,
    /// Phase (0-based) with no weeks or more than [`MAX_WEEKS_PER_PHASE`].
    Weeks(usize),
    /// Phase with no routine or more than [`MAX_ROUTINES_PER_PHASE`].
    Routines(usize),
    /// Phase with no weekday chosen.
    NoWeekday(usize),
    /// Phase whose time of day is not within a day.
    TimeOfDay(usize),
    /// An embedded routine (phase, position) that cannot be played.
    Routine(usize, usize),
}

impl Program {
    /// Whether the plan is one the app can schedule and play: texts and sizes within
    /// limits, every embedded routine valid.
    pub fn validate(&self) -> Result<(), ProgramError> {
        let chars = |text: &str| text.chars().count();
        if self.title.trim().is_empty() || chars(&self.title) > limits::TITLE_MAX_CHARS {
            return Err(ProgramError::Title);
        }
        if chars(&self.author) > limits::AUTHOR_MAX_CHARS || chars(&self.note) > limits::NOTE_MAX_CHARS {
            return Err(ProgramError::TextTooLong);
        }
        if self.phases.is_empty() {
            return Err(ProgramError::NoPhases);
        }
        if self.phases.len() > MAX_PHASES {
            return Err(ProgramError::TooManyPhases);
        }
        for (index, phase) in self.phases.iter().enumerate() {
            if phase.weeks == 0 || phase.weeks > MAX_WEEKS_PER_PHASE {
                return Err(ProgramError::Weeks(index));
            }
            if phase.routines.is_empty() || phase.routines.len() > MAX_ROUTINES_PER_PHASE {
                return Err(ProgramError::Routines(index));
            }
            if phase.sessions_per_week() == 0 {
                return Err(ProgramError::NoWeekday(index));
            }
            if phase.minute_of_day >= 24 * 60 {
                return Err(ProgramError::TimeOfDay(index));
            }
            for (position, routine) in phase.routines.iter().enumerate() {
                if let ProgramRoutine::Embedded { routine } = routine {
                    if !routine.validate().is_empty() {
                        return Err(ProgramError::Routine(index, position));
                    }
                }
            }
        }
        Ok(())
    }

    /// The routine a planned session plays, if the program still has it (a session
    /// worked out from an older copy of the program may name one that is gone).
    pub fn routine_of(&self, session: &PlannedSession) -> Option<&ProgramRoutine> {
        self.phases.get(session.phase)?.routines.get(session.routine)
    }

    /// Weeks in the whole program.
    pub fn weeks(&self) -> u32 {
        self.phases.iter().map(|phase| u32::from(phase.weeks)).sum()
    }

    /// The first day of each phase for a program started on `start_day`.
    fn phase_starts(&self, start_day: i64) -> impl Iterator<Item = i64> + '_ {
        self.phases.iter().scan(start_day, |next, phase| {
            let start = *next;
            *next += 7 * i64::from(phase.weeks);
            Some(start)
        })
    }

    /// Every planned session, in order, for a program started on `start_day`: in each
    /// phase, its chosen weekdays in each of its weeks (counted from the phase's first
    /// day, which need not be a Monday), its routines taking turns.
    pub fn planned_sessions(&self, start_day: i64) -> Vec<PlannedSession> {
        let mut planned = Vec::new();
        for (phase_index, (phase, phase_start)) in
            self.phases.iter().zip(self.phase_starts(start_day)).enumerate()
        {
            let days = (0..7 * i64::from(phase.weeks))
                .map(|offset| phase_start + offset)
                .filter(|day| phase.weekdays[weekday(*day)]);
            for (turn, day) in days.enumerate() {
                planned.push(PlannedSession {
                    day,
                    phase: phase_index,
                    week: usize::try_from((day - start_day) / 7).unwrap_or(0),
                    routine: turn % phase.routines.len().max(1),
                });
            }
        }
        planned
    }

    /// What the person did against the plan: per program week, sessions planned and
    /// done. A session counts for a planned one when it is of that phase's routines and
    /// done on the planned day or the day after (a day late still counts); each session
    /// counts once, and each planned session is met once.
    pub fn progress(&self, start_day: i64, done: &[DoneSession]) -> ProgramProgress {
        let planned = self.planned_sessions(start_day);
        let mut used = vec![false; done.len()];
        let mut met: Vec<Option<usize>> = vec![None; planned.len()];
        // On-time sessions first, so a late one never takes the place of an on-time one.
        for lateness in 0..=1 {
            for (slot, session) in planned.iter().enumerate() {
                if met[slot].is_some() {
                    continue;
                }
                let routines = &self.phases[session.phase].routines;
                let found = (0..done.len()).find(|&index| {
                    let did = &done[index];
                    !used[index]
                        && did.day == session.day + lateness
                        && routines
                            .iter()
                            .any(|routine| routine.routine_id() == did.routine_id)
                });
                if let Some(index) = found {
                    used[index] = true;
                    met[slot] = Some(index);
                }
            }
        }
        let mut weeks: Vec<WeekProgress> = (0..self.weeks())
            .map(|week| WeekProgress {
                week,
                planned: 0,
                done: 0,
            })
            .collect();
        for (session, met) in planned.iter().zip(&met) {
            if let Some(week) = weeks.get_mut(session.week) {
                week.planned += 1;
                week.done += u32::from(met.is_some());
            }
        }
        ProgramProgress {
            weeks,
            sessions: planned,
            met,
        }
    }

    /// One weekly calendar series per phase, for a program started on `start_day`.
    /// `events` holds each phase's words (by the caller, in the person's language) and
    /// length; `uid` is stable for the program, so a re-import updates.
    pub fn calendar_series(
        &self,
        start_day: i64,
        events: &[PhaseEvent],
        reminder: &CalendarReminder,
    ) -> Vec<WeeklySeries> {
        let planned = self.planned_sessions(start_day);
        self.phases
            .iter()
            .enumerate()
            .zip(events)
            .filter_map(|((index, phase), event)| {
                let first_day = planned.iter().find(|session| session.phase == index)?.day;
                Some(WeeklySeries {
                    uid: format!("{}-phase-{}@kneadtime", reminder.uid, index + 1),
                    sequence: reminder.sequence,
                    summary: event.summary.clone(),
                    description: event.description.clone(),
                    url: reminder.url.clone(),
                    first_day,
                    minute_of_day: phase.minute_of_day,
                    duration_min: event.minutes,
                    weekdays: phase.weekdays,
                    count: phase.session_count(),
                    alarm_minutes_before: reminder.alarm_minutes_before,
                })
            })
            .collect()
    }
}

/// What the home page's Today card says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Today {
    /// The program starts on a later day.
    NotStarted { first_day: i64 },
    /// A session is planned today and not done yet.
    Planned(PlannedSession),
    /// Nothing is planned today, but yesterday's session was missed: today still counts.
    CatchUp(PlannedSession),
    /// Today's session is done.
    Done(PlannedSession),
    /// Nothing planned today.
    Rest,
    /// Every week of the program is behind.
    Finished,
}

/// Pain before and after the sessions that counted for one phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhasePain {
    /// Sessions with both ratings.
    pub rated: u32,
    /// Means in tenths of a point (43 is 4.3), when any session was rated.
    pub before_tenths: Option<u32>,
    pub after_tenths: Option<u32>,
}

impl Program {
    /// The Today card for `today`, given what was done.
    pub fn today(&self, start_day: i64, today: i64, done: &[DoneSession]) -> Today {
        if today < start_day {
            return Today::NotStarted { first_day: start_day };
        }
        if today >= start_day + 7 * i64::from(self.weeks()) {
            return Today::Finished;
        }
        let progress = self.progress(start_day, done);
        let planned = &progress.sessions;
        let slot = |day: i64| planned.iter().position(|session| session.day == day);
        match (slot(today), slot(today - 1)) {
            (Some(index), _) if progress.met[index].is_some() => Today::Done(planned[index]),
            (Some(index), _) => Today::Planned(planned[index]),
            (None, Some(index)) => match progress.met[index] {
                // Met by a session done today, a day late: that is today's session.
                Some(by) if done[by].day == today => Today::Done(planned[index]),
                Some(_) => Today::Rest,
                None => Today::CatchUp(planned[index]),
            },
            (None, None) => Today::Rest,
        }
    }

    /// Pain before and after, per phase, over the sessions that counted for it.
    pub fn phase_pain(&self, start_day: i64, done: &[DoneSession]) -> Vec<PhasePain> {
        let progress = self.progress(start_day, done);
        (0..self.phases.len())
            .map(|phase| {
                let ratings: Vec<(u8, u8)> = progress
                    .sessions
                    .iter()
                    .zip(&progress.met)
                    .filter(|(session, _)| session.phase == phase)
                    .filter_map(|(_, met)| done[(*met)?].pain)
                    .collect();
                let rated = ratings.len() as u32;
                let mean = |pick: fn(&(u8, u8)) -> u8| {
                    let sum: u32 = ratings.iter().map(|rating| u32::from(pick(rating))).sum();
                    (sum * 10 + rated / 2).checked_div(rated)
                };
                PhasePain {
                    rated,
                    before_tenths: mean(|rating| rating.0),
                    after_tenths: mean(|rating| rating.1),
                }
            })
            .collect()
    }
}

/// What a calendar export of a program shares across its phases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarReminder {
    /// Stable for the program (e.g. derived from its link), so a re-import updates.
    pub uid: String,
    pub sequence: u32,
    pub url: String,
    pub alarm_minutes_before: Option<u32>,
}

/// What one phase's calendar events say, and how long each lasts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseEvent {
    pub summary: String,
    pub description: String,
    pub minutes: u32,
}

/// Monday 0 … Sunday 6 of a day number (1970-01-01 was a Thursday).
pub fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

/// One session the plan asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedSession {
    pub day: i64,
    /// Index of its phase.
    pub phase: usize,
    /// Week of the program (0-based, counted from the start day).
    pub week: usize,
    /// Index of its routine within the phase.
    pub routine: usize,
}

/// The planned sessions of week `week` (0-based), each with its index in `sessions`:
/// how the weekly list and the builder's preview group a plan.
pub fn sessions_in_week(
    sessions: &[PlannedSession],
    week: usize,
) -> impl Iterator<Item = (usize, &PlannedSession)> {
    sessions
        .iter()
        .enumerate()
        .filter(move |(_, session)| session.week == week)
}

/// A session from the history, as far as the plan cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneSession {
    /// The person's own calendar day it was done on.
    pub day: i64,
    pub routine_id: String,
    /// Pain on the 0–10 scale before and after, when the person rated it.
    pub pain: Option<(u8, u8)>,
}

/// Planned against done in one week of a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekProgress {
    /// Week of the program, 0-based.
    pub week: u32,
    pub planned: u32,
    pub done: u32,
}

/// Planned against done, per week and overall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramProgress {
    pub weeks: Vec<WeekProgress>,
    /// The planned sessions measured ([`Program::planned_sessions`]).
    pub sessions: Vec<PlannedSession>,
    /// Beside each of `sessions`: the index of the done session that met it, if one did.
    pub met: Vec<Option<usize>>,
}

impl ProgramProgress {
    /// Sessions planned in the whole program.
    pub fn planned(&self) -> u32 {
        self.weeks.iter().map(|week| week.planned).sum()
    }

    /// Planned sessions that were done.
    pub fn done(&self) -> u32 {
        self.weeks.iter().map(|week| week.done).sum()
    }

    /// Whole percent of planned sessions done (0 when nothing is planned).
    pub fn adherence_percent(&self) -> u32 {
        (self.done() * 100).checked_div(self.planned()).unwrap_or(0)
    }
}

/// Whether the last [`EASE_OFF_SESSIONS`] sessions (pain before, pain after; oldest
/// first) each left pain [`EASE_OFF_RISE`] or more points higher than before.
pub fn ease_off_suggested(pain_before_after: &[(u8, u8)]) -> bool {
    pain_before_after.len() >= EASE_OFF_SESSIONS
        && pain_before_after[pain_before_after.len() - EASE_OFF_SESSIONS..]
            .iter()
            .all(|(before, after)| after.saturating_sub(*before) >= EASE_OFF_RISE)
}
