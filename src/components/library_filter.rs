//! The library's filters: body area, tool, length and technique, each a labelled
//! select, with a spoken count of the routines they leave.

use leptos::prelude::*;

use super::icon::{Icon, IconName};
use crate::platform::i18n::{t, texts, tn};
use crate::state::use_app_state;
use kneadtime_core::library_filter::{Length, LibraryFilter};
use kneadtime_core::routine::{Technique, Tool};
use kneadtime_core::suggest::Region;

/// One filter: a labelled select of "Any" and `options`, reading and writing one field.
#[component]
fn FilterSelect<T>(
    /// What the select filters by ("Tool").
    label: String,
    /// Each choice with its name.
    options: Vec<(T, String)>,
    /// The field's value: `None` is "Any".
    value: Signal<Option<T>>,
    /// Called with the new value when the person picks one.
    on_pick: Callback<Option<T>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let values: Vec<T> = options.iter().map(|(value, _)| *value).collect();
    let selected = {
        let values = values.clone();
        move || {
            value
                .get()
                .and_then(|value| values.iter().position(|option| *option == value))
                .map_or(String::new(), |index| index.to_string())
        }
    };
    let choices = options
        .into_iter()
        .enumerate()
        .map(|(index, (_, name))| view! { <option value=index.to_string()>{name}</option> })
        .collect_view();
    view! {
        <label class="field">
            <span class="field__label">{label}</span>
            <select
                prop:value=selected
                on:change=move |event| {
                    let picked = event_target_value(&event)
                        .parse::<usize>()
                        .ok()
                        .and_then(|index| values.get(index).copied());
                    on_pick.run(picked);
                }
            >
                <option value="">{t("filter.any")}</option>
                {choices}
            </select>
        </label>
    }
}

/// The filter form; the home page's list shows only what `filter` matches.
#[component]
pub fn LibraryFilterForm(
    /// What the person is looking for.
    filter: RwSignal<LibraryFilter>,
) -> impl IntoView {
    let state = use_app_state();
    let texts = texts();
    let shown = move || {
        let filter = filter.get();
        let count = state
            .routines
            .with(|routines| routines.iter().filter(|routine| filter.matches(routine)).count());
        if count == 0 {
            t("filter.none")
        } else {
            tn("filter.shown", count as u64, &[])
        }
    };
    view! {
        <div class="library-filter">
            <div class="library-filter__fields">
                <FilterSelect
                    label=t("filter.region")
                    options=Region::ALL.map(|region| (region, region.name(&texts))).to_vec()
                    value=Signal::derive(move || filter.get().region)
                    on_pick=Callback::new(move |region| filter.update(|filter| filter.region = region))
                />
                <FilterSelect
                    label=t("filter.tool")
                    options=Tool::ALL.map(|tool| (tool, tool.label(&texts).to_string())).to_vec()
                    value=Signal::derive(move || filter.get().tool)
                    on_pick=Callback::new(move |tool| filter.update(|filter| filter.tool = tool))
                />
                <FilterSelect
                    label=t("filter.length")
                    options=Length::ALL.map(|length| (length, t(length.key()))).to_vec()
                    value=Signal::derive(move || filter.get().length)
                    on_pick=Callback::new(move |length| filter.update(|filter| filter.length = length))
                />
                <FilterSelect
                    label=t("filter.technique")
                    options=Technique::ALL
                        .map(|technique| (technique, technique.label(&texts).to_string()))
                        .to_vec()
                    value=Signal::derive(move || filter.get().technique)
                    on_pick=Callback::new(move |technique| {
                        filter.update(|filter| filter.technique = technique)
                    })
                />
            </div>
            <div class="library-filter__status">
                <p aria-live="polite">{shown}</p>
                <button
                    type="button"
                    class="button button--quiet"
                    disabled=move || !filter.get().is_active()
                    on:click=move |_| filter.set(LibraryFilter::default())
                >
                    <Icon name=IconName::Close />
                    {t("filter.clear")}
                </button>
            </div>
        </div>
    }
}
