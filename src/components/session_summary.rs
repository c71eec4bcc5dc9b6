use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};
use crate::domain::format::countdown;
use crate::domain::routine::Routine;
use crate::domain::session::SessionSummary;

/// What a finished session amounted to.
#[component]
pub fn SessionSummaryView(
    /// The routine that was played.
    routine: Routine,
    /// The engine's account of the session.
    summary: SessionSummary,
    /// Start the routine again.
    on_again: Callback<()>,
) -> impl IntoView {
    let total = routine.steps.len();
    let skipped = (!summary.steps_skipped.is_empty()).then(|| {
        let items = summary
            .steps_skipped
            .iter()
            .filter_map(|&index| {
                routine
                    .steps
                    .get(index)
                    .map(|step| (index, step.technique.label()))
            })
            .map(|(index, name)| view! { <li>{format!("Step {}: {name}", index + 1)}</li> })
            .collect_view();
        view! {
            <h2 class="summary__subhead">"Skipped steps"</h2>
            <ul class="summary__skipped">{items}</ul>
        }
    });
    let heading = if summary.ended_early {
        "Session ended"
    } else {
        "Routine complete"
    };
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <div class="summary__badge" aria-hidden="true"><Icon name=IconName::Check /></div>
            <h1 id="summary-title" tabindex="-1">{heading}</h1>
            <p class="lead">{routine.title.clone()}</p>
            <dl class="summary__facts">
                <div><dt>"Time spent"</dt><dd>{countdown(summary.active_ms)}</dd></div>
                <div><dt>"Steps done"</dt><dd>{format!("{} of {total}", summary.steps_completed)}</dd></div>
                <div><dt>"Skipped"</dt><dd>{summary.steps_skipped.len()}</dd></div>
            </dl>
            {skipped}
            <p class="summary__care">
                "Notice how the area feels now. Mild soreness can follow pressure work; sharp, spreading or worsening pain, numbness or weakness is a reason to stop and see a professional."
            </p>
            <div class="summary__actions">
                <button type="button" class="button button--primary" on:click=move |_| on_again.run(())>
                    <Icon name=IconName::Restart />"Play again"
                </button>
                <A href=format!("/routine/{}", routine.id)>
                    <span class="button">"Routine details"</span>
                </A>
                <A href="/"><span class="button">"All routines"</span></A>
            </div>
        </section>
    }
}
