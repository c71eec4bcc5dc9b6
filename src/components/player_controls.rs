use leptos::prelude::*;

use super::icon::{Icon, IconName};
use crate::platform::i18n::t;

/// The session's buttons: big, labelled, reachable with a thumb.
#[component]
pub fn PlayerControls(
    /// Whether the session is paused: the main button then resumes instead of pausing.
    paused: Signal<bool>,
    /// Back: restarts the step, or goes to the previous one right after a step began.
    on_back: Callback<()>,
    /// Pauses a running session, resumes a paused one.
    on_toggle_pause: Callback<()>,
    /// Goes on to the next step.
    on_skip: Callback<()>,
    /// Starts the current step again.
    on_restart_step: Callback<()>,
    /// Asks to end the session (the page confirms first).
    on_end: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="controls" role="group" aria-label=t("player.controls")>
            <div class="controls__main">
                <button type="button" class="control" on:click=move |_| on_back.run(())>
                    <Icon name=IconName::Previous />
                    <span>{t("player.back")}</span>
                </button>
                <button
                    type="button"
                    class="control control--primary"
                    on:click=move |_| on_toggle_pause.run(())
                >
                    {move || {
                        view! { <Icon name=if paused.get() { IconName::Play } else { IconName::Pause } /> }
                    }}
                    <span>{move || if paused.get() { t("player.resume") } else { t("player.pause") }}</span>
                </button>
                <button type="button" class="control" on:click=move |_| on_skip.run(())>
                    <Icon name=IconName::Next />
                    <span>{t("player.skip")}</span>
                </button>
            </div>
            <div class="controls__more">
                <button
                    type="button"
                    class="control control--quiet"
                    on:click=move |_| on_restart_step.run(())
                >
                    <Icon name=IconName::Restart />
                    <span>{t("player.restart_step")}</span>
                </button>
                <button type="button" class="control control--quiet" on:click=move |_| on_end.run(())>
                    <Icon name=IconName::Close />
                    <span>{t("player.end")}</span>
                </button>
            </div>
        </div>
    }
}
