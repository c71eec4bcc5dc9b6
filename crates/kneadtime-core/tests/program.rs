//! Programs: the sessions a plan asks for, planned against done, and the calendar file
//! that reminds the person, read back with an independent iCalendar parser.

use icalendar::parser::{read_calendar, unfold};
use icalendar::{Calendar, EventLike};
use kneadtime_core::ics::calendar;
use kneadtime_core::program::{
    ease_off_suggested, sessions_in_week, weekday, CalendarReminder, DoneSession, Phase, PhaseEvent,
    PhasePain, PlannedSession, Program, ProgramError, ProgramRoutine, Today,
};
use proptest::prelude::*;

/// Monday 2026-12-07.
const MONDAY: i64 = 20_794;
const MON_WED_FRI: [bool; 7] = [true, false, true, false, true, false, false];

fn built_in(id: &str) -> ProgramRoutine {
    ProgramRoutine::BuiltIn {
        id: id.into(),
        revision: 1,
    }
}

fn phase(weeks: u8, routines: &[&str], weekdays: [bool; 7]) -> Phase {
    Phase {
        weeks,
        routines: routines.iter().map(|id| built_in(id)).collect(),
        weekdays,
        minute_of_day: 19 * 60,
    }
}

use kneadtime_core::testing::two_phase_program as six_weeks;

fn done(day: i64, routine_id: &str) -> DoneSession {
    DoneSession {
        day,
        routine_id: routine_id.into(),
        pain: None,
    }
}

#[test]
fn a_six_week_three_times_a_week_program_plans_eighteen_sessions_on_its_weekdays() {
    let planned = six_weeks().planned_sessions(MONDAY);
    assert_eq!(planned.len(), 18);
    let days: Vec<i64> = planned.iter().map(|session| session.day - MONDAY).collect();
    assert_eq!(
        days,
        [0, 2, 4, 7, 9, 11, 14, 16, 18, 21, 23, 25, 28, 30, 32, 35, 37, 39]
    );
    let phases: Vec<usize> = planned.iter().map(|session| session.phase).collect();
    assert_eq!(phases, [[0; 9], [1; 9]].concat());
    let weeks: Vec<usize> = planned.iter().map(|session| session.week).collect();
    assert_eq!(weeks, [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5]);
    // The second phase's two routines take turns.
    let turns: Vec<usize> = planned[9..].iter().map(|session| session.routine).collect();
    assert_eq!(turns, [0, 1, 0, 1, 0, 1, 0, 1, 0]);
}

#[test]
fn a_week_holds_its_sessions_in_order_and_every_session_is_in_one_week() {
    let planned = six_weeks().planned_sessions(MONDAY);
    let mut seen = Vec::new();
    for week in 0..six_weeks().weeks() as usize {
        let in_week: Vec<(usize, &PlannedSession)> = sessions_in_week(&planned, week).collect();
        assert_eq!(in_week.len(), 3, "week {week}");
        for (index, session) in in_week {
            assert_eq!(session.week, week);
            assert_eq!(&planned[index], session);
            seen.push(index);
        }
    }
    assert_eq!(seen, (0..planned.len()).collect::<Vec<_>>());
    assert_eq!(sessions_in_week(&planned, 6).count(), 0);
}

#[test]
fn a_session_names_its_routine_only_while_the_program_has_it() {
    let program = six_weeks();
    let planned = program.planned_sessions(MONDAY);
    assert_eq!(
        program.routine_of(&planned[9]),
        Some(&program.phases[1].routines[0])
    );
    assert_eq!(
        program.routine_of(&planned[10]),
        Some(&program.phases[1].routines[1])
    );
    // Worked out from a longer copy of the program: its phase or routine is gone.
    let shorter = Program {
        phases: vec![program.phases[0].clone()],
        ..program.clone()
    };
    assert_eq!(shorter.routine_of(&planned[9]), None);
    let gone = PlannedSession {
        routine: 7,
        ..planned[0]
    };
    assert_eq!(program.routine_of(&gone), None);
}

#[test]
fn a_program_started_midweek_counts_its_weeks_from_the_start_day() {
    // Started on a Thursday: Friday, then Monday and Wednesday of the next week are week 0.
    let thursday = MONDAY + 3;
    let program = Program {
        phases: vec![phase(2, &["hip-unwind"], MON_WED_FRI)],
        ..six_weeks()
    };
    let planned = program.planned_sessions(thursday);
    let days: Vec<i64> = planned.iter().map(|session| session.day - MONDAY).collect();
    assert_eq!(days, [4, 7, 9, 11, 14, 16]);
    let weeks: Vec<usize> = planned.iter().map(|session| session.week).collect();
    assert_eq!(weeks, [0, 0, 0, 1, 1, 1]);
}

#[test]
fn sessions_count_on_the_planned_day_or_a_day_late_never_on_another_day() {
    let program = six_weeks();
    let progress = program.progress(
        MONDAY,
        &[
            done(MONDAY, "low-back-soothe"),     // on time
            done(MONDAY + 3, "low-back-soothe"), // Thursday: a day late for Wednesday
            done(MONDAY + 6, "low-back-soothe"), // Sunday: no session planned near it
            done(MONDAY + 7, "hip-unwind"),      // on a planned day, but not this phase's
            done(MONDAY + 9, "low-back-soothe"), // on time
            done(MONDAY + 9, "low-back-soothe"), // twice on one day counts once
        ],
    );
    assert_eq!(progress.planned(), 18);
    assert_eq!(progress.done(), 3);
    assert_eq!((progress.weeks[0].planned, progress.weeks[0].done), (3, 2));
    assert_eq!((progress.weeks[1].planned, progress.weeks[1].done), (3, 1));
    assert_eq!(progress.adherence_percent(), 16);
    assert_eq!(&progress.met[..5], [Some(0), Some(1), None, None, Some(4)]);
}

#[test]
fn an_on_time_session_is_never_displaced_by_a_late_one() {
    // Monday's session done on Tuesday, Wednesday's on Wednesday: both count.
    let program = Program {
        phases: vec![phase(1, &["hip-unwind"], MON_WED_FRI)],
        ..six_weeks()
    };
    let progress = program.progress(
        MONDAY,
        &[done(MONDAY + 1, "hip-unwind"), done(MONDAY + 2, "hip-unwind")],
    );
    assert_eq!(progress.met, [Some(0), Some(1), None]);
}

#[test]
fn the_today_card_follows_the_plan_and_what_was_done() {
    let program = six_weeks();
    let hip = |day| done(day, "low-back-soothe");
    assert_eq!(
        program.today(MONDAY, MONDAY - 1, &[]),
        Today::NotStarted { first_day: MONDAY }
    );
    let first = program.planned_sessions(MONDAY)[0];
    assert_eq!(program.today(MONDAY, MONDAY, &[]), Today::Planned(first));
    assert_eq!(program.today(MONDAY, MONDAY, &[hip(MONDAY)]), Today::Done(first));
    // Tuesday: Monday's session missed, so it can still be done today…
    assert_eq!(program.today(MONDAY, MONDAY + 1, &[]), Today::CatchUp(first));
    // …and once done today, today is done; had it been done on Monday, Tuesday is rest.
    assert_eq!(
        program.today(MONDAY, MONDAY + 1, &[hip(MONDAY + 1)]),
        Today::Done(first)
    );
    assert_eq!(program.today(MONDAY, MONDAY + 1, &[hip(MONDAY)]), Today::Rest);
    // Sunday follows Saturday, when nothing was planned.
    assert_eq!(program.today(MONDAY, MONDAY + 6, &[]), Today::Rest);
    assert_eq!(program.today(MONDAY, MONDAY + 41, &[]), Today::Rest);
    assert_eq!(program.today(MONDAY, MONDAY + 42, &[]), Today::Finished);
}

#[test]
fn pain_is_averaged_per_phase_over_the_sessions_that_counted() {
    let rated = |day, routine: &str, before, after| DoneSession {
        pain: Some((before, after)),
        ..done(day, routine)
    };
    let sessions = [
        rated(MONDAY, "low-back-soothe", 6, 4),
        rated(MONDAY + 2, "low-back-soothe", 5, 4),
        done(MONDAY + 4, "low-back-soothe"),        // counted, not rated
        rated(MONDAY + 6, "low-back-soothe", 9, 9), // Sunday: did not count
        rated(MONDAY + 21, "hip-unwind", 4, 1),     // phase 2
    ];
    let pain = six_weeks().phase_pain(MONDAY, &sessions);
    assert_eq!(
        pain,
        [
            PhasePain {
                rated: 2,
                before_tenths: Some(55),
                after_tenths: Some(40)
            },
            PhasePain {
                rated: 1,
                before_tenths: Some(40),
                after_tenths: Some(10)
            },
        ]
    );
    assert_eq!(
        six_weeks().phase_pain(MONDAY, &[])[0],
        PhasePain {
            rated: 0,
            before_tenths: None,
            after_tenths: None
        }
    );
}

#[test]
fn programs_that_cannot_be_scheduled_are_refused() {
    assert_eq!(six_weeks().validate(), Ok(()));
    let with = |change: fn(&mut Program)| {
        let mut program = six_weeks();
        change(&mut program);
        program.validate()
    };
    assert_eq!(with(|p| p.title = " ".into()), Err(ProgramError::Title));
    assert_eq!(with(|p| p.title = "x".repeat(81)), Err(ProgramError::Title));
    assert_eq!(with(|p| p.note = "x".repeat(501)), Err(ProgramError::TextTooLong));
    assert_eq!(with(|p| p.phases.clear()), Err(ProgramError::NoPhases));
    assert_eq!(
        with(|p| p.phases = vec![p.phases[0].clone(); 7]),
        Err(ProgramError::TooManyPhases)
    );
    assert_eq!(with(|p| p.phases[1].weeks = 0), Err(ProgramError::Weeks(1)));
    assert_eq!(with(|p| p.phases[0].weeks = 13), Err(ProgramError::Weeks(0)));
    assert_eq!(
        with(|p| p.phases[1].routines.clear()),
        Err(ProgramError::Routines(1))
    );
    assert_eq!(
        with(|p| p.phases[0].weekdays = [false; 7]),
        Err(ProgramError::NoWeekday(0))
    );
    assert_eq!(
        with(|p| p.phases[0].minute_of_day = 24 * 60),
        Err(ProgramError::TimeOfDay(0))
    );
}

#[test]
fn two_sessions_in_a_row_that_raise_pain_by_two_suggest_easing_off() {
    assert!(!ease_off_suggested(&[]));
    assert!(!ease_off_suggested(&[(3, 6)]));
    assert!(ease_off_suggested(&[(3, 5), (4, 6)]));
    assert!(ease_off_suggested(&[(5, 2), (3, 5), (4, 8)]));
    assert!(!ease_off_suggested(&[(3, 5), (4, 5)]));
    assert!(!ease_off_suggested(&[(3, 5), (4, 6), (6, 3)]));
}

/// The program's calendar file: one series per phase, reminders 15 minutes before.
fn six_weeks_calendar(summary: &str, description: &str) -> String {
    let event = PhaseEvent {
        summary: summary.to_string(),
        description: description.to_string(),
        minutes: 12,
    };
    let reminder = CalendarReminder {
        uid: "program-abc".into(),
        sequence: 2,
        url: "https://kneadtime.example/p#AbC-_1".into(),
        alarm_minutes_before: Some(15),
    };
    calendar(
        &six_weeks().calendar_series(MONDAY, &vec![event; 2], &reminder),
        1_796_601_600_000,
    )
}

#[test]
fn the_calendar_file_expands_to_exactly_the_planned_sessions() {
    let file = six_weeks_calendar(
        "Hip program",
        "Open the routine: https://kneadtime.example/p#AbC-_1",
    );
    let parsed: Calendar = file.parse().expect("an iCalendar file");
    let mut occurrences: Vec<String> = parsed
        .events()
        .flat_map(|event| {
            let set = event.get_recurrence().expect("a recurrence");
            set.all(100)
                .dates
                .into_iter()
                .map(|date| date.format("%Y-%m-%d %a %H:%M").to_string())
        })
        .collect();
    occurrences.sort();
    let planned: Vec<String> = six_weeks()
        .planned_sessions(MONDAY)
        .iter()
        .map(|session| {
            let date = time_of(session.day);
            let name = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday(session.day)];
            format!("{date} {name} 19:00")
        })
        .collect();
    assert_eq!(occurrences.len(), 18);
    assert_eq!(occurrences, planned);
    assert!(occurrences
        .iter()
        .all(|o| o.contains(" Mon ") || o.contains(" Wed ") || o.contains(" Fri ")));
}

/// YYYY-MM-DD of a day number, counted here without the core's calendar code.
fn time_of(day: i64) -> String {
    let mut remaining = day - MONDAY;
    let (mut year, mut month, mut date) = (2026, 12, 7);
    let lengths = |year: i64, month: u32| match month {
        2 if year % 4 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    while remaining > 0 {
        date += 1;
        if date > lengths(year, month) {
            date = 1;
            month += 1;
            if month > 12 {
                month = 1;
                year += 1;
            }
        }
        remaining -= 1;
    }
    format!("{year:04}-{month:02}-{date:02}")
}

/// Each event's properties and its alarms' properties, as the parser reads them.
type Parsed = Vec<(Vec<(String, String)>, Vec<Vec<(String, String)>>)>;

fn events_of(file: &str) -> Parsed {
    let unfolded = unfold(file);
    let calendar = read_calendar(&unfolded).expect("an iCalendar file");
    let pairs = |properties: &[icalendar::parser::Property]| {
        properties
            .iter()
            .map(|property| {
                (
                    property.name.as_str().to_string(),
                    property.val.as_str().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    calendar
        .components
        .iter()
        .filter(|component| component.name.as_str() == "VEVENT")
        .map(|event| {
            let alarms = event
                .components
                .iter()
                .map(|alarm| pairs(&alarm.properties))
                .collect();
            (pairs(&event.properties), alarms)
        })
        .collect()
}

fn value<'a>(properties: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    properties
        .iter()
        .filter(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
        .collect()
}

#[test]
fn every_event_has_its_link_a_stable_uid_a_sequence_and_one_alarm() {
    let events = events_of(&six_weeks_calendar("Hip program", "Twice a week"));
    assert_eq!(events.len(), 2);
    for (index, (properties, alarms)) in events.iter().enumerate() {
        assert_eq!(
            value(properties, "UID"),
            [format!("program-abc-phase-{}@kneadtime", index + 1)]
        );
        assert_eq!(value(properties, "SEQUENCE"), ["2"]);
        assert_eq!(value(properties, "URL"), ["https://kneadtime.example/p#AbC-_1"]);
        assert_eq!(value(properties, "DTSTAMP"), ["20261207T000000Z"]);
        assert_eq!(value(properties, "RRULE"), ["FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=9"]);
        assert_eq!(alarms.len(), 1);
        assert_eq!(value(&alarms[0], "TRIGGER"), ["-PT15M"]);
        assert_eq!(value(&alarms[0], "ACTION"), ["DISPLAY"]);
    }
    assert_eq!(value(&events[1].0, "DTSTART"), ["20261228T190000"]);
}

#[test]
fn every_line_ends_in_crlf_and_fits_75_octets() {
    let file = six_weeks_calendar(&"Hüfte, Gesäß; Rücken\\ ".repeat(20), &"Zeile\r\n".repeat(30));
    assert!(file.ends_with("\r\n"));
    for line in file.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(!line.contains('\r') && !line.contains('\n'));
    }
}

/// Whether every `;`, `,` and `\\` in a TEXT value is escaped, and every escape is one
/// RFC 5545 defines.
fn properly_escaped(text: &str) -> bool {
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if !matches!(chars.next(), Some('\\' | ';' | ',' | 'n' | 'N')) => return false,
            ';' | ',' => return false,
            _ => {}
        }
    }
    true
}

/// What a TEXT value reads back as: line breaks as LF, other control characters gone.
fn as_read_back(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

proptest! {
    /// No typed text can add a line, a property, an event or an alarm to the file, and
    /// every text reads back as it was typed.
    #[test]
    fn typed_text_never_adds_to_the_calendar_and_reads_back_unchanged(
        summary in "[a-zA-Zäü ;,:\\\\\r\n\t]{0,120}",
        description in "(BEGIN:VALARM|END:VEVENT|[a-z ;,:=\\\\\r\n]){0,40}",
    ) {
        let file = six_weeks_calendar(&summary, &description);
        let events = events_of(&file);
        prop_assert_eq!(events.len(), 2);
        for (properties, alarms) in &events {
            prop_assert_eq!(alarms.len(), 1);
            let names: Vec<&str> = properties.iter().map(|(name, _)| name.as_str()).collect();
            prop_assert_eq!(
                names,
                ["UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DURATION", "RRULE", "SUMMARY", "DESCRIPTION", "URL"]
            );
            let summary_read = as_read_back(&summary);
            prop_assert_eq!(value(properties, "SUMMARY"), [summary_read.as_str()]);
            let description_read = as_read_back(&description);
            prop_assert_eq!(value(properties, "DESCRIPTION"), [description_read.as_str()]);
            prop_assert_eq!(value(&alarms[0], "DESCRIPTION"), [summary_read.as_str()]);
        }
        // Strict readers split a TEXT value at a bare `;` or `,`: every one is escaped.
        for line in unfold(&file).lines() {
            if let Some(text) = line.strip_prefix("SUMMARY:").or_else(|| line.strip_prefix("DESCRIPTION:")) {
                prop_assert!(properly_escaped(text), "{:?}", text);
            }
        }
    }

    /// Any valid program plans exactly weeks × weekdays sessions per phase, each on a
    /// chosen weekday, in order, within its phase; doing every planned session on its
    /// day is 100 %, and nothing done counts more than once.
    #[test]
    fn planned_sessions_follow_the_plan(
        phases in prop::collection::vec((1u8..=12, 1usize..=4, prop::array::uniform7(any::<bool>())), 1..=6),
        start in 20_000i64..22_000,
        extra in prop::collection::vec((0i64..600, 0usize..3), 0..30),
    ) {
        let phases: Vec<Phase> = phases
            .into_iter()
            .filter(|(_, _, days)| days.iter().any(|on| *on))
            .enumerate()
            .map(|(index, (weeks, routines, weekdays))| Phase {
                weeks,
                routines: (0..routines).map(|turn| built_in(&format!("r{index}-{turn}"))).collect(),
                weekdays,
                minute_of_day: 7 * 60,
            })
            .collect();
        prop_assume!(!phases.is_empty());
        let program = Program { phases, ..six_weeks() };
        prop_assert_eq!(program.validate(), Ok(()));
        let planned = program.planned_sessions(start);
        let mut phase_start = start;
        for (index, phase) in program.phases.iter().enumerate() {
            let end = phase_start + 7 * i64::from(phase.weeks);
            let in_phase: Vec<_> = planned.iter().filter(|session| session.phase == index).collect();
            prop_assert_eq!(in_phase.len() as u32, phase.session_count());
            for session in in_phase {
                prop_assert!(phase.weekdays[weekday(session.day)]);
                prop_assert!(session.day >= phase_start && session.day < end);
            }
            phase_start = end;
        }
        prop_assert!(planned.windows(2).all(|pair| pair[0].day < pair[1].day));

        let all_done: Vec<DoneSession> = planned
            .iter()
            .map(|session| {
                let routine = program.phases[session.phase].routines[session.routine].routine_id();
                done(session.day, routine)
            })
            .collect();
        let progress = program.progress(start, &all_done);
        prop_assert_eq!(progress.done(), progress.planned());
        prop_assert_eq!(progress.adherence_percent(), 100);

        let some_done: Vec<DoneSession> = extra
            .iter()
            .map(|(offset, phase)| done(start + offset, &format!("r{phase}-0")))
            .collect();
        let progress = program.progress(start, &some_done);
        prop_assert!(progress.done() as usize <= some_done.len());
        prop_assert!(progress.done() <= progress.planned());
    }
}

mod links {
    use super::*;
    use kneadtime_core::i18n::{Catalog, Locale};
    use kneadtime_core::library::builtin_routines;
    use kneadtime_core::program_link::{decode, encode, link, ProgramLinkError, PROGRAM_LINK_VERSION};
    use kneadtime_core::routine::{Routine, Step};
    use kneadtime_core::share::ShareError;
    use kneadtime_core::testing::{any_valid_routine, english, fuzz_inputs};

    const ORIGIN: &str = "https://kneadtime.app";
    /// A version 1 link of [`six_weeks`], kept so every later version still opens it.
    const GOLDEN_V1: &str = include_str!("fixtures/program-link-v1.txt");

    fn en() -> &'static Catalog {
        static ENGLISH: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        ENGLISH.get_or_init(english)
    }

    /// [`six_weeks`] with the second phase's routines carried whole.
    fn embedded() -> Program {
        let mut program = six_weeks();
        program.language = Some(Locale::German);
        program.phases[1].routines = builtin_routines(en())
            .into_iter()
            .take(2)
            .map(|routine| ProgramRoutine::Embedded {
                routine: Routine {
                    id: format!("own-{}", routine.id),
                    ..without_positions(routine)
                },
            })
            .collect();
        program
    }

    /// `routine` as written before steps named positions.
    fn without_positions(routine: Routine) -> Routine {
        Routine {
            steps: routine
                .steps
                .into_iter()
                .map(|step| Step {
                    position: None,
                    ..step
                })
                .collect(),
            ..routine
        }
    }

    #[test]
    fn a_routine_whose_steps_name_positions_takes_version_4_and_they_arrive() {
        use base64::Engine;
        let mut program = embedded();
        let desk_break = builtin_routines(en()).remove(0);
        program.phases[1].routines[0] = ProgramRoutine::Embedded {
            routine: Routine {
                id: "own-desk".into(),
                ..desk_break
            },
        };
        let payload = encode(en(), &program);
        let version = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(&payload)
            .unwrap()[0];
        assert_eq!(version, PROGRAM_LINK_VERSION);
        assert_eq!(decode(en(), &payload), Ok(program));
    }

    #[test]
    fn programs_round_trip_and_their_links_stay_short() {
        for program in [six_weeks(), embedded()] {
            let url = link(en(), ORIGIN, &program);
            let (_, payload) = url.split_once('#').unwrap();
            assert_eq!(decode(en(), payload), Ok(program.clone()));
            println!(
                "{} phases, {} characters after the origin",
                program.phases.len(),
                url.len() - ORIGIN.len()
            );
        }
        // Two phases of built-ins fit in a text message.
        assert!(link(en(), ORIGIN, &six_weeks()).len() - ORIGIN.len() < 200);
    }

    #[test]
    fn a_routine_on_a_later_area_takes_version_2_and_only_it() {
        use base64::Engine;
        let version_of = |payload: &str| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(payload)
                .unwrap()[0]
        };
        assert_eq!(version_of(&encode(en(), &six_weeks())), 1);
        // The second phase carries the desk break whole, then the sacroiliac routine,
        // which works the SI joint.
        let mut later = embedded();
        let sacroiliac = builtin_routines(en())
            .into_iter()
            .find(|routine| routine.id == "sacroiliac-settle")
            .unwrap();
        later.phases[1].routines[1] = ProgramRoutine::Embedded {
            routine: Routine {
                id: "own-sacroiliac".into(),
                ..without_positions(sacroiliac)
            },
        };
        let mut earlier = later.clone();
        earlier.phases[1].routines.truncate(1);
        assert_eq!(version_of(&encode(en(), &earlier)), 1);
        let payload = encode(en(), &later);
        assert_eq!(version_of(&payload), 2);
        assert_eq!(decode(en(), &payload), Ok(later));
        // Relabelled as version 1, which never carried those areas, it is damaged.
        let as_v1 = format!("AX{}", &payload[2..]);
        assert_eq!(
            decode(en(), &as_v1),
            Err(ProgramLinkError::Link(ShareError::Damaged))
        );
    }

    #[test]
    fn the_golden_v1_link_still_opens() {
        assert_eq!(decode(en(), GOLDEN_V1.trim()), Ok(six_weeks()));
    }

    /// Writes the golden link from the current encoder; run by hand when the format
    /// gets a new version (never to make an old link pass).
    #[test]
    #[ignore]
    fn write_golden_link() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/program-link-v1.txt");
        std::fs::write(path, encode(en(), &six_weeks()) + "\n").unwrap();
    }

    #[test]
    fn damaged_and_unplayable_links_have_their_own_errors() {
        let good = encode(en(), &six_weeks());
        assert_eq!(decode(en(), ""), Err(ProgramLinkError::Link(ShareError::Empty)));
        assert_eq!(
            decode(en(), &good[..good.len() - 4]),
            Err(ProgramLinkError::Link(ShareError::Damaged))
        );
        assert_eq!(
            decode(en(), "not base64!"),
            Err(ProgramLinkError::Link(ShareError::NotBase64))
        );
        // "AX…" starts with the version byte 1; "BX…" is the same payload from version 5.
        assert!(good.starts_with("AX"));
        let newer = format!("BX{}", &good[2..]);
        assert!(matches!(
            decode(en(), &newer),
            Err(ProgramLinkError::Link(ShareError::NewerVersion(_)))
        ));
        let mut no_weeks = six_weeks();
        no_weeks.phases[0].weeks = 0;
        assert_eq!(
            decode(en(), &encode(en(), &no_weeks)),
            Err(ProgramLinkError::Invalid(ProgramError::Weeks(0)))
        );
    }

    /// Random and mutated links never panic; whatever opens validates and its own link
    /// opens as the same program.
    #[test]
    fn fuzz_never_panics_and_what_opens_round_trips() {
        let seeds = [six_weeks(), embedded()]
            .iter()
            .map(|program| encode(en(), program).into_bytes())
            .collect();
        for input in fuzz_inputs(seeds, 100_000) {
            if let Ok(program) = decode(en(), &input) {
                assert_eq!(program.validate(), Ok(()));
                assert_eq!(decode(en(), &encode(en(), &program)), Ok(program), "{input:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any valid program survives its link unchanged.
        #[test]
        fn links_round_trip(
            title in "[a-zA-Zé ,;]{1,80}",
            note in "[a-z\n ,]{0,200}",
            ease_off_rule in any::<bool>(),
            phases in prop::collection::vec(
                (1u8..=12, prop::array::uniform7(any::<bool>()), 0u16..1440, prop::collection::vec(any_valid_routine(), 1..=2)),
                1..=3,
            ),
        ) {
            let phases: Vec<Phase> = phases
                .into_iter()
                .map(|(weeks, mut weekdays, minute_of_day, routines)| {
                    weekdays[0] = true;
                    Phase {
                        weeks,
                        routines: routines.into_iter().map(|routine| ProgramRoutine::Embedded { routine }).collect(),
                        weekdays,
                        minute_of_day,
                    }
                })
                .collect();
            let program = Program { title, note, ease_off_rule, phases, ..six_weeks() };
            prop_assume!(program.validate().is_ok());
            prop_assert_eq!(decode(en(), &encode(en(), &program)), Ok(program));
        }
    }
}

mod following {
    use super::*;
    use kneadtime_core::followed_program::{done_sessions, follow, so_far, SoFar};
    use kneadtime_core::history::History;
    use kneadtime_core::reminders::{program_calendar, routine_calendar, RoutineFacts, RoutineReminder};
    use kneadtime_core::testing::{english, record};

    #[test]
    fn a_newer_plan_of_the_followed_program_keeps_its_calendar_id() {
        let first = follow(None, six_weeks(), MONDAY, "pg-first".into());
        assert_eq!((first.id.as_str(), first.sequence), ("pg-first", 0));
        let mut edited = six_weeks();
        edited.phases[1].weeks = 4;
        let newer = follow(Some(&first), edited, MONDAY, "pg-second".into());
        assert_eq!((newer.id.as_str(), newer.sequence), ("pg-first", 1));
        // Another therapist's (or another title's) program is another calendar.
        let mut other = six_weeks();
        other.author = "Sam Lee".into();
        let replaced = follow(Some(&newer), other, MONDAY, "pg-third".into());
        assert_eq!((replaced.id.as_str(), replaced.sequence), ("pg-third", 0));
        // Moving the start is a change calendars must take; staying put is not.
        let mut moved = replaced.clone();
        moved.restart(MONDAY);
        assert_eq!(moved.sequence, 0);
        moved.restart(MONDAY + 7);
        assert_eq!((moved.start_day, moved.sequence), (MONDAY + 7, 1));
    }

    #[test]
    fn only_finished_sessions_count_on_the_day_they_were_played() {
        // 23:30 UTC on Monday is already Tuesday in Berlin (UTC+1).
        let monday_late = (MONDAY as u64) * 86_400_000 + 23 * 3_600_000 + 30 * 60_000;
        let finished = record("s-1", monday_late, 60, Some(4), Some(2));
        let mut ended_early = record("s-2", monday_late + 86_400_000, 60, Some(3), None);
        ended_early.completed = false;
        let done = done_sessions(&History(vec![finished, ended_early]));
        assert_eq!(
            done,
            [DoneSession {
                day: MONDAY + 1,
                routine_id: "hip-unwind".into(),
                pain: Some((4, 2)),
            }]
        );
    }

    #[test]
    fn adherence_so_far_waits_out_the_day_late_window() {
        let program = six_weeks();
        // Monday done, Wednesday missed, Friday done a day late (on Saturday).
        let done = [
            done(MONDAY, "low-back-soothe"),
            done(MONDAY + 5, "low-back-soothe"),
        ];
        // As the history stands on `today`.
        let at = |today: i64| {
            let until: Vec<DoneSession> = done.iter().filter(|did| did.day <= today).cloned().collect();
            so_far(&program.progress(MONDAY, &until), today)
        };
        assert_eq!(at(MONDAY), SoFar { due: 1, done: 1 });
        // Wednesday's session can still be done on Thursday.
        assert_eq!(at(MONDAY + 3), SoFar { due: 1, done: 1 });
        assert_eq!(at(MONDAY + 4), SoFar { due: 2, done: 1 });
        assert_eq!(at(MONDAY + 6), SoFar { due: 3, done: 2 });
        assert_eq!(at(MONDAY + 6).percent(), Some(66));
        assert_eq!(SoFar { due: 0, done: 0 }.percent(), None);
        // After the end, everything planned was due.
        assert_eq!(at(MONDAY + 50).due, 18);
    }

    #[test]
    fn each_planned_session_is_done_missed_due_or_ahead() {
        use kneadtime_core::followed_program::{next_session, schedule_words, session_status, SessionStatus};
        let program = six_weeks();
        let done = [done(MONDAY + 2, "low-back-soothe")];
        let progress = program.progress(MONDAY, &done);
        // On Friday: Monday missed, Wednesday done, Friday due, the next Monday ahead.
        let friday = MONDAY + 4;
        let statuses: Vec<SessionStatus> = (0..4)
            .map(|index| session_status(&progress, index, friday))
            .collect();
        use SessionStatus::*;
        assert_eq!(statuses, [Missed, Done, Due, Planned]);
        // Tuesday: Monday's session can still be caught up.
        assert_eq!(session_status(&progress, 0, MONDAY + 1), Due);
        assert_eq!(
            next_session(&progress, friday).map(|next| next.day),
            Some(MONDAY + 7)
        );
        assert_eq!(next_session(&progress, MONDAY + 60), None);
        assert_eq!(
            schedule_words(&program.phases[0], &english()),
            "Mon, Wed, Fri at 19:00"
        );
    }

    #[test]
    fn easing_off_is_suggested_after_two_counted_sessions_that_raised_pain() {
        use kneadtime_core::followed_program::suggests_easing_off;
        let rated = |day: i64, before: u8, after: u8| DoneSession {
            pain: Some((before, after)),
            ..done(day, "low-back-soothe")
        };
        let program = six_weeks();
        let check =
            |done: &[DoneSession]| suggests_easing_off(&program, &program.progress(MONDAY, done), done);
        assert!(check(&[rated(MONDAY, 3, 5), rated(MONDAY + 2, 2, 4)]));
        assert!(!check(&[rated(MONDAY, 3, 5), rated(MONDAY + 2, 2, 3)]));
        assert!(!check(&[
            rated(MONDAY, 3, 5),
            rated(MONDAY + 2, 2, 4),
            rated(MONDAY + 4, 4, 4)
        ]));
        // A session on a day the plan does not count, or of another routine, is not the plan's.
        assert!(!check(&[
            rated(MONDAY, 3, 5),
            DoneSession {
                routine_id: "hip-unwind".into(),
                ..rated(MONDAY + 2, 2, 4)
            }
        ]));
        let mut without_rule = six_weeks();
        without_rule.ease_off_rule = false;
        let done = [rated(MONDAY, 3, 5), rated(MONDAY + 2, 2, 4)];
        assert!(!suggests_easing_off(
            &without_rule,
            &without_rule.progress(MONDAY, &done),
            &done
        ));
    }

    #[test]
    fn the_weekly_plan_on_paper_has_each_weeks_days_and_turns() {
        use kneadtime_core::followed_program::weekly_grid;
        let grid = weekly_grid(&six_weeks());
        assert_eq!(grid.len(), 6);
        let first = [Some((0, 0)), None, Some((0, 0)), None, Some((0, 0)), None, None];
        assert!(grid[..3].iter().all(|week| *week == first));
        // The second phase's routines take turns across weeks: A B A, B A B, A B A.
        let turns: Vec<usize> = grid[3..]
            .iter()
            .flatten()
            .flatten()
            .map(|(_, routine)| *routine)
            .collect();
        assert_eq!(turns, [0, 1, 0, 1, 0, 1, 0, 1, 0]);
        // A phase the builder has not given routines yet shows no sessions, and never
        // an index past its routines.
        let mut unfinished = six_weeks();
        unfinished.phases[1].routines.clear();
        let grid = weekly_grid(&unfinished);
        assert_eq!(grid.len(), 6);
        assert!(grid[3..].iter().all(|week| week.iter().all(Option::is_none)));
    }

    #[test]
    fn the_program_calendar_names_each_phase_and_links_the_program() {
        let followed = follow(None, six_weeks(), MONDAY, "pg-abc".into());
        let facts = |routine: &ProgramRoutine| RoutineFacts {
            title: format!("Title of {}", routine.routine_id()),
            minutes: if routine.routine_id() == "hip-unwind" {
                14
            } else {
                9
            },
        };
        let link = "https://kneadtime.example/program#AQ";
        let file = program_calendar(&english(), &followed, facts, link, Some(30), 1_796_601_600_000);
        let events = events_of(&file);
        assert_eq!(events.len(), 2);
        let (second, alarms) = &events[1];
        assert_eq!(
            value(second, "SUMMARY"),
            ["Title of hip-unwind / Title of piriformis-ball-release · Kneadtime"]
        );
        assert_eq!(
            value(second, "DESCRIPTION"),
            [format!(
                "Phase 2 of “Six weeks for your hip”: Title of hip-unwind, 14 min / \
                     Title of piriformis-ball-release, 9 min. Open the program in Kneadtime: {link}"
            )
            .as_str()]
        );
        assert_eq!(value(second, "UID"), ["pg-abc-phase-2@kneadtime"]);
        // Each phase as long as its own longest routine.
        assert_eq!(value(second, "DURATION"), ["PT14M"]);
        assert_eq!(value(&events[0].0, "DURATION"), ["PT9M"]);
        assert_eq!(value(&alarms[0], "TRIGGER"), ["-PT30M"]);
        let parsed: Calendar = file.parse().expect("an iCalendar file");
        let count: usize = parsed
            .events()
            .map(|event| event.get_recurrence().expect("a recurrence").all(100).dates.len())
            .sum();
        assert_eq!(count, 18);
    }

    #[test]
    fn a_routine_lasts_in_the_calendar_what_its_card_says() {
        use kneadtime_core::format::about_minutes;
        use kneadtime_core::plan::Plan;
        for routine in kneadtime_core::library::builtin_routines(&english()) {
            let minutes = RoutineFacts::of(&routine).minutes;
            let card = about_minutes(Plan::default_length_ms(&routine), &english());
            assert_eq!(card, format!("About {minutes} min"), "{}", routine.id);
        }
    }

    #[test]
    fn one_routine_repeats_on_its_days_from_the_next_chosen_one() {
        let reminder = RoutineReminder {
            routine_id: "hip-unwind".into(),
            title: "Hip unwind".into(),
            minutes: 12,
            weekdays: MON_WED_FRI,
            minute_of_day: 19 * 60,
            weeks: 2,
            alarm_minutes_before: None,
        };
        let english = english();
        let link = "https://kneadtime.example/routine/hip-unwind";
        // From a Tuesday: Wednesday, Friday, Monday, Wednesday, Friday, Monday.
        let file =
            routine_calendar(&english, &reminder, link, (MONDAY + 1, 8 * 60), 1_796_601_600_000).unwrap();
        let parsed: Calendar = file.parse().expect("an iCalendar file");
        let dates: Vec<String> = parsed
            .events()
            .flat_map(|event| event.get_recurrence().expect("a recurrence").all(100).dates)
            .map(|date| date.format("%m-%d %a %H:%M").to_string())
            .collect();
        assert_eq!(
            dates,
            [
                "12-09 Wed 19:00",
                "12-11 Fri 19:00",
                "12-14 Mon 19:00",
                "12-16 Wed 19:00",
                "12-18 Fri 19:00",
                "12-21 Mon 19:00"
            ]
        );
        let events = events_of(&file);
        assert_eq!(value(&events[0].0, "UID"), ["routine-hip-unwind@kneadtime"]);
        assert!(events[0].1.is_empty(), "no alarm was asked for");
        // A later file for the same routine replaces the earlier one.
        let later =
            routine_calendar(&english, &reminder, link, (MONDAY + 1, 8 * 60), 1_796_605_200_000).unwrap();
        // On a Wednesday before 19:00 the series starts that evening; after, on Friday.
        let first = |minute_now: u32| {
            let file = routine_calendar(&english, &reminder, link, (MONDAY + 2, minute_now), 0).unwrap();
            let parsed: Calendar = file.parse().unwrap();
            let event = parsed
                .events()
                .next()
                .unwrap()
                .get_recurrence()
                .unwrap()
                .all(1)
                .dates[0];
            event.format("%a %H:%M").to_string()
        };
        assert_eq!(first(18 * 60 + 59), "Wed 19:00");
        assert_eq!(first(19 * 60), "Fri 19:00");
        let sequence = |file: &str| {
            value(&events_of(file)[0].0, "SEQUENCE")[0]
                .parse::<u64>()
                .unwrap()
        };
        assert!(sequence(&later) > sequence(&file));
        let no_days = RoutineReminder {
            weekdays: [false; 7],
            ..reminder
        };
        assert_eq!(routine_calendar(&english, &no_days, link, (MONDAY, 0), 0), None);
    }
}
