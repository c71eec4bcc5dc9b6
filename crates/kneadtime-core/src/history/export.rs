//! The history as a CSV file and as a short text for a message to the therapist.

use super::records::SessionRecord;
use super::stats::{average_ratings, current_streak, one_decimal, routine_stats, signed, weekly_average};
use crate::calendar::{clock_time, format_day, format_day_short, iso_date};
use crate::format::countdown;
use crate::i18n::Catalog;

/// A short text for a message to the therapist.
pub fn progress_summary(records: &[SessionRecord], today: i64, texts: &Catalog) -> String {
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return texts.text("history.summary.empty").to_string();
    };
    let mut lines = vec![texts.fill(
        "history.summary.opening",
        &[
            ("from", &format_day_short(first.day(), texts)),
            ("to", &format_day(last.day(), texts)),
            (
                "sessions",
                &texts.count("history.sessions", records.len() as u64, &[]),
            ),
            ("per_week", &one_decimal(weekly_average(records, today), texts)),
            (
                "streak",
                &texts.count("history.days", u64::from(current_streak(records, today)), &[]),
            ),
        ],
    )];
    if let Some((before, after)) = average_ratings(records) {
        lines.push(texts.fill(
            "history.summary.pain",
            &[
                ("before", &one_decimal(before, texts)),
                ("after", &one_decimal(after, texts)),
                ("change", &signed(after - before, texts)),
            ],
        ));
    }
    for stats in routine_stats(records).iter().take(3) {
        let sessions = texts.count("history.sessions", u64::from(stats.sessions), &[]);
        lines.push(match stats.average_change {
            Some(change) => texts.fill(
                "history.summary.routine_with_change",
                &[
                    ("title", &stats.title),
                    ("sessions", &sessions),
                    ("change", &signed(change, texts)),
                ],
            ),
            None => texts.fill(
                "history.summary.routine",
                &[("title", &stats.title), ("sessions", &sessions)],
            ),
        });
    }
    let recent: Vec<String> = records
        .iter()
        .rev()
        .filter(|record| !record.note.trim().is_empty())
        .take(3)
        .map(|record| {
            texts.fill(
                "history.summary.note",
                &[
                    ("day", &format_day_short(record.day(), texts)),
                    ("note", record.note.trim()),
                ],
            )
        })
        .collect();
    if !recent.is_empty() {
        lines.push(texts.text("history.summary.recent_notes").to_string());
        lines.extend(recent);
    }
    lines.join("\n")
}

/// The history as CSV (RFC 4180), one row per session, oldest first. Column names and
/// values are a data format, the same in every language, so a file reads anywhere.
pub fn to_csv(records: &[SessionRecord]) -> String {
    let mut csv = String::from(
        "date,start_time,utc_offset_minutes,routine,routine_id,active_time,active_seconds,steps_completed,steps_skipped,steps_total,completed,pain_before,pain_after,pain_change,note\r\n",
    );
    let number = |value: Option<u8>| value.map(|value| value.to_string()).unwrap_or_default();
    for record in records {
        let row = [
            iso_date(record.day()),
            clock_time(record.started_at_ms, record.utc_offset_min),
            record.utc_offset_min.to_string(),
            csv_text(&record.routine_title),
            csv_text(&record.routine_id),
            countdown(record.active_ms),
            (record.active_ms / 1000).to_string(),
            record.steps_completed.to_string(),
            record.steps_skipped.to_string(),
            record.steps_total.to_string(),
            if record.completed { "yes" } else { "no" }.to_string(),
            number(record.pain_before),
            number(record.pain_after),
            record
                .pain_change()
                .map(|change| change.to_string())
                .unwrap_or_default(),
            csv_text(&record.note),
        ];
        csv.push_str(&row.join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// A text cell: quoted when needed, and defused so a spreadsheet never runs it as a formula.
fn csv_text(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{local_day, DAY_MS};
    use crate::i18n::Locale;
    use crate::testing::{catalog, english, record, NOV_24};

    #[test]
    fn csv_quotes_and_defuses_text() {
        let mut tricky = record("t", NOV_24, 60, Some(5), Some(2));
        tricky.routine_title = "=HYPERLINK(\"x\")".into();
        tricky.note = "left side, \"tight\"\nbetter".into();
        let csv = to_csv(&[tricky]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("date,start_time,"));
        assert_eq!(
            lines[1],
            "2026-11-24,01:00,60,\"'=HYPERLINK(\"\"x\"\")\",hip-unwind,10:00,600,5,0,5,yes,5,2,-3,\"left side, \"\"tight\"\"\nbetter\""
        );
    }

    #[test]
    fn summary_for_a_message() {
        let mut records = vec![
            record("a", NOV_24 - DAY_MS as u64, 0, Some(6), Some(4)),
            record("b", NOV_24, 0, Some(5), Some(4)),
        ];
        records[1].note = "Much easier to sit today".into();
        let text = progress_summary(&records, local_day(NOV_24, 0), &english());
        assert!(
            text.starts_with("My Kneadtime sessions, 23 Nov to Tue 24 Nov 2026: 2 sessions"),
            "{text}"
        );
        assert!(text.contains("current streak 2 days"));
        assert!(text.contains("5.5 before, 4.0 after (\u{2212}1.5)"));
        assert!(text.contains("- Hip unwind: 2 sessions, pain change \u{2212}1.5"));
        assert!(text.contains("- 24 Nov: Much easier to sit today"));
        assert_eq!(
            progress_summary(&[], 0, &english()),
            "No Kneadtime sessions recorded yet."
        );
        let german = progress_summary(&records, local_day(NOV_24, 0), &catalog(Locale::German));
        assert!(german.contains("23. Nov."), "{german}");
        assert!(german.contains("5,5"), "{german}");
        assert!(
            german.contains("- 24. Nov.: Much easier to sit today"),
            "{german}"
        );
    }
}
