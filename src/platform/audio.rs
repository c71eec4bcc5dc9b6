//! Cue tones made with the Web Audio API and scheduled ahead on its clock.
//!
//! Timers in a hidden tab are throttled or frozen, but an `AudioContext` keeps
//! its own clock running, so tones queued on it sound on time with the screen
//! locked. The caller maps its clock to the audio clock at scheduling time and
//! cancels every pending tone whenever the plan changes.

use wasm_bindgen::JsValue;
use web_sys::{AudioContext, AudioContextState, GainNode, OscillatorNode, OscillatorType};

use super::{has_property, navigator};
use kneadtime_core::cues::Note;

/// Attack of each note, in seconds: soft enough not to click.
const ATTACK_S: f64 = 0.02;
/// Gain of a note at full volume: cues should be heard, not startle.
const NOTE_PEAK: f32 = 0.35;

/// One cue's notes, queued on the audio clock.
struct QueuedTone {
    /// When its last note ends, on the caller's clock.
    ends_at_ms: u64,
    starts_at_ms: u64,
    voices: Vec<(OscillatorNode, GainNode)>,
}

/// Plays and schedules cue tones. Silent until [`CuePlayer::unlock`] runs in a user gesture.
#[derive(Default)]
pub struct CuePlayer {
    context: Option<AudioContext>,
    output: Option<GainNode>,
    queued: Vec<QueuedTone>,
}

impl CuePlayer {
    /// Create (or wake) the audio context. Browsers only allow sound after a
    /// user gesture, so this runs in the start tap.
    pub fn unlock(&mut self, volume_percent: u8) {
        if self.context.is_none() {
            let Ok(context) = AudioContext::new() else { return };
            let Ok(output) = context.create_gain() else { return };
            if output.connect_with_audio_node(&context.destination()).is_err() {
                return;
            }
            self.context = Some(context);
            self.output = Some(output);
        }
        self.set_volume(volume_percent);
        self.wake();
    }

    /// Resume a context the browser suspended (iOS does when the screen locks).
    pub fn wake(&self) {
        if let Some(context) = &self.context {
            if context.state() != AudioContextState::Running {
                let _ = context.resume();
            }
        }
    }

    /// Whether the start tap has created the audio context.
    pub fn is_unlocked(&self) -> bool {
        self.context.is_some()
    }

    /// Whether the audio clock is running (sound can be heard).
    pub fn is_running(&self) -> bool {
        self.context
            .as_ref()
            .is_some_and(|context| context.state() == AudioContextState::Running)
    }

    pub fn set_volume(&self, percent: u8) {
        if let Some(output) = &self.output {
            output.gain().set_value(f32::from(percent.min(100)) / 100.0);
        }
    }

    /// Queue `notes` to start at `at_ms` on the caller's clock, where the caller's clock reads `now_ms` now.
    /// A tone already due is played at once; one more than a moment late is skipped.
    pub fn schedule(&mut self, at_ms: u64, notes: &[Note], now_ms: u64) {
        let (Some(context), Some(output)) = (&self.context, &self.output) else {
            return;
        };
        if notes.is_empty() || at_ms + 250 < now_ms {
            return;
        }
        let start = context.current_time() + at_ms.saturating_sub(now_ms) as f64 / 1000.0;
        let voices = notes
            .iter()
            .filter_map(|note| play_note(context, output, note, start))
            .collect();
        let length_ms = notes
            .iter()
            .map(|note| u64::from(note.offset_ms + note.duration_ms))
            .max()
            .unwrap_or(0);
        self.queued.push(QueuedTone {
            starts_at_ms: at_ms,
            ends_at_ms: at_ms + length_ms,
            voices,
        });
    }

    /// Cancel every tone due at or after `now_ms` and forget finished ones.
    pub fn cancel_pending(&mut self, now_ms: u64) {
        self.queued.retain(|tone| {
            if tone.starts_at_ms >= now_ms {
                for (oscillator, gain) in &tone.voices {
                    // A stop time before the start time means the note never sounds.
                    let _ = oscillator.stop_with_when(0.0);
                    gain.disconnect().ok();
                }
                false
            } else {
                tone.ends_at_ms > now_ms
            }
        });
    }

    /// Tell iOS Safari how these sounds mix with other apps' audio: `"ambient"`
    /// mixes with the person's own music; `"playback"` keeps sounding with the
    /// screen locked. Other browsers have no such switch and ignore it.
    pub fn set_audio_session(kind: &str) {
        let navigator = navigator();
        if !has_property(&navigator, "audioSession") {
            return;
        }
        if let Ok(session) = js_sys::Reflect::get(&navigator, &JsValue::from_str("audioSession")) {
            let _ = js_sys::Reflect::set(&session, &JsValue::from_str("type"), &JsValue::from_str(kind));
        }
    }
}

/// One enveloped sine note on the audio clock, starting `note.offset_ms` after `start`.
fn play_note(
    context: &AudioContext,
    output: &GainNode,
    note: &Note,
    start: f64,
) -> Option<(OscillatorNode, GainNode)> {
    let oscillator = context.create_oscillator().ok()?;
    let gain = context.create_gain().ok()?;
    oscillator.set_type(OscillatorType::Sine);
    let begin = start + f64::from(note.offset_ms) / 1000.0;
    let end = begin + f64::from(note.duration_ms.max(40)) / 1000.0;
    let frequency = oscillator.frequency();
    frequency.set_value_at_time(note.start_hz, begin).ok()?;
    if note.end_hz != note.start_hz {
        frequency
            .exponential_ramp_to_value_at_time(note.end_hz, end)
            .ok()?;
    }
    let envelope = gain.gain();
    envelope.set_value_at_time(0.0, begin).ok()?;
    envelope
        .linear_ramp_to_value_at_time(NOTE_PEAK * note.gain.clamp(0.0, 1.0), begin + ATTACK_S)
        .ok()?;
    envelope.exponential_ramp_to_value_at_time(0.0001, end).ok()?;
    oscillator.connect_with_audio_node(&gain).ok()?;
    gain.connect_with_audio_node(output).ok()?;
    oscillator.start_with_when(begin).ok()?;
    oscillator.stop_with_when(end + 0.05).ok()?;
    Some((oscillator, gain))
}
