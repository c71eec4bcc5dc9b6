use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};

/// The app bar: logo and name linking home, and the main pages.
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
            <nav aria-label="Main" class="site-header__nav">
                <A href="/history">
                    <span class="site-header__link">
                        <Icon name=IconName::History />
                        "History"
                    </span>
                </A>
                <A href="/safety">
                    <span class="site-header__link">
                        <Icon name=IconName::Shield />
                        "Safety"
                    </span>
                </A>
                <A href="/settings">
                    <span class="site-header__link">
                        <Icon name=IconName::Settings />
                        "Settings"
                    </span>
                </A>
            </nav>
        </header>
    }
}
