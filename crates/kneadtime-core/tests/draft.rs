//! The builder's rules, natively: where a draft starts, moving, copying and
//! removing steps, and how-to text that follows a step's technique, area and
//! tool unless the person rewrote it.
#![cfg(not(target_arch = "wasm32"))]

use kneadtime_core::breathing::BreathingPattern;
use kneadtime_core::draft::{new_step, Draft, StepEdit};
use kneadtime_core::howto::default_instructions;
use kneadtime_core::i18n::Locale;
use kneadtime_core::library::builtin_routine;
use kneadtime_core::my_routines::{Provenance, SavedRoutine, ROUTINE_ID_PREFIX};
use kneadtime_core::routine::{
    is_valid_id, limits, Area, Field, Position, Pressure, Problem, Routine, Side, Step, Technique, Tool,
};
use kneadtime_core::testing::{any_routine, english, routine, step};
use proptest::prelude::*;

fn draft_of(steps: Vec<Step>) -> Draft {
    Draft {
        routine: routine(steps),
        own: false,
    }
}

/// Steps told apart by their length: step `n` lasts `n` seconds.
fn numbered(count: u32) -> Draft {
    draft_of((1..=count).map(|secs| step(Side::None, secs)).collect())
}

fn lengths(draft: &Draft) -> Vec<u32> {
    draft
        .routine
        .steps
        .iter()
        .map(|step| step.duration_secs)
        .collect()
}

/// Whether `a` and `b` hold the same steps, each as often, in any order.
fn same_steps(a: &[Step], b: &[Step]) -> bool {
    let count = |steps: &[Step], step: &Step| steps.iter().filter(|s| *s == step).count();
    a.len() == b.len() && a.iter().all(|step| count(a, step) == count(b, step))
}

fn saved(provenance: Provenance) -> SavedRoutine {
    let mut routine = builtin_routine(&english(), "hip-unwind").unwrap();
    routine.id = "r-mine".into();
    routine.revision = 3;
    SavedRoutine { routine, provenance }
}

#[test]
fn a_new_step_kneads_the_glute_with_the_standard_text() {
    let step = new_step(&english());
    assert_eq!(
        (step.technique, step.area, step.side, step.tool),
        (Technique::Kneading, Area::GluteusMaximus, Side::Both, Tool::Hands)
    );
    assert_eq!(
        (step.duration_secs, step.pressure, step.breathing),
        (60, Pressure::Medium, None)
    );
    assert_eq!(
        step.instructions,
        default_instructions(&english(), Technique::Kneading, Area::GluteusMaximus, Tool::Hands)
    );
}

#[test]
fn a_new_routine_has_a_fresh_id_one_step_and_only_its_title_missing() {
    let draft = Draft::blank(&english(), 42);
    assert!(!draft.own);
    assert!(draft.routine.id.starts_with(ROUTINE_ID_PREFIX));
    assert!(is_valid_id(&draft.routine.id));
    assert_ne!(Draft::blank(&english(), 43).routine.id, draft.routine.id);
    assert_eq!(draft.routine.revision, 0);
    assert_eq!(draft.routine.steps, vec![new_step(&english())]);
    assert_eq!(draft.routine.breathing, BreathingPattern::ExtendedExhale);
    let fields: Vec<Field> = draft.problems().iter().map(|e| e.field).collect();
    assert_eq!(fields, vec![Field::Title]);
    assert_eq!(draft.to_save(), None);
}

#[test]
fn a_copy_gets_a_new_id_revision_zero_and_says_it_is_mine() {
    let original = saved(Provenance::Received).routine;
    let draft = Draft::copy_of(original.clone(), 7, &english());
    assert!(!draft.own);
    assert_ne!(draft.routine.id, original.id);
    assert!(is_valid_id(&draft.routine.id));
    assert_eq!(draft.routine.revision, 0);
    assert_eq!(draft.routine.title, format!("{} (my version)", original.title));
    assert_eq!(
        Routine {
            id: original.id.clone(),
            revision: original.revision,
            title: original.title.clone(),
            language: original.language,
            ..draft.routine.clone()
        },
        original
    );
    // Words of unknown language are taken to be in the language the app shows.
    assert_eq!(draft.routine.language, Some(Locale::English));
    // Saving a copy adds a new routine at revision 0.
    assert_eq!(draft.to_save().map(|r| r.revision), Some(0));
}

#[test]
fn a_copy_of_a_long_title_still_fits() {
    let mut original = routine(vec![step(Side::None, 60)]);
    original.title = "x".repeat(limits::TITLE_MAX_CHARS);
    let title = Draft::copy_of(original, 1, &english()).routine.title;
    assert_eq!(title.chars().count(), limits::TITLE_MAX_CHARS);
    assert!(!title.contains("(my"));
    let mut original = routine(vec![step(Side::None, 60)]);
    original.title = "é".repeat(limits::TITLE_MAX_CHARS - 5);
    let title = Draft::copy_of(original, 1, &english()).routine.title;
    assert_eq!(title, format!("{} (my ", "é".repeat(limits::TITLE_MAX_CHARS - 5)));
}

#[test]
fn editing_their_own_routine_keeps_its_id_and_saves_the_next_revision() {
    let mine = saved(Provenance::Made).routine;
    let draft = Draft::edit(mine.clone());
    assert!(draft.own);
    assert_eq!(draft.routine, mine);
    let to_save = draft.to_save().unwrap();
    assert_eq!((to_save.id.as_str(), to_save.revision), ("r-mine", 4));
    assert_eq!(draft.routine.revision, 3, "the draft itself is not changed");
}

#[test]
fn the_builder_starts_from_own_copy_or_nothing() {
    let never = || -> Option<Routine> { panic!("own routines need no lookup") };
    let own = Draft::start(Some(saved(Provenance::Made)), never, 1, &english());
    assert_eq!(own, Draft::edit(saved(Provenance::Made).routine));

    let received = saved(Provenance::Received);
    let found = received.routine.clone();
    let copy = Draft::start(Some(received), || Some(found.clone()), 1, &english());
    assert_eq!(copy, Draft::copy_of(found, 1, &english()));

    let builtin = builtin_routine(&english(), "desk-break-reset").unwrap();
    let copy = Draft::start(None, || Some(builtin.clone()), 2, &english());
    assert_eq!(copy, Draft::copy_of(builtin, 2, &english()));

    assert_eq!(
        Draft::start(None, || None, 3, &english()),
        Draft::blank(&english(), 3)
    );
}

#[test]
fn steps_move_up_down_and_by_drag() {
    let mut draft = numbered(4);
    draft.move_step_up(2);
    assert_eq!(lengths(&draft), [1, 3, 2, 4]);
    draft.move_step_down(0);
    assert_eq!(lengths(&draft), [3, 1, 2, 4]);
    draft.move_step(0, 3);
    assert_eq!(lengths(&draft), [1, 2, 4, 3]);
    draft.move_step(3, 1);
    assert_eq!(lengths(&draft), [1, 3, 2, 4]);
    // At the ends and past them nothing moves.
    draft.move_step_up(0);
    draft.move_step_down(3);
    draft.move_step(4, 0);
    draft.move_step(0, 4);
    draft.move_step_up(9);
    assert_eq!(lengths(&draft), [1, 3, 2, 4]);
}

#[test]
fn steps_are_copied_and_removed_in_place() {
    let mut draft = numbered(3);
    draft.duplicate_step(1);
    assert_eq!(lengths(&draft), [1, 2, 2, 3]);
    draft.duplicate_step(4);
    assert_eq!(lengths(&draft), [1, 2, 2, 3]);
    draft.remove_step(0);
    assert_eq!(lengths(&draft), [2, 2, 3]);
    draft.remove_step(3);
    assert_eq!(lengths(&draft), [2, 2, 3]);
    draft.add_step(&english());
    assert_eq!(draft.step(3), Some(&new_step(&english())));
    assert_eq!(draft.step(4), None);
}

#[test]
fn no_step_is_added_or_copied_past_the_limit() {
    let mut draft = numbered(limits::MAX_STEPS as u32 - 1);
    assert!(draft.can_add_step());
    draft.duplicate_step(0);
    assert!(!draft.can_add_step());
    draft.add_step(&english());
    draft.duplicate_step(0);
    assert_eq!(draft.routine.steps.len(), limits::MAX_STEPS);
    assert!(!draft
        .problems()
        .iter()
        .any(|e| matches!(e.problem, Problem::TooMany { .. })));
}

#[test]
fn standard_text_follows_technique_area_and_tool() {
    let mut draft = draft_of(vec![new_step(&english())]);
    draft.edit_step(&english(), 0, StepEdit::Technique(Technique::TriggerPoint));
    draft.edit_step(&english(), 0, StepEdit::Area(Area::Piriformis));
    draft.edit_step(&english(), 0, StepEdit::Tool(Tool::MassageBall));
    let step = draft.step(0).unwrap();
    assert_eq!(
        (step.technique, step.area, step.tool),
        (Technique::TriggerPoint, Area::Piriformis, Tool::MassageBall)
    );
    assert_eq!(
        step.instructions,
        default_instructions(
            &english(),
            Technique::TriggerPoint,
            Area::Piriformis,
            Tool::MassageBall
        )
    );
}

#[test]
fn rewritten_text_stays_when_the_step_is_retargeted() {
    let mut draft = draft_of(vec![new_step(&english())]);
    draft.edit_step(&english(), 0, StepEdit::Instructions("My own words.".into()));
    draft.edit_step(&english(), 0, StepEdit::Technique(Technique::Stretch));
    draft.edit_step(&english(), 0, StepEdit::Area(Area::LowerBack));
    draft.edit_step(&english(), 0, StepEdit::Tool(Tool::FoamRoller));
    let step = draft.step(0).unwrap();
    assert_eq!(step.instructions, "My own words.");
    assert_eq!(step.technique, Technique::Stretch);
}

#[test]
fn every_retarget_keeps_standard_text_standard_and_rewritten_text_as_written() {
    let edits = Technique::ALL
        .map(StepEdit::Technique)
        .into_iter()
        .chain(Area::ALL.map(StepEdit::Area))
        .chain(Tool::ALL.map(StepEdit::Tool));
    for edit in edits {
        let mut standard = new_step(&english());
        edit.clone().apply(&english(), &mut standard);
        assert_eq!(
            standard.instructions,
            default_instructions(&english(), standard.technique, standard.area, standard.tool),
            "{edit:?}"
        );
        let mut rewritten = Step {
            instructions: "Mine.".into(),
            ..new_step(&english())
        };
        edit.clone().apply(&english(), &mut rewritten);
        assert_eq!(rewritten.instructions, "Mine.", "{edit:?}");
    }
}

#[test]
fn the_position_follows_the_tool_until_one_is_chosen() {
    let texts = english();
    let mut draft = draft_of(vec![new_step(&texts)]);
    let position = |draft: &Draft| draft.step(0).unwrap().position();
    assert_eq!(position(&draft), Position::Standing);
    // A ball under the piriformis: seated on the floor, as the tool calls for.
    draft.edit_step(&texts, 0, StepEdit::Area(Area::Piriformis));
    draft.edit_step(&texts, 0, StepEdit::Tool(Tool::MassageBall));
    assert_eq!(position(&draft), Position::SeatedOnFloor);
    assert_eq!(draft.step(0).unwrap().position, None);
    // Chosen: it stays through later changes of tool.
    draft.edit_step(&texts, 0, StepEdit::Position(Position::LyingOnBack));
    assert_eq!(draft.step(0).unwrap().position, Some(Position::LyingOnBack));
    draft.edit_step(&texts, 0, StepEdit::Tool(Tool::FoamRoller));
    assert_eq!(position(&draft), Position::LyingOnBack);
    // Choosing the one it would take anyway stores none, so links stay in older formats.
    draft.edit_step(&texts, 0, StepEdit::Position(Position::SeatedOnFloor));
    assert_eq!(draft.step(0).unwrap().position, None);
    assert_eq!(position(&draft), Position::SeatedOnFloor);
}

#[test]
fn other_edits_leave_the_text_alone() {
    let mut draft = draft_of(vec![new_step(&english())]);
    draft.edit_step(&english(), 0, StepEdit::Side(Side::Left));
    draft.edit_step(&english(), 0, StepEdit::Pressure(Pressure::Firm));
    draft.edit_step(&english(), 0, StepEdit::Breathing(Some(BreathingPattern::Box)));
    draft.edit_step(&english(), 0, StepEdit::DurationSecs(90));
    draft.edit_step(&english(), 1, StepEdit::DurationSecs(5));
    assert_eq!(
        draft.routine.steps,
        vec![Step {
            side: Side::Left,
            pressure: Pressure::Firm,
            breathing: Some(BreathingPattern::Box),
            duration_secs: 90,
            ..new_step(&english())
        }]
    );
}

/// A step-list change as the builder's buttons and drags make them.
#[derive(Debug, Clone, Copy)]
enum Move {
    Up(usize),
    Down(usize),
    Drag(usize, usize),
}

fn any_move() -> impl Strategy<Value = Move> {
    prop_oneof![
        (0usize..14).prop_map(Move::Up),
        (0usize..14).prop_map(Move::Down),
        (0usize..14, 0usize..14).prop_map(|(from, to)| Move::Drag(from, to)),
    ]
}

proptest! {
    #[test]
    fn moves_keep_every_step_once(routine in any_routine(), moves in proptest::collection::vec(any_move(), 0..20)) {
        let mut draft = Draft { routine, own: false };
        let before = draft.routine.steps.clone();
        for step_move in moves {
            let steps = draft.routine.steps.clone();
            match step_move {
                Move::Up(index) => draft.move_step_up(index),
                Move::Down(index) => draft.move_step_down(index),
                Move::Drag(from, to) => {
                    draft.move_step(from, to);
                    if from < steps.len() && to < steps.len() {
                        prop_assert_eq!(&draft.routine.steps[to], &steps[from]);
                    } else {
                        prop_assert_eq!(&draft.routine.steps, &steps);
                    }
                }
            }
            prop_assert!(same_steps(&draft.routine.steps, &steps));
        }
        prop_assert!(same_steps(&draft.routine.steps, &before));
    }

    #[test]
    fn copy_adds_one_twin_and_remove_takes_one_away(routine in any_routine(), index in 0usize..14) {
        let mut draft = Draft { routine, own: false };
        let before = draft.routine.steps.clone();
        draft.duplicate_step(index);
        if index < before.len() {
            prop_assert_eq!(draft.routine.steps.len(), before.len() + 1);
            prop_assert_eq!(&draft.routine.steps[index + 1], &before[index]);
            draft.remove_step(index + 1);
        }
        prop_assert_eq!(&draft.routine.steps, &before);
    }
}
