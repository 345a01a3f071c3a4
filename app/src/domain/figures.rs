//! Follow-up figures for an office and its counsellors over a period: how many registered
//! and booked by themselves online, how many did not come, how long from registration to the
//! first meeting, how long visitors waited at the office, and when in the day visits fall.

use super::{
    capacity::local_hour,
    field_error::{FieldError, FieldErrors},
    time::parse_iso_date,
    BookingStatus, Channel,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One meeting in the period, with what the figures need of it and its seeker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFact {
    pub counsellor_id: i64,
    pub starts_at: DateTime<Utc>,
    pub status: BookingStatus,
    pub channel: Channel,
    pub is_first: bool,
    /// The seeker booked it themselves (not staff).
    pub booked_online: bool,
    /// The seeker registered themselves online.
    pub registered_online: bool,
    pub registered_at: DateTime<Utc>,
    pub arrived_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
}

/// The middle and the mean of some numbers, and how many there were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    pub count: u32,
    pub median: Option<f64>,
    pub mean: Option<f64>,
}

impl Spread {
    pub fn of(mut values: Vec<f64>) -> Spread {
        values.retain(|v| v.is_finite());
        if values.is_empty() {
            return Spread::default();
        }
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        };
        Spread {
            count: u32::try_from(n).unwrap_or(u32::MAX),
            median: Some(median),
            mean: Some(values.iter().sum::<f64>() / n as f64),
        }
    }
}

/// The figures for one office or one counsellor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// First meetings in the period that were not cancelled.
    pub first_meetings: u32,
    /// Of those, the seeker registered and booked online by themselves.
    pub self_service: u32,
    pub held: u32,
    pub no_shows: u32,
    /// Days from registration to the first meeting.
    pub days_to_first: Spread,
    /// Minutes visitors waited at the office (from arrival, or from the booked time if they
    /// came early, until the counsellor fetched them).
    pub waiting_minutes: Spread,
    /// Office visits (not cancelled) by the Stockholm hour they start in, 0–23.
    pub visits_by_hour: Vec<u32>,
    /// How the people of the first meetings registered and booked, for each way of meeting
    /// (every channel, in `Channel::ALL` order); the office's or counsellor's totals are
    /// their sum.
    pub by_channel: Vec<ChannelShare>,
}

/// First meetings of one way of meeting, by how the person registered and who booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelShare {
    pub channel: Channel,
    pub first_meetings: u32,
    /// The person registered themselves online.
    pub registered_online: u32,
    /// The person was registered by staff, at the desk or on the phone.
    pub registered_with_staff: u32,
    /// Staff booked the meeting for the person.
    pub booked_by_staff: u32,
}

impl ChannelShare {
    fn empty(channel: Channel) -> Self {
        ChannelShare {
            channel,
            first_meetings: 0,
            registered_online: 0,
            registered_with_staff: 0,
            booked_by_staff: 0,
        }
    }

    /// The sum over every way of meeting.
    pub fn total(shares: &[ChannelShare]) -> (u32, u32, u32) {
        shares.iter().fold((0, 0, 0), |(a, b, c), s| {
            (
                a + s.registered_online,
                b + s.registered_with_staff,
                c + s.booked_by_staff,
            )
        })
    }

    pub fn registered_online_percent(&self) -> Option<u32> {
        percent(self.registered_online, self.first_meetings)
    }

    pub fn registered_with_staff_percent(&self) -> Option<u32> {
        percent(self.registered_with_staff, self.first_meetings)
    }

    pub fn booked_by_staff_percent(&self) -> Option<u32> {
        percent(self.booked_by_staff, self.first_meetings)
    }
}

/// How the figures' CSV file is written. Swedish Excel opens a file with a byte-order mark,
/// semicolons and decimal commas correctly (its default list separator is `;`), so that is
/// the default; the plain form (commas, decimal points) suits other programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    #[default]
    Excel,
    Plain,
}

impl CsvStyle {
    /// From the download link's `format` parameter: `komma` is the plain form, anything
    /// else (or nothing) the Excel form.
    pub fn from_query(value: Option<&str>) -> Self {
        match value {
            Some("komma") => CsvStyle::Plain,
            _ => CsvStyle::Excel,
        }
    }

    pub fn delimiter(self) -> u8 {
        match self {
            CsvStyle::Excel => b';',
            CsvStyle::Plain => b',',
        }
    }

    /// A number with one decimal, in this form's decimal sign.
    pub fn decimal(self, v: f64) -> String {
        let text = format!("{v:.1}");
        match self {
            CsvStyle::Excel => text.replace('.', ","),
            CsvStyle::Plain => text,
        }
    }
}

/// Why a follow-up period was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodError {
    /// Not a date written `YYYY-MM-DD`.
    Date,
    /// The end lies before the start.
    Order,
    /// More than [`MAX_PERIOD_DAYS`] days.
    TooLong,
}

/// The longest period figures are computed for.
pub const MAX_PERIOD_DAYS: i64 = 366;

/// The period from `from` to `to`, both days included, or each refused field by name.
pub fn parse_period(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate), FieldErrors> {
    let first = parse_iso_date(from);
    let last = parse_iso_date(to);
    let mut errors = FieldErrors::new();
    if first.is_none() {
        errors.insert("fran".to_owned(), FieldError::Period(PeriodError::Date));
    }
    if last.is_none() {
        errors.insert("till".to_owned(), FieldError::Period(PeriodError::Date));
    }
    let (Some(first), Some(last)) = (first, last) else {
        return Err(errors);
    };
    if last < first {
        return Err(FieldErrors::from([(
            "till".to_owned(),
            FieldError::Period(PeriodError::Order),
        )]));
    }
    if (last - first).num_days() >= MAX_PERIOD_DAYS {
        return Err(FieldErrors::from([(
            "till".to_owned(),
            FieldError::Period(PeriodError::TooLong),
        )]));
    }
    Ok((first, last))
}

/// A share in whole percent, or `None` of nothing.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| ((f64::from(part) * 100.0 / f64::from(whole)).round()) as u32)
}

impl Figures {
    pub fn of<'a>(facts: impl IntoIterator<Item = &'a MeetingFact>) -> Figures {
        let mut f = Figures {
            visits_by_hour: vec![0; 24],
            by_channel: Channel::ALL.map(ChannelShare::empty).to_vec(),
            ..Figures::default()
        };
        let mut days = Vec::new();
        let mut waits = Vec::new();
        for m in facts {
            let live = m.status != BookingStatus::Cancelled;
            match m.status {
                BookingStatus::Held => f.held += 1,
                BookingStatus::NoShow => f.no_shows += 1,
                BookingStatus::Booked | BookingStatus::Cancelled => {}
            }
            if m.is_first && live {
                f.first_meetings += 1;
                if m.booked_online && m.registered_online {
                    f.self_service += 1;
                }
                if let Some(c) = f.by_channel.iter_mut().find(|c| c.channel == m.channel) {
                    c.first_meetings += 1;
                    if m.registered_online {
                        c.registered_online += 1;
                    } else {
                        c.registered_with_staff += 1;
                    }
                    if !m.booked_online {
                        c.booked_by_staff += 1;
                    }
                }
                // A meeting before the registration (someone registered afterwards, at the
                // office) says nothing about waiting: left out, so the figure is never negative.
                if m.starts_at >= m.registered_at {
                    days.push((m.starts_at - m.registered_at).num_minutes() as f64 / (60.0 * 24.0));
                }
            }
            if m.channel == Channel::Office && live {
                let (_, hour) = local_hour(m.starts_at);
                f.visits_by_hour[hour as usize] += 1;
                if let (Some(arrived), Some(received)) = (m.arrived_at, m.received_at) {
                    waits.push(
                        super::arrival::waited_minutes(arrived, m.starts_at, received) as f64,
                    );
                }
            }
        }
        f.days_to_first = Spread::of(days);
        f.waiting_minutes = Spread::of(waits);
        f
    }

    pub fn self_service_percent(&self) -> Option<u32> {
        percent(self.self_service, self.first_meetings)
    }

    /// The first meetings whose person was registered by staff, and their share.
    pub fn registered_with_staff(&self) -> (u32, Option<u32>) {
        let (_, staff, _) = ChannelShare::total(&self.by_channel);
        (staff, percent(staff, self.first_meetings))
    }

    /// The first meetings staff booked for the person, and their share.
    pub fn booked_by_staff(&self) -> (u32, Option<u32>) {
        let (_, _, staff) = ChannelShare::total(&self.by_channel);
        (staff, percent(staff, self.first_meetings))
    }

    /// No-shows of the meetings whose outcome is recorded.
    pub fn no_show_percent(&self) -> Option<u32> {
        percent(self.no_shows, self.held + self.no_shows)
    }

    /// The first and last hour with visits, if any.
    pub fn busy_hours(&self) -> Option<(usize, usize)> {
        let first = self.visits_by_hour.iter().position(|n| *n > 0)?;
        let last = self.visits_by_hour.iter().rposition(|n| *n > 0)?;
        Some((first, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    fn fact(status: BookingStatus, first: bool, online: bool) -> MeetingFact {
        let starts = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        MeetingFact {
            counsellor_id: 1,
            starts_at: starts,
            status,
            channel: Channel::Office,
            is_first: first,
            booked_online: online,
            registered_online: true,
            registered_at: starts - Duration::days(4),
            arrived_at: None,
            received_at: None,
        }
    }

    #[test]
    fn the_figures_of_a_small_period() {
        let mut waited = fact(BookingStatus::Held, true, true);
        waited.arrived_at = Some(waited.starts_at - Duration::minutes(5));
        waited.received_at = Some(waited.starts_at + Duration::minutes(12));
        let mut by_staff = fact(BookingStatus::NoShow, true, false);
        by_staff.registered_at = by_staff.starts_at - Duration::days(10);
        let facts = [
            waited,
            by_staff,
            fact(BookingStatus::Held, false, false),
            fact(BookingStatus::Cancelled, true, true),
            MeetingFact {
                channel: Channel::Phone,
                ..fact(BookingStatus::Booked, true, true)
            },
        ];
        let f = Figures::of(&facts);
        assert_eq!(f.first_meetings, 3);
        assert_eq!(f.self_service, 2);
        assert_eq!(f.self_service_percent(), Some(67));
        assert_eq!((f.held, f.no_shows), (2, 1));
        assert_eq!(f.no_show_percent(), Some(33));
        assert_eq!(f.days_to_first.median, Some(4.0));
        assert_eq!(f.days_to_first.mean, Some(6.0));
        assert_eq!(f.waiting_minutes.count, 1);
        assert_eq!(f.waiting_minutes.median, Some(12.0));
        // 09:00 UTC is 10:00 in Stockholm; three office visits are live (one is by phone).
        assert_eq!(f.visits_by_hour[10], 3);
        assert_eq!(f.busy_hours(), Some((10, 10)));
    }

    #[test]
    fn first_meetings_by_channel_say_how_people_registered_and_who_booked() {
        let with_staff = |channel, booked_online| MeetingFact {
            channel,
            registered_online: false,
            ..fact(BookingStatus::Booked, true, booked_online)
        };
        let facts = [
            fact(BookingStatus::Held, true, true),
            with_staff(Channel::Office, false),
            with_staff(Channel::Phone, false),
            // Registered at the desk, booked online by themselves afterwards.
            with_staff(Channel::Phone, true),
            with_staff(Channel::Video, false),
            // Not a first meeting, or not a live one: not counted.
            MeetingFact {
                is_first: false,
                ..with_staff(Channel::Video, false)
            },
            MeetingFact {
                status: BookingStatus::Cancelled,
                ..with_staff(Channel::Office, false)
            },
        ];
        let f = Figures::of(&facts);
        let share = |ch| *f.by_channel.iter().find(|c| c.channel == ch).unwrap();
        assert_eq!(f.by_channel.len(), 3);
        let office = share(Channel::Office);
        assert_eq!(
            (
                office.first_meetings,
                office.registered_online,
                office.registered_with_staff
            ),
            (2, 1, 1)
        );
        assert_eq!(office.booked_by_staff, 1);
        assert_eq!(office.registered_online_percent(), Some(50));
        let phone = share(Channel::Phone);
        assert_eq!(
            (
                phone.first_meetings,
                phone.registered_with_staff,
                phone.booked_by_staff
            ),
            (2, 2, 1)
        );
        assert_eq!(phone.registered_with_staff_percent(), Some(100));
        assert_eq!(share(Channel::Video).first_meetings, 1);
        assert_eq!(f.first_meetings, 5);
        assert_eq!(f.registered_with_staff(), (4, Some(80)));
        assert_eq!(f.booked_by_staff(), (3, Some(60)));
    }

    /// Someone registered after their meeting (at the office, say) is left out of the days
    /// to the first meeting rather than making the figure negative.
    #[test]
    fn a_meeting_before_registration_does_not_count_as_days_to_it() {
        let mut before = fact(BookingStatus::Held, true, false);
        before.registered_at = before.starts_at + Duration::days(6);
        let f = Figures::of(&[before, fact(BookingStatus::Held, true, true)]);
        assert_eq!(f.first_meetings, 2);
        assert_eq!(f.days_to_first.count, 1);
        assert_eq!(f.days_to_first.median, Some(4.0));
    }

    #[test]
    fn nothing_gives_no_shares() {
        let f = Figures::of(&[]);
        assert_eq!(f.self_service_percent(), None);
        assert_eq!(f.no_show_percent(), None);
        assert_eq!(f.days_to_first, Spread::default());
        assert_eq!(f.busy_hours(), None);
    }

    #[test]
    fn periods_are_dates_in_order_and_at_most_a_year() {
        let d = |s: &str| parse_iso_date(s).unwrap();
        let refused = |key: &str, e| (key.to_owned(), FieldError::Period(e));
        assert_eq!(
            parse_period("2026-11-01", "2026-11-30"),
            Ok((d("2026-11-01"), d("2026-11-30")))
        );
        assert_eq!(
            parse_period("1 nov", ""),
            Err(FieldErrors::from([
                refused("fran", PeriodError::Date),
                refused("till", PeriodError::Date)
            ]))
        );
        assert_eq!(
            parse_period("2026-11-30", "2026-11-01"),
            Err(FieldErrors::from([refused("till", PeriodError::Order)]))
        );
        assert_eq!(
            parse_period("2025-01-01", "2026-11-01"),
            Err(FieldErrors::from([refused("till", PeriodError::TooLong)]))
        );
    }

    #[test]
    fn median_of_an_even_count_is_the_middle_two() {
        assert_eq!(Spread::of(vec![4.0, 1.0, 3.0, 2.0]).median, Some(2.5));
    }

    proptest! {
        /// Shares stay within 0–100 %, counts add up, and the median lies between the
        /// smallest and the largest value.
        #[test]
        fn figures_are_consistent(
            rows in prop::collection::vec((0usize..4, any::<bool>(), any::<bool>(), -30i64..90), 0..40),
        ) {
            let facts: Vec<MeetingFact> = rows.iter().map(|(s, first, online, days)| {
                let mut f = fact(BookingStatus::ALL[*s], *first, *online);
                f.registered_at = f.starts_at - Duration::days(*days);
                f
            }).collect();
            let f = Figures::of(&facts);
            prop_assert!(f.self_service <= f.first_meetings);
            // Every first meeting is counted once, under its channel, as registered one
            // way or the other.
            prop_assert_eq!(f.by_channel.iter().map(|c| c.first_meetings).sum::<u32>(), f.first_meetings);
            for c in &f.by_channel {
                prop_assert_eq!(c.registered_online + c.registered_with_staff, c.first_meetings);
                prop_assert!(c.booked_by_staff <= c.first_meetings);
            }
            prop_assert!(f.self_service_percent().is_none_or(|p| p <= 100));
            prop_assert!(f.no_show_percent().is_none_or(|p| p <= 100));
            prop_assert_eq!(f.visits_by_hour.iter().sum::<u32>() as usize,
                facts.iter().filter(|m| m.status != BookingStatus::Cancelled).count());
            if let (Some(median), Some(mean)) = (f.days_to_first.median, f.days_to_first.mean) {
                prop_assert!((0.0..=90.0).contains(&median));
                prop_assert!((0.0..=90.0).contains(&mean));
            }
        }
    }

    #[test]
    fn the_csv_forms_differ_in_separator_and_decimal_sign() {
        assert_eq!(CsvStyle::from_query(None), CsvStyle::Excel);
        assert_eq!(CsvStyle::from_query(Some("komma")), CsvStyle::Plain);
        assert_eq!(CsvStyle::from_query(Some("x")), CsvStyle::Excel);
        assert_eq!(CsvStyle::Excel.decimal(3.24), "3,2");
        assert_eq!(CsvStyle::Plain.decimal(12.06), "12.1");
        assert_eq!(CsvStyle::Excel.delimiter(), b';');
        assert_eq!(CsvStyle::Plain.delimiter(), b',');
    }
}
