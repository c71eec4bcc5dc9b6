//! Screens a first visit to the home page does not show, in wasm modules of their own.
//!
//! With the `split` feature (the release build, which runs `wasm-split-cli` between cargo
//! and wasm-bindgen) each screen below is a split point: the router fetches its module the
//! first time the screen is opened. Without it (tests, clippy, the `trunk serve` dev loop)
//! the same code is simply eager, because a split point in a build that skipped the split
//! step would fail at run time.
//!
//! The screens share five modules (`in <module>`): a routine's page with its share panel, a
//! therapist's links, the player, home's parts with the body map home leads to, and every
//! other screen (the settings among them: a routine's page stays lean by reading no stored
//! document). wasm-split gives every
//! set of modules that shares a function a chunk of its own, so each module more multiplies
//! the files: a module per screen made 311 files, eight modules 130, these five 30.
//!
//! Each waits, too, for the texts beyond the home page's (`i18n::all_texts`), fetched
//! beside its code.
//!
//! A module that cannot be fetched (the network went away mid-navigation) never panics:
//! the screen says so and offers Retry, which fetches it again.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped};
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::icon::{Icon, IconName};
use crate::components::library_filter::LibraryFilterForm;
use crate::components::routine_reminder::RoutineReminderForm;
use crate::components::share_panel::SharePanel;
use crate::components::today_card::TodayCard;
use crate::pages::home::{OwnRoutineList, UnfinishedSession};
use crate::pages::routine::RoutineById;
use crate::platform::clock::when_idle;
use crate::platform::i18n::{all_texts, t};
use kneadtime_core::library_filter::LibraryFilter;
use kneadtime_core::routine::Routine;

/// A view, or the news that its module or its texts could not be fetched.
pub type Loaded = Result<AnyView, NotLoaded>;

/// A view's module or texts could not be fetched (the network, most likely).
#[derive(Debug)]
pub struct NotLoaded;

/// A module's code on its way.
type Fetching = Pin<Box<dyn Future<Output = Result<(), NotLoaded>>>>;

/// Fetches (once) and renders a lazily loaded view; each call tries again after a failure.
pub type Loader = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Loaded>>> + Send + Sync>;

/// A view whose code lives in wasm module `$module`: `$name::load(args)` renders it (fetching
/// the module first if needed) and `$name::fetch()` only brings the code in ahead of time.
macro_rules! lazy_view {
    ($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) in $module:ident $body:block) => {
        $(#[$doc])*
        pub mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split(
                    $module,
                    fallible,
                    preload(fetch_code),
                    wasm_split_path = ::leptos::wasm_split
                )
            )]
            fn render($($arg: $ty),*) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                Ok($body.into_any())
            }

            /// The view, fetching its module and the texts it shows first if needed.
            pub async fn load($($arg: $ty),*) -> Loaded {
                let texts = all_texts();
                fetch().await?;
                texts.await.map_err(|_| NotLoaded)?;
                call_split_point!(render($($arg),*)).map_err(|_| NotLoaded)
            }

            /// Fetches the module without rendering anything, so showing it later is instant.
            pub async fn fetch() -> Result<(), NotLoaded> {
                #[cfg(feature = "split")]
                return fetch_code().await.map_err(|_| NotLoaded);
                #[cfg(not(feature = "split"))]
                return Ok(());
            }
        }
    };
}

/// One lazily loaded screen: a route type for `Lazy::<…>::new()` and its view `$name`, whose
/// code lives in wasm module `$module`.
macro_rules! lazy_screen {
    ($(#[$doc:meta])* $route:ident, $name:ident in $module:ident, $page:path) => {
        lazy_view! {
            $(#[$doc])*
            fn $name() in $module {{
                use $page as Page;
                view! { <Page /> }
            }}
        }

        $(#[$doc])*
        pub struct $route;

        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_: Self) -> AnyView {
                screen_or_retry(Arc::new(|| Box::pin($name::load()))).await
            }

            async fn preload() {
                // A failure here is met again, and explained, when the screen is opened.
                let _ = $name::fetch().await;
            }
        }
    };
}

lazy_screen!(
    /// `/routine/:id`: everything about one routine before playing it.
    RoutineRoute, routine in routine_page, crate::pages::routine::RoutinePage
);
lazy_screen!(
    /// `/routine/:id/play`: the guided session.
    PlayerRoute, player in player, crate::pages::player::PlayerPage
);
lazy_screen!(
    /// `/settings`.
    SettingsRoute, settings in other_screens, crate::pages::settings::SettingsPage
);
lazy_screen!(
    /// `/r#…`: a routine someone sent.
    ReceivedRoute, received in links, crate::pages::received::ReceivedPage
);
lazy_screen!(
    /// `/p#…`: someone's shared progress.
    SharedProgressRoute, shared_progress in other_screens, crate::pages::shared_progress::SharedProgressPage
);
lazy_screen!(
    /// `/builder` and `/builder/:id`.
    BuilderRoute, builder in other_screens, crate::pages::builder::BuilderPage
);
lazy_screen!(
    /// `/program#…`: a program a therapist sent.
    ReceivedProgramRoute, received_program in links, crate::pages::received_program::ReceivedProgramPage
);
lazy_screen!(
    /// `/my-program`: the program the person follows.
    MyProgramRoute, my_program in other_screens, crate::pages::my_program::MyProgramPage
);
lazy_screen!(
    /// `/program-builder`.
    ProgramBuilderRoute, program_builder in other_screens, crate::pages::program_builder::ProgramBuilderPage
);
lazy_screen!(
    /// `/history`.
    HistoryRoute, history in other_screens, crate::pages::history::HistoryPage
);
lazy_screen!(
    /// `/safety`.
    SafetyRoute, safety in other_screens, crate::pages::safety::SafetyPage
);
lazy_screen!(
    /// `/where-it-hurts`: the body map and its suggestions.
    WhereItHurtsRoute, where_it_hurts in home_parts, crate::pages::where_it_hurts::WhereItHurtsPage
);
lazy_screen!(
    /// `/about`.
    AboutRoute, about in other_screens, crate::pages::about::AboutPage
);

lazy_view! {
    /// The share panel of a routine page (the link codec and the QR encoder are its bulk).
    fn share_panel(routine: Routine) in routine_page {
        view! { <SharePanel routine=routine /> }
    }
}

lazy_view! {
    /// "Add to calendar" on a routine page, fetched when the person opens it.
    fn routine_reminder(routine: Routine) in other_screens {
        view! { <RoutineReminderForm routine=routine /> }
    }
}

lazy_view! {
    /// The library's filters on the home page, fetched when the person opens them.
    fn library_filter(filter: RwSignal<LibraryFilter>) in home_parts {
        view! { <LibraryFilterForm filter=filter /> }
    }
}

lazy_view! {
    /// "Continue …" on the home page, for a session left running (the session engine is its
    /// bulk). Its module also records such a session that ended while the app was closed
    /// (`state::record_session_finished_while_away`): both are needed in the same case.
    fn unfinished_session() in home_parts {
        view! { <UnfinishedSession /> }
    }
}

lazy_view! {
    /// The Today card on the home page, for a person following a program.
    fn today_card() in home_parts {
        view! { <TodayCard with_link=true /> }
    }
}

lazy_view! {
    /// "My routines" on the home page, with the code that reads the person's routines.
    fn own_routine_list() in home_parts {
        view! { <OwnRoutineList /> }
    }
}

lazy_view! {
    /// A routine page when the person has routines of their own, which may be the one asked for.
    fn own_routine_page(id: String) in home_parts {
        view! { <RoutineById id=id /> }
    }
}

/// The screen `load` renders, or a message with Retry if its module cannot be fetched.
pub async fn screen_or_retry(load: Loader) -> AnyView {
    match load().await {
        Ok(screen) => screen,
        Err(_) => view! { <Deferred load=load part=None loading=false /> }.into_any(),
    }
}

/// A part of an eager page whose code loads when the page shows: nothing until it
/// arrives, a short message with Retry if it cannot be fetched.
#[component]
pub fn LazyPart(
    /// Fetches and renders the part.
    load: Loader,
    /// What to say if it cannot be fetched, a whole sentence ("The share options did not load. …").
    #[prop(into)]
    failed: String,
) -> impl IntoView {
    view! { <Deferred load=load part=Some(failed) loading=true /> }
}

/// Where a lazily loaded view stands.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Loading,
    Failed,
    Loaded,
}

/// A lazily loaded view: loading, failed (with Retry) or loaded.
#[component]
fn Deferred(
    /// Fetches and renders the view (each call tries the network again).
    load: Loader,
    /// `None` for a whole screen, else what to say if the part cannot be fetched.
    part: Option<String>,
    /// Start loading at once (a part), or start from a failure already met (a screen).
    loading: bool,
) -> impl IntoView {
    let stage = RwSignal::new(Stage::Failed);
    let attempts = RwSignal::new(0u32);
    // The view once it has loaded, taken out (once) by the view below.
    let loaded = StoredValue::new_local(None::<AnyView>);
    // Every attempt renders here, under the route, whatever runs the Retry click: a
    // screen reads its route's parameters (the routine's id) from this owner's context.
    let owner = Owner::current();
    let attempt = Callback::new(move |()| {
        stage.set(Stage::Loading);
        attempts.update(|n| *n += 1);
        let load = load.clone();
        let run = move || {
            spawn_local_scoped(async move {
                match load().await {
                    Ok(view) => {
                        loaded.set_value(Some(view));
                        stage.set(Stage::Loaded);
                    }
                    Err(_) => stage.set(Stage::Failed),
                }
            })
        };
        match &owner {
            Some(owner) => owner.with(run),
            None => run(),
        }
    });
    if loading {
        attempt.run(());
    }
    move || match stage.get() {
        Stage::Failed => {
            let again = attempts.get_untracked() > if loading { 1 } else { 0 };
            match part.clone() {
                None => view! { <ScreenNotLoaded again=again retry=attempt /> }.into_any(),
                Some(message) => view! { <PartNotLoaded message=message retry=attempt /> }.into_any(),
            }
        }
        Stage::Loading => match part {
            None => view! { <ScreenLoading /> }.into_any(),
            Some(_) => ().into_any(),
        },
        Stage::Loaded => loaded
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
    }
}

/// "Loading…" in place of a screen.
#[component]
fn ScreenLoading() -> impl IntoView {
    view! {
        <p class="screen-loading" role="status">
            {t("app.loading")}
        </p>
    }
}

/// "This screen did not load", with Retry.
#[component]
fn ScreenNotLoaded(
    /// Whether Retry has been pressed before (and failed again).
    again: bool,
    /// Fetches the screen once more.
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <Title text=t("app.not_loaded_title") />
        <section class="missing" role="alert" aria-labelledby="not-loaded">
            <h1 id="not-loaded">{t("app.not_loaded_heading")}</h1>
            <p class="lead">{if again { t("app.not_loaded_again") } else { t("app.not_loaded_first") }}</p>
            <div class="missing__actions">
                <button type="button" class="button button--primary" on:click=move |_| retry.run(())>
                    <Icon name=IconName::Restart />
                    {t("app.retry")}
                </button>
                <A href="/">
                    <span class="button">{t("missing.see_all")}</span>
                </A>
            </div>
        </section>
    }
}

/// "The share options did not load", with Retry, in place of a part of a page.
#[component]
fn PartNotLoaded(
    /// What to say: the part did not load.
    message: String,
    /// Fetches the part once more.
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="notice" role="alert">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                <Icon name=IconName::Restart />
                {t("app.retry")}
            </button>
        </div>
    }
}

/// Once the page is idle, fetches the player's code, so that Start shows the first step at once.
pub fn prefetch_player() {
    prefetch_when_idle(|| Box::pin(player::fetch()));
}

/// Once the home page is idle, fetches a routine page's code, so that a card opens at once.
pub fn prefetch_routine_page() {
    prefetch_when_idle(|| Box::pin(routine::fetch()));
}

/// Runs `fetch` once the page is idle. A failure is met again, and explained, when the
/// person opens the screen.
fn prefetch_when_idle(fetch: fn() -> Fetching) {
    when_idle(move || spawn_local(async move { drop(fetch().await) }));
}
