//! The session engine: a state machine fed with timestamps.
//!
//! The engine never counts ticks. Every operation and query takes the current
//! time `t` in milliseconds (any monotonic-ish clock: `performance.now()` or
//! `Date.now()`), and the answer is computed from the last operation's anchor.
//! A tab that was frozen for ten minutes therefore asks "what is true now?"
//! and gets the right step at once. Times that go backwards (a clock change)
//! are treated as "no time passed"; nothing here panics on any input.
//! The cues a running session announces are worked out in [`cue_schedule`].

use serde::{Deserialize, Serialize};

use super::breathing::BreathState;
use super::plan::{Plan, Segment, SegmentKind, Timing};
use super::routine::{Routine, Side};

pub mod cue_schedule;

pub use cue_schedule::{Cue, CueKind, CUE_FRESH_MS, HALFWAY_MIN_MS, TEN_LEFT_MIN_MS};

/// Going back within this long after a step began goes to the previous step
/// (like a music player); later, it restarts the current step.
pub const BACK_GRACE_MS: u64 = 3_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Created, not started.
    Ready,
    Running,
    Paused,
    /// Played to the end, skipped past the last step, or ended by the user.
    Finished,
}

impl Status {
    /// Under way: running or paused (started and not finished).
    pub fn is_active(self) -> bool {
        matches!(self, Status::Running | Status::Paused)
    }
}

/// Where the session is within the current segment and step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SegmentState {
    pub kind: SegmentKind,
    pub step: usize,
    /// Side being worked, or coming next during get-ready and switch.
    pub side: Side,
    pub elapsed_ms: u64,
    pub remaining_ms: u64,
    pub duration_ms: u64,
    /// Time into this step's whole block (get-ready, work, switch, rest).
    pub step_elapsed_ms: u64,
    /// Time until the next step begins.
    pub step_remaining_ms: u64,
    pub breath: BreathState,
}

/// Everything true about a session at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionState {
    pub status: Status,
    /// Wall time spent running: wall time since start minus time paused.
    pub active_ms: u64,
    /// Position on the routine's timeline (skips and backs move it).
    pub routine_elapsed_ms: u64,
    pub routine_remaining_ms: u64,
    pub routine_total_ms: u64,
    /// `None` once finished, or for a routine without steps.
    pub current: Option<SegmentState>,
}

impl SessionState {
    /// Milliseconds until anything the player shows next changes: a countdown's
    /// whole second, the breath phase or its count. Always 1..=1000 while running;
    /// `None` otherwise, when nothing moves (so a paused player does no work).
    pub fn next_change_in_ms(&self) -> Option<u64> {
        if self.status != Status::Running {
            return None;
        }
        // A countdown shown in whole seconds rounded up changes when its remainder hits a
        // multiple of 1000; segment and phase ends are such moments too.
        let to_next_second = |remaining: u64| match remaining % 1000 {
            0 => 1000,
            part => part,
        };
        let mut next = to_next_second(self.routine_remaining_ms);
        if let Some(current) = &self.current {
            next = next
                .min(to_next_second(current.remaining_ms))
                .min(to_next_second(current.breath.phase_remaining_ms()));
        }
        Some(next)
    }
}

/// What a finished (or ended) session amounts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    pub active_ms: u64,
    pub steps_completed: usize,
    pub steps_skipped: Vec<usize>,
    pub ended_early: bool,
}

/// The engine's state apart from its plan, for saving a session and picking it up later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSnapshot {
    pub status: Status,
    pub anchor_t: u64,
    pub anchor_position: u64,
    pub anchor_active: u64,
    pub finished_at: Option<u64>,
    pub ended_early: bool,
    /// Indices of the steps skipped so far.
    pub skipped: Vec<usize>,
}

/// A routine being played.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    plan: Plan,
    status: Status,
    /// Clock time of the last re-anchoring operation.
    anchor_t: u64,
    /// Timeline position at `anchor_t`.
    anchor_position: u64,
    /// Active time accumulated up to `anchor_t`.
    anchor_active: u64,
    /// Clock time the session ended (set when it settles into `Finished`).
    finished_at: Option<u64>,
    ended_early: bool,
    skipped: Vec<bool>,
}

impl Session {
    pub fn new(routine: &Routine, timing: Timing) -> Self {
        Self::from_plan(Plan::new(routine, timing))
    }

    pub fn from_plan(plan: Plan) -> Self {
        Session {
            skipped: vec![false; plan.step_count()],
            plan,
            status: Status::Ready,
            anchor_t: 0,
            anchor_position: 0,
            anchor_active: 0,
            finished_at: None,
            ended_early: false,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Status as of the last operation (a running session may have reached its end since).
    pub fn status(&self) -> Status {
        self.status
    }

    pub fn snapshot(&self) -> SessionSnapshot {
        SessionSnapshot {
            status: self.status,
            anchor_t: self.anchor_t,
            anchor_position: self.anchor_position,
            anchor_active: self.anchor_active,
            finished_at: self.finished_at,
            ended_early: self.ended_early,
            skipped: (0..self.skipped.len())
                .filter(|&step| self.skipped[step])
                .collect(),
        }
    }

    /// The session `snapshot` describes on `plan`, or `None` if it cannot belong to that plan.
    pub fn restore(plan: Plan, snapshot: &SessionSnapshot) -> Option<Session> {
        let steps = plan.step_count();
        let consistent = snapshot.anchor_position <= plan.total_ms()
            && snapshot.skipped.iter().all(|&step| step < steps)
            && (snapshot.status == Status::Finished) == snapshot.finished_at.is_some()
            && (snapshot.status != Status::Ready || snapshot.anchor_position == 0)
            && (!snapshot.ended_early || snapshot.status == Status::Finished);
        if !consistent {
            return None;
        }
        let mut skipped = vec![false; steps];
        for &step in &snapshot.skipped {
            skipped[step] = true;
        }
        Some(Session {
            plan,
            status: snapshot.status,
            anchor_t: snapshot.anchor_t,
            anchor_position: snapshot.anchor_position,
            anchor_active: snapshot.anchor_active,
            finished_at: snapshot.finished_at,
            ended_early: snapshot.ended_early,
            skipped,
        })
    }

    pub fn start(&mut self, t: u64) {
        if self.status == Status::Ready {
            self.reanchor(t, 0);
            self.status = Status::Running;
            self.settle(t);
        }
    }

    pub fn pause(&mut self, t: u64) {
        self.settle(t);
        if self.status == Status::Running {
            let position = self.position_at(t);
            self.reanchor(t, position);
            self.status = Status::Paused;
        }
    }

    pub fn resume(&mut self, t: u64) {
        if self.status == Status::Paused {
            // The paused stretch counts as neither active time nor progress.
            self.anchor_t = t;
            self.status = Status::Running;
        }
    }

    /// Jump to the start of the next step (finishing if there is none).
    pub fn skip(&mut self, t: u64) {
        let Some(step) = self.current_step(t) else { return };
        let position = self.position_at(t);
        if self.plan.step_work_end_ms(step).is_some_and(|end| position < end) {
            self.skipped[step] = true;
        }
        match self.plan.step_start_ms(step + 1) {
            Some(next) => self.reanchor(t, next),
            None => self.finish(t, false),
        }
    }

    /// Restart the current step, or go to the previous one right after a step began.
    pub fn back(&mut self, t: u64) {
        let Some(step) = self.current_step(t) else { return };
        let position = self.position_at(t);
        let start = self.plan.step_start_ms(step).unwrap_or(0);
        let target = if position - start < BACK_GRACE_MS && step > 0 {
            step - 1
        } else {
            step
        };
        self.go_to_step(t, target);
    }

    pub fn restart_step(&mut self, t: u64) {
        if let Some(step) = self.current_step(t) {
            self.go_to_step(t, step);
        }
    }

    /// Stop here, by the user's choice.
    pub fn end(&mut self, t: u64) {
        self.settle(t);
        if self.status.is_active() {
            self.finish(t, true);
        }
    }

    pub fn state_at(&self, t: u64) -> SessionState {
        let total = self.plan.total_ms();
        let position = self.position_at(t);
        let status = match self.status {
            Status::Running if position >= total => Status::Finished,
            other => other,
        };
        let current = if status == Status::Finished {
            None
        } else {
            self.plan
                .segment_at(position)
                .map(|segment| self.segment_state(segment, position))
        };
        SessionState {
            status,
            active_ms: self.active_at(t),
            routine_elapsed_ms: position,
            routine_remaining_ms: total - position,
            routine_total_ms: total,
            current,
        }
    }

    /// What the session amounted to at `t` (complete once finished).
    pub fn summary(&self, t: u64) -> SessionSummary {
        let position = self.position_at(t);
        let steps_completed = (0..self.plan.step_count())
            .filter(|&step| {
                !self.skipped[step]
                    && self
                        .plan
                        .step_work_end_ms(step)
                        .is_some_and(|end| end <= position)
            })
            .count();
        SessionSummary {
            active_ms: self.active_at(t),
            steps_completed,
            steps_skipped: (0..self.skipped.len())
                .filter(|&step| self.skipped[step])
                .collect(),
            ended_early: self.ended_early,
        }
    }

    fn segment_state(&self, segment: &Segment, position: u64) -> SegmentState {
        let step_start = self.plan.step_start_ms(segment.step).unwrap_or(0);
        let step_end = self
            .plan
            .step_start_ms(segment.step + 1)
            .unwrap_or(self.plan.total_ms());
        SegmentState {
            kind: segment.kind,
            step: segment.step,
            side: segment.side,
            elapsed_ms: position - segment.start_ms,
            remaining_ms: segment.end_ms() - position,
            duration_ms: segment.duration_ms,
            step_elapsed_ms: position - step_start,
            step_remaining_ms: step_end - position,
            breath: segment.breathing.state_at(position - segment.breath_origin_ms),
        }
    }

    /// Timeline position at `t`, clamped to the plan; earlier `t` than the anchor counts as no time.
    fn position_at(&self, t: u64) -> u64 {
        match self.status {
            Status::Running => self
                .anchor_position
                .saturating_add(t.saturating_sub(self.anchor_t))
                .min(self.plan.total_ms()),
            Status::Ready => 0,
            Status::Paused | Status::Finished => self.anchor_position,
        }
    }

    fn active_at(&self, t: u64) -> u64 {
        match self.status {
            Status::Running => {
                let until_end = self.plan.total_ms() - self.anchor_position;
                self.anchor_active
                    .saturating_add(t.saturating_sub(self.anchor_t).min(until_end))
            }
            Status::Ready | Status::Paused | Status::Finished => self.anchor_active,
        }
    }

    /// Step under the playhead, for operations that only make sense mid-session.
    fn current_step(&mut self, t: u64) -> Option<usize> {
        self.settle(t);
        if !self.status.is_active() {
            return None;
        }
        self.plan.step_at(self.position_at(t))
    }

    fn go_to_step(&mut self, t: u64, step: usize) {
        if let Some(start) = self.plan.step_start_ms(step) {
            self.skipped[step] = false;
            self.reanchor(t, start);
        }
    }

    /// Make `t` the new anchor at `position`, banking the active time run so far.
    fn reanchor(&mut self, t: u64, position: u64) {
        self.anchor_active = self.active_at(t);
        self.anchor_t = t;
        self.anchor_position = position;
    }

    /// Turn a running session that has reached the end into `Finished`.
    fn settle(&mut self, t: u64) {
        if self.status == Status::Running {
            let until_end = self.plan.total_ms() - self.anchor_position;
            if t.saturating_sub(self.anchor_t) >= until_end {
                self.finish(self.anchor_t.saturating_add(until_end), false);
            }
        }
    }

    fn finish(&mut self, t: u64, ended_early: bool) {
        let position = if ended_early {
            self.position_at(t)
        } else {
            self.plan.total_ms()
        };
        self.reanchor(t, position);
        self.status = Status::Finished;
        self.finished_at = Some(t);
        self.ended_early = ended_early;
    }
}
