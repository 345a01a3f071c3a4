//! How an office follows up its job seekers' reports: which months a period's figures count,
//! and the shares of reports sent digitally and on time.

use super::period::{ReportPeriod, ReportStatus};
use crate::domain::figures::percent;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The first version sent of one person's report for a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstSent {
    pub on_time: bool,
    /// Sent by the person themselves online (not filed for them by staff).
    pub online: bool,
}

/// Reports due and how they were sent, for an office or a counsellor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCounts {
    /// Reports people had to send: one per person and month they were registered in.
    pub due: u32,
    pub sent: u32,
    /// Sent by the person online.
    pub online: u32,
    /// First sent by the deadline.
    pub on_time: u32,
}

impl ReportCounts {
    /// Counts one person's report for `period`, if they had one to send.
    pub fn count(
        &mut self,
        period: ReportPeriod,
        registered_at: DateTime<Utc>,
        first: Option<FirstSent>,
    ) {
        if !period.applies_to(registered_at) {
            return;
        }
        self.due += 1;
        if let Some(first) = first {
            self.sent += 1;
            self.online += u32::from(first.online);
            self.on_time += u32::from(first.on_time);
        }
    }

    /// Reports sent online, of all that were due ("88 % lämnades digitalt").
    pub fn online_percent(&self) -> Option<u32> {
        percent(self.online, self.due)
    }

    /// Reports sent by the deadline, of all that were due.
    pub fn on_time_percent(&self) -> Option<u32> {
        percent(self.on_time, self.due)
    }
}

/// The months whose reports a follow-up of the days `from`–`to` counts: those whose deadline
/// falls within the days and has passed at `now` (a month still open would count as unsent).
/// Oldest first.
pub fn months_due_between(from: NaiveDate, to: NaiveDate, now: DateTime<Utc>) -> Vec<ReportPeriod> {
    let mut months = Vec::new();
    if from > to {
        return months;
    }
    // A month's deadline lies in the month after it.
    let mut period = ReportPeriod::containing(from).previous();
    let last = ReportPeriod::containing(to).previous();
    while period <= last {
        let deadline = period.deadline_day();
        if from <= deadline && deadline <= to && period.late_from() <= now {
            months.push(period);
        }
        period = period.next();
    }
    months
}

/// Whose people the office's list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CounsellorFilter {
    All,
    /// Those with no meeting at the office yet.
    Without,
    One(i64),
}

impl CounsellorFilter {
    /// As in the address: empty for all, `ingen`, or a counsellor's number.
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim() {
            "" => Some(CounsellorFilter::All),
            "ingen" => Some(CounsellorFilter::Without),
            n => n.parse().ok().filter(|n| *n > 0).map(CounsellorFilter::One),
        }
    }

    pub fn code(self) -> String {
        match self {
            CounsellorFilter::All => String::new(),
            CounsellorFilter::Without => "ingen".into(),
            CounsellorFilter::One(id) => id.to_string(),
        }
    }

    /// Whether someone whose counsellor is `counsellor` is shown.
    pub fn keeps(self, counsellor: Option<i64>) -> bool {
        match self {
            CounsellorFilter::All => true,
            CounsellorFilter::Without => counsellor.is_none(),
            CounsellorFilter::One(id) => counsellor == Some(id),
        }
    }
}

/// How many of a list's reports stand where.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    pub not_started: u32,
    pub draft: u32,
    pub sent: u32,
    pub sent_late: u32,
    pub late: u32,
}

impl StatusCounts {
    pub fn of(statuses: impl IntoIterator<Item = ReportStatus>) -> Self {
        let mut c = StatusCounts::default();
        for s in statuses {
            *match s {
                ReportStatus::NotStarted => &mut c.not_started,
                ReportStatus::Draft => &mut c.draft,
                ReportStatus::Sent => &mut c.sent,
                ReportStatus::SentLate => &mut c.sent_late,
                ReportStatus::Late => &mut c.late,
            } += 1;
        }
        c
    }

    pub fn total(&self) -> u32 {
        self.not_started + self.draft + self.sent + self.sent_late + self.late
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::stockholm_to_utc;
    use chrono::NaiveTime;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(date: NaiveDate, h: u32, min: u32) -> DateTime<Utc> {
        stockholm_to_utc(date, NaiveTime::from_hms_opt(h, min, 0).unwrap()).unwrap()
    }

    fn month(code: &str) -> ReportPeriod {
        ReportPeriod::parse(code).unwrap()
    }

    #[test]
    fn a_follow_up_counts_the_months_whose_deadline_it_holds_and_has_passed() {
        let now = at(day(2026, 12, 6), 12, 0);
        // 9 November – 6 December holds 14 November (October's deadline), not 14 December.
        assert_eq!(
            months_due_between(day(2026, 11, 9), day(2026, 12, 6), now),
            vec![month("2026-10")]
        );
        // A whole year: January's deadline is 14 February, November's not yet passed.
        let year = months_due_between(day(2026, 1, 1), day(2026, 12, 31), now);
        assert_eq!(year.first(), Some(&month("2025-12")));
        assert_eq!(year.last(), Some(&month("2026-10")));
        assert_eq!(year.len(), 11);
        // The deadline day itself is inside; the day after is not.
        assert_eq!(
            months_due_between(day(2026, 11, 14), day(2026, 11, 14), now).len(),
            1
        );
        assert!(months_due_between(day(2026, 11, 15), day(2026, 12, 6), now).is_empty());
        // On the 15th at midnight the month is counted; a minute before, not.
        let on_15th = day(2026, 12, 15);
        assert_eq!(
            months_due_between(day(2026, 12, 1), on_15th, at(on_15th, 0, 0)),
            vec![month("2026-11")]
        );
        assert!(
            months_due_between(day(2026, 12, 1), on_15th, at(day(2026, 12, 14), 23, 59)).is_empty()
        );
        assert!(months_due_between(day(2026, 12, 6), day(2026, 12, 1), now).is_empty());
    }

    #[test]
    fn counts_say_what_was_due_and_how_it_was_sent() {
        let october = month("2026-10");
        let before = at(day(2026, 9, 1), 9, 0);
        let mut c = ReportCounts::default();
        let sent = |on_time, online| Some(FirstSent { on_time, online });
        c.count(october, before, sent(true, true));
        c.count(october, before, sent(false, true));
        c.count(october, before, sent(true, false));
        c.count(october, before, None);
        // Registered in November: no report for October.
        c.count(october, at(day(2026, 11, 2), 9, 0), None);
        // Registered on October's last day: reports October.
        c.count(october, at(day(2026, 10, 31), 23, 30), None);
        assert_eq!(
            c,
            ReportCounts {
                due: 5,
                sent: 3,
                online: 2,
                on_time: 2
            }
        );
        assert_eq!(c.online_percent(), Some(40));
        assert_eq!(c.on_time_percent(), Some(40));
        assert_eq!(ReportCounts::default().online_percent(), None);
    }

    #[test]
    fn the_counsellor_filter_reads_what_the_address_holds() {
        assert_eq!(CounsellorFilter::parse(""), Some(CounsellorFilter::All));
        assert_eq!(
            CounsellorFilter::parse("ingen"),
            Some(CounsellorFilter::Without)
        );
        assert_eq!(
            CounsellorFilter::parse(" 7 "),
            Some(CounsellorFilter::One(7))
        );
        for bad in ["0", "-3", "sju", "7a", "ingen2"] {
            assert_eq!(CounsellorFilter::parse(bad), None, "{bad}");
        }
        for f in [
            CounsellorFilter::All,
            CounsellorFilter::Without,
            CounsellorFilter::One(12),
        ] {
            assert_eq!(CounsellorFilter::parse(&f.code()), Some(f));
        }
        assert!(CounsellorFilter::All.keeps(None) && CounsellorFilter::All.keeps(Some(3)));
        assert!(CounsellorFilter::Without.keeps(None) && !CounsellorFilter::Without.keeps(Some(3)));
        assert!(
            CounsellorFilter::One(3).keeps(Some(3)) && !CounsellorFilter::One(3).keeps(Some(4))
        );
        assert!(!CounsellorFilter::One(3).keeps(None));
    }

    #[test]
    fn status_counts_add_up() {
        use ReportStatus::*;
        let c = StatusCounts::of([Sent, Sent, Late, Draft, NotStarted, SentLate, Sent]);
        assert_eq!(
            c,
            StatusCounts {
                not_started: 1,
                draft: 1,
                sent: 3,
                sent_late: 1,
                late: 1
            }
        );
        assert_eq!(c.total(), 7);
    }

    proptest! {
        #[test]
        fn every_counted_month_has_its_deadline_inside_and_passed(
            start in 0i64..2000, len in 0i64..800, later in 0i64..900
        ) {
            let from = day(2024, 1, 1) + chrono::Duration::days(start);
            let to = from + chrono::Duration::days(len);
            let now = at(from + chrono::Duration::days(later), 12, 0);
            let months = months_due_between(from, to, now);
            for p in &months {
                prop_assert!(from <= p.deadline_day() && p.deadline_day() <= to);
                prop_assert!(p.late_from() <= now);
            }
            // Nothing missed: every 14th inside the days, passed by now, is counted.
            let mut d = from;
            let mut expected = 0;
            while d <= to {
                if d.format("%d").to_string() == "14" && ReportPeriod::containing(d).previous().late_from() <= now {
                    expected += 1;
                }
                d = d.succ_opt().unwrap();
            }
            prop_assert_eq!(months.len(), expected);
            prop_assert!(months.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
