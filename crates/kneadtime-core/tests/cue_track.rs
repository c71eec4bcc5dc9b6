//! The cue track heard the way a person would: tone onsets found in the samples by
//! an energy envelope, matched to the session engine's planned cue instants.

use kneadtime_core::cue_track::{render, reseek, CueTrack, SAMPLE_RATE, TAIL_MS, WINDOW_MS};
use kneadtime_core::cues::{channels, tone};
use kneadtime_core::library::builtin_routines;
use kneadtime_core::plan::Timing;
use kneadtime_core::routine::Side;
use kneadtime_core::session::Session;
use kneadtime_core::settings::Settings;
use kneadtime_core::testing::{english, routine, step};

const T0: u64 = 1_795_500_000_000;
/// Onsets must land this close to where the engine plans them.
const TOLERANCE_MS: f64 = 10.0;

/// The samples as -1..1, from the 8-bit WAV after its 44-byte header.
fn samples(track: &CueTrack) -> Vec<f32> {
    track.wav[44..]
        .iter()
        .map(|byte| (f32::from(*byte) - 128.0) / 127.0)
        .collect()
}

/// Tone onsets (ms into the track): where the energy of the sound's first difference
/// (which mutes the background's low rumble) over 4 ms rises past a threshold after
/// at least 30 ms below it.
fn onsets(samples: &[f32]) -> Vec<f64> {
    let rate = f64::from(SAMPLE_RATE);
    let window = (0.004 * rate) as usize;
    let hop = (0.001 * rate) as usize;
    let quiet_needed = 30;
    let threshold = 0.02f32;
    let diff: Vec<f32> = samples.windows(2).map(|pair| pair[1] - pair[0]).collect();
    let mut found = Vec::new();
    let mut quiet_for = quiet_needed;
    let mut start = 0;
    while start + window <= diff.len() {
        let energy = diff[start..start + window].iter().map(|d| d * d).sum::<f32>() / window as f32;
        if energy.sqrt() > threshold {
            if quiet_for >= quiet_needed {
                // The window's middle: the rise is inside it.
                found.push((start + window / 2) as f64 * 1000.0 / rate);
            }
            quiet_for = 0;
        } else {
            quiet_for += 1;
        }
        start += hop;
    }
    found
}

/// Where each planned note should begin (ms into the track): the engine's cue instants,
/// asked of the engine here, plus each motif's note offsets.
fn expected_onsets(session: &Session, track: &CueTrack, settings: &Settings) -> Vec<f64> {
    let until = track.timing.starts_at_ms + track.timing.length_ms;
    let mut expected: Vec<f64> = session
        .planned_cues(track.timing.starts_at_ms, until)
        .into_iter()
        .filter(|cue| channels(cue.kind, settings).sound)
        .flat_map(|cue| {
            tone(cue.kind)
                .iter()
                .map(move |note| (cue.at_ms - track.timing.starts_at_ms + u64::from(note.offset_ms)) as f64)
        })
        .collect();
    expected.sort_by(f64::total_cmp);
    expected
}

/// Every expected onset is heard within the tolerance, and nothing else is.
fn assert_heard_as_planned(session: &Session, track: &CueTrack, settings: &Settings) {
    let heard = onsets(&samples(track));
    let expected = expected_onsets(session, track, settings);
    assert!(!expected.is_empty());
    assert_eq!(
        heard.len(),
        expected.len(),
        "heard {heard:?}\nplanned {expected:?}"
    );
    for (heard, planned) in heard.iter().zip(&expected) {
        assert!(
            (heard - planned).abs() <= TOLERANCE_MS,
            "an onset at {heard:.1} ms, planned at {planned:.1} ms"
        );
    }
}

/// Box breathing's 4-second phases give many breath tones to listen for; it paces the
/// work steps here because they are marked as rests (work steps never hold the breath).
fn two_sided() -> kneadtime_core::routine::Routine {
    let rest = |side, secs| kneadtime_core::routine::Step {
        technique: kneadtime_core::routine::Technique::Rest,
        ..step(side, secs)
    };
    routine(vec![
        rest(Side::Both, 30),
        rest(Side::None, 40),
        rest(Side::Left, 20),
    ])
}

fn screen_off() -> Settings {
    Settings {
        background_sound: true,
        ..Settings::default()
    }
}

#[test]
fn a_fresh_session_sounds_every_cue_where_the_engine_plans_it() {
    let mut session = Session::new(&two_sided(), Timing::default());
    session.start(T0);
    let settings = screen_off();
    let track = render(&session, T0, &settings).expect("running");
    let total = session.state_at(T0).routine_total_ms;
    assert_eq!(
        track.timing.length_ms,
        total + TAIL_MS,
        "the rest of the session and the last motif"
    );
    assert_eq!(
        track.wav.len(),
        44 + (track.timing.length_ms as f64 * f64::from(SAMPLE_RATE) / 1000.0).round() as usize
    );
    assert!(!track.timing.continues);
    assert_heard_as_planned(&session, &track, &settings);
    // The motifs tell the cues apart: the switch-sides cue is three notes, the end four.
    assert!(track
        .cues
        .iter()
        .any(|(_, kind)| matches!(kind, kneadtime_core::session::CueKind::SwitchSides { .. })));
}

#[test]
fn after_a_pause_a_skip_and_a_step_back_the_track_follows_the_engine() {
    let settings = screen_off();
    let mut session = Session::new(&two_sided(), Timing::default());
    session.start(T0);
    session.pause(T0 + 12_000);
    // Paused: nothing plays.
    assert_eq!(render(&session, T0 + 20_000, &settings), None);
    session.resume(T0 + 95_000);
    let resumed = render(&session, T0 + 95_000, &settings).unwrap();
    assert_heard_as_planned(&session, &resumed, &settings);
    session.skip(T0 + 100_000);
    let skipped = render(&session, T0 + 100_000, &settings).unwrap();
    assert!(skipped.timing.length_ms < resumed.timing.length_ms);
    assert_heard_as_planned(&session, &skipped, &settings);
    session.back(T0 + 101_234);
    let back = render(&session, T0 + 101_234, &settings).unwrap();
    assert_heard_as_planned(&session, &back, &settings);
    assert_eq!(
        back.timing.length_ms,
        session.state_at(T0 + 101_234).routine_remaining_ms + TAIL_MS
    );
}

#[test]
fn without_screen_off_mode_the_track_is_the_cues_over_silence_and_follows_the_settings() {
    let mut session = Session::new(&two_sided(), Timing::default());
    session.start(T0);
    let quiet = Settings::default();
    let track = render(&session, T0 + 3_000, &quiet).unwrap();
    assert_heard_as_planned(&session, &track, &quiet);
    // Breath tones, when asked for, are cues like the others.
    let breathing = Settings {
        breath_tones: true,
        ..screen_off()
    };
    let with_breath = render(&session, T0 + 3_000, &breathing).unwrap();
    assert!(with_breath.cues.len() > track.cues.len() + 10);
    assert_heard_as_planned(&session, &with_breath, &breathing);
    // Sound off: the background alone, and no onset anywhere.
    let no_tones = Settings {
        sound: false,
        ..screen_off()
    };
    let background = render(&session, T0 + 3_000, &no_tones).unwrap();
    assert!(background.cues.is_empty());
    assert_eq!(onsets(&samples(&background)), Vec::<f64>::new());
    assert!(
        samples(&background).iter().any(|sample| sample.abs() > 0.02),
        "the background is there"
    );
}

#[test]
fn twenty_minutes_fit_in_sixteen_megabytes_and_longer_sessions_come_in_windows() {
    let settings = screen_off();
    // Every built-in, and a 25-minute routine of 70-second two-sided steps.
    for routine in builtin_routines(&english()) {
        let mut session = Session::new(&routine, Timing::default());
        session.start(T0);
        let track = render(&session, T0, &settings).unwrap();
        let minutes = track.timing.length_ms as f64 / 60_000.0;
        assert!(
            track.wav.len() as f64 <= 16e6 * minutes / 20.0 + 100.0,
            "{}: {} bytes for {minutes:.1} min",
            routine.id,
            track.wav.len()
        );
    }
    let long = routine((0..10).map(|_| step(Side::Both, 70)).collect());
    let mut session = Session::new(&long, Timing::default());
    session.start(T0);
    let first = render(&session, T0, &settings).unwrap();
    assert!(first.timing.continues);
    assert_eq!(first.timing.length_ms, WINDOW_MS);
    assert!(first.wav.len() <= 16_000_000, "{} bytes", first.wav.len());
    assert_heard_as_planned(&session, &first, &settings);
    // The next window picks up where the engine is.
    let next = render(&session, first.timing.ends_at_ms() - 60_000, &settings).unwrap();
    assert!(!next.timing.continues);
    assert_heard_as_planned(&session, &next, &settings);
}

#[test]
fn re_seeking_keeps_the_track_within_50_ms_of_the_engine_over_twenty_minutes() {
    let mut session = Session::new(
        &routine((0..10).map(|_| step(Side::Both, 55)).collect()),
        Timing::default(),
    );
    session.start(T0);
    let track = render(&session, T0, &Settings::default()).unwrap();
    // Audio clocks run a little fast or slow against the wall clock (±200 ppm is far
    // worse than real hardware); the player checks every second while the page shows
    // and at least once a minute while hidden (Chrome's slowest timer for a hidden tab).
    for ppm in [-200.0, -50.0, 0.0, 80.0, 200.0] {
        for check_every_ms in [1_000u64, 60_000] {
            let mut position = 0.0f64;
            let mut worst = 0.0f64;
            let mut now = T0;
            while now < T0 + 20 * 60_000 {
                now += 100;
                position += 100.0 * (1.0 + ppm / 1e6);
                worst = worst.max(((now - T0) as f64 - position).abs());
                if (now - T0).is_multiple_of(check_every_ms) {
                    if let Some(to) = reseek(&track.timing, now, position) {
                        position = to;
                    }
                }
            }
            assert!(
                worst <= 50.0,
                "{ppm} ppm, checked every {check_every_ms} ms: {worst:.1} ms off"
            );
        }
    }
    // Within the tolerance nothing moves; past the end there is nothing to seek to.
    assert_eq!(reseek(&track.timing, T0 + 10_000, 10_015.0), None);
    assert_eq!(reseek(&track.timing, T0 + 10_000, 10_030.0), Some(10_000.0));
    assert_eq!(reseek(&track.timing, track.timing.ends_at_ms() + 1, 0.0), None);
}
