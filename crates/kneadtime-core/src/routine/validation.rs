//! What makes a routine savable, shareable and playable: the limits on its
//! texts and steps, and the problems reported field by field.

use super::Routine;
use crate::i18n::Catalog;

/// Limits that keep a routine playable, shareable as a link and readable.
pub mod limits {
    /// Titles longer than this no longer fit a card on a phone.
    pub const TITLE_MAX_CHARS: usize = 80;
    /// A summary is one or two sentences.
    pub const SUMMARY_MAX_CHARS: usize = 240;
    /// Author line, e.g. "Dr. Ana Ruiz, PT".
    pub const AUTHOR_MAX_CHARS: usize = 80;
    /// A note from the therapist to the client.
    pub const NOTE_MAX_CHARS: usize = 500;
    /// How-to text of one step.
    pub const INSTRUCTIONS_MAX_CHARS: usize = 600;
    /// More steps than this is a program, not a routine (and would not fit a link).
    pub const MAX_STEPS: usize = 30;
    /// Shortest step: anything shorter cannot be followed with eyes closed.
    pub const STEP_MIN_SECS: u32 = 5;
    /// Longest step (per side): 15 minutes of pressure on one spot is never advised.
    pub const STEP_MAX_SECS: u32 = 900;
    /// Routine ids are short slugs.
    pub const ID_MAX_CHARS: usize = 64;
}

impl Routine {
    /// Every problem that would stop this routine from being saved, shared or played.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if !is_valid_id(&self.id) {
            errors.push(ValidationError::new(Field::Id, Problem::BadId));
        }
        check_text(
            &mut errors,
            Field::Title,
            &self.title,
            limits::TITLE_MAX_CHARS,
            true,
        );
        check_text(
            &mut errors,
            Field::Summary,
            &self.summary,
            limits::SUMMARY_MAX_CHARS,
            false,
        );
        check_text(
            &mut errors,
            Field::Author,
            &self.author,
            limits::AUTHOR_MAX_CHARS,
            false,
        );
        check_text(
            &mut errors,
            Field::Note,
            &self.note,
            limits::NOTE_MAX_CHARS,
            false,
        );
        if self.steps.is_empty() {
            errors.push(ValidationError::new(Field::Steps, Problem::NoSteps));
        }
        if self.steps.len() > limits::MAX_STEPS {
            errors.push(ValidationError::new(
                Field::Steps,
                Problem::TooMany {
                    max: limits::MAX_STEPS,
                },
            ));
        }
        for (index, step) in self.steps.iter().enumerate() {
            if !(limits::STEP_MIN_SECS..=limits::STEP_MAX_SECS).contains(&step.duration_secs) {
                errors.push(ValidationError::new(
                    Field::StepDuration(index),
                    Problem::DurationOutOfRange {
                        min: limits::STEP_MIN_SECS,
                        max: limits::STEP_MAX_SECS,
                    },
                ));
            }
            check_text(
                &mut errors,
                Field::StepInstructions(index),
                &step.instructions,
                limits::INSTRUCTIONS_MAX_CHARS,
                true,
            );
        }
        errors
    }
}

/// Ids are lowercase ASCII letters, digits and dashes: safe in URLs, storage keys and DOM ids.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= limits::ID_MAX_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_text(errors: &mut Vec<ValidationError>, field: Field, text: &str, max: usize, required: bool) {
    if required && text.trim().is_empty() {
        errors.push(ValidationError::new(field, Problem::Empty));
    }
    if text.chars().count() > max {
        errors.push(ValidationError::new(field, Problem::TooLong { max }));
    }
}

/// Which part of a routine a validation message belongs next to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Title,
    Summary,
    Author,
    Note,
    Steps,
    StepDuration(usize),
    StepInstructions(usize),
}

impl Field {
    /// The step this field belongs to, if it is a step's.
    pub fn step(self) -> Option<usize> {
        match self {
            Field::StepDuration(index) | Field::StepInstructions(index) => Some(index),
            _ => None,
        }
    }
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    BadId,
    Empty,
    TooLong { max: usize },
    NoSteps,
    TooMany { max: usize },
    DurationOutOfRange { min: u32, max: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidationError {
    pub field: Field,
    pub problem: Problem,
}

impl ValidationError {
    fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }

    /// A message a person can act on, shown next to the field.
    pub fn message(&self, texts: &Catalog) -> String {
        match self.problem {
            Problem::BadId => texts.text("builder.validation.bad_id").to_string(),
            Problem::Empty => texts.text("builder.validation.empty").to_string(),
            Problem::TooLong { max } => texts.count("builder.validation.too_long", max as u64, &[]),
            Problem::NoSteps => texts.text("builder.validation.no_steps").to_string(),
            Problem::TooMany { max } => texts.count("builder.validation.too_many", max as u64, &[]),
            Problem::DurationOutOfRange { min, max } => texts.fill(
                "builder.validation.duration",
                &[("min", &min.to_string()), ("max", &(max / 60).to_string())],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::Side;
    use crate::testing::{routine, step};

    #[test]
    fn validation_reports_each_field() {
        let mut r = routine(vec![step(Side::None, 0)]);
        r.title = "  ".into();
        r.id = "Bad Id".into();
        r.steps[0].instructions = "x".repeat(limits::INSTRUCTIONS_MAX_CHARS + 1);
        let fields: Vec<Field> = r.validate().iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                Field::Id,
                Field::Title,
                Field::StepDuration(0),
                Field::StepInstructions(0)
            ]
        );
        let steps: Vec<Option<usize>> = fields.iter().map(|field| field.step()).collect();
        assert_eq!(steps, vec![None, None, Some(0), Some(0)]);
        assert!(routine(vec![])
            .validate()
            .iter()
            .any(|e| e.problem == Problem::NoSteps));
        let many = routine(vec![step(Side::None, 10); limits::MAX_STEPS + 1]);
        assert!(many
            .validate()
            .iter()
            .any(|e| matches!(e.problem, Problem::TooMany { .. })));
    }

    #[test]
    fn messages_read_as_in_english() {
        let texts = crate::testing::english();
        let message = |problem| ValidationError::new(Field::Title, problem).message(&texts);
        assert_eq!(
            message(Problem::BadId),
            "Use lowercase letters, digits and dashes only."
        );
        assert_eq!(message(Problem::Empty), "This cannot be empty.");
        assert_eq!(
            message(Problem::TooLong { max: 80 }),
            "Keep this under 80 characters."
        );
        assert_eq!(message(Problem::NoSteps), "Add at least one step.");
        assert_eq!(
            message(Problem::TooMany { max: 30 }),
            "A routine can have at most 30 steps."
        );
        assert_eq!(
            message(Problem::DurationOutOfRange { min: 5, max: 900 }),
            "Choose between 5 seconds and 15 minutes."
        );
    }
}
