//! Offices and their opening hours.

use super::{Email, PhoneNumber, Postcode};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub postcode: Postcode,
    pub city: String,
}

/// One opening span on one weekday, in local (Europe/Stockholm) wall-clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningSpan {
    pub weekday: Weekday,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

/// The weekly opening hours of an office: any number of spans a day that never overlap,
/// Monday first and each day's spans in order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OpeningHours(Vec<OpeningSpan>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpeningHoursError {
    #[error("`{0}` is not `day=HH:MM-HH:MM`")]
    Malformed(String),
    #[error("unknown weekday `{0}`")]
    UnknownDay(String),
    #[error("{0} closes before it opens")]
    ClosesBeforeOpening(String),
    #[error("{0} has spans that overlap")]
    Overlap(String),
}

impl OpeningHours {
    pub fn new(mut spans: Vec<OpeningSpan>) -> Result<Self, OpeningHoursError> {
        spans.sort_by_key(|s| (s.weekday.num_days_from_monday(), s.opens));
        if let Some(bad) = spans.iter().find(|s| s.opens >= s.closes) {
            return Err(OpeningHoursError::ClosesBeforeOpening(
                bad.weekday.to_string(),
            ));
        }
        for pair in spans.windows(2) {
            if pair[0].weekday == pair[1].weekday && pair[1].opens < pair[0].closes {
                return Err(OpeningHoursError::Overlap(pair[0].weekday.to_string()));
            }
        }
        Ok(Self(spans))
    }

    /// Parses the compact form used in seed files and configuration:
    /// `mon=09:00-16:00;thu=09:00-18:00`.
    pub fn parse(input: &str) -> Result<Self, OpeningHoursError> {
        let spans = input
            .split(';')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(|part| {
                let malformed = || OpeningHoursError::Malformed(part.to_owned());
                let (day, times) = part.split_once('=').ok_or_else(malformed)?;
                let (opens, closes) = times.split_once('-').ok_or_else(malformed)?;
                let weekday: Weekday = day
                    .trim()
                    .parse()
                    .map_err(|_| OpeningHoursError::UnknownDay(day.to_owned()))?;
                let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M");
                Ok(OpeningSpan {
                    weekday,
                    opens: time(opens).map_err(|_| malformed())?,
                    closes: time(closes).map_err(|_| malformed())?,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Self::new(spans)
    }

    pub fn spans(&self) -> &[OpeningSpan] {
        &self.0
    }

    /// The spans of `weekday`, earliest first (none when the office is closed that day).
    pub fn on(&self, weekday: Weekday) -> impl Iterator<Item = &OpeningSpan> + '_ {
        self.0.iter().filter(move |s| s.weekday == weekday)
    }

    /// When the office first opens on `date`, if it opens that day.
    pub fn opens_on(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        self.on(date.weekday())
            .next()
            .and_then(|s| super::time::stockholm_to_utc(date, s.opens))
    }
}

/// What a job seeker needs to know about an office before choosing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeSummary {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub address: Address,
    pub phone: PhoneNumber,
    pub email: Email,
    pub opening_hours: OpeningHours,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn parses_the_compact_form_in_weekday_order() {
        let hours = OpeningHours::parse("thu=09:00-18:00; mon=08:30-16:00").unwrap();
        assert_eq!(
            hours.spans(),
            &[
                OpeningSpan {
                    weekday: Weekday::Mon,
                    opens: t(8, 30),
                    closes: t(16, 0)
                },
                OpeningSpan {
                    weekday: Weekday::Thu,
                    opens: t(9, 0),
                    closes: t(18, 0)
                },
            ]
        );
        assert_eq!(hours.on(Weekday::Tue).count(), 0);
        let split = OpeningHours::parse("tue=13:00-16:00;tue=09:00-12:00").unwrap();
        let tuesday: Vec<_> = split
            .on(Weekday::Tue)
            .map(|s| (s.opens, s.closes))
            .collect();
        assert_eq!(tuesday, vec![(t(9, 0), t(12, 0)), (t(13, 0), t(16, 0))]);
    }

    #[test]
    fn refuses_what_cannot_be_opening_hours() {
        assert!(matches!(
            OpeningHours::parse("mon=16:00-09:00"),
            Err(OpeningHoursError::ClosesBeforeOpening(_))
        ));
        assert!(matches!(
            OpeningHours::parse("mon=09:00-16:00;mon=10:00-11:00"),
            Err(OpeningHoursError::Overlap(_))
        ));
        assert!(matches!(
            OpeningHours::parse("funday=09:00-16:00"),
            Err(OpeningHoursError::UnknownDay(_))
        ));
        assert!(matches!(
            OpeningHours::parse("mon 09-16"),
            Err(OpeningHoursError::Malformed(_))
        ));
    }
}
