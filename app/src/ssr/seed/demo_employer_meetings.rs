//! The demo employers' meetings with employer counsellors: the kiosk in Göteborg met Lucía
//! Fernández by video last week (held, with her note) and meets her again on the next
//! working day; the care company in Malmö visits Layla Haddad; the logistics firm in Umeå
//! talks to Maria Nyström by phone. The care company's call with Layla and the logistics
//! firm's video meeting with Maria on the last working day still await their outcome. Each
//! at the first of a few hours when the counsellor is free, so the demo loads whatever else
//! is booked.

use super::SeedError;
use crate::{
    domain::{
        case::Outcome,
        employer::need::NeedStatus,
        time::{stockholm_date, stockholm_to_utc},
        BookingId, Channel, Email, StaffId,
    },
    ssr::{
        services::employer_meetings::EMPLOYER_MEETING,
        store::{NewBooking, Party, Store, StoreError},
    },
};
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveTime, Utc, Weekday};

/// Organisation (its user's email), counsellor, way of meeting, working days from today
/// (negative: before), and whether the first open need is what it is about.
const MEETINGS: [(&str, &str, Channel, i64, bool); 6] = [
    (
        "karin.berg@korvkiosken.example",
        "lucia.fernandez@tidbok.example",
        Channel::Video,
        -5,
        true,
    ),
    (
        "karin.berg@korvkiosken.example",
        "lucia.fernandez@tidbok.example",
        Channel::Video,
        1,
        true,
    ),
    (
        "yusuf.karimi@omsorgen.example",
        "layla.haddad@tidbok.example",
        Channel::Office,
        2,
        false,
    ),
    (
        "elin.holmgren@norrlandslogistik.example",
        "maria.nystrom@tidbok.example",
        Channel::Phone,
        3,
        true,
    ),
    (
        "yusuf.karimi@omsorgen.example",
        "layla.haddad@tidbok.example",
        Channel::Phone,
        -1,
        true,
    ),
    (
        "elin.holmgren@norrlandslogistik.example",
        "maria.nystrom@tidbok.example",
        Channel::Video,
        -1,
        false,
    ),
];

/// The note Lucía wrote after the kiosk's first meeting.
const NOTE: &str = "Gick igenom behovet av kockar till sommaren. Arbetsgivaren vill ha \
                    förslag på kandidater med erfarenhet av snabbmat; jag tar fram några till \
                    nästa möte.";

/// The working day `n` working days from `today` (back in time when negative).
fn working_day(today: NaiveDate, n: i64) -> NaiveDate {
    let mut day = today;
    let mut left = n.unsigned_abs();
    while left > 0 {
        day = if n < 0 {
            day - Days::new(1)
        } else {
            day + Days::new(1)
        };
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

pub async fn load(store: &Store, now: DateTime<Utc>) -> Result<usize, SeedError> {
    let failed = |what: &str| SeedError::Staff(format!("demo employer meetings: {what}"));
    let counsellors = store.list_counsellors().await?;
    let today = stockholm_date(now);
    for (i, (user_email, counsellor_email, channel, days, about_need)) in
        MEETINGS.into_iter().enumerate()
    {
        let email = Email::parse(user_email).map_err(|_| failed(user_email))?;
        let user = store
            .employer_credentials(&email)
            .await?
            .ok_or_else(|| failed(user_email))?;
        let user = store
            .employer_user(user.user_id)
            .await?
            .ok_or_else(|| failed(user_email))?;
        let counsellor = counsellors
            .iter()
            .find(|c| c.email == counsellor_email)
            .ok_or_else(|| failed(counsellor_email))?;
        let need_id = if about_need {
            store
                .needs(user.employer_id)
                .await?
                .into_iter()
                .find(|n| n.status() == Some(NeedStatus::Open))
                .map(|n| n.id)
        } else {
            None
        };
        let day = working_day(today, days);
        let mut booked = None;
        for hour in [13, 14, 10, 15, 9, 11] {
            let Some(starts) =
                NaiveTime::from_hms_opt(hour, 0, 0).and_then(|t| stockholm_to_utc(day, t))
            else {
                continue;
            };
            let new = NewBooking {
                with: Party::Employer {
                    employer_id: user.employer_id,
                    user_id: user.id,
                    need_id,
                },
                counsellor_id: counsellor.id,
                meeting_type: EMPLOYER_MEETING,
                channel,
                office_id: (channel == Channel::Office).then_some(counsellor.office_id),
                starts_at: starts,
                ends_at: starts + Duration::minutes(60),
                clear_until: starts + Duration::minutes(75),
                is_first: false,
                video_room: (channel == Channel::Video).then(crate::ssr::video::new_room),
                now: starts.min(now) - Duration::days(2),
                visit_limit: None,
            };
            match store.insert_booking(&new).await {
                Ok(id) => {
                    booked = Some((id, starts));
                    break;
                }
                Err(StoreError::Conflict(_)) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        let (id, starts) = booked.ok_or_else(|| failed(&format!("no free hour on {day}")))?;
        // The first is last week's: held, with the counsellor's note.
        if i == 0 {
            let staff = store
                .staff_credentials(&Email::parse(counsellor_email).map_err(|_| failed("email"))?)
                .await?
                .ok_or_else(|| failed(counsellor_email))?
                .0;
            let after = starts + Duration::minutes(65);
            store
                .set_outcome(BookingId(id), Outcome::Held, StaffId(staff), after)
                .await?;
            store
                .add_employer_note(
                    user.employer_id,
                    Some(BookingId(id)),
                    StaffId(staff),
                    NOTE,
                    after,
                )
                .await?;
        }
    }
    Ok(MEETINGS.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_days_skip_the_weekend_both_ways() {
        let friday = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(
            working_day(friday, 1),
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
        );
        let monday = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(working_day(monday, -1), friday);
        assert_eq!(
            working_day(monday, -5),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        assert_eq!(working_day(monday, 0), monday);
    }
}
