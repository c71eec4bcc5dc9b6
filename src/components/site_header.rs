use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};
use crate::platform::i18n::t;

/// The app bar: logo and name linking home, the main pages, and the therapist's two
/// builders (index.html's shell repeats it, link for link).
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href="/" exact=true>
                <span class="brand">
                    <Icon name=IconName::Logo />
                    "Kneadtime"
                </span>
            </A>
            <nav aria-label=t("app.nav_label") class="site-header__nav">
                <A href="/history">
                    <span class="site-header__link">
                        <Icon name=IconName::History />
                        {t("app.nav_history")}
                    </span>
                </A>
                <A href="/safety">
                    <span class="site-header__link">
                        <Icon name=IconName::Shield />
                        {t("app.nav_safety")}
                    </span>
                </A>
                <A href="/settings">
                    <span class="site-header__link">
                        <Icon name=IconName::Settings />
                        {t("app.nav_settings")}
                    </span>
                </A>
                <A href="/builder">
                    <span class="site-header__link">
                        <Icon name=IconName::NewRoutine />
                        {t("app.nav_new_routine")}
                    </span>
                </A>
                <A href="/program-builder">
                    <span class="site-header__link">
                        <Icon name=IconName::NewProgram />
                        {t("app.nav_new_program")}
                    </span>
                </A>
            </nav>
        </header>
    }
}
