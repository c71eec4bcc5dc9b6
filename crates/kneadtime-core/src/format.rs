//! Durations as people read and hear them.

/// `m:ss` for a countdown: whole seconds rounded up, so "0:00" only shows at the very end.
pub fn countdown(ms: u64) -> String {
    let secs = ms.div_ceil(1000);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// "1 session", "3 sessions": a count with its noun (regular plurals only).
pub fn count_of(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

/// "45 s", "2 min", "1 min 30 s".
pub fn duration_words(secs: u32) -> String {
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// Durations as the voice says them: "45 seconds", "2 minutes", "1 minute 30 seconds".
pub fn spoken_duration(secs: u32) -> String {
    let unit = |count: u32, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    match (secs / 60, secs % 60) {
        (0, s) => unit(s, "second"),
        (m, 0) => unit(m, "minute"),
        (m, s) => format!("{} {}", unit(m, "minute"), unit(s, "second")),
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

/// "About 6 min": a routine's length at a glance, never less than one minute.
pub fn about_minutes(ms: u64) -> String {
    let minutes = ((ms + 30_000) / 60_000).max(1);
    format!("About {minutes} min")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(duration_words(45), "45 s");
        assert_eq!(duration_words(120), "2 min");
        assert_eq!(duration_words(90), "1 min 30 s");
        assert_eq!(spoken_duration(45), "45 seconds");
        assert_eq!(spoken_duration(60), "1 minute");
        assert_eq!(spoken_duration(120), "2 minutes");
        assert_eq!(spoken_duration(91), "1 minute 31 seconds");
        assert_eq!(spoken_duration(1), "1 second");
        assert_eq!(about_minutes(10_000), "About 1 min");
        assert_eq!(about_minutes(389_000), "About 6 min");
        assert_eq!(about_minutes(389_999 + 60_000), "About 7 min");
    }

    #[test]
    fn capitalised_raises_only_the_first_letter() {
        assert_eq!(capitalised("left glute"), "Left glute");
        assert_eq!(capitalised("élan"), "Élan");
        assert_eq!(capitalised(""), "");
    }
}
