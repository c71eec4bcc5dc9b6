use leptos::prelude::*;

/// A checkbox with its label beside it, bound to a boolean.
#[component]
pub fn CheckBox(
    /// What ticking it means.
    #[prop(into)]
    label: String,
    /// Whether it is ticked; ticking or unticking writes it.
    checked: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |event| checked.set(event_target_checked(&event))
            />
            <span>{label}</span>
        </label>
    }
}
