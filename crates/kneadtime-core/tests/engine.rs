//! Session engine behaviour, natively: exact timing, operations at the edges,
//! cues after a long sleep, and properties over arbitrary routines and operations.
#![cfg(not(target_arch = "wasm32"))]

use kneadtime_core::breathing::BreathPhase;
use kneadtime_core::plan::{Plan, SegmentKind, Timing};
use kneadtime_core::routine::{Side, Step};
use kneadtime_core::session::{CueKind, Session, Status, BACK_GRACE_MS, CUE_FRESH_MS};
use proptest::prelude::*;

use kneadtime_core::testing::{any_ops, any_routine, any_timing, apply, routine, step};

const T0: u64 = 1_700_000_000_000;

/// 5 s get-ready, 8 s switch, no rest.
fn timing() -> Timing {
    Timing {
        lead_in_ms: 5_000,
        switch_ms: 8_000,
        rest_ms: 0,
    }
}

fn started(steps: Vec<Step>) -> Session {
    let mut session = Session::new(&routine(steps), timing());
    session.start(T0);
    session
}

fn at(session: &Session, offset: u64) -> (Status, Option<(SegmentKind, usize, Side)>) {
    let state = session.state_at(T0 + offset);
    (state.status, state.current.map(|c| (c.kind, c.step, c.side)))
}

#[test]
fn a_session_is_active_from_start_to_finish_paused_or_not() {
    let mut session = Session::new(&routine(vec![step(Side::None, 60)]), timing());
    let active = |session: &Session, t: u64| session.state_at(t).status.is_active();
    assert!(!active(&session, T0));
    session.start(T0);
    assert!(active(&session, T0));
    session.pause(T0 + 10_000);
    assert!(active(&session, T0 + 20_000));
    session.resume(T0 + 20_000);
    assert!(active(&session, T0 + 20_000));
    // Played to the end: finished, no longer active.
    assert!(!active(&session, T0 + 75_000));
    session.end(T0 + 30_000);
    assert!(!active(&session, T0 + 30_000));
    assert_eq!(
        [Status::Ready, Status::Running, Status::Paused, Status::Finished].map(Status::is_active),
        [false, true, true, false]
    );
}

#[test]
fn two_hour_routine_hits_every_boundary_to_the_millisecond() {
    // 24 steps of 295 s (+5 s get-ready) = exactly 2 hours.
    let session = started(vec![step(Side::None, 295); 24]);
    assert_eq!(session.plan().total_ms(), 7_200_000);
    for k in 0..24u64 {
        let block = k * 300_000;
        assert_eq!(
            at(&session, block).1,
            Some((SegmentKind::GetReady, k as usize, Side::None))
        );
        assert_eq!(at(&session, block + 4_999).1.unwrap().0, SegmentKind::GetReady);
        assert_eq!(
            at(&session, block + 5_000).1,
            Some((SegmentKind::Work, k as usize, Side::None))
        );
        if k > 0 {
            assert_eq!(
                at(&session, block - 1).1,
                Some((SegmentKind::Work, k as usize - 1, Side::None))
            );
        }
        let state = session.state_at(T0 + block + 5_000);
        assert_eq!(state.routine_elapsed_ms, block + 5_000);
        assert_eq!(state.current.unwrap().remaining_ms, 295_000);
    }
    let last = session.state_at(T0 + 7_199_999);
    assert_eq!(last.status, Status::Running);
    assert_eq!(last.routine_remaining_ms, 1);
    let done = session.state_at(T0 + 7_200_000);
    assert_eq!(
        (done.status, done.current, done.active_ms),
        (Status::Finished, None, 7_200_000)
    );
    // Long after the end, nothing keeps counting.
    assert_eq!(session.state_at(T0 + 9_000_000).active_ms, 7_200_000);
}

#[test]
fn pause_freezes_everything_and_resume_continues_exactly() {
    let mut session = started(vec![step(Side::None, 60)]);
    session.pause(T0 + 20_000);
    let paused = session.state_at(T0 + 500_000);
    assert_eq!(paused.status, Status::Paused);
    assert_eq!(paused.routine_elapsed_ms, 20_000);
    assert_eq!(paused.active_ms, 20_000);
    assert!(session.cues_between(T0 + 20_000, T0 + 500_000).is_empty());
    session.resume(T0 + 500_000);
    let resumed = session.state_at(T0 + 510_000);
    assert_eq!((resumed.routine_elapsed_ms, resumed.active_ms), (30_000, 30_000));
    // Pausing twice or resuming while running changes nothing.
    session.resume(T0 + 511_000);
    session.pause(T0 + 512_000);
    session.pause(T0 + 513_000);
    session.resume(T0 + 600_000);
    assert_eq!(session.state_at(T0 + 600_000).routine_elapsed_ms, 32_000);
    assert_eq!(session.state_at(T0 + 633_000).status, Status::Finished);
    assert_eq!(session.state_at(T0 + 632_999).status, Status::Running);
}

#[test]
fn skip_and_back_at_the_edges() {
    let mut session = started(vec![
        step(Side::None, 30),
        step(Side::None, 30),
        step(Side::None, 30),
    ]);
    // Back in the very first step restarts it.
    session.back(T0 + 1_000);
    assert_eq!(session.state_at(T0 + 1_000).routine_elapsed_ms, 0);
    // Skip from the first millisecond of step 0 lands on step 1's get-ready.
    session.skip(T0 + 1_000);
    assert_eq!(
        at(&session, 1_000).1,
        Some((SegmentKind::GetReady, 1, Side::None))
    );
    // Back right after the step began goes to the previous step...
    session.back(T0 + 1_000 + BACK_GRACE_MS - 1);
    assert_eq!(at(&session, 1_000 + BACK_GRACE_MS - 1).1.unwrap().1, 0);
    // ...and later restarts the current one.
    session.skip(T0 + 10_000);
    session.back(T0 + 10_000 + BACK_GRACE_MS);
    let state = session.state_at(T0 + 10_000 + BACK_GRACE_MS);
    assert_eq!(
        (state.current.unwrap().step, state.routine_elapsed_ms),
        (1, 35_000)
    );
    // Restart mid-step.
    session.restart_step(T0 + 30_000);
    assert_eq!(session.state_at(T0 + 30_000).routine_elapsed_ms, 35_000);
    // Skipping past the last step finishes the routine, with the skips recorded
    // (step 0 was skipped at 10 s; going back to a step clears its mark until skipped again).
    session.skip(T0 + 31_000);
    session.skip(T0 + 32_000);
    assert_eq!(session.state_at(T0 + 32_000).status, Status::Finished);
    let summary = session.summary(T0 + 40_000);
    assert_eq!(summary.steps_skipped, vec![0, 1, 2]);
    assert_eq!(summary.steps_completed, 0);
    assert!(!summary.ended_early);
    // Operations after the end do nothing.
    session.back(T0 + 50_000);
    session.skip(T0 + 50_000);
    assert_eq!(session.state_at(T0 + 50_000).status, Status::Finished);
}

#[test]
fn operations_before_start_do_nothing() {
    let mut session = Session::new(&routine(vec![step(Side::None, 30)]), timing());
    session.skip(T0);
    session.back(T0);
    session.pause(T0);
    session.end(T0);
    let state = session.state_at(T0 + 10_000);
    assert_eq!(
        (state.status, state.active_ms, state.routine_elapsed_ms),
        (Status::Ready, 0, 0)
    );
    assert_eq!(state.current.unwrap().kind, SegmentKind::GetReady);
}

#[test]
fn both_sides_step_plays_left_switch_right_with_cues() {
    let session = started(vec![step(Side::Both, 30)]);
    assert_eq!(at(&session, 0).1, Some((SegmentKind::GetReady, 0, Side::Left)));
    assert_eq!(at(&session, 5_000).1, Some((SegmentKind::Work, 0, Side::Left)));
    assert_eq!(
        at(&session, 35_000).1,
        Some((SegmentKind::SwitchSides, 0, Side::Right))
    );
    assert_eq!(at(&session, 43_000).1, Some((SegmentKind::Work, 0, Side::Right)));
    assert_eq!(at(&session, 73_000).0, Status::Finished);
    let kinds: Vec<CueKind> = session
        .planned_cues(T0, T0 + 80_000)
        .into_iter()
        .map(|c| c.kind)
        .filter(|k| !matches!(k, CueKind::Breath(_)))
        .collect();
    assert_eq!(
        kinds,
        vec![
            CueKind::GetReady {
                step: 0,
                side: Side::Left
            },
            CueKind::StepStart {
                step: 0,
                side: Side::Left
            },
            CueKind::Halfway { step: 0 },
            CueKind::TenSecondsLeft { step: 0 },
            CueKind::SwitchSides {
                step: 0,
                to: Side::Right
            },
            CueKind::StepStart {
                step: 0,
                side: Side::Right
            },
            CueKind::Halfway { step: 0 },
            CueKind::TenSecondsLeft { step: 0 },
            CueKind::RoutineDone,
        ]
    );
    // Cue times are exact.
    let switch = session
        .planned_cues(T0, T0 + 80_000)
        .into_iter()
        .find(|c| matches!(c.kind, CueKind::SwitchSides { .. }));
    assert_eq!(switch.unwrap().at_ms, T0 + 35_000);
}

#[test]
fn breath_cues_follow_the_pattern_inside_a_rest() {
    let rest = kneadtime_core::routine::Step {
        technique: kneadtime_core::routine::Technique::Rest,
        ..step(Side::None, 40)
    };
    let session = started(vec![rest]);
    let breaths: Vec<(u64, BreathPhase)> = session
        .planned_cues(T0, T0 + 60_000)
        .into_iter()
        .filter_map(|c| match c.kind {
            CueKind::Breath(phase) => Some((c.at_ms - T0, phase)),
            _ => None,
        })
        .collect();
    // Box breathing starts at the get-ready (0 s); work runs 5-45 s; the
    // phase change at exactly 5 s is not on a 4 s grid, so tones fall at 8, 12 ... 44 s.
    let expected: Vec<u64> = (2..=11).map(|k| k * 4_000).collect();
    assert_eq!(breaths.iter().map(|b| b.0).collect::<Vec<_>>(), expected);
    assert_eq!(breaths[0].1, BreathPhase::Exhale);
    assert_eq!(breaths[1].1, BreathPhase::HoldOut);
    // The pacer state agrees with the cue at the same moment.
    let state = session.state_at(T0 + 8_000).current.unwrap();
    assert_eq!(state.breath.phase, BreathPhase::Exhale);
    assert_eq!(state.breath.phase_elapsed_ms, 0);
}

/// A work step never paces a breath hold: box breathing there is paced as a long exhale.
#[test]
fn a_work_step_paces_a_long_exhale_instead_of_a_breath_hold() {
    let session = started(vec![step(Side::None, 40)]);
    let phases: Vec<BreathPhase> = session
        .planned_cues(T0 + 5_000, T0 + 45_000)
        .into_iter()
        .filter_map(|c| match c.kind {
            CueKind::Breath(phase) => Some(phase),
            _ => None,
        })
        .collect();
    assert!(!phases.is_empty());
    assert!(phases
        .iter()
        .all(|phase| matches!(phase, BreathPhase::Inhale | BreathPhase::Exhale)));
    let state = session.state_at(T0 + 10_000).current.unwrap();
    assert_eq!(
        state.breath.pattern,
        kneadtime_core::breathing::BreathingPattern::ExtendedExhale
    );
}

#[test]
fn waking_after_ten_minutes_announces_only_where_we_are() {
    // Step 0 block: 0-253 s; step 1 work: 258-858 s; step 2 work: 863-1163 s.
    let session = started(vec![
        step(Side::Both, 120),
        step(Side::None, 600),
        step(Side::None, 300),
    ]);
    // Normal ticking: the get-ready cue of step 0 is due at once.
    let first = session.cues_between(T0, T0 + 250);
    assert_eq!(first.len(), 1);
    assert_eq!(
        first[0].kind,
        CueKind::GetReady {
            step: 0,
            side: Side::Left
        }
    );
    assert!(!first[0].late);
    // The tab sleeps from 1 s to 10 min 1 s.
    let wake = T0 + 601_000;
    let cues = session.cues_between(T0 + 1_000, wake);
    let state = session.state_at(wake).current.unwrap();
    assert_eq!((state.kind, state.step), (SegmentKind::Work, 1));
    // One late cue saying where we are, plus whatever came due in the last moments.
    let late: Vec<CueKind> = cues.iter().filter(|c| c.late).map(|c| c.kind).collect();
    assert_eq!(
        late,
        vec![CueKind::StepStart {
            step: 1,
            side: Side::None
        }]
    );
    assert!(
        cues.iter().all(|c| c.late || wake - c.at_ms <= CUE_FRESH_MS),
        "{cues:?}"
    );
    assert!(cues.len() <= 2, "{cues:?}");
    // Cues due just before waking are still fresh and kept.
    let near = session.cues_between(T0 + 1_000, T0 + 558_000 + CUE_FRESH_MS);
    let halfway = near.iter().find(|c| c.kind == CueKind::Halfway { step: 1 });
    assert!(halfway.is_some_and(|c| !c.late), "{near:?}");
    // Sleeping past the end: only the end is announced.
    let end = session.cues_between(T0 + 1_000, T0 + 3_600_000);
    assert_eq!(end.len(), 1, "{end:?}");
    assert_eq!(
        (end[0].kind, end[0].late, end[0].at_ms),
        (CueKind::RoutineDone, true, T0 + 1_163_000)
    );
    // A sleep of ten hours costs no more than a normal tick.
    let long = started(vec![step(Side::None, 900); 30]);
    let woke = long.cues_between(T0 + 1_000, T0 + 36_000_000);
    assert!(woke.len() <= 3, "{woke:?}");
}

#[test]
fn clock_going_backwards_never_panics_or_rewinds() {
    let mut session = started(vec![step(Side::Both, 30), step(Side::None, 30)]);
    let before = session.state_at(T0 + 20_000);
    // The wall clock jumps back an hour.
    let back = T0 - 3_600_000;
    let state = session.state_at(back);
    assert_eq!(state.routine_elapsed_ms, 0);
    assert!(session.cues_between(T0 + 20_000, back).is_empty());
    session.pause(back);
    session.resume(back - 1);
    session.skip(back - 2);
    session.back(back - 3);
    session.restart_step(0);
    session.end(0);
    assert_eq!(session.state_at(0).status, Status::Finished);
    assert!(before.routine_elapsed_ms == 20_000);
}

#[test]
fn ending_early_records_an_ended_session() {
    let mut session = started(vec![step(Side::None, 30), step(Side::None, 30)]);
    session.end(T0 + 40_000);
    let state = session.state_at(T0 + 90_000);
    assert_eq!(
        (state.status, state.active_ms, state.routine_elapsed_ms),
        (Status::Finished, 40_000, 40_000)
    );
    let summary = session.summary(T0 + 90_000);
    assert_eq!((summary.steps_completed, summary.ended_early), (1, true));
    // Ending is the user's choice, so there is no "routine done" fanfare.
    assert!(session.cues_between(T0 + 39_000, T0 + 41_000).is_empty());
}

#[test]
fn rest_between_steps_is_optional() {
    let timing = Timing {
        lead_in_ms: 0,
        switch_ms: 5_000,
        rest_ms: 15_000,
    };
    let mut session = Session::new(&routine(vec![step(Side::None, 30), step(Side::None, 30)]), timing);
    session.start(T0);
    assert_eq!(at(&session, 0).1, Some((SegmentKind::Work, 0, Side::None)));
    assert_eq!(at(&session, 30_000).1, Some((SegmentKind::Rest, 0, Side::None)));
    assert_eq!(at(&session, 45_000).1, Some((SegmentKind::Work, 1, Side::None)));
    assert_eq!(session.plan().total_ms(), 75_000);
}

#[test]
fn a_routine_without_steps_finishes_at_once() {
    let mut session = Session::new(&routine(vec![]), timing());
    session.start(T0);
    let state = session.state_at(T0);
    assert_eq!((state.status, state.current), (Status::Finished, None));
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Active time is always wall time since start minus time spent paused (and stops at the end).
    #[test]
    fn active_time_is_wall_time_minus_paused_time(routine in any_routine(), timing in any_timing(), ops in any_ops()) {
        let mut session = Session::new(&routine, timing);
        session.start(T0);
        let mut t = T0;
        let mut paused_ms = 0;
        let mut paused_since = None;
        let mut finished_at = None;
        for (op, gap) in ops {
            t += gap;
            let before = session.state_at(t);
            if before.status == Status::Finished && finished_at.is_none() {
                // It ran out during the gap, while running: active time stopped at the end.
                finished_at = Some(T0 + before.active_ms + paused_ms);
            }
            apply(&mut session, op, t);
            let after = session.state_at(t);
            match (before.status, after.status) {
                (Status::Running, Status::Paused) => paused_since = Some(t),
                (Status::Paused, Status::Running) => paused_ms += t - paused_since.take().unwrap(),
                (Status::Paused, Status::Finished) => {
                    paused_ms += t - paused_since.take().unwrap();
                }
                _ => {}
            }
            if after.status == Status::Finished && finished_at.is_none() {
                finished_at = Some(t);
            }
            let now_paused = paused_since.map_or(0, |since| t - since);
            let end = finished_at.unwrap_or(t);
            prop_assert_eq!(after.active_ms, end - T0 - paused_ms - now_paused);
            prop_assert!(after.routine_elapsed_ms <= after.routine_total_ms);
            prop_assert_eq!(after.routine_elapsed_ms + after.routine_remaining_ms, after.routine_total_ms);
        }
    }

    /// No input sequence makes any query panic, including times that go backwards.
    #[test]
    fn state_never_panics(
        routine in any_routine(),
        timing in (any::<u64>(), any::<u64>(), any::<u64>()).prop_map(|(lead_in_ms, switch_ms, rest_ms)| Timing { lead_in_ms, switch_ms, rest_ms }),
        ops in proptest::collection::vec((0u8..7, prop_oneof![any::<u64>(), 0u64..10_000_000]), 0..30),
    ) {
        let mut session = Session::new(&routine, timing);
        for (code, t) in ops {
            match code {
                0 => session.start(t),
                1 => session.pause(t),
                2 => session.resume(t),
                3 => session.skip(t),
                4 => session.back(t),
                5 => session.restart_step(t),
                _ => session.end(t),
            }
            let state = session.state_at(t);
            let _ = session.state_at(t / 2);
            let _ = session.cues_between(t / 2, t);
            let _ = session.cues_between(t, t / 2);
            let _ = session.summary(t);
            if let Some(current) = state.current {
                prop_assert!(current.step < routine.steps.len());
                prop_assert!(current.elapsed_ms < current.duration_ms);
                prop_assert!(current.breath.phase_elapsed_ms < current.breath.phase_duration_ms);
            }
        }
    }

    /// Asking for cues piece by piece gives exactly the cues of the whole: each once, in order,
    /// also when a piece ends exactly on a cue.
    #[test]
    fn cues_are_announced_exactly_once(
        routine in any_routine(),
        timing in any_timing(),
        on_cues in proptest::collection::vec(any::<proptest::sample::Index>(), 0..4),
        anywhere in proptest::collection::vec(0u64..3_000_000, 0..4),
    ) {
        let mut session = Session::new(&routine, timing);
        session.start(T0);
        let end = T0 + 4_000_000;
        let whole = session.planned_cues(T0, end);
        let mut cuts: Vec<u64> = anywhere.iter().map(|offset| T0 + offset).collect();
        if !whole.is_empty() {
            cuts.extend(on_cues.iter().map(|index| index.get(&whole).at_ms));
        }
        cuts.sort_unstable();
        let mut pieces = Vec::new();
        let mut from = T0;
        for cut in cuts.into_iter().chain([end]) {
            pieces.extend(session.planned_cues(from, cut));
            from = cut;
        }
        prop_assert_eq!(&pieces, &whole);
        prop_assert!(whole.windows(2).all(|pair| pair[0].at_ms <= pair[1].at_ms));
        let plan = Plan::new(&routine, timing);
        let done = whole.iter().filter(|c| c.kind == CueKind::RoutineDone).count();
        prop_assert_eq!(done, usize::from(plan.total_ms() < 4_000_000));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// A player ticking normally (never more than the fresh window apart) hears every planned cue, none late.
    #[test]
    fn normal_ticking_announces_every_cue_on_time(
        routine in proptest::collection::vec(
            (prop_oneof![Just(Side::None), Just(Side::Both)], 5u32..90).prop_map(|(side, secs)| step(side, secs)),
            1..5,
        ).prop_map(routine),
        gaps in proptest::collection::vec(1u64..=CUE_FRESH_MS, 1..400),
    ) {
        let mut session = Session::new(&routine, timing());
        session.start(T0);
        let mut heard = Vec::new();
        let mut last = T0;
        for gap in gaps {
            heard.extend(session.cues_between(last, last + gap));
            last += gap;
        }
        prop_assert!(heard.iter().all(|cue| !cue.late && cue.at_ms < last));
        prop_assert_eq!(heard, session.planned_cues(T0, last));
    }
}
