//! `/builder` and `/builder/:id`: compose a routine, or edit one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::app::use_app_state;
use crate::components::icon::{Icon, IconName};
use crate::domain::breathing::BreathingPattern;
use crate::domain::format::{countdown, duration_words};
use crate::domain::howto::default_instructions;
use crate::domain::my_routines::{new_id, Provenance};
use crate::domain::plan::Plan;
use crate::domain::routine::{limits, Area, Field, Pressure, Routine, Side, Step, Technique, Tool};
use crate::platform::share::random_u64;

/// Durations one tap away, in seconds.
const DURATION_PRESETS: [u32; 6] = [30, 45, 60, 90, 120, 180];

fn new_step() -> Step {
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

/// What the builder starts from, and whether saving replaces the person's own routine.
fn starting_draft(id: Option<String>) -> (Routine, bool) {
    let state = use_app_state();
    if let Some(saved) = id.as_deref().and_then(|id| state.my_routine(id)) {
        if saved.provenance == Provenance::Made {
            return (saved.routine, true);
        }
    }
    match id.and_then(|id| state.routine(&id)) {
        // Someone else's routine (built in or received): edit a copy, so their link still updates theirs.
        Some(original) => (
            Routine {
                id: new_id(random_u64()),
                revision: 0,
                title: format!("{} (my version)", original.title)
                    .chars()
                    .take(limits::TITLE_MAX_CHARS)
                    .collect(),
                ..original
            },
            false,
        ),
        None => (
            Routine {
                id: new_id(random_u64()),
                revision: 0,
                title: String::new(),
                summary: String::new(),
                author: String::new(),
                note: String::new(),
                breathing: BreathingPattern::ExtendedExhale,
                steps: vec![new_step()],
            },
            false,
        ),
    }
}

#[component]
pub fn BuilderPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|params| params.get("id"));
        let (draft, own) = starting_draft(id);
        view! { <Builder initial=draft own=own /> }
    }
}

/// The builder form for one draft.
#[component]
fn Builder(
    /// The routine being composed.
    initial: Routine,
    /// Saving replaces the person's own routine (and bumps its revision).
    own: bool,
) -> impl IntoView {
    let state = use_app_state();
    let draft = RwSignal::new(initial);
    let errors = Memo::new(move |_| draft.with(|routine| routine.validate()));
    let error_for = move |field: Field| {
        move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .find(|error| error.field == field)
                    .map(|error| view! { <p class="field__error">{error.message()}</p> })
            })
        }
    };
    let step_count = Memo::new(move |_| draft.with(|routine| routine.steps.len()));
    let total = move || {
        let timing = state.settings.with(|settings| settings.timing());
        draft.with(|routine| countdown(Plan::new(routine, timing).total_ms()))
    };
    let navigate = use_navigate();
    let save = move |_| {
        if !errors.with(Vec::is_empty) {
            return;
        }
        let mut routine = draft.get_untracked();
        if own {
            routine.revision += 1;
        }
        let id = routine.id.clone();
        state.save_routine(routine, Provenance::Made);
        navigate(&format!("/routine/{id}"), Default::default());
    };
    // Desktop drag and drop: the step being dragged, dropped onto another step's place.
    let dragging = RwSignal::new(None::<usize>);
    let steps = move || {
        (0..step_count.get())
            .map(|index| view! { <StepEditor draft=draft index=index dragging=dragging /> })
            .collect_view()
    };
    view! {
        <Title text=if own { "Edit routine" } else { "New routine" } />
        <h1>{if own { "Edit routine" } else { "New routine" }}</h1>
        <form class="builder" on:submit=|event| event.prevent_default()>
            <fieldset class="settings__group">
                <legend>"About this routine"</legend>
                <TextField draft=draft label="Title" field=Field::Title max=limits::TITLE_MAX_CHARS get=|r| r.title.clone() set=|r, v| r.title = v />
                {error_for(Field::Title)}
                <TextField draft=draft label="Summary" field=Field::Summary max=limits::SUMMARY_MAX_CHARS get=|r| r.summary.clone() set=|r, v| r.summary = v />
                {error_for(Field::Summary)}
                <TextField draft=draft label="Your name (shown to the client)" field=Field::Author max=limits::AUTHOR_MAX_CHARS get=|r| r.author.clone() set=|r, v| r.author = v />
                {error_for(Field::Author)}
                <TextField draft=draft label="Note to the client" field=Field::Note max=limits::NOTE_MAX_CHARS multiline=true get=|r| r.note.clone() set=|r, v| r.note = v />
                {error_for(Field::Note)}
                <Choice
                    label="Breathing"
                    options=BreathingPattern::ALL.iter().map(|p| (*p, p.label())).collect()
                    get=Signal::derive(move || draft.with(|r| r.breathing))
                    set=Callback::new(move |pattern| draft.update(|r| r.breathing = pattern))
                />
            </fieldset>
            <h2>{move || format!("Steps ({})", step_count.get())}</h2>
            {error_for(Field::Steps)}
            <ol class="builder__steps">{steps}</ol>
            <button
                type="button"
                class="button"
                disabled={move || step_count.get() >= limits::MAX_STEPS}
                on:click=move |_| draft.update(|r| r.steps.push(new_step()))
            >
                "+ Add a step"
            </button>
            <div class="builder__footer">
                <p class="builder__total">"Total with pauses: " <strong>{total}</strong></p>
                <button type="submit" class="button button--primary" disabled=move || !errors.with(Vec::is_empty) on:click=save>
                    <Icon name=IconName::Check />"Save routine"
                </button>
            </div>
        </form>
    }
}

/// A text input (or textarea) bound to one text field of the draft.
#[component]
fn TextField(
    /// The draft it edits.
    draft: RwSignal<Routine>,
    /// Visible label.
    label: &'static str,
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
    let value = move || draft.with(get);
    let on_input = move |event| draft.update(|routine| set(routine, event_target_value(&event)));
    let id = format!("field-{field:?}").to_lowercase();
    let input = if multiline {
        view! { <textarea id=id.clone() rows="3" maxlength=max prop:value=value on:input=on_input></textarea> }.into_any()
    } else {
        view! { <input id=id.clone() type="text" maxlength=max prop:value=value on:input=on_input /> }
            .into_any()
    };
    view! {
        <div class="field">
            <label class="field__label" for=id>{label}</label>
            {input}
        </div>
    }
}

/// A labelled select over a fixed list of values.
#[component]
fn Choice<T>(
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
fn StepEditor(
    /// The draft the step is in.
    draft: RwSignal<Routine>,
    /// Its position.
    index: usize,
    /// The step being dragged, if any.
    dragging: RwSignal<Option<usize>>,
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
        draft.with(|r| {
            r.validate()
                .into_iter()
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
