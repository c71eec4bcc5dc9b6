//! `/r#<payload>`: a routine someone sent as a link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::icon::{Icon, IconName};
use crate::components::link_error::LinkError;
use crate::components::routine_detail::RoutineDetail;
use crate::pages::lazy::prefetch_player;
use crate::platform::i18n::{lang_of, t, texts, tf};
use crate::state::use_app_state;
use kneadtime_core::my_routines::{classify, Incoming, Provenance};
use kneadtime_core::routine::Routine;
use kneadtime_core::share::decode;

/// Opens the routine in the link's fragment, or says plainly why it cannot.
#[component]
pub fn ReceivedPage() -> impl IntoView {
    let hash = use_location().hash;
    let decoded = Memo::new(move |_| hash.with(|hash| decode(&texts(), hash)));
    move || match decoded.get() {
        Ok(routine) => view! { <ReceivedRoutine routine=routine /> }.into_any(),
        Err(error) => {
            view! { <LinkError heading=t("link.routine.heading") reason=error.message(&texts()) /> }
                .into_any()
        }
    }
}

/// A received routine: who sent it, their note, and what to do with it.
#[component]
fn ReceivedRoutine(
    /// The routine from the link.
    routine: Routine,
) -> impl IntoView {
    let state = use_app_state();
    state.received.set(Some(routine.clone()));
    prefetch_player();
    let mine = state.my_routines();
    let incoming = Memo::new({
        let routine = routine.clone();
        move |_| mine.with(|mine| classify(&mine.0, &routine))
    });
    let save = {
        let routine = routine.clone();
        move |_| state.save_routine(routine.clone(), Provenance::Received)
    };
    let from = if routine.author.trim().is_empty() {
        t("received.from_someone")
    } else {
        tf("received.from", &[("author", &routine.author)])
    };
    let note = (!routine.note.trim().is_empty()).then(|| {
        view! {
            <p class="received__note" lang=lang_of(routine.language)>
                {routine.note.clone()}
            </p>
        }
    });
    let id = routine.id.clone();
    let navigate = use_navigate();
    let start = move |_| navigate(&format!("/routine/{id}/play"), Default::default());
    let save_button = move || {
        let save = save.clone();
        match incoming.get() {
            Incoming::New => view! {
                <button type="button" class="button" on:click=save>
                    <Icon name=IconName::Check />
                    {t("received.save")}
                </button>
            }
            .into_any(),
            Incoming::Newer { saved_revision } => view! {
                <button type="button" class="button" on:click=save>
                    <Icon name=IconName::Restart />
                    {tf("received.update", &[("version", &(saved_revision + 1).to_string())])}
                </button>
            }
            .into_any(),
            Incoming::AlreadySaved => view! {
                <p class="received__saved">
                    <Icon name=IconName::Check />
                    {t("received.saved")}
                </p>
            }
            .into_any(),
            Incoming::Older { .. } => {
                view! { <p class="received__saved">{t("received.older")}</p> }.into_any()
            }
        }
    };
    view! {
        <Title text=routine.title.clone() />
        <div class="received" role="note">
            <p class="received__from">{from}</p>
            {note}
        </div>
        <RoutineDetail routine=routine.clone()>
            <div class="routine-actions">
                <button type="button" class="button button--primary button--huge" on:click=start>
                    <Icon name=IconName::Play />
                    {t("received.start")}
                </button>
                {save_button}
            </div>
        </RoutineDetail>
    }
}
