//! "Where does it hurt?": routines scored by how much of their time works on the chosen
//! places, checked against cases worked out by hand.

use kneadtime_core::routine::{Area, Side, Step};
use kneadtime_core::suggest::{
    on_one_side, reason, regions_of, suggest, Answer, BodySide, Choice, Reason, Region, Spot,
};
use kneadtime_core::testing::{routine, step};

fn at(area: Area, side: Side, secs: u32) -> Step {
    Step {
        area,
        ..step(side, secs)
    }
}

fn spot(region: Region, side: BodySide) -> Spot {
    Spot { region, side }
}

const LEFT: BodySide = BodySide::Left;
const RIGHT: BodySide = BodySide::Right;

/// 60 s a side on the piriformis, 45 s a side on the glute, 30 s on the low back at once:
/// 240 s of work.
fn deep_and_glute() -> kneadtime_core::routine::Routine {
    let mut deep = routine(vec![
        at(Area::Piriformis, Side::Both, 60),
        at(Area::GluteusMaximus, Side::Both, 45),
        at(Area::LowerBack, Side::None, 30),
    ]);
    deep.id = "deep".into();
    deep
}

#[test]
fn a_reason_counts_the_seconds_on_the_chosen_places() {
    let deep = deep_and_glute();
    let left_deep = spot(Region::DeepGluteal, LEFT);
    assert_eq!(
        reason(&deep, &[left_deep]),
        Some(Reason {
            seconds_on: 60,
            seconds_total: 240,
            most_on: left_deep,
        })
    );
    // Two places: their seconds add up, and the reason names the one worked on most.
    let left_glute = spot(Region::GluteusMaximus, LEFT);
    assert_eq!(
        reason(&deep, &[left_glute, left_deep]),
        Some(Reason {
            seconds_on: 105,
            seconds_total: 240,
            most_on: left_deep,
        })
    );
    // The low back worked in the middle counts for either side.
    assert_eq!(
        reason(&deep, &[spot(Region::LowerBack, RIGHT)]).map(|r| r.seconds_on),
        Some(30)
    );
    // Nothing on the front of the hip.
    assert_eq!(reason(&deep, &[spot(Region::FrontOfHip, LEFT)]), None);
    // A one-sided step counts only on its side.
    let right_only = routine(vec![at(Area::GluteusMedius, Side::Right, 90)]);
    assert_eq!(reason(&right_only, &[spot(Region::GluteusMedius, LEFT)]), None);
    assert_eq!(
        reason(&right_only, &[spot(Region::GluteusMedius, RIGHT)]).map(|r| r.seconds_on),
        Some(90)
    );
}

#[test]
fn a_pass_on_two_chosen_places_counts_once() {
    // The hip's front and side are both worked by a TFL step: 40 s on the left.
    let tfl = routine(vec![
        at(Area::HipTfl, Side::Left, 40),
        at(Area::LowerBack, Side::None, 20),
    ]);
    assert_eq!(regions_of(Area::HipTfl), [Region::FrontOfHip, Region::SideOfHip]);
    let both = [spot(Region::SideOfHip, LEFT), spot(Region::FrontOfHip, LEFT)];
    let found = reason(&tfl, &both).unwrap();
    assert_eq!((found.seconds_on, found.seconds_total), (40, 60));
    // A tie goes to the place chosen first.
    assert_eq!(found.most_on, both[0]);
}

#[test]
fn the_top_three_have_the_most_time_on_the_chosen_places() {
    let mut little = routine(vec![
        at(Area::Piriformis, Side::Left, 20),
        at(Area::LowerBack, Side::None, 300),
    ]);
    little.id = "little".into();
    let mut focused = routine(vec![at(Area::Piriformis, Side::Left, 120)]);
    focused.id = "focused".into();
    // As many seconds on the left piriformis as `focused`, but a smaller share of its time.
    let mut long = routine(vec![
        at(Area::Piriformis, Side::Both, 120),
        at(Area::LowerBack, Side::None, 60),
    ]);
    long.id = "long".into();
    let mut none = routine(vec![at(Area::HipTfl, Side::Both, 60)]);
    none.id = "none".into();
    let deep = deep_and_glute();
    let routines = [little, none, long, deep, focused];
    let choice = [Choice::Spot(spot(Region::DeepGluteal, LEFT))];
    let Answer::Routines(found) = suggest(&routines, &choice) else {
        panic!("routines expected");
    };
    let ids: Vec<&str> = found
        .iter()
        .map(|suggestion| suggestion.routine_id.as_str())
        .collect();
    // 120 s (100 % of focused), 120 s (40 % of long), 60 s (deep); little's 20 s is fourth.
    assert_eq!(ids, ["focused", "long", "deep"]);
    assert_eq!(found[1].reason.seconds_total, 300);
    assert_eq!(suggest(&routines, &[]), Answer::Nothing);
    assert_eq!(
        suggest(&routines, &[Choice::Spot(spot(Region::BackOfThigh, RIGHT))]),
        Answer::Routines(vec![])
    );
}

#[test]
fn pain_running_down_the_leg_never_gets_a_massage_suggestion() {
    let routines = [deep_and_glute()];
    let left_deep = Choice::Spot(spot(Region::DeepGluteal, LEFT));
    for warning in [Choice::RunsDownLeg, Choice::Numbness] {
        assert_eq!(suggest(&routines, &[warning]), Answer::SeeWarningSigns);
        assert_eq!(suggest(&routines, &[left_deep, warning]), Answer::SeeWarningSigns);
        assert_eq!(suggest(&routines, &[warning, left_deep]), Answer::SeeWarningSigns);
    }
}

#[test]
fn only_the_painful_side_plays_two_sided_steps_on_that_side_alone() {
    let deep = deep_and_glute();
    let left = on_one_side(&deep, LEFT);
    let sides: Vec<Side> = left.steps.iter().map(|step| step.side).collect();
    assert_eq!(sides, [Side::Left, Side::Left, Side::None]);
    // 60 + 45 + 30 seconds, every second of the two-sided steps now on the left.
    assert_eq!(left.work_secs(), 135);
    assert_eq!(
        reason(&left, &[spot(Region::DeepGluteal, LEFT)]).map(|r| r.seconds_on),
        Some(60)
    );
    assert_eq!(reason(&left, &[spot(Region::DeepGluteal, RIGHT)]), None);
    let right = on_one_side(&routine(vec![at(Area::GluteusMedius, Side::Left, 30)]), RIGHT);
    assert_eq!(right.steps[0].side, Side::Left, "a one-sided step keeps its side");
    assert!(left.validate().is_empty());
}
