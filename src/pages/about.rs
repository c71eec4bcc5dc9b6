//! `/about`: what Kneadtime is and is not, and where the person's data lives.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::platform::i18n::t;

#[component]
pub fn AboutPage() -> impl IntoView {
    // The backup sentence links its "Settings": the link goes where the translation puts {settings}.
    let backup = t("about.backup");
    let (before_link, after_link) = backup.split_once("{settings}").unwrap_or((backup.as_str(), ""));
    let (before_link, after_link) = (before_link.to_string(), after_link.to_string());
    view! {
        <Title text=t("about.title") />
        <h1>{t("about.heading")}</h1>
        <p class="lead">{t("about.lead")}</p>
        <section class="advice" aria-labelledby="disclaimer-heading">
            <h2 id="disclaimer-heading">{t("about.disclaimer_heading")}</h2>
            <p>{t("about.disclaimer")}</p>
            <p>
                <A href="/safety">{t("about.warning_signs_link")}</A>
            </p>
        </section>
        <section aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{t("about.privacy_heading")}</h2>
            <p>{t("about.privacy")}</p>
            <p>{before_link} <A href="/settings">{t("about.backup_settings")}</A> {after_link}</p>
        </section>
        <section aria-labelledby="works-heading">
            <h2 id="works-heading">{t("about.offline_heading")}</h2>
            <p>{t("about.offline")}</p>
        </section>
    }
}
