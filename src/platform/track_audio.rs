//! The `<audio>` element that plays the cue track (`kneadtime_core::cue_track`): in
//! screen-off mode, and whenever a running session's page is hidden.
//!
//! A page that is playing media keeps running with the phone locked (Chrome does not
//! throttle audible tabs), the lock screen shows the Media Session controls, and on a
//! locked iPhone the element keeps playing where Web Audio is suspended. The track is
//! generated here, so nothing is downloaded.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Blob, BlobPropertyBag, HtmlAudioElement, Url};

use kneadtime_core::cue_track::{CueTrack, TrackTiming};
use kneadtime_core::soundscape::wav_header;

/// The element, and the blob URL of what it plays.
pub struct TrackAudio {
    audio: HtmlAudioElement,
    url: Option<String>,
    /// Where the track playing sits on the engine's clock.
    loaded: Option<TrackTiming>,
}

impl TrackAudio {
    /// Made in the start tap: playing a moment of silence there lets a later track play
    /// without a tap (iOS asks for a gesture once per element).
    pub fn new() -> Option<Self> {
        let audio = HtmlAudioElement::new().ok()?;
        let mut made = Self {
            audio,
            url: None,
            loaded: None,
        };
        let mut silence = wav_header(800, 8_000, 8);
        silence.resize(44 + 800, 128);
        made.set_source(&silence)?;
        made.start();
        let _ = made.audio.pause();
        Some(made)
    }

    /// Play `track` from where the engine is now (`position_ms` into it). The samples
    /// are copied to the browser and dropped here.
    pub fn play(&mut self, mut track: CueTrack, position_ms: f64) {
        // The samples go to the browser once; the app keeps only the timing.
        let wav = std::mem::take(&mut track.wav);
        if self.set_source(&wav).is_none() {
            return;
        }
        self.loaded = Some(track.timing);
        self.audio.set_volume(1.0);
        self.audio.set_current_time(position_ms / 1000.0);
        self.start();
    }

    /// Stop playing and forget the track (the page shows again, or the session paused).
    pub fn stop(&mut self) {
        let _ = self.audio.pause();
        self.loaded = None;
    }

    /// The track playing, if any.
    pub fn loaded(&self) -> Option<TrackTiming> {
        self.loaded.filter(|_| !self.audio.paused())
    }

    /// How far into the track the element is, in ms.
    pub fn position_ms(&self) -> f64 {
        self.audio.current_time() * 1000.0
    }

    pub fn seek(&self, position_ms: f64) {
        self.audio.set_current_time(position_ms / 1000.0);
    }

    /// Whether a track should be sounding but the browser stopped it.
    pub fn is_cut(&self) -> bool {
        self.loaded.is_some() && self.audio.paused()
    }

    fn set_source(&mut self, wav: &[u8]) -> Option<()> {
        let bytes = js_sys::Uint8Array::from(wav);
        let parts = js_sys::Array::of1(&bytes);
        let options = BlobPropertyBag::new();
        options.set_type("audio/wav");
        let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        self.audio.set_src(&url);
        if let Some(old) = self.url.replace(url) {
            let _ = Url::revoke_object_url(&old);
        }
        Some(())
    }

    fn start(&self) {
        // A refused play() (no gesture yet) only means silence.
        if let Ok(promise) = self.audio.play() {
            spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    }
}

impl Drop for TrackAudio {
    fn drop(&mut self) {
        let _ = self.audio.pause();
        if let Some(url) = self.url.take() {
            let _ = Url::revoke_object_url(&url);
        }
    }
}
