//! Library filters and massage styles, on routines worked out by hand.

use kneadtime_core::library::builtin_routines;
use kneadtime_core::library_filter::{Length, LibraryFilter, Style};
use kneadtime_core::routine::{Area, Pressure, Routine, Side, Step, Technique, Tool};
use kneadtime_core::suggest::Region;
use kneadtime_core::testing::{english, routine, step};

fn at(technique: Technique, area: Area, pressure: Pressure, tool: Tool, side: Side, secs: u32) -> Step {
    Step {
        technique,
        area,
        pressure,
        tool,
        ..step(side, secs)
    }
}

/// 2 × 90 s firm forearm strokes on the glute (180 s deep tissue), 60 s medium kneading of
/// the low back (Swedish), 2 × 45 s ball trigger points on the outer glute, a 120 s rest:
/// 330 s of massage, 180 of them deep tissue.
fn mostly_deep() -> Routine {
    routine(vec![
        at(
            Technique::Effleurage,
            Area::GluteusMaximus,
            Pressure::Firm,
            Tool::FistForearm,
            Side::Both,
            90,
        ),
        at(
            Technique::Kneading,
            Area::LowerBack,
            Pressure::Medium,
            Tool::Hands,
            Side::None,
            60,
        ),
        at(
            Technique::TriggerPoint,
            Area::GluteusMedius,
            Pressure::Medium,
            Tool::MassageBall,
            Side::Both,
            45,
        ),
        at(
            Technique::Rest,
            Area::WholeRegion,
            Pressure::Light,
            Tool::Hands,
            Side::None,
            120,
        ),
    ])
}

#[test]
fn a_routine_is_in_the_style_of_more_than_half_its_massage_time() {
    assert_eq!(Style::of_routine(&mostly_deep()), Some(Style::DeepTissue));
    // With 75 s of ball work a side, 180 of 390 s are deep tissue: no style has more
    // than half.
    let mut mixed = mostly_deep();
    mixed.steps[2].duration_secs = 75;
    assert_eq!(Style::of_routine(&mixed), None);
    // Rests and stretches are no style: a routine of only those has none.
    let resting = routine(vec![at(
        Technique::Rest,
        Area::WholeRegion,
        Pressure::Light,
        Tool::Hands,
        Side::None,
        300,
    )]);
    assert_eq!(Style::of_routine(&resting), None);
}

#[test]
fn every_field_of_the_filter_narrows_and_any_leaves_all() {
    let deep = mostly_deep(); // 180 + 60 + 90 + 120 = 450 s: 8 minutes rounded
    assert_eq!(deep.minutes_rounded(), 8);
    let any = LibraryFilter::default();
    assert!(!any.is_active());
    assert!(any.matches(&deep));
    let with = |filter: LibraryFilter| filter.matches(&deep);
    assert!(with(LibraryFilter {
        region: Some(Region::GluteusMedius),
        ..any
    }));
    assert!(with(LibraryFilter {
        region: Some(Region::LowerBack),
        ..any
    }));
    // The rest on the whole region counts: it lies on the low back, SI joint and glutes.
    assert!(with(LibraryFilter {
        region: Some(Region::SacroiliacJoint),
        ..any
    }));
    assert!(!with(LibraryFilter {
        region: Some(Region::BackOfThigh),
        ..any
    }));
    assert!(with(LibraryFilter {
        tool: Some(Tool::MassageBall),
        ..any
    }));
    assert!(!with(LibraryFilter {
        tool: Some(Tool::FoamRoller),
        ..any
    }));
    assert!(with(LibraryFilter {
        length: Some(Length::Medium),
        ..any
    }));
    assert!(!with(LibraryFilter {
        length: Some(Length::Short),
        ..any
    }));
    assert!(with(LibraryFilter {
        technique: Some(Technique::TriggerPoint),
        ..any
    }));
    assert!(!with(LibraryFilter {
        technique: Some(Technique::Stretch),
        ..any
    }));
    // Fields combine: each must hold.
    let ball_on_the_thigh = LibraryFilter {
        region: Some(Region::BackOfThigh),
        tool: Some(Tool::MassageBall),
        ..any
    };
    assert!(ball_on_the_thigh.is_active());
    assert!(!with(ball_on_the_thigh));
}

#[test]
fn lengths_are_grouped_at_seven_and_twelve_minutes() {
    let groups: Vec<Length> = [1, 7, 8, 12, 13, 60].map(Length::of_minutes).to_vec();
    use Length::*;
    assert_eq!(groups, vec![Short, Short, Medium, Medium, Long, Long]);
}

#[test]
fn every_filter_choice_finds_a_built_in_routine() {
    let library = builtin_routines(&english());
    let finds = |filter: LibraryFilter| library.iter().any(|routine| filter.matches(routine));
    for region in Region::ALL {
        assert!(
            finds(LibraryFilter {
                region: Some(region),
                ..Default::default()
            }),
            "{region:?}"
        );
    }
    for tool in Tool::ALL {
        assert!(
            finds(LibraryFilter {
                tool: Some(tool),
                ..Default::default()
            }),
            "{tool:?}"
        );
    }
    for length in Length::ALL {
        assert!(
            finds(LibraryFilter {
                length: Some(length),
                ..Default::default()
            }),
            "{length:?}"
        );
    }
    for technique in Technique::ALL {
        assert!(
            finds(LibraryFilter {
                technique: Some(technique),
                ..Default::default()
            }),
            "{technique:?}"
        );
    }
}
