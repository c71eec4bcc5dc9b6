//! State shared by every page: routines, the person's own routines, settings.

use leptos::prelude::*;

use crate::domain::library::builtin_routines;
use crate::domain::my_routines::{self, Provenance, SavedRoutine};
use crate::domain::routine::Routine;
use crate::domain::settings::{Settings, Theme};
use crate::platform::pwa::InstallOption;
use crate::platform::storage::{self, keys};
use wasm_bindgen::JsValue;

/// State shared by every page, provided once as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The built-in routines.
    pub routines: RwSignal<Vec<Routine>>,
    /// Routines made here or received by link, saved in localStorage whenever they change.
    pub my_routines: RwSignal<Vec<SavedRoutine>>,
    /// A routine opened from a link and not saved (yet): playable all the same.
    pub received: RwSignal<Option<Routine>>,
    /// Why stored routines could not all be read, if they could not.
    pub routines_problem: RwSignal<Option<String>>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// A session is running or paused: no reload may interrupt it.
    pub session_active: RwSignal<bool>,
    /// How the app can be installed here.
    pub install: RwSignal<InstallOption>,
    /// The browser's install prompt, kept until the person asks for it.
    pub install_prompt: StoredValue<Option<JsValue>, LocalStorage>,
    /// The person's settings, saved in localStorage whenever they change.
    pub settings: RwSignal<Settings>,
    /// Why stored settings could not be used as they were, if they could not.
    pub settings_problem: RwSignal<Option<String>>,
}

impl AppState {
    pub fn new() -> Self {
        let (settings, problem) = load_settings();
        let (mine, routines_problem) = load_my_routines();
        Self {
            routines: RwSignal::new(builtin_routines()),
            my_routines: RwSignal::new(mine),
            received: RwSignal::new(None),
            routines_problem: RwSignal::new(routines_problem),
            update_ready: RwSignal::new(false),
            session_active: RwSignal::new(false),
            install: RwSignal::new(InstallOption::None),
            install_prompt: StoredValue::new_local(None),
            settings: RwSignal::new(settings),
            settings_problem: RwSignal::new(problem),
        }
    }

    /// The routine with this id: the person's own first, then the built-ins, then one just received.
    pub fn routine(&self, id: &str) -> Option<Routine> {
        self.my_routine(id)
            .map(|saved| saved.routine)
            .or_else(|| {
                self.routines
                    .with(|routines| routines.iter().find(|routine| routine.id == id).cloned())
            })
            .or_else(|| self.received.get().filter(|routine| routine.id == id))
    }

    /// The person's saved routine with this id.
    pub fn my_routine(&self, id: &str) -> Option<SavedRoutine> {
        self.my_routines
            .with(|mine| mine.iter().find(|saved| saved.routine.id == id).cloned())
    }

    /// Save (or replace) one of the person's routines.
    pub fn save_routine(&self, routine: Routine, provenance: Provenance) {
        self.my_routines
            .update(|mine| my_routines::upsert(mine, routine, provenance));
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// Stored settings, or the defaults with a message saying why. A stored value that
/// needed repair is set aside first, so saving the repaired settings loses nothing.
fn load_settings() -> (Settings, Option<String>) {
    let Some(raw) = storage::read(keys::SETTINGS) else {
        return (Settings::default(), None);
    };
    let load = Settings::from_json(&raw);
    if load.problem.is_some() {
        storage::set_aside(keys::SETTINGS, &raw);
    }
    (load.settings, load.problem.map(|problem| problem.message()))
}

/// Saved routines, with a message if some could not be read (those are kept in a backup).
fn load_my_routines() -> (Vec<SavedRoutine>, Option<String>) {
    let Some(raw) = storage::read(keys::MY_ROUTINES) else {
        return (Vec::new(), None);
    };
    let load = my_routines::from_json(&raw);
    if load.whole_list_unreadable || load.unreadable > 0 {
        storage::set_aside(keys::MY_ROUTINES, &raw);
    }
    let problem = if load.whole_list_unreadable {
        Some("Your saved routines could not be read. They are kept in a backup on this device.".to_string())
    } else if load.unreadable > 0 {
        Some(format!(
            "{} saved routine(s) could not be read and are kept in a backup; the others are here.",
            load.unreadable
        ))
    } else {
        None
    };
    (load.routines, problem)
}

/// Save settings and routines on every change, and apply the chosen theme to the page.
pub(crate) fn persist(state: AppState) {
    let mine = state.my_routines;
    Effect::new(move |previous: Option<()>| {
        let json = mine.with(|mine| my_routines::to_json(mine));
        // The first run only reads what was loaded; writing it back could hide a backup's reason.
        if previous.is_some() {
            storage::write(keys::MY_ROUTINES, &json);
        }
    });
    let settings = state.settings;
    Effect::new(move |_| {
        let settings = settings.get();
        storage::write(keys::SETTINGS, &settings.to_json());
        if let Some(root) = document().document_element() {
            let _ = match settings.theme {
                Theme::System => root.remove_attribute("data-theme"),
                Theme::Light => root.set_attribute("data-theme", "light"),
                Theme::Dark => root.set_attribute("data-theme", "dark"),
            };
        }
    });
}

/// The state provided by [`App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
