use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};
use super::pain_scale::PainScale;
use crate::platform::i18n::texts;
use crate::state::use_app_state;
use kneadtime_core::format::countdown;
use kneadtime_core::history::{pain_rose_notably, NOTE_MAX_CHARS};
use kneadtime_core::routine::Routine;
use kneadtime_core::session::SessionSummary;

/// What a finished session amounted to.
#[component]
pub fn SessionSummaryView(
    /// The routine that was played.
    routine: Routine,
    /// The engine's account of the session.
    summary: SessionSummary,
    /// The rating given before the session, if any.
    pain_before: Option<u8>,
    /// Records the after-session rating and note in the history.
    on_rate: Callback<(Option<u8>, String)>,
    /// Start the routine again.
    on_again: Callback<()>,
) -> impl IntoView {
    let ask = use_app_state()
        .settings
        .with_untracked(|settings| settings.pain_check_in)
        || pain_before.is_some();
    let check_in = ask.then(|| view! { <AfterCheckIn pain_before=pain_before on_rate=on_rate /> });
    let total = routine.steps.len();
    let skipped = (!summary.steps_skipped.is_empty()).then(|| {
        let items = summary
            .steps_skipped
            .iter()
            .filter_map(|&index| {
                routine
                    .steps
                    .get(index)
                    .map(|step| (index, step.technique.label(&texts()).to_string()))
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
            <div class="summary__badge" aria-hidden="true">
                <Icon name=IconName::Check />
            </div>
            <h1 id="summary-title" tabindex="-1">
                {heading}
            </h1>
            <p class="lead">{routine.title.clone()}</p>
            <dl class="summary__facts">
                <div>
                    <dt>"Time spent"</dt>
                    <dd>{countdown(summary.active_ms)}</dd>
                </div>
                <div>
                    <dt>"Steps done"</dt>
                    <dd>{format!("{} of {total}", summary.steps_completed)}</dd>
                </div>
                <div>
                    <dt>"Skipped"</dt>
                    <dd>{summary.steps_skipped.len()}</dd>
                </div>
            </dl>
            {skipped}
            {check_in}
            <p class="summary__care">
                "Notice how the area feels now. Mild soreness can follow pressure work; sharp, spreading or worsening pain, numbness or weakness is a reason to stop and see a professional."
            </p>
            <div class="summary__actions">
                <button type="button" class="button button--primary" on:click=move |_| on_again.run(())>
                    <Icon name=IconName::Restart />
                    "Play again"
                </button>
                <A href=format!("/routine/{}", routine.id)>
                    <span class="button">"Routine details"</span>
                </A>
                <A href="/history">
                    <span class="button">
                        <Icon name=IconName::History />
                        "History"
                    </span>
                </A>
                <A href="/">
                    <span class="button">"All routines"</span>
                </A>
            </div>
        </section>
    }
}

/// "How does it feel now?": the after rating and a note, saved as they are given,
/// with gentle advice when pain rose a lot.
#[component]
fn AfterCheckIn(
    /// The rating given before the session, if any.
    pain_before: Option<u8>,
    /// Saves the rating and note.
    on_rate: Callback<(Option<u8>, String)>,
) -> impl IntoView {
    let pain_after = RwSignal::new(None::<u8>);
    let note = RwSignal::new(String::new());
    let saved = RwSignal::new(false);
    let save = move || {
        on_rate.run((pain_after.get_untracked(), note.get_untracked()));
        saved.set(true);
    };
    let before_text = pain_before.map(|before| format!("Before the session you said {before} of 10."));
    view! {
        <section class="check-in" aria-labelledby="after-heading">
            <h2 id="after-heading" class="summary__subhead">
                "How does it feel now?"
            </h2>
            {before_text.map(|text| view! { <p class="field__hint">{text}</p> })}
            <PainScale
                legend="Pain now, 0 to 10 (optional)"
                name="pain-after"
                value=pain_after.into()
                on_change=Callback::new(move |pain| {
                    pain_after.set(pain);
                    save();
                })
            />
            <label class="field">
                <span class="field__label">"Note for yourself or your therapist (optional)"</span>
                <textarea
                    rows="2"
                    maxlength=NOTE_MAX_CHARS
                    prop:value=move || note.get()
                    on:input=move |event| note.set(event_target_value(&event))
                    on:change=move |_| save()
                ></textarea>
            </label>
            <p class="check-in__saved" role="status">
                {move || saved.get().then_some("Saved in your history.")}
            </p>
            <Show when=move || pain_rose_notably(pain_before, pain_after.get())>
                <div class="advice" role="note">
                    <h3>
                        <Icon name=IconName::Caution />
                        "Your pain went up"
                    </h3>
                    <p>
                        "Some tenderness after pressure work is common, but a rise this big suggests the pressure was too much. "
                        "Next time, use lighter pressure or a softer tool, and shorten the held steps."
                    </p>
                    <p>
                        "If the pain stays higher for more than a day or two, or you notice numbness, tingling or weakness, see a doctor or physiotherapist."
                    </p>
                </div>
            </Show>
        </section>
    }
}
