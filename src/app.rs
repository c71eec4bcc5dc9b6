//! The application shell: shared state, routes and page frame.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::icon::{Icon, IconName};
use crate::components::site_header::SiteHeader;
use crate::pages::lazy::{
    AboutRoute, BuilderRoute, HistoryRoute, MyProgramRoute, PlayerRoute, ProgramBuilderRoute,
    ReceivedProgramRoute, ReceivedRoute, RoutineRoute, SafetyRoute, SettingsRoute, SharedProgressRoute,
    WhereItHurtsRoute,
};
use crate::pages::{home::HomePage, not_found::NotFoundPage};
use crate::platform::clock::when_idle;
use crate::platform::i18n::{all_texts, t, tf};
use crate::platform::pwa::{apply_update, follow_install_option, register_service_worker};
use crate::platform::shell::{after_shell_painted, app_root, take_over_when_ready};
use crate::state::{follow_settings_elsewhere, record_session_finished_while_away};
use crate::state::{use_app_state, AppState};
use leptos_router::components::A;
use leptos_router::Lazy;
use std::any::Any;
use std::cell::RefCell;

use crate::platform::i18n::{browser_languages, fetch_catalog, set_texts};
use crate::platform::storage::stored_language;
use kneadtime_core::i18n::{Catalog, Locale};
// Not leptos::task::spawn_local: the texts load before Leptos (and its executor) starts.
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlElement;

thread_local! {
    /// The mounted app and the element it is in: replaced to re-render every view in a
    /// new language.
    static MOUNTED: RefCell<Option<(HtmlElement, Box<dyn Any>)>> = const { RefCell::new(None) };
}

/// Starts the app in place of the static page the HTML painted (platform::shell), once
/// that page is on screen and the person's language is loaded.
pub fn start() {
    let locale = stored_language()
        .unwrap_or_else(|| Locale::negotiate(browser_languages().iter().map(String::as_str)));
    spawn_local(async move {
        match load_texts(locale).await {
            Ok(catalog) => set_texts(catalog),
            Err(problem) => return show_start_problem(&problem),
        }
        after_shell_painted(|| {
            if let Some(root) = mount() {
                take_over_when_ready(root);
            }
        });
    });
}

/// Mounts the app in a new element at the end of the page, replacing (and so unmounting)
/// any app mounted before.
fn mount() -> Option<HtmlElement> {
    let root = app_root()?;
    MOUNTED.with(|mounted| {
        // The old app leaves the page before the new one arrives.
        if let Some((old_root, app)) = mounted.borrow_mut().take() {
            drop(app);
            old_root.remove();
        }
        let app = leptos::mount::mount_to(root.clone(), App);
        *mounted.borrow_mut() = Some((root.clone(), Box::new(app)));
    });
    Some(root)
}

/// A locale's texts, or English's when that locale's file cannot be had.
async fn load_texts(locale: Locale) -> Result<Catalog, String> {
    match fetch_catalog(locale).await {
        Ok(catalog) => Ok(catalog),
        Err(_) if locale != Locale::English => fetch_catalog(Locale::English).await,
        Err(problem) => Err(problem),
    }
}

/// Switches every view to `locale`: its texts load (from the service worker's cache
/// when offline), then the app renders again on the same page. The shared state calls
/// it when the chosen language changes.
fn switch_language(locale: Locale) {
    spawn_local(async move {
        if let Ok(catalog) = load_texts(locale).await {
            set_texts(catalog);
            drop(mount());
        }
    });
}

/// Without texts there is no app to show: the shell says so, in English.
fn show_start_problem(problem: &str) {
    leptos::logging::error!("Kneadtime could not start: {problem}");
    if let Some(status) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector("#app-shell .app-opening").ok().flatten())
    {
        status.set_text_content(Some(
            "Kneadtime could not load its texts. Check your connection and reload the page.",
        ));
    }
}

/// The app: every screen at its address, in the page frame.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let state = AppState::new(switch_language);
    provide_context(state);
    record_session_finished_while_away(state);
    follow_settings_elsewhere(state);
    register_service_worker(move || state.update_ready.set(true));
    follow_install_option(state.install, state.install_prompt);
    // Every other screen needs the rest of the texts: fetched while the person reads.
    when_idle(|| spawn_local(async { drop(all_texts().await) }));
    view! {
        <PageFrame>
            <StorageNotices />
            // Home and not-found are in the main module; every other screen loads its
            // own code when first opened (see pages::lazy).
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/routine/:id") view={Lazy::<RoutineRoute>::new()} />
                <Route path=path!("/routine/:id/play") view={Lazy::<PlayerRoute>::new()} />
                <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} />
                <Route path=path!("/r") view={Lazy::<ReceivedRoute>::new()} />
                <Route path=path!("/p") view={Lazy::<SharedProgressRoute>::new()} />
                <Route path=path!("/builder") view={Lazy::<BuilderRoute>::new()} />
                <Route path=path!("/builder/:id") view={Lazy::<BuilderRoute>::new()} />
                <Route path=path!("/program") view={Lazy::<ReceivedProgramRoute>::new()} />
                <Route path=path!("/my-program") view={Lazy::<MyProgramRoute>::new()} />
                <Route path=path!("/program-builder") view={Lazy::<ProgramBuilderRoute>::new()} />
                <Route path=path!("/history") view={Lazy::<HistoryRoute>::new()} />
                <Route path=path!("/safety") view={Lazy::<SafetyRoute>::new()} />
                <Route path=path!("/about") view={Lazy::<AboutRoute>::new()} />
                <Route path=path!("/where-it-hurts") view={Lazy::<WhereItHurtsRoute>::new()} />
            </Routes>
            <UpdatePrompt />
        </PageFrame>
    }
}

/// The frame alone, saying the app is on its way: what the HTML shows at an address
/// whose screen needs the person's data (prerendered by `src/bin/prerender.rs`).
#[component]
pub fn OpeningFrame() -> impl IntoView {
    provide_meta_context();
    view! {
        <PageFrame>
            <p class="app-opening" role="status">
                {t("app.opening")}
            </p>
        </PageFrame>
    }
}

/// Every page's frame: the title's form, the skip link, the header, the main area with
/// `children` and the footer.
#[component]
fn PageFrame(
    /// The main area's content.
    children: Children,
) -> impl IntoView {
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "Kneadtime".to_string() } else { tf("app.page_title", &[("page", &page)]) }
        } />
        <Router>
            <a class="skip-link" href="#main">
                {t("app.skip_link")}
            </a>
            <SiteHeader />
            <main id="main" class="page" tabindex="-1">
                {children()}
            </main>
            <footer class="site-footer">
                <p>{t("app.footer_disclaimer")}</p>
                <p class="site-footer__links">
                    <A href="/about">{t("app.about_link")}</A>
                </p>
            </footer>
        </Router>
    }
}

/// "Update available": shown when a new version waits, but never during a session.
#[component]
fn UpdatePrompt() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Show when=move || state.update_ready.get() && !state.session_active.get()>
            <div class="update-prompt" role="status">
                <p>{t("app.update_ready")}</p>
                <button type="button" class="button button--primary" on:click=|_| apply_update()>
                    {t("app.update_reload")}
                </button>
            </div>
        </Show>
    }
}

/// Messages about stored data (what could not be read, or saved), until dismissed.
#[component]
fn StorageNotices() -> impl IntoView {
    let notices = use_app_state().storage_notices;
    view! {
        <For each=move || notices.get() key=|text| text.clone() let(text)>
            {
                let dismissed = text.clone();
                view! {
                    <div class="notice notice--error" role="alert">
                        <p>{text}</p>
                        <button
                            type="button"
                            class="icon-button"
                            on:click=move |_| {
                                notices.update(|notices| notices.retain(|notice| *notice != dismissed))
                            }
                        >
                            <Icon name=IconName::Close />
                            <span class="visually-hidden">{t("app.dismiss")}</span>
                        </button>
                    </div>
                }
            }
        </For>
    }
}
