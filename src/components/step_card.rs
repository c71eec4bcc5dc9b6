use leptos::prelude::*;

use super::icon::Icon;
use super::safety_check::CautionList;
use super::step_item::PressureAndToolChips;
use crate::platform::i18n::{lang_of, t, texts};
use kneadtime_core::format::first_sentence;
use kneadtime_core::i18n::Locale;
use kneadtime_core::routine::{Side, Step};
use kneadtime_core::safety::step_cautions;
use kneadtime_core::wording::side_heading;

/// The step being played: what to do and where, its first sentence at a glance; the
/// position, how hard, with what and the full text one tap away; its cautions.
#[component]
pub fn StepCard(
    /// The routine step.
    step: Step,
    /// The side this pass works (a two-sided step is played left, then right).
    side: Side,
    /// The language of the routine's own words (a therapist's how-to text), if known.
    #[prop(default = None)]
    words: Option<Locale>,
) -> impl IntoView {
    let how_lang = lang_of(step.how_to_language(&texts(), words));
    let cautions = step_cautions(&step);
    let side_text = side_heading(side, &texts()).map(str::to_string);
    let lead = first_sentence(&step.instructions).to_string();
    let more = (lead.len() < step.instructions.trim().len()).then(|| step.instructions.clone());
    view! {
        <section class="step-card" aria-label=t("player.this_step")>
            <h2 class="step-card__technique">
                <Icon name=step.technique />
                <span>{step.technique.label(&texts()).to_string()}</span>
            </h2>
            <p class="step-card__area">
                {side_text
                    .map(|side| {
                        view! {
                            <span class="step-card__side">{side}</span>
                            " · "
                        }
                    })} {step.area.label(&texts()).to_string()}
            </p>
            <p class="step-card__lead" lang=how_lang>
                {lead}
            </p>
            <details class="step-card__more">
                <summary>{t("player.full_text")}</summary>
                <ul class="chips">
                    <li class="chip">{step.position().label(&texts()).to_string()}</li>
                    <PressureAndToolChips step=step.clone() />
                </ul>
                {more
                    .map(|text| {
                        view! {
                            <p class="step-card__how" lang=how_lang>
                                {text}
                            </p>
                        }
                    })}
            </details>
            {(!cautions.is_empty()).then(|| view! { <CautionList cautions=cautions /> })}
        </section>
    }
}
