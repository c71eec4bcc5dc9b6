//! Spoken cues with `speechSynthesis`, in the page's language.
//!
//! Every utterance carries the active locale's tag, and only voices of that
//! language are offered or used ([`kneadtime_core::cues::voices_for`]): a voice
//! chosen while the app was in another language is passed over, not made to read
//! words it cannot pronounce.

use leptos::prelude::window;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use super::i18n::locale;
use super::{has_property, listen};
use kneadtime_core::cues::{voice_to_use, voices_for};

fn synth() -> Option<SpeechSynthesis> {
    has_property(&window(), "speechSynthesis")
        .then(|| window().speech_synthesis().ok())
        .flatten()
}

/// The browser's voices with their `(name, lang, local)`. Read through property access,
/// so a test can stand in a list of plain objects.
fn voices(synth: &SpeechSynthesis) -> Vec<(SpeechSynthesisVoice, String, String, bool)> {
    synth
        .get_voices()
        .into_iter()
        .map(|voice| {
            let voice = voice.unchecked_into::<SpeechSynthesisVoice>();
            let (name, lang, local) = (voice.name(), voice.lang(), voice.local_service());
            (voice, name, lang, local)
        })
        .collect()
}

/// Whether there is a voice for the page's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoiceFound {
    Yes,
    /// The device lists voices, none of them for this language (or cannot speak at all).
    No,
    /// The device lists no voices yet: some browsers load them a moment after the page.
    NotYetKnown,
}

pub fn is_supported() -> bool {
    synth().is_some()
}

/// Names of the voices for the page's language, best first (may be empty until they load).
pub fn voice_names() -> Vec<String> {
    let Some(synth) = synth() else { return Vec::new() };
    let voices = voices(&synth);
    let listed: Vec<(&str, &str, bool)> = voices
        .iter()
        .map(|(_, name, lang, local)| (name.as_str(), lang.as_str(), *local))
        .collect();
    voices_for(locale(), &listed)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The voice to speak the page's language with: `preferred` if it is one of this
/// language's, else the best of them.
fn voice(synth: &SpeechSynthesis, preferred: Option<&str>) -> (Option<SpeechSynthesisVoice>, VoiceFound) {
    let voices = voices(synth);
    if voices.is_empty() {
        return (None, VoiceFound::NotYetKnown);
    }
    let listed: Vec<(&str, &str, bool)> = voices
        .iter()
        .map(|(_, name, lang, local)| (name.as_str(), lang.as_str(), *local))
        .collect();
    let chosen = voice_to_use(locale(), &listed, preferred).map(str::to_string);
    match chosen.and_then(|name| voices.into_iter().find(|(_, listed, ..)| *listed == name)) {
        Some((voice, ..)) => (Some(voice), VoiceFound::Yes),
        None => (None, VoiceFound::No),
    }
}

/// The name of the voice `speak` would use for the page's language.
pub fn voice_name_to_use(preferred: Option<&str>) -> Option<String> {
    synth()
        .and_then(|synth| voice(&synth, preferred).0)
        .map(|voice| voice.name())
}

/// Calls `on_change` when the browser's voice list loads or changes, until the owner is cleaned up.
pub fn on_voices_changed(on_change: impl Fn() + 'static) {
    if let Some(synth) = synth() {
        listen(&synth, "voiceschanged", move |_| on_change());
    }
}

/// An utterance of `text` in the page's language.
pub fn utterance(text: &str, rate_percent: u16, volume_percent: u8) -> Option<SpeechSynthesisUtterance> {
    let utterance = SpeechSynthesisUtterance::new_with_text(text).ok()?;
    utterance.set_lang(locale().tag());
    utterance.set_rate(f32::from(rate_percent) / 100.0);
    utterance.set_volume(f32::from(volume_percent.min(100)) / 100.0);
    Some(utterance)
}

/// Say `text` in the page's language after anything already queued, with
/// `voice_name` if it speaks that language. Says whether the device has a voice
/// for it: without one the browser may read the words in another language's
/// voice, or not at all.
pub fn speak(text: &str, voice_name: Option<&str>, rate_percent: u16, volume_percent: u8) -> VoiceFound {
    let Some(synth) = synth() else {
        return VoiceFound::No;
    };
    let (voice, found) = voice(&synth, voice_name);
    if let Some(utterance) = utterance(text, rate_percent, volume_percent) {
        if let Some(voice) = voice {
            utterance.set_voice(Some(&voice));
        }
        synth.speak(&utterance);
    }
    found
}

/// iOS only speaks later if something was spoken in a user gesture: say nothing, quietly.
pub fn unlock() {
    if let (Some(synth), Some(utterance)) = (synth(), utterance("", 100, 0)) {
        synth.speak(&utterance);
    }
}

/// Stop speaking and drop the queue (on pause, skip or end: old news).
pub fn cancel() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
}
