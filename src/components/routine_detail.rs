use leptos::prelude::*;

use super::icon::{Icon, IconName};
use super::routine_card::AuthorLine;
use super::safety_check::CautionList;
use super::step_item::StepItem;
use crate::platform::i18n::{lang_of, t, texts, tn};
use kneadtime_core::format::about_minutes;
use kneadtime_core::library_filter::Style;
use kneadtime_core::plan::Plan;
use kneadtime_core::routine::Routine;
use kneadtime_core::safety::routine_cautions;

/// The routine's overview, its cautions and its list of steps, with `children` (actions) after the facts.
#[component]
pub fn RoutineDetail(
    /// The routine to describe.
    routine: Routine,
    /// Actions shown between the facts and the steps.
    children: Children,
) -> impl IntoView {
    let length = about_minutes(Plan::default_length_ms(&routine), &texts());
    let cautions = routine_cautions(&routine);
    let texts = texts();
    let tools = routine
        .tools()
        .iter()
        .map(|tool| tool.label(&texts))
        .collect::<Vec<_>>()
        .join(", ");
    let areas = routine
        .areas()
        .iter()
        .map(|area| area.label(&texts))
        .collect::<Vec<_>>()
        .join(", ");
    let steps = routine
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            view! {
                <StepItem
                    step=step.clone()
                    number=index + 1
                    breathing=routine.breathing_for(index)
                    words=routine.language
                />
            }
        })
        .collect_view();
    view! {
        <article class="routine-detail">
            <h1 lang=lang_of(routine.language)>{routine.title.clone()}</h1>
            <AuthorLine author=routine.author.clone() />
            <p class="lead" lang=lang_of(routine.language)>
                {routine.summary.clone()}
            </p>
            <dl class="facts">
                <div>
                    <dt>
                        <Icon name=IconName::Clock />
                        {t("routine.fact_time")}
                    </dt>
                    <dd>{length}</dd>
                </div>
                <div>
                    <dt>
                        <Icon name=IconName::Breath />
                        {t("routine.fact_breathing")}
                    </dt>
                    <dd>{routine.breathing.label(&texts).to_string()}</dd>
                </div>
                {Style::of_routine(&routine)
                    .map(|style| {
                        view! {
                            <div>
                                <dt>
                                    <Icon name=IconName::Kneading />
                                    {t("routine.style")}
                                </dt>
                                <dd>{style.label(&texts).to_string()}</dd>
                            </div>
                        }
                    })}
                <div class="facts__wide">
                    <dt>
                        <Icon name=IconName::Hands />
                        {t("routine.fact_you_need")}
                    </dt>
                    <dd>{tools}</dd>
                </div>
                <div class="facts__wide">
                    <dt>
                        <Icon name=IconName::TriggerPoint />
                        {t("routine.fact_areas")}
                    </dt>
                    <dd>{areas}</dd>
                </div>
            </dl>
            {children()}
            // Safety notes stay open: a closed disclosure read as a heading with nothing under it.
            {(!cautions.is_empty())
                .then(|| {
                    view! {
                        <section class="routine-cautions" aria-labelledby="routine-cautions-title">
                            <h2 id="routine-cautions-title">
                                <Icon name=IconName::Caution />
                                {tn("routine.cautions_heading", cautions.len() as u64, &[])}
                            </h2>
                            <CautionList cautions=cautions />
                        </section>
                    }
                })}
            <h2>{tn("routine.steps_heading", routine.steps.len() as u64, &[])}</h2>
            <ol class="step-list">{steps}</ol>
        </article>
    }
}
