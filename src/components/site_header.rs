use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};
use crate::platform::i18n::t;

/// The app bar: logo and name linking home, the main pages, and the therapist's two
/// builders (the release build prerenders it into every static page).
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
                <NavLink href="/history" icon=IconName::History label=t("app.nav_history") />
                <NavLink href="/safety" icon=IconName::Shield label=t("app.nav_safety") />
                <NavLink href="/settings" icon=IconName::Settings label=t("app.nav_settings") />
                <NavLink href="/builder" icon=IconName::NewRoutine label=t("app.nav_new_routine") />
                <NavLink href="/program-builder" icon=IconName::NewProgram label=t("app.nav_new_program") />
            </nav>
        </header>
    }
}

/// One link of the main navigation: its icon over (or beside) its name.
#[component]
fn NavLink(
    /// Where it goes.
    href: &'static str,
    /// Its icon.
    icon: IconName,
    /// Its name.
    label: String,
) -> impl IntoView {
    view! {
        <A href=href>
            <span class="site-header__link">
                <Icon name=icon />
                {label}
            </span>
        </A>
    }
}
