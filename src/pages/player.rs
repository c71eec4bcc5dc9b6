//! `/routine/:id/play`: the guided session.

use std::rc::Rc;

use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use wasm_bindgen::JsCast;

use crate::components::icon::{Icon, IconName};
use crate::components::missing_page::MissingPage;
use crate::components::pain_scale::PainScale;
use crate::components::player_controls::PlayerControls;
use crate::components::player_stage::PlayerStage;
use crate::components::safety_check::{CautionCheck, NotForYou, RedFlagCheck};
use crate::components::session_summary::SessionSummaryView;
use crate::components::settings_form::SettingsForm;
use crate::platform::clock::now_ms;
use crate::platform::i18n::{lang_of, t, texts, tf, tn};
use crate::platform::screen::show_screen_start;
use crate::platform::wake_lock::WakeLockStatus;
use crate::player::{saved_session, EndedSession, Player, PlayerInputs};
use crate::state::{record_session, use_app_state, AppState};
use kneadtime_core::format::about_minutes;
use kneadtime_core::keys::{key_action, KeyAction};
use kneadtime_core::plan::Plan;
use kneadtime_core::routine::Routine;
use kneadtime_core::saved_session::SavedSession;
use kneadtime_core::session::Status;
use kneadtime_core::suggest::{on_one_side, BodySide};

/// `/routine/:id/play`: plays a library routine, or resumes the saved session of any routine with that id.
/// `?side=left` or `?side=right` (from the body map) plays its two-sided steps on that side alone;
/// any other value plays both sides.
#[component]
pub fn PlayerPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|params| params.get("id")).unwrap_or_default());
    let one_side = move || {
        query
            .with(|query| query.get("side"))
            .as_deref()
            .and_then(BodySide::from_slug)
    };
    move || {
        let id = id.get();
        let saved = saved_session();
        let (saved, saved_problem) = match saved {
            Ok(saved) => (saved, None),
            Err(problem) => (None, Some(problem)),
        };
        let resumable = saved.filter(|saved| saved.routine.id == id);
        // A session picked up is played as it was saved; the side only shapes a new one.
        let one_side = one_side().filter(|_| resumable.is_none());
        let fresh = move || {
            let routine = state.routine(&id)?;
            Some(match one_side {
                Some(side) => on_one_side(&routine, side),
                None => routine,
            })
        };
        match resumable.as_ref().map(|saved| saved.routine.clone()).or_else(fresh) {
            Some(routine) => {
                view! { <PlayerScreen routine=routine resumable=resumable saved_problem=saved_problem one_side=one_side /> }
                    .into_any()
            }
            None => view! { <MissingPage title=t("player.not_found_title") message=t("player.not_found_message") /> }
            .into_any(),
        }
    }
}

/// The player for one routine: intro, live session or summary.
#[component]
fn PlayerScreen(
    /// The routine, from the library or from the saved session.
    routine: Routine,
    /// A saved session of this routine to pick up.
    resumable: Option<SavedSession>,
    /// Why a saved session could not be read, if one could not.
    saved_problem: Option<String>,
    /// The one side its two-sided steps were narrowed to (from the body map), if any.
    one_side: Option<BodySide>,
) -> impl IntoView {
    let state = use_app_state();
    let resuming = resumable.is_some();
    let inputs = player_inputs(state);
    let player = match resumable {
        Some(saved) => Player::pick_up(saved, inputs),
        None => {
            let settings = state.settings().get_untracked();
            Player::new(settings.routine_for_play(&routine), settings.timing(), inputs)
        }
    };
    if resuming && player.state.get_untracked().status.is_active() {
        player
            .notice
            .set(Some(tf("player.picked_up", &[("place", &player.where_now())])));
    }
    if let Some(side) = one_side {
        player.notice.set(Some(match side {
            BodySide::Left => t("player.one_side_left"),
            BodySide::Right => t("player.one_side_right"),
        }));
    }
    if let Some(problem) = saved_problem {
        player.notice.set(Some(problem));
    }
    let end_dialog = NodeRef::<Dialog>::new();
    let settings_dialog = NodeRef::<Dialog>::new();
    let open = move |dialog: NodeRef<Dialog>| {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let confirm_end = Callback::new(move |_| open(end_dialog));
    listen_for_keys(player, confirm_end);

    let status = Memo::new(move |_| player.state.with(|state| state.status));
    let paused = Memo::new(move |_| status.get() == Status::Paused);
    let on_settings = Callback::new(move |_| open(settings_dialog));
    // The screen changes with the phase only: pausing keeps the stage and controls (and the
    // focus on Pause), and a summary being filled in is not rebuilt when the clock moves.
    let phase = Memo::new(move |_| match status.get() {
        Status::Ready => Phase::Ready,
        active if active.is_active() => Phase::Live,
        _ => Phase::Finished,
    });
    let screen = move || match phase.get() {
        Phase::Ready => view! { <ReadyScreen player=player on_settings=on_settings /> }.into_any(),
        Phase::Live => view! {
            <PlayerStage routine=player.routine() state=player.state.into() now_ms=player.now() />
            <PlayerControls
                paused=paused.into()
                on_back=Callback::new(move |_| player.back())
                on_toggle_pause=Callback::new(move |_| player.toggle_pause())
                on_skip=Callback::new(move |_| player.skip())
                on_restart_step=Callback::new(move |_| player.restart_step())
                on_end=confirm_end
            />
        }
        .into_any(),
        Phase::Finished => view! {
            <SessionSummaryView
                routine=player.routine()
                summary=untrack(move || player.summary())
                pain_before=player.pain_before.get_untracked()
                on_rate=Callback::new(move |(pain, note)| player.rate_after(pain, note))
                on_again=Callback::new(move |_| player.play_again())
            />
        }
        .into_any(),
    };
    // Each screen replaces the one before in place: the warning signs, a routine's
    // cautions, the intro, the session and the summary. Without this the new one opens
    // where the old one was scrolled to, its heading (or the dial) off-screen.
    let section = NodeRef::<leptos::html::Section>::new();
    let safety = state.safety();
    Effect::new(move |shown_before: Option<()>| {
        phase.track();
        safety.track();
        if shown_before.is_some() {
            request_animation_frame(move || {
                if let Some(section) = section.get_untracked() {
                    show_screen_start(&section);
                }
            });
        }
    });
    let label = tf("player.playing", &[("title", &routine.title)]);
    view! {
        <Title text=routine.title.clone() />
        <section
            node_ref=section
            class="player"
            aria-label=label
            data-status=move || format!("{:?}", status.get()).to_lowercase()
        >
            <div class="player__bar">
                <A href=format!("/routine/{}", routine.id)>
                    <span class="back-link" lang=lang_of(routine.language)>
                        <Icon name=IconName::Back />
                        {routine.title.clone()}
                    </span>
                </A>
                <button type="button" class="icon-button" on:click=move |_| open(settings_dialog)>
                    <Icon name=IconName::Settings />
                    <span class="visually-hidden">{t("player.settings_button")}</span>
                </button>
            </div>
            <Notices player=player />
            {screen}
            <div class="visually-hidden" aria-live="polite" aria-atomic="true">
                {move || player.announcement.get()}
            </div>
        </section>
        <dialog node_ref=end_dialog class="dialog" aria-labelledby="end-title">
            <h2 id="end-title">{t("player.end_title")}</h2>
            <p>{t("player.end_message")}</p>
            <form method="dialog" class="dialog__actions">
                <button class="button">{t("player.keep_going")}</button>
                <button class="button button--primary" on:click=move |_| player.end()>
                    {t("player.end_session")}
                </button>
            </form>
        </dialog>
        <dialog node_ref=settings_dialog class="dialog dialog--sheet" aria-labelledby="player-settings-title">
            <div class="dialog__head">
                <h2 id="player-settings-title">{t("player.settings_title")}</h2>
                <form method="dialog">
                    <button class="icon-button">
                        <Icon name=IconName::Close />
                        <span class="visually-hidden">{t("player.close_settings")}</span>
                    </button>
                </form>
            </div>
            <SettingsForm />
        </dialog>
    }
}

/// What the player takes from the app: the wall clock, the settings and the history.
fn player_inputs(state: AppState) -> PlayerInputs {
    let history = state.history();
    PlayerInputs {
        clock: Rc::new(now_ms),
        settings: state.settings().into(),
        session_active: state.session_active.write_only(),
        history,
        record: Callback::new(move |ended: EndedSession| {
            record_session(
                history,
                &ended.routine,
                ended.started_at_ms,
                &ended.summary,
                ended.pain_before,
            )
        }),
    }
}

/// Before a session: the warning signs (the very first time), a routine the confirmed
/// precautions rule out, the routine's cautions (the first time it is played at this
/// revision), then the intro.
#[component]
fn ReadyScreen(
    /// The session to start.
    player: Player,
    /// Opens the settings.
    on_settings: Callback<()>,
) -> impl IntoView {
    let safety = use_app_state().safety();
    let routine = player.routine();
    move || {
        if safety.with(|record| record.red_flags_confirmed_at.is_none()) {
            view! { <RedFlagCheck /> }.into_any()
        } else if !safety.with(|record| record.allows(&routine)) {
            view! { <NotForYou /> }.into_any()
        } else if safety.with(|record| record.needs_caution_check(&routine)) {
            view! { <CautionCheck routine=routine.clone() /> }.into_any()
        } else {
            view! { <PlayerIntro player=player on_settings=on_settings /> }.into_any()
        }
    }
}

/// Before the start tap: what is coming, an optional pain rating, and the button that unlocks sound.
#[component]
fn PlayerIntro(
    /// The session to start.
    player: Player,
    /// Opens the settings.
    on_settings: Callback<()>,
) -> impl IntoView {
    let settings = use_app_state().settings();
    let routine = player.routine();
    let length = about_minutes(
        Plan::new(&routine, settings.get_untracked().timing()).total_ms(),
        &texts(),
    );
    let cues = move || {
        let settings = settings.get();
        let on_off = |on: bool| if on { t("player.on") } else { t("player.off") };
        tf(
            "player.outputs",
            &[
                ("sound", &on_off(settings.sound)),
                ("voice", &on_off(settings.voice)),
                ("vibration", &on_off(settings.vibration)),
                ("screen_off", &on_off(settings.background_sound)),
            ],
        )
    };
    view! {
        <div class="player-intro">
            <h1 lang=lang_of(routine.language)>{routine.title.clone()}</h1>
            <p class="lead">{tn("player.intro_facts", routine.steps.len() as u64, &[("length", &length)])}</p>
            <p class="player-intro__tip">{t("player.intro_tip")}</p>
            <Show when=move || settings.with(|settings| settings.pain_check_in)>
                <PainScale
                    legend=t("player.pain_before")
                    name="pain-before"
                    value=player.pain_before.into()
                    on_change=Callback::new(move |pain| player.pain_before.set(pain))
                />
            </Show>
            <button
                type="button"
                class="button button--primary button--huge"
                on:click=move |_| player.start()
            >
                <Icon name=IconName::Play />
                {t("player.start")}
            </button>
            <p class="player-intro__cues">{cues}</p>
            <button type="button" class="button button--quiet" on:click=move |_| on_settings.run(())>
                <Icon name=IconName::Settings />
                {t("player.settings_link")}
            </button>
        </div>
    }
}

/// Messages about the session: resumed, welcome back, no voice for the language, screen may lock.
#[component]
fn Notices(
    /// The session the notices are about.
    player: Player,
) -> impl IntoView {
    let wake_hint = move || match player.wake_lock.get() {
        WakeLockStatus::Unsupported => Some(t("player.wake_lock_unsupported")),
        WakeLockStatus::Refused => Some(t("player.wake_lock_refused")),
        WakeLockStatus::Idle | WakeLockStatus::Held => None,
    };
    view! {
        <DismissableNotice text=player.notice class="notice" role="status" />
        <DismissableNotice text=player.voice_notice class="notice notice--voice" />
        {move || wake_hint().map(|text| view! { <p class="notice notice--quiet">{text}</p> })}
    }
}

/// A notice the person can close, shown while `text` holds one.
#[component]
fn DismissableNotice(
    /// The message; closing the notice clears it.
    text: RwSignal<Option<String>>,
    /// The notice's classes.
    class: &'static str,
    /// Its ARIA role, if any.
    #[prop(optional)]
    role: Option<&'static str>,
) -> impl IntoView {
    move || {
        text.get().map(|message| {
            view! {
                <div class=class role=role>
                    <p>{message}</p>
                    <button type="button" class="icon-button" on:click=move |_| text.set(None)>
                        <Icon name=IconName::Close />
                        <span class="visually-hidden">{t("player.dismiss")}</span>
                    </button>
                </div>
            }
        })
    }
}

/// The player's keys ([`key_action`]: Space, the arrows, Escape) drive a session under way.
fn listen_for_keys(player: Player, confirm_end: Callback<()>) {
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.default_prevented() || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        // Fields and open dialogs keep their own keys; buttons and links keep Space.
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        let inside = |selector: &str| {
            target
                .as_ref()
                .is_some_and(|element| element.closest(selector).ok().flatten().is_some())
        };
        if inside("input, select, textarea, dialog") {
            return;
        }
        // Starting takes the Start button: it sits behind the safety checks.
        if !player.state.get_untracked().status.is_active() {
            return;
        }
        match key_action(&event.key()) {
            Some(KeyAction::TogglePause) if !inside("button, a, summary") => {
                event.prevent_default();
                player.toggle_pause();
            }
            Some(KeyAction::Back) => player.back(),
            Some(KeyAction::Skip) => player.skip(),
            Some(KeyAction::End) => {
                // Otherwise the same key press closes the dialog it just opened.
                event.prevent_default();
                confirm_end.run(());
            }
            Some(KeyAction::TogglePause) | None => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Which screen the player page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the start tap.
    Ready,
    /// Running or paused.
    Live,
    /// Played to the end or ended.
    Finished,
}
