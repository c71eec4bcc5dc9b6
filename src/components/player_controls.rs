use leptos::prelude::*;

use super::icon::{Icon, IconName};
use crate::player::Player;
use kneadtime_core::session::Status;

/// The session's buttons: big, labelled, reachable with a thumb.
#[component]
pub fn PlayerControls(
    /// The session they drive.
    player: Player,
    /// Asks to end the session (the page confirms first).
    on_end: Callback<()>,
) -> impl IntoView {
    let paused = Memo::new(move |_| player.state.with(|state| state.status == Status::Paused));
    view! {
        <div class="controls" role="group" aria-label="Session controls">
            <div class="controls__main">
                <button type="button" class="control" on:click=move |_| player.back()>
                    <Icon name=IconName::Previous />
                    <span>"Back"</span>
                </button>
                <button
                    type="button"
                    class="control control--primary"
                    on:click=move |_| player.toggle_pause()
                >
                    {move || view! { <Icon name=if paused.get() { IconName::Play } else { IconName::Pause } /> }}
                    <span>{move || if paused.get() { "Resume" } else { "Pause" }}</span>
                </button>
                <button type="button" class="control" on:click=move |_| player.skip()>
                    <Icon name=IconName::Next />
                    <span>"Skip"</span>
                </button>
            </div>
            <div class="controls__more">
                <button type="button" class="control control--quiet" on:click=move |_| player.restart_step()>
                    <Icon name=IconName::Restart />
                    <span>"Restart step"</span>
                </button>
                <button type="button" class="control control--quiet" on:click=move |_| on_end.run(())>
                    <Icon name=IconName::Close />
                    <span>"End"</span>
                </button>
            </div>
        </div>
    }
}
