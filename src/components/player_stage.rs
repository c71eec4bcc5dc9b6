use leptos::prelude::*;

use super::breath_pacer::{BreathLabel, BreathPacer};
use super::icon::{Icon, IconName};
use super::step_card::StepCard;
use super::step_picture::StepPicture;
use super::timer_ring::TimerRing;
use crate::platform::i18n::{t, texts, tf};
use kneadtime_core::format::{countdown, duration_words};
use kneadtime_core::plan::SegmentKind;
use kneadtime_core::routine::{Routine, Side};
use kneadtime_core::session::{SessionState, Status};
use kneadtime_core::wording::{in_sentence, segment_title, side_heading};

/// The live session: where in the routine, the countdown ring with the breath
/// pacer beside the step's picture, the step card and what comes next.
#[component]
pub fn PlayerStage(
    /// The routine being played (as played: settings such as a breathing override applied).
    routine: Routine,
    /// Everything true about the session now.
    state: Signal<SessionState>,
    /// The clock reading `state` was computed at, for the breath pacer.
    now_ms: Signal<u64>,
) -> impl IntoView {
    let step_count = routine.steps.len();
    let routine = StoredValue::new(routine);
    let current = Memo::new(move |_| state.with(|state| state.current));
    // The parts of "now" that change the step card, so it is rebuilt only when they do.
    let place = Memo::new(move |_| {
        current
            .get()
            .map(|current| (current.kind, current.step, current.side))
    });
    let breath = Signal::derive(move || current.get().map(|current| current.breath));
    let running = Signal::derive(move || state.with(|state| state.status == Status::Running));

    let progress = move || {
        state.with(|state| {
            if state.routine_total_ms == 0 {
                0.0
            } else {
                100.0 * state.routine_elapsed_ms as f64 / state.routine_total_ms as f64
            }
        })
    };
    let step_number = move || {
        current
            .get()
            .map(|current| current.step + 1)
            .unwrap_or(step_count)
    };
    // A big title says what to do now; the badge under it says which side or what is next.
    let headline = move || {
        let (kind, step_index, side) = place.get()?;
        let technique =
            routine.with_value(|routine| routine.steps.get(step_index).map(|step| step.technique))?;
        let texts = texts();
        let badge = match kind {
            SegmentKind::GetReady => tf("player.next_technique", &[("technique", technique.label(&texts))]),
            SegmentKind::Work => side_heading(side, &texts).unwrap_or_default().to_string(),
            // While switching, `side` is the side coming next.
            SegmentKind::SwitchSides => match side {
                Side::Left => t("player.side_next.left"),
                Side::Right => t("player.side_next.right"),
                Side::None | Side::Both => String::new(),
            },
            SegmentKind::Rest => t("player.breathe_easy"),
        };
        Some((segment_title(kind, technique, &texts).to_string(), badge))
    };
    let card = move || {
        let (kind, step_index, side) = place.get()?;
        let (step, words) = routine
            .with_value(|routine| Some((routine.steps.get(step_index).cloned()?, routine.language)))?;
        Some(match kind {
            SegmentKind::SwitchSides => {
                let texts = texts();
                let key = match side {
                    Side::Left => "player.turn_over.left",
                    Side::Right => "player.turn_over.right",
                    Side::None | Side::Both => return None,
                };
                let technique = in_sentence(step.technique.label(&texts), &texts);
                view! {
                    <section
                        class="switch-card"
                        aria-label=segment_title(kind, step.technique, &texts).to_string()
                    >
                        <Icon name=IconName::Switch />
                        <p>{texts.fill(key, &[("technique", &technique)])}</p>
                    </section>
                }
                .into_any()
            }
            _ => view! { <StepCard step=step side=side words=words /> }.into_any(),
        })
    };
    // The step drawn beside the timer; while switching, turned to the side coming next.
    let picture = move || {
        let (_, step_index, side) = place.get()?;
        let step = routine.with_value(|routine| routine.steps.get(step_index).cloned())?;
        Some(view! { <StepPicture step=step side=side /> })
    };
    let next = move || {
        let (kind, step_index, side) = place.get()?;
        routine.with_value(|routine| {
            let step = routine.steps.get(step_index)?;
            // The right pass of a two-sided step follows its left pass.
            let right_pass_next =
                step.side == Side::Both && side == Side::Left && kind != SegmentKind::SwitchSides;
            let texts = texts();
            Some(if right_pass_next {
                texts.fill(
                    "player.next_same_right",
                    &[("duration", &duration_words(step.duration_secs, &texts))],
                )
            } else if let Some(following) = routine.steps.get(step_index + 1) {
                texts.fill(
                    "player.next_step",
                    &[
                        ("technique", following.technique.label(&texts)),
                        ("area", following.area.short_label(&texts)),
                        ("duration", &duration_words(following.duration_secs, &texts)),
                    ],
                )
            } else {
                texts.text("player.last_step").to_string()
            })
        })
    };
    view! {
        <div
            class="stage"
            data-kind=move || {
                place.get().map(|(kind, _, _)| format!("{kind:?}").to_lowercase()).unwrap_or_default()
            }
            data-step=move || place.get().map(|(_, step, _)| step + 1).unwrap_or_default()
            data-side=move || {
                place.get().map(|(_, _, side)| format!("{side:?}").to_lowercase()).unwrap_or_default()
            }
        >
            <div class="stage__progress">
                <p class="stage__where">
                    <span>
                        {move || {
                            tf(
                                "player.step_of",
                                &[("step", &step_number().to_string()), ("count", &step_count.to_string())],
                            )
                        }}
                    </span>
                    <span>
                        {move || {
                            tf(
                                "player.time_left",
                                &[("time", &countdown(state.with(|state| state.routine_remaining_ms)))],
                            )
                        }}
                    </span>
                </p>
                <div
                    class="progress"
                    role="progressbar"
                    aria-label=t("player.progress")
                    aria-valuemin="0"
                    aria-valuemax="100"
                    aria-valuenow=move || format!("{:.0}", progress())
                >
                    <div class="progress__bar" style=move || format!("width:{:.2}%", progress())></div>
                </div>
            </div>
            <h1 class="stage__title">{move || headline().map(|(title, _)| title)}</h1>
            <p class="stage__badge">{move || headline().map(|(_, badge)| badge)}</p>
            <div class="stage__now">
                <TimerRing
                    remaining_ms=Signal::derive(move || {
                        current.get().map(|current| current.remaining_ms).unwrap_or(0)
                    })
                    duration_ms=Signal::derive(move || {
                        current.get().map(|current| current.duration_ms).unwrap_or(0)
                    })
                >
                    <BreathPacer breath=breath running=running now_ms=now_ms />
                    <p class="stage__countdown" role="timer" aria-label=t("player.time_left_in_part")>
                        {move || countdown(current.get().map(|current| current.remaining_ms).unwrap_or(0))}
                    </p>
                    <Show when=move || !running.get()>
                        <p class="stage__paused">{t("player.paused")}</p>
                    </Show>
                </TimerRing>
                <div class="stage__picture">{picture}</div>
            </div>
            <BreathLabel breath=breath />
            {card}
            <p class="stage__next">{next}</p>
        </div>
    }
}
