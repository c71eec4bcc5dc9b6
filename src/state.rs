//! State shared by every page: routines, the person's own routines, history,
//! safety confirmations and settings, each kept in step with storage and with
//! other open tabs.

use leptos::prelude::*;

use crate::domain::history::{History, SessionRecord, SESSION_ID_PREFIX};
use crate::domain::library::builtin_routines;
use crate::domain::my_routines::{self, new_id, MyRoutines, Provenance, SavedRoutine};
use crate::domain::routine::Routine;
use crate::domain::safety::SafetyRecord;
use crate::domain::saved_session::SavedSession;
use crate::domain::session::{SessionSummary, Status};
use crate::domain::settings::{Settings, Theme};
use crate::domain::store::Document;
use crate::platform::clock::{now_ms, utc_offset_minutes};
use crate::platform::pwa::InstallOption;
use crate::platform::share::random_u64;
use crate::platform::storage::{self, Opened};
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
    /// Every finished or ended session, saved whenever it changes.
    pub history: RwSignal<History>,
    /// Which warnings and routine cautions the person has read.
    pub safety: RwSignal<SafetyRecord>,
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
    /// The person's settings, saved in localStorage whenever they change.
    pub settings: RwSignal<Settings>,
}

impl AppState {
    pub fn new() -> Self {
        let mut notices = Vec::new();
        let settings: Settings = noting(&mut notices, storage::open());
        let MyRoutines(mine) = noting(&mut notices, storage::open());
        let history: History = noting(&mut notices, storage::open());
        let safety: SafetyRecord = noting(&mut notices, storage::open());
        Self {
            routines: RwSignal::new(builtin_routines()),
            my_routines: RwSignal::new(mine),
            received: RwSignal::new(None),
            history: RwSignal::new(history),
            safety: RwSignal::new(safety),
            storage_notices: RwSignal::new(notices),
            update_ready: RwSignal::new(false),
            session_active: RwSignal::new(false),
            install: RwSignal::new(InstallOption::None),
            install_prompt: StoredValue::new_local(None),
            settings: RwSignal::new(settings),
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

/// A session left running that reached its end while the app was closed is recorded
/// now (it would otherwise only be, if the person opened its player again). One that
/// cannot be read is kept aside and the person told.
pub(crate) fn record_sessions_finished_while_away(state: AppState) {
    let saved = match storage::open_optional::<SavedSession>() {
        Ok(Some(saved)) => saved,
        Ok(None) => return,
        // Kept aside by now; say so once, here, for every page.
        Err(problem) => return state.notify(problem),
    };
    let now = now_ms();
    if saved.session.state_at(now).status != Status::Finished {
        return;
    }
    record_session(
        state.history,
        &saved.routine,
        saved.started_at_ms,
        &saved.session.summary(now),
        saved.pain_before,
    );
    storage::clear::<SavedSession>();
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
    );
    history.update(|history| history.upsert(record));
    id
}

/// The opened document, its problem (if any) added to `notices`.
fn noting<D>(notices: &mut Vec<String>, opened: Opened<D>) -> D {
    notices.extend(opened.problem);
    opened.value
}

/// Save each document whenever it changes (telling the person if a save fails), follow
/// changes made in other tabs, and apply the chosen theme to the page.
pub(crate) fn persist(state: AppState) {
    save_on_change(state, state.settings, |settings| settings.clone());
    save_on_change(state, state.my_routines, |mine| MyRoutines(mine.clone()));
    save_on_change(state, state.history, |history| history.clone());
    save_on_change(state, state.safety, |safety| safety.clone());
    storage::on_change_elsewhere(move |name| {
        let everything = name.is_none();
        let is = |document: &str| everything || name.as_deref() == Some(document);
        if is(Settings::NAME) {
            state.settings.set(storage::open::<Settings>().value);
        }
        if is(MyRoutines::NAME) {
            state.my_routines.set(storage::open::<MyRoutines>().value.0);
        }
        if is(History::NAME) {
            state.history.set(storage::open::<History>().value);
        }
        if is(SafetyRecord::NAME) {
            state.safety.set(storage::open::<SafetyRecord>().value);
        }
    });
    let settings = state.settings;
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

/// Write the document made from `signal` after every change (not on load: what was read
/// stays as it was until the person changes something).
fn save_on_change<T, D>(state: AppState, signal: RwSignal<T>, document: impl Fn(&T) -> D + 'static)
where
    T: Send + Sync + 'static,
    D: Document,
{
    Effect::new(move |previous: Option<()>| {
        let document = signal.with(&document);
        if previous.is_some() {
            if let Err(error) = storage::save(&document) {
                state.notify(error.message(D::LABEL));
            }
        }
    });
}

/// The state provided by [`App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
