//! The application shell: shared state, routes and page frame.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::site_header::SiteHeader;
use crate::domain::library::builtin_routines;
use crate::domain::routine::Routine;
use crate::pages::{home::HomePage, not_found::NotFoundPage, routine::RoutinePage};

/// State shared by every page, provided once as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every routine the person can play: the built-ins for now.
    pub routines: RwSignal<Vec<Routine>>,
}

impl AppState {
    pub fn new() -> Self {
        Self {
            routines: RwSignal::new(builtin_routines()),
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

/// The state provided by [`App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(AppState::new());
    view! {
        <Title formatter=|page: String| if page.is_empty() { "Kneadtime".to_string() } else { format!("{page} · Kneadtime") } />
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader />
            <main id="main" class="page" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/routine/:id") view=RoutinePage />
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
