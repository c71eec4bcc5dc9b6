//! `/about`: what Kneadtime is and is not, and where the person's data lives.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <Title text="About" />
        <h1>"About Kneadtime"</h1>
        <p class="lead">
            "A guided timer for self-massage of the hips, buttocks and lower back, with breathing cues to help you relax."
        </p>
        <section class="advice" aria-labelledby="disclaimer-heading">
            <h2 id="disclaimer-heading">"Not medical treatment"</h2>
            <p>
                "Kneadtime offers education and self-care guidance. It does not diagnose, treat or cure any condition, "
                "and it does not replace a doctor, physiotherapist or massage therapist. "
                "If your pain is severe, new, or getting worse, or you have any of the warning signs, see a professional."
            </p>
            <p>
                <A href="/safety">"Read the warning signs"</A>
            </p>
        </section>
        <section aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">"Your data stays here"</h2>
            <p>
                "Your routines, sessions, pain ratings and settings are kept in this browser on this device. "
                "There is no account and no server: nothing is sent anywhere unless you send it yourself, "
                "by sharing a routine link, copying your progress summary, or saving a file."
            </p>
            <p>
                "To move to a new phone, or to keep a copy, use the backup in "
                <A href="/settings">"Settings"</A> "."
            </p>
        </section>
        <section aria-labelledby="works-heading">
            <h2 id="works-heading">"Works offline"</h2>
            <p>
                "After the first visit Kneadtime works without a connection. Installed on your home screen, it opens like an app."
            </p>
        </section>
    }
}
