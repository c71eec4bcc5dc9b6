//! The structural rules every routine is checked against: built-ins by the tests,
//! routines people make by the builder, which shows a broken rule as a warning and
//! changes nothing itself.

use crate::breathing::BreathingPattern;
use crate::i18n::Catalog;
use crate::routine::{Pressure, Routine, Technique};

use super::cautions::{moves_hip_past_precautions, tool_under_body};

/// Longest trigger-point hold on one spot, per side, in seconds.
pub const MAX_HOLD_SECS: u32 = 90;

/// A rule a routine can break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Body weight on a ball or roller is at least Medium pressure: Light hides it.
    ToolUnderBodyIsNotLight,
    /// Breath holds (box, 4-7-8) belong to rests: under pressure people brace instead.
    NoBreathHoldDuringWork(BreathingPattern),
    /// A trigger-point hold lasts at most [`MAX_HOLD_SECS`] on one spot.
    HoldAtMost90Seconds,
    /// The last step before resting is light, so the tissue settles after pressure.
    EndsLight,
    /// Knee to chest, crossed legs or a leg turned in: not after a hip replacement.
    HipReplacementMoves,
}

impl Rule {
    /// The catalogue key of the warning's text.
    pub fn key(self) -> &'static str {
        match self {
            Rule::ToolUnderBodyIsNotLight => "rules.tool_under_body_light",
            Rule::NoBreathHoldDuringWork(_) => "rules.breath_hold_during_work",
            Rule::HoldAtMost90Seconds => "rules.hold_too_long",
            Rule::EndsLight => "rules.ends_firm",
            Rule::HipReplacementMoves => "rules.hip_replacement",
        }
    }

    /// Whether breaking it makes the routine unsafe as written (the others inform).
    pub fn is_warning(self) -> bool {
        self != Rule::HipReplacementMoves
    }
}

/// A rule a routine breaks, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleWarning {
    pub rule: Rule,
    /// The step (from 0), or `None` for the routine as a whole.
    pub step: Option<usize>,
}

impl RuleWarning {
    /// The warning in plain words, naming the step by its number.
    pub fn message(&self, texts: &Catalog) -> String {
        let number = self.step.map_or(String::new(), |index| (index + 1).to_string());
        let pattern = match self.rule {
            Rule::NoBreathHoldDuringWork(pattern) => pattern.label(texts),
            _ => "",
        };
        texts.fill(self.rule.key(), &[("number", &number), ("pattern", pattern)])
    }
}

/// Every rule `routine` breaks, step by step, then those of the routine as a whole.
pub fn check_routine(routine: &Routine) -> Vec<RuleWarning> {
    let mut warnings = Vec::new();
    for (index, step) in routine.steps.iter().enumerate() {
        let mut broken = |rule: Rule| {
            warnings.push(RuleWarning {
                rule,
                step: Some(index),
            })
        };
        let works = step.technique != Technique::Rest;
        if works && tool_under_body(step) && step.pressure == Pressure::Light {
            broken(Rule::ToolUnderBodyIsNotLight);
        }
        let pattern = routine.written_breathing_for(index);
        if works && pattern.holds_breath() {
            broken(Rule::NoBreathHoldDuringWork(pattern));
        }
        if step.technique == Technique::TriggerPoint && step.duration_secs > MAX_HOLD_SECS {
            broken(Rule::HoldAtMost90Seconds);
        }
    }
    let last_work = routine
        .steps
        .iter()
        .rposition(|step| step.technique != Technique::Rest);
    if let Some(index) = last_work {
        if routine.steps[index].pressure != Pressure::Light {
            warnings.push(RuleWarning {
                rule: Rule::EndsLight,
                step: Some(index),
            });
        }
    }
    if routine.steps.iter().any(moves_hip_past_precautions) {
        warnings.push(RuleWarning {
            rule: Rule::HipReplacementMoves,
            step: None,
        });
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::library::builtin_routines;
    use crate::routine::{Area, Side, Step, Tool};
    use crate::testing::{catalog, english, routine};

    fn step(technique: Technique, pressure: Pressure, tool: Tool, secs: u32) -> Step {
        Step {
            technique,
            area: Area::GluteusMedius,
            side: Side::Both,
            duration_secs: secs,
            pressure,
            tool,
            instructions: "Work.".into(),
            breathing: None,
            position: None,
        }
    }

    /// The rules over the whole library: only the hip-replacement note may appear.
    #[test]
    fn every_built_in_keeps_every_rule() {
        let mut broken = Vec::new();
        for routine in builtin_routines(&english()) {
            for warning in check_routine(&routine)
                .into_iter()
                .filter(|w| w.rule.is_warning())
            {
                broken.push(format!(
                    "{} step {}: {:?}",
                    routine.id,
                    warning.step.map_or(0, |index| index + 1),
                    warning.rule
                ));
            }
        }
        assert_eq!(broken, Vec::<String>::new());
    }

    #[test]
    fn each_rule_catches_what_it_is_for_and_names_the_step() {
        use Pressure::*;
        use Technique::*;
        use Tool::*;
        let mut light_ball = routine(vec![
            step(TriggerPoint, Light, MassageBall, 60),
            step(TriggerPoint, Medium, Hands, 120),
            step(Kneading, Medium, FistForearm, 60),
            step(Rest, Light, Hands, 60),
        ]);
        light_ball.breathing = BreathingPattern::Coherent;
        let rules: Vec<(Rule, Option<usize>)> = check_routine(&light_ball)
            .into_iter()
            .map(|warning| (warning.rule, warning.step))
            .collect();
        assert_eq!(
            rules,
            [
                (Rule::ToolUnderBodyIsNotLight, Some(0)),
                (Rule::HoldAtMost90Seconds, Some(1)),
                (Rule::EndsLight, Some(2)),
            ]
        );
        let texts = english();
        assert_eq!(
            check_routine(&light_ball)[0].message(&texts),
            "Step 1 puts body weight on a ball or roller: that is at least Medium pressure, not Light."
        );
        // A breath hold on a rest is fine; on a work step it is not.
        let mut holding = routine(vec![
            step(Effleurage, Light, Hands, 60),
            Step {
                breathing: Some(BreathingPattern::FourSevenEight),
                ..step(Rest, Light, Hands, 60)
            },
        ]);
        holding.breathing = BreathingPattern::Box;
        let warnings = check_routine(&holding);
        assert_eq!(
            warnings,
            [RuleWarning {
                rule: Rule::NoBreathHoldDuringWork(BreathingPattern::Box),
                step: Some(0)
            }]
        );
        assert!(
            warnings[0].message(&texts).contains("Box breathing"),
            "{}",
            warnings[0].message(&texts)
        );
        let mut stretch = routine(vec![Step {
            area: Area::Piriformis,
            ..step(Stretch, Light, Hands, 30)
        }]);
        stretch.breathing = BreathingPattern::Coherent;
        assert_eq!(
            check_routine(&stretch),
            [RuleWarning {
                rule: Rule::HipReplacementMoves,
                step: None
            }]
        );
    }

    #[test]
    fn every_rule_has_its_words_in_every_locale() {
        let rules = [
            Rule::ToolUnderBodyIsNotLight,
            Rule::NoBreathHoldDuringWork(BreathingPattern::Box),
            Rule::HoldAtMost90Seconds,
            Rule::EndsLight,
            Rule::HipReplacementMoves,
        ];
        for locale in Locale::ALL {
            let texts = catalog(locale);
            for rule in rules {
                assert!(texts.has(rule.key()), "{}: {:?}", locale.tag(), rule);
            }
        }
    }
}
