//! Where cues and session state leave the app: tones, speech, vibration, the
//! live region, the wake lock, the cue track and the lock screen.
//!
//! Tones play through Web Audio while the page shows; in screen-off mode, and whenever
//! a running session's page is hidden, they play instead in the cue track (the rest
//! of the session rendered as one sound file), which a locked phone keeps playing.

use leptos::prelude::*;

use super::Player;
use crate::platform::audio::CuePlayer;
use crate::platform::clock::page_visible;
use crate::platform::i18n::texts;
use crate::platform::media_session::{self, MediaActions, MediaControls};
use crate::platform::track_audio::TrackAudio;
use crate::platform::wake_lock::{ScreenWakeLock, WakeLockStatus};
use crate::platform::{speech, vibration};
use kneadtime_core::cue_track::{self, reseek};
use kneadtime_core::cues::{announcement, channels, spoken, tone, vibration};
use kneadtime_core::plan::SegmentKind;
use kneadtime_core::session::{Cue, Status};
use kneadtime_core::settings::Settings;
use kneadtime_core::wording::{segment_title, worked_place};

/// How far ahead tones are queued on the audio clock while the page is visible…
const VISIBLE_HORIZON_MS: u64 = 120_000;
/// The next window of a long session's cue track is rendered this long before the
/// current one ends.
const NEXT_WINDOW_MS: u64 = 60_000;

/// The browser-side devices, owned by the player page.
#[derive(Default)]
struct Devices {
    tones: CuePlayer,
    /// Tones are queued up to this time on the app clock.
    planned_until: u64,
    wake_lock: ScreenWakeLock,
    /// The cue track's `<audio>` element, made in the start tap.
    track: Option<TrackAudio>,
    media: Option<MediaControls>,
}

#[derive(Clone, Copy)]
pub(super) struct Outputs {
    devices: StoredValue<Devices, LocalStorage>,
    settings: Signal<Settings>,
}

impl Outputs {
    pub(super) fn new(settings: Signal<Settings>) -> Self {
        let devices = StoredValue::new_local(Devices::default());
        on_cleanup(move || {
            // Silence everything queued and let go of the screen and the lock screen.
            devices.try_update_value(|devices| {
                devices.tones.cancel_pending(0);
                devices.wake_lock.release();
                devices.track = None;
                devices.media = None;
            });
            speech::cancel();
        });
        Self { devices, settings }
    }

    fn settings(&self) -> Settings {
        self.settings.get_untracked()
    }

    /// In the start tap: create the audio context, prime speech, and make the cue track's element.
    pub(super) fn unlock(&self) {
        let settings = self.settings();
        CuePlayer::set_audio_session(if settings.background_sound {
            "playback"
        } else {
            "ambient"
        });
        self.devices.update_value(|devices| {
            devices.tones.unlock(settings.volume);
            if devices.track.is_none() {
                devices.track = TrackAudio::new();
            }
        });
        if settings.voice {
            speech::unlock();
        }
    }

    pub(super) fn cancel_speech(&self) {
        speech::cancel();
    }

    /// Say, vibrate and announce one cue (its tone is already queued on the audio clock).
    /// The first time the device turns out to have no voice for the language, the
    /// live region says so after the cue.
    pub(super) fn announce(&self, player: Player, cue: Cue) {
        let settings = self.settings();
        let wanted = channels(cue.kind, &settings);
        let texts = texts();
        player.with_routine(|routine| {
            let mut no_voice = None;
            if wanted.voice {
                if let Some(text) = spoken(cue.kind, routine, &texts) {
                    let found = speech::speak(
                        &text,
                        settings.voice_name.as_deref(),
                        settings.voice_rate_percent,
                        settings.volume,
                    );
                    no_voice = player.check_voice(found);
                }
            }
            let said = announcement(cue.kind, routine, &texts);
            let said = match (said, no_voice) {
                (Some(said), Some(notice)) => Some(format!("{said} {notice}")),
                (said, notice) => said.or(notice),
            };
            if let Some(text) = said {
                player.announcement.set(text);
            }
        });
        if wanted.vibration {
            vibration::vibrate(vibration(cue.kind));
        }
    }

    /// Whether tones play in the cue track rather than through Web Audio: while the
    /// session runs, in screen-off mode or with the page hidden.
    fn track_wanted(&self, player: Player) -> bool {
        let settings = self.settings();
        player.state.get_untracked().status == Status::Running
            && (settings.background_sound || (settings.sound && !page_visible()))
    }

    /// Drop every queued tone from `t` on and plan afresh (the plan changed): the cue
    /// track rendered from `t`, or Web Audio tones.
    pub(super) fn replan_tones(&self, player: Player, t: u64) {
        let track = self.track_wanted(player).then(|| {
            let settings = self.settings();
            player
                .session
                .with_untracked(|session| cue_track::render(session, t, &settings))
        });
        self.devices.update_value(|devices| {
            devices.tones.cancel_pending(t);
            devices.planned_until = t;
            if let Some(audio) = &mut devices.track {
                match track.flatten() {
                    Some(track) => audio.play(track, 0.0),
                    None => audio.stop(),
                }
            }
        });
        self.extend_tones(player, t);
    }

    /// Keep the sound a step ahead of `t` while the session runs: the cue track in time
    /// with the engine (and its next window rendered in time), or Web Audio tones queued
    /// a horizon ahead.
    pub(super) fn extend_tones(&self, player: Player, t: u64) {
        if player.state.get_untracked().status != Status::Running {
            return;
        }
        let playing = self
            .devices
            .with_value(|devices| devices.track.as_ref().and_then(TrackAudio::loaded));
        if let Some(timing) = playing {
            if timing.continues && t + NEXT_WINDOW_MS >= timing.ends_at_ms() {
                self.replan_tones(player, t);
                return;
            }
            self.devices.with_value(|devices| {
                if let Some(audio) = &devices.track {
                    if let Some(to) = reseek(&timing, t, audio.position_ms()) {
                        audio.seek(to);
                    }
                }
            });
            return;
        }
        let horizon = VISIBLE_HORIZON_MS;
        let settings = self.settings();
        self.devices.update_value(|devices| {
            if devices.planned_until > t + horizon / 2 {
                return;
            }
            let from = devices.planned_until.max(t);
            let until = t + horizon;
            let cues = player
                .session
                .with_untracked(|session| session.planned_cues(from, until));
            for cue in cues.into_iter().filter(|cue| channels(cue.kind, &settings).sound) {
                devices.tones.schedule(cue.at_ms, tone(cue.kind), t);
            }
            devices.planned_until = until;
        });
    }

    /// Wake lock, cue track and lock-screen state for the session's status.
    pub(super) fn follow_status(&self, player: Player, status: Status) {
        let running = status == Status::Running;
        self.devices.update_value(|devices| {
            if running && page_visible() {
                devices
                    .wake_lock
                    .acquire(move |answer| player.wake_lock.set(answer));
            } else if !running {
                devices.wake_lock.release();
                player.wake_lock.set(WakeLockStatus::Idle);
            }
            if !running {
                if let Some(audio) = &mut devices.track {
                    audio.stop();
                }
            }
        });
        if status != Status::Ready {
            media_session::set_playing(running);
            let state = player.state.get_untracked();
            media_session::set_position(state.routine_total_ms, state.routine_elapsed_ms);
        }
    }

    /// Whether the browser cut sound that should be playing (iOS does on lock).
    pub(super) fn sound_suspended(&self) -> bool {
        let settings = self.settings();
        self.devices.with_value(|devices| {
            let tones_cut = settings.sound && devices.tones.is_unlocked() && !devices.tones.is_running();
            // While the cue track plays, the tones are in it: a suspended Web Audio cuts nothing.
            let track = devices.track.as_ref();
            let track_playing = track.and_then(TrackAudio::loaded).is_some();
            let track_cut = track.is_some_and(TrackAudio::is_cut);
            (tones_cut && !track_playing) || track_cut
        })
    }

    pub(super) fn wake_sound(&self) {
        self.devices.with_value(|devices| devices.tones.wake());
    }

    /// Lock-screen buttons drive the session.
    pub(super) fn register_media_controls(&self, player: Player) {
        let controls = MediaControls::register(MediaActions {
            play: Box::new(move || player.toggle_pause_to(true)),
            pause: Box::new(move || player.toggle_pause_to(false)),
            next: Box::new(move || player.skip()),
            previous: Box::new(move || player.back()),
        });
        self.devices
            .update_value(|devices| devices.media = Some(controls));
    }

    /// Lock-screen title follows the current step and side.
    pub(super) fn follow_segments(&self, player: Player) {
        let segment = Memo::new(move |_| {
            player.state.with(|state| {
                state
                    .current
                    .map(|current| (current.kind, current.step, current.side))
            })
        });
        Effect::new(move |_| {
            let Some((kind, step, side)) = segment.get() else {
                return;
            };
            let texts = texts();
            player.with_routine(|routine| {
                let Some(routine_step) = routine.steps.get(step) else {
                    return;
                };
                let technique = routine_step.technique;
                let what = match kind {
                    SegmentKind::GetReady => {
                        texts.fill("player.get_ready_for", &[("technique", technique.label(&texts))])
                    }
                    _ => segment_title(kind, technique, &texts).to_string(),
                };
                let title = format!("{what} · {}", worked_place(routine_step, side, &texts));
                let artist = texts.fill(
                    "player.step_of",
                    &[
                        ("step", &(step + 1).to_string()),
                        ("count", &routine.steps.len().to_string()),
                    ],
                );
                media_session::set_metadata(&title, &artist, &routine.title);
            });
            let state = player.state.get_untracked();
            media_session::set_position(state.routine_total_ms, state.routine_elapsed_ms);
        });
    }

    /// Follow settings changed mid-session: volume, sound and screen-off mode (the cue
    /// track is rendered again with them).
    pub(super) fn follow_settings(&self, player: Player) {
        let settings = self.settings;
        let outputs = *self;
        Effect::new(move |_| {
            let settings = settings.get();
            outputs
                .devices
                .update_value(|devices| devices.tones.set_volume(settings.volume));
            let t = player.read_clock();
            outputs.replan_tones(player, t);
            outputs.follow_status(player, player.state.get_untracked().status);
        });
    }
}
