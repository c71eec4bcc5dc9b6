use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::data_panel::DataPanel;
use crate::components::settings_form::{LanguageChoice, SettingsForm};
use crate::platform::i18n::t;

/// `/settings`: language, cues, timing, breathing and theme.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Title text=t("settings.title") />
        <h1>{t("settings.title")}</h1>
        <p class="lead">{t("settings.lead")}</p>
        <div class="settings settings--language">
            <LanguageChoice />
        </div>
        <SettingsForm />
        <DataPanel />
    }
}
