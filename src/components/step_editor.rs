//! One step in the builder, and the labelled select the builder uses throughout.

use leptos::prelude::*;

use super::icon::{Icon, IconName};
use kneadtime_core::breathing::BreathingPattern;
use kneadtime_core::format::duration_words;
use kneadtime_core::howto::default_instructions;
use kneadtime_core::routine::{
    limits, Area, Field, Pressure, Routine, Side, Step, Technique, Tool, ValidationError,
};

/// Durations one tap away, in seconds.
const DURATION_PRESETS: [u32; 6] = [30, 45, 60, 90, 120, 180];

/// A new step: kneading the glute on both sides for a minute, with the standard how-to text.
pub fn new_step() -> Step {
    let (technique, area, tool) = (Technique::Kneading, Area::GluteusMaximus, Tool::Hands);
    Step {
        technique,
        area,
        side: Side::Both,
        duration_secs: 60,
        pressure: Pressure::Medium,
        tool,
        instructions: default_instructions(technique, area, tool),
        breathing: None,
    }
}

/// A labelled select over a fixed list of values.
#[component]
pub fn Choice<T>(
    /// Visible label.
    label: &'static str,
    /// The values and their names.
    options: Vec<(T, &'static str)>,
    /// The chosen value.
    get: Signal<T>,
    /// Called with the new choice.
    set: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let names = options.clone();
    let items = options
        .into_iter()
        .enumerate()
        .map(|(index, (value, name))| {
            view! { <option value=index.to_string() selected=move || get.get() == value>{name}</option> }
        })
        .collect_view();
    view! {
        <label class="field">
            <span class="field__label">{label}</span>
            <select aria-label=label on:change=move |event| {
                if let Some((value, _)) = event_target_value(&event).parse::<usize>().ok().and_then(|i| names.get(i)) {
                    set.run(*value);
                }
            }>{items}</select>
        </label>
    }
}

/// One field of step `index` as a signal (a removed step reads as a fresh one until its editor goes).
fn step_field<T: Clone + Send + Sync + 'static>(
    draft: RwSignal<Routine>,
    index: usize,
    get: fn(&Step) -> T,
) -> Signal<T> {
    Signal::derive(move || {
        draft
            .with(|r| r.steps.get(index).map(get))
            .unwrap_or_else(|| get(&new_step()))
    })
}

/// One step of the draft: what, where, how long, how firmly, with what; move, copy, remove.
#[component]
pub fn StepEditor(
    /// The draft the step is in.
    draft: RwSignal<Routine>,
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
            draft.update(|r| {
                if from < r.steps.len() && index < r.steps.len() {
                    let step = r.steps.remove(from);
                    r.steps.insert(index, step);
                }
            });
        }
        dragging.set(None);
    };
    let read =
        move |f: fn(&Step) -> String| move || draft.with(|r| r.steps.get(index).map(f).unwrap_or_default());
    // Changing what, where or with what keeps the standard how-to text in step, unless it was rewritten.
    let retarget = move |change: Box<dyn Fn(&mut Step)>| {
        draft.update(|r| {
            if let Some(step) = r.steps.get_mut(index) {
                let was_standard =
                    step.instructions == default_instructions(step.technique, step.area, step.tool);
                change(step);
                if was_standard {
                    step.instructions = default_instructions(step.technique, step.area, step.tool);
                }
            }
        })
    };
    let edit = move |change: Box<dyn Fn(&mut Step)>| {
        draft.update(|r| r.steps.get_mut(index).into_iter().for_each(&change))
    };
    let count = move || draft.with(|r| r.steps.len());
    let duration_error = move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(
                    |e| matches!(e.field, Field::StepDuration(i) | Field::StepInstructions(i) if i == index),
                )
                .map(|e| view! { <p class="field__error">{e.message()}</p> })
        })
    };
    let presets = DURATION_PRESETS
        .into_iter()
        .map(|secs| {
            view! {
                <button
                    type="button"
                    class="chip chip--button"
                    aria-pressed=move || (draft.with(|r| r.steps.get(index).map(|s| s.duration_secs)) == Some(secs)).to_string()
                    on:click=move |_| edit(Box::new(move |s| s.duration_secs = secs))
                >
                    {duration_words(secs)}
                </button>
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
                    title="Drag to reorder"
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
                <h3 class="builder-step__title">{read(|s| s.technique.label().to_string())}</h3>
                <div class="builder-step__tools" role="group" aria-label=format!("Step {}", index + 1)>
                    <button type="button" class="icon-button" disabled=move || index == 0
                        on:click=move |_| draft.update(|r| r.steps.swap(index, index - 1))>
                        <Icon name=IconName::Up /><span class="visually-hidden">{format!("Move step {} up", index + 1)}</span>
                    </button>
                    <button type="button" class="icon-button" disabled={move || index + 1 >= count()}
                        on:click=move |_| draft.update(|r| if index + 1 < r.steps.len() { r.steps.swap(index, index + 1) })>
                        <Icon name=IconName::Down /><span class="visually-hidden">{format!("Move step {} down", index + 1)}</span>
                    </button>
                    <button type="button" class="icon-button" disabled={move || count() >= limits::MAX_STEPS}
                        on:click=move |_| draft.update(|r| if let Some(step) = r.steps.get(index).cloned() { r.steps.insert(index + 1, step) })>
                        <Icon name=IconName::Copy /><span class="visually-hidden">{format!("Duplicate step {}", index + 1)}</span>
                    </button>
                    <button type="button" class="icon-button"
                        on:click=move |_| draft.update(|r| if index < r.steps.len() { r.steps.remove(index); })>
                        <Icon name=IconName::Close /><span class="visually-hidden">{format!("Remove step {}", index + 1)}</span>
                    </button>
                </div>
            </div>
            <div class="builder-step__grid">
                <Choice label="Technique" options=Technique::ALL.iter().map(|t| (*t, t.label())).collect()
                    get=step_field(draft, index, |s| s.technique) set=Callback::new(move |v| retarget(Box::new(move |s| s.technique = v))) />
                <Choice label="Area" options=Area::ALL.iter().map(|a| (*a, a.label())).collect()
                    get=step_field(draft, index, |s| s.area) set=Callback::new(move |v| retarget(Box::new(move |s| s.area = v))) />
                <Choice label="Side" options=Side::ALL.iter().map(|a| (*a, a.label())).collect()
                    get=step_field(draft, index, |s| s.side) set=Callback::new(move |v| edit(Box::new(move |s| s.side = v))) />
                <Choice label="Tool" options=Tool::ALL.iter().map(|a| (*a, a.label())).collect()
                    get=step_field(draft, index, |s| s.tool) set=Callback::new(move |v| retarget(Box::new(move |s| s.tool = v))) />
                <Choice label="Pressure" options=Pressure::ALL.iter().map(|a| (*a, a.label())).collect()
                    get=step_field(draft, index, |s| s.pressure) set=Callback::new(move |v| edit(Box::new(move |s| s.pressure = v))) />
                <Choice label="Breathing" options=std::iter::once((None, "As the routine")).chain(BreathingPattern::ALL.iter().map(|p| (Some(*p), p.label()))).collect()
                    get=step_field(draft, index, |s| s.breathing) set=Callback::new(move |v| edit(Box::new(move |s| s.breathing = v))) />
            </div>
            <div class="field">
                <span class="field__label">
                    "Duration (each side for two-sided steps)"
                    <output class="field__value">{read(|s| duration_words(s.duration_secs))}</output>
                </span>
                <div class="chips">{presets}</div>
                <label class="builder-step__seconds">
                    "Seconds"
                    <input type="number" min=limits::STEP_MIN_SECS max=limits::STEP_MAX_SECS
                        prop:value=read(|s| s.duration_secs.to_string())
                        on:input=move |event| {
                            let secs = event_target_value(&event).parse::<u32>().unwrap_or(0);
                            edit(Box::new(move |s| s.duration_secs = secs));
                        } />
                </label>
            </div>
            <label class="field">
                <span class="field__label">"How to do it"</span>
                <textarea rows="3" maxlength=limits::INSTRUCTIONS_MAX_CHARS prop:value=read(|s| s.instructions.clone())
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        edit(Box::new(move |s| s.instructions = text.clone()));
                    }></textarea>
            </label>
            {duration_error}
        </li>
    }
}
