use serde::{Deserialize, Serialize};

/// A language the app is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "de")]
    German,
    #[serde(rename = "es")]
    Spanish,
    #[serde(rename = "fr")]
    French,
    #[serde(rename = "it")]
    Italian,
    #[serde(rename = "pt-BR")]
    BrazilianPortuguese,
}

/// A CLDR plural category, as `Intl.PluralRules.select` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Many,
    Other,
}

impl PluralCategory {
    /// The CLDR name, the key of a plural form in a locale file.
    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::One => "one",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

impl Locale {
    /// Every locale, in the order the language picker lists them.
    pub const ALL: [Locale; 6] = [
        Locale::English,
        Locale::German,
        Locale::Spanish,
        Locale::French,
        Locale::Italian,
        Locale::BrazilianPortuguese,
    ];

    /// The BCP 47 tag: the locale file's name, `<html lang>` and the speech language.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::English => "en",
            Locale::German => "de",
            Locale::Spanish => "es",
            Locale::French => "fr",
            Locale::Italian => "it",
            Locale::BrazilianPortuguese => "pt-BR",
        }
    }

    /// The language named in itself, as the picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::English => "English",
            Locale::German => "Deutsch",
            Locale::Spanish => "Español",
            Locale::French => "Français",
            Locale::Italian => "Italiano",
            Locale::BrazilianPortuguese => "Português (Brasil)",
        }
    }

    /// The locale for a language tag, by its primary language: `de-AT` is German,
    /// `pt-PT` Portuguese. Tags are compared without regard to case.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag().split('-').next() == Some(language.as_str()))
    }

    /// The locale whose tag is exactly `tag`, as stored settings name the chosen language.
    pub fn from_stored_tag(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|locale| locale.tag() == tag)
    }

    /// The first of the person's languages (most preferred first, as in
    /// `navigator.languages`) that the app speaks; English when none is.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or_default()
    }

    /// The plural category of a whole number, by the CLDR rules for this language
    /// (checked against the browser's `Intl.PluralRules` in the wasm tests).
    pub fn plural(self, n: u64) -> PluralCategory {
        match self {
            Locale::English | Locale::German if n == 1 => PluralCategory::One,
            Locale::English | Locale::German => PluralCategory::Other,
            // Brazilian Portuguese and French count 0 as singular too.
            Locale::French | Locale::BrazilianPortuguese if n <= 1 => PluralCategory::One,
            Locale::Spanish | Locale::Italian if n == 1 => PluralCategory::One,
            // "1 000 000 de …": whole millions take the "many" form.
            _ if n != 0 && n.is_multiple_of(1_000_000) => PluralCategory::Many,
            _ => PluralCategory::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_tag_is_the_tag_settings_write() {
        for locale in Locale::ALL {
            let stored = serde_json::to_value(locale).unwrap();
            assert_eq!(stored, serde_json::Value::String(locale.tag().into()));
            assert_eq!(Locale::from_stored_tag(locale.tag()), Some(locale));
        }
        for loose in ["pt", "DE", "en-GB", "", "x"] {
            assert_eq!(Locale::from_stored_tag(loose), None, "{loose}");
        }
    }
}
