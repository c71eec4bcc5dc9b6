//! Progress links: what a therapist opens is exactly the sessions sent, notes only
//! when chosen, at most the recent ones, and any damaged or hostile link ends in a
//! plain message, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use kneadtime_core::history::{History, SessionRecord};
use kneadtime_core::i18n::Locale;
use kneadtime_core::progress_link::{
    decode, encode, link, ProgramStanding, SharedProgress, MAX_LINKED_SESSIONS,
};
use kneadtime_core::share::MAX_PAYLOAD_CHARS;
use kneadtime_core::testing::english;
use proptest::prelude::*;

/// 2026-11-24 08:00 UTC.
const T0: u64 = 1_763_971_200_000;
const DAY_MS: u64 = 86_400_000;
/// Sydney in summer, where an evening session falls on the next UTC day's date.
const SYDNEY: i32 = 11 * 60;

fn record(day: u64, before: Option<u8>, after: Option<u8>, note: &str) -> SessionRecord {
    SessionRecord {
        id: format!("s-{day:04}-k3x9"),
        routine_id: "piriformis-ball-release".into(),
        routine_title: "Piriformis release with a ball".into(),
        started_at_ms: T0 + day * DAY_MS,
        utc_offset_min: SYDNEY,
        active_ms: 540_000,
        steps_completed: 6,
        steps_skipped: 1,
        steps_total: 7,
        completed: !day.is_multiple_of(3),
        pain_before: before,
        pain_after: after,
        note: note.into(),
        // Every other session in German: the link keeps each one's language.
        language: Some(if day.is_multiple_of(2) {
            Locale::German
        } else {
            Locale::English
        }),
    }
}

fn history(days: u64) -> History {
    History(
        (0..days)
            .map(|day| {
                let before = (!day.is_multiple_of(4)).then_some(6 - (day % 3) as u8);
                let after = before.map(|before| before.saturating_sub(3));
                record(day, before, after, "Tight on the left, \"better\" after <b>")
            })
            .collect(),
    )
}

#[test]
fn the_sessions_arrive_as_sent_without_notes_unless_chosen() {
    let sent = history(12);
    let shared_at = T0 + 12 * DAY_MS;
    let opened = decode(&encode(&sent, None, shared_at, SYDNEY, false)).expect("a fresh link opens");
    assert_eq!(opened.shared_at_ms, shared_at);
    assert_eq!(opened.utc_offset_min, SYDNEY);
    assert_eq!(opened.history.0.len(), 12);
    for (got, sent) in opened.history.0.iter().zip(&sent.0) {
        assert_eq!(got.note, "");
        assert_eq!(
            SessionRecord {
                note: String::new(),
                ..sent.clone()
            },
            *got
        );
    }
    let with_notes = decode(&encode(&sent, None, shared_at, SYDNEY, true)).unwrap();
    assert_eq!(with_notes.history, sent);
    // The sharer's own day: 2026-12-06 08:00 UTC is 19:00 in Sydney, still the 6th.
    assert_eq!(
        opened.day(),
        kneadtime_core::calendar::local_day(shared_at, SYDNEY)
    );
}

#[test]
fn a_long_history_sends_its_most_recent_sessions_in_a_link_of_messaging_length() {
    let sent = history(200);
    let url = link(
        "https://kneadtime.app",
        &sent,
        None,
        T0 + 200 * DAY_MS,
        SYDNEY,
        true,
    );
    let payload = url.split_once("/p#").expect("a progress link").1;
    let opened = decode(payload).unwrap();
    assert_eq!(opened.history.0.len(), MAX_LINKED_SESSIONS);
    assert_eq!(opened.history.0, sent.0[200 - MAX_LINKED_SESSIONS..]);
    assert!(url.len() < 8_000, "{} characters", url.len());
    assert!(payload.len() < MAX_PAYLOAD_CHARS);
}

fn standing() -> ProgramStanding {
    ProgramStanding {
        title: "Six weeks for your hip".into(),
        done: 2,
        due: 3,
        planned: 18,
    }
}

#[test]
fn the_program_followed_travels_with_its_planned_versus_done() {
    let opened = decode(&encode(&history(3), Some(&standing()), T0, SYDNEY, false)).unwrap();
    assert_eq!(opened.program, Some(standing()));
    assert_eq!(opened.program.unwrap().percent(), Some(66));
    // Links from before programs (the fixtures) and people following none carry nothing.
    assert_eq!(
        decode(&encode(&history(3), None, T0, SYDNEY, false))
            .unwrap()
            .program,
        None
    );
    // Numbers no program can have make the link damaged, not a wrong report.
    for impossible in [
        ProgramStanding {
            done: 4,
            ..standing()
        },
        ProgramStanding {
            due: 19,
            ..standing()
        },
        ProgramStanding {
            planned: 100_000,
            due: 100_000,
            ..standing()
        },
        ProgramStanding {
            title: " ".into(),
            ..standing()
        },
    ] {
        assert!(
            decode(&encode(&history(3), Some(&impossible), T0, SYDNEY, false)).is_err(),
            "{impossible:?}"
        );
    }
}

#[test]
fn an_empty_history_is_a_link_too() {
    let opened = decode(&encode(&History::default(), None, T0, 0, false)).unwrap();
    assert!(opened.history.0.is_empty());
}

#[test]
fn damaged_links_say_why() {
    let good = encode(&history(5), None, T0, SYDNEY, false);
    let damaged = "This progress link is damaged";
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "has no progress in it"),
        ("#".into(), "has no progress in it"),
        (good[..good.len() / 2].to_string(), damaged),
        (
            good.replacen(&good[10..11], if &good[10..11] == "A" { "B" } else { "A" }, 1),
            damaged,
        ),
        (format!("{good}!"), damaged),
        ("A".repeat(MAX_PAYLOAD_CHARS + 1), "far longer"),
        // A later version of the link format.
        (format!("C{}", &good[1..]), "newer version"),
        // A routine link (of format 1, framed like progress format 1) is not a progress link.
        (
            include_str!("fixtures/share-links-v1.tsv")
                .split('\t')
                .next()
                .unwrap_or_default()
                .to_string(),
            damaged,
        ),
    ];
    for (payload, expected) in cases {
        let error = decode(&payload).expect_err(&payload);
        let message = error.message(&english());
        assert!(message.contains(expected), "{payload:?}: {message}");
    }
}

/// The oracle for what `payload` opened: every session is one this app could have
/// recorded, and the progress's own link opens as the same progress.
fn assert_opens_whole(progress: &SharedProgress, payload: &str) {
    for record in &progress.history.0 {
        assert!(
            record.is_valid(),
            "{payload:?} opened an invalid session {record:?}"
        );
    }
    assert!(progress.history.0.len() <= MAX_LINKED_SESSIONS);
    let again = encode(
        &progress.history,
        progress.program.as_ref(),
        progress.shared_at_ms,
        progress.utc_offset_min,
        true,
    );
    assert_eq!(
        decode(&again).as_ref(),
        Ok(progress),
        "{payload:?} opened progress whose own link {again} does not open as it"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text at all, and any change to a good link, opens or fails plainly; what
    /// opens is whole.
    #[test]
    fn no_input_panics_and_what_opens_round_trips(
        text in ".{0,300}",
        kept_percent in 0usize..=110,
        flip in 0usize..400,
    ) {
        let good = encode(&history(9), Some(&standing()), T0, SYDNEY, true);
        // A cut anywhere, and in about one case in twelve none at all, so the oracle
        // sees links that open.
        let cut = good.len() * kept_percent.min(100) / 100;
        let mut flipped = good.clone().into_bytes();
        let at = flip % flipped.len();
        flipped[at] = if flipped[at] == b'A' { b'z' } else { b'A' };
        let flipped = String::from_utf8(flipped).unwrap();
        for payload in [text.as_str(), &good[..cut], &flipped] {
            if let Ok(progress) = decode(payload) {
                assert_opens_whole(&progress, payload);
            }
        }
    }
}
