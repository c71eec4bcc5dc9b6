//! The numbers people look for in their history: streak, sessions per week,
//! pain change per routine, and the pain chart's points.

use std::collections::{BTreeMap, BTreeSet};

use super::records::SessionRecord;
use crate::calendar::week_start;
use crate::i18n::Catalog;

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

/// "−1.5", "+0.3", "0.0": a signed change with one decimal, written the way the
/// person's language writes decimals ("−1,5" in German).
pub fn signed(change: f64, texts: &Catalog) -> String {
    let rounded = (change * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{}", one_decimal(rounded, texts))
    } else if rounded < 0.0 {
        format!("\u{2212}{}", one_decimal(-rounded, texts))
    } else {
        one_decimal(0.0, texts)
    }
}

/// "5.5", or "5,5" where the language writes a decimal comma.
pub fn one_decimal(value: f64, texts: &Catalog) -> String {
    format!("{value:.1}").replace('.', texts.text("progress.decimal_separator"))
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
    use crate::calendar::{iso_date, local_day, DAY_MS};
    use crate::history::pain_rose_notably;
    use crate::i18n::Locale;
    use crate::testing::{catalog, english, record, NOV_24};

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
        assert_eq!(signed(-2.0 / 3.0, &english()), "\u{2212}0.7");
        assert_eq!(signed(0.04, &english()), "0.0");
        assert_eq!(signed(1.25, &catalog(Locale::German)), "+1,3");
        assert_eq!(
            one_decimal(16.0 / 3.0, &catalog(Locale::BrazilianPortuguese)),
            "5,3"
        );
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
}
