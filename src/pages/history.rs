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
use crate::platform::i18n::texts;
use crate::platform::share::{can_share, copy_text, share};
use crate::state::use_app_state;
use kneadtime_core::calendar::iso_date;
use kneadtime_core::history::{progress_summary, to_csv};
use kneadtime_core::progress_link::{self, MAX_LINKED_SESSIONS};

#[component]
pub fn HistoryPage() -> impl IntoView {
    let history = use_app_state().history();
    view! {
        <Title text="History" />
        <h1>"Your progress"</h1>
        <Show
            when=move || history.with(|history| !history.0.is_empty())
            fallback=|| {
                view! {
                    <p class="lead">
                        "Sessions you finish or end appear here, with the pain ratings you give before and after."
                    </p>
                    <A href="/">
                        <span class="button button--primary">"Choose a routine"</span>
                    </A>
                }
            }
        >
            <p class="lead">"Kept on this device only. Nothing is sent unless you send it."</p>
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
    let status = RwSignal::new(None::<&'static str>);
    let summary = move || history.with(|history| progress_summary(&history.0, today(), &texts()));
    // Copies `text`, then says whether it worked.
    let copy_and_say = move |text: String, copied: &'static str, refused: &'static str| {
        spawn_local(async move {
            status.set(Some(if copy_text(&text).await { copied } else { refused }));
        });
    };
    let copy = move |_| {
        copy_and_say(
            summary(),
            "Summary copied. Paste it into a message to your therapist.",
            "This browser did not allow copying. Select the text above and copy it.",
        )
    };
    let send = move |_| {
        let text = summary();
        spawn_local(async move {
            share("My Kneadtime progress", &text, "").await;
        });
    };
    let include_notes = RwSignal::new(false);
    let copy_link = move |_| {
        let origin = window().location().origin().unwrap_or_default();
        let url = history.with(|history| {
            progress_link::link(
                &origin,
                history,
                now_ms(),
                utc_offset_minutes(),
                include_notes.get(),
            )
        });
        copy_and_say(
            url,
            "Link copied. Whoever opens it sees these sessions, read-only; nothing is uploaded.",
            "This browser did not allow copying the link.",
        );
    };
    let csv = move |_| {
        let csv = history.with(|history| to_csv(&history.0));
        let name = format!("kneadtime-history-{}.csv", iso_date(today()));
        status.set(Some(if download(&name, "text/csv", &csv) {
            "The CSV file is in your downloads."
        } else {
            "This browser did not allow the download."
        }));
    };
    view! {
        <section aria-labelledby="share-progress-heading" class="share-progress">
            <h2 id="share-progress-heading">"Share with your therapist"</h2>
            <p>"Send a short summary in a message, or the whole history as a spreadsheet file (CSV)."</p>
            <pre class="share-progress__summary" aria-label="Summary text">
                {summary}
            </pre>
            <div class="button-row">
                <button type="button" class="button button--primary" on:click=copy>
                    <Icon name=IconName::Copy />
                    "Copy summary"
                </button>
                {can_share()
                    .then(|| {
                        view! {
                            <button type="button" class="button" on:click=send>
                                <Icon name=IconName::Switch />
                                "Share…"
                            </button>
                        }
                    })}
                <button type="button" class="button" on:click=csv>
                    <Icon name=IconName::Download />
                    "Download CSV"
                </button>
            </div>
            <h3>"A read-only link"</h3>
            <p>
                {format!("The link itself holds your sessions (the last {MAX_LINKED_SESSIONS} at most): ")}
                "your therapist opens it to see this page's chart and list, and nothing is stored on a server."
            </p>
            <CheckBox label="Include my notes" checked=include_notes />
            <div class="button-row">
                <button type="button" class="button" on:click=copy_link>
                    <Icon name=IconName::Copy />
                    "Copy link"
                </button>
            </div>
            <p class="field__hint" role="status">
                {move || status.get()}
            </p>
        </section>
    }
}
