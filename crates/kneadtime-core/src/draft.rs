//! The builder's rules: what a draft starts as (a new routine, a copy of someone
//! else's, or an edit of the person's own), how its steps are added, moved,
//! copied, removed and changed, and what saving it stores. The builder's views
//! only call these.

use super::breathing::BreathingPattern;
use super::howto::default_instructions;
use super::i18n::Catalog;
use super::my_routines::{new_id, Provenance, SavedRoutine, ROUTINE_ID_PREFIX};
use super::routine::{
    limits, Area, Position, Pressure, Routine, Side, Step, Technique, Tool, ValidationError,
};

/// A new step: kneading the glute on both sides for a minute, with the standard how-to
/// text in the language of `texts`.
pub fn new_step(texts: &Catalog) -> Step {
    let (technique, area, tool) = (Technique::Kneading, Area::GluteusMaximus, Tool::Hands);
    Step {
        technique,
        area,
        side: Side::Both,
        duration_secs: 60,
        pressure: Pressure::Medium,
        tool,
        instructions: default_instructions(texts, technique, area, tool),
        breathing: None,
        // Follows the technique, area and tool until the therapist picks one.
        position: None,
    }
}

/// A routine being composed in the builder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub routine: Routine,
    /// Saving replaces the person's own routine (and bumps its revision) rather than adding one.
    pub own: bool,
}

impl Draft {
    /// What the builder opens for a routine id: `saved` is the person's saved routine with
    /// that id, `find` looks the id up anywhere (saved, built in, received). Their own
    /// routine, made here, is edited in place; any other is copied, so its author's link
    /// still updates theirs; nothing found starts a new routine. `random` makes a new id;
    /// `texts` words a copy's title.
    pub fn start(
        saved: Option<SavedRoutine>,
        find: impl FnOnce() -> Option<Routine>,
        random: u64,
        texts: &Catalog,
    ) -> Draft {
        match saved {
            Some(saved) if saved.provenance == Provenance::Made => Draft::edit(saved.routine),
            _ => match find() {
                Some(original) => Draft::copy_of(original, random, texts),
                None => Draft::blank(texts, random),
            },
        }
    }

    /// A new routine: untitled, with one standard step.
    pub fn blank(texts: &Catalog, random: u64) -> Draft {
        Draft {
            routine: Routine {
                id: new_id(ROUTINE_ID_PREFIX, random),
                revision: 0,
                title: String::new(),
                summary: String::new(),
                author: String::new(),
                note: String::new(),
                language: Some(texts.locale()),
                breathing: BreathingPattern::ExtendedExhale,
                steps: vec![new_step(texts)],
            },
            own: false,
        }
    }

    /// The person's version of someone else's routine: a new id, revision 0, "(my version)" in
    /// the title (cut to fit), everything else as it was.
    pub fn copy_of(original: Routine, random: u64, texts: &Catalog) -> Draft {
        Draft {
            routine: Routine {
                id: new_id(ROUTINE_ID_PREFIX, random),
                revision: 0,
                title: texts
                    .fill("builder.copy_title", &[("title", &original.title)])
                    .chars()
                    .take(limits::TITLE_MAX_CHARS)
                    .collect(),
                // A built-in's words are in the language the app shows now.
                language: Some(original.language.unwrap_or(texts.locale())),
                ..original
            },
            own: false,
        }
    }

    /// An edit of the person's own routine.
    pub fn edit(routine: Routine) -> Draft {
        Draft { routine, own: true }
    }

    /// The routine to save (as made here), or `None` while it has problems. An edit of
    /// their own routine gets the next revision, so links to the old one see an update.
    pub fn to_save(&self) -> Option<Routine> {
        if !self.problems().is_empty() {
            return None;
        }
        let mut routine = self.routine.clone();
        if self.own {
            routine.revision += 1;
        }
        Some(routine)
    }

    /// Everything that stops the draft from being saved.
    pub fn problems(&self) -> Vec<ValidationError> {
        self.routine.validate()
    }

    /// Step `index`, if there is one.
    pub fn step(&self, index: usize) -> Option<&Step> {
        self.routine.steps.get(index)
    }

    /// Whether another step fits (a new one or a copy).
    pub fn can_add_step(&self) -> bool {
        self.routine.steps.len() < limits::MAX_STEPS
    }

    /// Adds a new standard step at the end, if one fits.
    pub fn add_step(&mut self, texts: &Catalog) {
        if self.can_add_step() {
            self.routine.steps.push(new_step(texts));
        }
    }

    /// Puts a copy of step `index` right after it, if one fits.
    pub fn duplicate_step(&mut self, index: usize) {
        if let Some(step) = self.step(index).filter(|_| self.can_add_step()).cloned() {
            self.routine.steps.insert(index + 1, step);
        }
    }

    pub fn remove_step(&mut self, index: usize) {
        if index < self.routine.steps.len() {
            self.routine.steps.remove(index);
        }
    }

    /// Takes step `from` out and puts it back at position `to` (a drag and drop);
    /// positions past the end change nothing.
    pub fn move_step(&mut self, from: usize, to: usize) {
        let steps = &mut self.routine.steps;
        if from < steps.len() && to < steps.len() {
            let step = steps.remove(from);
            steps.insert(to, step);
        }
    }

    /// Swaps step `index` with the one before it, if any.
    pub fn move_step_up(&mut self, index: usize) {
        if let Some(before) = index.checked_sub(1) {
            self.move_step(index, before);
        }
    }

    /// Swaps step `index` with the one after it, if any.
    pub fn move_step_down(&mut self, index: usize) {
        self.move_step(index, index + 1);
    }

    /// Makes one change to step `index`, if there is one (`texts` for the standard
    /// how-to text a new technique, area or tool brings).
    pub fn edit_step(&mut self, texts: &Catalog, index: usize, edit: StepEdit) {
        if let Some(step) = self.routine.steps.get_mut(index) {
            edit.apply(texts, step);
        }
    }
}

/// One change to a step, as the builder's fields make them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepEdit {
    Technique(Technique),
    Area(Area),
    Tool(Tool),
    Side(Side),
    Pressure(Pressure),
    Breathing(Option<BreathingPattern>),
    Position(Position),
    DurationSecs(u32),
    Instructions(String),
}

impl StepEdit {
    /// Makes the change. A new technique, area or tool brings its standard how-to text
    /// along (in the language of `texts`), unless the person rewrote the text, and the
    /// position it calls for, unless the person chose another. A chosen position that
    /// is the one the step would take anyway is stored as none, so links stay in the
    /// oldest format that carries them.
    pub fn apply(self, texts: &Catalog, step: &mut Step) {
        match self {
            StepEdit::Technique(technique) => retarget(texts, step, |step| step.technique = technique),
            StepEdit::Area(area) => retarget(texts, step, |step| step.area = area),
            StepEdit::Tool(tool) => retarget(texts, step, |step| step.tool = tool),
            StepEdit::Side(side) => step.side = side,
            StepEdit::Pressure(pressure) => step.pressure = pressure,
            StepEdit::Breathing(breathing) => step.breathing = breathing,
            StepEdit::Position(position) => {
                step.position = Some(position).filter(|&position| position != derived_position(step));
            }
            StepEdit::DurationSecs(secs) => step.duration_secs = secs,
            StepEdit::Instructions(text) => step.instructions = text,
        }
    }
}

/// Changes what, where or with what a step works, keeping its standard text and
/// position in step.
fn retarget(texts: &Catalog, step: &mut Step, change: impl FnOnce(&mut Step)) {
    let standard = |step: &Step| default_instructions(texts, step.technique, step.area, step.tool);
    let was_standard = step.instructions == standard(step);
    let position_was_standard = step.position() == derived_position(step);
    change(step);
    if was_standard {
        step.instructions = standard(step);
    }
    if position_was_standard {
        step.position = None;
    }
}

fn derived_position(step: &Step) -> Position {
    Position::derived(step.technique, step.area, step.tool)
}
