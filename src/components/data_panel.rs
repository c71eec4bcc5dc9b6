use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::check_box::CheckBox;
use super::icon::{Icon, IconName};
use crate::platform::clock::{now_ms, today, utc_offset_minutes};
use crate::platform::files::{download, read_text};
use crate::platform::i18n::texts;
use crate::platform::storage::{discard_kept_copy, kept_copies, KeptCopy};
use crate::state::use_app_state;
use kneadtime_core::backup::{self, Backup, BackupError, ImportPlan};
use kneadtime_core::calendar::{format_day, iso_date, local_day};
use kneadtime_core::format::count_of;
use kneadtime_core::my_routines::MyRoutines;

/// "Your data": back up everything to a file, restore from one, and the copies kept
/// of anything that could not be read.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let text = backup::to_json(
            &state.settings.get_untracked(),
            &state.my_routines().get_untracked().0,
            &state.history().get_untracked(),
            now_ms(),
        );
        let name = format!("kneadtime-backup-{}.json", iso_date(today()));
        message.set(Some(if download(&name, "application/json", &text) {
            "The backup file is in your downloads.".to_string()
        } else {
            "This browser did not allow the download.".to_string()
        }));
    };
    view! {
        <section class="settings__group data-panel" aria-labelledby="data-heading">
            <h2 id="data-heading" class="data-panel__title">
                "Your data"
            </h2>
            <p class="field__hint">
                "Everything is kept on this device. A backup file holds your routines, session history and settings: keep it safe, or use it to move to a new phone."
            </p>
            <div class="button-row">
                <button type="button" class="button" on:click=export>
                    <Icon name=IconName::Download />
                    "Download a backup"
                </button>
            </div>
            <p class="field__hint" role="status">
                {move || message.get()}
            </p>
            <ImportBackup />
            <KeptCopies />
        </section>
    }
}

/// Pick a backup file, see what it would add, then merge it in.
#[component]
fn ImportBackup() -> impl IntoView {
    let state = use_app_state();
    let pending = RwSignal::new(None::<(Backup, ImportPlan)>);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let with_settings = RwSignal::new(false);
    let picked = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Picking the same file again must fire `change` again.
        input.set_value("");
        pending.set(None);
        outcome.set(None);
        if file.size() > backup::MAX_BYTES as f64 {
            outcome.set(Some(Err(BackupError::TooLarge(file.size() as usize).message())));
            return;
        }
        spawn_local(async move {
            let parsed = match read_text(file).await {
                Some(text) => backup::parse(&text).map_err(|error| error.message()),
                None => Err("The file could not be read.".to_string()),
            };
            match parsed {
                Ok(backup) => {
                    let plan = backup::plan(
                        &state.my_routines().get_untracked().0,
                        &state.history().get_untracked(),
                        &state.settings.get_untracked(),
                        &backup,
                    );
                    pending.set(Some((backup, plan)));
                }
                Err(message) => outcome.set(Some(Err(message))),
            }
        });
    };
    let confirm = move |_| {
        let Some((backup, plan)) = pending.get_untracked() else {
            return;
        };
        let mut routines = state.my_routines().get_untracked().0;
        let mut history = state.history().get_untracked();
        let mut settings = state.settings.get_untracked();
        let restore_settings = with_settings.get_untracked();
        backup::apply(
            &mut routines,
            &mut history,
            &mut settings,
            &backup,
            restore_settings,
        );
        state.my_routines().set(MyRoutines(routines));
        state.history().set(history);
        if restore_settings {
            state.settings.set(settings);
        }
        pending.set(None);
        outcome.set(Some(Ok(format!(
            "Imported {} and {}{}.",
            count_of(plan.new_routines.len() + plan.updated_routines.len(), "routine"),
            count_of(plan.new_sessions, "session"),
            if restore_settings {
                ", and the settings"
            } else {
                ""
            }
        ))));
    };
    let preview = move || {
        pending.get().map(|(backup, plan)| {
            let list = |titles: Vec<String>| titles.join(", ");
            view! {
                <div class="import-preview" role="region" aria-label="What this backup adds">
                    <h3>
                        {format!(
                            "Backup from {}",
                            format_day(local_day(backup.exported_at_ms, utc_offset_minutes()), &texts()),
                        )}
                    </h3>
                    <ul class="plain-list">
                        <li>
                            {format!(
                                "{}; {} already here",
                                count_of(plan.new_sessions, "new session"),
                                plan.known_sessions,
                            )}
                        </li>
                        <li>
                            {format!(
                                "{}{}",
                                count_of(plan.new_routines.len(), "new routine"),
                                if plan.new_routines.is_empty() {
                                    String::new()
                                } else {
                                    format!(": {}", list(plan.new_routines.clone()))
                                },
                            )}
                        </li>
                        {(!plan.updated_routines.is_empty())
                            .then(|| {
                                view! {
                                    <li>
                                        {format!(
                                            "Newer versions of: {}",
                                            list(plan.updated_routines.clone()),
                                        )}
                                    </li>
                                }
                            })}
                        <li>{format!("{} already here", count_of(plan.known_routines, "routine"))}</li>
                        {(!backup.skipped.is_empty())
                            .then(|| {
                                view! {
                                    <li>
                                        {format!(
                                            "Left out, could not be read: {}",
                                            backup.skipped.join(", "),
                                        )}
                                    </li>
                                }
                            })}
                    </ul>
                    {plan
                        .settings_differ
                        .then(|| {
                            view! {
                                <CheckBox
                                    label="Also replace my settings with the backup's"
                                    checked=with_settings
                                />
                            }
                        })}
                    <div class="button-row">
                        <button
                            type="button"
                            class="button button--primary"
                            disabled=!plan.changes_anything() && !plan.settings_differ
                            on:click=confirm
                        >
                            "Import"
                        </button>
                        <button type="button" class="button" on:click=move |_| pending.set(None)>
                            "Cancel"
                        </button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <label class="file-pick">
            <span class="button">
                <Icon name=IconName::Upload />
                "Restore from a backup…"
            </span>
            <input class="visually-hidden" type="file" accept=".json,application/json" on:change=picked />
        </label>
        {preview}
        {move || {
            outcome
                .get()
                .map(|outcome| match outcome {
                    Ok(text) => {
                        view! {
                            <p class="notice notice--ok" role="status">
                                {text}
                            </p>
                        }
                            .into_any()
                    }
                    Err(text) => {
                        view! {
                            <p class="notice notice--error" role="alert">
                                {text}
                            </p>
                        }
                            .into_any()
                    }
                })
        }}
    }
}

/// Copies of stored data that could not be read: download or delete each.
#[component]
fn KeptCopies() -> impl IntoView {
    let copies = RwSignal::new(kept_copies());
    let row = move |copy: KeptCopy| {
        let when = format_day(local_day(copy.kept_at_ms, utc_offset_minutes()), &texts());
        let file = format!("kneadtime-kept-{}-{}.json", copy.document, copy.kept_at_ms);
        let text = copy.text.clone();
        let key = copy.key.clone();
        view! {
            <li class="kept-copy">
                <span>
                    {format!("{} · kept {when} · {} characters", copy.document, copy.text.chars().count())}
                </span>
                <span class="button-row">
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| {
                            download(&file, "application/json", &text);
                        }
                    >
                        <Icon name=IconName::Download />
                        "Download"
                    </button>
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| {
                            discard_kept_copy(&key);
                            copies.set(kept_copies());
                        }
                    >
                        <Icon name=IconName::Close />
                        "Delete"
                    </button>
                </span>
            </li>
        }
    };
    move || {
        let list = copies.get();
        (!list.is_empty()).then(|| {
            view! {
                <h3>"Kept copies"</h3>
                <p class="field__hint">
                    "Data that could not be read is kept here, never deleted. Download a copy if you want to keep it, then delete it to free space."
                </p>
                <ul class="kept-copies">{list.into_iter().map(row).collect_view()}</ul>
            }
        })
    }
}
