//! The program the person follows, kept on the device: the therapist's plan, the day
//! they started it, and what lets a calendar file made from it replace its earlier
//! events on re-import (a stable id and a sequence number that rises with each change).
//!
//! One program at a time: a new plan from a therapist replaces the one before, since
//! two plans at once would ask for more than either therapist meant.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::calendar::weekday_name;
use super::history::History;
use super::i18n::Catalog;
use super::program::{
    ease_off_suggested, weekday, DoneSession, Phase, PlannedSession, Program, ProgramError, ProgramProgress,
};
use super::program_link::ProgramLinkError;
use super::progress_link::ProgramStanding;
use super::share::ShareError;
use super::store::{body_of, field, json, Decoded, Document, Kind, StoreError};

/// Prefix of the id a followed program's calendar events share.
pub const PROGRAM_ID_PREFIX: &str = "pg-";

/// A program someone follows from a start day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowedProgram {
    pub program: Program,
    /// The first day of the plan (days since 1970-01-01, the person's own calendar).
    pub start_day: i64,
    /// Stays the same while the person follows this program (or a newer plan of it), so
    /// calendar events keep their UID.
    pub id: String,
    /// Rises whenever the plan or its start changes, so a re-imported calendar file
    /// updates its events rather than adding a second set.
    pub sequence: u32,
}

impl FollowedProgram {
    /// Whether `program` looks like a newer plan of this one: the same title from the
    /// same sender (the link carries no id of its own; a therapist's edit keeps both).
    pub fn is_plan_of(&self, program: &Program) -> bool {
        self.program.title.trim() == program.title.trim()
            && self.program.author.trim() == program.author.trim()
    }

    /// Move the start to `start_day` (a changed start is a changed calendar).
    pub fn restart(&mut self, start_day: i64) {
        if start_day != self.start_day {
            self.start_day = start_day;
            self.sequence += 1;
        }
    }
}

/// Follow `program` from `start_day`. A newer plan of the program followed now keeps its
/// id (with a higher sequence); any other program gets the new id `fresh_id`.
pub fn follow(
    current: Option<&FollowedProgram>,
    program: Program,
    start_day: i64,
    fresh_id: String,
) -> FollowedProgram {
    match current {
        Some(current) if current.is_plan_of(&program) => FollowedProgram {
            program,
            start_day,
            id: current.id.clone(),
            sequence: current.sequence + 1,
        },
        _ => FollowedProgram {
            program,
            start_day,
            id: fresh_id,
            sequence: 0,
        },
    }
}

/// The sessions of the history that can count for a program: those played to the end,
/// on the day they were played where the person was, oldest first.
pub fn done_sessions(history: &History) -> Vec<DoneSession> {
    history
        .0
        .iter()
        .filter(|record| record.completed)
        .map(|record| DoneSession {
            day: record.day(),
            routine_id: record.routine_id.clone(),
            pain: record.pain_before.zip(record.pain_after),
        })
        .collect()
}

/// Adherence up to a day: of the sessions that were due (their day and the day after
/// are behind, or they are done already), how many were done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SoFar {
    pub due: u32,
    pub done: u32,
}

impl SoFar {
    /// Whole percent done of those due; `None` before anything was due.
    pub fn percent(&self) -> Option<u32> {
        (self.done * 100).checked_div(self.due)
    }
}

/// How the person stands on `today`: a planned session still inside its day-late window
/// is not yet missed.
pub fn so_far(progress: &ProgramProgress, today: i64) -> SoFar {
    let due = progress
        .sessions
        .iter()
        .zip(&progress.met)
        .filter(|(session, met)| met.is_some() || session.day + 1 < today);
    let (due, done) = due.fold((0, 0), |(due, done), (_, met)| {
        (due + 1, done + u32::from(met.is_some()))
    });
    SoFar { due, done }
}

/// Planned against done on `today`, as a progress link carries it to the therapist.
pub fn standing(followed: &FollowedProgram, done: &[DoneSession], today: i64) -> ProgramStanding {
    let progress = followed.program.progress(followed.start_day, done);
    let so_far = so_far(&progress, today);
    ProgramStanding {
        title: followed.program.title.clone(),
        done: so_far.done,
        due: so_far.due,
        planned: progress.planned(),
    }
}

/// Whether to suggest easing off and contacting the therapist: the program asks for the
/// rule, and the last rated sessions that counted for it left pain higher (see
/// [`ease_off_suggested`]).
pub fn suggests_easing_off(program: &Program, progress: &ProgramProgress, done: &[DoneSession]) -> bool {
    let ratings: Vec<(u8, u8)> = progress
        .met
        .iter()
        .filter_map(|met| done.get((*met)?)?.pain)
        .collect();
    program.ease_off_rule && ease_off_suggested(&ratings)
}

/// Where one planned session stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStatus {
    Done,
    /// Its day and the day after are behind.
    Missed,
    /// Planned today, or yesterday and still catchable today.
    Due,
    Planned,
}

impl SessionStatus {
    /// The status in a word ("done").
    pub fn key(self) -> &'static str {
        match self {
            SessionStatus::Done => "program.mine.status_done",
            SessionStatus::Missed => "program.mine.status_missed",
            SessionStatus::Due => "program.mine.status_today",
            SessionStatus::Planned => "program.mine.status_planned",
        }
    }
}

/// Where planned session `index` of `progress` stands on `today`.
pub fn session_status(progress: &ProgramProgress, index: usize, today: i64) -> SessionStatus {
    let day = progress.sessions[index].day;
    match progress.met[index] {
        Some(_) => SessionStatus::Done,
        None if day + 1 < today => SessionStatus::Missed,
        None if day <= today => SessionStatus::Due,
        None => SessionStatus::Planned,
    }
}

/// The first session planned after `today`.
pub fn next_session(progress: &ProgramProgress, today: i64) -> Option<PlannedSession> {
    progress
        .sessions
        .iter()
        .find(|session| session.day > today)
        .copied()
}

/// A Monday (2026-12-07), for laying a plan out on weeks that start on Mondays.
const A_MONDAY: i64 = 20_794;

/// The plan on paper: per program week, per weekday (Monday first), the planned
/// routine as (phase, routine index), laid out as if started on a Monday. A phase
/// still without routines (in the builder) has no sessions to show.
pub fn weekly_grid(program: &Program) -> Vec<[Option<(usize, usize)>; 7]> {
    let mut grid = vec![[None; 7]; program.weeks() as usize];
    let exists = |phase: usize, routine: usize| program.phases[phase].routines.get(routine).is_some();
    for session in program.planned_sessions(A_MONDAY) {
        if !exists(session.phase, session.routine) {
            continue;
        }
        if let Some(week) = grid.get_mut(session.week) {
            week[weekday(session.day)] = Some((session.phase, session.routine));
        }
    }
    grid
}

/// "19:00" for a minute of the day.
pub fn time_of_day(minute_of_day: u16) -> String {
    format!("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

/// "Mon, Wed, Fri at 19:00".
pub fn schedule_words(phase: &Phase, texts: &Catalog) -> String {
    let days = (0..7)
        .filter(|day| phase.weekdays[*day])
        .map(|day| weekday_name(day, texts))
        .collect::<Vec<_>>()
        .join(", ");
    texts.fill(
        "program.days_at",
        &[("days", &days), ("time", &time_of_day(phase.minute_of_day))],
    )
}

impl ProgramError {
    /// What is wrong, for the person making or opening the program.
    pub fn message(&self, texts: &Catalog) -> String {
        let phase = |index: &usize| (index + 1).to_string();
        match self {
            ProgramError::Title => texts.text("program.error.title").to_string(),
            ProgramError::TextTooLong => texts.text("program.error.text_too_long").to_string(),
            ProgramError::NoPhases | ProgramError::TooManyPhases => {
                texts.text("program.error.phases").to_string()
            }
            ProgramError::Weeks(index) => texts.fill("program.error.weeks", &[("phase", &phase(index))]),
            ProgramError::Routines(index) => {
                texts.fill("program.error.routines", &[("phase", &phase(index))])
            }
            ProgramError::NoWeekday(index) => {
                texts.fill("program.error.weekdays", &[("phase", &phase(index))])
            }
            ProgramError::TimeOfDay(index) => texts.fill("program.error.time", &[("phase", &phase(index))]),
            ProgramError::Routine(index, _) => {
                texts.fill("program.error.routine", &[("phase", &phase(index))])
            }
        }
    }
}

impl ProgramLinkError {
    /// Why the link cannot be opened and what to do, in words.
    pub fn message(&self, texts: &Catalog) -> String {
        match self {
            ProgramLinkError::Link(ShareError::Empty) => texts.text("link.program.empty").to_string(),
            ProgramLinkError::Link(ShareError::TooLong | ShareError::TooLarge) => {
                texts.text("link.program.too_long").to_string()
            }
            ProgramLinkError::Link(ShareError::NewerVersion(_)) => {
                texts.text("link.program.newer").to_string()
            }
            ProgramLinkError::Link(ShareError::NotBase64 | ShareError::Damaged | ShareError::Invalid(_)) => {
                texts.text("link.program.damaged").to_string()
            }
            ProgramLinkError::Invalid(error) => {
                texts.fill("link.program.invalid", &[("problem", &error.message(texts))])
            }
        }
    }
}

/// The stored document: the program followed, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgramDocument(pub Option<FollowedProgram>);

impl Document for ProgramDocument {
    const NAME: &'static str = "program";
    const KIND: Kind = Kind::Program;
    const SCHEMA: u32 = 1;

    /// Read whole or not at all: a plan with a part missing would count sessions wrongly.
    fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError> {
        let followed: Option<FollowedProgram> = field(&body, "followed")?;
        if let Some(followed) = &followed {
            if followed.program.validate().is_err() {
                return Err(StoreError::WrongShape("the program cannot be followed".into()));
            }
            if !super::routine::is_valid_id(&followed.id) {
                return Err(StoreError::WrongShape(
                    "the program id is not one this app writes".into(),
                ));
            }
        }
        Ok(Decoded::whole(ProgramDocument(followed)))
    }

    fn encode(&self) -> Map<String, Value> {
        body_of([("followed", json(&self.0))])
    }

    /// No program followed: the home page then fetches no Today card.
    fn is_empty(&self) -> bool {
        self.0.is_none()
    }
}
