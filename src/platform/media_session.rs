//! Media Session: the lock-screen and notification controls.
//!
//! With screen-off mode playing a background sound, the phone shows the
//! routine on the lock screen; its play, pause, next and previous buttons
//! drive the session.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    MediaMetadata, MediaMetadataInit, MediaPositionState, MediaSession, MediaSessionAction,
    MediaSessionActionDetails, MediaSessionPlaybackState,
};

/// What the browser calls an action handler.
type ActionHandler = Closure<dyn Fn(MediaSessionActionDetails)>;

use super::{has_property, navigator};

fn media_session() -> Option<MediaSession> {
    let navigator = navigator();
    has_property(&navigator, "mediaSession").then(|| navigator.media_session())
}

/// The session's controls, as the lock screen offers them.
pub struct MediaActions {
    pub play: Box<dyn Fn()>,
    pub pause: Box<dyn Fn()>,
    pub next: Box<dyn Fn()>,
    pub previous: Box<dyn Fn()>,
}

/// Registered action handlers; they are unregistered when this is dropped.
pub struct MediaControls {
    handlers: Vec<(MediaSessionAction, ActionHandler)>,
}

impl MediaControls {
    pub fn register(actions: MediaActions) -> Self {
        let handlers = vec![
            (MediaSessionAction::Play, actions.play),
            (MediaSessionAction::Pause, actions.pause),
            (MediaSessionAction::Nexttrack, actions.next),
            (MediaSessionAction::Previoustrack, actions.previous),
        ]
        .into_iter()
        .map(|(action, handler)| {
            let closure: ActionHandler = Closure::new(move |_: MediaSessionActionDetails| handler());
            (action, closure)
        })
        .collect::<Vec<_>>();
        if let Some(session) = media_session() {
            for (action, closure) in &handlers {
                session.set_action_handler(*action, Some(closure.as_ref().unchecked_ref()));
            }
        }
        Self { handlers }
    }
}

impl Drop for MediaControls {
    fn drop(&mut self) {
        if let Some(session) = media_session() {
            for (action, _) in &self.handlers {
                session.set_action_handler(*action, None);
            }
            session.set_metadata(None);
            session.set_playback_state(MediaSessionPlaybackState::None);
        }
    }
}

/// What the lock screen shows: the current step as the title, the routine as the album.
pub fn set_metadata(title: &str, artist: &str, album: &str) {
    let Some(session) = media_session() else { return };
    let init = MediaMetadataInit::new();
    init.set_title(title);
    init.set_artist(artist);
    init.set_album(album);
    if let Ok(metadata) = MediaMetadata::new_with_init(&init) {
        session.set_metadata(Some(&metadata));
    }
}

pub fn set_playing(playing: bool) {
    if let Some(session) = media_session() {
        session.set_playback_state(if playing {
            MediaSessionPlaybackState::Playing
        } else {
            MediaSessionPlaybackState::Paused
        });
    }
}

/// Where the session is on the routine's timeline, for the lock screen's progress bar.
/// (Paused shows through the playback state: a rate of 0 is an error.)
pub fn set_position(duration_ms: u64, position_ms: u64) {
    let Some(session) = media_session() else { return };
    let state = MediaPositionState::new();
    state.set_duration(duration_ms as f64 / 1000.0);
    state.set_position(position_ms.min(duration_ms) as f64 / 1000.0);
    state.set_playback_rate(1.0);
    session.set_position_state_with_state(&state);
}
