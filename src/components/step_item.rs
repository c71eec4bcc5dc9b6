use leptos::prelude::*;

use super::icon::{Icon, IconName};
use super::step_picture::StepPicture;
use crate::platform::i18n::{lang_of, texts, tf};
use kneadtime_core::breathing::BreathingPattern;
use kneadtime_core::format::duration_words;
use kneadtime_core::i18n::Locale;
use kneadtime_core::routine::{Side, Step};

/// One step in a routine's step list.
#[component]
pub fn StepItem(
    /// The step to describe.
    step: Step,
    /// Position in the routine, counting from 1.
    number: usize,
    /// The breathing pattern that applies to this step.
    breathing: BreathingPattern,
    /// The language of the routine's own words (a therapist's how-to text), if known.
    #[prop(default = None)]
    words: Option<Locale>,
) -> impl IntoView {
    let how_lang = lang_of(step.how_to_language(&texts(), words));
    let duration = match step.side {
        Side::Both => tf(
            "routine.each_side",
            &[("duration", &duration_words(step.duration_secs, &texts()))],
        ),
        _ => duration_words(step.duration_secs, &texts()),
    };
    view! {
        <li class="step-item">
            <div class="step-item__head">
                <span class="step-item__number" aria-hidden="true">
                    {number}
                </span>
                <div>
                    <h3 class="step-item__title">
                        <Icon name=step.technique />
                        <span>{step.technique.label(&texts()).to_string()}</span>
                    </h3>
                    <p class="step-item__area">{step.area.label(&texts()).to_string()}</p>
                    <p class="step-item__position">{step.position().label(&texts()).to_string()}</p>
                </div>
                <StepPicture step=step.clone() side=step.side />
            </div>
            <ul class="chips">
                <li class="chip">{duration}</li>
                // "Centre / both at once" only means something in the builder's choice of sides.
                {(step.side != Side::None)
                    .then(|| view! { <li class="chip">{step.side.label(&texts()).to_string()}</li> })}
                <PressureAndToolChips step=step.clone() />
            </ul>
            <p class="step-item__how" lang=how_lang>
                {step.instructions.clone()}
            </p>
            <p class="step-item__breathing">
                <Icon name=IconName::Breath />
                {breathing.label(&texts()).to_string()}
            </p>
        </li>
    }
}

/// Two chips of a step's chip list: how firmly, and with what.
#[component]
pub fn PressureAndToolChips(
    /// The step they describe.
    step: Step,
) -> impl IntoView {
    view! {
        <li class="chip">{tf("routine.pressure", &[("pressure", step.pressure.label(&texts()))])}</li>
        <li class="chip">
            <Icon name=step.tool />
            {step.tool.label(&texts()).to_string()}
        </li>
    }
}
