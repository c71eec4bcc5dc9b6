//! Builders and proptest strategies shared by the tests of this crate and of the app
//! (feature `testing`; never in a release build).

use crate::breathing::BreathingPattern;
use crate::history::SessionRecord;
use crate::i18n::{Catalog, Locale};
use crate::plan::Timing;
use crate::routine::{Area, Position, Pressure, Routine, Side, Step, Technique, Tool};
use crate::session::Session;
use proptest::prelude::*;

/// A locale's catalogue, read from `locales/` at the repository root.
pub fn catalog(locale: Locale) -> Catalog {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/");
    let json = std::fs::read_to_string(format!("{path}{}.json", locale.tag())).expect("locale file");
    Catalog::parse(locale, &json).unwrap_or_else(|error| panic!("{}: {error}", locale.tag()))
}

/// The English catalogue, which native tests of worded output read.
pub fn english() -> Catalog {
    catalog(Locale::English)
}

pub fn step(side: Side, secs: u32) -> Step {
    Step {
        technique: Technique::Kneading,
        area: Area::Piriformis,
        side,
        duration_secs: secs,
        pressure: Pressure::Medium,
        tool: Tool::MassageBall,
        instructions: "Hold.".into(),
        breathing: None,
        position: None,
    }
}

pub fn routine(steps: Vec<Step>) -> Routine {
    Routine {
        id: "t".into(),
        revision: 0,
        title: "T".into(),
        summary: String::new(),
        author: String::new(),
        note: String::new(),
        language: None,
        breathing: BreathingPattern::Box,
        steps,
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Op {
    Pause,
    Resume,
    Skip,
    Back,
    Restart,
    End,
    Wait,
}

pub fn any_step() -> impl Strategy<Value = Step> {
    (
        prop_oneof![
            Just(Side::None),
            Just(Side::Left),
            Just(Side::Right),
            Just(Side::Both)
        ],
        prop_oneof![4 => 0u32..400, 1 => any::<u32>()],
        proptest::option::of(proptest::sample::select(BreathingPattern::ALL.to_vec())),
        proptest::option::of(proptest::sample::select(Position::ALL.to_vec())),
    )
        .prop_map(|(side, secs, breathing, position)| Step {
            breathing,
            position,
            ..step(side, secs)
        })
}

pub fn any_routine() -> impl Strategy<Value = Routine> {
    proptest::collection::vec(any_step(), 0..12).prop_map(routine)
}

pub fn any_timing() -> impl Strategy<Value = Timing> {
    (0u64..10_000, 0u64..10_000, 0u64..20_000).prop_map(|(lead_in_ms, switch_ms, rest_ms)| Timing {
        lead_in_ms,
        switch_ms,
        rest_ms,
    })
}

pub fn any_ops() -> impl Strategy<Value = Vec<(Op, u64)>> {
    let op = prop_oneof![
        Just(Op::Pause),
        Just(Op::Resume),
        Just(Op::Skip),
        Just(Op::Back),
        Just(Op::Restart),
        Just(Op::End),
        Just(Op::Wait),
    ];
    proptest::collection::vec((op, 0u64..120_000), 0..40)
}

pub fn apply(session: &mut Session, op: Op, t: u64) {
    match op {
        Op::Pause => session.pause(t),
        Op::Resume => session.resume(t),
        Op::Skip => session.skip(t),
        Op::Back => session.back(t),
        Op::Restart => session.restart_step(t),
        Op::End => session.end(t),
        Op::Wait => {}
    }
}

/// Routines that pass validation: what a saved session or a share link can hold.
pub fn any_valid_routine() -> impl Strategy<Value = Routine> {
    let valid_step = (any_step(), 5u32..=900).prop_map(|(step, secs)| Step {
        duration_secs: secs,
        ..step
    });
    proptest::collection::vec(valid_step, 1..10).prop_map(routine)
}

/// 2026-11-24 00:00 UTC, a Tuesday.
pub const NOV_24: u64 = 1_795_478_400_000;

/// A finished session of the hip routine with the given start, UTC offset and ratings.
pub fn record(
    id: &str,
    started_at_ms: u64,
    offset: i32,
    before: Option<u8>,
    after: Option<u8>,
) -> SessionRecord {
    SessionRecord {
        id: id.into(),
        routine_id: "hip-unwind".into(),
        routine_title: "Hip unwind".into(),
        started_at_ms,
        utc_offset_min: offset,
        active_ms: 600_000,
        steps_completed: 5,
        steps_skipped: 0,
        steps_total: 5,
        completed: true,
        pain_before: before,
        pain_after: after,
        note: String::new(),
        language: Some(Locale::English),
    }
}

/// `cases` untrusted link payloads for fuzzing a decoder: in turn, a good payload from
/// `seeds` changed in one to four places (a character changed, inserted or deleted, or
/// the rest cut), random base64url of any length, and random bytes read as lossy text.
/// The same inputs on every run (a fixed seed), so a failure reproduces.
pub fn fuzz_inputs(seeds: Vec<Vec<u8>>, cases: u64) -> impl Iterator<Item = String> {
    let mut state = 0x5eed_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..cases).map(move |case| {
        let input: Vec<u8> = match case % 3 {
            0 => {
                let mut bytes = seeds[(next() % seeds.len() as u64) as usize].clone();
                for _ in 0..1 + next() % 4 {
                    let at = (next() % bytes.len().max(1) as u64) as usize;
                    let symbol = alphabet[(next() % 64) as usize];
                    match next() % 4 {
                        0 if at < bytes.len() => bytes[at] = symbol,
                        1 => bytes.insert(at.min(bytes.len()), symbol),
                        2 if at < bytes.len() => {
                            bytes.remove(at);
                        }
                        _ => bytes.truncate(at),
                    }
                }
                bytes
            }
            1 => (0..next() % 600)
                .map(|_| alphabet[(next() % 64) as usize])
                .collect(),
            _ => (0..next() % 300).map(|_| next() as u8).collect(),
        };
        String::from_utf8_lossy(&input).into_owned()
    })
}

/// Six weeks for a hip: three weeks of one routine, then three weeks of two taking
/// turns, Monday, Wednesday and Friday at 19:00 (the programs issue's example).
pub fn two_phase_program() -> crate::program::Program {
    use crate::program::{Phase, Program, ProgramRoutine};
    let phase = |ids: &[&str]| Phase {
        weeks: 3,
        routines: ids
            .iter()
            .map(|id| ProgramRoutine::BuiltIn {
                id: (*id).into(),
                revision: 1,
            })
            .collect(),
        weekdays: [true, false, true, false, true, false, false],
        minute_of_day: 19 * 60,
    };
    Program {
        title: "Six weeks for your hip".into(),
        author: "Dr. Ana Ruiz, PT".into(),
        note: String::new(),
        language: None,
        phases: vec![
            phase(&["low-back-soothe"]),
            phase(&["hip-unwind", "piriformis-ball-release"]),
        ],
        ease_off_rule: true,
    }
}
