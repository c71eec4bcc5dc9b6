//! Time and timers.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// Milliseconds since the epoch: the clock the session engine runs on.
///
/// Wall-clock time keeps counting across reloads, so a saved session resumes
/// at the right point; the engine treats a clock that steps back as "no time passed".
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Minutes east of UTC here and now (so a session is dated on the person's own day).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// Today's date as a day number (days since 1970-01-01), where the person is.
pub fn today() -> i64 {
    kneadtime_core::calendar::local_day(now_ms(), utc_offset_minutes())
}

/// Whether the page is visible (not a background tab, not a locked screen).
pub fn page_visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}

/// Calls `on_change(visible)` whenever the page is hidden or shown again,
/// until the current owner is cleaned up.
pub fn on_visibility_change(on_change: impl Fn(bool) + 'static) {
    // `visibilitychange` bubbles from the document to the window.
    let handle = window_event_listener_untyped("visibilitychange", move |_| on_change(page_visible()));
    on_cleanup(move || handle.remove());
}

/// Holds at most one pending timeout, cancelled when replaced or when the
/// owner that created the slot is cleaned up.
#[derive(Clone, Copy)]
pub struct TimeoutSlot(StoredValue<Option<Timeout>, LocalStorage>);

impl TimeoutSlot {
    pub fn new() -> Self {
        let slot = StoredValue::new_local(None);
        on_cleanup(move || {
            slot.try_set_value(None);
        });
        Self(slot)
    }

    /// Run `callback` after `delay_ms`, cancelling whatever was pending.
    pub fn set(&self, delay_ms: u64, callback: impl FnOnce() + 'static) {
        let delay = u32::try_from(delay_ms).unwrap_or(u32::MAX);
        self.0.try_set_value(Some(Timeout::new(delay, callback)));
    }

    pub fn clear(&self) {
        self.0.try_set_value(None);
    }
}

impl Default for TimeoutSlot {
    fn default() -> Self {
        Self::new()
    }
}

/// Runs `callback` once the page has settled: a second after now, at the browser's next
/// idle moment (right away where it cannot tell). Nothing runs if the current owner is
/// cleaned up first. The delay keeps work such as prefetching out of the way of what the
/// first screen still loads.
pub fn when_idle(callback: impl FnOnce() + 'static) {
    if !super::in_browser() {
        return;
    }
    use wasm_bindgen::{closure::Closure, JsCast};

    // Gone when the owner is cleaned up: an idle callback that comes later does nothing.
    // (The callback is not cancelled by handle: web-sys reads the handle as a u32, and
    // fake clocks in tests hand out larger ones, so a cancel could miss.)
    let alive = StoredValue::new(());
    let settle = TimeoutSlot::new();
    settle.set(1000, move || {
        let window = window();
        if !super::has_property(&window, "requestIdleCallback") {
            return callback();
        }
        // Owned by the browser until it runs, once.
        let idle = Closure::once_into_js(move || {
            if alive.try_get_value().is_some() {
                callback();
            }
        });
        let _ = window.request_idle_callback(idle.unchecked_ref());
    });
}
