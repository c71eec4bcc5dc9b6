use leptos::prelude::*;

use crate::platform::i18n::texts;
use kneadtime_core::breathing::{BreathPhase, BreathState};

/// One breath phase as the pacer draws it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PacerPhase {
    /// Clock time the phase began: constant while it runs, new after any jump, pause or resume,
    /// so the shape is redrawn exactly when its animation must restart.
    started_at_ms: u64,
    phase: BreathPhase,
    duration_ms: u64,
    /// How far into the phase the engine was when it began to be drawn.
    elapsed_ms: u64,
}

/// A shape that grows on the inhale and shrinks on the exhale.
///
/// The browser animates it (CSS), started at the engine's phase position, so the
/// shape and the phase label below it come from the same clock and no Rust runs per frame.
/// Reduced motion gets a still shape whose colour follows the phase.
#[component]
pub fn BreathPacer(
    /// Where in the breath the session is; `None` hides the pacer.
    #[prop(into)]
    breath: Signal<Option<BreathState>>,
    /// Whether the session is running (the animation holds while paused).
    #[prop(into)]
    running: Signal<bool>,
    /// The clock the breath state was read at.
    #[prop(into)]
    now_ms: Signal<u64>,
) -> impl IntoView {
    let phase = Memo::new(move |previous: Option<&Option<PacerPhase>>| {
        let breath = breath.get()?;
        let started_at_ms = now_ms.get().saturating_sub(breath.phase_elapsed_ms);
        // Same phase as before: keep the first reading, so the element is not redrawn.
        if let Some(Some(previous)) = previous.filter(|p| p.is_some_and(|p| p.started_at_ms == started_at_ms))
        {
            return Some(*previous);
        }
        Some(PacerPhase {
            started_at_ms,
            phase: breath.phase,
            duration_ms: breath.phase_duration_ms,
            elapsed_ms: breath.phase_elapsed_ms,
        })
    });
    view! {
        <div class="pacer" class:pacer--paused=move || !running.get()>
            // Keyed by the phase's start, so each phase gets a fresh element and its
            // animation starts at the engine's position (patching a running one would not).
            <For each=move || phase.get() key=|phase| phase.started_at_ms let:phase>
                <div
                    class=format!("pacer__shape pacer__shape--{}", phase_class(phase.phase))
                    style=format!(
                        "animation-duration:{}ms;animation-delay:-{}ms",
                        phase.duration_ms,
                        phase.elapsed_ms,
                    )
                ></div>
            </For>
        </div>
    }
}

/// The breath phase in words with its seconds left: "Breathe in 3".
#[component]
pub fn BreathLabel(
    /// Where in the breath the session is; `None` shows nothing.
    #[prop(into)]
    breath: Signal<Option<BreathState>>,
) -> impl IntoView {
    view! {
        <p class="breath-label">
            {move || {
                breath
                    .get()
                    .map(|breath| {
                        view! {
                            <span class=format!(
                                "breath-label__phase breath-label__phase--{}",
                                phase_class(breath.phase),
                            )>{breath.phase.label(&texts()).to_string()}</span>
                            <span class="breath-label__count">{breath.countdown_secs()}</span>
                        }
                    })
            }}
        </p>
    }
}

fn phase_class(phase: BreathPhase) -> &'static str {
    match phase {
        BreathPhase::Inhale => "inhale",
        BreathPhase::HoldIn => "hold-in",
        BreathPhase::Exhale => "exhale",
        BreathPhase::HoldOut => "hold-out",
    }
}
