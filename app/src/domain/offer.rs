//! What the picker offers: for each start time, the best-ranked counsellor who is free then,
//! grouped into Stockholm days, with the quieter days marked. Ranking is per week, because
//! "fewest meetings" means fewest in the week the meeting falls in.

use super::{
    matching::{quieter_days, rank, Counsellor, Wish},
    schedule::Span,
    time::stockholm_date,
};
use chrono::{DateTime, Datelike, IsoWeek, NaiveDate, Utc};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A time the seeker can book, with the counsellor they would meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfferedTime {
    pub slot: Span,
    pub counsellor_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferedDay {
    /// The Stockholm day.
    pub date: NaiveDate,
    /// Clearly fewer meetings are booked this day than on the other offered days.
    pub quiet: bool,
    /// The day may still take more (for an office visit: it is below the office's target
    /// share of its capacity); the picker opens on such a day.
    pub room: bool,
    /// In time order, one per start time.
    pub times: Vec<OfferedTime>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offer {
    /// Days with at least one free time, in date order.
    pub days: Vec<OfferedDay>,
    /// Nobody who knows the seeker's field can meet them this way; the times are with other
    /// counsellors of the office or channel.
    pub fallback: bool,
    /// Those who know the field cannot meet the seeker soon, so other counsellors' times are
    /// offered too (after theirs, wherever both are free).
    pub widened: bool,
}

impl Offer {
    /// The day the picker opens on: the first quieter day with room, else the first day
    /// with room, else the first day. This is the gentle steer; every day stays one click
    /// away.
    pub fn suggested_day(&self) -> Option<NaiveDate> {
        self.days
            .iter()
            .find(|d| d.quiet && d.room)
            .or_else(|| self.days.iter().find(|d| d.room))
            .or(self.days.first())
            .map(|d| d.date)
    }

    pub fn day(&self, date: NaiveDate) -> Option<&OfferedDay> {
        self.days.iter().find(|d| d.date == date)
    }

    /// The offered time with this counsellor and start, if it is offered.
    pub fn find(&self, counsellor_id: i64, start: DateTime<Utc>) -> Option<OfferedTime> {
        self.times()
            .find(|t| t.counsellor_id == counsellor_id && t.slot.start == start)
    }

    pub fn times(&self) -> impl Iterator<Item = OfferedTime> + '_ {
        self.days.iter().flat_map(|d| d.times.iter().copied())
    }

    /// Up to `n` offered times nearest to `wanted` (either side), in time order: what is
    /// shown to someone whose time was taken while they looked.
    pub fn nearest(&self, wanted: DateTime<Utc>, n: usize) -> Vec<OfferedTime> {
        let mut all: Vec<OfferedTime> = self.times().collect();
        all.sort_by_key(|t| ((t.slot.start - wanted).num_seconds().abs(), t.slot.start));
        all.truncate(n);
        all.sort_by_key(|t| t.slot.start);
        all
    }
}

fn week_of(t: DateTime<Utc>) -> IsoWeek {
    stockholm_date(t).iso_week()
}

/// Builds the offer. `free` holds each counsellor's free slots (from
/// [`super::schedule::free_slots`]); `booked` the start of every live booking of the
/// counsellors concerned, to weigh weeks and days. `prefer` (when moving a meeting) is the
/// counsellor to keep when they are free at a time. `soon` is when those who know the
/// seeker's field should have a time by: when none of them has one before it, the other
/// counsellors who can meet this way are offered too, ranked after them.
pub fn build_offer(
    wish: &Wish,
    counsellors: &[Counsellor],
    free: &HashMap<i64, Vec<Span>>,
    booked: &[(i64, DateTime<Utc>)],
    prefer: Option<i64>,
    soon: Option<DateTime<Utc>>,
) -> Offer {
    let ranking = rank(wish, counsellors);
    let fallback = ranking.fallback;
    let widened = !fallback
        && !ranking.others.is_empty()
        && soon.is_some_and(|by| {
            !ranking.counsellors.iter().any(|id| {
                free.get(id)
                    .is_some_and(|slots| slots.iter().any(|s| s.start < by))
            })
        });
    let mut per_week: HashMap<(i64, IsoWeek), usize> = HashMap::new();
    for (id, start) in booked {
        *per_week.entry((*id, week_of(*start))).or_default() += 1;
    }
    let weeks: BTreeSet<IsoWeek> = free.values().flatten().map(|s| week_of(s.start)).collect();
    let mut by_start: BTreeMap<DateTime<Utc>, OfferedTime> = BTreeMap::new();
    let mut offered: HashSet<i64> = HashSet::new();
    for week in weeks {
        let weighed: Vec<Counsellor> = counsellors
            .iter()
            .map(|c| Counsellor {
                week_bookings: per_week.get(&(c.id, week)).copied().unwrap_or(0),
                ..c.clone()
            })
            .collect();
        let ranked = rank(wish, &weighed);
        let mut order = ranked.counsellors;
        if widened {
            order.extend(ranked.others);
        }
        if let Some(i) = prefer.and_then(|p| order.iter().position(|id| *id == p)) {
            let kept = order.remove(i);
            order.insert(0, kept);
        }
        for id in order {
            offered.insert(id);
            let slots = free.get(&id).into_iter().flatten();
            for slot in slots.filter(|s| week_of(s.start) == week) {
                by_start.entry(slot.start).or_insert(OfferedTime {
                    slot: *slot,
                    counsellor_id: id,
                });
            }
        }
    }
    let mut days: BTreeMap<NaiveDate, Vec<OfferedTime>> = BTreeMap::new();
    for time in by_start.into_values() {
        days.entry(stockholm_date(time.slot.start))
            .or_default()
            .push(time);
    }
    let mut per_day: HashMap<NaiveDate, usize> = HashMap::new();
    for (_, start) in booked.iter().filter(|(id, _)| offered.contains(id)) {
        *per_day.entry(stockholm_date(*start)).or_default() += 1;
    }
    let load: Vec<usize> = days
        .keys()
        .map(|d| per_day.get(d).copied().unwrap_or(0))
        .collect();
    let quiet = quieter_days(&load);
    Offer {
        days: days
            .into_iter()
            .zip(quiet)
            .map(|((date, times), quiet)| OfferedDay {
                date,
                quiet,
                room: true,
                times,
            })
            .collect(),
        fallback,
        widened,
    }
}

/// The Monday of the week a day is in, for grouping days into weeks on the page.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{choices::LanguageCode, time::stockholm_to_utc, Channel, FieldCode};
    use chrono::{Duration, NaiveTime};
    use proptest::prelude::*;

    fn at(day: u32, h: u32, m: u32) -> DateTime<Utc> {
        stockholm_to_utc(
            NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            NaiveTime::from_hms_opt(h, m, 0).unwrap(),
        )
        .unwrap()
    }

    fn slot(start: DateTime<Utc>) -> Span {
        Span::new(start, start + Duration::minutes(45)).unwrap()
    }

    fn counsellor(id: i64, fields: &[&str]) -> Counsellor {
        Counsellor {
            id,
            office_id: 1,
            fields: fields
                .iter()
                .map(|f| FieldCode::parse(f).unwrap())
                .collect(),
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
            channel: Channel::Phone,
            office_id: None,
        }
    }

    #[test]
    fn each_time_goes_to_the_best_free_counsellor_and_days_are_in_order() {
        let counsellors = [
            counsellor(1, &["data-it"]),
            counsellor(2, &["transport"]),
            counsellor(3, &["data-it"]),
        ];
        let free = HashMap::from([
            (1, vec![slot(at(24, 9, 0))]),
            (2, vec![slot(at(24, 9, 0)), slot(at(24, 10, 0))]),
            (3, vec![slot(at(24, 9, 0)), slot(at(25, 13, 0))]),
        ]);
        // Counsellor 1 has more meetings that week, so 3 gets the shared time.
        let booked = [(1, at(23, 14, 0))];
        let offer = build_offer(&wish(), &counsellors, &free, &booked, None, None);
        assert!(!offer.fallback);
        let dates: Vec<u32> = offer.days.iter().map(|d| d.date.day()).collect();
        assert_eq!(dates, [24, 25]);
        assert_eq!(
            offer.days[0].times,
            [OfferedTime {
                slot: slot(at(24, 9, 0)),
                counsellor_id: 3
            }]
        );
        assert_eq!(offer.days[1].times[0].counsellor_id, 3);
        // Counsellor 2 knows another field and is not offered while someone in the field is.
        assert!(offer.times().all(|t| t.counsellor_id != 2));
        // Moving a meeting keeps its counsellor where they are free.
        let kept = build_offer(&wish(), &counsellors, &free, &booked, Some(1), None);
        assert_eq!(kept.days[0].times[0].counsellor_id, 1);
    }

    #[test]
    fn others_are_offered_after_the_field_when_the_field_cannot_meet_soon() {
        let counsellors = [counsellor(1, &["data-it"]), counsellor(2, &["transport"])];
        // The one who knows the field is free only on the 26th; the other from the 24th.
        let free = HashMap::from([
            (1, vec![slot(at(26, 9, 0)), slot(at(26, 10, 0))]),
            (2, vec![slot(at(24, 9, 0)), slot(at(26, 9, 0))]),
        ]);
        let soon = Some(at(25, 0, 0));
        let wide = build_offer(&wish(), &counsellors, &free, &[], None, soon);
        assert!(wide.widened && !wide.fallback);
        assert_eq!(wide.days[0].times[0].counsellor_id, 2);
        // Where both are free, the one who knows the field keeps the time.
        let on_26: Vec<i64> = wide.days[1].times.iter().map(|t| t.counsellor_id).collect();
        assert_eq!(on_26, [1, 1]);
        // Soon enough: only the field.
        let later = Some(at(27, 0, 0));
        let narrow = build_offer(&wish(), &counsellors, &free, &[], None, later);
        assert!(!narrow.widened);
        assert!(narrow.times().all(|t| t.counsellor_id == 1));
    }

    #[test]
    fn a_busier_day_is_not_the_suggested_one() {
        let counsellors = [counsellor(1, &["data-it"])];
        let free = HashMap::from([(
            1,
            vec![slot(at(24, 9, 0)), slot(at(25, 9, 0)), slot(at(26, 9, 0))],
        )]);
        let booked = [(1, at(24, 13, 0)), (1, at(24, 14, 0)), (1, at(25, 14, 0))];
        let offer = build_offer(&wish(), &counsellors, &free, &booked, None, None);
        let quiet: Vec<bool> = offer.days.iter().map(|d| d.quiet).collect();
        assert_eq!(quiet, [false, false, true]);
        assert_eq!(
            offer.suggested_day(),
            Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        );
    }

    #[test]
    fn nearest_times_surround_the_wanted_one() {
        let counsellors = [counsellor(1, &["data-it"])];
        let starts = [at(24, 9, 0), at(24, 10, 0), at(24, 11, 0), at(25, 9, 0)];
        let free = HashMap::from([(1, starts.iter().map(|s| slot(*s)).collect())]);
        let offer = build_offer(&wish(), &counsellors, &free, &[], None, None);
        let near: Vec<_> = offer
            .nearest(at(24, 10, 15), 2)
            .iter()
            .map(|t| t.slot.start)
            .collect();
        assert_eq!(near, [at(24, 10, 0), at(24, 11, 0)]);
        assert_eq!(
            offer.find(1, at(24, 11, 0)).map(|t| t.slot.start),
            Some(at(24, 11, 0))
        );
        assert_eq!(offer.find(2, at(24, 11, 0)), None);
    }

    #[test]
    fn weeks_start_on_monday() {
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(
            monday_of(sunday),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
    }

    proptest! {
        /// Whatever the calendars: each offered time is a free slot of a counsellor in the
        /// field, each start is offered once, and no free start of theirs is left out.
        #[test]
        fn offers_are_free_unique_and_complete(
            free_starts in prop::collection::vec((1i64..5, 0u32..5, 0u32..28), 0..40),
            booked_starts in prop::collection::vec((1i64..5, 0u32..5, 0u32..28), 0..20),
        ) {
            let counsellors: Vec<Counsellor> = (1..5).map(|id| counsellor(id, if id % 2 == 0 { &["data-it"] } else { &["transport"] })).collect();
            let time = |d: u32, q: u32| at(23 + d, 8, 0) + Duration::minutes(15 * i64::from(q));
            let mut free: HashMap<i64, Vec<Span>> = HashMap::new();
            for (id, d, q) in &free_starts {
                free.entry(*id).or_default().push(slot(time(*d, *q)));
            }
            let booked: Vec<(i64, DateTime<Utc>)> = booked_starts.iter().map(|(id, d, q)| (*id, time(*d, *q))).collect();
            let offer = build_offer(&wish(), &counsellors, &free, &booked, None, None);
            let mut seen = HashSet::new();
            for day in &offer.days {
                prop_assert!(!day.times.is_empty());
                for t in &day.times {
                    prop_assert_eq!(stockholm_date(t.slot.start), day.date);
                    prop_assert!(free[&t.counsellor_id].contains(&t.slot));
                    prop_assert!(seen.insert(t.slot.start));
                    // Only counsellors in the field (even ids) are offered.
                    prop_assert_eq!(t.counsellor_id % 2, 0);
                }
            }
            // Every free start of someone in the field is offered.
            for (id, slots) in &free {
                if id % 2 == 0 {
                    for s in slots {
                        prop_assert!(seen.contains(&s.start));
                    }
                }
            }
            prop_assert!(offer.days.windows(2).all(|w| w[0].date < w[1].date));
        }
    }
}
