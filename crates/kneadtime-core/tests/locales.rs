//! The translation guard: every locale file has exactly English's keys, with the same
//! placeholders and plural forms, and every key the code names exists.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use kneadtime_core::i18n::{Catalog, Locale, Text};
use kneadtime_core::testing::catalog;

/// The top-level groups of the locale files, empty or not.
const GROUPS: [&str; 28] = [
    "app",
    "home",
    "routine",
    "checks",
    "safety_page",
    "about",
    "missing",
    "terms",
    "library",
    "howto",
    "breathing",
    "safety",
    "player",
    "cues",
    "wording",
    "summary",
    "format",
    "settings",
    "data",
    "storage",
    "history",
    "progress",
    "pain",
    "handout",
    "builder",
    "share",
    "received",
    "link",
];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_locale_has_exactly_the_english_keys_placeholders_and_plurals() {
    let english = catalog(Locale::English);
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let translated = catalog(locale);
        for (key, text) in english.entries() {
            match translated.entries().find(|(other, _)| *other == key) {
                None => problems.push(format!("{}: missing {key}", locale.tag())),
                Some((_, other)) => {
                    if other.placeholders() != text.placeholders() {
                        problems.push(format!(
                            "{}: {key} has placeholders {:?}, English {:?}",
                            locale.tag(),
                            other.placeholders(),
                            text.placeholders()
                        ));
                    }
                    match (text, other) {
                        (Text::Plain(_), Text::Plain(value)) if value.trim().is_empty() => {
                            problems.push(format!("{}: {key} is empty", locale.tag()))
                        }
                        (Text::Plain(_), Text::Plain(_)) => {}
                        (Text::Plural(_), Text::Plural(forms))
                            if forms.contains_key("one")
                                && forms.values().all(|form| !form.trim().is_empty()) => {}
                        _ => problems.push(format!(
                            "{}: {key} is not a like-for-like text or plural",
                            locale.tag()
                        )),
                    }
                }
            }
        }
        for (key, _) in translated.entries() {
            if !english.has(key) {
                problems.push(format!("{}: {key} is not an English key", locale.tag()));
            }
        }
    }
    problems.sort();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Every key the Rust sources look up with a literal (`t("…")`, `tf`, `tn`, and a
/// catalogue's `text`, `fill` and `count`) must be an English key.
#[test]
fn every_key_named_in_the_code_exists() {
    let english = catalog(Locale::English);
    let groups: BTreeSet<&str> = english
        .entries()
        .map(|(key, _)| key.split('.').next().unwrap_or(key))
        .collect();
    let groups: BTreeSet<&str> = groups.into_iter().chain(GROUPS).collect();
    let mut missing = Vec::new();
    for folder in ["src", "crates/kneadtime-core/src"] {
        for file in rust_files(&repo_root().join(folder)) {
            let source = fs::read_to_string(&file).unwrap();
            for literal in looked_up_keys(&source) {
                let group = literal.split('.').next().unwrap_or(literal);
                if groups.contains(group) && !english.has(literal) {
                    missing.push(format!("{}: {literal}", file.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys missing from locales/en.json:\n{}",
        missing.join("\n")
    );
}

/// The home page's own lookups, and the pages it shares its frame with (not-found, a
/// screen that did not load), are in the first file a release fetches
/// (scripts/first-screen-texts.json); the e2e tests show the home page with only that file.
#[test]
fn the_home_pages_keys_are_in_the_first_screen_texts() {
    let list = fs::read_to_string(repo_root().join("scripts/first-screen-texts.json")).unwrap();
    let list: serde_json::Value = serde_json::from_str(&list).unwrap();
    let patterns: Vec<&str> = list["patterns"]
        .as_array()
        .expect("a list of patterns")
        .iter()
        .map(|pattern| pattern.as_str().expect("a pattern"))
        .collect();
    // A pattern matches the first segments of a key; * matches any one segment.
    let matches = |pattern: &str, key: &str| {
        let key: Vec<&str> = key.split('.').collect();
        let pattern: Vec<&str> = pattern.split('.').collect();
        pattern.len() <= key.len()
            && pattern
                .iter()
                .zip(&key)
                .all(|(part, segment)| *part == "*" || part == segment)
    };
    let first_screen = |key: &str| patterns.iter().any(|pattern| matches(pattern, key));
    let english = catalog(Locale::English);
    let unused: Vec<&&str> = patterns
        .iter()
        .filter(|pattern| !english.entries().any(|(key, _)| matches(pattern, key)))
        .collect();
    assert!(unused.is_empty(), "patterns that name no text: {unused:?}");
    let mut outside = Vec::new();
    for file in [
        "src/app.rs",
        "src/pages/home.rs",
        "src/pages/not_found.rs",
        "src/components/routine_card.rs",
        "src/components/site_header.rs",
        "src/components/missing_page.rs",
    ] {
        let source = fs::read_to_string(repo_root().join(file)).unwrap();
        outside.extend(
            looked_up_keys(&source)
                .into_iter()
                .filter(|key| !first_screen(key))
                .map(|key| format!("{file}: {key}")),
        );
    }
    assert!(
        outside.is_empty(),
        "not in the first screen's texts:\n{}",
        outside.join("\n")
    );
}

#[test]
fn locale_files_are_the_ones_the_app_knows() {
    let mut on_disk: Vec<String> = fs::read_dir(repo_root().join("locales"))
        .unwrap()
        .map(|entry| {
            entry
                .unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".json")
                .to_string()
        })
        .collect();
    on_disk.sort();
    let mut known: Vec<String> = Locale::ALL
        .iter()
        .map(|locale| locale.tag().to_string())
        .collect();
    known.sort();
    assert_eq!(on_disk, known);
    for locale in Locale::ALL {
        assert_eq!(catalog(locale).locale(), locale);
        assert!(Catalog::parse(locale, "{}").is_ok());
    }
}

fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// The literal first arguments of the lookups in a source file.
fn looked_up_keys(source: &str) -> Vec<&str> {
    const CALLS: [&str; 6] = ["t(\"", "tf(\"", "tn(\"", ".text(\"", ".fill(\"", ".count(\""];
    let mut keys = Vec::new();
    for call in CALLS {
        for (at, _) in source.match_indices(call) {
            let preceded_by_name = source[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if call.starts_with('.') || !preceded_by_name {
                let rest = &source[at + call.len()..];
                if let Some(end) = rest.find('"') {
                    keys.push(&rest[..end]);
                }
            }
        }
    }
    keys
}

/// "So far: 1 of 1 sessions done" read wrong: the count of sessions due picks the
/// plural form, in every language.
#[test]
fn sessions_so_far_agree_with_their_number_in_every_language() {
    for locale in Locale::ALL {
        let texts = catalog(locale);
        let so_far = |due: u64| texts.count("program.mine.so_far", due, &[("done", "1"), ("percent", "100")]);
        assert_ne!(so_far(1), so_far(3).replace('3', "1"), "{}", locale.tag());
        assert!(so_far(3).contains('3'), "{}", locale.tag());
    }
    let english = catalog(Locale::English);
    let so_far = |due: u64| english.count("program.mine.so_far", due, &[("done", "1"), ("percent", "100")]);
    assert_eq!(so_far(1), "So far: 1 of 1 session done (100 %)");
    assert_eq!(so_far(3), "So far: 1 of 3 sessions done (100 %)");
}
