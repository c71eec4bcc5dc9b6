//! One step in the builder, and the labelled select the builder uses throughout.

use leptos::prelude::*;

use super::icon::{Icon, IconName};
use super::step_picture::StepPicture;
use crate::platform::i18n::{t, texts, tf};
use kneadtime_core::breathing::BreathingPattern;
use kneadtime_core::draft::{new_step, Draft, StepEdit};
use kneadtime_core::format::duration_words;
use kneadtime_core::routine::{
    limits, Area, Position, Pressure, Side, Step, Technique, Tool, ValidationError,
};

/// Durations one tap away, in seconds.
const DURATION_PRESETS: [u32; 6] = [30, 45, 60, 90, 120, 180];

/// A labelled select over a fixed list of values.
#[component]
pub fn Choice<T>(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// The values and their names.
    options: Vec<(T, String)>,
    /// The chosen value.
    get: Signal<T>,
    /// Called with the new choice.
    set: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let values: Vec<T> = options.iter().map(|(value, _)| *value).collect();
    let items = options
        .into_iter()
        .enumerate()
        .map(|(index, (value, name))| {
            view! {
                <option value=index.to_string() selected=move || get.get() == value>
                    {name}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="field">
            <span class="field__label">{label.clone()}</span>
            <select
                aria-label=label
                on:change=move |event| {
                    if let Some(value) = event_target_value(&event)
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| values.get(i))
                    {
                        set.run(*value);
                    }
                }
            >
                {items}
            </select>
        </label>
    }
}

/// One field of step `index` as a signal (a removed step reads as a fresh one until its editor goes).
fn step_field<T: Clone + Send + Sync + 'static>(
    draft: RwSignal<Draft>,
    index: usize,
    get: fn(&Step) -> T,
) -> Signal<T> {
    Signal::derive(move || {
        draft
            .with(|d| d.step(index).map(get))
            .unwrap_or_else(|| get(&new_step(&texts())))
    })
}

/// One step of the draft: what, where, how long, how firmly, with what; move, copy, remove.
#[component]
pub fn StepEditor(
    /// The draft the step is in.
    draft: RwSignal<Draft>,
    /// Its position.
    index: usize,
    /// The step being dragged, if any.
    dragging: RwSignal<Option<usize>>,
    /// The draft's validation problems, worked out once for all steps.
    errors: Memo<Vec<ValidationError>>,
) -> impl IntoView {
    let drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        if let Some(from) = dragging.get_untracked().filter(|&from| from != index) {
            draft.update(|d| d.move_step(from, index));
        }
        dragging.set(None);
    };
    let read = move |f: fn(&Step) -> String| move || draft.with(|d| d.step(index).map(f).unwrap_or_default());
    let edit = move |change: StepEdit| draft.update(|d| d.edit_step(&texts(), index, change));
    let count = move || draft.with(|d| d.routine.steps.len());
    let step_error = move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(|e| e.field.step() == Some(index))
                .map(|e| view! { <p class="field__error">{e.message(&texts())}</p> })
        })
    };
    let presets = DURATION_PRESETS
        .into_iter()
        .map(|secs| {
            view! {
                <button
                    type="button"
                    class="chip chip--button"
                    aria-pressed=move || {
                        (draft.with(|d| d.step(index).map(|s| s.duration_secs)) == Some(secs)).to_string()
                    }
                    on:click=move |_| edit(StepEdit::DurationSecs(secs))
                >
                    {duration_words(secs, &texts())}
                </button>
            }
        })
        .collect_view();
    let number = (index + 1).to_string();
    let numbered = |key: &str| tf(key, &[("number", &number)]);
    // What the pictures draw: the step without its how-to text, so typing the text
    // redraws none of the nine pictures.
    let step = Memo::new(move |_| {
        draft
            .with(|d| d.step(index).cloned())
            .map(|step| Step {
                instructions: String::new(),
                ..step
            })
            .unwrap_or_else(|| new_step(&texts()))
    });
    let side = step_field(draft, index, |s| s.side);
    let position = step_field(draft, index, Step::position);
    // One choice per position, each drawn as this step would be in it.
    let positions = Position::ALL
        .into_iter()
        .map(|choice| {
            let drawn = Signal::derive(move || Step {
                position: Some(choice),
                ..step.get()
            });
            view! {
                <label class="position-choice__option">
                    <input
                        type="radio"
                        name=format!("position-{index}")
                        prop:checked=move || position.get() == choice
                        on:change=move |_| edit(StepEdit::Position(choice))
                    />
                    <span class="position-choice__picture" aria-hidden="true">
                        <StepPicture step=drawn side=Side::None />
                    </span>
                    <span>{choice.label(&texts()).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <li
            class="step-item builder-step"
            class:builder-step--dragging=move || dragging.get() == Some(index)
            on:dragover=|event| event.prevent_default()
            on:drop=drop
        >
            <div class="builder-step__head">
                <span
                    class="builder-step__grip"
                    draggable="true"
                    title=t("builder.drag")
                    aria-hidden="true"
                    on:dragstart=move |event| {
                        if let Some(transfer) = event.data_transfer() {
                            let _ = transfer.set_data("text/plain", &index.to_string());
                        }
                        dragging.set(Some(index));
                    }
                    on:dragend=move |_| dragging.set(None)
                >
                    <Icon name=IconName::Grip />
                </span>
                <span class="step-item__number" aria-hidden="true">{index + 1}</span>
                <h3 class="builder-step__title">{read(|s| s.technique.label(&texts()).to_string())}</h3>
                <div class="builder-step__tools" role="group" aria-label=numbered("builder.step_group")>
                    <button type="button" class="icon-button" disabled=move || index == 0
                        on:click=move |_| draft.update(|d| d.move_step_up(index))>
                        <Icon name=IconName::Up /><span class="visually-hidden">{numbered("builder.move_up")}</span>
                    </button>
                    <button type="button" class="icon-button" disabled={move || index + 1 >= count()}
                        on:click=move |_| draft.update(|d| d.move_step_down(index))>
                        <Icon name=IconName::Down /><span class="visually-hidden">{numbered("builder.move_down")}</span>
                    </button>
                    <button type="button" class="icon-button" disabled={move || !draft.with(Draft::can_add_step)}
                        on:click=move |_| draft.update(|d| d.duplicate_step(index))>
                        <Icon name=IconName::Copy /><span class="visually-hidden">{numbered("builder.duplicate")}</span>
                    </button>
                    <button type="button" class="icon-button"
                        on:click=move |_| draft.update(|d| d.remove_step(index))>
                        <Icon name=IconName::Close /><span class="visually-hidden">{numbered("builder.remove")}</span>
                    </button>
                </div>
            </div>
            <div class="builder-step__picture">
                <StepPicture step=step side=side />
            </div>
            <div class="builder-step__grid">
                <Choice label=t("builder.technique") options=Technique::ALL.iter().map(|v| (*v, v.label(&texts()).to_string())).collect()
                    get=step_field(draft, index, |s| s.technique) set=Callback::new(move |v| edit(StepEdit::Technique(v))) />
                <Choice label=t("builder.area") options=Area::ALL.iter().map(|a| (*a, a.label(&texts()).to_string())).collect()
                    get=step_field(draft, index, |s| s.area) set=Callback::new(move |v| edit(StepEdit::Area(v))) />
                <Choice label=t("builder.side") options=Side::ALL.iter().map(|a| (*a, a.label(&texts()).to_string())).collect()
                    get=step_field(draft, index, |s| s.side) set=Callback::new(move |v| edit(StepEdit::Side(v))) />
                <Choice label=t("builder.tool") options=Tool::ALL.iter().map(|a| (*a, a.label(&texts()).to_string())).collect()
                    get=step_field(draft, index, |s| s.tool) set=Callback::new(move |v| edit(StepEdit::Tool(v))) />
                <Choice label=t("builder.pressure") options=Pressure::ALL.iter().map(|a| (*a, a.label(&texts()).to_string())).collect()
                    get=step_field(draft, index, |s| s.pressure) set=Callback::new(move |v| edit(StepEdit::Pressure(v))) />
                <Choice label=t("builder.breathing") options=std::iter::once((None, t("builder.as_routine"))).chain(BreathingPattern::ALL.iter().map(|p| (Some(*p), p.label(&texts()).to_string()))).collect()
                    get=step_field(draft, index, |s| s.breathing) set=Callback::new(move |v| edit(StepEdit::Breathing(v))) />
            </div>
            <fieldset class="position-choice">
                <legend class="field__label">{t("builder.position")}</legend>
                <div class="position-choice__options">{positions}</div>
            </fieldset>
            <div class="field">
                <span class="field__label">
                    {t("builder.duration")}
                    <output class="field__value">{read(|s| duration_words(s.duration_secs, &texts()))}</output>
                </span>
                <div class="chips">{presets}</div>
                <label class="builder-step__seconds">
                    {t("builder.seconds")}
                    <input type="number" min=limits::STEP_MIN_SECS max=limits::STEP_MAX_SECS
                        prop:value=read(|s| s.duration_secs.to_string())
                        on:input=move |event| {
                            let secs = event_target_value(&event).parse::<u32>().unwrap_or(0);
                            edit(StepEdit::DurationSecs(secs));
                        } />
                </label>
            </div>
            <label class="field">
                <span class="field__label">{t("builder.how_to")}</span>
                <textarea rows="3" maxlength=limits::INSTRUCTIONS_MAX_CHARS prop:value=read(|s| s.instructions.clone())
                    on:input=move |event| edit(StepEdit::Instructions(event_target_value(&event)))></textarea>
            </label>
            {step_error}
        </li>
    }
}
