//! "Where does it hurt?": the places a person can point at, what each routine's
//! steps work on, and routines suggested for the chosen places by how much of their
//! time works there.
//!
//! Pain that runs down the leg, or numbness between the legs (the saddle area), is not
//! a place to massage: choosing either asks for the warning-sign advice instead.

use crate::i18n::Catalog;
use crate::routine::{Area, Routine, Side, Step};

/// A place of the lower back, pelvis, hip or thigh, as the body map shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    /// Lower back and quadratus lumborum.
    LowerBack,
    SacroiliacJoint,
    GluteusMaximus,
    /// Gluteus medius and minimus.
    GluteusMedius,
    /// Deep gluteal space and piriformis.
    DeepGluteal,
    /// The side of the hip, over the greater trochanter.
    SideOfHip,
    /// The front of the hip and the tensor fasciae latae.
    FrontOfHip,
    /// The sit bone and the hamstrings' origin.
    SitBone,
    BackOfThigh,
}

impl Region {
    /// Every region, top of the back to the thigh: the order of the map's list.
    pub const ALL: [Region; 9] = [
        Region::LowerBack,
        Region::SacroiliacJoint,
        Region::GluteusMedius,
        Region::GluteusMaximus,
        Region::DeepGluteal,
        Region::SideOfHip,
        Region::FrontOfHip,
        Region::SitBone,
        Region::BackOfThigh,
    ];

    /// The region's name in keys and in the filter's values ("deep_gluteal").
    pub fn slug(self) -> &'static str {
        match self {
            Region::LowerBack => "lower_back",
            Region::SacroiliacJoint => "sacroiliac_joint",
            Region::GluteusMaximus => "gluteus_maximus",
            Region::GluteusMedius => "gluteus_medius",
            Region::DeepGluteal => "deep_gluteal",
            Region::SideOfHip => "side_of_hip",
            Region::FrontOfHip => "front_of_hip",
            Region::SitBone => "sit_bone",
            Region::BackOfThigh => "back_of_thigh",
        }
    }

    /// The region with this [`Region::slug`].
    pub fn from_slug(slug: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|region| region.slug() == slug)
    }

    /// Its name without a side ("Deep gluteal (piriformis)").
    pub fn name(self, texts: &Catalog) -> String {
        texts.text(&format!("region.name.{}", self.slug())).to_string()
    }
}

impl Spot {
    /// Its name as a choice on the map ("Left deep gluteal (piriformis)").
    pub fn name(self, texts: &Catalog) -> String {
        let group = self.side.slug();
        texts
            .text(&format!("region.{group}.{}", self.region.slug()))
            .to_string()
    }

    /// It named in a sentence about the person ("your left piriformis").
    pub fn in_sentence(self, texts: &Catalog) -> String {
        texts
            .text(&format!(
                "region.your_{}.{}",
                self.side.slug(),
                self.region.slug()
            ))
            .to_string()
    }
}

/// Left or right of the body: every place on the map has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BodySide {
    Left,
    Right,
}

impl BodySide {
    /// The side in keys, element ids and the player's `?side=` ("left").
    pub fn slug(self) -> &'static str {
        match self {
            BodySide::Left => "left",
            BodySide::Right => "right",
        }
    }

    /// The side with this [`BodySide::slug`]; anything else is none.
    pub fn from_slug(slug: &str) -> Option<BodySide> {
        [BodySide::Left, BodySide::Right]
            .into_iter()
            .find(|side| side.slug() == slug)
    }
}

/// One place on one side ("left deep gluteal").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Spot {
    pub region: Region,
    pub side: BodySide,
}

/// What a person can choose on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Choice {
    Spot(Spot),
    /// Pain or tingling that runs down the leg.
    RunsDownLeg,
    /// Numbness around the groin or back passage.
    Numbness,
}

/// Everything chosen on the map: places in the order chosen, and the warning signs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapChoices {
    spots: Vec<Spot>,
    /// "Pain or tingling runs down my leg".
    pub runs_down_leg: bool,
    /// Numbness between the legs (the saddle area): an emergency.
    pub numbness: bool,
}

impl MapChoices {
    /// Chooses `spot`, or unchooses it if it was chosen.
    pub fn toggle(&mut self, spot: Spot) {
        match self.spots.iter().position(|chosen| *chosen == spot) {
            Some(index) => {
                self.spots.remove(index);
            }
            None => self.spots.push(spot),
        }
    }

    /// Whether `spot` is chosen.
    pub fn has(&self, spot: Spot) -> bool {
        self.spots.contains(&spot)
    }

    /// The places chosen, first chosen first.
    pub fn spots(&self) -> &[Spot] {
        &self.spots
    }

    /// Every choice, for [`suggest`].
    pub fn choices(&self) -> Vec<Choice> {
        let warnings = [
            self.runs_down_leg.then_some(Choice::RunsDownLeg),
            self.numbness.then_some(Choice::Numbness),
        ];
        warnings
            .into_iter()
            .flatten()
            .chain(self.spots.iter().map(|spot| Choice::Spot(*spot)))
            .collect()
    }

    /// The side every chosen place is on, when they share one: the side a person may
    /// choose to play alone.
    pub fn one_side(&self) -> Option<BodySide> {
        let first = self.spots.first()?.side;
        self.spots.iter().all(|spot| spot.side == first).then_some(first)
    }
}

/// The places a step's area works on.
pub fn regions_of(area: Area) -> &'static [Region] {
    match area {
        Area::GluteusMaximus => &[Region::GluteusMaximus],
        Area::GluteusMedius => &[Region::GluteusMedius],
        Area::Piriformis => &[Region::DeepGluteal],
        Area::HipTfl => &[Region::FrontOfHip],
        Area::GreaterTrochanter => &[Region::SideOfHip],
        Area::SacroiliacJoint => &[Region::SacroiliacJoint],
        Area::BackOfThigh => &[Region::BackOfThigh],
        Area::LowerBack => &[Region::LowerBack],
        Area::HamstringAttachment => &[Region::SitBone],
        // Long strokes over the low back and both buttocks.
        Area::WholeRegion => &[Region::LowerBack, Region::SacroiliacJoint, Region::GluteusMaximus],
    }
}

/// The passes of a step, each a side and its seconds: a two-sided step works each side
/// in turn, a midline one (the low back at once) both sides together.
fn passes(step: &Step) -> Vec<(Vec<BodySide>, u32)> {
    let both = vec![BodySide::Left, BodySide::Right];
    match step.side {
        Side::Left => vec![(vec![BodySide::Left], step.duration_secs)],
        Side::Right => vec![(vec![BodySide::Right], step.duration_secs)],
        Side::Both => vec![
            (vec![BodySide::Left], step.duration_secs),
            (vec![BodySide::Right], step.duration_secs),
        ],
        Side::None => vec![(both, step.duration_secs)],
    }
}

/// Why a routine is suggested: how much of its work is on the chosen places, and the
/// chosen place it works on most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason {
    /// Seconds of work on any chosen place (a pass on two chosen places counts once).
    pub seconds_on: u32,
    /// All its seconds of work.
    pub seconds_total: u32,
    /// The chosen place with the most seconds (the first chosen, on a tie).
    pub most_on: Spot,
}

impl Reason {
    /// The reason in words: "28 % of this routine works on your left piriformis: 2 of its
    /// 9 minutes.", the share it is ranked by (of its working time, at least 1 %), then
    /// the minutes, where `length_ms` is the routine's whole length as its card rounds it
    /// (with the pauses between steps). Minutes are rounded, and a place worked on at all
    /// gets at least one.
    pub fn sentence(&self, texts: &Catalog, length_ms: u64) -> String {
        let total = (length_ms.saturating_add(30_000) / 60_000).max(1);
        let on = u64::from(self.seconds_on.saturating_add(30) / 60)
            .clamp(1, total)
            .to_string();
        let working = u64::from(self.seconds_total.max(1));
        let percent = ((u64::from(self.seconds_on) * 100 + working / 2) / working)
            .clamp(1, 100)
            .to_string();
        texts.count(
            "map.reason",
            total,
            &[
                ("on", &on),
                ("percent", &percent),
                ("place", &self.most_on.in_sentence(texts)),
            ],
        )
    }
}

/// A routine suggested for the chosen places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub routine_id: String,
    pub reason: Reason,
}

/// What the map answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Nothing chosen yet.
    Nothing,
    /// A warning sign was chosen: advice, never a massage suggestion.
    SeeWarningSigns,
    /// Up to [`TOP`] routines, the largest share of their time on the chosen places
    /// first; empty when no routine works on them.
    Routines(Vec<Suggestion>),
}

/// How many routines are suggested.
pub const TOP: usize = 3;

/// How much of `routine` works on `spots` (in the order chosen); `None` if none of it does.
pub fn reason(routine: &Routine, spots: &[Spot]) -> Option<Reason> {
    let mut on_each = vec![0u32; spots.len()];
    let mut seconds_on = 0u32;
    let mut seconds_total = 0u32;
    for step in &routine.steps {
        let regions = regions_of(step.area);
        for (sides, seconds) in passes(step) {
            seconds_total = seconds_total.saturating_add(seconds);
            let mut hit = false;
            for (index, spot) in spots.iter().enumerate() {
                if regions.contains(&spot.region) && sides.contains(&spot.side) {
                    on_each[index] = on_each[index].saturating_add(seconds);
                    hit = true;
                }
            }
            if hit {
                seconds_on = seconds_on.saturating_add(seconds);
            }
        }
    }
    let most = (0..spots.len()).rev().max_by_key(|index| on_each[*index])?;
    (seconds_on > 0).then_some(Reason {
        seconds_on,
        seconds_total,
        most_on: spots[most],
    })
}

/// The map's answer for `choices` over `routines`: a warning sign first of all; else the
/// routines with the most seconds on the chosen places, then the larger share of their
/// time, then their order in the list.
pub fn suggest(routines: &[Routine], choices: &[Choice]) -> Answer {
    if choices
        .iter()
        .any(|choice| matches!(choice, Choice::RunsDownLeg | Choice::Numbness))
    {
        return Answer::SeeWarningSigns;
    }
    let spots: Vec<Spot> = choices
        .iter()
        .filter_map(|choice| match choice {
            Choice::Spot(spot) => Some(*spot),
            _ => None,
        })
        .collect();
    if spots.is_empty() {
        return Answer::Nothing;
    }
    let mut found: Vec<(usize, Suggestion)> = routines
        .iter()
        .enumerate()
        .filter_map(|(order, routine)| {
            reason(routine, &spots).map(|reason| {
                (
                    order,
                    Suggestion {
                        routine_id: routine.id.clone(),
                        reason,
                    },
                )
            })
        })
        .collect();
    // A routine mostly about the place comes first (its share of the time, compared
    // exactly), then the one with more minutes there, then the library's order.
    found.sort_by(|(order_a, a), (order_b, b)| {
        let (a, b) = (&a.reason, &b.reason);
        let share_a = u64::from(a.seconds_on) * u64::from(b.seconds_total.max(1));
        let share_b = u64::from(b.seconds_on) * u64::from(a.seconds_total.max(1));
        share_b
            .cmp(&share_a)
            .then(b.seconds_on.cmp(&a.seconds_on))
            .then(order_a.cmp(order_b))
    });
    Answer::Routines(
        found
            .into_iter()
            .take(TOP)
            .map(|(_, suggestion)| suggestion)
            .collect(),
    )
}

/// `routine` for one painful side: its two-sided steps work that side alone; steps on
/// one side or the midline stay as they are.
pub fn on_one_side(routine: &Routine, side: BodySide) -> Routine {
    let mut one_sided = routine.clone();
    for step in &mut one_sided.steps {
        if step.side == Side::Both {
            step.side = match side {
                BodySide::Left => Side::Left,
                BodySide::Right => Side::Right,
            };
        }
    }
    one_sided
}
