use leptos::prelude::*;
use leptos::task::spawn_local;

use super::icon::{Icon, IconName};
use super::qr_code::QrCode;
use crate::platform::share::{can_share, copy_text, share};
use kneadtime_core::routine::Routine;
use kneadtime_core::share::link;

/// Everything for sending a routine to someone: the link, copy, the share sheet, a QR code, a handout.
#[component]
pub fn SharePanel(
    /// The routine to share.
    routine: Routine,
) -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let url = link(&origin, &routine);
    let status = RwSignal::new(None::<&'static str>);
    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            spawn_local(async move {
                status.set(Some(if copy_text(&url).await {
                    "Link copied."
                } else {
                    "Could not copy: select the link and copy it by hand."
                }));
            });
        }
    };
    let share_sheet = can_share().then(|| {
        let (title, url) = (routine.title.clone(), url.clone());
        view! {
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    let (title, url) = (title.clone(), url.clone());
                    spawn_local(async move {
                        share(&title, "A self-massage routine for you", &url).await;
                    });
                }
            >
                <Icon name=IconName::Next />
                "Share…"
            </button>
        }
    });
    let length = url.len();
    view! {
        <section class="share-panel" aria-labelledby="share-title">
            <h2 id="share-title">"Share this routine"</h2>
            // On paper the panel speaks to the client holding the handout, not to the sender.
            <p class="share-panel__print-title">{crate::platform::i18n::t("handout.scan")}</p>
            <p class="share-panel__hint">
                "The link holds the whole routine. Nothing is uploaded: whoever opens it gets exactly these steps, even offline once they have the app."
            </p>
            <div class="share-panel__body">
                <QrCode text=url.clone() label="QR code of the share link" />
                <div class="share-panel__link">
                    <label class="field">
                        <span class="field__label">{format!("Link ({length} characters)")}</span>
                        <input
                            class="share-panel__url"
                            type="text"
                            readonly
                            value=url.clone()
                            on:focus=|event| {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = event
                                    .target()
                                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                {
                                    input.select();
                                }
                            }
                        />
                    </label>
                    <div class="share-panel__buttons">
                        <button type="button" class="button button--primary" on:click=copy>
                            <Icon name=IconName::Check />
                            "Copy link"
                        </button>
                        {share_sheet}
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                let _ = window().print();
                            }
                        >
                            {crate::platform::i18n::t("handout.print")}
                        </button>
                    </div>
                    <p class="share-panel__status" role="status">
                        {move || status.get()}
                    </p>
                    <p class="share-panel__print-url">
                        {crate::platform::i18n::tf("handout.type_address", &[("url", &url)])}
                    </p>
                </div>
            </div>
        </section>
    }
}
