//! `/history`: what the person has done and how their pain has gone, and ways to
//! send that to a therapist (only when they choose to).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::check_box::CheckBox;
use crate::components::icon::{Icon, IconName};
use crate::components::progress_report::{ProgressReport, SessionList};
use crate::platform::clock::{now_ms, today, utc_offset_minutes};
use crate::platform::files::download;
use crate::platform::i18n::{t, texts, tf};
use crate::platform::share::{can_share, copy_text, share};
use crate::state::use_app_state;
use kneadtime_core::calendar::iso_date;
use kneadtime_core::followed_program::{done_sessions, standing};
use kneadtime_core::history::{progress_summary, to_csv};
use kneadtime_core::progress_link::{self, MAX_LINKED_SESSIONS};

#[component]
pub fn HistoryPage() -> impl IntoView {
    let history = use_app_state().history();
    view! {
        <Title text=t("history.title") />
        <h1>{t("history.heading")}</h1>
        <Show
            when=move || history.with(|history| !history.0.is_empty())
            fallback=|| {
                view! {
                    <p class="lead">{t("history.empty")}</p>
                    <A href="/">
                        <span class="button button--primary">{t("history.choose_routine")}</span>
                    </A>
                }
            }
        >
            <p class="lead">{t("history.lead")}</p>
            <ProgressReport history=history.into() today=today() />
            <ShareProgress />
            <SessionList history=history.into() />
        </Show>
    }
}

/// Copy a summary for a message, share it, or download the CSV.
#[component]
fn ShareProgress() -> impl IntoView {
    let history = use_app_state().history();
    let program = use_app_state().program();
    let status = RwSignal::new(None::<String>);
    let summary = move || history.with(|history| progress_summary(&history.0, today(), &texts()));
    // Copies `text`, then says whether it worked.
    let copy_and_say = move |text: String, copied: String, refused: String| {
        spawn_local(async move {
            status.set(Some(if copy_text(&text).await { copied } else { refused }));
        });
    };
    let copy = move |_| copy_and_say(summary(), t("history.summary_copied"), t("history.copy_refused"));
    let send = move |_| {
        let text = summary();
        spawn_local(async move {
            share(&t("history.share_title"), &text, "").await;
        });
    };
    let include_notes = RwSignal::new(false);
    let copy_link = move |_| {
        let origin = window().location().origin().unwrap_or_default();
        // The program's planned versus done travels with the sessions.
        let standing = program.with(|document| {
            document
                .0
                .as_ref()
                .map(|followed| history.with(|history| standing(followed, &done_sessions(history), today())))
        });
        let url = history.with(|history| {
            progress_link::link(
                &origin,
                history,
                standing.as_ref(),
                now_ms(),
                utc_offset_minutes(),
                include_notes.get(),
            )
        });
        copy_and_say(url, t("history.link_copied"), t("history.link_copy_refused"));
    };
    let csv = move |_| {
        let csv = history.with(|history| to_csv(&history.0));
        let name = format!("kneadtime-history-{}.csv", iso_date(today()));
        status.set(Some(if download(&name, "text/csv", &csv) {
            t("history.csv_downloaded")
        } else {
            t("history.download_refused")
        }));
    };
    view! {
        <section aria-labelledby="share-progress-heading" class="share-progress">
            <h2 id="share-progress-heading">{t("history.share_heading")}</h2>
            <p>{t("history.share_intro")}</p>
            <pre class="share-progress__summary" aria-label=t("history.summary_label")>
                {summary}
            </pre>
            <div class="button-row">
                <button type="button" class="button button--primary" on:click=copy>
                    <Icon name=IconName::Copy />
                    {t("history.copy_summary")}
                </button>
                {can_share()
                    .then(|| {
                        view! {
                            <button type="button" class="button" on:click=send>
                                <Icon name=IconName::Switch />
                                {t("history.share")}
                            </button>
                        }
                    })}
                <button type="button" class="button" on:click=csv>
                    <Icon name=IconName::Download />
                    {t("history.download_csv")}
                </button>
            </div>
            <h3>{t("history.link_heading")}</h3>
            <p>{tf("history.link_intro", &[("max", &MAX_LINKED_SESSIONS.to_string())])}</p>
            <CheckBox label=t("history.include_notes") checked=include_notes />
            <div class="button-row">
                <button type="button" class="button" on:click=copy_link>
                    <Icon name=IconName::Copy />
                    {t("history.copy_link")}
                </button>
            </div>
            <p class="field__hint" role="status">
                {move || status.get()}
            </p>
        </section>
    }
}
