use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};
use super::pain_scale::PainScale;
use crate::platform::i18n::{lang_of, t, texts, tf};
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
        .settings()
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
            .map(|(index, name)| {
                view! { <li>{tf("summary.skipped_step", &[("step", &(index + 1).to_string()), ("technique", &name)])}</li> }
            })
            .collect_view();
        view! {
            <h2 class="summary__subhead">{t("summary.skipped_steps")}</h2>
            <ul class="summary__skipped">{items}</ul>
        }
    });
    let heading = if summary.ended_early {
        t("summary.ended")
    } else {
        t("summary.complete")
    };
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <div class="summary__badge" aria-hidden="true">
                <Icon name=IconName::Check />
            </div>
            <h1 id="summary-title" tabindex="-1">
                {heading}
            </h1>
            <p class="lead" lang=lang_of(routine.language)>
                {routine.title.clone()}
            </p>
            <dl class="summary__facts">
                <div>
                    <dt>{t("summary.time_spent")}</dt>
                    <dd>{countdown(summary.active_ms)}</dd>
                </div>
                <div>
                    <dt>{t("summary.steps_done")}</dt>
                    <dd>
                        {tf(
                            "summary.steps_done_of",
                            &[("done", &summary.steps_completed.to_string()), ("total", &total.to_string())],
                        )}
                    </dd>
                </div>
                <div>
                    <dt>{t("summary.skipped")}</dt>
                    <dd>{summary.steps_skipped.len()}</dd>
                </div>
            </dl>
            {skipped}
            {check_in}
            <p class="summary__care">{t("summary.care")}</p>
            <div class="summary__actions">
                <button type="button" class="button button--primary" on:click=move |_| on_again.run(())>
                    <Icon name=IconName::Restart />
                    {t("summary.play_again")}
                </button>
                <A href=format!("/routine/{}", routine.id)>
                    <span class="button">{t("summary.routine_details")}</span>
                </A>
                <A href="/history">
                    <span class="button">
                        <Icon name=IconName::History />
                        {t("summary.history")}
                    </span>
                </A>
                <A href="/">
                    <span class="button">{t("summary.all_routines")}</span>
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
    let before_text = pain_before.map(|before| tf("summary.pain_before", &[("pain", &before.to_string())]));
    view! {
        <section class="check-in" aria-labelledby="after-heading">
            <h2 id="after-heading" class="summary__subhead">
                {t("summary.how_now")}
            </h2>
            {before_text.map(|text| view! { <p class="field__hint">{text}</p> })}
            <PainScale
                legend=t("summary.pain_now")
                name="pain-after"
                value=pain_after.into()
                on_change=Callback::new(move |pain| {
                    pain_after.set(pain);
                    save();
                })
            />
            <label class="field">
                <span class="field__label">{t("summary.note")}</span>
                <textarea
                    rows="2"
                    maxlength=NOTE_MAX_CHARS
                    prop:value=move || note.get()
                    on:input=move |event| note.set(event_target_value(&event))
                    on:change=move |_| save()
                ></textarea>
            </label>
            <p class="check-in__saved" role="status">
                {move || saved.get().then(|| t("summary.saved"))}
            </p>
            <Show when=move || pain_rose_notably(pain_before, pain_after.get())>
                <div class="advice" role="note">
                    <h3>
                        <Icon name=IconName::Caution />
                        {t("summary.pain_rose_title")}
                    </h3>
                    <p>{t("summary.pain_rose_advice")}</p>
                    <p>{t("summary.pain_rose_see_someone")}</p>
                </div>
            </Show>
        </section>
    }
}
