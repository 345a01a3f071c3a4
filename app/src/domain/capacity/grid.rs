//! The office's load view: one cell per day and hour with the visits booked against the
//! reception's capacity. Only hours the office is open carry a capacity: an hour before it
//! opens, after it closes, or on a public holiday or closed day says so instead of "0 av 6".

use super::{Capacity, VisitLoad};
use crate::domain::{closed_days::ClosedDays, OpeningHours};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

/// How full an hour is, for the load view's colours (each also has a word, so colour is
/// never the only sign).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    Empty,
    Low,
    Medium,
    /// At least three quarters full: a peak.
    High,
    /// At or over capacity.
    Full,
}

/// One hour of one day in the load view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadCell {
    pub hour: u32,
    pub booked: u32,
    /// Visitors the reception takes that hour; `None` when not limited or not open.
    pub capacity: Option<u32>,
    pub level: Level,
    /// The office receives visitors in this hour.
    pub open: bool,
}

impl LoadCell {
    pub fn peak(&self) -> bool {
        self.level >= Level::High
    }
}

/// The level of `booked` against `capacity`; an unlimited hour is measured against the
/// busiest hour shown (`busiest`).
pub fn level(booked: u32, capacity: Option<u32>, busiest: u32) -> Level {
    if booked == 0 {
        return Level::Empty;
    }
    let whole = match capacity {
        Some(0) => return Level::Full,
        Some(c) => c,
        None => busiest.max(1),
    };
    if capacity.is_some() && booked >= whole {
        return Level::Full;
    }
    // Quarters without fractions: 4 × booked against 3 × whole and 2 × whole.
    if 4 * booked >= 3 * whole {
        Level::High
    } else if 2 * booked >= whole {
        Level::Medium
    } else {
        Level::Low
    }
}

/// Whether office `office_id` receives visitors during `hour` (Stockholm) of `date`: some
/// part of the hour lies inside its opening hours that weekday, and the day is not a public
/// holiday or one of its closed days. An office with no opening hours at all is taken as
/// open on weekdays (as the slot engine takes it).
pub fn receives(
    opening: &OpeningHours,
    closed: &ClosedDays,
    office_id: i64,
    date: NaiveDate,
    hour: u32,
) -> bool {
    if closed.is_closed(office_id, date) {
        return false;
    }
    if opening.spans().is_empty() {
        return date.weekday().num_days_from_monday() < 5;
    }
    let Some(from) = NaiveTime::from_hms_opt(hour, 0, 0) else {
        return false;
    };
    // The last hour of the day ends at midnight, which no `NaiveTime` is.
    let until = NaiveTime::from_hms_opt(hour + 1, 0, 0);
    opening
        .on(date.weekday())
        .any(|s| from < s.closes && until.is_none_or(|u| s.opens < u))
}

/// The hours the view shows: from the earliest opening to the latest closing of the week,
/// widened to any hour that holds a booked visit on the shown days (so a day's total is
/// always the sum of its cells).
pub fn shown_hours(
    opening: &OpeningHours,
    load: &VisitLoad,
    days: &[NaiveDate],
) -> std::ops::Range<u32> {
    let opens = opening.spans().iter().map(|s| s.opens.hour()).min();
    let closes = opening
        .spans()
        .iter()
        .map(|s| s.closes.hour() + u32::from(s.closes.minute() > 0))
        .max();
    let (mut first, mut last) = (opens.unwrap_or(8), closes.unwrap_or(17).max(1));
    for d in days {
        for h in (0..24).filter(|h| load.in_hour(*d, *h) > 0) {
            first = first.min(h);
            last = last.max(h + 1);
        }
    }
    first..last
}

/// The load view's grid: for each day, one cell per hour in `hours`; `open` tells whether
/// the office receives visitors in an hour (see [`receives`]).
pub fn load_grid(
    capacity: &Capacity,
    load: &VisitLoad,
    days: &[NaiveDate],
    hours: std::ops::Range<u32>,
    open: impl Fn(NaiveDate, u32) -> bool,
) -> Vec<Vec<LoadCell>> {
    let busiest = days
        .iter()
        .flat_map(|d| hours.clone().map(move |h| load.in_hour(*d, h)))
        .max()
        .unwrap_or(0);
    days.iter()
        .map(|d| {
            let per_hour = capacity.per_hour_on(d.weekday());
            hours
                .clone()
                .map(|hour| {
                    let booked = load.in_hour(*d, hour);
                    let open = open(*d, hour);
                    let capacity = per_hour.filter(|_| open);
                    // A visit arranged outside opening hours is shown, but is no peak of
                    // the reception's.
                    let level = match (open, booked) {
                        (true, _) => level(booked, capacity, busiest),
                        (false, 0) => Level::Empty,
                        (false, _) => Level::Low,
                    };
                    LoadCell {
                        hour,
                        booked,
                        capacity,
                        level,
                        open,
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{time::stockholm_to_utc, OpeningHours};
    use chrono::{DateTime, Utc};
    use proptest::prelude::*;

    fn at(date: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
        stockholm_to_utc(date, NaiveTime::from_hms_opt(h, m, 0).unwrap()).unwrap()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn weekdays(per_hour: u32) -> [Option<u32>; 7] {
        [
            Some(per_hour),
            Some(per_hour),
            Some(per_hour),
            Some(per_hour),
            Some(per_hour),
            None,
            None,
        ]
    }

    /// Monday to Thursday 08:30–16:00, Friday 08:30–15:00.
    fn hours() -> OpeningHours {
        OpeningHours::parse(
            "mon=08:30-16:00;tue=08:30-16:00;wed=08:30-16:00;thu=08:30-16:00;fri=08:30-15:00",
        )
        .unwrap()
    }

    #[test]
    fn levels_mark_peaks_against_capacity_or_the_busiest_hour() {
        assert_eq!(level(0, Some(4), 9), Level::Empty);
        assert_eq!(level(1, Some(4), 9), Level::Low);
        assert_eq!(level(2, Some(4), 9), Level::Medium);
        assert_eq!(level(3, Some(4), 9), Level::High);
        assert_eq!(level(4, Some(4), 9), Level::Full);
        assert_eq!(level(5, Some(4), 9), Level::Full);
        assert_eq!(level(1, Some(0), 9), Level::Full);
        // Unlimited: against the busiest hour, and never "full".
        assert_eq!(level(9, None, 9), Level::High);
        assert_eq!(level(2, None, 9), Level::Low);
    }

    #[test]
    fn only_open_hours_carry_a_capacity() {
        let cap = Capacity::new(weekdays(2), 70, &hours());
        let closed = ClosedDays::default();
        // Monday 23 November and Thursday 24 December (julafton).
        let days = [day(11, 23), day(12, 24)];
        let load = VisitLoad::from_starts([at(day(11, 23), 9, 0), at(day(11, 23), 9, 30)]);
        let shown = shown_hours(&hours(), &load, &days);
        assert_eq!(shown, 8..16);
        let grid = load_grid(&cap, &load, &days, shown, |d, h| {
            receives(&hours(), &closed, 1, d, h)
        });
        assert_eq!(grid.len(), 2);
        // 08:00–09:00 is open from 08:30; 15:00–16:00 until 16:00.
        let monday = &grid[0];
        assert!(monday.iter().all(|c| c.open && c.capacity == Some(2)));
        let nine = monday[1];
        assert_eq!((nine.hour, nine.booked, nine.capacity), (9, 2, Some(2)));
        assert!(nine.peak());
        // Julafton: nothing open, no capacity shown.
        assert!(grid[1]
            .iter()
            .all(|c| !c.open && c.capacity.is_none() && !c.peak()));
        // Friday closes at 15: its last hour is shown closed.
        let friday = load_grid(&cap, &load, &[day(11, 27)], 8..16, |d, h| {
            receives(&hours(), &closed, 1, d, h)
        });
        assert_eq!(
            friday[0].iter().map(|c| c.open).collect::<Vec<_>>(),
            [true, true, true, true, true, true, true, false]
        );
    }

    #[test]
    fn a_visit_outside_opening_hours_widens_the_view_but_is_no_peak() {
        let load = VisitLoad::from_starts([at(day(11, 23), 19, 15)]);
        assert_eq!(shown_hours(&hours(), &load, &[day(11, 23)]), 8..20);
        assert_eq!(shown_hours(&hours(), &load, &[day(11, 24)]), 8..16);
        let cap = Capacity::new(weekdays(2), 70, &hours());
        let grid = load_grid(&cap, &load, &[day(11, 23)], 8..20, |d, h| {
            receives(&hours(), &ClosedDays::default(), 1, d, h)
        });
        let evening = grid[0][11];
        assert_eq!((evening.hour, evening.booked, evening.open), (19, 1, false));
        assert!(!evening.peak());
    }

    proptest! {
        /// Whatever the visits, a day's cells add up to the day's visits, and a closed hour
        /// never shows a capacity.
        #[test]
        fn a_days_cells_add_up_to_its_visits(
            visits in proptest::collection::vec((0u32..5, 0u32..24, 0u32..60), 0..40),
        ) {
            let days: Vec<NaiveDate> = (23..28).map(|d| day(11, d)).collect();
            let load = VisitLoad::from_starts(
                visits.iter().map(|(d, h, m)| at(days[*d as usize], *h, *m)),
            );
            let cap = Capacity::new(weekdays(3), 70, &hours());
            let shown = shown_hours(&hours(), &load, &days);
            let closed = ClosedDays::default();
            let grid = load_grid(&cap, &load, &days, shown, |d, h| receives(&hours(), &closed, 1, d, h));
            for (d, cells) in days.iter().zip(&grid) {
                prop_assert_eq!(cells.iter().map(|c| c.booked).sum::<u32>(), load.on_day(*d));
                prop_assert!(cells.iter().all(|c| c.open || c.capacity.is_none()));
            }
        }
    }
}
