//! Finding a routine in the library: filters by body region, tool, length and
//! technique, and the massage style a routine is mostly in.

use super::i18n::Catalog;
use super::routine::{Pressure, Routine, Step, Technique, Tool};
use super::suggest::{regions_of, Region};

/// The four styles of massage the library teaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// Long gliding strokes and rhythmic kneading, light to medium.
    Swedish,
    /// Slow, firm strokes and kneading into the deeper layers.
    DeepTissue,
    /// Held pressure on tender spots.
    TriggerPoint,
    /// Slow, sustained pressure that waits for the tissue to give.
    Myofascial,
}

impl Style {
    pub const ALL: [Style; 4] = [
        Style::Swedish,
        Style::DeepTissue,
        Style::TriggerPoint,
        Style::Myofascial,
    ];

    /// The style's name ("Deep tissue").
    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(match self {
            Style::Swedish => "style.swedish",
            Style::DeepTissue => "style.deep_tissue",
            Style::TriggerPoint => "style.trigger_point",
            Style::Myofascial => "style.myofascial",
        })
    }

    /// The style a step's work belongs to; stretches and rests belong to none.
    pub fn of_step(step: &Step) -> Option<Style> {
        match step.technique {
            Technique::Effleurage | Technique::Kneading if step.pressure == Pressure::Firm => {
                Some(Style::DeepTissue)
            }
            Technique::Effleurage | Technique::Kneading => Some(Style::Swedish),
            Technique::TriggerPoint => Some(Style::TriggerPoint),
            Technique::MyofascialRelease => Some(Style::Myofascial),
            Technique::Stretch | Technique::Rest => None,
        }
    }

    /// The style of more than half of a routine's massage time (stretches and rests
    /// left out), or `None` for a routine that mixes styles.
    pub fn of_routine(routine: &Routine) -> Option<Style> {
        let mut seconds = [0u32; 4];
        for step in &routine.steps {
            if let Some(style) = Style::of_step(step) {
                seconds[style as usize] = seconds[style as usize].saturating_add(step.total_work_secs());
            }
        }
        let massage: u32 = seconds.iter().fold(0, |sum, s| sum.saturating_add(*s));
        Style::ALL
            .into_iter()
            .find(|style| u64::from(seconds[*style as usize]) * 2 > u64::from(massage))
    }
}

/// How long a routine is, as the filter groups lengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Length {
    /// Up to 7 minutes.
    Short,
    /// 8 to 12 minutes.
    Medium,
    /// Over 12 minutes.
    Long,
}

impl Length {
    pub const ALL: [Length; 3] = [Length::Short, Length::Medium, Length::Long];

    /// The group of a routine of `minutes` (as cards round them).
    pub fn of_minutes(minutes: u32) -> Length {
        match minutes {
            0..=7 => Length::Short,
            8..=12 => Length::Medium,
            _ => Length::Long,
        }
    }

    /// The catalogue key of the group's name ("Up to 7 minutes").
    pub fn key(self) -> &'static str {
        match self {
            Length::Short => "filter.short",
            Length::Medium => "filter.medium",
            Length::Long => "filter.long",
        }
    }
}

/// What the person is looking for; `None` in a field means any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LibraryFilter {
    pub region: Option<Region>,
    pub tool: Option<Tool>,
    pub length: Option<Length>,
    pub technique: Option<Technique>,
}

impl LibraryFilter {
    /// Whether any field narrows the list.
    pub fn is_active(&self) -> bool {
        *self != LibraryFilter::default()
    }

    /// Whether `routine` has everything asked for: a step on the region, the tool,
    /// the length and the technique.
    pub fn matches(&self, routine: &Routine) -> bool {
        self.region.is_none_or(|region| {
            routine
                .steps
                .iter()
                .any(|step| regions_of(step.area).contains(&region))
        }) && self
            .tool
            .is_none_or(|tool| routine.steps.iter().any(|step| step.tool == tool))
            && self
                .length
                .is_none_or(|length| Length::of_minutes(routine.minutes_rounded()) == length)
            && self
                .technique
                .is_none_or(|technique| routine.steps.iter().any(|step| step.technique == technique))
    }
}
