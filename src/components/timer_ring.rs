use leptos::prelude::*;

/// Radius of the ring on its 200×200 grid.
const RADIUS: f64 = 92.0;

/// A progress ring that empties as a countdown runs, with content in its middle.
#[component]
pub fn TimerRing(
    /// Time left in the stretch the ring measures.
    #[prop(into)]
    remaining_ms: Signal<u64>,
    /// Length of that stretch.
    #[prop(into)]
    duration_ms: Signal<u64>,
    /// What sits inside the ring (countdown, breath pacer).
    children: Children,
) -> impl IntoView {
    let circumference = 2.0 * std::f64::consts::PI * RADIUS;
    // Whole seconds, like the countdown text, so ring and digits move together.
    let gone = move || {
        let duration = duration_ms.get();
        if duration == 0 {
            return circumference;
        }
        let remaining = remaining_ms.get().div_ceil(1000) * 1000;
        circumference * (1.0 - remaining.min(duration) as f64 / duration as f64)
    };
    view! {
        <div class="timer-ring">
            <svg class="timer-ring__svg" viewBox="0 0 200 200" aria-hidden="true" focusable="false">
                <circle class="timer-ring__track" cx="100" cy="100" r=RADIUS />
                <circle
                    class="timer-ring__progress"
                    cx="100"
                    cy="100"
                    r=RADIUS
                    stroke-dasharray=circumference
                    stroke-dashoffset=move || format!("{:.2}", gone())
                />
            </svg>
            <div class="timer-ring__inside">{children()}</div>
        </div>
    }
}
