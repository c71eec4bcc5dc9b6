//! The browser at the edge: thin adapters for the clock, storage, sound, speech,
//! vibration, the screen wake lock and the lock-screen media controls. They
//! carry out decisions; the core and the pages make them. Each one degrades
//! to doing nothing where the browser lacks the API.

pub mod audio;
pub mod clock;
pub mod files;
pub mod i18n;
pub mod media_session;
pub mod pwa;
pub mod screen;
pub mod share;
pub mod shell;
pub mod speech;
pub mod storage;
pub mod track_audio;
pub mod vibration;
pub mod wake_lock;

use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::EventTarget;

/// Whether a browser runs this code: not while the release build prerenders first screens
/// natively (`src/bin/prerender.rs`), where every browser call would panic. The adapters
/// that run while a first screen renders then do nothing.
fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}

/// Whether `object` has a property `name` (feature detection without exceptions).
fn has_property(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::has(object, &JsValue::from_str(name)).unwrap_or(false)
}

/// The page's navigator.
fn navigator() -> web_sys::Navigator {
    leptos::prelude::window().navigator()
}

/// Calls `handler` for each `event` on `target` until the current owner is cleaned up
/// (for the life of the page when called outside an owner).
fn listen(target: &EventTarget, event: &'static str, handler: impl Fn(web_sys::Event) + 'static) {
    if !in_browser() {
        return;
    }
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    if target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    // Outside any owner (in an event handler, say) nothing would clean up: the listener
    // then stays for the life of the page.
    if leptos::prelude::Owner::current().is_none() {
        closure.forget();
        return;
    }
    // Cleanup may run on any thread in principle; in the browser it is this one.
    let registration = SendWrapper::new((target.clone(), closure));
    on_cleanup(move || {
        let (target, closure) = registration.take();
        let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    });
}
