//! State shared by every page: routines, the person's own routines, history,
//! safety confirmations and settings, each kept in step with storage and with
//! other open tabs.
//!
//! Start-up reads nothing stored but the chosen language (the built-in library is
//! data). The settings, the person's own routines, history and safety records are
//! opened by the first screen that asks for them ([`AppState::settings`],
//! [`AppState::my_routines`], [`AppState::history`], [`AppState::safety`]), so the code
//! that reads, migrates and writes them lives with those screens, outside the main
//! wasm module: every screen that uses the settings is a lazy one.

use leptos::prelude::*;

use crate::platform::clock::{now_ms, utc_offset_minutes};
use crate::platform::i18n::{all_texts, browser_languages, locale, texts, when_texts_whole};
use crate::platform::pwa::InstallOption;
use crate::platform::share::random_u64;
use crate::platform::storage;
use kneadtime_core::followed_program::ProgramDocument;
use kneadtime_core::history::{History, SessionRecord, SESSION_ID_PREFIX};
use kneadtime_core::i18n::Locale;
use kneadtime_core::library::builtin_routines;
use kneadtime_core::my_routines::{self, new_id, MyRoutines, Provenance, SavedRoutine};
use kneadtime_core::program::ProgramRoutine;
use kneadtime_core::routine::Routine;
use kneadtime_core::safety::SafetyRecord;
use kneadtime_core::saved_session::SavedSession;
use kneadtime_core::session::{SessionSummary, Status};
use kneadtime_core::settings::{Settings, Theme};
use kneadtime_core::store::Document;
use wasm_bindgen::JsValue;

/// State shared by every page, provided once as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The built-in routines.
    pub routines: RwSignal<Vec<Routine>>,
    /// Routines made here or received by link, saved whenever they change: open them with [`AppState::my_routines`].
    my_routines: LazyDocument<MyRoutines>,
    /// A routine opened from a link and not saved (yet): playable all the same.
    pub received: RwSignal<Option<Routine>>,
    /// Every finished or ended session, saved whenever it changes: open it with [`AppState::history`].
    history: LazyDocument<History>,
    /// Which warnings and routine cautions the person has read: open it with [`AppState::safety`].
    safety: LazyDocument<SafetyRecord>,
    /// The program the person follows, if any: open it with [`AppState::program`].
    program: LazyDocument<ProgramDocument>,
    /// The app's root owner: documents opened later save and sync for the life of the app.
    root: StoredValue<Option<Owner>>,
    /// Messages about stored data: what could not be read or saved.
    pub storage_notices: RwSignal<Vec<String>>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// A session is running or paused: no reload may interrupt it.
    pub session_active: RwSignal<bool>,
    /// How the app can be installed here.
    pub install: RwSignal<InstallOption>,
    /// The browser's install prompt, kept until the person asks for it.
    pub install_prompt: StoredValue<Option<JsValue>, LocalStorage>,
    /// The person's settings, saved whenever they change: open them with [`AppState::settings`].
    settings: LazyDocument<Settings>,
    /// Renders the app again in another language (`app::switch_language`).
    switch_language: fn(Locale),
}

impl AppState {
    /// The state of an app that renders itself again in another language with `switch_language`.
    pub fn new(switch_language: fn(Locale)) -> Self {
        let routines = RwSignal::new(builtin_routines(&texts()));
        // Their steps are worded from texts that may arrive after the first screen.
        when_texts_whole(move || drop(routines.try_set(builtin_routines(&texts()))));
        Self {
            routines,
            my_routines: LazyDocument::new(),
            received: RwSignal::new(None),
            history: LazyDocument::new(),
            safety: LazyDocument::new(),
            program: LazyDocument::new(),
            root: StoredValue::new(Owner::current()),
            storage_notices: RwSignal::new(Vec::new()),
            update_ready: RwSignal::new(false),
            session_active: RwSignal::new(false),
            install: RwSignal::new(InstallOption::None),
            install_prompt: StoredValue::new_local(None),
            settings: LazyDocument::new(),
            switch_language,
        }
    }

    /// The person's settings, read from storage the first time they are asked for. From
    /// then on the page follows their theme and language (the page's start, in index.html
    /// and `app::start`, read both from storage already).
    pub fn settings(&self) -> RwSignal<Settings> {
        if self.settings.is_open() {
            return self.settings.value;
        }
        let settings = self.settings.open(*self);
        let switch_language = self.switch_language;
        self.under_root(move || {
            apply_theme(settings);
            follow_language_choice(settings, switch_language);
        });
        settings
    }

    /// Runs `work` under the app's root owner: what it sets up outlives the screen that asked.
    fn under_root(&self, work: impl FnOnce()) {
        match self.root.get_value() {
            Some(root) => root.with(work),
            None => work(),
        }
    }

    /// Tell the person something about their stored data (once per message).
    pub fn notify(&self, message: String) {
        self.storage_notices.update(|notices| {
            if !notices.contains(&message) {
                notices.push(message);
            }
        });
    }

    /// The routine with this id: the person's own first, then the built-ins, then one just received.
    pub fn routine(&self, id: &str) -> Option<Routine> {
        self.my_routine(id)
            .map(|saved| saved.routine)
            .or_else(|| self.library_routine(id))
    }

    /// A built-in routine, or the one just received, with this id (the person's own not consulted).
    pub fn library_routine(&self, id: &str) -> Option<Routine> {
        self.routines
            .with(|routines| routines.iter().find(|routine| routine.id == id).cloned())
            .or_else(|| self.received.get().filter(|routine| routine.id == id))
    }

    /// A routine of a program: a built-in in the person's language, or the one it carries.
    /// `None` for a built-in this version does not have.
    pub fn program_routine(&self, routine: &ProgramRoutine) -> Option<Routine> {
        match routine {
            ProgramRoutine::BuiltIn { id, .. } => self
                .routines
                .with(|routines| routines.iter().find(|routine| routine.id == *id).cloned()),
            ProgramRoutine::Embedded { routine } => Some(routine.clone()),
        }
    }

    /// The title of a routine of a program, or its id for a built-in this version lacks.
    pub fn program_routine_title(&self, routine: &ProgramRoutine) -> String {
        self.program_routine(routine)
            .map_or_else(|| routine.routine_id().to_string(), |found| found.title)
    }

    /// Whether the person has saved routines of their own (without reading them).
    pub fn has_own_routines(&self) -> bool {
        self.my_routines.is_open() || storage::has_document::<MyRoutines>()
    }

    /// The person's own routines, read from storage the first time they are asked for.
    pub fn my_routines(&self) -> RwSignal<MyRoutines> {
        self.my_routines.open(*self)
    }

    /// The person's saved routine with this id.
    pub fn my_routine(&self, id: &str) -> Option<SavedRoutine> {
        self.my_routines()
            .with(|mine| mine.0.iter().find(|saved| saved.routine.id == id).cloned())
    }

    /// Every finished or ended session, read from storage the first time it is asked for.
    pub fn history(&self) -> RwSignal<History> {
        self.history.open(*self)
    }

    /// What the person has read of the warnings and cautions, read the first time it is asked for.
    pub fn safety(&self) -> RwSignal<SafetyRecord> {
        self.safety.open(*self)
    }

    /// The program the person follows, read the first time it is asked for.
    pub fn program(&self) -> RwSignal<ProgramDocument> {
        self.program.open(*self)
    }

    /// Whether the person follows a program (without reading it).
    pub fn has_program(&self) -> bool {
        if self.program.is_open() {
            self.program.value.with(|document| document.0.is_some())
        } else {
            storage::has_document::<ProgramDocument>()
        }
    }

    /// Save (or replace) one of the person's routines.
    pub fn save_routine(&self, routine: Routine, provenance: Provenance) {
        self.my_routines()
            .update(|mine| my_routines::upsert(&mut mine.0, routine, provenance));
    }
}

/// A stored document that is read the first time it is asked for, then saved on every
/// change and kept in step with other tabs for the life of the app.
struct LazyDocument<D: Send + Sync + 'static> {
    value: RwSignal<D>,
    opened: StoredValue<bool>,
}

impl<D: Send + Sync + 'static> Clone for LazyDocument<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Send + Sync + 'static> Copy for LazyDocument<D> {}

impl<D: Document + Default + Clone + PartialEq + Send + Sync + 'static> LazyDocument<D> {
    fn new() -> Self {
        Self {
            value: RwSignal::new(D::default()),
            opened: StoredValue::new(false),
        }
    }

    fn is_open(self) -> bool {
        self.opened.get_value()
    }

    fn open(self, state: AppState) -> RwSignal<D> {
        if !self.opened.get_value() {
            self.opened.set_value(true);
            let opened = storage::open::<D>();
            let as_read = opened.value.clone();
            self.value.set(opened.value);
            if let Some(problem) = opened.problem {
                state.notify(problem);
            }
            let value = self.value;
            // Under the app's root, not the screen that asked: saving must outlive the screen.
            state.under_root(move || {
                save_on_change(state, value, D::clone, as_read);
                storage::on_document_change_elsewhere::<D>(move || value.set(storage::open::<D>().value));
            });
        }
        self.value
    }
}

/// Settings changed in another tab apply here too, before any screen here has opened
/// them: the first such change opens them (their code is in the settings screen's module,
/// `other_screens`, in split builds), and from then on they follow other tabs themselves.
pub(crate) fn follow_settings_elsewhere(state: AppState) {
    storage::on_document_change_elsewhere::<Settings>(move || {
        if state.settings.is_open() {
            return;
        }
        // Not fetched (offline, say): the next change tries again.
        once_all_texts_loaded(async move { drop(call_split_point!(open_settings(state))) });
    });
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(other_screens, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn open_settings(state: AppState) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    state.settings();
    Ok(())
}

/// A session left running that reached its end while the app was closed is recorded
/// now (it would otherwise only be, if the person opened its player again). One that
/// cannot be read is kept aside and the person told. Only a person who left a session
/// needs this code: it is fetched only then, in split builds with the home page's
/// "Continue …" card (module `home_parts`), which the same person sees.
pub(crate) fn record_session_finished_while_away(state: AppState) {
    if !storage::has_document::<SavedSession>() {
        return;
    }
    // Not fetched (offline, say): the same happens at the next start.
    once_all_texts_loaded(async move { drop(call_split_point!(record_finished_session(state))) });
}

/// Runs `work` in the background once every text is loaded (what it says to the person
/// needs them); not at all if they cannot be fetched.
fn once_all_texts_loaded(work: impl std::future::Future<Output = ()> + 'static) {
    leptos::task::spawn_local(async move {
        if all_texts().await.is_ok() {
            work.await;
        }
    });
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(home_parts, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn record_finished_session(state: AppState) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    let saved = match storage::open_optional::<SavedSession>() {
        Ok(Some(saved)) => saved,
        Ok(None) => return Ok(()),
        // Kept aside by now; say so once, here, for every page.
        Err(problem) => {
            state.notify(problem);
            return Ok(());
        }
    };
    let now = now_ms();
    if saved.session.state_at(now).status != Status::Finished {
        return Ok(());
    }
    record_session(
        state.history(),
        &saved.routine,
        saved.started_at_ms,
        &saved.session.summary(now),
        saved.pain_before,
    );
    storage::clear::<SavedSession>();
    Ok(())
}

/// Add an ended session of `routine` to the history, dated where the person is now; returns its id.
pub(crate) fn record_session(
    history: RwSignal<History>,
    routine: &Routine,
    started_at_ms: u64,
    summary: &SessionSummary,
    pain_before: Option<u8>,
) -> String {
    let id = new_id(SESSION_ID_PREFIX, random_u64());
    let record = SessionRecord::new(
        id.clone(),
        routine,
        started_at_ms,
        utc_offset_minutes(),
        summary,
        pain_before,
        locale(),
    );
    history.update(|history| history.upsert(record));
    id
}

/// Puts the chosen theme on the page whenever it changes.
fn apply_theme(settings: RwSignal<Settings>) {
    Effect::new(move |_| {
        let theme = settings.with(|settings| settings.theme);
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Theme::System => root.remove_attribute("data-theme"),
                Theme::Light => root.set_attribute("data-theme", "light"),
                Theme::Dark => root.set_attribute("data-theme", "dark"),
            };
        }
    });
}

/// Renders the app again (with `switch_language`) whenever the chosen language differs
/// from the page's.
fn follow_language_choice(settings: RwSignal<Settings>, switch_language: fn(Locale)) {
    Effect::new(move |_| {
        let wanted =
            settings.with(|settings| settings.locale(browser_languages().iter().map(String::as_str)));
        if wanted != locale() {
            switch_language(wanted);
        }
    });
}

/// Write the document made from `signal` whenever it differs from what was last read or
/// written, starting from `as_read` (what was read stays as it was until the person changes
/// something). Comparing, rather than skipping the effect's first run, also saves a change
/// made in the same moment the document was opened, before the effect first ran.
fn save_on_change<T, D>(
    state: AppState,
    signal: RwSignal<T>,
    document: impl Fn(&T) -> D + 'static,
    as_read: D,
) where
    T: Send + Sync + 'static,
    D: Document + PartialEq + 'static,
{
    let mut last = as_read;
    Effect::new(move |_| {
        let document = signal.with(&document);
        if document != last {
            if let Err(error) = storage::save(&document) {
                state.notify(error.message(D::KIND));
            }
            last = document;
        }
    });
}

/// The state the app provides as context (see `app::App`).
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
