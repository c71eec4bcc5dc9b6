//! Composing a program in the builder: a sensible start and the edits the form makes,
//! each keeping the plan within the limits a link can carry.

use super::i18n::Locale;
use super::program::{
    Phase, Program, ProgramRoutine, MAX_PHASES, MAX_ROUTINES_PER_PHASE, MAX_WEEKS_PER_PHASE,
};

/// Monday, Wednesday and Friday: the usual three sessions a week.
pub const THREE_TIMES_A_WEEK: [bool; 7] = [true, false, true, false, true, false, false];

/// A new phase: like the one before it (the usual next step is the same days with
/// other routines), or three weeks on Monday, Wednesday and Friday at 19:00.
pub fn new_phase(previous: Option<&Phase>) -> Phase {
    Phase {
        weeks: previous.map_or(3, |phase| phase.weeks),
        routines: Vec::new(),
        weekdays: previous.map_or(THREE_TIMES_A_WEEK, |phase| phase.weekdays),
        minute_of_day: previous.map_or(19 * 60, |phase| phase.minute_of_day),
    }
}

/// An empty program in the therapist's language, with one phase to fill in.
pub fn new_program(language: Locale) -> Program {
    Program {
        title: String::new(),
        author: String::new(),
        note: String::new(),
        language: Some(language),
        phases: vec![new_phase(None)],
        ease_off_rule: true,
    }
}

/// One edit the builder form makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgramEdit {
    AddPhase,
    RemovePhase(usize),
    /// Weeks of a phase, clamped to 1..=[`MAX_WEEKS_PER_PHASE`].
    Weeks(usize, u8),
    Weekday(usize, usize, bool),
    /// Minutes after midnight.
    Time(usize, u16),
    AddRoutine(usize, ProgramRoutine),
    RemoveRoutine(usize, usize),
}

impl ProgramEdit {
    /// Apply the edit; one that would leave the limits (a seventh phase, a fifth routine,
    /// the last phase removed, a phase that does not exist) changes nothing.
    pub fn apply(self, program: &mut Program) {
        match self {
            ProgramEdit::AddPhase if program.phases.len() < MAX_PHASES => {
                let phase = new_phase(program.phases.last());
                program.phases.push(phase);
            }
            ProgramEdit::RemovePhase(index) if program.phases.len() > 1 && index < program.phases.len() => {
                program.phases.remove(index);
            }
            ProgramEdit::Weeks(index, weeks) => {
                if let Some(phase) = program.phases.get_mut(index) {
                    phase.weeks = weeks.clamp(1, MAX_WEEKS_PER_PHASE);
                }
            }
            ProgramEdit::Weekday(index, day, on) => {
                if let Some(slot) = program
                    .phases
                    .get_mut(index)
                    .and_then(|phase| phase.weekdays.get_mut(day))
                {
                    *slot = on;
                }
            }
            ProgramEdit::Time(index, minute) => {
                if let Some(phase) = program.phases.get_mut(index) {
                    phase.minute_of_day = minute.min(24 * 60 - 1);
                }
            }
            ProgramEdit::AddRoutine(index, routine) => {
                if let Some(phase) = program.phases.get_mut(index) {
                    if phase.routines.len() < MAX_ROUTINES_PER_PHASE {
                        phase.routines.push(routine);
                    }
                }
            }
            ProgramEdit::RemoveRoutine(index, position) => {
                if let Some(phase) = program.phases.get_mut(index) {
                    if position < phase.routines.len() {
                        phase.routines.remove(position);
                    }
                }
            }
            ProgramEdit::AddPhase | ProgramEdit::RemovePhase(_) => {}
        }
    }
}

/// "19:30" from a time field; `None` for anything else.
pub fn parse_time_of_day(text: &str) -> Option<u16> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.get(..2)?.parse().ok()?);
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::ProgramError;

    fn built_in(id: &str) -> ProgramRoutine {
        ProgramRoutine::BuiltIn {
            id: id.into(),
            revision: 1,
        }
    }

    #[test]
    fn a_new_program_needs_a_title_and_a_routine_before_it_can_be_sent() {
        let mut program = new_program(Locale::German);
        assert_eq!(program.validate(), Err(ProgramError::Title));
        program.title = "Hüfte".into();
        assert_eq!(program.validate(), Err(ProgramError::Routines(0)));
        ProgramEdit::AddRoutine(0, built_in("hip-unwind")).apply(&mut program);
        assert_eq!(program.validate(), Ok(()));
        assert_eq!(program.planned_sessions(20_794).len(), 9);
    }

    #[test]
    fn edits_stay_within_the_limits() {
        let mut program = new_program(Locale::English);
        ProgramEdit::Weeks(0, 2).apply(&mut program);
        ProgramEdit::Weekday(0, 0, false).apply(&mut program);
        ProgramEdit::Time(0, 7 * 60 + 30).apply(&mut program);
        ProgramEdit::AddPhase.apply(&mut program);
        // The new phase starts like the one before it, without routines.
        assert_eq!(program.phases[1].weeks, 2);
        assert_eq!(
            program.phases[1].weekdays,
            [false, false, true, false, true, false, false]
        );
        assert_eq!(program.phases[1].minute_of_day, 450);
        assert!(program.phases[1].routines.is_empty());
        for _ in 0..10 {
            ProgramEdit::AddPhase.apply(&mut program);
            ProgramEdit::AddRoutine(1, built_in("hip-unwind")).apply(&mut program);
        }
        assert_eq!(
            (program.phases.len(), program.phases[1].routines.len()),
            (MAX_PHASES, MAX_ROUTINES_PER_PHASE)
        );
        ProgramEdit::Weeks(0, 0).apply(&mut program);
        ProgramEdit::Weeks(1, 200).apply(&mut program);
        assert_eq!(
            (program.phases[0].weeks, program.phases[1].weeks),
            (1, MAX_WEEKS_PER_PHASE)
        );
        ProgramEdit::RemoveRoutine(1, 9).apply(&mut program);
        ProgramEdit::RemoveRoutine(1, 0).apply(&mut program);
        assert_eq!(program.phases[1].routines.len(), 3);
        for _ in 0..10 {
            ProgramEdit::RemovePhase(0).apply(&mut program);
        }
        assert_eq!(program.phases.len(), 1, "the last phase stays");
        ProgramEdit::Weekday(7, 9, true).apply(&mut program);
        ProgramEdit::Time(0, 5000).apply(&mut program);
        assert_eq!(program.phases[0].minute_of_day, 1439);
    }

    #[test]
    fn times_of_day_from_a_time_field() {
        assert_eq!(parse_time_of_day("19:00"), Some(1140));
        assert_eq!(parse_time_of_day("07:05:00"), Some(425));
        for bad in ["", "24:00", "12:60", "7", "ab:cd", "12:5"] {
            assert_eq!(parse_time_of_day(bad), None, "{bad}");
        }
    }
}
