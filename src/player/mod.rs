//! The live session: the engine, a clock and the outputs, glued with signals.
//!
//! The view never counts time. It asks the engine for the state at "now", and
//! "now" is refreshed exactly when something on screen would change
//! ([`SessionState::next_change_in_ms`]), so a paused session costs nothing
//! and a tab that wakes from a long sleep shows the right step at once.
//!
//! Everything it takes from the app (the clock, the settings, the history) comes in
//! through [`PlayerInputs`], so a test can drive a player alone on a fake clock.

mod outputs;

use std::rc::Rc;

use leptos::prelude::*;

use crate::platform::clock::{on_visibility_change, TimeoutSlot};
use crate::platform::i18n::texts;
use crate::platform::storage;
use crate::platform::wake_lock::WakeLockStatus;
use kneadtime_core::history::History;
use kneadtime_core::plan::Timing;
use kneadtime_core::routine::Routine;
use kneadtime_core::saved_session::SavedSession;
use kneadtime_core::session::{Session, SessionState, SessionSummary, Status};
use kneadtime_core::settings::Settings;
use kneadtime_core::wording;
use outputs::Outputs;

/// A hidden tab sleeps longer than this before we greet the person on return.
const WELCOME_BACK_AFTER_MS: u64 = 5_000;

/// "Now" in milliseconds, read whenever the player needs the time.
pub type Clock = Rc<dyn Fn() -> u64>;

/// What a player takes from the app.
#[derive(Clone)]
pub struct PlayerInputs {
    /// The clock the session runs on: the wall clock in the app (so a saved session
    /// resumes at the right point after a reload), a fake one in tests.
    pub clock: Clock,
    /// The person's settings; sound, voice and volume follow changes made mid-session.
    pub settings: Signal<Settings>,
    /// Set while the session runs or is paused, so no update reloads the page under it.
    pub session_active: WriteSignal<bool>,
    /// The history in which this run's record is rated.
    pub history: RwSignal<History>,
    /// Adds an ended session to the history; returns its record's id.
    pub record: Callback<EndedSession, String>,
}

/// A session that has ended, as the history records it.
#[derive(Debug, Clone, PartialEq)]
pub struct EndedSession {
    /// The routine as played.
    pub routine: Routine,
    /// When the run was started, on the player's clock.
    pub started_at_ms: u64,
    pub summary: SessionSummary,
    /// The 0–10 rating given before starting.
    pub pain_before: Option<u8>,
}

/// Handle to the session being played; `Copy`, so views and handlers share it freely.
#[derive(Clone, Copy)]
pub struct Player {
    /// The routine as played (settings such as a breathing override applied).
    routine: StoredValue<Routine>,
    timing: StoredValue<Timing>,
    session: RwSignal<Session>,
    now: RwSignal<u64>,
    /// Everything true at `now`.
    pub state: Memo<SessionState>,
    /// Cues are announced up to (not including) this time.
    heard_until: StoredValue<u64>,
    /// When the page was last hidden, if it is hidden.
    hidden_since: StoredValue<Option<u64>>,
    outputs: Outputs,
    /// Text for the screen-reader live region.
    pub announcement: RwSignal<String>,
    /// A message for the person: resumed, welcome back, sound suspended.
    pub notice: RwSignal<Option<String>>,
    pub wake_lock: RwSignal<WakeLockStatus>,
    /// Wall-clock start of this run, for the history.
    started_at: StoredValue<u64>,
    /// The 0–10 rating given before starting.
    pub pain_before: RwSignal<Option<u8>>,
    /// The history record of this run, once it has ended.
    pub record_id: RwSignal<Option<String>>,
    history: RwSignal<History>,
    record: Callback<EndedSession, String>,
    clock: StoredValue<Clock, LocalStorage>,
}

impl Player {
    /// A player for `routine` (as played), ready to start. Call inside the component that
    /// shows it: its timers and listeners last as long as that owner.
    pub fn new(routine: Routine, timing: Timing, inputs: PlayerInputs) -> Self {
        let session = Session::new(&routine, timing);
        Self::build(
            SavedSession {
                routine,
                timing,
                session,
                started_at_ms: 0,
                pain_before: None,
            },
            inputs,
        )
    }

    /// A player picking up a session saved on an earlier visit.
    pub fn pick_up(saved: SavedSession, inputs: PlayerInputs) -> Self {
        Self::build(saved, inputs)
    }

    fn build(saved: SavedSession, inputs: PlayerInputs) -> Self {
        let SavedSession {
            routine,
            timing,
            session,
            started_at_ms,
            pain_before,
        } = saved;
        let PlayerInputs {
            clock,
            settings,
            session_active,
            history,
            record,
        } = inputs;
        let now = RwSignal::new(clock());
        let session = RwSignal::new(session);
        let state = Memo::new(move |_| session.with(|session| session.state_at(now.get())));
        let player = Player {
            routine: StoredValue::new(routine),
            timing: StoredValue::new(timing),
            session,
            now,
            state,
            heard_until: StoredValue::new(now.get_untracked()),
            hidden_since: StoredValue::new(None),
            outputs: Outputs::new(settings),
            announcement: RwSignal::new(String::new()),
            notice: RwSignal::new(None),
            wake_lock: RwSignal::new(WakeLockStatus::Idle),
            started_at: StoredValue::new(started_at_ms),
            pain_before: RwSignal::new(pain_before),
            record_id: RwSignal::new(None),
            history,
            record,
            clock: StoredValue::new_local(clock),
        };
        player.run_clock();
        player.guard_against_updates(session_active);
        player.follow_visibility();
        player.outputs.register_media_controls(player);
        player.outputs.follow_segments(player);
        player.outputs.follow_settings(player);
        if session.with_untracked(|session| session.status() != Status::Ready) {
            player.refresh_outputs(now.get_untracked());
        }
        player
    }

    /// The time now, on the player's clock.
    fn read_clock(&self) -> u64 {
        self.clock.with_value(|clock| clock())
    }

    /// The clock reading the current state was computed at.
    pub fn now(&self) -> Signal<u64> {
        self.now.into()
    }

    pub fn routine(&self) -> Routine {
        self.routine.get_value()
    }

    pub fn with_routine<T>(&self, f: impl FnOnce(&Routine) -> T) -> T {
        self.routine.with_value(f)
    }

    pub fn summary(&self) -> SessionSummary {
        self.session.with(|session| session.summary(self.now.get()))
    }

    /// Start playing: this runs in the start tap, which also unlocks sound and speech.
    pub fn start(&self) {
        self.outputs.unlock();
        self.started_at.set_value(self.read_clock());
        self.apply(|session, t| session.start(t));
    }

    pub fn toggle_pause(&self) {
        match self.state.get_untracked().status {
            Status::Running => self.pause(),
            Status::Paused => self.resume(),
            Status::Ready => self.start(),
            Status::Finished => {}
        }
    }

    /// Lock-screen play and pause: go to the asked-for state (the buttons may repeat).
    pub fn toggle_pause_to(&self, playing: bool) {
        match (self.state.get_untracked().status, playing) {
            (Status::Ready, true) => self.start(),
            (Status::Paused, true) => self.resume(),
            (Status::Running, false) => self.pause(),
            _ => {}
        }
    }

    pub fn pause(&self) {
        self.apply(|session, t| session.pause(t));
    }

    pub fn resume(&self) {
        self.outputs.unlock();
        self.apply(|session, t| session.resume(t));
    }

    pub fn skip(&self) {
        self.apply(|session, t| session.skip(t));
    }

    pub fn back(&self) {
        self.apply(|session, t| session.back(t));
    }

    pub fn restart_step(&self) {
        self.apply(|session, t| session.restart_step(t));
    }

    pub fn end(&self) {
        self.apply(|session, t| session.end(t));
    }

    /// Start again from the first step with the same routine and timing.
    pub fn play_again(&self) {
        let fresh = self
            .routine
            .with_value(|routine| Session::new(routine, self.timing.get_value()));
        self.session.set(fresh);
        self.record_id.set(None);
        self.pain_before.set(None);
        self.start();
    }

    /// Record the ended session in the history (once).
    fn record(&self) {
        if self.record_id.get_untracked().is_some() {
            return;
        }
        let summary = self
            .session
            .with_untracked(|session| session.summary(self.now.get_untracked()));
        let id = self.record.run(EndedSession {
            routine: self.routine.get_value(),
            started_at_ms: self.started_at.get_value(),
            summary,
            pain_before: self.pain_before.get_untracked(),
        });
        self.record_id.set(Some(id));
    }

    /// Add the after-session rating and note to this run's record.
    pub fn rate_after(&self, pain_after: Option<u8>, note: String) {
        let Some(id) = self.record_id.get_untracked() else {
            return;
        };
        self.history
            .update(|history| history.rate(&id, pain_after, &note));
    }

    /// Run one session operation at "now", then bring every output in line.
    fn apply(&self, operation: impl FnOnce(&mut Session, u64)) {
        let t = self.read_clock();
        self.session.update(|session| operation(session, t));
        self.outputs.cancel_speech();
        self.now.set(t);
        // Cues of the old plan are moot; the cue of the segment the operation lands on
        // is due at `t` exactly: say it now.
        self.heard_until.set_value(t);
        self.hear(t + 1);
        self.refresh_outputs(t);
    }

    /// Persist the session and re-plan sound, wake lock, background sound and lock-screen state.
    fn refresh_outputs(&self, t: u64) {
        let status = self.state.get_untracked().status;
        self.save(status);
        self.outputs.replan_tones(*self, t);
        self.outputs.follow_status(*self, status);
    }

    fn save(&self, status: Status) {
        if matches!(status, Status::Ready | Status::Finished) {
            storage::clear::<SavedSession>();
            return;
        }
        let saved = SavedSession {
            routine: self.routine.get_value(),
            timing: self.timing.get_value(),
            session: self.session.get_untracked(),
            started_at_ms: self.started_at.get_value(),
            pain_before: self.pain_before.get_untracked(),
        };
        // A session that cannot be saved still plays; only a reload would lose it.
        let _ = storage::save(&saved);
    }

    /// Announce (voice, vibration, live region) the cues that came due since the last call, up to `t1`.
    /// After a long sleep the engine keeps only the current ones.
    fn hear(&self, t1: u64) {
        let from = self.heard_until.get_value();
        if t1 <= from {
            return;
        }
        self.heard_until.set_value(t1);
        let cues = self
            .session
            .with_untracked(|session| session.cues_between(from, t1));
        for cue in cues {
            self.outputs.announce(*self, cue);
        }
    }

    /// Refresh "now" whenever the display would next change, announce what came due, and keep
    /// the audio plan ahead of the clock. Nothing runs while paused.
    fn run_clock(&self) {
        let ticker = TimeoutSlot::new();
        let player = *self;
        Effect::new(move |_| {
            let t = player.now.get();
            let state = player.state.get();
            player.hear(t + 1);
            player.outputs.extend_tones(player, t);
            match state.next_change_in_ms() {
                Some(delay) => ticker.set(delay, move || player.now.set(player.read_clock())),
                None => ticker.clear(),
            }
            if state.status == Status::Finished {
                player.finish_outputs();
            }
        });
    }

    fn finish_outputs(&self) {
        storage::clear::<SavedSession>();
        self.record();
        self.outputs.follow_status(*self, Status::Finished);
    }

    /// Tell the app a session is under way, so no update reloads the page under it.
    fn guard_against_updates(&self, active: WriteSignal<bool>) {
        let state = self.state;
        Effect::new(move |_| active.set(state.with(|state| state.status.is_active())));
        on_cleanup(move || active.set(false));
    }

    /// A hidden tab may be throttled or frozen: plan tones far ahead when hidden, and on
    /// return catch up at once, announce only what is current, and say what happened.
    fn follow_visibility(&self) {
        let player = *self;
        on_visibility_change(move |visible| {
            let t = player.read_clock();
            if !visible {
                player.hidden_since.set_value(Some(t));
                player.outputs.replan_tones(player, t);
                return;
            }
            let hidden_since = player.hidden_since.get_value();
            player.hidden_since.set_value(None);
            let sound_was_suspended = player.outputs.sound_suspended();
            player.outputs.wake_sound();
            player.now.set(t);
            if player.state.get_untracked().status == Status::Running {
                player.refresh_outputs(t);
                if hidden_since.is_some_and(|since| t.saturating_sub(since) >= WELCOME_BACK_AFTER_MS) {
                    player.notice.set(Some(wording::welcome_back(
                        &player.where_now(),
                        sound_was_suspended,
                    )));
                }
            }
        });
    }

    /// Where the session is now, in words, for notices.
    pub fn where_now(&self) -> String {
        let state = self.state.get_untracked();
        self.routine
            .with_value(|routine| wording::where_now(&texts(), routine, &state))
    }
}

/// The session an earlier visit left running or paused, if any. One that cannot be
/// read is set aside (never silently lost) and its problem returned as a message.
pub fn saved_session() -> Result<Option<SavedSession>, String> {
    storage::open_optional::<SavedSession>()
}
