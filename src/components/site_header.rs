use leptos::prelude::*;
use leptos_router::components::A;

use super::icon::{Icon, IconName};

/// The app bar: logo and name, linking home.
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
            <A href="/settings">
                <span class="site-header__link"><Icon name=IconName::Settings />"Settings"</span>
            </A>
        </header>
    }
}
