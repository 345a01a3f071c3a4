//! Report periods and deadlines. "In May you report April": the report for a month opens at
//! Stockholm midnight on the 1st of the next month and is on time until the 14th ends (a
//! report sent at 23:59:59 on the 14th is on time; at 00:00 on the 15th it is late). Every
//! instant is computed in Europe/Stockholm, so daylight saving time moves nothing.

use crate::domain::time::{stockholm_date, stockholm_to_utc};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// The last day of the reporting window, in the month after the period.
pub const LAST_DAY_ON_TIME: u32 = 14;
/// The day a reminder goes to those who have not sent yet.
pub const NUDGE_DAY: u32 = 10;

/// A calendar month reported on: `2027-04`, also on the wire (a string is all the browser's
/// reader needs, where a struct would bring a visitor of its own into the wasm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReportPeriod {
    year: i32,
    month: u32,
}

impl Serialize for ReportPeriod {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for ReportPeriod {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        ReportPeriod::parse(&s).ok_or_else(|| serde::de::Error::custom("not a month YYYY-MM"))
    }
}

impl ReportPeriod {
    /// The month `date` lies in.
    pub fn containing(date: NaiveDate) -> Self {
        ReportPeriod {
            year: date.year(),
            month: date.month(),
        }
    }

    /// A month written `YYYY-MM`, as in a page's address.
    pub fn parse(input: &str) -> Option<Self> {
        let (y, m) = input.trim().split_once('-')?;
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4 || m.len() != 2 || !digits(y) || !digits(m) {
            return None;
        }
        let first = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)?;
        Some(Self::containing(first))
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a month's first day")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("a day before")
    }

    pub fn next(self) -> Self {
        match self.month {
            12 => ReportPeriod {
                year: self.year + 1,
                month: 1,
            },
            m => ReportPeriod {
                year: self.year,
                month: m + 1,
            },
        }
    }

    pub fn previous(self) -> Self {
        match self.month {
            1 => ReportPeriod {
                year: self.year - 1,
                month: 12,
            },
            m => ReportPeriod {
                year: self.year,
                month: m - 1,
            },
        }
    }

    /// How many days the month has.
    pub fn day_count(self) -> u32 {
        (self.last_day() - self.first_day()).num_days() as u32 + 1
    }

    /// Whether an activity on `date` belongs to this report.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// When the report can first be sent: Stockholm midnight on the 1st of the next month.
    pub fn opens_at(self) -> DateTime<Utc> {
        midnight(self.next().first_day())
    }

    /// The first instant the report is late: Stockholm midnight as the 15th of the next
    /// month begins.
    pub fn late_from(self) -> DateTime<Utc> {
        let day = self
            .next()
            .first_day()
            .with_day(LAST_DAY_ON_TIME + 1)
            .expect("every month has a 15th");
        midnight(day)
    }

    /// The day a reminder is sent to those who have not reported.
    pub fn nudge_at(self) -> DateTime<Utc> {
        let day = self
            .next()
            .first_day()
            .with_day(NUDGE_DAY)
            .expect("every month has a 10th");
        midnight(day)
    }

    /// The last day on time, for the page: "senast 14 maj".
    pub fn deadline_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .with_day(LAST_DAY_ON_TIME)
            .expect("every month has a 14th")
    }

    /// The period being reported at `now`: the month before the current Stockholm month.
    pub fn due_at(now: DateTime<Utc>) -> Self {
        Self::containing(stockholm_date(now)).previous()
    }

    /// Whether someone registered at `registered_at` reports this month: not when they
    /// registered after it ended.
    pub fn applies_to(self, registered_at: DateTime<Utc>) -> bool {
        stockholm_date(registered_at) <= self.last_day()
    }

    /// `2027-04`.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// The months someone registered at `registered_at` has to report at `now`: from the month
/// they registered to the one due now, newest first, at most `limit` of them.
pub fn reportable(
    registered_at: DateTime<Utc>,
    now: DateTime<Utc>,
    limit: usize,
) -> Vec<ReportPeriod> {
    let first = ReportPeriod::containing(stockholm_date(registered_at));
    let mut period = ReportPeriod::due_at(now);
    let mut out = Vec::new();
    while period >= first && out.len() < limit {
        out.push(period);
        period = period.previous();
    }
    out
}

fn midnight(date: NaiveDate) -> DateTime<Utc> {
    // Stockholm changes its clocks at 02:00 or 03:00, never at midnight.
    stockholm_to_utc(date, NaiveTime::MIN).expect("midnight exists in Stockholm")
}

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportStatus {
    /// Nothing typed yet, and the deadline has not passed.
    NotStarted,
    /// Saved, not sent, and the deadline has not passed.
    Draft,
    /// Sent by the deadline.
    Sent,
    /// Sent after the deadline.
    SentLate,
    /// Not sent, and the deadline has passed.
    Late,
}

/// The status of `period`'s report at `now`, given when it was sent (if it was) and whether
/// a draft exists.
pub fn status(
    period: ReportPeriod,
    sent_at: Option<DateTime<Utc>>,
    has_draft: bool,
    now: DateTime<Utc>,
) -> ReportStatus {
    match sent_at {
        Some(at) if at < period.late_from() => ReportStatus::Sent,
        Some(_) => ReportStatus::SentLate,
        None if now >= period.late_from() => ReportStatus::Late,
        None if has_draft => ReportStatus::Draft,
        None => ReportStatus::NotStarted,
    }
}

/// A message about a report, each sent once per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reminder {
    /// On the 1st: the report is open, and until when.
    Opened,
    /// On the 10th, if not sent.
    Nudge,
    /// From the 15th, if not sent: recorded in the case, and the seeker told what happens.
    Missed,
}

/// The reminder that is due for `period` at `now` for someone who has not sent it: the
/// latest one whose time has come.
pub fn reminder_due(period: ReportPeriod, sent: bool, now: DateTime<Utc>) -> Option<Reminder> {
    if sent || now < period.opens_at() {
        None
    } else if now >= period.late_from() {
        Some(Reminder::Missed)
    } else if now >= period.nudge_at() {
        Some(Reminder::Nudge)
    } else {
        Some(Reminder::Opened)
    }
}

#[cfg(test)]
mod tests;
