//! An office's reception capacity: how many visitors it takes per hour on each weekday, and
//! the share of a day's capacity it aims to fill. The slot engine never offers a visit in an
//! hour that is full, and suggests the days still below target first, so a burst of
//! registrations lands over several days instead of one morning. Hours are Stockholm wall
//! clock hours, counted by when a visit starts.

mod form;
mod grid;

pub use form::{CapacityError, CapacityForm, CapacitySetting, MAX_PER_HOUR, WEEKDAY_KEYS};
pub use grid::{level, load_grid, receives, shown_hours, Level, LoadCell};

use super::{
    matching::quieter_days,
    offer::{Offer, OfferedDay},
    time::in_stockholm,
    OpeningHours,
};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The target share of a day's capacity, in percent, when the office has not set one.
pub const DEFAULT_TARGET_PERCENT: u32 = 70;
/// Hours in a receiving day when an office has no opening hours that weekday.
const DEFAULT_DAY_HOURS: u32 = 8;

/// An office's capacity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capacity {
    /// Visitors per hour by weekday, Monday first; `None` is not limited.
    pub per_hour: [Option<u32>; 7],
    /// Percent of a day's capacity the office aims to fill (10–100).
    pub target_percent: u32,
    /// The hours the office receives on each weekday, Monday first: how many whole hours it
    /// is open (a day's capacity is this times the hourly one).
    pub open_hours: [u32; 7],
}

impl Default for Capacity {
    fn default() -> Self {
        Capacity {
            per_hour: [None; 7],
            target_percent: DEFAULT_TARGET_PERCENT,
            open_hours: [DEFAULT_DAY_HOURS; 7],
        }
    }
}

fn index(weekday: Weekday) -> usize {
    weekday.num_days_from_monday() as usize
}

impl Capacity {
    /// Capacity with the receiving hours taken from the office's opening hours (a weekday
    /// it is closed counts the default 8 hours: a visit then is by arrangement).
    pub fn new(
        per_hour: [Option<u32>; 7],
        target_percent: u32,
        opening: &OpeningHours,
    ) -> Capacity {
        let mut open_hours = [DEFAULT_DAY_HOURS; 7];
        let mut minutes = [None::<i64>; 7];
        for span in opening.spans() {
            let day = minutes[index(span.weekday)].get_or_insert(0);
            *day += (span.closes - span.opens).num_minutes().max(0);
        }
        for (hours, day) in open_hours.iter_mut().zip(minutes) {
            if let Some(m) = day {
                *hours = u32::try_from((m + 59) / 60).unwrap_or(0);
            }
        }
        Capacity {
            per_hour,
            target_percent: target_percent.clamp(10, 100),
            open_hours,
        }
    }

    pub fn per_hour_on(&self, weekday: Weekday) -> Option<u32> {
        self.per_hour[index(weekday)]
    }

    /// Visitors the reception takes on this day, or `None` when not limited.
    pub fn day_capacity(&self, date: NaiveDate) -> Option<u32> {
        let i = index(date.weekday());
        self.per_hour[i].map(|n| n * self.open_hours[i])
    }

    /// Visits a day should hold before the next day is suggested first: the target share of
    /// the day's capacity, rounded up.
    pub fn day_target(&self, date: NaiveDate) -> Option<u32> {
        self.day_capacity(date)
            .map(|cap| (cap * self.target_percent).div_ceil(100))
    }

    /// Whether one more visit may start at `start`.
    pub fn has_room(&self, load: &VisitLoad, start: DateTime<Utc>) -> bool {
        let (date, hour) = local_hour(start);
        match self.per_hour_on(date.weekday()) {
            Some(limit) => load.in_hour(date, hour) < limit,
            None => true,
        }
    }

    /// Whether the day is still below its target (an unlimited day always is).
    pub fn below_target(&self, load: &VisitLoad, date: NaiveDate) -> bool {
        match self.day_target(date) {
            Some(target) => load.on_day(date) < target,
            None => true,
        }
    }

    /// The offer for an office visit under this capacity: times in full hours are taken
    /// out (and days left empty with them); a day has room while it is below target, so the
    /// picker opens on the first such day; and a day is quieter when, below target, it holds
    /// clearly fewer visits than the other offered days.
    pub fn apply(&self, offer: Offer, load: &VisitLoad) -> Offer {
        let days: Vec<OfferedDay> = offer
            .days
            .into_iter()
            .filter_map(|day| {
                let times: Vec<_> = day
                    .times
                    .into_iter()
                    .filter(|t| self.has_room(load, t.slot.start))
                    .collect();
                (!times.is_empty()).then(|| OfferedDay {
                    quiet: false,
                    room: self.below_target(load, day.date),
                    date: day.date,
                    times,
                })
            })
            .collect();
        let visits: Vec<usize> = days.iter().map(|d| load.on_day(d.date) as usize).collect();
        let quiet = quieter_days(&visits);
        Offer {
            days: days
                .into_iter()
                .zip(quiet)
                .map(|(day, quiet)| OfferedDay {
                    quiet: quiet && day.room,
                    ..day
                })
                .collect(),
            fallback: offer.fallback,
            widened: offer.widened,
        }
    }
}

/// The Stockholm day and hour an instant falls in.
pub fn local_hour(t: DateTime<Utc>) -> (NaiveDate, u32) {
    let local = in_stockholm(t);
    (local.date_naive(), local.hour())
}

/// Visits booked at an office, counted by day and by hour.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitLoad {
    hours: HashMap<(NaiveDate, u32), u32>,
    days: HashMap<NaiveDate, u32>,
}

impl VisitLoad {
    pub fn from_starts(starts: impl IntoIterator<Item = DateTime<Utc>>) -> Self {
        let mut load = VisitLoad::default();
        for s in starts {
            load.add(s);
        }
        load
    }

    pub fn add(&mut self, start: DateTime<Utc>) {
        let (date, hour) = local_hour(start);
        *self.hours.entry((date, hour)).or_default() += 1;
        *self.days.entry(date).or_default() += 1;
    }

    pub fn in_hour(&self, date: NaiveDate, hour: u32) -> u32 {
        self.hours.get(&(date, hour)).copied().unwrap_or(0)
    }

    pub fn on_day(&self, date: NaiveDate) -> u32 {
        self.days.get(&date).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        choices::LanguageCode,
        matching::{Counsellor, Wish},
        offer::build_offer,
        schedule::{free_slots, SlotRules, Span},
        time::stockholm_to_utc,
        Channel, FieldCode,
    };
    use chrono::{Duration, NaiveTime};
    use proptest::prelude::*;

    fn at(date: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
        stockholm_to_utc(date, NaiveTime::from_hms_opt(h, m, 0).unwrap()).unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
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

    #[test]
    fn day_capacity_follows_opening_hours_and_target_rounds_up() {
        let opening = OpeningHours::parse("mon=09:00-16:00;tue=09:00-15:30").unwrap();
        let cap = Capacity::new(weekdays(3), 70, &opening);
        // Monday 23 November: 7 hours × 3.
        assert_eq!(cap.day_capacity(day(23)), Some(21));
        assert_eq!(cap.day_target(day(23)), Some(15));
        // Tuesday: 6½ hours count as 7.
        assert_eq!(cap.day_capacity(day(24)), Some(21));
        // Saturday is not limited.
        assert_eq!(cap.day_capacity(day(28)), None);
        assert!(cap.below_target(&VisitLoad::default(), day(28)));
    }

    #[test]
    fn a_full_hour_has_no_room_and_the_next_one_does() {
        let cap = Capacity::new(weekdays(2), 70, &OpeningHours::default());
        let load = VisitLoad::from_starts([at(day(23), 9, 0), at(day(23), 9, 45)]);
        assert!(!cap.has_room(&load, at(day(23), 9, 30)));
        assert!(cap.has_room(&load, at(day(23), 10, 0)));
        assert!(cap.has_room(&load, at(day(24), 9, 0)));
        assert_eq!(load.on_day(day(23)), 2);
    }

    fn counsellor(id: i64) -> Counsellor {
        Counsellor {
            id,
            office_id: 1,
            fields: vec![FieldCode::parse("data-it").unwrap()],
            languages: vec![LanguageCode::Sv],
            channels: Channel::ALL.to_vec(),
            week_bookings: 0,
        }
    }

    fn wish() -> Wish {
        Wish {
            fields: vec![FieldCode::parse("data-it").unwrap()],
            language: LanguageCode::Sv,
            interpreter: None,
            channel: Channel::Office,
            office_id: Some(1),
        }
    }

    /// A big layoff in town: `people` register one after another on Monday morning and each
    /// books the first time of the day the picker opens on. Returns each visit's start.
    fn burst(people: usize, cap: &Capacity, counsellors: i64) -> Vec<DateTime<Utc>> {
        let now = at(day(23), 7, 0);
        let rules = SlotRules::first_meeting();
        let staff: Vec<Counsellor> = (1..=counsellors).map(counsellor).collect();
        // Everyone is open 09–16 on weekdays for the four weeks ahead.
        let open: Vec<Span> = (0..28)
            .map(|d| day(23) + Duration::days(d))
            .filter(|d| d.weekday().num_days_from_monday() < 5)
            .map(|d| Span::new(at(d, 9, 0), at(d, 16, 0)).unwrap())
            .collect();
        let mut booked: HashMap<i64, Vec<Span>> = HashMap::new();
        let mut starts: Vec<(i64, DateTime<Utc>)> = Vec::new();
        for _ in 0..people {
            let free: HashMap<i64, Vec<Span>> = staff
                .iter()
                .map(|c| {
                    let busy = booked.get(&c.id).cloned().unwrap_or_default();
                    (c.id, free_slots(&open, &busy, &rules, now))
                })
                .collect();
            let offer = build_offer(&wish(), &staff, &free, &starts, None, None);
            let load = VisitLoad::from_starts(starts.iter().map(|(_, s)| *s));
            let offer = cap.apply(offer, &load);
            let Some(date) = offer.suggested_day() else {
                break;
            };
            let time = offer.day(date).unwrap().times[0];
            booked
                .entry(time.counsellor_id)
                .or_default()
                .push(Span::new(time.slot.start, time.slot.end + rules.buffer).unwrap());
            starts.push((time.counsellor_id, time.slot.start));
        }
        starts.into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn a_burst_of_200_registrations_spreads_over_days_within_capacity() {
        let opening = OpeningHours::parse(
            "mon=09:00-16:00;tue=09:00-16:00;wed=09:00-16:00;thu=09:00-16:00;fri=09:00-16:00",
        )
        .unwrap();
        // 4 an hour, 7 hours: 28 a day, of which 70 % (20) before the next day comes first.
        let cap = Capacity::new(weekdays(4), 70, &opening);
        let visits = burst(200, &cap, 6);
        assert_eq!(visits.len(), 200, "everyone got a time");
        let load = VisitLoad::from_starts(visits.iter().copied());
        let mut days: Vec<NaiveDate> = visits.iter().map(|s| local_hour(*s).0).collect();
        days.sort();
        days.dedup();
        for s in &visits {
            let (date, hour) = local_hour(*s);
            assert!(
                load.in_hour(date, hour) <= 4,
                "{date} {hour}:00 is over capacity"
            );
        }
        for d in &days {
            assert!(load.on_day(*d) <= 20, "{d} is over its target");
        }
        assert!(days.len() >= 10, "200 visits at 20 a day take ten days");
        // Without capacity the same burst piles into the first days.
        let unlimited = burst(200, &Capacity::default(), 6);
        let first = local_hour(unlimited[0]).0;
        let on_first = unlimited
            .iter()
            .filter(|s| local_hour(**s).0 == first)
            .count();
        assert!(
            on_first > 20,
            "without capacity, {on_first} on the first day"
        );
    }

    proptest! {
        /// Whatever is booked: the offer under capacity only holds times in hours with
        /// room, the days with room are exactly those below target, and a quieter day has
        /// room.
        #[test]
        fn the_offer_never_exceeds_capacity(
            per_hour in 0u32..5,
            target in 10u32..=100,
            booked in prop::collection::vec((0i64..5, 9u32..16, 0u32..4), 0..60),
        ) {
            let cap = Capacity::new(weekdays(per_hour), target, &OpeningHours::default());
            let starts: Vec<DateTime<Utc>> = booked
                .iter()
                .map(|(d, h, q)| at(day(23) + Duration::days(*d), *h, q * 15))
                .collect();
            let load = VisitLoad::from_starts(starts.iter().copied());
            let open: Vec<Span> = (0..5)
                .map(|d| day(23) + Duration::days(d))
                .map(|d| Span::new(at(d, 9, 0), at(d, 16, 0)).unwrap())
                .collect();
            let free = HashMap::from([(1, free_slots(&open, &[], &SlotRules::first_meeting(), at(day(22), 12, 0)))]);
            let offer = cap.apply(build_offer(&wish(), &[counsellor(1)], &free, &[], None, None), &load);
            for d in &offer.days {
                prop_assert_eq!(d.room, cap.below_target(&load, d.date));
                prop_assert!(!d.quiet || d.room);
                for t in &d.times {
                    let (date, hour) = local_hour(t.slot.start);
                    prop_assert!(load.in_hour(date, hour) < per_hour);
                }
            }
        }
    }
}
