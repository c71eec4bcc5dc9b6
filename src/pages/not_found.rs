use leptos::prelude::*;

use crate::components::missing_page::MissingPage;
use crate::platform::i18n::t;

/// Shown for any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <MissingPage title=t("missing.page_title") message=t("missing.page_message") /> }
}
