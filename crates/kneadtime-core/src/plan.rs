//! A routine laid out on a timeline: get-ready, work, switch-sides and rest
//! segments, each with an exact start and length in milliseconds.

use serde::{Deserialize, Serialize};

use super::breathing::BreathingPattern;
use super::routine::{Routine, Side};

/// Pauses the player inserts around the routine's own steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    /// Get-ready countdown before each step (0 for none).
    pub lead_in_ms: u64,
    /// Time to turn over between the left and right pass of a two-sided step.
    pub switch_ms: u64,
    /// Rest between steps (0 for none); never after the last step.
    pub rest_ms: u64,
}

impl Timing {
    /// Longest get-ready countdown.
    pub const MAX_LEAD_IN_MS: u64 = 60_000;
    /// Longest switch-sides pause.
    pub const MAX_SWITCH_MS: u64 = 60_000;
    /// Longest rest between steps.
    pub const MAX_REST_MS: u64 = 600_000;

    /// The same pauses, each limited to its maximum (settings are untrusted input).
    pub fn clamped(self) -> Self {
        Self {
            lead_in_ms: self.lead_in_ms.min(Self::MAX_LEAD_IN_MS),
            switch_ms: self.switch_ms.min(Self::MAX_SWITCH_MS),
            rest_ms: self.rest_ms.min(Self::MAX_REST_MS),
        }
    }
}

impl Default for Timing {
    fn default() -> Self {
        Self {
            lead_in_ms: 5_000,
            switch_ms: 8_000,
            rest_ms: 0,
        }
    }
}

/// What a stretch of the timeline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// Countdown to get into position for the step.
    GetReady,
    /// Hands-on time.
    Work,
    /// Turn to the other side of a two-sided step.
    SwitchSides,
    /// Breathe between steps.
    Rest,
}

/// One stretch of the timeline. Positions are milliseconds of active time from the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub kind: SegmentKind,
    /// Index of the routine step this segment belongs to.
    pub step: usize,
    /// The side being worked (or coming next, for get-ready and switch): never [`Side::Both`].
    pub side: Side,
    pub start_ms: u64,
    pub duration_ms: u64,
    pub breathing: BreathingPattern,
    /// Where the breathing rhythm of this segment started, so the pacer runs on
    /// without a jump across consecutive segments that share a pattern.
    pub breath_origin_ms: u64,
}

impl Segment {
    pub fn end_ms(&self) -> u64 {
        self.start_ms + self.duration_ms
    }
}

/// The whole routine as a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    segments: Vec<Segment>,
    /// Position where each step's first segment starts; one entry per step.
    step_starts: Vec<u64>,
    /// Position where each step's last work segment ends; one entry per step.
    step_work_ends: Vec<u64>,
    total_ms: u64,
}

impl Plan {
    pub fn new(routine: &Routine, timing: Timing) -> Self {
        let timing = timing.clamped();
        let mut builder = PlanBuilder::default();
        let last = routine.steps.len().saturating_sub(1);
        for (index, step) in routine.steps.iter().enumerate() {
            let breathing = routine.breathing_for(index);
            let work_ms = u64::from(step.duration_secs) * 1000;
            builder.step_starts.push(builder.position);
            let first_side = if step.side == Side::Both {
                Side::Left
            } else {
                step.side
            };
            builder.push(
                SegmentKind::GetReady,
                index,
                first_side,
                timing.lead_in_ms,
                breathing,
            );
            builder.push(SegmentKind::Work, index, first_side, work_ms, breathing);
            if step.side == Side::Both {
                builder.push(
                    SegmentKind::SwitchSides,
                    index,
                    Side::Right,
                    timing.switch_ms,
                    breathing,
                );
                builder.push(SegmentKind::Work, index, Side::Right, work_ms, breathing);
            }
            builder.step_work_ends.push(builder.position);
            if index != last {
                builder.push(SegmentKind::Rest, index, Side::None, timing.rest_ms, breathing);
            }
        }
        Plan {
            total_ms: builder.position,
            segments: builder.segments,
            step_starts: builder.step_starts,
            step_work_ends: builder.step_work_ends,
        }
    }

    /// How long `routine` takes with the default pauses: what cards and pages show.
    pub fn default_length_ms(routine: &Routine) -> u64 {
        Plan::new(routine, Timing::default()).total_ms()
    }

    pub fn total_ms(&self) -> u64 {
        self.total_ms
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    pub fn step_count(&self) -> usize {
        self.step_starts.len()
    }

    /// The segment playing at `position_ms`; `None` at or past the end, or for an empty plan.
    pub fn segment_at(&self, position_ms: u64) -> Option<&Segment> {
        self.segments_between(position_ms, position_ms.saturating_add(1))
            .first()
    }

    /// The segments that overlap positions `[from_ms, to_ms)`, found by binary search.
    pub fn segments_between(&self, from_ms: u64, to_ms: u64) -> &[Segment] {
        let first = self
            .segments
            .partition_point(|segment| segment.end_ms() <= from_ms);
        let end = self.segments.partition_point(|segment| segment.start_ms < to_ms);
        &self.segments[first..end.max(first)]
    }

    /// Where step `step` begins (its get-ready countdown, if any).
    pub fn step_start_ms(&self, step: usize) -> Option<u64> {
        self.step_starts.get(step).copied()
    }

    /// Where the hands-on work of step `step` is complete.
    pub fn step_work_end_ms(&self, step: usize) -> Option<u64> {
        self.step_work_ends.get(step).copied()
    }

    /// Step that owns `position_ms`: the last step starting at or before it.
    pub fn step_at(&self, position_ms: u64) -> Option<usize> {
        self.step_starts
            .partition_point(|&start| start <= position_ms)
            .checked_sub(1)
    }
}

#[derive(Default)]
struct PlanBuilder {
    segments: Vec<Segment>,
    step_starts: Vec<u64>,
    step_work_ends: Vec<u64>,
    position: u64,
}

impl PlanBuilder {
    fn push(
        &mut self,
        kind: SegmentKind,
        step: usize,
        side: Side,
        duration_ms: u64,
        breathing: BreathingPattern,
    ) {
        if duration_ms == 0 {
            return;
        }
        let breath_origin_ms = match self.segments.last() {
            Some(previous) if previous.breathing == breathing => previous.breath_origin_ms,
            _ => self.position,
        };
        self.segments.push(Segment {
            kind,
            step,
            side,
            start_ms: self.position,
            duration_ms,
            breathing,
            breath_origin_ms,
        });
        self.position += duration_ms;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library;

    #[test]
    fn two_sided_step_plays_left_switch_right() {
        let routine = library::builtin_routines(&crate::testing::english())
            .into_iter()
            .find(|r| r.steps.iter().any(|s| s.side == Side::Both))
            .unwrap();
        let plan = Plan::new(&routine, Timing::default());
        let index = routine.steps.iter().position(|s| s.side == Side::Both).unwrap();
        let kinds: Vec<(SegmentKind, Side)> = plan
            .segments()
            .iter()
            .filter(|s| s.step == index && s.kind != SegmentKind::Rest)
            .map(|s| (s.kind, s.side))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (SegmentKind::GetReady, Side::Left),
                (SegmentKind::Work, Side::Left),
                (SegmentKind::SwitchSides, Side::Right),
                (SegmentKind::Work, Side::Right),
            ]
        );
    }

    #[test]
    fn segments_tile_the_timeline_without_gaps() {
        for routine in library::builtin_routines(&crate::testing::english()) {
            let timing = Timing {
                rest_ms: 3_000,
                ..Timing::default()
            };
            let plan = Plan::new(&routine, timing);
            let mut position = 0;
            for segment in plan.segments() {
                assert_eq!(segment.start_ms, position);
                position = segment.end_ms();
            }
            assert_eq!(position, plan.total_ms());
            assert_eq!(plan.step_count(), routine.steps.len());
            assert!(plan.segment_at(plan.total_ms()).is_none());
            assert_eq!(plan.segment_at(0).unwrap().kind, SegmentKind::GetReady);
            // No rest after the last step.
            assert_ne!(plan.segments().last().unwrap().kind, SegmentKind::Rest);
        }
    }

    #[test]
    fn zero_length_pauses_are_left_out() {
        let routine = &library::builtin_routines(&crate::testing::english())[0];
        let timing = Timing {
            lead_in_ms: 0,
            switch_ms: 0,
            rest_ms: 0,
        };
        let plan = Plan::new(routine, timing);
        assert!(plan.segments().iter().all(|s| s.kind == SegmentKind::Work));
        assert_eq!(plan.total_ms(), u64::from(routine.work_secs()) * 1000);
    }
}
