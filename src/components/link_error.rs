//! What a link that cannot be opened says, and the way out.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// A link (routine or progress) that cannot be opened, and why, in words.
#[component]
pub fn LinkError(
    /// The heading, e.g. "This routine link cannot be opened".
    #[prop(into)]
    heading: String,
    /// Why, and what to do.
    reason: String,
) -> impl IntoView {
    view! {
        <Title text="Link cannot be opened" />
        <section class="missing" aria-labelledby="link-error">
            <h1 id="link-error">{heading}</h1>
            <p class="lead link-error__reason">{reason}</p>
            <A href="/">
                <span class="button button--primary">"See all routines"</span>
            </A>
        </section>
    }
}
