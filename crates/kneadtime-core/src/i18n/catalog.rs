use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde_json::Value;

use super::{Locale, PluralCategory};

/// One entry of a locale file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// A text, perhaps with `{name}` placeholders.
    Plain(String),
    /// A text per CLDR plural category ("one", "many", "other"…); "other" is required.
    Plural(BTreeMap<String, String>),
}

impl Text {
    /// The `{name}` placeholders the text uses, sorted, each once.
    pub fn placeholders(&self) -> Vec<String> {
        let mut names: Vec<String> = match self {
            Text::Plain(text) => placeholders_in(text),
            Text::Plural(forms) => forms.values().flat_map(|text| placeholders_in(text)).collect(),
        };
        names.sort();
        names.dedup();
        names
    }
}

fn placeholders_in(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_placeholder_name(&after[..close]) => {
                names.push(after[..close].to_string());
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    names
}

fn is_placeholder_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Why a locale file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// Not JSON, or not an object at the top.
    Unreadable(String),
    /// A value that is neither a text, a plural form set nor a group of keys.
    BadEntry(String),
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Unreadable(why) => write!(f, "the language file is unreadable ({why})"),
            CatalogError::BadEntry(key) => write!(f, "the language file has a broken entry, {key}"),
        }
    }
}

/// A value of a locale file, as any JSON reader gives it: the app reads its files with
/// the browser's `JSON.parse` (so the main wasm module carries no JSON parser), the
/// tests with serde_json.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocaleValue {
    /// A string.
    Text(String),
    /// An object's members.
    Object(Vec<(String, LocaleValue)>),
    /// A number, an array, `true`, `false` or `null`: never valid in a locale file.
    Other,
}

impl From<Value> for LocaleValue {
    fn from(value: Value) -> Self {
        match value {
            Value::String(text) => LocaleValue::Text(text),
            Value::Object(members) => LocaleValue::Object(
                members
                    .into_iter()
                    .map(|(name, value)| (name, LocaleValue::from(value)))
                    .collect(),
            ),
            _ => LocaleValue::Other,
        }
    }
}

/// The texts of one locale, by dotted key.
///
/// A release ships each locale in two files: what the first screen needs, whose
/// top-level `"_rest"` names the file with everything else, and that file. A catalogue
/// read from the first is partial until the second is [merged](Catalog::merge).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    locale: Locale,
    texts: HashMap<String, Text>,
    rest: Option<String>,
}

/// The top-level key of a partial locale file that names the file with the rest.
pub const REST_KEY: &str = "_rest";

const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl Catalog {
    /// Reads a locale file: nested groups of keys, each ending in a text or a set of
    /// plural forms (an object whose keys are all CLDR categories, "other" among them).
    pub fn parse(locale: Locale, json: &str) -> Result<Catalog, CatalogError> {
        let value: Value =
            serde_json::from_str(json).map_err(|error| CatalogError::Unreadable(error.to_string()))?;
        Catalog::from_value(locale, LocaleValue::from(value))
    }

    /// Reads a locale file parsed by any JSON reader (see [`Catalog::parse`] for its shape).
    pub fn from_value(locale: Locale, value: LocaleValue) -> Result<Catalog, CatalogError> {
        let LocaleValue::Object(groups) = value else {
            return Err(CatalogError::Unreadable("not an object".into()));
        };
        let mut texts = HashMap::new();
        let mut rest = None;
        for (key, value) in groups {
            if key != REST_KEY {
                flatten(key, value, &mut texts)?;
                continue;
            }
            match value {
                LocaleValue::Text(file) if is_file_name(&file) => rest = Some(file),
                _ => return Err(CatalogError::BadEntry(REST_KEY.into())),
            }
        }
        Ok(Catalog { locale, texts, rest })
    }

    /// The file (beside this one) with the rest of the locale's texts, while they are missing.
    pub fn rest_file(&self) -> Option<&str> {
        self.rest.as_deref()
    }

    /// Adds the rest of the locale's texts, read from [`Catalog::rest_file`]: the
    /// catalogue is then whole. Texts of another locale are refused.
    pub fn merge(&mut self, rest: Catalog) -> Result<(), CatalogError> {
        if rest.locale != self.locale {
            return Err(CatalogError::Unreadable(format!(
                "texts of {} cannot complete {}",
                rest.locale.tag(),
                self.locale.tag()
            )));
        }
        self.texts.extend(rest.texts);
        self.rest = rest.rest;
        Ok(())
    }

    /// The language of these texts.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Every key with its entry.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Text)> {
        self.texts.iter().map(|(key, text)| (key.as_str(), text))
    }

    /// Whether the catalogue has this key.
    pub fn has(&self, key: &str) -> bool {
        self.texts.contains_key(key)
    }

    /// The text for a key. A key the catalogue lacks shows as itself, so a gap is
    /// visible rather than blank (the locale tests keep gaps out of releases).
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        match self.texts.get(key) {
            Some(Text::Plain(text)) => text,
            Some(Text::Plural(forms)) => forms.get("other").map_or(key, String::as_str),
            None => key,
        }
    }

    /// The text for a key with its `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill_placeholders(self.text(key), args)
    }

    /// The form of a plural text for `count`, with `{count}` and the other
    /// placeholders filled in.
    pub fn count(&self, key: &str, count: u64, args: &[(&str, &str)]) -> String {
        let category = self.locale.plural(count);
        let form = match self.texts.get(key) {
            Some(Text::Plural(forms)) => forms
                .get(category.name())
                .or_else(|| {
                    (category == PluralCategory::Many)
                        .then(|| forms.get("other"))
                        .flatten()
                })
                .or_else(|| forms.get("other"))
                .map_or(key, String::as_str),
            _ => self.text(key),
        };
        let count = count.to_string();
        let mut all_args = vec![("count", count.as_str())];
        all_args.extend_from_slice(args);
        fill_placeholders(form, &all_args)
    }
}

/// A plain file name (no folders, nothing to climb out of the locales folder with).
fn is_file_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

fn flatten(key: String, value: LocaleValue, texts: &mut HashMap<String, Text>) -> Result<(), CatalogError> {
    match value {
        LocaleValue::Text(text) => {
            texts.insert(key, Text::Plain(text));
        }
        LocaleValue::Object(members) if is_plural(&members) => {
            let mut forms = BTreeMap::new();
            for (category, text) in members {
                let LocaleValue::Text(text) = text else {
                    return Err(CatalogError::BadEntry(format!("{key}.{category}")));
                };
                forms.insert(category, text);
            }
            texts.insert(key, Text::Plural(forms));
        }
        LocaleValue::Object(members) => {
            for (name, value) in members {
                flatten(format!("{key}.{name}"), value, texts)?;
            }
        }
        LocaleValue::Other => return Err(CatalogError::BadEntry(key)),
    }
    Ok(())
}

/// A set of plural forms: every key a CLDR category, "other" among them.
fn is_plural(members: &[(String, LocaleValue)]) -> bool {
    members.iter().any(|(name, _)| name == "other")
        && members
            .iter()
            .all(|(name, _)| PLURAL_CATEGORIES.contains(&name.as_str()))
}

/// Replaces each `{name}` whose name is in `args`; other braces stay as written.
pub(crate) fn fill_placeholders(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            args.iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|(_, value)| (close, value))
        });
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_groups_become_dotted_keys_and_plurals_stay_whole() {
        let catalog = Catalog::parse(
            Locale::English,
            r#"{"demo": {"title": "Hi {name}", "steps": {"one": "{count} step", "other": "{count} steps"}}}"#,
        )
        .unwrap();
        assert_eq!(catalog.fill("demo.title", &[("name", "Ann")]), "Hi Ann");
        assert_eq!(catalog.count("demo.steps", 1, &[]), "1 step");
        assert_eq!(catalog.count("demo.steps", 4, &[]), "4 steps");
        assert_eq!(catalog.text("demo.missing"), "demo.missing");
    }

    #[test]
    fn french_counts_zero_as_singular_and_millions_fall_back_to_other() {
        let catalog = Catalog::parse(
            Locale::French,
            r#"{"n": {"one": "{count} étape", "other": "{count} étapes"}}"#,
        )
        .unwrap();
        assert_eq!(catalog.count("n", 0, &[]), "0 étape");
        assert_eq!(catalog.count("n", 2, &[]), "2 étapes");
        assert_eq!(catalog.count("n", 1_000_000, &[]), "1000000 étapes");
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        assert!(matches!(
            Catalog::parse(Locale::English, "[1]"),
            Err(CatalogError::Unreadable(_))
        ));
        assert!(matches!(
            Catalog::parse(Locale::English, "{\"a\": 3}"),
            Err(CatalogError::BadEntry(_))
        ));
        assert!(Catalog::parse(Locale::English, "{\"a\": {\"one\": 1, \"other\": \"x\"}}").is_err());
    }

    #[test]
    fn a_value_from_any_reader_reads_as_its_json_does() {
        let text = |text: &str| LocaleValue::Text(text.into());
        let object = |members: Vec<(&str, LocaleValue)>| {
            LocaleValue::Object(
                members
                    .into_iter()
                    .map(|(name, value)| (name.into(), value))
                    .collect(),
            )
        };
        // Members in another order than serde_json's sorted map, as `JSON.parse` keeps them.
        let value = object(vec![
            (
                "demo",
                object(vec![
                    (
                        "steps",
                        object(vec![
                            ("other", text("{count} steps")),
                            ("one", text("{count} step")),
                        ]),
                    ),
                    ("title", text("Hi")),
                ]),
            ),
            ("_rest", text("en.rest.json")),
        ]);
        let json = r#"{"_rest": "en.rest.json", "demo": {"title": "Hi", "steps": {"one": "{count} step", "other": "{count} steps"}}}"#;
        assert_eq!(
            Catalog::from_value(Locale::English, value),
            Catalog::parse(Locale::English, json)
        );
        assert_eq!(
            Catalog::from_value(Locale::English, object(vec![("a", LocaleValue::Other)])),
            Err(CatalogError::BadEntry("a".into()))
        );
        assert!(matches!(
            Catalog::from_value(Locale::English, text("a")),
            Err(CatalogError::Unreadable(_))
        ));
    }

    #[test]
    fn a_partial_file_names_its_rest_and_refuses_paths() {
        let first = Catalog::parse(Locale::German, r#"{"_rest": "de.rest.json", "a": "A"}"#).unwrap();
        assert_eq!(first.rest_file(), Some("de.rest.json"));
        assert!(!first.has(REST_KEY));
        for bad in [
            r#""../sw.js""#,
            r#""""#,
            r#"".hidden""#,
            r#""a/b.json""#,
            "3",
            "{}",
        ] {
            let json = format!(r#"{{"_rest": {bad}, "a": "A"}}"#);
            assert!(
                matches!(
                    Catalog::parse(Locale::German, &json),
                    Err(CatalogError::BadEntry(_))
                ),
                "{json}"
            );
        }
    }

    #[test]
    fn another_locales_rest_is_refused_and_changes_nothing() {
        let mut first = Catalog::parse(Locale::German, r#"{"_rest": "de.rest.json", "a": "A"}"#).unwrap();
        let before = first.clone();
        let french = Catalog::parse(Locale::French, r#"{"b": "B"}"#).unwrap();
        assert!(first.merge(french).is_err());
        assert_eq!(first, before);
    }

    proptest::proptest! {
        /// Any split of a real locale file into a first file (naming the rest) and the
        /// rest reads back, merged, as the whole file does.
        #[test]
        fn first_part_merged_with_the_rest_is_the_whole(
            locale in proptest::sample::select(Locale::ALL.to_vec()),
            in_first in proptest::collection::vec(proptest::bool::ANY, 40),
        ) {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/");
            let json = std::fs::read_to_string(format!("{path}{}.json", locale.tag())).unwrap();
            let Value::Object(groups) = serde_json::from_str::<Value>(&json).unwrap() else {
                panic!("not an object")
            };
            let (mut first, mut rest) = (serde_json::Map::new(), serde_json::Map::new());
            for (index, (group, texts)) in groups.into_iter().enumerate() {
                let part = if in_first[index % in_first.len()] { &mut first } else { &mut rest };
                part.insert(group, texts);
            }
            first.insert(REST_KEY.into(), Value::String(format!("{}.rest.json", locale.tag())));
            let mut merged = Catalog::parse(locale, &Value::Object(first).to_string()).unwrap();
            proptest::prop_assert!(merged.rest_file().is_some());
            merged.merge(Catalog::parse(locale, &Value::Object(rest).to_string()).unwrap()).unwrap();
            proptest::prop_assert!(merged.rest_file().is_none());
            proptest::prop_assert_eq!(merged, Catalog::parse(locale, &json).unwrap());
        }
    }

    #[test]
    fn unknown_braces_are_left_as_written() {
        assert_eq!(fill_placeholders("{a} {b} {", &[("a", "1")]), "1 {b} {");
        assert_eq!(placeholders_in("x {a} {not a name} {b}"), vec!["a", "b"]);
    }

    #[test]
    fn languages_are_matched_by_their_primary_tag() {
        assert_eq!(Locale::negotiate(["de-AT", "en"]), Locale::German);
        assert_eq!(Locale::negotiate(["pt-PT"]), Locale::BrazilianPortuguese);
        assert_eq!(Locale::negotiate(["nl-NL", "fr-CA"]), Locale::French);
        assert_eq!(Locale::negotiate(["ja", "zz"]), Locale::English);
        assert_eq!(Locale::negotiate([]), Locale::English);
        assert_eq!(Locale::from_tag("ES_mx"), Some(Locale::Spanish));
        assert_eq!(Locale::from_tag(""), None);
    }
}
