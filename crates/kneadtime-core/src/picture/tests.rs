use super::*;
use crate::library::builtin_routines;
use crate::routine::Pressure;
use crate::testing::{catalog, english};

fn step(technique: Technique, area: Area, tool: Tool, position: Position) -> Step {
    Step {
        technique,
        area,
        side: Side::Left,
        duration_secs: 60,
        pressure: Pressure::Medium,
        tool,
        instructions: String::new(),
        breathing: None,
        position: Some(position),
    }
}

/// Every step the builder can make, on each pass.
fn every_picture() -> impl Iterator<Item = (Step, Side, Picture)> {
    Position::ALL.into_iter().flat_map(|position| {
        Area::ALL.into_iter().flat_map(move |area| {
            Tool::ALL.into_iter().flat_map(move |tool| {
                Technique::ALL.into_iter().flat_map(move |technique| {
                    Side::ALL.into_iter().map(move |side| {
                        let step = step(technique, area, tool, position);
                        let picture = Picture::of(&step, side);
                        (step, side, picture)
                    })
                })
            })
        })
    })
}

fn segment_ends(pose: &Pose, segment: Segment) -> (Point, Point) {
    match segment {
        Segment::Torso => (pose.hip, pose.shoulder),
        Segment::Thigh => (pose.hip, pose.knee),
    }
}

#[test]
fn every_spot_is_on_the_body_and_every_tool_at_the_spot() {
    let mut count = 0;
    for (step, side, picture) in every_picture() {
        let what = format!(
            "{:?} {:?} {:?} {:?} {side:?}",
            step.position(),
            step.area,
            step.tool,
            step.technique
        );
        let spot = picture.spot;
        let (from, to) = segment_ends(&picture.pose, spot.segment);
        let off_line = spot.at.distance_to_segment(from, to);
        assert!(
            off_line <= spot.segment.width() / 2.0 + 0.01,
            "{what}: spot {off_line} off the line"
        );
        match picture.tool {
            _ if step.technique == Technique::Rest => {
                let drawn = picture.shapes();
                assert!(
                    drawn
                        .iter()
                        .all(|shape| !matches!(shape.role, Role::Tool | Role::Spot)),
                    "{what}"
                );
            }
            ToolMark::Hand { at, .. } | ToolMark::Fist { at } => {
                assert!((at - spot.at).length() <= 3.0, "{what}: hand off the spot");
                // The arm reaches it: the hand is where the forearm ends.
                assert_eq!(picture.pose.hand, at, "{what}");
            }
            ToolMark::Ball { center } | ToolMark::Roller { center } => {
                let radius = if matches!(picture.tool, ToolMark::Roller { .. }) {
                    ROLLER_RADIUS
                } else {
                    BALL_RADIUS
                };
                let gap = (center - spot.at).length();
                assert!(
                    (gap - radius).abs() < 0.05 || gap < 0.05,
                    "{what}: tool {gap} from the spot"
                );
                if let Some(support) = picture.under {
                    // Resting on the floor, seat or wall: touching it, not sunk into it.
                    let rest = support.distance(center);
                    assert!(
                        (rest - radius).abs() < 0.05,
                        "{what}: tool {rest} from its support"
                    );
                }
            }
        }
        for point in picture.points() {
            assert!(
                (0.0..=WIDTH).contains(&point.x) && (0.0..=HEIGHT).contains(&point.y),
                "{what}: {point:?} off the picture"
            );
            assert!(point.y <= FLOOR_Y + 0.01, "{what}: {point:?} below the floor");
        }
        count += 1;
    }
    assert_eq!(count, 8 * 10 * 4 * 6 * 4);
}

#[test]
fn a_ball_or_roller_goes_under_the_body_where_the_position_allows() {
    let under = |position, area, tool| {
        Picture::of(&step(Technique::TriggerPoint, area, tool, position), Side::Left)
            .under
            .map(|support| support.normal)
    };
    let up = Point::new(0.0, -1.0);
    let from_wall = Point::new(-1.0, 0.0);
    assert_eq!(
        under(Position::SeatedOnFloor, Area::Piriformis, Tool::MassageBall),
        Some(up)
    );
    assert_eq!(
        under(Position::LyingOnBack, Area::GluteusMaximus, Tool::MassageBall),
        Some(up)
    );
    assert_eq!(
        under(Position::LyingFaceDown, Area::HipTfl, Tool::FoamRoller),
        Some(up)
    );
    assert_eq!(
        under(Position::LyingOnSide, Area::GreaterTrochanter, Tool::FoamRoller),
        Some(up)
    );
    assert_eq!(
        under(Position::SeatedOnChair, Area::BackOfThigh, Tool::MassageBall),
        Some(up)
    );
    assert_eq!(
        under(Position::StandingAtWall, Area::LowerBack, Tool::MassageBall),
        Some(from_wall)
    );
    // Nothing behind a person standing free: the hand holds the ball to the spot.
    assert_eq!(
        under(Position::Standing, Area::GluteusMedius, Tool::MassageBall),
        None
    );
    // Hands never go under the body.
    assert_eq!(
        under(Position::LyingOnBack, Area::GluteusMaximus, Tool::Hands),
        None
    );
}

#[test]
fn the_right_side_is_the_left_side_mirrored() {
    for routine in builtin_routines(&english()) {
        for step in &routine.steps {
            let left = Picture::of(step, Side::Left);
            let right = Picture::of(step, Side::Right);
            assert!(!left.mirrored && right.mirrored);
            assert_eq!(left.shapes(), right.shapes(), "{}", routine.id);
            assert!(!Picture::of(step, Side::Both).mirrored);
        }
    }
}

#[test]
fn each_technique_has_its_own_movement_mark() {
    let place = |technique| {
        Picture::of(
            &step(technique, Area::GluteusMaximus, Tool::Hands, Position::Standing),
            Side::Left,
        )
        .shapes()
        .into_iter()
        .filter(|shape| matches!(shape.role, Role::Motion | Role::Pulse))
        .map(|shape| (shape.role, shape.d))
        .collect::<Vec<_>>()
    };
    let marks: Vec<_> = Technique::ALL.into_iter().map(place).collect();
    for (index, mark) in marks.iter().enumerate() {
        assert!(!mark.is_empty(), "{:?}", Technique::ALL[index]);
        assert!(
            !marks[..index].contains(mark),
            "{:?} repeats",
            Technique::ALL[index]
        );
    }
    // A trigger point is a still press: pulses, no arrow.
    assert!(marks[2].iter().all(|(role, _)| *role == Role::Pulse));
}

#[test]
fn the_description_names_the_position_the_tool_and_the_spot_in_every_language() {
    for locale in crate::i18n::Locale::ALL {
        let texts = catalog(locale);
        for routine in builtin_routines(&texts) {
            for step in &routine.steps {
                for side in [Side::Left, Side::Right] {
                    let words = describe(step, side, &texts);
                    assert!(words.contains(step.position().label(&texts)), "{words}");
                    if step.technique != Technique::Rest {
                        assert!(words.contains(step.tool.label(&texts)), "{words}");
                        assert!(words.contains(step.area.short_label_on(&texts, side)), "{words}");
                    }
                    assert!(!words.contains('{'), "{words}");
                }
            }
        }
    }
    let texts = english();
    let ball = step(
        Technique::TriggerPoint,
        Area::Piriformis,
        Tool::MassageBall,
        Position::SeatedOnFloor,
    );
    assert_eq!(
        describe(&ball, Side::Right, &texts),
        "Seated on the floor. Massage ball under the body. Spot: right piriformis. A still press, held while the spot eases."
    );
}

/// Writes every built-in step's picture as SVG files into `$PICTURE_DIR`, to look at
/// (`cargo test -p kneadtime-core --features testing --lib -- --ignored write_pictures`).
#[test]
#[ignore]
fn write_pictures() {
    let dir = std::env::var("PICTURE_DIR").expect("PICTURE_DIR");
    let texts = english();
    let mut sheet = String::new();
    for routine in builtin_routines(&texts) {
        for (index, step) in routine.steps.iter().enumerate() {
            for side in [Side::Left, Side::Right] {
                let picture = Picture::of(step, side);
                let [x, y, w, h] = picture.view_box();
                let mut svg = format!(
                    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='{x} {y} {w} {h}' width='360' height='270'><style>\
                     path{{fill:none;stroke-linecap:round;stroke-linejoin:round}}\
                     .prop{{stroke:#b9a99a;stroke-width:1.5}} .far{{stroke:#cdbfb2}} .body{{stroke:#6b5a4e}}\
                     .head{{fill:#6b5a4e}} .spot{{fill:#e07a5f;opacity:.85}} .tool{{fill:#f2cc8f;stroke:#6b5a4e;stroke-width:1.2}}\
                     .tool-detail{{fill:#fff;opacity:.7}} .motion{{stroke:#3d7a6a;stroke-width:1.6}} .pulse{{stroke:#e07a5f;stroke-width:1.2}}\
                     </style><g transform='{}'>",
                    picture.mirror_transform().unwrap_or_default()
                );
                for shape in picture.shapes() {
                    svg.push_str(&format!(
                        "<path class='{}' d='{}'{}/>",
                        shape.role.name(),
                        shape.d,
                        shape
                            .width
                            .map(|w| format!(" stroke-width='{w}'"))
                            .unwrap_or_default()
                    ));
                }
                svg.push_str("</g></svg>");
                let name = format!("{}-{}-{:?}.svg", routine.id, index + 1, side);
                std::fs::write(format!("{dir}/{name}"), &svg).unwrap();
                sheet.push_str(&format!(
                    "<figure><img src='{name}'><figcaption>{name}<br>{}</figcaption></figure>",
                    describe(step, side, &texts)
                ));
            }
        }
    }
    std::fs::write(
        format!("{dir}/index.html"),
        format!("<style>figure{{display:inline-block;width:370px;font:11px sans-serif}}</style>{sheet}"),
    )
    .unwrap();
}

#[test]
fn numbers_are_written_to_one_decimal_without_float_formatting() {
    let written: Vec<String> = [0.0, 12.0, 86.34, -0.45, -3.0, 0.05, 119.96].map(number).into();
    assert_eq!(written, ["0", "12", "86.3", "-0.5", "-3", "0.1", "120"]);
}

#[test]
fn the_view_box_is_four_by_three_on_the_page_and_holds_every_point() {
    for (step, side, picture) in every_picture() {
        let [x, y, width, height] = picture.view_box();
        let what = format!("{:?} {:?} {:?} {side:?}", step.position(), step.area, step.tool);
        assert!(
            (width * 3.0 - height * 4.0).abs() < 1.0,
            "{what}: {width} × {height}"
        );
        assert!(
            x >= 0.0 && y >= 0.0 && x + width <= WIDTH + 0.2 && y + height <= HEIGHT + 0.2,
            "{what}: {:?}",
            picture.view_box()
        );
        for point in picture.points() {
            assert!(
                (x..=x + width).contains(&point.x) && (y..=y + height).contains(&point.y),
                "{what}: {point:?} outside {:?}",
                picture.view_box()
            );
        }
    }
}
