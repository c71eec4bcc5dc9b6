//! A step's picture, drawn from its data: the pose for its position, the spot on the
//! body for its area, the tool there (a ball or roller between the body and what it
//! rests on), and a mark for the movement of its technique.
//!
//! Everything is worked out here, as plain geometry in a 120 × 90 picture; the app
//! only turns [`Picture::shapes`] into SVG paths. Each pose shows the left side; the
//! right side is the same picture mirrored ([`Picture::mirrored`]).

mod geometry;
mod pose;

pub use geometry::Point;
pub use pose::{Pose, Prop, Support, FLOOR_Y};

use geometry::elbow_for;
use pose::{CHAIR_BACK_X, CHAIR_FRONT_X, CHAIR_SEAT_Y, CHAIR_TOP_Y, WALL_X};

use crate::i18n::Catalog;
use crate::routine::{Area, Position, Side, Step, Technique, Tool};

/// The picture's size, in its own units.
pub const WIDTH: f32 = 120.0;
pub const HEIGHT: f32 = 90.0;

/// Line widths of the figure: the surface of a part is half its width from its line.
pub const TORSO_WIDTH: f32 = 13.0;
pub const THIGH_WIDTH: f32 = 10.0;
const SHIN_WIDTH: f32 = 8.0;
const FOOT_WIDTH: f32 = 5.0;
const UPPER_ARM_WIDTH: f32 = 6.0;
const FOREARM_WIDTH: f32 = 5.0;
const NECK_WIDTH: f32 = 6.0;
const HEAD_RADIUS: f32 = 7.0;
const UPPER_ARM: f32 = 15.0;
const FOREARM: f32 = 15.0;
pub const BALL_RADIUS: f32 = 4.5;
/// How far past a placed point a line's width or a movement's mark may reach.
const MARK_REACH: f32 = 9.0;
pub const ROLLER_RADIUS: f32 = 7.0;

/// The part of the body a spot is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// From the hip joint up to the shoulder.
    Torso,
    /// From the hip joint down to the knee.
    Thigh,
}

impl Segment {
    pub fn width(self) -> f32 {
        match self {
            Segment::Torso => TORSO_WIDTH,
            Segment::Thigh => THIGH_WIDTH,
        }
    }
}

/// Where an area sits: on a segment, a fraction of the way along it from the hip, and
/// how far toward its back (negative: its front) and its outer side, in half widths.
struct Landmark {
    segment: Segment,
    along: f32,
    back: f32,
    outer: f32,
}

fn landmark(area: Area) -> Landmark {
    let at = |segment, along, back, outer| Landmark {
        segment,
        along,
        back,
        outer,
    };
    match area {
        Area::LowerBack => at(Segment::Torso, 0.32, 1.0, 0.0),
        Area::SacroiliacJoint => at(Segment::Torso, 0.12, 1.0, 0.0),
        Area::WholeRegion => at(Segment::Torso, 0.06, 1.0, 0.0),
        Area::GluteusMedius => at(Segment::Torso, 0.02, 0.6, 0.8),
        Area::GluteusMaximus => at(Segment::Thigh, 0.06, 1.0, 0.2),
        Area::Piriformis => at(Segment::Thigh, 0.0, 0.9, 0.4),
        Area::GreaterTrochanter => at(Segment::Thigh, 0.08, 0.0, 1.0),
        Area::HipTfl => at(Segment::Thigh, 0.12, -0.8, 0.5),
        Area::HamstringAttachment => at(Segment::Thigh, 0.16, 1.0, 0.0),
        Area::BackOfThigh => at(Segment::Thigh, 0.5, 1.0, 0.0),
    }
}

/// What works the spot, where it is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ToolMark {
    /// An open hand on the spot, lying along `along`.
    Hand {
        at: Point,
        along: Point,
    },
    Fist {
        at: Point,
    },
    Ball {
        center: Point,
    },
    Roller {
        center: Point,
    },
}

/// The marked spot on the body and which way its surface faces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spot {
    pub segment: Segment,
    /// On the surface of the body (or on its near face, for a side facing the viewer).
    pub at: Point,
    /// Out of the body at the spot; zero where the spot faces the viewer.
    pub outward: Point,
    /// Along the segment, from the hip.
    pub along: Point,
    /// A larger mark for a whole region.
    pub radius: f32,
}

/// A step drawn: the figure, what it rests on, the spot, the tool and the movement.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub position: Position,
    pub technique: Technique,
    pub pose: Pose,
    pub spot: Spot,
    pub tool: ToolMark,
    /// The surface the tool is pressed between the body and, if any.
    pub under: Option<Support>,
    /// Drawn for the right side: the left-side picture mirrored.
    pub mirrored: bool,
    /// The side marks to show: left, right, or both for a step done on each side.
    pub side: Side,
}

/// One drawn path, in the picture's units, with its role (a class for styling) and
/// its line width where it is a part of the figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub role: Role,
    pub d: String,
    /// Whole picture units (every part of the figure has a whole width).
    pub width: Option<u8>,
}

/// What a path is, which is all the app needs to style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The floor, a chair, a wall.
    Prop,
    /// The other arm or leg, behind the body.
    FarLimb,
    Body,
    Head,
    Spot,
    Tool,
    /// The inner ring of a roller's end, or a ball's highlight.
    ToolDetail,
    /// A movement: a stroke, a circle, a glide, a stretch or a breath.
    Motion,
    /// A trigger point's pulse, which repeats where motion is allowed.
    Pulse,
}

impl Role {
    /// The class suffix the app styles the role by.
    pub fn name(self) -> &'static str {
        match self {
            Role::Prop => "prop",
            Role::FarLimb => "far",
            Role::Body => "body",
            Role::Head => "head",
            Role::Spot => "spot",
            Role::Tool => "tool",
            Role::ToolDetail => "tool-detail",
            Role::Motion => "motion",
            Role::Pulse => "pulse",
        }
    }
}

impl Picture {
    /// The picture of `step` on the pass that works `side` (`Both` for the step as a
    /// whole, drawn on the left with both side marks).
    pub fn of(step: &Step, side: Side) -> Picture {
        let position = step.position();
        let pressed_under = matches!(step.tool, Tool::MassageBall | Tool::FoamRoller);
        let mut pose = Pose::of(position, !pressed_under);
        let mut spot = spot_on(&pose, step.area);
        let radius = match step.tool {
            Tool::FoamRoller => ROLLER_RADIUS,
            _ => BALL_RADIUS,
        };
        let faced = pose.supports().into_iter().find(|support| {
            spot.outward.dot(support.normal) < -0.6
                && support.spans(spot.at)
                && support.distance(spot.at) < 2.0 * radius + 8.0
        });
        // A ball or roller goes between the spot and a surface it faces: the body is
        // raised onto it by the tool's width. A hand cannot get there: it works the
        // spot from the side facing the viewer.
        let under = faced.filter(|_| pressed_under);
        if faced.is_some() && !pressed_under {
            spot.at = spot.at - spot.outward * (spot.segment.width() / 2.0 * 0.6);
            spot.outward = Point::default();
        }
        if let Some(support) = under {
            let lift = support.normal * (2.0 * radius - support.distance(spot.at));
            raise(&mut pose, spot.segment, lift);
            spot.at = spot.at + lift;
        }
        let tool = match (step.tool, under) {
            (Tool::MassageBall, Some(support)) => ToolMark::Ball {
                center: spot.at - support.normal * radius,
            },
            (Tool::FoamRoller, Some(support)) => ToolMark::Roller {
                center: spot.at - support.normal * radius,
            },
            (Tool::MassageBall, None) => ToolMark::Ball {
                center: spot.at + spot.outward * radius,
            },
            (Tool::FoamRoller, None) => ToolMark::Roller {
                center: spot.at + spot.outward * radius,
            },
            (Tool::Hands, _) => ToolMark::Hand {
                at: spot.at + spot.outward * 1.5,
                along: spot.along,
            },
            (Tool::FistForearm, _) => ToolMark::Fist {
                at: spot.at + spot.outward * 2.5,
            },
        };
        // Hands reach the spot (or hold the tool there); a tool under the body needs
        // none, and at rest they rest.
        if under.is_none() && step.technique != Technique::Rest {
            let reach = match tool {
                ToolMark::Hand { at, .. } | ToolMark::Fist { at } => at,
                ToolMark::Ball { center } | ToolMark::Roller { center } => {
                    center + spot.outward * (radius * 0.6)
                }
            };
            let bend = if pose.torso_back.length() > 0.0 {
                pose.torso_back
            } else {
                Point::new(0.0, -1.0)
            };
            // The elbow bends back, or the other way where that would go through the floor.
            let elbow = elbow_for(pose.shoulder, reach, UPPER_ARM, FOREARM, bend);
            pose.elbow = if elbow.y <= FLOOR_Y - UPPER_ARM_WIDTH / 2.0 {
                elbow
            } else {
                elbow_for(pose.shoulder, reach, UPPER_ARM, FOREARM, bend * -1.0)
            };
            pose.hand = reach;
        }
        Picture {
            position,
            technique: step.technique,
            pose,
            spot,
            tool,
            under,
            mirrored: side == Side::Right,
            side,
        }
    }

    /// Every path of the picture, back to front.
    pub fn shapes(&self) -> Vec<Shape> {
        let pose = &self.pose;
        let mut shapes = props(pose);
        let limb = |role, points: &[Point], width: f32| Shape {
            role,
            d: polyline(points),
            width: Some(width as u8),
        };
        if let Some([knee, ankle, toe]) = pose.far_leg {
            shapes.push(limb(Role::FarLimb, &[pose.hip, knee], THIGH_WIDTH));
            shapes.push(limb(Role::FarLimb, &[knee, ankle], SHIN_WIDTH));
            shapes.push(limb(Role::FarLimb, &[ankle, toe], FOOT_WIDTH));
        }
        shapes.push(limb(
            Role::FarLimb,
            &[pose.shoulder, pose.far_elbow],
            UPPER_ARM_WIDTH,
        ));
        shapes.push(limb(
            Role::FarLimb,
            &[pose.far_elbow, pose.far_hand],
            FOREARM_WIDTH,
        ));
        shapes.push(limb(Role::Body, &[pose.shoulder, pose.head], NECK_WIDTH));
        shapes.push(limb(Role::Body, &[pose.knee, pose.ankle], SHIN_WIDTH));
        shapes.push(limb(Role::Body, &[pose.ankle, pose.toe], FOOT_WIDTH));
        shapes.push(limb(Role::Body, &[pose.hip, pose.knee], THIGH_WIDTH));
        shapes.push(limb(Role::Body, &[pose.hip, pose.shoulder], TORSO_WIDTH));
        shapes.push(Shape {
            role: Role::Head,
            d: circle(pose.head, HEAD_RADIUS),
            width: None,
        });
        // At rest nothing works a spot: the picture is the position and a breath.
        let works = self.technique != Technique::Rest;
        if works {
            shapes.push(Shape {
                role: Role::Spot,
                d: circle(self.spot.at, self.spot.radius),
                width: None,
            });
        }
        // A pulse rings the spot behind the tool; other marks go over everything.
        let (pulses, marks): (Vec<Shape>, Vec<Shape>) = self
            .motion()
            .0
            .into_iter()
            .partition(|shape| shape.role == Role::Pulse);
        shapes.extend(pulses);
        // The near arm, then the tool: a hand or fist shows over the forearm that brings it.
        shapes.push(limb(Role::Body, &[pose.shoulder, pose.elbow], UPPER_ARM_WIDTH));
        shapes.push(limb(Role::Body, &[pose.elbow, pose.hand], FOREARM_WIDTH));
        if works {
            shapes.extend(self.tool_shapes());
        }
        shapes.extend(marks);
        shapes
    }

    fn tool_shapes(&self) -> Vec<Shape> {
        let shape = |role, d| Shape { role, d, width: None };
        match self.tool {
            ToolMark::Ball { center } => vec![
                shape(Role::Tool, circle(center, BALL_RADIUS)),
                shape(Role::ToolDetail, circle(center + Point::new(-1.4, -1.4), 1.2)),
            ],
            ToolMark::Roller { center } => vec![
                shape(Role::Tool, circle(center, ROLLER_RADIUS)),
                shape(Role::ToolDetail, circle(center, 2.2)),
            ],
            ToolMark::Hand { at, along } => {
                // A palm as a rounded lozenge along the muscle.
                let along = along.unit();
                let across = along.perpendicular();
                let (tip, heel) = (at + along * 6.5, at - along * 6.5);
                let d = format!(
                    "M{}Q{} {}Q{} {}Z",
                    xy(tip),
                    xy(at + across * 8.0),
                    xy(heel),
                    xy(at - across * 8.0),
                    xy(tip)
                );
                vec![shape(Role::Tool, d)]
            }
            ToolMark::Fist { at } => vec![shape(Role::Tool, circle(at, 3.6))],
        }
    }

    /// The mark of the technique's movement, beside the spot on the side away from
    /// the body (or, for a tool under the body, over the body), and two corners of
    /// the box it takes.
    fn motion(&self) -> (Vec<Shape>, [Point; 2]) {
        let spot = &self.spot;
        let away = if self.under.is_some() {
            spot.outward * -1.0
        } else {
            spot.outward
        };
        // A spot facing the viewer has no "away": the mark goes behind the limb (or above it).
        let away = if away.length() > 0.0 {
            away
        } else {
            let across = spot.along.perpendicular();
            let back = match spot.segment {
                Segment::Torso => self.pose.torso_back,
                Segment::Thigh => self.pose.thigh_back,
            };
            let toward = if back.length() > 0.0 {
                back
            } else {
                Point::new(0.0, -1.0)
            };
            if across.dot(toward) >= 0.0 {
                across
            } else {
                across * -1.0
            }
        };
        let body_depth = if self.under.is_some() {
            spot.segment.width() + 4.0
        } else {
            9.0
        };
        let center = spot.at + away * body_depth;
        let along = spot.along.unit();
        let motion = |d| Shape {
            role: Role::Motion,
            d,
            width: None,
        };
        match self.technique {
            Technique::Effleurage => {
                let (from, to) = (center - along * 11.0, center + along * 11.0);
                let d = format!("M{}L{}{}", xy(from), xy(to), arrowhead(to, along));
                (vec![motion(d)], [from, to])
            }
            Technique::MyofascialRelease => {
                let (from, to) = (center - along * 6.0, center + along * 6.0);
                let d = format!("M{}L{}{}", xy(from), xy(to), arrowhead(to, along));
                (vec![motion(d)], [from, to])
            }
            Technique::Kneading => {
                // Most of a circle, ending in an arrowhead.
                let radius = 5.0;
                let start = center + along * radius;
                let end_direction = rotate(along, COS_60, -SIN_60);
                let end = center + end_direction * radius;
                let heading = end_direction.perpendicular() * -1.0;
                let d = format!(
                    "M{}A{r} {r} 0 1 1 {}{}",
                    xy(start),
                    xy(end),
                    arrowhead(end, heading),
                    r = number(radius)
                );
                let corner = Point::new(radius, radius);
                (vec![motion(d)], [center - corner, center + corner])
            }
            Technique::TriggerPoint => {
                let ring = |radius| Shape {
                    role: Role::Pulse,
                    d: circle(spot.at, radius),
                    width: None,
                };
                let outer = spot.radius + 7.0;
                let corner = Point::new(outer, outer);
                (
                    vec![ring(spot.radius + 3.5), ring(outer)],
                    [spot.at - corner, spot.at + corner],
                )
            }
            Technique::Stretch => {
                // An arc around the hip, carrying the thigh across.
                let radius = 18.0;
                let hip = self.pose.hip;
                let thigh = (self.pose.knee - hip).unit();
                let start = hip + rotate(thigh, COS_40, SIN_40) * radius;
                let end_direction = rotate(thigh, COS_40, -SIN_40);
                let end = hip + end_direction * radius;
                let heading = end_direction.perpendicular();
                let d = format!(
                    "M{}A{r} {r} 0 0 1 {}{}",
                    xy(start),
                    xy(end),
                    arrowhead(end, heading),
                    r = number(radius)
                );
                (vec![motion(d)], [start, end])
            }
            Technique::Rest => {
                // A slow breath over the chest: a gentle wave.
                let chest = self.pose.hip.lerp(self.pose.shoulder, 0.7);
                let torso = (self.pose.shoulder - self.pose.hip).unit();
                let up = {
                    let side = torso.perpendicular();
                    if side.y <= 0.0 {
                        side
                    } else {
                        side * -1.0
                    }
                };
                let base = chest + up * (TORSO_WIDTH / 2.0 + 5.0);
                let (from, to) = (base - torso * 8.0, base + torso * 8.0);
                let d = format!(
                    "M{}Q{} {} T{}",
                    xy(from),
                    xy(base - torso * 4.0 + up * 4.0),
                    xy(base),
                    xy(to)
                );
                (vec![motion(d)], [from, to])
            }
        }
    }

    /// The part of the 120 × 90 page the picture fills, as an SVG view box
    /// (x, y, width, height) in the page's 4 : 3: the figure with room for its line
    /// widths and marks, centred, so a seated or lying figure is drawn as large as a
    /// standing one allows.
    pub fn view_box(&self) -> [f32; 4] {
        let mut points = self.points();
        points.extend(self.motion().1);
        let (mut left, mut top, mut right, mut bottom) = (WIDTH, HEIGHT, 0.0f32, 0.0f32);
        for point in &points {
            left = left.min(point.x);
            right = right.max(point.x);
            top = top.min(point.y);
            bottom = bottom.max(point.y);
        }
        let margin = MARK_REACH;
        let (mut width, mut height) = (right - left + 2.0 * margin, bottom - top + 2.0 * margin);
        if width * 3.0 < height * 4.0 {
            width = height * 4.0 / 3.0;
        } else {
            height = width * 3.0 / 4.0;
        }
        let (width, height) = (width.min(WIDTH), height.min(HEIGHT));
        let x = ((left + right - width) / 2.0).clamp(0.0, WIDTH - width);
        let y = ((top + bottom - height) / 2.0).clamp(0.0, HEIGHT - height);
        [x, y, width, height].map(round)
    }

    /// [`Picture::view_box`] as the SVG attribute reads it.
    pub fn view_box_attr(&self) -> String {
        self.view_box().map(number).join(" ")
    }

    /// Where the side mark goes, and its size: in the top corner, a twelfth of the
    /// picture's width high (x, y, font size, as SVG attributes).
    pub fn mark_attrs(&self) -> [String; 3] {
        let [x, y, width, _] = self.view_box();
        let size = width / 12.0;
        [number(x + 2.0), number(y + size + 1.0), number(size)]
    }

    /// The SVG transform that mirrors the figure within its view box, for the right side.
    pub fn mirror_transform(&self) -> Option<String> {
        let [x, _, width, _] = self.view_box();
        self.mirrored
            .then(|| format!("matrix(-1 0 0 1 {} 0)", number(2.0 * x + width)))
    }

    /// Every point the picture places, for checks that it stays on the page.
    pub fn points(&self) -> Vec<Point> {
        let pose = &self.pose;
        let mut points = vec![
            pose.head,
            pose.shoulder,
            pose.hip,
            pose.knee,
            pose.ankle,
            pose.toe,
            pose.elbow,
            pose.hand,
            pose.far_elbow,
            pose.far_hand,
            self.spot.at,
        ];
        points.extend(pose.far_leg.into_iter().flatten());
        points.push(match self.tool {
            ToolMark::Hand { at, .. } | ToolMark::Fist { at } => at,
            ToolMark::Ball { center } | ToolMark::Roller { center } => center,
        });
        points
    }
}

/// The step's picture in words, saying what the picture shows: the position, the
/// tool (and whether it is under the body), the spot and the movement; at rest, the
/// position and the breath.
pub fn describe(step: &Step, side: Side, texts: &Catalog) -> String {
    let picture = Picture::of(step, side);
    if step.technique == Technique::Rest {
        return texts.fill(
            "picture.alt_rest",
            &[
                ("position", picture.position.label(texts)),
                ("motion", texts.text(motion_key(step.technique))),
            ],
        );
    }
    let tool = step.tool.label(texts);
    let tool = match picture.under {
        // Leaning back into the wall, the tool is behind, not under.
        Some(support) if support.normal.y == 0.0 => texts.fill("picture.against_wall", &[("tool", tool)]),
        Some(_) => texts.fill("picture.under_body", &[("tool", tool)]),
        None => tool.to_string(),
    };
    texts.fill(
        "picture.alt",
        &[
            ("position", picture.position.label(texts)),
            ("tool", &tool),
            ("place", step.area.short_label_on(texts, side)),
            ("motion", texts.text(motion_key(step.technique))),
        ],
    )
}

fn motion_key(technique: Technique) -> &'static str {
    match technique {
        Technique::Effleurage => "picture.motion.effleurage",
        Technique::Kneading => "picture.motion.kneading",
        Technique::TriggerPoint => "picture.motion.trigger_point",
        Technique::MyofascialRelease => "picture.motion.myofascial_release",
        Technique::Stretch => "picture.motion.stretch",
        Technique::Rest => "picture.motion.rest",
    }
}

/// The spot for `area` on the figure, on the surface its landmark names.
fn spot_on(pose: &Pose, area: Area) -> Spot {
    let mark = landmark(area);
    let (from, to, back) = match mark.segment {
        Segment::Torso => (pose.hip, pose.shoulder, pose.torso_back),
        Segment::Thigh => (pose.hip, pose.knee, pose.thigh_back),
    };
    let along = (to - from).unit();
    let posterior = if back.length() > 0.0 {
        let side = along.perpendicular();
        if side.dot(back) >= 0.0 {
            side
        } else {
            side * -1.0
        }
    } else {
        Point::default()
    };
    let offset = posterior * mark.back + pose.lateral * mark.outer;
    let depth = offset.length().min(1.0);
    let outward = offset.unit();
    Spot {
        segment: mark.segment,
        at: from.lerp(to, mark.along) + outward * (mark.segment.width() / 2.0 * depth),
        outward: if depth >= 0.5 { outward } else { Point::default() },
        along,
        radius: if area == Area::WholeRegion { 7.0 } else { 3.5 },
    }
}

/// Raises the segment a spot is on by `lift` (onto a tool), the head and arms with
/// the shoulder unless they rest on something; the other joints stay, so the limbs
/// between tilt.
fn raise(pose: &mut Pose, segment: Segment, lift: Point) {
    pose.hip = pose.hip + lift;
    match segment {
        Segment::Thigh => pose.knee = pose.knee + lift,
        Segment::Torso => {
            pose.shoulder = pose.shoulder + lift;
            pose.elbow = pose.elbow + lift;
            pose.hand = pose.hand + lift;
            if !pose.head_rests {
                pose.head = pose.head + lift;
            }
            if !pose.far_arm_rests {
                pose.far_elbow = pose.far_elbow + lift;
                pose.far_hand = pose.far_hand + lift;
            }
        }
    }
}

fn props(pose: &Pose) -> Vec<Shape> {
    let prop = |d: String| Shape {
        role: Role::Prop,
        d,
        width: None,
    };
    let floor = number(FLOOR_Y);
    let mut shapes = vec![prop(format!("M4 {floor}H116"))];
    match pose.prop {
        Some(Prop::Chair) => shapes.push(prop(format!(
            "M{front} {floor}V{seat}H{back}M{back} {floor}V{top}",
            front = number(CHAIR_FRONT_X + 2.0),
            back = number(CHAIR_BACK_X),
            seat = number(CHAIR_SEAT_Y),
            top = number(CHAIR_TOP_Y)
        ))),
        Some(Prop::Wall) => shapes.push(prop(format!("M{} {floor}V4", number(WALL_X)))),
        None => {}
    }
    shapes
}

const COS_60: f32 = 0.5;
const SIN_60: f32 = 0.866_025_4;
const COS_40: f32 = 0.766_044_4;
const SIN_40: f32 = 0.642_787_6;

/// `v` turned by the angle whose cosine and sine are given (positive: clockwise on screen).
fn rotate(v: Point, cos: f32, sin: f32) -> Point {
    Point::new(v.x * cos - v.y * sin, v.x * sin + v.y * cos)
}

fn xy(point: Point) -> String {
    format!("{} {}", number(point.x), number(point.y))
}

/// One decimal is finer than any screen or printer shows at this size.
fn round(value: f32) -> f32 {
    (value * 10.0).round() / 10.0
}

/// `value` to one decimal, as SVG reads it ("12", "-0.5", "86.3"), written with
/// integer formatting: float formatting would add its tables to every screen that
/// draws a picture.
pub fn number(value: f32) -> String {
    let tenths = (value * 10.0).round() as i32;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

fn polyline(points: &[Point]) -> String {
    let mut d = String::new();
    for (index, point) in points.iter().enumerate() {
        d.push(if index == 0 { 'M' } else { 'L' });
        d.push_str(&xy(*point));
    }
    d
}

fn circle(center: Point, radius: f32) -> String {
    let r = number(radius);
    format!(
        "M{} {}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 {} 0",
        number(center.x - radius),
        number(center.y),
        number(2.0 * radius),
        number(-2.0 * radius)
    )
}

/// Two short strokes back from `tip`, against `heading`.
fn arrowhead(tip: Point, heading: Point) -> String {
    let back = heading.unit() * -3.5;
    let side = heading.unit().perpendicular() * 2.8;
    format!("M{}L{}L{}", xy(tip + back + side), xy(tip), xy(tip + back - side))
}

#[cfg(test)]
mod tests;
