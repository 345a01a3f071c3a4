//! Open time as a counsellor edits it in the calendar: a day, and a start and an end in
//! Stockholm wall time on the quarter-hour grid, inside the hours the calendar shows. The
//! calendar in the browser checks a change with this before sending it; the server parses
//! the same form again.

use super::{
    schedule::Span,
    time::{in_stockholm, iso_date, parse_iso_date, stockholm_to_utc},
};
use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

/// Minutes between grid lines; open time starts and ends on them.
pub const GRID_MINUTES: u32 = 15;
/// The hours the calendar shows, as minutes since midnight: 07:00 to 19:00.
pub const DAY_STARTS: u32 = 7 * 60;
pub const DAY_ENDS: u32 = 19 * 60;

/// A span of open time as typed, or as the calendar fills it in when dragging.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenTimeForm {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub starts: String,
    /// `HH:MM`.
    pub ends: String,
}

/// What is wrong with a span of open time, and in which field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenTimeError {
    /// Not a date written `YYYY-MM-DD`.
    Date,
    /// Not a time written `HH:MM`.
    Clock,
    /// Not on a quarter of an hour.
    Grid,
    /// Before 07:00 or after 19:00.
    OutsideDay,
    /// The end is not after the start.
    Order,
}

impl OpenTimeError {
    /// The form field the error belongs next to.
    pub fn field(self, in_start: bool) -> &'static str {
        match self {
            OpenTimeError::Date => "date",
            OpenTimeError::Order => "ends",
            _ if in_start => "starts",
            _ => "ends",
        }
    }
}

/// A valid span of open time on one day, in minutes since midnight (Stockholm).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenTime {
    pub date: NaiveDate,
    pub starts: u32,
    pub ends: u32,
}

/// `HH:MM` as minutes since midnight.
pub fn parse_clock(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let two_digits = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (h, m) = (two_digits(h)?, two_digits(m)?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Minutes since midnight as `HH:MM`.
pub fn clock_text(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Minutes since midnight, Stockholm wall time, of an instant.
pub fn minute_of_day(instant: DateTime<Utc>) -> u32 {
    let local = in_stockholm(instant);
    local.hour() * 60 + local.minute()
}

impl OpenTimeForm {
    pub fn parse(&self) -> Result<OpenTime, (OpenTimeError, &'static str)> {
        let date = parse_iso_date(&self.date).ok_or((OpenTimeError::Date, "date"))?;
        let starts = clock_on_grid(&self.starts).map_err(|e| (e, e.field(true)))?;
        let ends = clock_on_grid(&self.ends).map_err(|e| (e, e.field(false)))?;
        OpenTime::new(date, starts, ends).map_err(|e| (e, e.field(false)))
    }
}

fn clock_on_grid(text: &str) -> Result<u32, OpenTimeError> {
    let minutes = parse_clock(text).ok_or(OpenTimeError::Clock)?;
    if minutes % GRID_MINUTES != 0 {
        return Err(OpenTimeError::Grid);
    }
    if !(DAY_STARTS..=DAY_ENDS).contains(&minutes) {
        return Err(OpenTimeError::OutsideDay);
    }
    Ok(minutes)
}

impl OpenTime {
    pub fn new(date: NaiveDate, starts: u32, ends: u32) -> Result<Self, OpenTimeError> {
        for m in [starts, ends] {
            if m % GRID_MINUTES != 0 {
                return Err(OpenTimeError::Grid);
            }
            if !(DAY_STARTS..=DAY_ENDS).contains(&m) {
                return Err(OpenTimeError::OutsideDay);
            }
        }
        if ends <= starts {
            return Err(OpenTimeError::Order);
        }
        Ok(OpenTime { date, starts, ends })
    }

    /// The open time as instants. Between 07:00 and 19:00 Stockholm clocks never jump, so
    /// every valid open time has one.
    pub fn span(&self) -> Option<Span> {
        let at = |m: u32| stockholm_to_utc(self.date, NaiveTime::from_hms_opt(m / 60, m % 60, 0)?);
        Span::new(at(self.starts)?, at(self.ends)?)
    }

    /// The open time an instant-span is, when it lies on one day within the hours shown.
    pub fn of_span(span: Span) -> Option<Self> {
        let date = super::time::stockholm_date(span.start);
        let ends = if super::time::stockholm_date(span.end) == date {
            minute_of_day(span.end)
        } else {
            return None;
        };
        OpenTime::new(date, minute_of_day(span.start), ends).ok()
    }

    pub fn form(&self) -> OpenTimeForm {
        OpenTimeForm {
            date: iso_date(self.date),
            starts: clock_text(self.starts),
            ends: clock_text(self.ends),
        }
    }

    /// The same length, moved by `minutes` (negative: earlier) and kept inside the day.
    pub fn shifted(&self, minutes: i64) -> Self {
        let length = self.ends - self.starts;
        let latest = i64::from(DAY_ENDS - length);
        let starts = (i64::from(self.starts) + minutes).clamp(i64::from(DAY_STARTS), latest) as u32;
        OpenTime {
            date: self.date,
            starts,
            ends: starts + length,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn form(date: &str, starts: &str, ends: &str) -> OpenTimeForm {
        OpenTimeForm {
            date: date.into(),
            starts: starts.into(),
            ends: ends.into(),
        }
    }

    #[test]
    fn a_morning_is_read_on_the_grid() {
        let t = form("2026-11-24", "08:00", "11:45").parse().unwrap();
        assert_eq!((t.starts, t.ends), (480, 705));
        let span = t.span().unwrap();
        assert_eq!(span.start.to_rfc3339(), "2026-11-24T07:00:00+00:00");
        assert_eq!(span.end.to_rfc3339(), "2026-11-24T10:45:00+00:00");
        assert_eq!(OpenTime::of_span(span), Some(t));
        assert_eq!(t.form(), form("2026-11-24", "08:00", "11:45"));
    }

    #[test]
    fn each_mistake_is_named_at_its_field() {
        let e = |f: OpenTimeForm| f.parse().unwrap_err();
        assert_eq!(
            e(form("24/11", "08:00", "09:00")),
            (OpenTimeError::Date, "date")
        );
        assert_eq!(
            e(form("2026-11-24", "8", "09:00")),
            (OpenTimeError::Clock, "starts")
        );
        assert_eq!(
            e(form("2026-11-24", "08:00", "09:10")),
            (OpenTimeError::Grid, "ends")
        );
        assert_eq!(
            e(form("2026-11-24", "06:45", "09:00")),
            (OpenTimeError::OutsideDay, "starts")
        );
        assert_eq!(
            e(form("2026-11-24", "18:00", "19:15")),
            (OpenTimeError::OutsideDay, "ends")
        );
        assert_eq!(
            e(form("2026-11-24", "10:00", "10:00")),
            (OpenTimeError::Order, "ends")
        );
        assert_eq!(
            e(form("2026-11-24", "24:00", "10:00")),
            (OpenTimeError::Clock, "starts")
        );
    }

    #[test]
    fn clocks_are_read_strictly() {
        assert_eq!(parse_clock("09:30"), Some(570));
        assert_eq!(parse_clock(" 23:59 "), Some(1439));
        for bad in ["9:30", "09.30", "0930", "09:3", "-1:00", "09:60", ""] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }

    #[test]
    fn summer_time_is_one_hour_closer_to_utc() {
        let t = form("2026-06-15", "09:00", "10:00").parse().unwrap();
        assert_eq!(
            t.span().unwrap().start.to_rfc3339(),
            "2026-06-15T07:00:00+00:00"
        );
    }

    proptest! {
        #[test]
        fn every_valid_open_time_survives_the_round_trip(
            day in 0u64..800,
            start_q in 0u32..48,
            len_q in 1u32..48,
        ) {
            let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(day);
            let starts = DAY_STARTS + start_q * GRID_MINUTES;
            let ends = starts + len_q * GRID_MINUTES;
            match OpenTime::new(date, starts, ends) {
                Ok(t) => {
                    prop_assert!(ends <= DAY_ENDS);
                    prop_assert_eq!(t.form().parse(), Ok(t));
                    prop_assert_eq!(OpenTime::of_span(t.span().unwrap()), Some(t));
                }
                Err(e) => prop_assert_eq!((e, ends > DAY_ENDS), (OpenTimeError::OutsideDay, true)),
            }
        }

        #[test]
        fn shifting_keeps_length_and_stays_inside_the_day(
            start_q in 0u32..47,
            len_q in 1u32..48,
            by in -2000i64..2000,
        ) {
            let starts = DAY_STARTS + start_q * GRID_MINUTES;
            let ends = (starts + len_q * GRID_MINUTES).min(DAY_ENDS);
            prop_assume!(ends > starts);
            let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
            let t = OpenTime::new(date, starts, ends).unwrap();
            let moved = t.shifted(by / 15 * 15);
            prop_assert_eq!(moved.ends - moved.starts, t.ends - t.starts);
            prop_assert!(OpenTime::new(date, moved.starts, moved.ends).is_ok());
        }
    }
}
