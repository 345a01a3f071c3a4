//! Arriving for an office visit: when "Jag är här" may be pressed, and how long someone has
//! waited. Times come from the caller (the server's clock, sent with the page), never read
//! here.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// How long before a visit the seeker may say they have arrived.
pub const CHECK_IN_OPENS_BEFORE: Duration = Duration::hours(1);

/// How long a mark at reception ("har kommit", "hämtad") can be taken back: a slip of the
/// finger is noticed at once, and later the mark is part of the day's record.
pub const UNDO_WITHIN: Duration = Duration::minutes(1);

/// What a mark at reception can be undone to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Undo {
    /// Not arrived after all.
    Arrival,
    /// Arrived, but not fetched yet.
    Fetched,
}

impl Undo {
    /// The form value.
    pub fn as_str(self) -> &'static str {
        match self {
            Undo::Arrival => "ankomst",
            Undo::Fetched => "hamtad",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Undo::Arrival, Undo::Fetched]
            .into_iter()
            .find(|u| u.as_str() == text)
    }

    /// The mark that can still be undone at `now`, if any: the fetch first (the later one).
    pub fn open(
        arrived: Option<DateTime<Utc>>,
        fetched: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Option<Undo> {
        let fresh = |t: DateTime<Utc>| t <= now && now - t < UNDO_WITHIN;
        match (arrived, fetched) {
            (_, Some(f)) => fresh(f).then_some(Undo::Fetched),
            (Some(a), None) => fresh(a).then_some(Undo::Arrival),
            (None, None) => None,
        }
    }
}

/// Whether the seeker may check in now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckIn {
    /// Not yet: it opens at this time.
    Opens(DateTime<Utc>),
    /// They may press "Jag är här".
    Open,
    /// They have; since then.
    Done(DateTime<Utc>),
    /// The visit is over (or not a live office visit).
    Closed,
}

/// Check-in for a live office visit from `starts` to `ends`, `arrived` if already checked in.
/// It opens an hour before the visit, but not before the office opens that day
/// (`office_opens`, when the office has opening hours). A visit arranged before opening time
/// opens an hour before all the same: the office is open for that visitor.
pub fn check_in(
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    arrived: Option<DateTime<Utc>>,
    office_opens: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> CheckIn {
    if let Some(at) = arrived {
        return CheckIn::Done(at);
    }
    let hour_before = starts - CHECK_IN_OPENS_BEFORE;
    let opens = match office_opens {
        Some(office) if office <= starts => hour_before.max(office),
        _ => hour_before,
    };
    if now < opens {
        CheckIn::Opens(opens)
    } else if now < ends {
        CheckIn::Open
    } else {
        CheckIn::Closed
    }
}

/// Minutes someone has waited at the office, as the counsellor sees it: from arrival, or
/// from the booked start if they came early (early is their own choice), until they were
/// fetched or until `now`. Never negative.
pub fn waited_minutes(arrived: DateTime<Utc>, starts: DateTime<Utc>, until: DateTime<Utc>) -> i64 {
    (until - arrived.max(starts)).num_minutes().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, h, m, 0).unwrap()
    }

    #[test]
    fn check_in_opens_an_hour_before_and_closes_at_the_end() {
        let (starts, ends) = (t(10, 0), t(10, 45));
        assert_eq!(
            check_in(starts, ends, None, None, t(8, 59)),
            CheckIn::Opens(t(9, 0))
        );
        assert_eq!(check_in(starts, ends, None, None, t(9, 0)), CheckIn::Open);
        assert_eq!(check_in(starts, ends, None, None, t(10, 44)), CheckIn::Open);
        assert_eq!(
            check_in(starts, ends, None, None, t(10, 45)),
            CheckIn::Closed
        );
        assert_eq!(
            check_in(starts, ends, Some(t(9, 50)), None, t(11, 0)),
            CheckIn::Done(t(9, 50))
        );
        // An office that opens at 09:30 lets a 10:00 visitor check in from 09:30.
        assert_eq!(
            check_in(starts, ends, None, Some(t(9, 30)), t(9, 10)),
            CheckIn::Opens(t(9, 30))
        );
        assert_eq!(
            check_in(starts, ends, None, Some(t(8, 0)), t(9, 0)),
            CheckIn::Open
        );
        // A visit arranged before the office opens: an hour before, as any other.
        assert_eq!(
            check_in(starts, ends, None, Some(t(11, 0)), t(9, 0)),
            CheckIn::Open
        );
    }

    #[test]
    fn waiting_counts_from_the_booked_time_for_those_who_came_early() {
        assert_eq!(waited_minutes(t(9, 50), t(10, 0), t(10, 12)), 12);
        assert_eq!(waited_minutes(t(10, 5), t(10, 0), t(10, 12)), 7);
        assert_eq!(waited_minutes(t(9, 50), t(10, 0), t(9, 55)), 0);
    }

    proptest! {
        #[test]
        fn waiting_is_never_negative_nor_longer_than_since_arrival(
            a in 0i64..600, s in 0i64..600, u in 0i64..600,
        ) {
            let base = t(8, 0);
            let (arrived, starts, until) = (
                base + Duration::minutes(a),
                base + Duration::minutes(s),
                base + Duration::minutes(u),
            );
            let w = waited_minutes(arrived, starts, until);
            prop_assert!(w >= 0);
            prop_assert!(w <= (u - a).max(0));
        }
    }

    #[test]
    fn a_mark_can_be_undone_for_a_minute_the_latest_first() {
        let t = |s: i64| DateTime::from_timestamp(1_800_000_000 + s, 0).unwrap();
        assert_eq!(Undo::open(Some(t(0)), None, t(59)), Some(Undo::Arrival));
        assert_eq!(Undo::open(Some(t(0)), None, t(60)), None);
        assert_eq!(
            Undo::open(Some(t(0)), Some(t(30)), t(80)),
            Some(Undo::Fetched)
        );
        // The fetch has been kept: the arrival under it stays too.
        assert_eq!(Undo::open(Some(t(0)), Some(t(30)), t(95)), None);
        assert_eq!(Undo::open(None, None, t(0)), None);
        assert_eq!(Undo::parse("hamtad"), Some(Undo::Fetched));
        assert_eq!(Undo::parse("x"), None);
    }
}
