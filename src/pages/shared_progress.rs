//! `/p#<payload>`: progress someone sent as a link, shown read-only. Nothing from
//! the link is stored on this device.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::components::link_error::LinkError;
use crate::components::progress_report::{ProgressReport, SessionList};
use crate::platform::i18n::{t, texts, tf, tn};
use kneadtime_core::calendar::{clock_time, format_day};
use kneadtime_core::progress_link::{decode, SharedProgress, MAX_LINKED_SESSIONS};

/// Opens the progress in the link's fragment, or says plainly why it cannot.
#[component]
pub fn SharedProgressPage() -> impl IntoView {
    let hash = use_location().hash;
    let decoded = Memo::new(move |_| hash.with(|hash| decode(hash)));
    move || match decoded.get() {
        Ok(shared) => view! { <SharedProgressView shared=shared /> }.into_any(),
        Err(error) => {
            view! { <LinkError heading=t("link.progress.heading") reason=error.message(&texts()) /> }
                .into_any()
        }
    }
}

/// The sessions from a link, with the same stats and chart as the history page.
#[component]
fn SharedProgressView(
    /// What the link holds.
    shared: SharedProgress,
) -> impl IntoView {
    let count = shared.history.0.len();
    // A full link may have left older sessions behind: say so rather than imply "all".
    let day = format_day(shared.day(), &texts());
    let time = clock_time(shared.shared_at_ms, shared.utc_offset_min);
    let args = [("day", day.as_str()), ("time", time.as_str())];
    let when = if count == MAX_LINKED_SESSIONS {
        tn("progress.shared.sent_last", count as u64, &args)
    } else {
        tn("progress.shared.sent", count as u64, &args)
    };
    let today = shared.day();
    let program = shared.program.map(|program| {
        let line = match program.percent() {
            Some(percent) => tf(
                "progress.program_line",
                &[
                    ("title", &program.title),
                    ("done", &program.done.to_string()),
                    ("due", &program.due.to_string()),
                    ("percent", &percent.to_string()),
                ],
            ),
            None => tf("progress.program_nothing_due", &[("title", &program.title)]),
        };
        view! { <p class="shared-progress__program">{line}</p> }
    });
    let history = Signal::stored(shared.history);
    view! {
        <Title text=t("progress.shared.title") />
        <h1>{t("progress.shared.title")}</h1>
        <p class="lead">{when}</p>
        {program}
        <p class="notice" role="note">
            {t("progress.shared.read_only")}
        </p>
        <Show
            when=move || history.with(|history| !history.0.is_empty())
            fallback=|| view! { <p>{t("progress.shared.empty")}</p> }
        >
            <ProgressReport history=history today=today />
            <SessionList history=history />
        </Show>
    }
}
