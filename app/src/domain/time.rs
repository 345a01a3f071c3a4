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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn daylight_saving_edges() {
        // 29 March 2026: 02:00 jumps to 03:00.
        assert_eq!(stockholm_to_utc(d(2026, 3, 29), t(2, 30)), None);
        // 25 October 2026: 02:30 happens twice; the first is still summer time.
        let first = stockholm_to_utc(d(2026, 10, 25), t(2, 30)).unwrap();
        assert_eq!(first.to_rfc3339(), "2026-10-25T00:30:00+00:00");
        assert_eq!(in_stockholm(first).format("%H:%M").to_string(), "02:30");
    }
}
