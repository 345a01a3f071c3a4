//! Time: stored and sent as UTC, shown in Europe/Stockholm. Nothing here reads the clock,
//! so the server and the browser render the same text for the same instant.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::{Europe::Stockholm, Tz};

/// The zone every time is shown in.
pub const ZONE: Tz = Stockholm;

pub fn in_stockholm(instant: DateTime<Utc>) -> DateTime<Tz> {
    instant.with_timezone(&ZONE)
}

/// The UTC instant of a Stockholm wall-clock time. A time skipped when clocks go forward
/// does not exist (`None`); a time that occurs twice when they go back is its first
/// occurrence, which is what a person booking "02:30" that night would mean.
pub fn stockholm_to_utc(date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    match ZONE.from_local_datetime(&date.and_time(time)) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

/// The Stockholm calendar day an instant falls on.
pub fn stockholm_date(instant: DateTime<Utc>) -> NaiveDate {
    in_stockholm(instant).date_naive()
}

/// `09:05`, Stockholm wall time.
pub fn clock(instant: DateTime<Utc>) -> String {
    use chrono::Timelike;
    let local = in_stockholm(instant);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

const WEEKDAYS_SV: [&str; 7] = [
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekday's name: `tisdag`, `Tuesday`.
pub fn weekday_name(date: NaiveDate, swedish: bool) -> &'static str {
    use chrono::Datelike;
    let i = date.weekday().num_days_from_monday() as usize;
    if swedish {
        WEEKDAYS_SV[i]
    } else {
        WEEKDAYS_EN[i]
    }
}

/// `april 2027`, `April 2027`: a month of a year.
pub fn month_and_year(date: NaiveDate, swedish: bool) -> String {
    use chrono::Datelike;
    let month = date.month0() as usize;
    let name = if swedish {
        MONTHS_SV[month]
    } else {
        MONTHS_EN[month]
    };
    format!("{name} {}", date.year())
}

/// `24 november`, `24 November`.
pub fn day_and_month(date: NaiveDate, swedish: bool) -> String {
    use chrono::Datelike;
    let month = date.month0() as usize;
    let name = if swedish {
        MONTHS_SV[month]
    } else {
        MONTHS_EN[month]
    };
    format!("{} {name}", date.day())
}

/// `tisdag 24 november 2026`, `Tuesday 24 November 2026`: how a meeting's day is written
/// in Swedish (lower case, no comma) and in English.
pub fn long_date(date: NaiveDate, swedish: bool) -> String {
    use chrono::Datelike;
    format!(
        "{} {} {}",
        weekday_name(date, swedish),
        day_and_month(date, swedish),
        date.year()
    )
}

/// `YYYY-MM-DD`, what `<input type="date">` sends, as a date that exists. By hand rather
/// than with chrono's format parser, which would add its whole machinery to the wasm.
pub fn parse_iso_date(input: &str) -> Option<NaiveDate> {
    let mut parts = input.trim().splitn(3, '-');
    let mut number = |len: usize| {
        let part = parts.next()?;
        (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// `2026-11-23`.
pub fn iso_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A day on the wire as `YYYY-MM-DD`, read and written without chrono's format machinery
/// (it is what the browser's islands receive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub NaiveDate);

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&iso_date(self.0))
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_iso_date(&text)
            .map(Day)
            .ok_or_else(|| serde::de::Error::custom("not a YYYY-MM-DD date"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_read_strictly_and_written_back() {
        assert_eq!(parse_iso_date("2027-01-15"), Some(d(2027, 1, 15)));
        assert_eq!(parse_iso_date(" 2024-02-29 "), Some(d(2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2027-1-15",
            "27-01-15",
            "2027-01-15x",
            "2027/01/15",
            "",
            "snart",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        assert_eq!(iso_date(d(2027, 1, 5)), "2027-01-05");
        let day: Day = serde_json::from_str("\"2026-11-23\"").unwrap();
        assert_eq!(day, Day(d(2026, 11, 23)));
        assert_eq!(serde_json::to_string(&day).unwrap(), "\"2026-11-23\"");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn nine_in_the_morning_is_utc_plus_one_in_winter_and_plus_two_in_summer() {
        let winter = stockholm_to_utc(d(2026, 11, 23), t(9, 0)).unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-11-23T08:00:00+00:00");
        let summer = stockholm_to_utc(d(2026, 6, 15), t(9, 0)).unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-06-15T07:00:00+00:00");
    }

    #[test]
    fn dates_and_clock_times_are_written_as_swedes_write_them() {
        let d1 = d(2026, 11, 24);
        assert_eq!(long_date(d1, true), "tisdag 24 november 2026");
        assert_eq!(long_date(d1, false), "Tuesday 24 November 2026");
        assert_eq!(day_and_month(d(2027, 3, 1), true), "1 mars");
        let t1 = stockholm_to_utc(d1, t(9, 5)).unwrap();
        assert_eq!(clock(t1), "09:05");
        // 23:30 UTC on the 24th is already the 25th in Stockholm.
        let late = stockholm_to_utc(d(2026, 11, 25), t(0, 30)).unwrap();
        assert_eq!(stockholm_date(late), d(2026, 11, 25));
        assert_eq!(clock(late), "00:30");
    }

    #[test]
    fn daylight_saving_edges() {
        // 29 March 2026: 02:00 jumps to 03:00.
        assert_eq!(stockholm_to_utc(d(2026, 3, 29), t(2, 30)), None);
        // 25 October 2026: 02:30 happens twice; the first is still summer time.
        let first = stockholm_to_utc(d(2026, 10, 25), t(2, 30)).unwrap();
        assert_eq!(first.to_rfc3339(), "2026-10-25T00:30:00+00:00");
        assert_eq!(in_stockholm(first).format("%H:%M").to_string(), "02:30");
    }
}
