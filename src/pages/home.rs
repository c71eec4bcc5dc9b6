use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_app_state;
use crate::components::routine_card::RoutineCard;

/// The routine library.
#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Title text="" />
        <section class="intro">
            <h1>"Guided self-massage for hips, buttocks and lower back"</h1>
            <p>
                "Pick a routine, get into position, and follow the timer and breathing guide. "
                "Every step tells you what to do, where, how firmly and for how long."
            </p>
        </section>
        <section aria-labelledby="library-heading">
            <h2 id="library-heading">"Routines"</h2>
            <ul class="routine-list">
                <For
                    each=move || state.routines.get()
                    key=|routine| (routine.id.clone(), routine.revision)
                    let(routine)
                >
                    <li><RoutineCard routine=routine /></li>
                </For>
            </ul>
        </section>
    }
}
