use leptos::prelude::*;
use leptos::task::spawn_local;

use super::icon::{Icon, IconName};
use super::qr_code::QrCode;
use crate::platform::i18n::{t, texts, tf, tn};
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
    view! {
        <LinkSharePanel
            url=link(&texts(), &origin, &routine)
            title=routine.title
            words=ShareWords {
                heading: t("share.heading"),
                print_title: t("share.print_title"),
                hint: t("share.hint"),
                qr_label: t("share.qr_label"),
                message: t("share.message"),
                print: t("share.print"),
            }
        />
    }
}

/// What a share panel says about the thing it shares (a routine, a program).
pub struct ShareWords {
    pub heading: String,
    /// Above the QR code on paper, to the person holding it.
    pub print_title: String,
    pub hint: String,
    pub qr_label: String,
    /// Sent with the link through the share sheet.
    pub message: String,
    /// The print button.
    pub print: String,
}

/// A link with copy, the share sheet, its QR code and printing.
#[component]
pub fn LinkSharePanel(
    /// The link to send.
    url: String,
    /// The title the share sheet sends with it.
    title: String,
    /// What the panel says.
    words: ShareWords,
) -> impl IntoView {
    let ShareWords {
        heading,
        print_title,
        hint,
        qr_label,
        message,
        print,
    } = words;
    let status = RwSignal::new(None::<String>);
    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            spawn_local(async move {
                status.set(Some(if copy_text(&url).await {
                    t("share.copied")
                } else {
                    t("share.copy_failed")
                }));
            });
        }
    };
    let share_sheet = can_share().then(|| {
        let url = url.clone();
        view! {
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    let (title, message, url) = (title.clone(), message.clone(), url.clone());
                    spawn_local(async move {
                        share(&title, &message, &url).await;
                    });
                }
            >
                <Icon name=IconName::Next />
                {t("share.share")}
            </button>
        }
    });
    let length = url.len();
    view! {
        <section class="share-panel" aria-labelledby="share-title">
            <h2 id="share-title">{heading}</h2>
            // On paper the panel speaks to the client holding the handout, not to the sender.
            <p class="share-panel__print-title">{print_title}</p>
            <p class="share-panel__hint">{hint}</p>
            <div class="share-panel__body">
                <QrCode text=url.clone() label=qr_label />
                <div class="share-panel__link">
                    <label class="field">
                        <span class="field__label">{tn("share.link_length", length as u64, &[])}</span>
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
                            {t("share.copy")}
                        </button>
                        {share_sheet}
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                let _ = window().print();
                            }
                        >
                            {print}
                        </button>
                    </div>
                    <p class="share-panel__status" role="status">
                        {move || status.get()}
                    </p>
                    <p class="share-panel__print-url">{tf("share.print_url", &[("url", &url)])}</p>
                </div>
            </div>
        </section>
    }
}
