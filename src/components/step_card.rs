use leptos::prelude::*;

use super::body_map::BodyMap;
use super::icon::Icon;
use super::safety_check::CautionList;
use super::step_item::PressureAndToolChips;
use crate::platform::i18n::{lang_of, t, texts};
use kneadtime_core::i18n::Locale;
use kneadtime_core::routine::{Side, Step};
use kneadtime_core::safety::step_cautions;
use kneadtime_core::wording::side_heading;

/// The step being played: what to do, where, how hard, with what.
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
    view! {
        <section class="step-card" aria-label=t("player.this_step")>
            <div class="step-card__head">
                <div>
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
                </div>
                <BodyMap area=step.area side=side />
            </div>
            <ul class="chips">
                <PressureAndToolChips step=step.clone() />
            </ul>
            <p class="step-card__how" lang=how_lang>
                {step.instructions.clone()}
            </p>
            {(!cautions.is_empty()).then(|| view! { <CautionList cautions=cautions /> })}
        </section>
    }
}
