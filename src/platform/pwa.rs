//! Installing and updating the app: the service worker and the install prompt.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

use super::{has_property, listen, navigator};

/// The worker script written by `scripts/post-build.mjs`.
const WORKER: &str = "/sw.js";

/// Register the service worker; `on_update_ready` runs when a new version is installed and waiting.
/// The new version only takes over when [`apply_update`] is called.
pub fn register_service_worker(on_update_ready: impl Fn() + Clone + 'static) {
    if !has_property(&navigator(), "serviceWorker") {
        return;
    }
    let owner = Owner::current();
    let container = navigator().service_worker();
    spawn_local(async move {
        // Blocked or stubbed registration (some privacy settings) resolves to nothing usable.
        let Some(registration) = JsFuture::from(container.register(WORKER))
            .await
            .ok()
            .and_then(|registration| registration.dyn_into::<ServiceWorkerRegistration>().ok())
        else {
            return;
        };
        let run = move || {
            let has_controller = navigator().service_worker().controller().is_some();
            // Without a controller this is the first install, not an update.
            if registration.waiting().is_some() && has_controller {
                on_update_ready();
            }
            let watch = {
                let registration = registration.clone();
                let on_update_ready = on_update_ready.clone();
                move |_| {
                    if let Some(worker) = registration.installing() {
                        let on_update_ready = on_update_ready.clone();
                        let installing = worker.clone();
                        listen(&worker, "statechange", move |_| {
                            if installing.state() == ServiceWorkerState::Installed
                                && navigator().service_worker().controller().is_some()
                            {
                                on_update_ready();
                            }
                        });
                    }
                }
            };
            listen(&registration, "updatefound", watch);
        };
        match owner {
            Some(owner) => owner.with(run),
            None => run(),
        }
    });
}

/// Switch to the waiting version and reload once it controls the page.
pub fn apply_update() {
    if !has_property(&navigator(), "serviceWorker") {
        return;
    }
    let container = navigator().service_worker();
    listen(&container, "controllerchange", |_| {
        let _ = window().location().reload();
    });
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let waiting: Option<ServiceWorker> = registration
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|registration| registration.waiting());
        if let Some(worker) = waiting {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            let _ = worker.post_message(&message);
        }
    });
}

/// How this browser lets the person install the app, if it is not installed already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstallOption {
    /// Installed, or no way to install from here.
    None,
    /// The browser offered a prompt (`beforeinstallprompt`): an Install button can show it.
    Prompt,
    /// iOS Safari: Share, then Add to Home Screen.
    AddToHomeScreen,
}

/// Whether the app runs installed (in its own window).
pub fn is_standalone() -> bool {
    window()
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Follow how the app can be installed; keeps the browser's prompt for [`prompt_install`].
pub fn follow_install_option(
    option: RwSignal<InstallOption>,
    prompt: StoredValue<Option<JsValue>, LocalStorage>,
) {
    if is_standalone() {
        return;
    }
    let agent = navigator().user_agent().unwrap_or_default();
    if agent.contains("iPhone") || agent.contains("iPad") {
        option.set(InstallOption::AddToHomeScreen);
    }
    listen(&window(), "beforeinstallprompt", move |event| {
        // Keep the browser from showing its own bar; the app offers a button instead.
        event.prevent_default();
        prompt.set_value(Some(event.into()));
        option.set(InstallOption::Prompt);
    });
    listen(&window(), "appinstalled", move |_| {
        prompt.set_value(None);
        option.set(InstallOption::None);
    });
}

/// Show the browser's install prompt kept by [`follow_install_option`].
pub fn prompt_install(prompt: StoredValue<Option<JsValue>, LocalStorage>) {
    let Some(event) = prompt.get_value() else { return };
    if let Ok(show) = js_sys::Reflect::get(&event, &"prompt".into()) {
        if let Some(show) = show.dyn_ref::<js_sys::Function>() {
            let _ = show.call0(&event);
        }
    }
}

/// The longest the app waits for the static shell's first paint before starting anyway.
const SHELL_PAINT_WAIT_MS: u32 = 1_000;

/// Runs `start` once the static shell is on screen (the page's first contentful paint).
///
/// Where the wasm arrives before the browser's first paint (a fast network, a warm cache)
/// the app would otherwise replace the shell unseen, and its own identical intro would
/// become the page's Largest Contentful Paint, which then waits on the wasm. Starting a
/// frame later costs nothing a person notices. Runs as soon as the observer reports the
/// paint (at once if it came before), at once on a hidden page (which does not paint),
/// and after 1 s at the latest.
/// This runs once, before the app has an owner: the observer disconnects itself, and
/// the fallback timeout finds nothing left to start.
pub fn after_shell_painted(start: impl FnOnce() + 'static) {
    if !super::clock::page_visible() {
        return start();
    }
    let pending = Rc::new(Cell::new(Some(start)));
    let run = move || {
        if let Some(start) = pending.take() {
            start();
        }
    };
    // The entries come from the observer, not from `performance.getEntries*`, which
    // fake clocks (tests) replace with empty lists; `buffered` delivers a paint that
    // happened before this script ran.
    let on_paint = {
        let run = run.clone();
        Closure::<dyn FnMut(web_sys::PerformanceObserverEntryList, web_sys::PerformanceObserver)>::new(
            move |entries: web_sys::PerformanceObserverEntryList, observer: web_sys::PerformanceObserver| {
                if entries.get_entries_by_name("first-contentful-paint").length() > 0 {
                    observer.disconnect();
                    run();
                }
            },
        )
    };
    let Ok(observer) = web_sys::PerformanceObserver::new(on_paint.as_ref().unchecked_ref()) else {
        return run();
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"paint".into());
    let _ = js_sys::Reflect::set(&options, &"buffered".into(), &true.into());
    observer.observe(options.unchecked_ref());
    on_paint.forget();
    gloo_timers::callback::Timeout::new(SHELL_PAINT_WAIT_MS, run).forget();
}

/// Takes down the static shell index.html paints while the wasm loads (a header, the
/// home intro, "Opening Kneadtime…"), so the app's own view replaces it in the same frame.
pub fn remove_static_shell() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(shell) = document.get_element_by_id("app-shell") {
        shell.remove();
    }
    if let Some(root) = document.document_element() {
        let _ = root.remove_attribute("data-shell");
    }
}
