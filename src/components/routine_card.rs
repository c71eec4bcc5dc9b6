use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};
use crate::platform::i18n::{lang_of, t, texts, tf};
use kneadtime_core::format::about_minutes;
use kneadtime_core::plan::Plan;
use kneadtime_core::routine::Routine;

/// "By Dr. Ana Ruiz, PT": who wrote a routine, when anyone is named.
#[component]
pub fn AuthorLine(
    /// The author as the routine names them; blank shows nothing.
    author: String,
) -> impl IntoView {
    (!author.trim().is_empty()).then(|| {
        view! { <p class="routine-card__author">{tf("routine.by_author", &[("author", &author)])}</p> }
    })
}

/// A routine in a list: title, length, techniques and tools, linking to its page.
#[component]
pub fn RoutineCard(
    /// The routine to show.
    routine: Routine,
) -> impl IntoView {
    let length = about_minutes(Plan::default_length_ms(&routine), &texts());
    let href = format!("/routine/{}", routine.id);
    let techniques = routine
        .techniques()
        .into_iter()
        .map(|technique| view! { <li class="chip">{technique.label(&texts()).to_string()}</li> })
        .collect_view();
    let tools = routine
        .tools()
        .into_iter()
        .map(|tool| {
            view! {
                <li>
                    <Icon name=tool />
                    {tool.label(&texts()).to_string()}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="routine-card">
            <h3>
                <A href=href>
                    <span lang=lang_of(routine.language)>{routine.title.clone()}</span>
                </A>
            </h3>
            <AuthorLine author=routine.author.clone() />
            <p class="routine-card__summary" lang=lang_of(routine.language)>
                {routine.summary.clone()}
            </p>
            <p class="routine-card__length">
                <Icon name=IconName::Clock />
                {length}
            </p>
            <ul class="routine-card__tools" aria-label=t("routine.tools_label")>
                {tools}
            </ul>
            <ul class="chips" aria-label=t("routine.techniques_label")>
                {techniques}
            </ul>
        </article>
    }
}
