use leptos::prelude::*;

use crate::components::missing_page::MissingPage;

/// Shown for any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <MissingPage
            title="Page not found"
            message="There is nothing at this address. The link may be mistyped or out of date."
        />
    }
}
