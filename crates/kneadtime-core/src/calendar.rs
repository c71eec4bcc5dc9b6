//! Calendar maths on the person's own days: instants in ms since 1970 (UTC) with
//! the UTC offset they happened at, days as numbers since 1970-01-01, weeks from
//! Monday, and the short date and time texts the app shows.

use crate::i18n::Catalog;

/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;

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

/// The day number of a civil date (the inverse of [`civil_from_days`]).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day of a "YYYY-MM-DD" text (a date field's value); `None` for anything else,
/// including dates that do not exist (2027-02-30).
pub fn parse_iso_date(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    (civil_from_days(days) == (year, month, day)).then_some(days)
}

/// A weekday's short name ("Mon"), Monday 0.
pub fn weekday_name(index: usize, texts: &Catalog) -> &str {
    texts.text(WEEKDAYS[index % 7])
}

/// Monday of the week containing `day`.
pub fn week_start(day: i64) -> i64 {
    // 1970-01-01 was a Thursday: three days after a Monday.
    day - (day + 3).rem_euclid(7)
}

/// Keys of the months' short names, January first.
const MONTHS: [&str; 12] = [
    "history.month.jan",
    "history.month.feb",
    "history.month.mar",
    "history.month.apr",
    "history.month.may",
    "history.month.jun",
    "history.month.jul",
    "history.month.aug",
    "history.month.sep",
    "history.month.oct",
    "history.month.nov",
    "history.month.dec",
];
/// Keys of the weekdays' short names, Monday first.
const WEEKDAYS: [&str; 7] = [
    "history.weekday.mon",
    "history.weekday.tue",
    "history.weekday.wed",
    "history.weekday.thu",
    "history.weekday.fri",
    "history.weekday.sat",
    "history.weekday.sun",
];

/// "Tue 24 Nov 2026" (in the language's own order: "Di., 24. Nov. 2026").
pub fn format_day(day: i64, texts: &Catalog) -> String {
    let (year, month, date) = civil_from_days(day);
    let weekday = texts.text(WEEKDAYS[(day + 3).rem_euclid(7) as usize]);
    texts.fill(
        "history.date_long",
        &[
            ("weekday", weekday),
            ("day", &date.to_string()),
            ("month", texts.text(MONTHS[month as usize - 1])),
            ("year", &year.to_string()),
        ],
    )
}

/// "24 Nov", for chart axes.
pub fn format_day_short(day: i64, texts: &Catalog) -> String {
    let (_, month, date) = civil_from_days(day);
    texts.fill(
        "history.date_short",
        &[
            ("day", &date.to_string()),
            ("month", texts.text(MONTHS[month as usize - 1])),
        ],
    )
}

/// "Tue 24 Nov": a day within a plan's weeks, where the year goes without saying.
pub fn format_day_in_week(day: i64, texts: &Catalog) -> String {
    format!(
        "{} {}",
        texts.text(WEEKDAYS[(day + 3).rem_euclid(7) as usize]),
        format_day_short(day, texts)
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::testing::{catalog, english, NOV_24};

    #[test]
    fn a_day_in_a_plan_names_its_weekday() {
        assert_eq!(format_day_in_week(20_794, &english()), "Mon 7 Dec");
    }

    #[test]
    fn dates_typed_in_a_date_field_read_back_as_their_days() {
        assert_eq!(parse_iso_date("2026-12-07"), Some(20_794));
        assert_eq!(parse_iso_date("1970-01-01"), Some(0));
        assert_eq!(parse_iso_date("2028-02-29"), Some(days_from_civil(2028, 2, 29)));
        for bad in [
            "",
            "2027-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-12",
            "12/07/2026",
            "x-1-1",
            "0000-01-01",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        /// Every day reads back from its own date text.
        #[test]
        fn iso_dates_round_trip(day in -700_000i64..2_900_000) {
            proptest::prop_assert_eq!(parse_iso_date(&iso_date(day)), Some(day));
        }
    }

    #[test]
    fn calendar_arithmetic() {
        let day = local_day(NOV_24, 0);
        assert_eq!(civil_from_days(day), (2026, 11, 24));
        assert_eq!(format_day(day, &english()), "Tue 24 Nov 2026");
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(format_day(week_start(day), &english()), "Mon 23 Nov 2026");
        // 23:30 on the 23rd in New York is the 24th in UTC.
        let evening = NOV_24 + 4 * 3_600_000 + 30 * 60_000;
        assert_eq!(iso_date(local_day(evening, -300)), "2026-11-23");
        assert_eq!(clock_time(evening, -300), "23:30");
        assert_eq!(clock_time(NOV_24, 330), "05:30");
    }

    #[test]
    fn dates_in_every_language() {
        let day = local_day(NOV_24, 0);
        let expected = [
            (Locale::English, "Tue 24 Nov 2026", "24 Nov"),
            (Locale::German, "Di., 24. Nov. 2026", "24. Nov."),
            (Locale::Spanish, "mar, 24 nov 2026", "24 nov"),
            (Locale::French, "mar. 24 nov. 2026", "24 nov."),
            (Locale::Italian, "mar 24 nov 2026", "24 nov"),
            (
                Locale::BrazilianPortuguese,
                "ter., 24 de nov. de 2026",
                "24 de nov.",
            ),
        ];
        for (locale, long, short) in expected {
            let texts = catalog(locale);
            assert_eq!(format_day(day, &texts), long, "{locale:?}");
            assert_eq!(format_day_short(day, &texts), short, "{locale:?}");
        }
        let texts = english();
        for key in MONTHS.iter().chain(&WEEKDAYS) {
            assert!(texts.has(key), "{key}");
        }
    }
}
