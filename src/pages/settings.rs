use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::data_panel::DataPanel;
use crate::components::settings_form::SettingsForm;

/// `/settings`: cues, timing, breathing and theme.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Title text="Settings" />
        <h1>"Settings"</h1>
        <p class="lead">"Saved on this device only, as you change them."</p>
        <SettingsForm />
        <DataPanel />
    }
}
