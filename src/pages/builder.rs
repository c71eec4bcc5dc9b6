//! `/builder` and `/builder/:id`: compose a routine, or edit one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::icon::{Icon, IconName};
use crate::components::step_editor::{Choice, StepEditor};
use crate::platform::i18n::{t, texts, tf};
use crate::platform::share::random_u64;
use crate::state::use_app_state;
use kneadtime_core::breathing::BreathingPattern;
use kneadtime_core::draft::Draft;
use kneadtime_core::format::countdown;
use kneadtime_core::my_routines::Provenance;
use kneadtime_core::plan::Plan;
use kneadtime_core::routine::{limits, Field, Routine};
use kneadtime_core::safety::check_routine;

#[component]
pub fn BuilderPage() -> impl IntoView {
    let params = use_params_map();
    let state = use_app_state();
    move || {
        let id = params.with(|params| params.get("id"));
        let saved = id.as_deref().and_then(|id| state.my_routine(id));
        let draft = Draft::start(
            saved,
            || id.as_deref().and_then(|id| state.routine(id)),
            random_u64(),
            &texts(),
        );
        view! { <Builder initial=draft /> }
    }
}

/// The builder form for one draft.
#[component]
fn Builder(
    /// The routine being composed, and whether saving replaces the person's own.
    initial: Draft,
) -> impl IntoView {
    let state = use_app_state();
    let own = initial.own;
    let draft = RwSignal::new(initial);
    let errors = Memo::new(move |_| draft.with(Draft::problems));
    let error_for = move |field: Field| {
        move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .find(|error| error.field == field)
                    .map(|error| view! { <p class="field__error">{error.message(&texts())}</p> })
            })
        }
    };
    let step_count = Memo::new(move |_| draft.with(|d| d.routine.steps.len()));
    let can_add_step = Memo::new(move |_| draft.with(Draft::can_add_step));
    let total = move || {
        let timing = state.settings().with(|settings| settings.timing());
        draft.with(|d| countdown(Plan::new(&d.routine, timing).total_ms()))
    };
    let navigate = use_navigate();
    let save = move |_| {
        let Some(routine) = draft.with_untracked(Draft::to_save) else {
            return;
        };
        let id = routine.id.clone();
        state.save_routine(routine, Provenance::Made);
        navigate(&format!("/routine/{id}"), Default::default());
    };
    // Desktop drag and drop: the step being dragged, dropped onto another step's place.
    let dragging = RwSignal::new(None::<usize>);
    let steps = move || {
        (0..step_count.get())
            .map(|index| view! { <StepEditor draft=draft index=index dragging=dragging errors=errors /> })
            .collect_view()
    };
    let heading = if own {
        t("builder.title_edit")
    } else {
        t("builder.title_new")
    };
    // The total sits inside the sentence, emphasised: the words around it come from one text.
    let total_text = t("builder.total");
    let (total_before, total_after) = total_text
        .split_once("{total}")
        .map(|(before, after)| (before.to_string(), after.to_string()))
        .unwrap_or_else(|| (total_text.clone(), String::new()));
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <form class="builder" on:submit=|event| event.prevent_default()>
            <fieldset class="settings__group">
                <legend>{t("builder.about")}</legend>
                <TextField
                    draft=draft
                    label=t("builder.field_title")
                    field=Field::Title
                    max=limits::TITLE_MAX_CHARS
                    get=|r| r.title.clone()
                    set=|r, v| r.title = v
                />
                {error_for(Field::Title)}
                <TextField
                    draft=draft
                    label=t("builder.field_summary")
                    field=Field::Summary
                    max=limits::SUMMARY_MAX_CHARS
                    get=|r| r.summary.clone()
                    set=|r, v| r.summary = v
                />
                {error_for(Field::Summary)}
                <TextField
                    draft=draft
                    label=t("builder.field_author")
                    field=Field::Author
                    max=limits::AUTHOR_MAX_CHARS
                    get=|r| r.author.clone()
                    set=|r, v| r.author = v
                />
                {error_for(Field::Author)}
                <TextField
                    draft=draft
                    label=t("builder.field_note")
                    field=Field::Note
                    max=limits::NOTE_MAX_CHARS
                    multiline=true
                    get=|r| r.note.clone()
                    set=|r, v| r.note = v
                />
                {error_for(Field::Note)}
                <Choice
                    label=t("builder.breathing")
                    options=BreathingPattern::ALL
                        .iter()
                        .map(|p| (*p, p.label(&texts()).to_string()))
                        .collect()
                    get=Signal::derive(move || draft.with(|d| d.routine.breathing))
                    set=Callback::new(move |pattern| draft.update(|d| d.routine.breathing = pattern))
                />
            </fieldset>
            <h2>{move || tf("builder.steps_heading", &[("count", &step_count.get().to_string())])}</h2>
            {error_for(Field::Steps)}
            <ol class="builder__steps">{steps}</ol>
            <button
                type="button"
                class="button"
                disabled={move || !can_add_step.get()}
                on:click=move |_| draft.update(|d| d.add_step(&texts()))
            >
                {t("builder.add_step")}
            </button>
            <RuleWarnings routine=Signal::derive(move || draft.with(|d| d.routine.clone())) />
            <div class="builder__footer">
                <p class="builder__total">{total_before}<strong>{total}</strong>{total_after}</p>
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || !errors.with(Vec::is_empty)
                    on:click=save
                >
                    <Icon name=IconName::Check />
                    {t("builder.save")}
                </button>
            </div>
        </form>
    }
}

/// The safety rules the routine breaks as it stands, as warnings: the builder changes
/// nothing itself, the therapist decides.
#[component]
fn RuleWarnings(
    /// The routine as composed so far.
    routine: Signal<Routine>,
) -> impl IntoView {
    let warnings = Memo::new(move |_| routine.with(check_routine));
    let items = move || {
        warnings
            .get()
            .into_iter()
            .map(|warning| {
                let class = if warning.rule.is_warning() {
                    "rule rule--warning"
                } else {
                    "rule"
                };
                let icon = if warning.rule.is_warning() {
                    IconName::Caution
                } else {
                    IconName::Info
                };
                view! {
                    <li class=class>
                        <Icon name=icon />
                        <span>{warning.message(&texts())}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="rule-checks" aria-labelledby="rule-checks-heading" aria-live="polite">
            <Show when=move || warnings.with(|warnings| !warnings.is_empty())>
                <h2 id="rule-checks-heading">{t("rules.heading")}</h2>
                <ul class="rule-checks__list">{items}</ul>
            </Show>
        </section>
    }
}

/// A text input (or textarea) bound to one text field of the draft.
#[component]
fn TextField(
    /// The draft it edits.
    draft: RwSignal<Draft>,
    /// Visible label.
    label: String,
    /// Which field (for its error message).
    field: Field,
    /// Longest allowed text (the browser stops typing there too).
    max: usize,
    /// Reads the field.
    get: fn(&Routine) -> String,
    /// Writes the field.
    set: fn(&mut Routine, String),
    /// A multi-line box.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let value = move || draft.with(|d| get(&d.routine));
    let on_input = move |event| draft.update(|d| set(&mut d.routine, event_target_value(&event)));
    let id = format!("field-{field:?}").to_lowercase();
    let input = if multiline {
        view! { <textarea id=id.clone() rows="3" maxlength=max prop:value=value on:input=on_input></textarea> }.into_any()
    } else {
        view! { <input id=id.clone() type="text" maxlength=max prop:value=value on:input=on_input /> }
            .into_any()
    };
    view! {
        <div class="field">
            <label class="field__label" for=id>
                {label}
            </label>
            {input}
        </div>
    }
}
