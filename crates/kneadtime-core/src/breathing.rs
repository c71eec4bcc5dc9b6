//! Breathing patterns for the breath pacer, as pure functions of time.

use serde::{Deserialize, Serialize};

use super::i18n::Catalog;

/// One part of a breath.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BreathPhase {
    Inhale,
    /// Holding with full lungs.
    HoldIn,
    Exhale,
    /// Resting with empty lungs.
    HoldOut,
}

impl BreathPhase {
    /// The catalogue key of the phase's word; both holds are "Hold".
    pub fn key(self) -> &'static str {
        match self {
            BreathPhase::Inhale => "breathing.phase.inhale",
            BreathPhase::HoldIn | BreathPhase::HoldOut => "breathing.phase.hold",
            BreathPhase::Exhale => "breathing.phase.exhale",
        }
    }

    /// The word the pacer shows ("Inhale").
    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(self.key())
    }

    /// How full the pacer shape is at the end of this phase (0 empty, 1 full).
    pub fn target_fill(self) -> f64 {
        match self {
            BreathPhase::Inhale | BreathPhase::HoldIn => 1.0,
            BreathPhase::Exhale | BreathPhase::HoldOut => 0.0,
        }
    }
}

/// A named, evidence-informed breathing rhythm used to calm the nervous system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreathingPattern {
    /// 4 s in, 4 s hold, 4 s out, 4 s hold.
    Box,
    /// 4 s in, 7 s hold, 8 s out.
    FourSevenEight,
    /// About 5.5 breaths a minute, equal in and out.
    Coherent,
    /// 4 s in, 6 s out: a longer exhale helps muscles let go.
    ExtendedExhale,
}

impl BreathingPattern {
    pub const ALL: [BreathingPattern; 4] = [
        BreathingPattern::Box,
        BreathingPattern::FourSevenEight,
        BreathingPattern::Coherent,
        BreathingPattern::ExtendedExhale,
    ];

    /// The catalogue key of the pattern's name.
    pub fn key(self) -> &'static str {
        match self {
            BreathingPattern::Box => "breathing.pattern.box",
            BreathingPattern::FourSevenEight => "breathing.pattern.four_seven_eight",
            BreathingPattern::Coherent => "breathing.pattern.coherent",
            BreathingPattern::ExtendedExhale => "breathing.pattern.extended_exhale",
        }
    }

    /// The pattern's name ("Long exhale (4 in, 6 out)").
    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(self.key())
    }

    /// The phases of one breath with their durations in milliseconds.
    pub fn phases(self) -> &'static [(BreathPhase, u64)] {
        use BreathPhase::*;
        match self {
            BreathingPattern::Box => &[(Inhale, 4000), (HoldIn, 4000), (Exhale, 4000), (HoldOut, 4000)],
            BreathingPattern::FourSevenEight => &[(Inhale, 4000), (HoldIn, 7000), (Exhale, 8000)],
            // 60 s / 5.5 breaths = 10 909 ms per breath.
            BreathingPattern::Coherent => &[(Inhale, 5455), (Exhale, 5454)],
            BreathingPattern::ExtendedExhale => &[(Inhale, 4000), (Exhale, 6000)],
        }
    }

    /// Whether the pattern holds the breath (full or empty) at any point.
    pub fn holds_breath(self) -> bool {
        self.phases()
            .iter()
            .any(|(phase, _)| matches!(phase, BreathPhase::HoldIn | BreathPhase::HoldOut))
    }

    /// Length of one full breath in milliseconds.
    pub fn cycle_ms(self) -> u64 {
        self.phases().iter().map(|(_, ms)| ms).sum()
    }

    /// Where in the breath we are `offset_ms` after the pattern started.
    pub fn state_at(self, offset_ms: u64) -> BreathState {
        let cycle = self.cycle_ms();
        let breath_count = offset_ms / cycle;
        let mut into_cycle = offset_ms % cycle;
        let phases = self.phases();
        for (index, &(phase, duration)) in phases.iter().enumerate() {
            if into_cycle < duration {
                return BreathState {
                    pattern: self,
                    phase,
                    phase_index: index,
                    phase_elapsed_ms: into_cycle,
                    phase_duration_ms: duration,
                    breath_count,
                };
            }
            into_cycle -= duration;
        }
        unreachable!("offset modulo the cycle length always falls inside a phase")
    }

    /// Offsets (from the pattern's start) of every phase start in `[from, to)`.
    pub fn phase_starts_between(self, from: u64, to: u64) -> Vec<(u64, BreathPhase)> {
        let mut starts = Vec::new();
        if from >= to {
            return starts;
        }
        let cycle = self.cycle_ms();
        let mut cycle_start = (from / cycle) * cycle;
        while cycle_start < to {
            let mut offset = cycle_start;
            for &(phase, duration) in self.phases() {
                if offset >= from && offset < to {
                    starts.push((offset, phase));
                }
                offset += duration;
            }
            cycle_start += cycle;
        }
        starts
    }
}

/// What the breath pacer shows at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BreathState {
    pub pattern: BreathingPattern,
    pub phase: BreathPhase,
    /// Index into [`BreathingPattern::phases`].
    pub phase_index: usize,
    pub phase_elapsed_ms: u64,
    pub phase_duration_ms: u64,
    /// Whole breaths completed so far.
    pub breath_count: u64,
}

impl BreathState {
    /// 0.0 at the start of the phase, approaching 1.0 at its end.
    pub fn phase_progress(&self) -> f64 {
        self.phase_elapsed_ms as f64 / self.phase_duration_ms as f64
    }

    pub fn phase_remaining_ms(&self) -> u64 {
        self.phase_duration_ms - self.phase_elapsed_ms
    }

    /// Whole seconds left in this phase, counted down 4, 3, 2, 1.
    pub fn countdown_secs(&self) -> u64 {
        self.phase_remaining_ms().div_ceil(1000)
    }

    /// How full the pacer shape is now (0 empty, 1 full), linear within a phase.
    pub fn fill(&self) -> f64 {
        let start = match self.phase {
            BreathPhase::Inhale | BreathPhase::HoldOut => 0.0,
            BreathPhase::Exhale | BreathPhase::HoldIn => 1.0,
        };
        start + (self.phase.target_fill() - start) * self.phase_progress()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::testing::{catalog, english};

    #[test]
    fn every_pattern_and_phase_has_its_name_in_every_locale() {
        let phases = [
            BreathPhase::Inhale,
            BreathPhase::HoldIn,
            BreathPhase::Exhale,
            BreathPhase::HoldOut,
        ];
        for locale in Locale::ALL {
            let texts = catalog(locale);
            for key in BreathingPattern::ALL
                .map(BreathingPattern::key)
                .into_iter()
                .chain(phases.map(BreathPhase::key))
            {
                assert!(texts.has(key), "{}: {key}", locale.tag());
            }
        }
        let texts = english();
        assert_eq!(
            BreathingPattern::ExtendedExhale.label(&texts),
            "Long exhale (4 in, 6 out)"
        );
        assert_eq!(
            phases.map(|phase| phase.label(&texts)),
            ["Inhale", "Hold", "Exhale", "Hold"]
        );
    }

    #[test]
    fn box_pattern_phases_at_exact_boundaries() {
        let p = BreathingPattern::Box;
        assert_eq!(p.cycle_ms(), 16_000);
        assert_eq!(p.state_at(0).phase, BreathPhase::Inhale);
        assert_eq!(p.state_at(3_999).phase, BreathPhase::Inhale);
        assert_eq!(p.state_at(4_000).phase, BreathPhase::HoldIn);
        assert_eq!(p.state_at(8_000).phase, BreathPhase::Exhale);
        assert_eq!(p.state_at(12_000).phase, BreathPhase::HoldOut);
        let next = p.state_at(16_000);
        assert_eq!((next.phase, next.breath_count), (BreathPhase::Inhale, 1));
    }

    #[test]
    fn four_seven_eight_and_extended_exhale() {
        let p = BreathingPattern::FourSevenEight;
        assert_eq!(p.cycle_ms(), 19_000);
        assert_eq!(p.state_at(10_999).phase, BreathPhase::HoldIn);
        assert_eq!(p.state_at(11_000).phase, BreathPhase::Exhale);
        let e = BreathingPattern::ExtendedExhale;
        assert_eq!(e.state_at(4_000).phase, BreathPhase::Exhale);
        assert_eq!(e.state_at(4_000).phase_duration_ms, 6_000);
    }

    #[test]
    fn coherent_is_about_five_and_a_half_breaths_a_minute() {
        let bpm = 60_000.0 / BreathingPattern::Coherent.cycle_ms() as f64;
        assert!((bpm - 5.5).abs() < 0.01, "{bpm}");
    }

    #[test]
    fn progress_countdown_and_fill() {
        let s = BreathingPattern::ExtendedExhale.state_at(2_000);
        assert_eq!(s.phase_progress(), 0.5);
        assert_eq!(s.countdown_secs(), 2);
        assert_eq!(s.fill(), 0.5);
        let exhaling = BreathingPattern::ExtendedExhale.state_at(7_000);
        assert_eq!(exhaling.fill(), 0.5);
        assert_eq!(exhaling.countdown_secs(), 3);
    }

    #[test]
    fn no_drift_after_an_hour() {
        for p in BreathingPattern::ALL {
            let cycles = 3_600_000 / p.cycle_ms();
            let s = p.state_at(cycles * p.cycle_ms());
            assert_eq!(
                (s.phase, s.phase_elapsed_ms, s.breath_count),
                (BreathPhase::Inhale, 0, cycles)
            );
        }
    }

    #[test]
    fn phase_starts_are_half_open() {
        let p = BreathingPattern::ExtendedExhale;
        assert_eq!(
            p.phase_starts_between(0, 10_000),
            vec![(0, BreathPhase::Inhale), (4_000, BreathPhase::Exhale)]
        );
        assert_eq!(p.phase_starts_between(4_000, 10_001).len(), 2);
        assert!(p.phase_starts_between(5, 5).is_empty());
    }
}
