use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// A friendly dead end with a way back home.
#[component]
pub fn MissingPage(
    /// Heading and document title.
    #[prop(into)]
    title: String,
    /// What happened, in plain words.
    #[prop(into)]
    message: String,
) -> impl IntoView {
    view! {
        <Title text=title.clone() />
        <section class="missing">
            <h1>{title}</h1>
            <p>{message}</p>
            <A href="/">"See all routines"</A>
        </section>
    }
}
