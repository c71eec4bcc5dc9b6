//! The drawn poses: one figure per position, as joints in a 120 × 90 picture.
//!
//! Every pose shows the person's left side (or, lying on the side, lies on the left
//! side seen from behind); the right side is the mirror image. Each names what it
//! rests on, so a ball or roller can go between the body and the floor, seat or wall.

use super::geometry::Point;
use crate::routine::Position;

/// The floor line, shared by every pose.
pub const FLOOR_Y: f32 = 86.0;

/// Something the body rests on or leans against: a straight edge the body is on the
/// `normal` side of, between `from` and `to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Support {
    pub from: Point,
    pub to: Point,
    /// Unit vector from the surface toward the body.
    pub normal: Point,
}

impl Support {
    /// How far `point` is from the surface, along its normal (negative: behind it).
    pub fn distance(&self, point: Point) -> f32 {
        (point - self.from).dot(self.normal)
    }

    /// Whether `point` lies over the surface (between its ends, along it).
    pub fn spans(&self, point: Point) -> bool {
        let along = self.to - self.from;
        let t = (point - self.from).dot(along) / along.dot(along);
        (-0.02..=1.02).contains(&t)
    }
}

/// The furniture a pose is drawn with, beyond the floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prop {
    Chair,
    Wall,
}

/// A figure's joints (the near leg and arm), how its torso and thigh face, and what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Pose {
    pub head: Point,
    pub shoulder: Point,
    pub hip: Point,
    pub knee: Point,
    pub ankle: Point,
    pub toe: Point,
    /// The arm that reaches the spot when hands work it.
    pub elbow: Point,
    pub hand: Point,
    /// The other arm: a support (on the floor) or resting.
    pub far_elbow: Point,
    pub far_hand: Point,
    /// The other leg's knee, ankle and toe, where it is placed differently.
    pub far_leg: Option<[Point; 3]>,
    /// Toward the back of the torso and of the thigh (their posterior side), roughly.
    pub torso_back: Point,
    pub thigh_back: Point,
    /// Toward the worked side's outer surface in this view; zero where that side faces
    /// the viewer (every pose seen from the side).
    pub lateral: Point,
    /// Whether the head and the far arm rest on something and stay put when the body
    /// is raised onto a tool.
    pub head_rests: bool,
    pub far_arm_rests: bool,
    pub prop: Option<Prop>,
}

const fn p(x: f32, y: f32) -> Point {
    Point { x, y }
}

const NONE: Point = p(0.0, 0.0);

impl Pose {
    /// The figure for `position`; `lateral_up` turns a side-lying figure's worked
    /// side up (hands work the upper side; a ball goes under the lower one).
    pub fn of(position: Position, lateral_up: bool) -> Pose {
        match position {
            Position::Standing => Pose {
                head: p(57.0, 12.0),
                shoulder: p(60.0, 25.0),
                hip: p(62.0, 52.0),
                knee: p(61.0, 69.0),
                ankle: p(62.0, 84.0),
                toe: p(54.0, 85.5),
                elbow: p(61.0, 39.0),
                hand: p(59.0, 52.0),
                far_elbow: p(60.0, 39.0),
                far_hand: p(57.0, 52.0),
                far_leg: None,
                torso_back: p(1.0, 0.0),
                thigh_back: p(1.0, 0.0),
                lateral: NONE,
                head_rests: false,
                far_arm_rests: false,
                prop: None,
            },
            Position::StandingAtWall => Pose {
                head: p(70.0, 12.0),
                shoulder: p(73.0, 25.0),
                hip: p(73.0, 52.0),
                knee: p(64.0, 68.0),
                ankle: p(60.0, 84.0),
                toe: p(52.0, 85.5),
                elbow: p(71.0, 39.0),
                hand: p(67.0, 51.0),
                far_elbow: p(70.0, 39.0),
                far_hand: p(65.0, 51.0),
                far_leg: None,
                torso_back: p(1.0, 0.0),
                thigh_back: p(1.0, 0.2),
                lateral: NONE,
                head_rests: false,
                far_arm_rests: false,
                prop: Some(Prop::Wall),
            },
            Position::SeatedOnChair => Pose {
                head: p(70.0, 12.0),
                shoulder: p(72.0, 25.0),
                hip: p(73.0, 51.5),
                knee: p(51.0, 53.0),
                ankle: p(50.0, 84.0),
                toe: p(42.0, 85.5),
                elbow: p(68.0, 39.0),
                hand: p(56.0, 47.0),
                far_elbow: p(67.0, 39.0),
                far_hand: p(54.0, 47.0),
                far_leg: None,
                torso_back: p(1.0, 0.0),
                thigh_back: p(0.0, 1.0),
                lateral: NONE,
                head_rests: false,
                far_arm_rests: false,
                prop: Some(Prop::Chair),
            },
            Position::SeatedOnFloor => Pose {
                head: p(83.0, 40.0),
                shoulder: p(81.0, 53.0),
                hip: p(74.0, 79.0),
                knee: p(52.0, 80.0),
                ankle: p(31.0, 81.0),
                toe: p(27.0, 74.0),
                elbow: p(72.0, 64.0),
                hand: p(62.0, 72.0),
                far_elbow: p(90.0, 66.0),
                far_hand: p(96.0, 84.0),
                far_leg: None,
                torso_back: p(1.0, 0.3),
                thigh_back: p(0.0, 1.0),
                lateral: NONE,
                head_rests: false,
                far_arm_rests: true,
                prop: None,
            },
            // Head to the right: lying on the back, the left side faces the viewer that way.
            Position::LyingOnBack => Pose {
                head: p(104.0, 78.0),
                shoulder: p(90.0, 79.5),
                hip: p(58.0, 79.5),
                knee: p(40.0, 62.0),
                ankle: p(30.0, 83.0),
                toe: p(22.0, 85.5),
                elbow: p(76.0, 82.0),
                hand: p(62.0, 83.0),
                far_elbow: p(75.0, 82.0),
                far_hand: p(61.0, 83.0),
                far_leg: None,
                torso_back: p(0.0, 1.0),
                thigh_back: p(-1.0, 1.0),
                lateral: NONE,
                head_rests: true,
                far_arm_rests: true,
                prop: None,
            },
            Position::LyingFaceDown => Pose {
                head: p(15.0, 60.0),
                shoulder: p(27.0, 70.0),
                hip: p(62.0, 79.5),
                knee: p(84.0, 80.5),
                ankle: p(104.0, 81.5),
                toe: p(111.0, 85.5),
                elbow: p(40.0, 78.0),
                hand: p(50.0, 80.0),
                far_elbow: p(25.0, 83.0),
                far_hand: p(10.0, 84.0),
                far_leg: None,
                torso_back: p(0.0, -1.0),
                thigh_back: p(0.0, -1.0),
                lateral: NONE,
                head_rests: false,
                far_arm_rests: true,
                prop: None,
            },
            // Seen from behind, lying on the left side, propped on the left forearm.
            Position::LyingOnSide => Pose {
                head: p(15.0, 58.0),
                shoulder: p(26.0, 67.0),
                hip: p(62.0, 79.5),
                knee: p(85.0, 80.5),
                ankle: p(105.0, 81.5),
                toe: p(111.0, 77.0),
                elbow: p(38.0, 64.0),
                hand: p(52.0, 70.0),
                far_elbow: p(27.0, 83.0),
                far_hand: p(12.0, 84.0),
                far_leg: None,
                torso_back: NONE,
                thigh_back: NONE,
                lateral: if lateral_up { p(0.0, -1.0) } else { p(0.0, 1.0) },
                head_rests: false,
                far_arm_rests: true,
                prop: None,
            },
            // The near (left) knee down, the right foot forward.
            Position::HalfKneeling => Pose {
                head: p(63.0, 16.0),
                shoulder: p(64.0, 29.0),
                hip: p(65.0, 55.0),
                knee: p(72.0, 80.0),
                ankle: p(92.0, 82.0),
                toe: p(98.0, 85.5),
                elbow: p(60.0, 42.0),
                hand: p(50.0, 55.0),
                far_elbow: p(59.0, 42.0),
                far_hand: p(48.0, 56.0),
                far_leg: Some([p(45.0, 60.0), p(46.0, 84.0), p(38.0, 85.5)]),
                torso_back: p(1.0, 0.0),
                thigh_back: p(1.0, 0.0),
                lateral: NONE,
                head_rests: false,
                far_arm_rests: false,
                prop: None,
            },
        }
    }

    /// What the body can rest on in this pose: the floor, and the chair's seat and
    /// back or the wall.
    pub fn supports(&self) -> Vec<Support> {
        let mut supports = vec![Support {
            from: p(2.0, FLOOR_Y),
            to: p(118.0, FLOOR_Y),
            normal: p(0.0, -1.0),
        }];
        match self.prop {
            Some(Prop::Chair) => supports.extend([
                Support {
                    from: p(CHAIR_FRONT_X, CHAIR_SEAT_Y),
                    to: p(CHAIR_BACK_X, CHAIR_SEAT_Y),
                    normal: p(0.0, -1.0),
                },
                Support {
                    from: p(CHAIR_BACK_X, CHAIR_SEAT_Y),
                    to: p(CHAIR_BACK_X, CHAIR_TOP_Y),
                    normal: p(-1.0, 0.0),
                },
            ]),
            Some(Prop::Wall) => supports.push(Support {
                from: p(WALL_X, FLOOR_Y),
                to: p(WALL_X, 4.0),
                normal: p(-1.0, 0.0),
            }),
            None => {}
        }
        supports
    }
}

pub const CHAIR_FRONT_X: f32 = 56.0;
pub const CHAIR_BACK_X: f32 = 86.0;
pub const CHAIR_SEAT_Y: f32 = 58.0;
pub const CHAIR_TOP_Y: f32 = 30.0;
pub const WALL_X: f32 = 81.0;
