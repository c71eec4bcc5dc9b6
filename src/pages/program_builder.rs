//! `/program-builder`: a therapist composes a program and sends it as a link.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::icon::{Icon, IconName};
use crate::components::program_plan::ProgramPlan;
use crate::components::share_panel::{LinkSharePanel, ShareWords};
use crate::components::weekday_picker::WeekdayPicker;
use crate::components::weekly_plan::WeeklyPlan;
use crate::platform::clock::today;
use crate::platform::i18n::{locale, t, texts, tf};
use crate::state::use_app_state;
use kneadtime_core::calendar::format_day_in_week;
use kneadtime_core::followed_program::time_of_day;
use kneadtime_core::program::{
    sessions_in_week, Program, ProgramRoutine, MAX_PHASES, MAX_ROUTINES_PER_PHASE,
};
use kneadtime_core::program_draft::{new_program, parse_time_of_day, ProgramEdit};
use kneadtime_core::program_link::link;
use kneadtime_core::routine::limits;

/// The program builder: details, phases, a calendar preview and, once valid, the link.
#[component]
pub fn ProgramBuilderPage() -> impl IntoView {
    let program = RwSignal::new(new_program(locale()));
    let edit = Callback::new(move |edit: ProgramEdit| program.update(|program| edit.apply(program)));
    let problem = Memo::new(move |_| program.with(Program::validate).err());
    let phase_count = Memo::new(move |_| program.with(|program| program.phases.len()));
    let phases = move || {
        (0..phase_count.get())
            .map(|index| view! { <PhaseEditor program=program index=index edit=edit /> })
            .collect_view()
    };
    let text_field = |label: String,
                      max: usize,
                      get: fn(&Program) -> String,
                      set: fn(&mut Program, String),
                      multiline: bool| {
        let value = move || program.with(get);
        let on_input = move |event| program.update(|program| set(program, event_target_value(&event)));
        let control = if multiline {
            view! { <textarea rows="3" maxlength=max prop:value=value on:input=on_input></textarea> }
                .into_any()
        } else {
            view! { <input type="text" maxlength=max prop:value=value on:input=on_input /> }.into_any()
        };
        view! {
            <label class="field">
                <span class="field__label">{label}</span>
                {control}
            </label>
        }
    };
    let share = move || match problem.get() {
        Some(problem) => view! {
            <div class="notice" role="status">
                <p>{problem.message(&texts())}</p>
                <p>{t("program.builder.fix_first")}</p>
            </div>
        }
        .into_any(),
        None => {
            let program = program.get();
            let origin = window().location().origin().unwrap_or_default();
            view! {
                <LinkSharePanel
                    url=link(&texts(), &origin, &program)
                    title=program.title.clone()
                    words=ShareWords {
                        heading: t("program.share.heading"),
                        print_title: t("program.share.print_title"),
                        hint: t("program.share.hint"),
                        qr_label: t("program.share.qr_label"),
                        message: t("program.share.message"),
                        print: t("program.share.print"),
                    }
                />
            }
            .into_any()
        }
    };
    view! {
        <Title text=t("program.builder.title") />
        <article class="program-builder">
            <h1>{t("program.builder.title")}</h1>
            <p class="lead">{t("program.builder.hint")}</p>
            <fieldset class="settings__group">
                {text_field(
                    t("program.builder.field_title"),
                    limits::TITLE_MAX_CHARS,
                    |p| p.title.clone(),
                    |p, v| p.title = v,
                    false,
                )}
                {text_field(
                    t("program.builder.field_author"),
                    limits::AUTHOR_MAX_CHARS,
                    |p| p.author.clone(),
                    |p, v| p.author = v,
                    false,
                )}
                {text_field(
                    t("program.builder.field_note"),
                    limits::NOTE_MAX_CHARS,
                    |p| p.note.clone(),
                    |p, v| p.note = v,
                    true,
                )} <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || program.with(|program| program.ease_off_rule)
                        on:change=move |event| {
                            program.update(|program| program.ease_off_rule = event_target_checked(&event))
                        }
                    />
                    <span>{t("program.builder.ease_off_rule")}</span>
                </label>
            </fieldset>
            <ol class="program-builder__phases">{phases}</ol>
            <button
                type="button"
                class="button"
                disabled=move || { phase_count.get() >= MAX_PHASES }
                on:click=move |_| edit.run(ProgramEdit::AddPhase)
            >
                {t("program.builder.add_phase")}
            </button>
            <section class="program-preview" aria-labelledby="preview-heading">
                <h2 id="preview-heading">{t("program.builder.preview_heading")}</h2>
                <ProgramPlan program=program />
                <p class="field__hint">{t("program.builder.preview_hint")}</p>
                <CalendarPreview program=program />
            </section>
            <WeeklyPlan program=program />
            {share}
        </article>
    }
}

/// One phase's fields: weeks, weekdays, time and routines.
#[component]
fn PhaseEditor(
    /// The program being composed.
    program: RwSignal<Program>,
    /// Which phase.
    index: usize,
    /// Applies an edit to the program.
    edit: Callback<ProgramEdit>,
) -> impl IntoView {
    let state = use_app_state();
    let number = (index + 1).to_string();
    let phase = move || program.with(|program| program.phases.get(index).cloned());
    let weeks = move || phase().map_or(1, |phase| phase.weeks);
    let chosen = move || {
        let phase_number = number.clone();
        phase()
            .map(|phase| phase.routines)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(position, routine)| {
                let title = state.program_routine_title(&routine);
                let remove = tf(
                    "program.builder.remove_routine",
                    &[("routine", &title), ("phase", &phase_number)],
                );
                view! {
                    <li class="program-builder__routine">
                        <span>{title}</span>
                        <button
                            type="button"
                            class="icon-button"
                            aria-label=remove
                            on:click=move |_| edit.run(ProgramEdit::RemoveRoutine(index, position))
                        >
                            <Icon name=IconName::Close />
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    // Built-ins travel by name (shown in the client's language); the therapist's own whole.
    let choices = move || {
        let mut choices: Vec<(String, String)> = state
            .routines
            .get()
            .into_iter()
            .map(|routine| (format!("b:{}", routine.id), routine.title))
            .collect();
        choices.extend(
            state
                .my_routines()
                .get()
                .0
                .into_iter()
                .map(|saved| (format!("m:{}", saved.routine.id), saved.routine.title)),
        );
        choices
            .into_iter()
            .map(|(value, title)| view! { <option value=value>{title}</option> })
            .collect_view()
    };
    let add = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let routine = match value.split_once(':') {
            Some(("b", id)) => state.library_routine(id).map(|routine| ProgramRoutine::BuiltIn {
                id: routine.id,
                revision: routine.revision,
            }),
            Some(("m", id)) => state.my_routine(id).map(|saved| ProgramRoutine::Embedded {
                routine: saved.routine,
            }),
            _ => None,
        };
        if let Some(routine) = routine {
            edit.run(ProgramEdit::AddRoutine(index, routine));
        }
        // Back to "Choose a routine…", ready for the next.
        if let Some(select) = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(target).ok())
        {
            select.set_value("");
        }
    };
    let full = move || phase().is_some_and(|phase| phase.routines.len() >= MAX_ROUTINES_PER_PHASE);
    let legend = tf(
        "program.builder.phase_group",
        &[("phase", &(index + 1).to_string())],
    );
    let remove_label = tf(
        "program.builder.remove_phase",
        &[("phase", &(index + 1).to_string())],
    );
    view! {
        <li>
            <fieldset class="settings__group program-builder__phase">
                <legend>{legend}</legend>
                <div class="program-builder__row">
                    <label class="field">
                        <span class="field__label">{t("program.builder.weeks")}</span>
                        <input
                            type="number"
                            min="1"
                            max="12"
                            inputmode="numeric"
                            prop:value=move || weeks().to_string()
                            on:change=move |event| {
                                if let Ok(weeks) = event_target_value(&event).parse::<u8>() {
                                    edit.run(ProgramEdit::Weeks(index, weeks));
                                }
                            }
                        />
                    </label>
                    <label class="field">
                        <span class="field__label">{t("program.builder.time")}</span>
                        <input
                            type="time"
                            prop:value=move || {
                                phase().map(|phase| time_of_day(phase.minute_of_day)).unwrap_or_default()
                            }
                            on:change=move |event| {
                                if let Some(minute) = parse_time_of_day(&event_target_value(&event)) {
                                    edit.run(ProgramEdit::Time(index, minute));
                                }
                            }
                        />
                    </label>
                </div>
                <WeekdayPicker
                    legend=t("program.builder.days")
                    days=Signal::derive(move || phase().map_or([false; 7], |phase| phase.weekdays))
                    on_toggle=Callback::new(move |(day, on)| edit.run(ProgramEdit::Weekday(index, day, on)))
                />
                <p class="field__label">{t("program.builder.routines")}</p>
                <ul class="program-builder__routines">{chosen}</ul>
                <label class="field">
                    <span class="field__label">{t("program.builder.add_routine")}</span>
                    <select disabled=full on:change=add>
                        <option value="">{t("program.builder.choose_routine")}</option>
                        {choices}
                    </select>
                </label>
                <Show when=move || { program.with(|program| program.phases.len() > 1) }>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| edit.run(ProgramEdit::RemovePhase(index))
                    >
                        {remove_label.clone()}
                    </button>
                </Show>
            </fieldset>
        </li>
    }
}

/// The planned days week by week, as if the client started today.
#[component]
fn CalendarPreview(
    /// The program being composed.
    program: RwSignal<Program>,
) -> impl IntoView {
    let start = today();
    let weeks = move || {
        let texts = texts();
        program.with(|program| {
            let planned = program.planned_sessions(start);
            (0..program.weeks() as usize)
                .map(|week| {
                    let days = sessions_in_week(&planned, week)
                        .map(|(_, session)| format_day_in_week(session.day, &texts))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let line = tf(
                        "program.builder.preview_week",
                        &[("week", &(week + 1).to_string()), ("days", &days)],
                    );
                    view! { <li>{line}</li> }
                })
                .collect_view()
        })
    };
    view! { <ul class="plain-list program-preview__weeks">{weeks}</ul> }
}
