//! Which cues fall due when: the session's timeline turned into announcements
//! for a stretch of clock time, with the stale ones after a long sleep dropped.

use super::{Session, Status};
use crate::breathing::BreathPhase;
use crate::plan::{Plan, Segment, SegmentKind};
use crate::routine::Side;

/// A cue this old when the player asks for it is stale, except for the cue
/// that says where the session is now.
pub const CUE_FRESH_MS: u64 = 2_000;
/// Work segments at least this long get a halfway cue.
pub const HALFWAY_MIN_MS: u64 = 20_000;
/// Work segments longer than this get a "10 seconds left" cue.
pub const TEN_LEFT_MIN_MS: u64 = 25_000;

/// Something the player announces by sound, voice, vibration or screen reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Get into position for `step` (its get-ready countdown starts).
    GetReady {
        step: usize,
        side: Side,
    },
    /// Hands-on work for `step` starts on `side`.
    StepStart {
        step: usize,
        side: Side,
    },
    Halfway {
        step: usize,
    },
    TenSecondsLeft {
        step: usize,
    },
    /// Turn over: the next pass of `step` works `to`.
    SwitchSides {
        step: usize,
        to: Side,
    },
    /// Rest after `step`.
    Rest {
        step: usize,
    },
    Breath(BreathPhase),
    RoutineDone,
}

impl CueKind {
    /// Cues that say where the session is; the latest one stays relevant
    /// for as long as its segment lasts.
    pub fn is_segment_entry(self) -> bool {
        matches!(
            self,
            CueKind::GetReady { .. }
                | CueKind::StepStart { .. }
                | CueKind::SwitchSides { .. }
                | CueKind::Rest { .. }
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// When it is due, on the caller's clock.
    pub at_ms: u64,
    pub kind: CueKind,
    /// Due a while ago (the tab was asleep): announce as "now", without a countdown tone.
    pub late: bool,
}

impl Session {
    /// The cues a player should announce now, for the stretch `[t0, t1)` since it
    /// last asked (`t1` is now). Cues that came due more than [`CUE_FRESH_MS`]
    /// before `t1` are dropped, except the one that says where the session is
    /// now and the end of the routine, both marked `late`: a tab waking after
    /// ten minutes announces the step it lands on, not everything it slept
    /// through. The work done is bounded by the fresh stretch, however long the sleep.
    pub fn cues_between(&self, t0: u64, t1: u64) -> Vec<Cue> {
        let fresh_from = t1.saturating_sub(CUE_FRESH_MS).max(t0);
        let fresh = self.planned_cues(fresh_from, t1);
        let mut cues = Vec::new();
        if !fresh.iter().any(|cue| cue.kind.is_segment_entry()) {
            cues.extend(self.entry_cue_between(t0, fresh_from));
        }
        if let Some(at_ms) = self.finish_time().filter(|at| (t0..fresh_from).contains(at)) {
            cues.push(Cue {
                at_ms,
                kind: CueKind::RoutineDone,
                late: true,
            });
        }
        cues.extend(fresh);
        cues
    }

    /// Every cue due in `[t0, t1)` if the session keeps running as it is, stale or
    /// not, in time order: for scheduling sounds ahead on an audio clock.
    /// Only cues after the last operation are known.
    pub fn planned_cues(&self, t0: u64, t1: u64) -> Vec<Cue> {
        let mut cues = Vec::new();
        if self.status == Status::Running {
            let from = t0.max(self.anchor_t);
            let to = t1.min(self.finish_time().unwrap_or(u64::MAX));
            if from < to {
                let p0 = self.position_at(from);
                let p1 = self.position_at(to);
                for (position, kind) in timeline_cues(&self.plan, p0, p1) {
                    cues.push(Cue {
                        at_ms: self.time_of(position),
                        kind,
                        late: false,
                    });
                }
            }
        }
        if let Some(at_ms) = self.finish_time().filter(|at| (t0..t1).contains(at)) {
            cues.push(Cue {
                at_ms,
                kind: CueKind::RoutineDone,
                late: false,
            });
        }
        cues
    }

    /// The late entry cue of the segment playing just before `t1`, if it began in `[t0, t1)`.
    fn entry_cue_between(&self, t0: u64, t1: u64) -> Option<Cue> {
        if self.status != Status::Running || t1 <= t0.max(self.anchor_t) {
            return None;
        }
        let position = self.position_at(t1 - 1);
        let segment = self.plan.segment_at(position)?;
        let at_ms = self.time_of(segment.start_ms);
        (segment.start_ms >= self.anchor_position && at_ms >= t0).then_some(Cue {
            at_ms,
            kind: entry_cue(segment),
            late: true,
        })
    }

    /// When the session ends (or ended) by reaching its end, as things stand.
    fn finish_time(&self) -> Option<u64> {
        match self.status {
            Status::Running => Some(self.time_of(self.plan.total_ms())),
            Status::Finished if !self.ended_early => self.finished_at,
            _ => None,
        }
    }

    /// Clock time at which a running session reaches `position` (at or after the anchor).
    fn time_of(&self, position: u64) -> u64 {
        self.anchor_t
            .saturating_add(position.saturating_sub(self.anchor_position))
    }
}

/// The cue that announces a segment as it begins.
fn entry_cue(segment: &Segment) -> CueKind {
    let (step, side) = (segment.step, segment.side);
    match segment.kind {
        SegmentKind::GetReady => CueKind::GetReady { step, side },
        SegmentKind::Work => CueKind::StepStart { step, side },
        SegmentKind::SwitchSides => CueKind::SwitchSides { step, to: side },
        SegmentKind::Rest => CueKind::Rest { step },
    }
}

/// Cues at timeline positions in `[p0, p1)`, in order.
fn timeline_cues(plan: &Plan, p0: u64, p1: u64) -> Vec<(u64, CueKind)> {
    let mut cues = Vec::new();
    for segment in plan.segments_between(p0, p1) {
        let mut push = |position: u64, kind: CueKind| {
            if (p0..p1).contains(&position) {
                cues.push((position, kind));
            }
        };
        let step = segment.step;
        push(segment.start_ms, entry_cue(segment));
        if segment.kind != SegmentKind::Work {
            continue;
        }
        // Breath tones during hands-on work, except the one the step-start cue already covers.
        let origin = segment.breath_origin_ms;
        let from = p0.max(segment.start_ms + 1) - origin;
        let to = p1.min(segment.end_ms()) - origin;
        for (offset, phase) in segment.breathing.phase_starts_between(from, to.max(from)) {
            push(origin + offset, CueKind::Breath(phase));
        }
        if segment.duration_ms >= HALFWAY_MIN_MS {
            push(
                segment.start_ms + segment.duration_ms / 2,
                CueKind::Halfway { step },
            );
        }
        if segment.duration_ms > TEN_LEFT_MIN_MS {
            push(segment.end_ms() - 10_000, CueKind::TenSecondsLeft { step });
        }
    }
    cues.sort_by_key(|&(position, _)| position);
    cues
}
