use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::check_box::CheckBox;
use super::icon::{Icon, IconName};
use crate::platform::clock::{now_ms, today, utc_offset_minutes};
use crate::platform::files::{download, read_text};
use crate::platform::i18n::{t, texts, tf, tn};
use crate::platform::storage::{discard_kept_copy, kept_copies, KeptCopy};
use crate::state::use_app_state;
use kneadtime_core::backup::{self, Backup, BackupError, Here, ImportPlan};
use kneadtime_core::calendar::{format_day, iso_date, local_day};
use kneadtime_core::followed_program::ProgramDocument;
use kneadtime_core::my_routines::MyRoutines;
use kneadtime_core::store::lost_words;

/// "Your data": back up everything to a file, restore from one, and the copies kept
/// of anything that could not be read.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let text = backup::to_json(
            &state.settings().get_untracked(),
            &state.my_routines().get_untracked().0,
            &state.history().get_untracked(),
            state.program().get_untracked().0.as_ref(),
            now_ms(),
        );
        let name = format!("kneadtime-backup-{}.json", iso_date(today()));
        message.set(Some(if download(&name, "application/json", &text) {
            t("data.backup_downloaded")
        } else {
            t("data.download_refused")
        }));
    };
    view! {
        <section class="settings__group data-panel" aria-labelledby="data-heading">
            <h2 id="data-heading" class="data-panel__title">
                {t("data.title")}
            </h2>
            <p class="field__hint">{t("data.hint")}</p>
            <div class="button-row">
                <button type="button" class="button" on:click=export>
                    <Icon name=IconName::Download />
                    {t("data.download_backup")}
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
            outcome.set(Some(Err(
                BackupError::TooLarge(file.size() as usize).message(&texts())
            )));
            return;
        }
        spawn_local(async move {
            let parsed = match read_text(file).await {
                Some(text) => backup::parse(&text).map_err(|error| error.message(&texts())),
                None => Err(t("data.error.unreadable_file")),
            };
            match parsed {
                Ok(backup) => {
                    let plan = backup::plan(
                        &state.my_routines().get_untracked().0,
                        &state.history().get_untracked(),
                        &state.settings().get_untracked(),
                        state.program().get_untracked().0.as_ref(),
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
        let mut settings = state.settings().get_untracked();
        let mut program = state.program().get_untracked().0;
        let restore_settings = with_settings.get_untracked();
        backup::apply(
            Here {
                routines: &mut routines,
                history: &mut history,
                settings: &mut settings,
                program: &mut program,
            },
            &backup,
            restore_settings,
        );
        state.my_routines().set(MyRoutines(routines));
        state.history().set(history);
        state.program().set(ProgramDocument(program));
        if restore_settings {
            state.settings().set(settings);
        }
        pending.set(None);
        let routines = tn(
            "data.routines",
            (plan.new_routines.len() + plan.updated_routines.len()) as u64,
            &[],
        );
        let sessions = tn("data.sessions", plan.new_sessions as u64, &[]);
        let args = [("routines", routines.as_str()), ("sessions", sessions.as_str())];
        let imported = if restore_settings {
            tf("data.imported_with_settings", &args)
        } else {
            tf("data.imported", &args)
        };
        outcome.set(Some(Ok(match &plan.program {
            Some(title) => format!("{imported} {}", tf("data.imported_program", &[("title", title)])),
            None => imported,
        })));
    };
    let preview = move || {
        pending.get().map(|(backup, plan)| {
            let list = |titles: Vec<String>| titles.join(", ");
            let new_sessions = plan.new_sessions as u64;
            let new_routines = plan.new_routines.len() as u64;
            view! {
                <div class="import-preview" role="region" aria-label=t("data.preview_label")>
                    <h3>
                        {tf(
                            "data.backup_from",
                            &[
                                (
                                    "day",
                                    &format_day(
                                        local_day(backup.exported_at_ms, utc_offset_minutes()),
                                        &texts(),
                                    ),
                                ),
                            ],
                        )}
                    </h3>
                    <ul class="plain-list">
                        <li>
                            {tn(
                                "data.new_sessions",
                                new_sessions,
                                &[("known", &plan.known_sessions.to_string())],
                            )}
                        </li>
                        <li>
                            {if plan.new_routines.is_empty() {
                                tn("data.new_routines", new_routines, &[])
                            } else {
                                tn(
                                    "data.new_routines_named",
                                    new_routines,
                                    &[("titles", &list(plan.new_routines.clone()))],
                                )
                            }}
                        </li>
                        {(!plan.updated_routines.is_empty())
                            .then(|| {
                                view! {
                                    <li>
                                        {tf(
                                            "data.updated_routines",
                                            &[("titles", &list(plan.updated_routines.clone()))],
                                        )}
                                    </li>
                                }
                            })}
                        <li>{tn("data.known_routines", plan.known_routines as u64, &[])}</li>
                        {plan
                            .program
                            .clone()
                            .map(|title| view! { <li>{tf("data.new_program", &[("title", &title)])}</li> })}
                        {(!backup.skipped.is_empty())
                            .then(|| {
                                view! {
                                    <li>
                                        {tf(
                                            "data.skipped",
                                            &[("lost", &lost_words(&backup.skipped, &texts()))],
                                        )}
                                    </li>
                                }
                            })}
                    </ul>
                    {plan
                        .settings_differ
                        .then(|| {
                            view! { <CheckBox label=t("data.replace_settings") checked=with_settings /> }
                        })}
                    <div class="button-row">
                        <button
                            type="button"
                            class="button button--primary"
                            disabled=!plan.changes_anything() && !plan.settings_differ
                            on:click=confirm
                        >
                            {t("data.import")}
                        </button>
                        <button type="button" class="button" on:click=move |_| pending.set(None)>
                            {t("data.cancel")}
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
                {t("data.restore")}
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
        let line = tn(
            "data.kept_copy",
            copy.text.chars().count() as u64,
            &[("document", &document_name(&copy.document)), ("when", &when)],
        );
        let text = copy.text.clone();
        let key = copy.key.clone();
        view! {
            <li class="kept-copy">
                <span>{line}</span>
                <span class="button-row">
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| {
                            download(&file, "application/json", &text);
                        }
                    >
                        <Icon name=IconName::Download />
                        {t("data.download")}
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
                        {t("data.delete")}
                    </button>
                </span>
            </li>
        }
    };
    move || {
        let list = copies.get();
        (!list.is_empty()).then(|| {
            view! {
                <h3>{t("data.kept_title")}</h3>
                <p class="field__hint">{t("data.kept_hint")}</p>
                <ul class="kept-copies">{list.into_iter().map(row).collect_view()}</ul>
            }
        })
    }
}

/// What a kept copy was, by its document's stored name; a name this version does not
/// know (a newer version's document) as it is.
fn document_name(name: &str) -> String {
    match name {
        "settings" => t("data.document.settings"),
        "routines" => t("data.document.routines"),
        "history" => t("data.document.history"),
        "safety" => t("data.document.safety"),
        "session" => t("data.document.session"),
        "program" => t("data.document.program"),
        other => other.to_string(),
    }
}
