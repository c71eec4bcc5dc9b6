//! The player's pieces and browser adapters in a real browser (headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use kneadtime::components::breath_pacer::BreathPacer;
use kneadtime::components::player_controls::PlayerControls;
use kneadtime::components::player_stage::PlayerStage;
use kneadtime::components::step_picture::StepPicture;
use kneadtime::components::timer_ring::TimerRing;
use kneadtime::platform::audio::CuePlayer;
use kneadtime::platform::i18n::set_texts;
use kneadtime::platform::speech::{self, VoiceFound};
use kneadtime::player::{EndedSession, Player, PlayerInputs};
use kneadtime_core::breathing::{BreathState, BreathingPattern};
use kneadtime_core::cues::tone;
use kneadtime_core::history::{History, SessionRecord};
use kneadtime_core::i18n::{Catalog, Locale};
use kneadtime_core::library::builtin_routine;
use kneadtime_core::plan::{SegmentKind, Timing};
use kneadtime_core::routine::{Routine, Side};
use kneadtime_core::session::{CueKind, Session, SessionState, Status};
use kneadtime_core::settings::Settings;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{
    container, document, english, find, kept, local_storage, mount_app_at, reset_app_storage, use_english,
};

/// Mounts the app at `path` after putting `stored` into localStorage (and clearing the app's keys).
async fn app_with_storage(path: &str, stored: &[(&str, &str)]) -> (HtmlElement, impl Sized) {
    reset_app_storage(stored);
    mount_app_at(path).await
}

#[wasm_bindgen_test]
async fn unreadable_settings_are_kept_aside_and_explained() {
    let (root, _app) = app_with_storage("/settings", &[("kneadtime.settings", "{not json")]).await;
    assert!(find(&root, ".notice")
        .text_content()
        .unwrap()
        .contains("Your settings could not be read"));
    assert_eq!(kept("settings"), ["{not json"]);
    // The defaults were saved in its place, readable again.
    assert!(local_storage()
        .get_item("kneadtime.settings")
        .unwrap()
        .unwrap()
        .contains("\"schema\":4"));
}

#[wasm_bindgen_test]
async fn choosing_a_theme_applies_and_saves_it() {
    let (root, _app) = app_with_storage("/settings", &[]).await;
    let dark = root
        .query_selector_all("input[name=theme]")
        .unwrap()
        .get(2)
        .unwrap()
        .unchecked_into::<HtmlInputElement>();
    dark.click();
    leptos::task::tick().await;
    let html = document().document_element().unwrap();
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("dark"));
    assert!(local_storage()
        .get_item("kneadtime.settings")
        .unwrap()
        .unwrap()
        .contains("\"theme\":\"dark\""));
    root.query_selector_all("input[name=theme]")
        .unwrap()
        .get(0)
        .unwrap()
        .unchecked_into::<HtmlInputElement>()
        .click();
    leptos::task::tick().await;
    assert_eq!(html.get_attribute("data-theme"), None);
}

/// Picks `value` in the select as a person would: sets it, then `change` bubbles up.
fn choose(select: &Element, value: &str) {
    js_sys::Reflect::set(select, &"value".into(), &value.into()).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let change = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
    select.dispatch_event(&change).unwrap();
}

#[wasm_bindgen_test]
async fn choosing_a_language_stores_it() {
    let (root, _app) = app_with_storage("/settings", &[]).await;
    let stored = || {
        local_storage()
            .get_item("kneadtime.settings")
            .unwrap()
            .unwrap_or_default()
    };
    let select = find(&root, "select.language-choice");
    let label = select.closest("label").unwrap().expect("the picker is labelled");
    assert_eq!(find(&label, ".field__label").text_content().unwrap(), "Language");
    let options = select.query_selector_all("option").unwrap();
    assert_eq!(options.length() as usize, 1 + Locale::ALL.len());
    let option = |index: u32| options.get(index).unwrap().unchecked_into::<Element>();
    assert_eq!(option(0).text_content().unwrap(), "Match this device");
    assert_eq!(option(0).get_attribute("value").as_deref(), Some(""));
    assert_eq!(
        js_sys::Reflect::get(&select, &"value".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some(""),
        "the device's language until one is chosen"
    );
    for (index, locale) in Locale::ALL.into_iter().enumerate() {
        let option = option(index as u32 + 1);
        assert_eq!(option.text_content().unwrap(), locale.native_name());
        assert_eq!(option.get_attribute("lang").as_deref(), Some(locale.tag()));
        assert_eq!(option.get_attribute("value").as_deref(), Some(locale.tag()));
    }
    choose(&select, "pt-BR");
    leptos::task::tick().await;
    assert!(stored().contains("\"language\":\"pt-BR\""), "{}", stored());
    // The app may have drawn the page again in the new language: find the picker anew.
    let select = find(&root, "select.language-choice");
    choose(&select, "");
    leptos::task::tick().await;
    assert!(stored().contains("\"language\":null"), "{}", stored());
}

#[wasm_bindgen_test]
async fn a_broken_saved_session_is_kept_and_the_player_still_starts() {
    let broken = r#"{"schema":2,"routine":{"id":"x"}}"#;
    let confirmed = r#"{"schema":2,"red_flags_confirmed_at":1,"precautions":[],"routines":[{"id":"desk-break-reset","revision":2}]}"#;
    let (root, _app) = app_with_storage(
        "/routine/desk-break-reset/play",
        &[("kneadtime.session", broken), ("kneadtime.safety", confirmed)],
    )
    .await;
    assert!(find(&root, ".notice")
        .text_content()
        .unwrap()
        .contains("Your unfinished session could not be read"));
    assert_eq!(kept("session"), [broken]);
    assert_eq!(local_storage().get_item("kneadtime.session").unwrap(), None);
    assert!(find(&root, ".player-intro")
        .text_content()
        .unwrap()
        .contains("Start"));
}

#[wasm_bindgen_test]
async fn timer_ring_empties_in_whole_seconds() {
    let remaining = RwSignal::new(60_000u64);
    let root = container();
    let _ring = mount_to(root.clone(), move || {
        view! {
            <TimerRing remaining_ms=remaining duration_ms=Signal::stored(60_000u64)>
                <span>"x"</span>
            </TimerRing>
        }
    });
    let offset = || {
        find(&root, ".timer-ring__progress")
            .get_attribute("stroke-dashoffset")
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    assert_eq!(offset(), 0.0);
    // 30.4 s left shows as 31 s, like the countdown digits.
    remaining.set(30_400);
    leptos::task::tick().await;
    let circumference = 2.0 * std::f64::consts::PI * 92.0;
    assert!(
        (offset() - circumference * 29.0 / 60.0).abs() < 0.01,
        "{}",
        offset()
    );
    remaining.set(0);
    leptos::task::tick().await;
    assert!((offset() - circumference).abs() < 0.01);
}

#[wasm_bindgen_test]
async fn breath_pacer_restarts_its_shape_only_when_a_phase_begins() {
    let pattern = BreathingPattern::ExtendedExhale;
    let now = RwSignal::new(100_000u64);
    let breath = RwSignal::new(Some(pattern.state_at(1_500)));
    let root = container();
    let _pacer = mount_to(root.clone(), move || {
        view! { <BreathPacer breath=breath running=Signal::stored(true) now_ms=now /> }
    });
    let shape = || find(&root, ".pacer__shape");
    let first = shape();
    assert!(first.class_name().contains("pacer__shape--inhale"));
    let style = first.get_attribute("style").unwrap();
    assert!(
        style.contains("animation-duration:4000ms") && style.contains("animation-delay:-1500ms"),
        "{style}"
    );
    // Time passes within the phase: the same element keeps animating.
    let advance = |ms: u64, offset: u64| {
        now.set(100_000 + ms);
        breath.set(Some(pattern.state_at(offset)));
    };
    advance(1_000, 2_500);
    leptos::task::tick().await;
    assert!(shape() == first, "redrawn mid-phase");
    // The exhale begins: a fresh shape, shrinking from its start.
    advance(2_500, 4_000);
    leptos::task::tick().await;
    let exhale: BreathState = pattern.state_at(4_000);
    assert_eq!(exhale.phase_elapsed_ms, 0);
    assert!(shape() != first);
    assert!(shape().class_name().contains("pacer__shape--exhale"));
    assert!(shape()
        .get_attribute("style")
        .unwrap()
        .contains("animation-delay:-0ms"));
}

#[wasm_bindgen_test]
fn every_built_in_step_is_drawn_with_words_that_say_what_it_shows() {
    use_english();
    let texts = english();
    for routine in kneadtime_core::library::builtin_routines(&texts) {
        for step in routine.steps {
            for side in [Side::Left, Side::Right] {
                let root = container();
                let drawn = step.clone();
                let _picture = mount_to(
                    root.clone(),
                    move || view! { <StepPicture step=drawn side=side /> },
                );
                let svg = find(&root, "svg.step-picture");
                let label = svg.get_attribute("aria-label").unwrap();
                let what = format!("{} {label}", routine.id);
                assert_eq!(svg.get_attribute("role").as_deref(), Some("img"), "{what}");
                assert!(label.contains(step.position().label(&texts)), "{what}");
                // At rest the picture is the position and a breath: no tool, no spot.
                let works = step.technique != kneadtime_core::routine::Technique::Rest;
                if works {
                    assert!(label.contains(step.tool.label(&texts)), "{what}");
                    assert!(label.contains(step.area.short_label_on(&texts, side)), "{what}");
                }
                // The right side is the left mirrored; its mark is a word, not mirrored.
                let mirror = find(&root, ".step-picture__figure").get_attribute("transform");
                assert_eq!(mirror.is_some(), side == Side::Right, "{what}");
                assert_eq!(
                    text(&root, ".step-picture__mark"),
                    if side == Side::Left { "L" } else { "R" },
                    "{what}"
                );
                let count = |selector| root.query_selector_all(selector).unwrap().length();
                assert_eq!(count(".step-picture__spot"), u32::from(works), "{what}");
                assert_eq!(count(".step-picture__tool"), u32::from(works), "{what}");
            }
        }
    }
}

#[wasm_bindgen_test]
async fn a_picture_follows_its_step_as_it_changes() {
    use_english();
    let routine = builtin_routine(&english(), "piriformis-ball-release").unwrap();
    let step = RwSignal::new(routine.steps[1].clone());
    let side = RwSignal::new(Side::Left);
    let root = container();
    let _picture = mount_to(
        root.clone(),
        move || view! { <StepPicture step=step side=side /> },
    );
    let label = || find(&root, "svg").get_attribute("aria-label").unwrap();
    assert!(label().starts_with("Seated on the floor. Massage ball under the body. Spot: left piriformis."));
    step.update(|step| step.position = Some(kneadtime_core::routine::Position::LyingOnBack));
    side.set(Side::Right);
    leptos::task::tick().await;
    assert!(
        label().starts_with("Lying on your back. Massage ball under the body. Spot: right piriformis."),
        "{}",
        label()
    );
    assert!(find(&root, ".step-picture__figure")
        .get_attribute("transform")
        .is_some());
}

#[wasm_bindgen_test]
fn cue_player_queues_notes_ahead_and_cancels_pending_ones() {
    // Count oscillator starts and cancelling stops (a stop at time 0, before the start).
    js_sys::Function::new_no_args(
        "window.__osc = { started: 0, cancelled: 0 };
         const start = OscillatorNode.prototype.start, stop = OscillatorNode.prototype.stop;
         OscillatorNode.prototype.start = function (when) { window.__osc.started++; return start.call(this, when); };
         OscillatorNode.prototype.stop = function (when) { if (when === 0) window.__osc.cancelled++; return stop.call(this, when); };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let count = |field: &str| {
        let osc = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__osc".into()).unwrap();
        js_sys::Reflect::get(&osc, &field.into())
            .unwrap()
            .as_f64()
            .unwrap() as u32
    };
    let mut player = CuePlayer::default();
    let switch = tone(CueKind::SwitchSides {
        step: 0,
        to: Side::Right,
    });
    // Locked players stay silent.
    player.schedule(1_000, switch, 0);
    assert_eq!(count("started"), 0);
    player.unlock(50);
    player.schedule(5_000, switch, 0);
    player.schedule(500, tone(CueKind::Halfway { step: 0 }), 0);
    // Long past: skipped, not played late.
    player.schedule(1_000, switch, 60_000);
    assert_eq!(count("started") as usize, switch.len() + 1);
    // At 1 s the halfway tone has started; only the switch tone is still pending.
    player.cancel_pending(1_000);
    assert_eq!(count("cancelled") as usize, switch.len());
    player.cancel_pending(1_000);
    assert_eq!(count("cancelled") as usize, switch.len());
}

/// Any clock reading: sessions only care about differences.
const T0: u64 = 1_700_000_000_000;

/// Effleurage (no side, 60 s), then effleurage with the roller (left then right, 75 s each), …
fn foam_roller() -> Routine {
    builtin_routine(&english(), "foam-roller-hip-glute").unwrap()
}

/// Where the first segment of `kind` begins on the routine's timeline, with the default timing.
fn first_start(routine: &Routine, kind: SegmentKind) -> u64 {
    let session = Session::new(routine, Timing::default());
    session
        .plan()
        .segments()
        .iter()
        .find(|segment| segment.kind == kind)
        .unwrap()
        .start_ms
}

/// A session of `routine` started at `T0`, as it stands `ms` later.
fn running_at(routine: &Routine, ms: u64) -> SessionState {
    let mut session = Session::new(routine, Timing::default());
    session.start(T0);
    session.state_at(T0 + ms)
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Waits (in real time) until `done` holds; panics with `what` after three seconds.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..60 {
        if done() {
            return;
        }
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    }
    panic!("never: {what}")
}

#[wasm_bindgen_test]
async fn player_stage_says_what_to_do_now_and_next() {
    let routine = foam_roller();
    let state = RwSignal::new(running_at(&routine, 1_000));
    let root = container();
    let stage_routine = routine.clone();
    let _stage = mount_to(root.clone(), move || {
        view! { <PlayerStage routine=stage_routine state=state.into() now_ms=Signal::stored(T0) /> }
    });
    assert_eq!(text(&root, ".stage__title"), "Get ready");
    assert_eq!(text(&root, ".stage__badge"), "Next: Effleurage");
    assert_eq!(text(&root, ".stage__where span"), "Step 1 of 7");
    assert_eq!(text(&root, ".stage__countdown"), "0:04");
    assert!(root.query_selector(".stage__paused").unwrap().is_none());

    // The left pass of a two-sided step.
    let switch = first_start(&routine, SegmentKind::SwitchSides);
    state.set(running_at(&routine, switch - 10_000));
    leptos::task::tick().await;
    assert_eq!(text(&root, ".stage__title"), "Effleurage");
    assert_eq!(text(&root, ".stage__badge"), "Left side");
    assert_eq!(
        find(&root, ".stage").get_attribute("data-side").as_deref(),
        Some("left")
    );
    assert_eq!(text(&root, ".step-card__side"), "Left side");
    assert_eq!(
        text(&root, ".stage__next"),
        "Next: the same on the right side, 1 min 15 s"
    );

    // Turning over.
    state.set(running_at(&routine, switch + 1_000));
    leptos::task::tick().await;
    assert_eq!(text(&root, ".stage__title"), "Switch sides");
    assert_eq!(text(&root, ".stage__badge"), "Right side next");
    assert_eq!(
        text(&root, ".switch-card"),
        "Turn over to your right side for effleurage."
    );

    // Paused: the countdown says so.
    let mut paused = Session::new(&routine, Timing::default());
    paused.start(T0);
    paused.pause(T0 + switch + 1_000);
    state.set(paused.state_at(T0 + switch + 60_000));
    leptos::task::tick().await;
    assert_eq!(text(&root, ".stage__paused"), "Paused");
    assert_eq!(text(&root, ".stage__countdown"), "0:07");
}

#[wasm_bindgen_test]
async fn player_controls_follow_pause_and_report_each_press() {
    let paused = RwSignal::new(false);
    let pressed = RwSignal::new(Vec::<&'static str>::new());
    let press = move |name: &'static str| Callback::new(move |_: ()| pressed.update(|log| log.push(name)));
    let root = container();
    let _controls = mount_to(root.clone(), move || {
        view! {
            <PlayerControls
                paused=paused.into()
                on_back=press("back")
                on_toggle_pause=press("pause")
                on_skip=press("skip")
                on_restart_step=press("restart")
                on_end=press("end")
            />
        }
    });
    assert_eq!(text(&root, ".control--primary"), "Pause");
    paused.set(true);
    leptos::task::tick().await;
    assert_eq!(text(&root, ".control--primary"), "Resume");
    let buttons = root.query_selector_all("button").unwrap();
    let labels: Vec<String> = (0..buttons.length())
        .map(|index| buttons.get(index).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(labels, ["Back", "Resume", "Skip", "Restart step", "End"]);
    for index in 0..buttons.length() {
        buttons
            .get(index)
            .unwrap()
            .unchecked_into::<HtmlElement>()
            .click();
    }
    assert_eq!(
        pressed.get_untracked(),
        ["back", "pause", "skip", "restart", "end"]
    );
}

#[wasm_bindgen_test]
async fn player_runs_on_the_clock_it_is_given() {
    reset_app_storage(&[]);
    let routine = foam_roller();
    let time = Rc::new(Cell::new(T0));
    let history = RwSignal::new(History::default());
    let ended = RwSignal::new(None::<EndedSession>);
    let active = RwSignal::new(false);
    let quiet = Settings {
        sound: false,
        voice: false,
        vibration: false,
        ..Settings::default()
    };
    let inputs = PlayerInputs {
        clock: {
            let time = time.clone();
            Rc::new(move || time.get())
        },
        settings: Signal::stored(quiet),
        session_active: active.write_only(),
        history,
        record: Callback::new(move |session: EndedSession| {
            let record = SessionRecord::new(
                "s-1".into(),
                &session.routine,
                session.started_at_ms,
                0,
                &session.summary,
                session.pain_before,
                Locale::English,
            );
            history.update(|history| history.upsert(record));
            ended.set(Some(session));
            "s-1".to_string()
        }),
    };
    let made = Rc::new(Cell::new(None::<Player>));
    let root = container();
    let _player = mount_to(root.clone(), {
        let (made, routine) = (made.clone(), routine.clone());
        move || {
            let player = Player::new(routine, Timing::default(), inputs);
            made.set(Some(player));
            view! { <p>{move || player.announcement.get()}</p> }
        }
    });
    let player = made.get().unwrap();
    let status = || player.state.get_untracked().status;
    assert_eq!(status(), Status::Ready);

    player.start();
    leptos::task::tick().await;
    assert_eq!(status(), Status::Running);
    assert!(
        active.get_untracked(),
        "an update must not reload a running session"
    );
    assert_eq!(
        text(&root, "p"),
        "Step 1 of 7. Next: effleurage, whole region. Get into position."
    );

    // The fake time jumps into the left pass of step 2: the player's next tick shows it.
    let left = first_start(&routine, SegmentKind::SwitchSides) - 74_500;
    time.set(T0 + left);
    until("the player reads the new time", || {
        player.now().get_untracked() == T0 + left
    })
    .await;
    let current = player.state.get_untracked().current.unwrap();
    assert_eq!(
        (current.kind, current.step, current.side),
        (SegmentKind::Work, 1, Side::Left)
    );
    assert_eq!(
        player.where_now(),
        "you are on step 2 of 7, Effleurage (working, 1:15 left)"
    );

    // Paused, time passing changes nothing.
    player.pause();
    time.set(T0 + left + 600_000);
    player.resume();
    assert_eq!(player.state.get_untracked().routine_elapsed_ms, left);

    player.end();
    assert_eq!(status(), Status::Finished);
    until("the ended session is recorded", || {
        ended.with_untracked(Option::is_some)
    })
    .await;
    assert!(!active.get_untracked());
    let ended = ended.get_untracked().unwrap();
    assert_eq!(ended.started_at_ms, T0);
    assert!(ended.summary.ended_early);
    assert_eq!(ended.summary.steps_completed, 1);
    assert_eq!(player.record_id.get_untracked().as_deref(), Some("s-1"));
    player.rate_after(Some(2), "easier".into());
    let record = history.with_untracked(|history| history.0[0].clone());
    assert_eq!((record.pain_after, record.note.as_str()), (Some(2), "easier"));
    reset_app_storage(&[]);
}

/// Stands in a voice list (a JS array of `{name, lang, localService}`) for the browser's, and
/// keeps utterances in `window.__utterances` instead of speaking them.
fn fake_speech(voices: &str) {
    js_sys::Function::new_no_args(&format!(
        "window.__utterances = [];
         speechSynthesis.getVoices = () => {voices};
         speechSynthesis.speak = (utterance) => {{ window.__utterances.push(utterance); }};
         speechSynthesis.cancel = () => {{}};"
    ))
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

/// The browser's own speech again.
fn real_speech() {
    js_sys::Function::new_no_args(
        "delete speechSynthesis.getVoices; delete speechSynthesis.speak; delete speechSynthesis.cancel;",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

/// The utterances kept by [`fake_speech`] (but the silent one that unlocks speech):
/// text, language and whether a voice was set.
fn utterances() -> Vec<(String, String, bool)> {
    let kept = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__utterances".into()).unwrap();
    js_sys::Array::from(&kept)
        .iter()
        .map(|utterance| {
            let utterance = utterance.unchecked_into::<web_sys::SpeechSynthesisUtterance>();
            (utterance.text(), utterance.lang(), utterance.voice().is_some())
        })
        .filter(|(text, ..)| !text.is_empty())
        .collect()
}

const SOME_VOICES: &str = r#"[
    { name: "Samantha", lang: "en-US", localService: true },
    { name: "Google Deutsch", lang: "de-DE", localService: false },
    { name: "Anna", lang: "de_DE", localService: true },
    { name: "Amélie", lang: "fr-CA", localService: true }
]"#;

#[wasm_bindgen_test]
fn speech_is_in_the_page_language_with_only_its_voices() {
    set_texts(Catalog::parse(Locale::German, include_str!("../locales/de.json")).unwrap());
    fake_speech(SOME_VOICES);
    // Only German voices are offered, the device's own first; an English choice is passed over.
    assert_eq!(speech::voice_names(), ["Anna", "Google Deutsch"]);
    assert_eq!(
        speech::voice_name_to_use(Some("Samantha")).as_deref(),
        Some("Anna")
    );
    assert_eq!(
        speech::voice_name_to_use(Some("Google Deutsch")).as_deref(),
        Some("Google Deutsch")
    );
    assert_eq!(speech::utterance("Halbzeit.", 100, 80).unwrap().lang(), "de");

    // A device without a German voice: the words still go out tagged German, with no foreign voice.
    fake_speech(r#"[{ name: "Samantha", lang: "en-US", localService: true }]"#);
    assert!(speech::voice_names().is_empty());
    assert_eq!(
        speech::speak("Halbzeit.", Some("Samantha"), 100, 80),
        VoiceFound::No
    );
    assert_eq!(utterances(), [("Halbzeit.".to_string(), "de".to_string(), false)]);
    fake_speech("[]");
    assert_eq!(speech::speak("Halbzeit.", None, 100, 80), VoiceFound::NotYetKnown);

    set_texts(Catalog::parse(Locale::French, include_str!("../locales/fr.json")).unwrap());
    fake_speech(SOME_VOICES);
    assert_eq!(speech::voice_names(), ["Amélie"]);
    assert_eq!(speech::utterance("Bravo.", 100, 80).unwrap().lang(), "fr");
    real_speech();
    use_english();
}

/// A player of the foam-roller routine on the fake clock `time`, mounted with its live region in a `<p>`.
fn speaking_player(time: &Rc<Cell<u64>>) -> (HtmlElement, Player, impl Sized) {
    let settings = Settings {
        sound: true,
        voice: true,
        vibration: false,
        voice_name: Some("Anna".into()),
        ..Settings::default()
    };
    let inputs = PlayerInputs {
        clock: {
            let time = time.clone();
            Rc::new(move || time.get())
        },
        settings: Signal::stored(settings),
        session_active: RwSignal::new(false).write_only(),
        history: RwSignal::new(History::default()),
        record: Callback::new(|_: EndedSession| "s-1".to_string()),
    };
    let made = Rc::new(Cell::new(None::<Player>));
    let root = container();
    let mounted = mount_to(root.clone(), {
        let made = made.clone();
        move || {
            let player = Player::new(foam_roller(), Timing::default(), inputs);
            made.set(Some(player));
            view! { <p>{move || player.announcement.get()}</p> }
        }
    });
    (root, made.get().unwrap(), mounted)
}

const NO_VOICE: &str = "No voice for English on this device: you will hear tones instead.";

#[wasm_bindgen_test]
async fn the_player_says_once_when_the_device_has_no_voice_for_the_language() {
    reset_app_storage(&[]);
    fake_speech(r#"[{ name: "Anna", lang: "de-DE", localService: true }]"#);
    let time = Rc::new(Cell::new(T0));
    let (root, player, _mounted) = speaking_player(&time);
    player.start();
    leptos::task::tick().await;
    assert_eq!(player.voice_notice.get_untracked().as_deref(), Some(NO_VOICE));
    assert_eq!(
        text(&root, "p"),
        format!("Step 1 of 7. Next: effleurage, whole region. Get into position. {NO_VOICE}")
    );
    // Said in English, not in the German voice the settings name.
    assert_eq!(
        utterances(),
        [(
            "Next: effleurage, whole region. Get into position.".to_string(),
            "en".to_string(),
            false
        )]
    );

    // Once is enough: the next cue is announced alone.
    player.voice_notice.set(None);
    player.skip();
    leptos::task::tick().await;
    assert_eq!(player.voice_notice.get_untracked(), None);
    assert!(
        text(&root, "p").starts_with("Step 2 of 7."),
        "{}",
        text(&root, "p")
    );
    assert!(!text(&root, "p").contains("No voice"));
    assert_eq!(utterances().len(), 2);
    player.end();
    real_speech();
    reset_app_storage(&[]);
}

#[wasm_bindgen_test]
async fn a_device_that_never_lists_voices_is_told_so_once_they_had_time_to_load() {
    reset_app_storage(&[]);
    fake_speech("[]");
    let time = Rc::new(Cell::new(T0));
    let (root, player, _mounted) = speaking_player(&time);
    player.start();
    leptos::task::tick().await;
    // The list may still be loading: nothing said yet.
    assert_eq!(player.voice_notice.get_untracked(), None);
    // The work starts 5 s later, and the list is still empty.
    time.set(T0 + 5_000);
    until("the step starts", || {
        text(&root, "p").starts_with("Step 1 of 7. Effleurage")
    })
    .await;
    assert_eq!(player.voice_notice.get_untracked().as_deref(), Some(NO_VOICE));
    assert!(text(&root, "p").ends_with(NO_VOICE));
    player.end();
    real_speech();
    reset_app_storage(&[]);
}
