//! How the body is placed for a step: standing, seated, lying, against a wall.
//!
//! A step names its position; one that does not (links and stored routines from
//! before positions existed) gets the position its tool and area call for.

use serde::{Deserialize, Serialize};

use super::{Area, Technique, Tool};
use crate::i18n::Catalog;

/// The body's position while a step is worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Standing,
    SeatedOnChair,
    SeatedOnFloor,
    LyingOnBack,
    /// Lying on one side; a ball or roller goes under the side being worked.
    LyingOnSide,
    LyingFaceDown,
    /// One knee down, the other foot forward: the front-of-hip stretch.
    HalfKneeling,
    /// Back to a wall, a ball between the wall and the spot.
    StandingAtWall,
}

impl Position {
    /// Every position, in the order the builder offers them.
    pub const ALL: [Position; 8] = [
        Position::Standing,
        Position::StandingAtWall,
        Position::SeatedOnChair,
        Position::SeatedOnFloor,
        Position::LyingOnBack,
        Position::LyingOnSide,
        Position::LyingFaceDown,
        Position::HalfKneeling,
    ];

    /// The catalogue key of the position's name.
    pub fn key(self) -> &'static str {
        match self {
            Position::Standing => "terms.position.standing",
            Position::SeatedOnChair => "terms.position.seated_on_chair",
            Position::SeatedOnFloor => "terms.position.seated_on_floor",
            Position::LyingOnBack => "terms.position.lying_on_back",
            Position::LyingOnSide => "terms.position.lying_on_side",
            Position::LyingFaceDown => "terms.position.lying_face_down",
            Position::HalfKneeling => "terms.position.half_kneeling",
            Position::StandingAtWall => "terms.position.standing_at_wall",
        }
    }

    /// The position's name ("Lying on your back").
    pub fn label(self, texts: &Catalog) -> &str {
        texts.text(self.key())
    }

    /// The position a step without one is played in: where its tool and area put the
    /// body. A ball or roller goes where body weight can rest on it (the floor, a chair,
    /// a wall); hands work standing, or lying on the side for the side and front of the hip.
    pub fn derived(technique: Technique, area: Area, tool: Tool) -> Position {
        use Area::*;
        match (technique, tool, area) {
            (Technique::Rest, _, _) => Position::LyingOnBack,
            (Technique::Stretch, _, HipTfl) => Position::HalfKneeling,
            (Technique::Stretch, _, _) => Position::LyingOnBack,
            (_, Tool::FoamRoller, HipTfl) => Position::LyingFaceDown,
            (_, Tool::FoamRoller, GluteusMedius | GreaterTrochanter) => Position::LyingOnSide,
            (_, Tool::FoamRoller, LowerBack | SacroiliacJoint) => Position::LyingOnBack,
            (_, Tool::FoamRoller, _) => Position::SeatedOnFloor,
            (_, Tool::MassageBall, LowerBack | SacroiliacJoint | GluteusMedius) => Position::StandingAtWall,
            (_, Tool::MassageBall, HipTfl) => Position::LyingFaceDown,
            (_, Tool::MassageBall, GreaterTrochanter) => Position::LyingOnSide,
            (_, Tool::MassageBall, HamstringAttachment | BackOfThigh) => Position::SeatedOnChair,
            (_, Tool::MassageBall, _) => Position::SeatedOnFloor,
            (_, Tool::Hands | Tool::FistForearm, HipTfl | GreaterTrochanter) => Position::LyingOnSide,
            (_, Tool::Hands | Tool::FistForearm, _) => Position::Standing,
        }
    }

    /// Whether the body lies on the floor.
    pub fn is_lying(self) -> bool {
        matches!(
            self,
            Position::LyingOnBack | Position::LyingOnSide | Position::LyingFaceDown
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialised_names_are_stable() {
        // Part of stored routines: never rename them.
        let names: Vec<String> = Position::ALL
            .iter()
            .map(|p| serde_json::to_string(p).unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "\"standing\"",
                "\"standing_at_wall\"",
                "\"seated_on_chair\"",
                "\"seated_on_floor\"",
                "\"lying_on_back\"",
                "\"lying_on_side\"",
                "\"lying_face_down\"",
                "\"half_kneeling\""
            ]
        );
    }

    #[test]
    fn a_ball_or_roller_is_never_derived_standing_free() {
        // Body weight on a tool needs something to press against.
        for technique in Technique::ALL {
            for area in Area::ALL {
                for tool in [Tool::MassageBall, Tool::FoamRoller] {
                    let position = Position::derived(technique, area, tool);
                    if !matches!(technique, Technique::Rest | Technique::Stretch) {
                        assert_ne!(position, Position::Standing, "{technique:?} {area:?} {tool:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn derived_positions_are_the_usual_ones() {
        use Area::*;
        let derived = |technique, area, tool| Position::derived(technique, area, tool);
        assert_eq!(
            derived(Technique::TriggerPoint, Piriformis, Tool::MassageBall),
            Position::SeatedOnFloor
        );
        assert_eq!(
            derived(Technique::TriggerPoint, LowerBack, Tool::MassageBall),
            Position::StandingAtWall
        );
        assert_eq!(
            derived(Technique::MyofascialRelease, HipTfl, Tool::FoamRoller),
            Position::LyingFaceDown
        );
        assert_eq!(
            derived(Technique::Kneading, GluteusMaximus, Tool::Hands),
            Position::Standing
        );
        assert_eq!(
            derived(Technique::Rest, WholeRegion, Tool::Hands),
            Position::LyingOnBack
        );
        assert_eq!(
            derived(Technique::Stretch, HipTfl, Tool::Hands),
            Position::HalfKneeling
        );
    }
}
