//! Screen Wake Lock: keeps the phone's screen on while a session runs.
//!
//! The browser drops the lock whenever the page is hidden, so the player asks
//! again each time the page becomes visible.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{WakeLockSentinel, WakeLockType};

use super::{has_property, navigator};

/// What the screen is doing, for the hint the player shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WakeLockStatus {
    /// Not asked for (no session running).
    Idle,
    /// The screen stays on.
    Held,
    /// This browser has no wake lock.
    Unsupported,
    /// The browser refused (battery saver, permissions).
    Refused,
}

/// The app's one screen wake lock.
#[derive(Clone, Default)]
pub struct ScreenWakeLock {
    sentinel: Rc<RefCell<Option<WakeLockSentinel>>>,
    /// Bumped on every acquire and release, so a late answer to an old request is dropped.
    generation: Rc<RefCell<u64>>,
}

impl ScreenWakeLock {
    /// Ask to keep the screen on; `on_status` hears how it went.
    pub fn acquire(&self, on_status: impl Fn(WakeLockStatus) + 'static) {
        let navigator = navigator();
        if !has_property(&navigator, "wakeLock") {
            on_status(WakeLockStatus::Unsupported);
            return;
        }
        if self
            .sentinel
            .borrow()
            .as_ref()
            .is_some_and(|held| !held.released())
        {
            on_status(WakeLockStatus::Held);
            return;
        }
        let generation = self.bump();
        let request = navigator.wake_lock().request(WakeLockType::Screen);
        let this = self.clone();
        spawn_local(async move {
            let answer = JsFuture::from(request).await;
            let current = *this.generation.borrow() == generation;
            // The promise resolves with a sentinel by specification.
            match answer
                .ok()
                .filter(|value| value.is_object())
                .map(|value| value.unchecked_into::<WakeLockSentinel>())
            {
                Some(sentinel) if current => {
                    *this.sentinel.borrow_mut() = Some(sentinel);
                    on_status(WakeLockStatus::Held);
                }
                // Released (paused) while the request was pending.
                Some(sentinel) => {
                    let _ = sentinel.release();
                }
                None if current => on_status(WakeLockStatus::Refused),
                None => {}
            }
        });
    }

    /// Let the screen sleep again.
    pub fn release(&self) {
        self.bump();
        if let Some(sentinel) = self.sentinel.borrow_mut().take() {
            let _ = sentinel.release();
        }
    }

    fn bump(&self) -> u64 {
        let mut generation = self.generation.borrow_mut();
        *generation += 1;
        *generation
    }
}
