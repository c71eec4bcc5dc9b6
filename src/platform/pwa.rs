//! Installing and updating the app: the service worker and the install prompt.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

use super::{has_property, listen, navigator};

/// The worker script written by `scripts/post-build.mjs`.
const WORKER: &str = "/sw.js";

/// Register the service worker; `on_update_ready` runs when a new version is installed and waiting.
/// The new version only takes over when [`apply_update`] is called.
pub fn register_service_worker(on_update_ready: impl Fn() + Clone + 'static) {
    if !super::in_browser() {
        return;
    }
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
    if !super::in_browser() {
        return;
    }
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
