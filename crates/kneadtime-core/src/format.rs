//! Durations as people read and hear them.

use crate::i18n::Catalog;

/// `m:ss` for a countdown: whole seconds rounded up, so "0:00" only shows at the very end.
pub fn countdown(ms: u64) -> String {
    let secs = ms.div_ceil(1000);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// "45 s", "2 min", "1 min 30 s".
pub fn duration_words(secs: u32, texts: &Catalog) -> String {
    let (minutes, seconds) = ((secs / 60).to_string(), (secs % 60).to_string());
    match (secs / 60, secs % 60) {
        (0, _) => texts.fill("format.duration_seconds", &[("seconds", &seconds)]),
        (_, 0) => texts.fill("format.duration_minutes", &[("minutes", &minutes)]),
        _ => texts.fill(
            "format.duration_minutes_seconds",
            &[("minutes", &minutes), ("seconds", &seconds)],
        ),
    }
}

/// Durations as the voice says them: "45 seconds", "2 minutes", "1 minute 30 seconds".
pub fn spoken_duration(secs: u32, texts: &Catalog) -> String {
    let seconds = |count: u32| texts.count("format.spoken_seconds", u64::from(count), &[]);
    let minutes = |count: u32| texts.count("format.spoken_minutes", u64::from(count), &[]);
    match (secs / 60, secs % 60) {
        (0, s) => seconds(s),
        (m, 0) => minutes(m),
        (m, s) => texts.fill(
            "format.spoken_minutes_seconds",
            &[("minutes", &minutes(m)), ("seconds", &seconds(s))],
        ),
    }
}

/// "Kneading" from "kneading": the first letter in capitals.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The first sentence of a how-to text: what a person glances at in the player, the
/// rest one tap away. A text of one sentence (or none) is returned whole.
pub fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    text.char_indices()
        .find(|&(index, c)| {
            matches!(c, '.' | '!' | '?')
                && text[index + 1..].starts_with(char::is_whitespace)
                && !text[..index].ends_with(|c: char| c.is_ascii_digit())
        })
        .map_or(text, |(index, c)| &text[..index + c.len_utf8()])
}

/// Whole minutes to the nearest, never less than one: a routine's length as its card
/// and its calendar event give it.
pub fn whole_minutes(ms: u64) -> u32 {
    u32::try_from(ms.saturating_add(30_000) / 60_000)
        .unwrap_or(u32::MAX)
        .max(1)
}

/// "About 6 min": a routine's length at a glance.
pub fn about_minutes(ms: u64, texts: &Catalog) -> String {
    texts.fill(
        "format.about_minutes",
        &[("minutes", &whole_minutes(ms).to_string())],
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_sentence_ends_at_its_stop() {
        assert_eq!(first_sentence("Sit tall. Press slowly."), "Sit tall.");
        assert_eq!(first_sentence("  Breathe out!  Then release. "), "Breathe out!");
        assert_eq!(first_sentence("One sentence only"), "One sentence only");
        assert_eq!(first_sentence("Hold 2. 5 seconds? Rest."), "Hold 2. 5 seconds?");
        assert_eq!(first_sentence(""), "");
    }

    use super::*;
    use crate::testing::english;

    #[test]
    fn countdown_rounds_up_to_whole_seconds() {
        assert_eq!(countdown(0), "0:00");
        assert_eq!(countdown(1), "0:01");
        assert_eq!(countdown(59_001), "1:00");
        assert_eq!(countdown(125_000), "2:05");
        assert_eq!(countdown(3_600_000), "60:00");
    }

    #[test]
    fn words_and_minutes() {
        let texts = english();
        assert_eq!(duration_words(45, &texts), "45 s");
        assert_eq!(duration_words(120, &texts), "2 min");
        assert_eq!(duration_words(90, &texts), "1 min 30 s");
        assert_eq!(spoken_duration(45, &texts), "45 seconds");
        assert_eq!(spoken_duration(60, &texts), "1 minute");
        assert_eq!(spoken_duration(120, &texts), "2 minutes");
        assert_eq!(spoken_duration(91, &texts), "1 minute 31 seconds");
        assert_eq!(spoken_duration(1, &texts), "1 second");
        assert_eq!(about_minutes(10_000, &texts), "About 1 min");
        assert_eq!(about_minutes(389_000, &texts), "About 6 min");
        assert_eq!(about_minutes(389_999 + 60_000, &texts), "About 7 min");
    }

    #[test]
    fn durations_follow_each_language() {
        use crate::i18n::Locale;
        use crate::testing::catalog;
        let german = catalog(Locale::German);
        assert_eq!(spoken_duration(61, &german), "1 Minute und 1 Sekunde");
        let french = catalog(Locale::French);
        assert_eq!(spoken_duration(0, &french), "0 seconde");
        assert_eq!(spoken_duration(150, &french), "2 minutes 30 secondes");
    }

    #[test]
    fn capitalised_raises_only_the_first_letter() {
        assert_eq!(capitalised("left glute"), "Left glute");
        assert_eq!(capitalised("élan"), "Élan");
        assert_eq!(capitalised(""), "");
    }
}
