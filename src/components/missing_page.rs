use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// A friendly dead end with a way back home.
#[component]
pub fn MissingPage(
    /// Heading and document title.
    title: &'static str,
    /// What happened, in plain words.
    message: &'static str,
) -> impl IntoView {
    view! {
        <Title text=title />
        <section class="missing">
            <h1>{title}</h1>
            <p>{message}</p>
            <A href="/">"See all routines"</A>
        </section>
    }
}
