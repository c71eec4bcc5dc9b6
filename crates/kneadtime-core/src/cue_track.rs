//! The cue track: the rest of a running session as one sound file, the background
//! sound with every cue tone mixed in at the instant the engine plans it.
//!
//! A locked iPhone suspends Web Audio (where the player schedules its tones) while a
//! plain `<audio>` element keeps playing, so with the screen off the player plays this
//! track instead: the cues then sound even when no script runs. The motifs are the
//! foreground tones of `cues::tone`, so a person learns one set.
//!
//! Format: mono 8-bit PCM WAV at [`SAMPLE_RATE`] Hz. Twenty minutes take 13.2 MB
//! (the budget is 16 MB); a longer session is rendered [`WINDOW_MS`] at a time, the
//! next window before the current one ends.

use crate::cues::{channels, tone, Note};
use crate::session::{CueKind, Session, Status};
use crate::settings::Settings;
use crate::soundscape::{soft_noise, wav_header};

/// 11,025 samples a second: the highest cue note (C6, 1,047 Hz) and its 10 ms attack stay
/// clean, and 20 minutes fit in 13.2 MB at 8 bits.
pub const SAMPLE_RATE: u32 = 11_025;
/// The longest stretch rendered at once.
pub const WINDOW_MS: u64 = 20 * 60_000;
/// After the last cue, room for its motif to ring out.
pub const TAIL_MS: u64 = 1_500;
/// A note reaches its peak this long after its onset (the foreground tones' attack too).
pub const ATTACK_MS: f32 = 10.0;
/// Peak of a cue note at full volume and gain 1, as a share of full scale: well above
/// the background, for a phone's small speaker.
const TONE_PEAK: f32 = 0.75;
/// The background's share of its own volume setting (its noise peaks at 0.3 of full scale).
const BACKGROUND_SHARE: f32 = 0.5;
/// The background loop: long enough not to be heard repeating.
const LOOP_SECONDS: u32 = 8;
const LOOP_SEED: u64 = 0x6b6e_6561_6474_696d;
/// Samples mixed at a time: the track is written straight into its 8-bit bytes, so
/// rendering holds one such block of floating-point samples, not the whole track.
const BLOCK: usize = 4_096;
/// When the track and the engine disagree by more than this, the player re-seeks.
pub const DRIFT_TOLERANCE_MS: f64 = 20.0;

/// A rendered stretch of a running session.
#[derive(Debug, Clone, PartialEq)]
pub struct CueTrack {
    /// The WAV file.
    pub wav: Vec<u8>,
    pub timing: TrackTiming,
    /// The cues mixed in, on the engine's clock, in time order.
    pub cues: Vec<(u64, CueKind)>,
}

/// Where a track sits on the engine's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrackTiming {
    /// The engine's clock when the first sample plays.
    pub starts_at_ms: u64,
    /// How long the file plays.
    pub length_ms: u64,
    /// The session goes on after this window: render the next one before it ends.
    pub continues: bool,
}

impl TrackTiming {
    /// The engine's clock when this track's sound runs out.
    pub fn ends_at_ms(&self) -> u64 {
        self.starts_at_ms + self.length_ms
    }
}

/// The track for the rest of `session` from `now_ms` (at most [`WINDOW_MS`] of it), with
/// the cues `settings` sound and the background sound if screen-off mode is on. `None`
/// unless the session is running.
pub fn render(session: &Session, now_ms: u64, settings: &Settings) -> Option<CueTrack> {
    let state = session.state_at(now_ms);
    if state.status != Status::Running {
        return None;
    }
    let remaining = state.routine_remaining_ms;
    let continues = remaining > WINDOW_MS;
    let window = remaining.min(WINDOW_MS);
    let length_ms = if continues { window } else { window + TAIL_MS };
    // The finish cue falls exactly at the window's end: include it.
    let cues: Vec<(u64, CueKind)> = session
        .planned_cues(now_ms, now_ms + window + 1)
        .into_iter()
        .filter(|cue| channels(cue.kind, settings).sound)
        .map(|cue| (cue.at_ms, cue.kind))
        .collect();
    let tone_level = TONE_PEAK * f32::from(settings.volume.min(100)) / 100.0;
    let notes: Vec<Voice> = cues
        .iter()
        .flat_map(|(at_ms, kind)| {
            let offset_ms = at_ms - now_ms;
            tone(*kind)
                .iter()
                .map(move |note| Voice::new(note, offset_ms, tone_level))
        })
        .collect();
    let background = settings.background_sound.then(|| {
        let level = BACKGROUND_SHARE * f32::from(settings.background_volume.min(100)) / 100.0;
        soft_noise(LOOP_SECONDS, SAMPLE_RATE, LOOP_SEED)
            .into_iter()
            .map(|sample| sample * level)
            .collect::<Vec<f32>>()
    });
    let frames = ms_to_samples(length_ms as f64);
    Some(CueTrack {
        wav: mix(frames, &notes, background.as_deref()),
        timing: TrackTiming {
            starts_at_ms: now_ms,
            length_ms,
            continues,
        },
        cues,
    })
}

/// Where the track should play from (ms into it) when the engine's clock reads `now_ms`
/// and the track is at `position_ms`: `None` while the two agree within
/// [`DRIFT_TOLERANCE_MS`]. The audio clock and the engine's wall clock run at slightly
/// different rates; the player asks on every tick and when the page shows again.
pub fn reseek(track: &TrackTiming, now_ms: u64, position_ms: f64) -> Option<f64> {
    let expected = now_ms.saturating_sub(track.starts_at_ms) as f64;
    if expected >= track.length_ms as f64 {
        return None;
    }
    ((expected - position_ms).abs() > DRIFT_TOLERANCE_MS).then_some(expected)
}

fn ms_to_samples(ms: f64) -> usize {
    (ms * f64::from(SAMPLE_RATE) / 1000.0).round() as usize
}

/// One note of a motif, placed in the track.
struct Voice {
    start: usize,
    length: usize,
    start_hz: f32,
    end_hz: f32,
    peak: f32,
}

impl Voice {
    fn new(note: &Note, cue_offset_ms: u64, level: f32) -> Self {
        Voice {
            start: ms_to_samples((cue_offset_ms + u64::from(note.offset_ms)) as f64),
            // As the foreground tones: at least 40 ms.
            length: ms_to_samples(f64::from(note.duration_ms.max(40))),
            start_hz: note.start_hz,
            end_hz: note.end_hz,
            peak: level * note.gain.clamp(0.0, 1.0),
        }
    }

    /// The note's sample `i` samples after its onset: a sine gliding exponentially from
    /// its start to its end pitch, rising linearly over [`ATTACK_MS`], then falling
    /// exponentially to silence at its end, like the foreground tones' envelope.
    fn sample(&self, i: usize) -> f32 {
        let rate = SAMPLE_RATE as f32;
        let t = i as f32 / rate;
        let length = self.length as f32 / rate;
        let ratio = self.end_hz / self.start_hz;
        let phase = if (ratio - 1.0).abs() < 1e-6 {
            self.start_hz * t
        } else {
            // The integral of start·ratio^(t/length).
            self.start_hz * length * (ratio.powf(t / length) - 1.0) / ratio.ln()
        };
        let attack = ATTACK_MS / 1000.0;
        let envelope = if t < attack {
            t / attack
        } else {
            (0.0001f32).powf((t - attack) / (length - attack).max(1e-3))
        };
        self.peak * envelope * (std::f32::consts::TAU * phase).sin()
    }
}

/// The WAV file of `frames` samples: the background loop (if any) with the notes added.
fn mix(frames: usize, notes: &[Voice], background: Option<&[f32]>) -> Vec<u8> {
    let mut wav = wav_header(frames as u32, SAMPLE_RATE, 8);
    let mut block = vec![0f32; BLOCK];
    let mut from = 0;
    while from < frames {
        let to = (from + BLOCK).min(frames);
        let block = &mut block[..to - from];
        match background {
            Some(noise) if !noise.is_empty() => {
                for (offset, sample) in block.iter_mut().enumerate() {
                    *sample = noise[(from + offset) % noise.len()];
                }
            }
            _ => block.fill(0.0),
        }
        for note in notes
            .iter()
            .filter(|note| note.start < to && note.start + note.length > from)
        {
            let first = note.start.max(from);
            let last = (note.start + note.length).min(to);
            for index in first..last {
                block[index - from] += note.sample(index - note.start);
            }
        }
        // Unsigned 8-bit samples, silence at 128.
        wav.extend(
            block
                .iter()
                .map(|sample| (sample.clamp(-1.0, 1.0) * 127.0).round() as i16 + 128)
                .map(|byte| byte as u8),
        );
        from = to;
    }
    wav
}
