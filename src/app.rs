//! The application shell: shared state, routes and page frame.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::site_header::SiteHeader;
use crate::domain::library::builtin_routines;
use crate::domain::routine::Routine;
use crate::domain::settings::{Settings, Theme};
use crate::pages::{
    home::HomePage, not_found::NotFoundPage, player::PlayerPage, routine::RoutinePage, settings::SettingsPage,
};
use crate::platform::storage::{self, keys};

/// State shared by every page, provided once as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every routine the person can play: the built-ins for now.
    pub routines: RwSignal<Vec<Routine>>,
    /// The person's settings, saved in localStorage whenever they change.
    pub settings: RwSignal<Settings>,
    /// Why stored settings could not be used as they were, if they could not.
    pub settings_problem: RwSignal<Option<String>>,
}

impl AppState {
    pub fn new() -> Self {
        let (settings, problem) = load_settings();
        Self {
            routines: RwSignal::new(builtin_routines()),
            settings: RwSignal::new(settings),
            settings_problem: RwSignal::new(problem),
        }
    }

    /// The routine with this id, if there is one.
    pub fn routine(&self, id: &str) -> Option<Routine> {
        self.routines
            .with(|routines| routines.iter().find(|routine| routine.id == id).cloned())
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

/// Save settings on every change and apply the chosen theme to the page.
fn persist_settings(settings: RwSignal<Settings>) {
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

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let state = AppState::new();
    provide_context(state);
    persist_settings(state.settings);
    view! {
        <Title formatter=|page: String| if page.is_empty() { "Kneadtime".to_string() } else { format!("{page} · Kneadtime") } />
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader />
            <main id="main" class="page" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/routine/:id") view=RoutinePage />
                    <Route path=path!("/routine/:id/play") view=PlayerPage />
                    <Route path=path!("/settings") view=SettingsPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "Kneadtime offers self-care guidance, not medical treatment. "
                    "Stop if pain is sharp, or you feel numbness or tingling, and see a professional if pain is severe, new or getting worse."
                </p>
            </footer>
        </Router>
    }
}
