use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_app_state;
use crate::components::settings_form::SettingsForm;

/// `/settings`: cues, timing, breathing and theme.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let problem = use_app_state().settings_problem;
    view! {
        <Title text="Settings" />
        <h1>"Settings"</h1>
        <p class="lead">"Saved on this device only, as you change them."</p>
        {move || problem.get().map(|text| view! { <p class="notice" role="status">{text}</p> })}
        <SettingsForm />
    }
}
