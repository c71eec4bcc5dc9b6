//! Screen-off mode: a soft looping noise played through an `<audio>` element.
//!
//! A page that is playing media keeps running with the phone locked (Chrome
//! does not throttle audible tabs), and the lock screen shows the Media
//! Session controls. The sound is generated here, so nothing is downloaded.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Blob, BlobPropertyBag, HtmlAudioElement, Url};

use kneadtime_core::soundscape::soft_noise_wav;

const LOOP_SECONDS: u32 = 8;
const SAMPLE_RATE: u32 = 22_050;
const SEED: u64 = 0x6b6e_6561_6474_696d;

/// The looping background sound and the blob URL that feeds it.
pub struct BackgroundSound {
    audio: HtmlAudioElement,
    url: String,
}

impl BackgroundSound {
    pub fn new() -> Option<Self> {
        let wav = soft_noise_wav(LOOP_SECONDS, SAMPLE_RATE, SEED);
        let bytes = js_sys::Uint8Array::from(wav.as_slice());
        let parts = js_sys::Array::of1(&bytes);
        let options = BlobPropertyBag::new();
        options.set_type("audio/wav");
        let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let audio = HtmlAudioElement::new_with_src(&url).ok()?;
        audio.set_loop(true);
        Some(Self { audio, url })
    }

    /// Start (or keep) playing at `volume_percent`. Must first run in a user gesture.
    pub fn play(&self, volume_percent: u8) {
        self.audio.set_volume(f64::from(volume_percent.min(100)) / 100.0);
        if self.audio.paused() {
            // A refused play() (no gesture yet) only means silence.
            if let Ok(promise) = self.audio.play() {
                spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        }
    }

    pub fn pause(&self) {
        let _ = self.audio.pause();
    }

    /// Whether it is sounding (the browser may have paused it while locked).
    pub fn is_playing(&self) -> bool {
        !self.audio.paused()
    }
}

impl Drop for BackgroundSound {
    fn drop(&mut self) {
        let _ = self.audio.pause();
        let _ = Url::revoke_object_url(&self.url);
    }
}
