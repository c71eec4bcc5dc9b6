//! Calendar files (RFC 5545 iCalendar): weekly event series with a reminder, which a
//! person imports into their own calendar. A PWA cannot schedule a notification
//! without a server; their calendar can.
//!
//! Every text a person typed (titles, notes) goes through [`escape_text`] and every
//! line through [`fold`], so no input can add a line, a property, an event or an alarm.

use crate::calendar::civil_from_days;

/// The product identifier calendars show as the file's origin.
const PRODID: &str = "-//Kneadtime//Kneadtime//EN";
/// RFC 5545 §3.1: lines longer than this many octets are folded.
const MAX_LINE_OCTETS: usize = 75;
/// Two-letter weekday codes of `BYDAY`, Monday first (the app's week order).
const WEEKDAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// One event repeated weekly: the same time on chosen weekdays, a fixed number of times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklySeries {
    /// Stable across exports of the same plan, so a re-import updates the event.
    pub uid: String,
    /// Raised on every change, so calendars take the newer copy.
    pub sequence: u32,
    pub summary: String,
    pub description: String,
    /// The routine or program link (also repeated in the description, which every
    /// calendar shows; not every calendar shows `URL`).
    pub url: String,
    /// The day of the first occurrence (days since 1970-01-01), on one of `weekdays`.
    pub first_day: i64,
    /// Local time of day in minutes after midnight (a floating time: it stays 19:00
    /// wherever the person travels).
    pub minute_of_day: u16,
    pub duration_min: u32,
    /// Days of the week, Monday first.
    pub weekdays: [bool; 7],
    /// How many occurrences in all.
    pub count: u32,
    /// A reminder this many minutes before each occurrence, if any.
    pub alarm_minutes_before: Option<u32>,
}

/// A whole calendar file holding `series`, stamped with `stamp_ms` (ms since 1970, UTC).
pub fn calendar(series: &[WeeklySeries], stamp_ms: u64) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    for event in series {
        event_lines(event, stamp_ms, &mut lines);
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|line| fold(line)).collect()
}

fn event_lines(event: &WeeklySeries, stamp_ms: u64, lines: &mut Vec<String>) {
    let days: Vec<&str> = WEEKDAY_CODES
        .iter()
        .zip(event.weekdays)
        .filter_map(|(code, on)| on.then_some(*code))
        .collect();
    let url = uri(&event.url);
    lines.extend([
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_text(&event.uid)),
        format!("SEQUENCE:{}", event.sequence),
        format!("DTSTAMP:{}", utc_stamp(stamp_ms)),
        format!("DTSTART:{}", floating(event.first_day, event.minute_of_day)),
        format!("DURATION:PT{}M", event.duration_min.max(1)),
        format!(
            "RRULE:FREQ=WEEKLY;BYDAY={};COUNT={}",
            days.join(","),
            event.count.max(1)
        ),
        format!("SUMMARY:{}", escape_text(&event.summary)),
        format!("DESCRIPTION:{}", escape_text(&event.description)),
    ]);
    if !url.is_empty() {
        lines.push(format!("URL:{url}"));
    }
    if let Some(minutes) = event.alarm_minutes_before {
        lines.extend([
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            format!("DESCRIPTION:{}", escape_text(&event.summary)),
            format!("TRIGGER:-PT{minutes}M"),
            "END:VALARM".to_string(),
        ]);
    }
    lines.push("END:VEVENT".to_string());
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line
/// break (CRLF, CR or LF) as `\n`, other control characters dropped.
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                escaped.push_str("\\n");
            }
            '\n' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// A URI value: written as it is (URIs have no escapes in iCalendar), so anything that
/// is not a printable ASCII character makes it unusable and it is left out.
fn uri(url: &str) -> &str {
    if url.bytes().all(|byte| byte.is_ascii_graphic()) {
        url
    } else {
        ""
    }
}

/// One content line, folded (RFC 5545 §3.1) into lines of at most 75 octets, each
/// continuation starting with a space, never splitting a UTF-8 character; CRLF after each.
pub fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + line.len() / MAX_LINE_OCTETS * 3 + 2);
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > MAX_LINE_OCTETS {
            folded.push_str("\r\n ");
            // The space that starts a continuation counts towards its 75 octets.
            octets = 1;
        }
        folded.push(c);
        octets += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

/// `YYYYMMDDTHHMMSS`: a local time with no time zone (RFC 5545 §3.3.5, form 1).
fn floating(day: i64, minute_of_day: u16) -> String {
    let (year, month, date) = civil_from_days(day);
    let minute = minute_of_day.min(24 * 60 - 1);
    format!(
        "{year:04}{month:02}{date:02}T{:02}{:02}00",
        minute / 60,
        minute % 60
    )
}

/// `YYYYMMDDTHHMMSSZ` of an instant.
fn utc_stamp(ms: u64) -> String {
    let seconds = ms / 1000;
    let day = i64::try_from(seconds / 86_400).unwrap_or(0);
    let second_of_day = seconds % 86_400;
    let (year, month, date) = civil_from_days(day);
    let (hour, minute, second) = (second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60);
    format!("{year:04}{month:02}{date:02}T{hour:02}{minute:02}{second:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_the_characters_that_end_a_value_or_a_line() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\u{7}h"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let line = format!("SUMMARY:{}", "ü".repeat(60));
        let folded = fold(&line);
        let parts: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(parts.len() > 1);
        for part in &parts {
            assert!(part.len() <= MAX_LINE_OCTETS, "{part:?} is {} octets", part.len());
        }
        assert!(parts[1..].iter().all(|part| part.starts_with(' ')));
        let unfolded: String = parts
            .iter()
            .enumerate()
            .map(|(index, part)| if index == 0 { *part } else { &part[1..] })
            .collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn times_are_floating_and_the_stamp_is_utc() {
        // 2026-12-07 is day 20_794.
        assert_eq!(floating(20_794, 19 * 60 + 5), "20261207T190500");
        assert_eq!(utc_stamp(1_796_601_600_000 + 3_723_000), "20261207T010203Z");
    }

    #[test]
    fn a_url_with_a_line_break_or_space_is_left_out() {
        assert_eq!(uri("https://example.org/r#abc"), "https://example.org/r#abc");
        assert_eq!(uri("https://example.org/\r\nBEGIN:VALARM"), "");
        assert_eq!(uri("https://example.org/a b"), "");
    }
}
