//! The session history: one record per finished or ended session, with the
//! pain ratings given around it, and the numbers people look for in it —
//! streak, sessions per week, pain change per routine — plus the CSV and the
//! short text summary a client sends to their therapist.
//!
//! Days are the person's own: each record keeps the UTC offset it was made
//! in, so a session at 23:30 stays on its evening after a trip or a clock change.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::format::{count_of, countdown};
use super::routine::{is_valid_id, limits, Routine};
use super::session::SessionSummary;
use super::store::{body_of, entries, json, lost_entries, Decoded, Document, StoreError};

const DAY_MS: i64 = 86_400_000;
/// Offsets beyond ±14 h do not exist.
const MAX_OFFSET_MIN: i32 = 14 * 60;
/// Years of daily sessions; more is not a history this app wrote.
pub const MAX_RECORDS: usize = 5_000;
/// A session note is a line or two.
pub const NOTE_MAX_CHARS: usize = 500;
/// The highest rating on the 0–10 scale.
pub const PAIN_MAX: u8 = 10;
/// Prefix of session record ids.
pub const SESSION_ID_PREFIX: &str = "s-";
/// A rise of this many points or more after a session earns gentle advice.
pub const PAIN_RISE_ADVICE: u8 = 3;

/// One session as it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Unique per record, so a restored backup never duplicates one.
    pub id: String,
    pub routine_id: String,
    pub routine_title: String,
    /// Wall-clock start, ms since 1970 (UTC).
    pub started_at_ms: u64,
    /// Minutes east of UTC where the session was done.
    pub utc_offset_min: i32,
    /// Time spent working and in cues, pauses excluded.
    pub active_ms: u64,
    pub steps_completed: u32,
    pub steps_skipped: u32,
    pub steps_total: u32,
    /// Played to the end (rather than ended early).
    pub completed: bool,
    pub pain_before: Option<u8>,
    pub pain_after: Option<u8>,
    #[serde(default)]
    pub note: String,
}

impl SessionRecord {
    /// The record of a session of `routine` that ended with `summary`.
    pub fn new(
        id: String,
        routine: &Routine,
        started_at_ms: u64,
        utc_offset_min: i32,
        summary: &SessionSummary,
        pain_before: Option<u8>,
    ) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        SessionRecord {
            id,
            routine_id: routine.id.clone(),
            routine_title: routine.title.clone(),
            started_at_ms,
            utc_offset_min: utc_offset_min.clamp(-MAX_OFFSET_MIN, MAX_OFFSET_MIN),
            active_ms: summary.active_ms,
            steps_completed: count(summary.steps_completed),
            steps_skipped: count(summary.steps_skipped.len()),
            steps_total: count(routine.steps.len()),
            completed: !summary.ended_early,
            pain_before: pain_before.map(|pain| pain.min(PAIN_MAX)),
            pain_after: None,
            note: String::new(),
        }
    }

    /// The person's calendar day of this session (days since 1970-01-01).
    pub fn day(&self) -> i64 {
        local_day(self.started_at_ms, self.utc_offset_min)
    }

    /// After minus before, when both were given.
    pub fn pain_change(&self) -> Option<i32> {
        Some(i32::from(self.pain_after?) - i32::from(self.pain_before?))
    }

    /// Within the limits this app writes: anything else in storage or a backup is refused.
    pub fn is_valid(&self) -> bool {
        let pain_ok = |pain: Option<u8>| pain.is_none_or(|pain| pain <= PAIN_MAX);
        is_valid_id(&self.id)
            && is_valid_id(&self.routine_id)
            && !self.routine_title.trim().is_empty()
            && self.routine_title.chars().count() <= limits::TITLE_MAX_CHARS
            && self.note.chars().count() <= NOTE_MAX_CHARS
            && self.utc_offset_min.abs() <= MAX_OFFSET_MIN
            && pain_ok(self.pain_before)
            && pain_ok(self.pain_after)
            && self.steps_completed.saturating_add(self.steps_skipped) <= self.steps_total
            && self.steps_total as usize <= limits::MAX_STEPS
            // Before year 10 000 and no longer than a day: guards against nonsense numbers.
            && self.started_at_ms < 253_402_300_800_000
            && self.active_ms <= DAY_MS as u64
    }
}

/// Every session recorded on this device, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History(pub Vec<SessionRecord>);

impl History {
    /// Add or replace (by id) a record, keeping the order by start time.
    pub fn upsert(&mut self, record: SessionRecord) {
        match self.0.iter_mut().find(|existing| existing.id == record.id) {
            Some(existing) => *existing = record,
            None => {
                let at = self
                    .0
                    .partition_point(|existing| existing.started_at_ms <= record.started_at_ms);
                self.0.insert(at, record);
            }
        }
    }

    /// Records of `incoming` whose ids are not here yet.
    pub fn new_records<'a>(&self, incoming: &'a [SessionRecord]) -> Vec<&'a SessionRecord> {
        let known: BTreeSet<&str> = self.0.iter().map(|record| record.id.as_str()).collect();
        incoming
            .iter()
            .filter(|record| !known.contains(record.id.as_str()))
            .collect()
    }

    /// Add the records of `incoming` not already here; returns how many were added.
    pub fn merge(&mut self, incoming: &[SessionRecord]) -> usize {
        let added: Vec<SessionRecord> = self.new_records(incoming).into_iter().cloned().collect();
        let count = added.len();
        for record in added {
            self.upsert(record);
        }
        count
    }
}

impl Document for History {
    const NAME: &'static str = "history";
    const LABEL: &'static str = "session history";
    const SCHEMA: u32 = 1;

    fn decode(body: Map<String, Value>) -> Result<Decoded<Self>, StoreError> {
        let (records, bad) = entries::<SessionRecord>(&body, "sessions", |record, read| {
            record.is_valid() && read.len() < MAX_RECORDS && !read.iter().any(|r| r.id == record.id)
        })?;
        let mut history = History::default();
        for record in records {
            history.upsert(record);
        }
        Ok(Decoded {
            value: history,
            lost: lost_entries(bad, "session"),
        })
    }

    fn encode(&self) -> Map<String, Value> {
        body_of([("sessions", json(&self.0))])
    }
}

/// Whether a rise from `before` to `after` should bring the advice to ease off.
pub fn pain_rose_notably(before: Option<u8>, after: Option<u8>) -> bool {
    matches!((before, after), (Some(before), Some(after)) if after >= before.saturating_add(PAIN_RISE_ADVICE))
}

/// Calendar day (days since 1970-01-01) of instant `ms` at `offset_min` minutes east of UTC.
pub fn local_day(ms: u64, offset_min: i32) -> i64 {
    let local = i64::try_from(ms).unwrap_or(i64::MAX / 2) + i64::from(offset_min) * 60_000;
    local.div_euclid(DAY_MS)
}

/// Minutes since local midnight of instant `ms` at `offset_min`.
pub fn local_minute_of_day(ms: u64, offset_min: i32) -> u32 {
    let local = i64::try_from(ms).unwrap_or(0) + i64::from(offset_min) * 60_000;
    (local.rem_euclid(DAY_MS) / 60_000) as u32
}

/// (year, month 1–12, day 1–31) of a day number (Howard Hinnant's civil-from-days).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Monday of the week containing `day`.
pub fn week_start(day: i64) -> i64 {
    // 1970-01-01 was a Thursday: three days after a Monday.
    day - (day + 3).rem_euclid(7)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// "Tue 24 Nov 2026".
pub fn format_day(day: i64) -> String {
    let (year, month, date) = civil_from_days(day);
    let weekday = WEEKDAYS[(day + 3).rem_euclid(7) as usize];
    format!("{weekday} {date} {} {year}", MONTHS[month as usize - 1])
}

/// "24 Nov", for chart axes.
pub fn format_day_short(day: i64) -> String {
    let (_, month, date) = civil_from_days(day);
    format!("{date} {}", MONTHS[month as usize - 1])
}

/// "2026-11-24".
pub fn iso_date(day: i64) -> String {
    let (year, month, date) = civil_from_days(day);
    format!("{year:04}-{month:02}-{date:02}")
}

/// "18:05".
pub fn clock_time(ms: u64, offset_min: i32) -> String {
    let minute = local_minute_of_day(ms, offset_min);
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// Consecutive days with at least one session, ending today — or yesterday,
/// since a streak is not broken until the day is over.
pub fn current_streak(records: &[SessionRecord], today: i64) -> u32 {
    let days: BTreeSet<i64> = records.iter().map(SessionRecord::day).collect();
    let mut day = if days.contains(&today) { today } else { today - 1 };
    let mut streak = 0;
    while days.contains(&day) {
        streak += 1;
        day -= 1;
    }
    streak
}

/// Sessions in each of the `weeks` weeks (Monday to Sunday) up to and including this one, oldest first.
pub fn sessions_per_week(records: &[SessionRecord], today: i64, weeks: usize) -> Vec<(i64, u32)> {
    let this_week = week_start(today);
    (0..weeks as i64)
        .rev()
        .map(|back| {
            let start = this_week - 7 * back;
            let count = records
                .iter()
                .filter(|record| (start..start + 7).contains(&record.day()))
                .count();
            (start, count as u32)
        })
        .collect()
}

/// Average sessions per week over the four full weeks before this one.
pub fn weekly_average(records: &[SessionRecord], today: i64) -> f64 {
    let weeks = sessions_per_week(records, today, 5);
    f64::from(weeks[..4].iter().map(|(_, count)| count).sum::<u32>()) / 4.0
}

/// How one routine has gone.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutineStats {
    pub routine_id: String,
    /// The title it had most recently.
    pub title: String,
    pub sessions: u32,
    /// Sessions with both ratings.
    pub rated: u32,
    /// Mean of after minus before over the rated sessions.
    pub average_change: Option<f64>,
}

/// Per routine, most used first.
pub fn routine_stats(records: &[SessionRecord]) -> Vec<RoutineStats> {
    let mut by_id: BTreeMap<&str, RoutineStats> = BTreeMap::new();
    let mut change_sums: BTreeMap<&str, i32> = BTreeMap::new();
    for record in records {
        let stats = by_id
            .entry(record.routine_id.as_str())
            .or_insert_with(|| RoutineStats {
                routine_id: record.routine_id.clone(),
                title: String::new(),
                sessions: 0,
                rated: 0,
                average_change: None,
            });
        stats.title = record.routine_title.clone();
        stats.sessions += 1;
        if let Some(change) = record.pain_change() {
            stats.rated += 1;
            *change_sums.entry(record.routine_id.as_str()).or_default() += change;
        }
    }
    let mut stats: Vec<RoutineStats> = by_id
        .into_iter()
        .map(|(id, mut stats)| {
            stats.average_change = change_sums
                .get(id)
                .map(|&sum| f64::from(sum) / f64::from(stats.rated));
            stats
        })
        .collect();
    stats.sort_by(|a, b| b.sessions.cmp(&a.sessions).then_with(|| a.title.cmp(&b.title)));
    stats
}

/// Mean before and after ratings over sessions rated both times.
pub fn average_ratings(records: &[SessionRecord]) -> Option<(f64, f64)> {
    mean_before_after(
        records
            .iter()
            .map(|record| (record.pain_before, record.pain_after)),
    )
}

/// Mean of the before and of the after ratings, over the pairs that have both.
pub fn mean_before_after(ratings: impl Iterator<Item = (Option<u8>, Option<u8>)>) -> Option<(f64, f64)> {
    let rated: Vec<(u8, u8)> = ratings
        .filter_map(|(before, after)| Some((before?, after?)))
        .collect();
    if rated.is_empty() {
        return None;
    }
    let n = rated.len() as f64;
    let before = rated.iter().map(|(before, _)| f64::from(*before)).sum::<f64>() / n;
    let after = rated.iter().map(|(_, after)| f64::from(*after)).sum::<f64>() / n;
    Some((before, after))
}

/// "−1.5", "+0.3", "0.0": a signed change with one decimal.
pub fn signed(change: f64) -> String {
    let rounded = (change * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{rounded:.1}")
    } else if rounded < 0.0 {
        format!("\u{2212}{:.1}", -rounded)
    } else {
        "0.0".to_string()
    }
}

/// A short text for a message to the therapist.
pub fn progress_summary(records: &[SessionRecord], today: i64) -> String {
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return "No Kneadtime sessions recorded yet.".to_string();
    };
    let mut lines = vec![format!(
        "My Kneadtime sessions, {} to {}: {}, {:.1} per week lately, current streak {}.",
        format_day_short(first.day()),
        format_day(last.day()),
        count_of(records.len(), "session"),
        weekly_average(records, today),
        count_of(current_streak(records, today) as usize, "day")
    )];
    if let Some((before, after)) = average_ratings(records) {
        lines.push(format!(
            "Pain (0-10) on average: {before:.1} before, {after:.1} after ({}).",
            signed(after - before)
        ));
    }
    for stats in routine_stats(records).iter().take(3) {
        let change = stats
            .average_change
            .map(|change| format!(", pain change {}", signed(change)))
            .unwrap_or_default();
        lines.push(format!(
            "- {}: {}{change}",
            stats.title,
            count_of(stats.sessions as usize, "session")
        ));
    }
    let recent: Vec<String> = records
        .iter()
        .rev()
        .filter(|record| !record.note.trim().is_empty())
        .take(3)
        .map(|record| format!("- {}: {}", format_day_short(record.day()), record.note.trim()))
        .collect();
    if !recent.is_empty() {
        lines.push("Recent notes:".to_string());
        lines.extend(recent);
    }
    lines.join("\n")
}

/// The history as CSV (RFC 4180), one row per session, oldest first.
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

/// A point of the pain chart: one session with at least one rating.
#[derive(Debug, Clone, PartialEq)]
pub struct PainPoint {
    pub day: i64,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

/// The last `max` sessions that have a rating, oldest first.
pub fn pain_series(records: &[SessionRecord], max: usize) -> Vec<PainPoint> {
    let rated: Vec<PainPoint> = records
        .iter()
        .filter(|record| record.pain_before.is_some() || record.pain_after.is_some())
        .map(|record| PainPoint {
            day: record.day(),
            before: record.pain_before,
            after: record.pain_after,
        })
        .collect();
    rated[rated.len().saturating_sub(max)..].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::load;

    /// 2026-11-24 00:00 UTC, a Tuesday.
    const NOV_24: u64 = 1_795_478_400_000;

    fn record(
        id: &str,
        started_at_ms: u64,
        offset: i32,
        before: Option<u8>,
        after: Option<u8>,
    ) -> SessionRecord {
        SessionRecord {
            id: id.into(),
            routine_id: "hip-unwind".into(),
            routine_title: "Hip unwind".into(),
            started_at_ms,
            utc_offset_min: offset,
            active_ms: 600_000,
            steps_completed: 5,
            steps_skipped: 0,
            steps_total: 5,
            completed: true,
            pain_before: before,
            pain_after: after,
            note: String::new(),
        }
    }

    #[test]
    fn calendar_arithmetic() {
        let day = local_day(NOV_24, 0);
        assert_eq!(civil_from_days(day), (2026, 11, 24));
        assert_eq!(format_day(day), "Tue 24 Nov 2026");
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(format_day(week_start(day)), "Mon 23 Nov 2026");
        // 23:30 on the 23rd in New York is the 24th in UTC.
        let evening = NOV_24 + 4 * 3_600_000 + 30 * 60_000;
        assert_eq!(iso_date(local_day(evening, -300)), "2026-11-23");
        assert_eq!(clock_time(evening, -300), "23:30");
        assert_eq!(clock_time(NOV_24, 330), "05:30");
    }

    #[test]
    fn stats_match_hand_counts() {
        let hour = 3_600_000;
        let records = vec![
            record("a", NOV_24 - 8 * DAY_MS as u64, 0, Some(6), Some(4)),
            record("b", NOV_24 - 2 * DAY_MS as u64, 0, Some(7), Some(4)),
            record("c", NOV_24 - DAY_MS as u64 + 20 * hour, 0, Some(5), None),
            record("d", NOV_24 + 9 * hour, 0, Some(3), Some(6)),
        ];
        let today = local_day(NOV_24, 0);
        assert_eq!(current_streak(&records, today), 3);
        assert_eq!(
            current_streak(&records, today + 1),
            3,
            "not broken until the day is over"
        );
        assert_eq!(current_streak(&records, today + 2), 0);
        let weeks = sessions_per_week(&records, today, 3);
        // a (Mon 16) and b (Sun 22) last week; c (Mon 23) and d (Tue 24) this week.
        assert_eq!(weeks.iter().map(|w| w.1).collect::<Vec<_>>(), vec![0, 2, 2]);
        assert_eq!(weekly_average(&records, today), 0.5);
        let stats = routine_stats(&records);
        assert_eq!(stats.len(), 1);
        // (-2 - 3 + 3) / 3
        assert_eq!((stats[0].sessions, stats[0].rated), (4, 3));
        assert!((stats[0].average_change.unwrap() - (-2.0 / 3.0)).abs() < 1e-9);
        assert_eq!(average_ratings(&records), Some((16.0 / 3.0, 14.0 / 3.0)));
        assert_eq!(signed(-2.0 / 3.0), "\u{2212}0.7");
        assert_eq!(signed(0.04), "0.0");
        assert!(pain_rose_notably(Some(3), Some(6)));
        assert!(!pain_rose_notably(Some(3), Some(5)));
        assert!(!pain_rose_notably(None, Some(9)));
    }

    #[test]
    fn streaks_cross_month_and_year_ends_and_time_zones() {
        // 2026-12-30 .. 2027-01-02 at 00:30 local time in Auckland (+13 h): in UTC each is the day before.
        let dec_30_local_0030 = NOV_24 + 36 * DAY_MS as u64 + 30 * 60_000 - 13 * 3_600_000;
        let records: Vec<SessionRecord> = (0..4)
            .map(|i| {
                record(
                    &format!("n{i}"),
                    dec_30_local_0030 + i * DAY_MS as u64,
                    780,
                    None,
                    None,
                )
            })
            .collect();
        let days: Vec<String> = records.iter().map(|r| iso_date(r.day())).collect();
        assert_eq!(days, ["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
        let jan_2 = records[3].day();
        assert_eq!(current_streak(&records, jan_2), 4);
        assert_eq!(
            current_streak(&records, jan_2 + 1),
            4,
            "on 3 January the streak still stands"
        );
        // Read in UTC the same sessions end on 1 January: by 3 January the streak is over.
        let in_utc: Vec<SessionRecord> = records
            .iter()
            .map(|r| SessionRecord {
                utc_offset_min: 0,
                ..r.clone()
            })
            .collect();
        assert_eq!(iso_date(in_utc[0].day()), "2026-12-29");
        assert_eq!(current_streak(&in_utc, jan_2 + 1), 0);
        // Month end: 31 Oct then 1 Nov.
        let oct_31 = NOV_24 - 24 * DAY_MS as u64;
        let across = [
            record("x", oct_31, 60, None, None),
            record("y", oct_31 + DAY_MS as u64, 0, None, None),
        ];
        assert_eq!(iso_date(across[0].day()), "2026-10-31");
        assert_eq!(current_streak(&across, across[1].day()), 2);
        // Travelling west after a late session: two sessions on the same local day count once.
        let late = record("p", NOV_24 + 23 * 3_600_000, 0, None, None);
        let after_flight = record("q", NOV_24 + 27 * 3_600_000, -300, None, None);
        assert_eq!(late.day(), after_flight.day());
        assert_eq!(current_streak(&[late, after_flight], local_day(NOV_24, 0)), 1);
    }

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
        let text = progress_summary(&records, local_day(NOV_24, 0));
        assert!(
            text.starts_with("My Kneadtime sessions, 23 Nov to Tue 24 Nov 2026: 2 sessions"),
            "{text}"
        );
        assert!(text.contains("current streak 2 days"));
        assert!(text.contains("5.5 before, 4.0 after (\u{2212}1.5)"));
        assert!(text.contains("- Hip unwind: 2 sessions, pain change \u{2212}1.5"));
        assert!(text.contains("- 24 Nov: Much easier to sit today"));
        assert_eq!(progress_summary(&[], 0), "No Kneadtime sessions recorded yet.");
    }

    #[test]
    fn merge_skips_known_records_and_keeps_order() {
        let mut history = History(vec![
            record("a", 10, 0, None, None),
            record("c", 30, 0, None, None),
        ]);
        let incoming = [record("b", 20, 0, None, None), record("a", 10, 0, Some(1), None)];
        assert_eq!(history.merge(&incoming), 1);
        assert_eq!(
            history.0.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(
            history.0[0].pain_before, None,
            "a known record is not overwritten"
        );
    }

    #[test]
    fn stored_history_drops_only_bad_records() {
        let history = History(vec![record("a", NOV_24, 0, Some(3), Some(2))]);
        let mut value: Value = serde_json::from_str(&history.to_stored()).unwrap();
        let sessions = value["sessions"].as_array_mut().unwrap();
        let mut bad = sessions[0].clone();
        bad["pain_after"] = Value::from(11);
        bad["id"] = Value::from("b");
        sessions.push(bad);
        sessions.push(Value::from("junk"));
        let loaded = load::<History>(Some(&value.to_string()));
        assert_eq!(loaded.value, history);
        assert_eq!(
            loaded.problem,
            Some(StoreError::Partial(vec!["2 sessions".into()]))
        );
    }
}
