//! Spoken cues with `speechSynthesis`.

use leptos::prelude::window;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use super::{has_property, listen};

fn synth() -> Option<SpeechSynthesis> {
    has_property(&window(), "speechSynthesis")
        .then(|| window().speech_synthesis().ok())
        .flatten()
}

fn voices(synth: &SpeechSynthesis) -> impl Iterator<Item = SpeechSynthesisVoice> {
    synth
        .get_voices()
        .into_iter()
        .filter_map(|voice| voice.dyn_into::<SpeechSynthesisVoice>().ok())
}

pub fn is_supported() -> bool {
    synth().is_some()
}

/// Names of the voices the browser offers (may be empty until they load).
pub fn voice_names() -> Vec<String> {
    synth()
        .map(|synth| voices(&synth).map(|voice| voice.name()).collect())
        .unwrap_or_default()
}

/// Calls `on_change` when the browser's voice list loads or changes, until the owner is cleaned up.
pub fn on_voices_changed(on_change: impl Fn() + 'static) {
    if let Some(synth) = synth() {
        listen(&synth, "voiceschanged", move |_| on_change());
    }
}

/// Say `text` after anything already queued.
pub fn speak(text: &str, voice_name: Option<&str>, rate_percent: u16, volume_percent: u8) {
    let Some(synth) = synth() else { return };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    utterance.set_rate(f32::from(rate_percent) / 100.0);
    utterance.set_volume(f32::from(volume_percent.min(100)) / 100.0);
    if let Some(voice) = voice_name.and_then(|name| voices(&synth).find(|voice| voice.name() == name)) {
        utterance.set_voice(Some(&voice));
    }
    synth.speak(&utterance);
}

/// iOS only speaks later if something was spoken in a user gesture: say nothing, quietly.
pub fn unlock() {
    speak("", None, 100, 0);
}

/// Stop speaking and drop the queue (on pause, skip or end: old news).
pub fn cancel() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
}
