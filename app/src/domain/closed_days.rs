//! Which parts of a counsellor's open time may be offered: none on a day the service is closed
//! (a public holiday or its eve) or their office is closed (a planning day, say), and an office
//! visit only while the office is open that day, the whole meeting inside its hours.

use super::{
    holidays::holiday_on,
    schedule::Span,
    time::{stockholm_date, stockholm_to_utc},
    OpeningHours,
};
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use std::collections::{BTreeSet, HashMap};

/// The days closed beyond the public holidays, by office.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClosedDays {
    by_office: HashMap<i64, BTreeSet<NaiveDate>>,
}

impl ClosedDays {
    pub fn new(closures: impl IntoIterator<Item = (i64, NaiveDate)>) -> Self {
        let mut by_office: HashMap<i64, BTreeSet<NaiveDate>> = HashMap::new();
        for (office, date) in closures {
            by_office.entry(office).or_default().insert(date);
        }
        ClosedDays { by_office }
    }

    /// Whether the office (and so its counsellors, in every channel) is closed on `date`.
    pub fn is_closed(&self, office_id: i64, date: NaiveDate) -> bool {
        holiday_on(date).is_some()
            || self
                .by_office
                .get(&office_id)
                .is_some_and(|days| days.contains(&date))
    }
}

/// Stockholm midnight at the start of `date`, in UTC.
fn midnight(date: NaiveDate) -> Option<DateTime<Utc>> {
    stockholm_to_utc(date, NaiveTime::MIN)
}

/// The open time of a counsellor of `office_id` that may be offered. `opening` is given for
/// an office visit: then only the hours the office is open count (an office with no opening
/// hours at all is taken as open whenever its counsellors are; one with hours is closed on
/// the weekdays it lists none).
pub fn offerable(
    open: &[Span],
    office_id: i64,
    closed: &ClosedDays,
    opening: Option<&OpeningHours>,
) -> Vec<Span> {
    let opening = opening.filter(|o| !o.spans().is_empty());
    let mut out = Vec::new();
    for span in open {
        let mut date = stockholm_date(span.start);
        let last = stockholm_date(span.end - chrono::Duration::seconds(1));
        while date <= last {
            let next = date + Days::new(1);
            if !closed.is_closed(office_id, date) {
                let windows: Vec<_> = match opening {
                    None => midnight(date).zip(midnight(next)).into_iter().collect(),
                    Some(hours) => hours
                        .on(date.weekday())
                        .filter_map(|h| {
                            stockholm_to_utc(date, h.opens).zip(stockholm_to_utc(date, h.closes))
                        })
                        .collect(),
                };
                for (from, to) in windows {
                    if let Some(part) = Span::new(span.start.max(from), span.end.min(to)) {
                        out.push(part);
                    }
                }
            }
            date = next;
        }
    }
    out
}

/// The end of the `n`th working day after `date` (Monday to Friday, not closed), Stockholm
/// midnight: "soon" for a seeker who registers on `date`.
pub fn working_days_after(
    date: NaiveDate,
    n: u32,
    office_id: i64,
    closed: &ClosedDays,
) -> Option<DateTime<Utc>> {
    let mut day = date;
    let mut counted = 0;
    // A year of closed days in a row is not a calendar but a fault; stop looking then.
    for _ in 0..366 {
        day = day + Days::new(1);
        let weekend = day.weekday().number_from_monday() > 5;
        if !weekend && !closed.is_closed(office_id, day) {
            counted += 1;
            if counted == n {
                return midnight(day + Days::new(1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn local(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        stockholm_to_utc(
            NaiveDate::from_ymd_opt(2026, m, d).unwrap(),
            NaiveTime::from_hms_opt(h, min, 0).unwrap(),
        )
        .unwrap()
    }

    fn span(a: DateTime<Utc>, b: DateTime<Utc>) -> Span {
        Span::new(a, b).unwrap()
    }

    fn hours() -> OpeningHours {
        OpeningHours::parse(
            "mon=08:30-16:00;tue=08:30-12:00;tue=13:00-16:00;wed=08:30-16:00;thu=08:30-16:00;fri=08:30-15:00",
        )
        .unwrap()
    }

    #[test]
    fn a_visit_keeps_inside_the_office_hours_and_phone_follows_the_counsellor() {
        // Friday 4 December 2026: open time 14:00–16:15, the office closes at 15:00.
        let open = [span(local(12, 4, 14, 0), local(12, 4, 16, 15))];
        let none = ClosedDays::default();
        assert_eq!(
            offerable(&open, 1, &none, Some(&hours())),
            [span(local(12, 4, 14, 0), local(12, 4, 15, 0))]
        );
        assert_eq!(offerable(&open, 1, &none, None), open);
        // Early open time on Monday starts when the office opens.
        let monday = [span(local(12, 7, 8, 0), local(12, 7, 10, 0))];
        assert_eq!(
            offerable(&monday, 1, &none, Some(&hours())),
            [span(local(12, 7, 8, 30), local(12, 7, 10, 0))]
        );
        // Tuesday closes for lunch: a visit is in either span, never across the break.
        let tuesday = [span(local(12, 8, 10, 0), local(12, 8, 15, 0))];
        assert_eq!(
            offerable(&tuesday, 1, &none, Some(&hours())),
            [
                span(local(12, 8, 10, 0), local(12, 8, 12, 0)),
                span(local(12, 8, 13, 0), local(12, 8, 15, 0))
            ]
        );
        // Saturday: the office lists no hours, so no visits; phone still follows open time.
        let saturday = [span(local(12, 5, 10, 0), local(12, 5, 12, 0))];
        assert!(offerable(&saturday, 1, &none, Some(&hours())).is_empty());
        assert_eq!(offerable(&saturday, 1, &none, None), saturday);
    }

    #[test]
    fn nothing_on_holidays_or_the_office_s_own_closed_days() {
        let eve = [span(local(12, 24, 9, 0), local(12, 24, 12, 0))];
        assert!(offerable(&eve, 1, &ClosedDays::default(), None).is_empty());
        let planning = ClosedDays::new([(1, NaiveDate::from_ymd_opt(2026, 12, 8).unwrap())]);
        let tuesday = [span(local(12, 8, 9, 0), local(12, 8, 12, 0))];
        assert!(offerable(&tuesday, 1, &planning, None).is_empty());
        // Another office's closed day is not this one's.
        assert_eq!(offerable(&tuesday, 2, &planning, None), tuesday);
    }

    #[test]
    fn soon_counts_working_days_past_weekends_and_holidays() {
        let none = ClosedDays::default();
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        // Friday 4 Dec + 3 working days: Mon, Tue, Wed; ends at Thursday's midnight.
        assert_eq!(
            working_days_after(d(12, 4), 3, 1, &none),
            Some(local(12, 10, 0, 0))
        );
        // Tuesday 22 Dec + 3: Wed 23, (24–26 closed, 27 Sunday) Mon 28, Tue 29.
        assert_eq!(
            working_days_after(d(12, 22), 3, 1, &none),
            Some(local(12, 30, 0, 0))
        );
    }

    proptest! {
        /// What may be offered lies inside the open time, inside opening hours for a visit,
        /// and never on a closed day.
        #[test]
        fn offerable_time_is_open_time_minus_closed_time(
            day in 1u32..28, start in 0u32..(24 * 4), quarters in 1u32..(24 * 4), visit: bool,
        ) {
            let from = local(12, day, 0, 0) + chrono::Duration::minutes(i64::from(start) * 15);
            let open = [span(from, from + chrono::Duration::minutes(i64::from(quarters) * 15))];
            let hours = hours();
            let got = offerable(&open, 1, &ClosedDays::default(), visit.then_some(&hours));
            for part in got {
                prop_assert!(open[0].contains(&part));
                let date = stockholm_date(part.start);
                prop_assert!(holiday_on(date).is_none());
                prop_assert_eq!(stockholm_date(part.end - chrono::Duration::seconds(1)), date);
                if visit {
                    let inside = hours.on(date.weekday()).any(|h| {
                        part.start >= stockholm_to_utc(date, h.opens).unwrap()
                            && part.end <= stockholm_to_utc(date, h.closes).unwrap()
                    });
                    prop_assert!(inside, "inside one opening span");
                }
            }
        }
    }
}
