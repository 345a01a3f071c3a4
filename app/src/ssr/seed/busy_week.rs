//! The demo's full week: one counsellor (Sanna Lindqvist, Stockholm City) has 40 meetings
//! next week, in every channel, with demo job seekers. Half are follow-ups of first meetings
//! held last week, each with a note, so the calendar and the case timeline can be
//! tried on something that looks like a real working week. Two first meetings last Friday
//! afternoon still wait for their outcome.

use super::SeedError;
use crate::{
    domain::{
        registration::{AboutForm, ExperienceForm, Password, RegistrationDraft, WishesForm},
        time::stockholm_to_utc,
        BookingId, Channel, Email, SeekerId, StaffId,
    },
    ssr::{
        services::{passwords, registration},
        store::{ByStaff, NewBooking, Party, Store},
    },
};
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveTime, Utc};

/// The counsellor whose next week is full.
pub const BUSY_COUNSELLOR: &str = "sanna.lindqvist@tidbok.example";
/// How many meetings that week holds.
pub const BUSY_MEETINGS: usize = 40;
/// Demo job seekers whose first meeting last Friday (15:30 and 16:30) awaits its outcome.
pub const UNMARKED_MEETINGS: usize = 2;
/// The password of every demo job seeker (`demo.sokande{n}@example.se`, n from 1 to 45).
pub const DEMO_SEEKER_PASSWORD: &str = "demo-sokande-2026";
/// The counsellors with office visits today, around the time the demo is loaded, so that
/// "Jag är här" and the reception's list can be tried at once: the first has two visits
/// (within the half hour, and an hour from then), the second one (within the half hour).
pub const TODAY_COUNSELLORS: [&str; 2] = [
    "abdirahman.warsame@tidbok.example",
    "amira.hassan@tidbok.example",
];
/// Demo job seekers with a visit today: n = 43 and 45 (check-in open at once) and 44.
pub const TODAY_VISITS: usize = 3;
/// The busy week's working day: open time from 08:00 to 17:00.
pub const BUSY_DAY: (u32, u32) = (8, 17);

const FIRST_NAMES: [&str; 20] = [
    "Amina", "Johan", "Fatima", "Erik", "Leila", "Mikael", "Sara", "Ahmed", "Elin", "Oskar",
    "Noor", "Anders", "Hanna", "Yusuf", "Ida", "Daniel", "Samira", "Peter", "Lina", "Omar",
];
const LAST_NAMES: [&str; 10] = [
    "Ali", "Berg", "Hassan", "Lund", "Nilsson", "Svensson", "Mohammed", "Holm", "Ek", "Sandberg",
];
const OCCUPATIONS: [&str; 6] = [
    "ekonomiassistent",
    "redovisningskonsult",
    "loneadministrator",
    "administrativ-assistent",
    "hr-specialist",
    "controller",
];

/// Next week's Monday (from any day of this week).
pub fn next_monday(today: NaiveDate) -> NaiveDate {
    today + Days::new(7 - u64::from(today.weekday().num_days_from_monday()))
}

fn at(date: NaiveDate, minutes: u32) -> Option<DateTime<Utc>> {
    stockholm_to_utc(
        date,
        NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)?,
    )
}

/// A demo personal identity number: born in the 1970s to 1990s, with a valid check digit.
fn personal_number(n: u32) -> String {
    let born = NaiveDate::from_ymd_opt(1972, 3, 1).expect("a date") + Days::new(u64::from(n) * 211);
    let nine = format!("{}{:03}", born.format("%y%m%d"), 400 + n);
    format!(
        "{}{nine}{}",
        born.format("%C"),
        crate::domain::personnummer::luhn_check_digit(&nine)
    )
}

fn draft(n: u32) -> RegistrationDraft {
    let i = n as usize;
    RegistrationDraft {
        about: AboutForm {
            first_name: FIRST_NAMES[i % FIRST_NAMES.len()].into(),
            last_name: LAST_NAMES[(i / 2) % LAST_NAMES.len()].into(),
            personal_number: personal_number(n),
            email: format!("demo.sokande{n}@example.se"),
            phone: format!("070-{:03} {:02} {:02}", 200 + n, n % 100, (n * 7) % 100),
            postcode: "111 20".into(),
            preferred_language: if n.is_multiple_of(5) { "en" } else { "sv" }.into(),
            interpreter: if n % 7 == 3 { "ja" } else { "nej" }.into(),
            interpreter_language: if n % 7 == 3 { "ar" } else { "" }.into(),
            accessibility_needs: if n % 9 == 4 {
                "Använder rullstol; behöver ett rum utan trappor.".into()
            } else {
                String::new()
            },
        },
        experience: ExperienceForm::default(),
        wishes: WishesForm {
            occupations: vec![OCCUPATIONS[i % OCCUPATIONS.len()].into()],
            regions: vec!["stockholm".into()],
            extent: "full".into(),
            earliest_start: String::new(),
            situation: "arbetslos".into(),
        },
        ..Default::default()
    }
}

/// When demo seeker `n` registered: two to three weeks ago, before any meeting of theirs
/// (the earliest are a fortnight before next week), so "days from registration to the first
/// meeting" comes out as it would for real people. Every fourth has been registered for over
/// three months, so the activity reports have earlier months to show.
fn registered(n: u32, now: DateTime<Utc>) -> DateTime<Utc> {
    if n.is_multiple_of(4) {
        now - Duration::days(100 + i64::from(n))
    } else {
        now - Duration::days(15 + i64::from(n % 9))
    }
}

/// Registers the demo job seekers and books the busy week (and the first meetings the
/// follow-ups continue). `counsellor` is the busy counsellor's id, `office` their office.
pub async fn load(
    store: &Store,
    counsellor: i64,
    office: i64,
    now: DateTime<Utc>,
) -> Result<usize, SeedError> {
    let today = crate::domain::time::stockholm_date(now);
    let password = Password::parse(DEMO_SEEKER_PASSWORD).expect("the demo password is valid");
    let hash = passwords::hash(password)
        .await
        .map_err(|_| SeedError::Staff("hashing the demo seekers' password".into()))?;
    let staff = store
        .staff_credentials(&Email::parse(BUSY_COUNSELLOR).expect("a valid email"))
        .await?
        .map(|(id, _)| StaffId(id))
        .ok_or_else(|| SeedError::Staff(format!("{BUSY_COUNSELLOR} has no account")))?;
    let monday = next_monday(today);
    let channels = [Channel::Office, Channel::Phone, Channel::Video];
    let mut booked = 0;
    for day in 0..5u32 {
        let date = monday + Days::new(u64::from(day));
        // Last week: always over, whatever day of this week the demo is loaded.
        let earlier = date - Days::new(14);
        let mut minute = BUSY_DAY.0 * 60;
        for slot in 0..(BUSY_MEETINGS as u32 / 5) {
            let n = day * 8 + slot + 1;
            let seeker =
                registration::register_hashed(store, &draft(n), hash.clone(), registered(n, now))
                    .await
                    .map_err(|e| SeedError::Staff(format!("demo seeker {n}: {e:?}")))?;
            let channel = channels[(n % 3) as usize];
            let follow_up = slot % 2 == 1;
            let (length, buffer) = if follow_up { (30, 15) } else { (45, 15) };
            let (Some(starts), Some(earlier_starts)) = (at(date, minute), at(earlier, minute))
            else {
                continue;
            };
            let booking = |when: DateTime<Utc>, first: bool| NewBooking {
                with: Party::Seeker(seeker),
                counsellor_id: counsellor,
                meeting_type: if first { "first-meeting" } else { "follow-up" },
                channel,
                office_id: (channel == Channel::Office).then_some(office),
                starts_at: when,
                ends_at: when + Duration::minutes(if first { 45 } else { length }),
                clear_until: when + Duration::minutes(if first { 60 } else { length + buffer }),
                is_first: first,
                video_room: (channel == Channel::Video).then(crate::ssr::video::new_room),
                now,
                visit_limit: None,
            };
            if follow_up {
                // Every fourth of these first meetings was booked by staff, on the phone.
                let earlier_first = booking(earlier_starts, true);
                let first = BookingId(if n % 4 == 0 {
                    let by = ByStaff {
                        by: staff,
                        follows: None,
                        arrived_at: None,
                    };
                    store.insert_booking_by(&earlier_first, by).await?
                } else {
                    store.insert_booking(&earlier_first).await?
                });
                // Marked held, and written about, right after that meeting.
                let after = earlier_starts + Duration::minutes(50);
                store
                    .set_outcome(first, crate::domain::case::Outcome::Held, staff, after)
                    .await?;
                store
                    .add_case_note(
                        SeekerId(seeker),
                        Some(first),
                        staff,
                        "Gick igenom cv och önskade yrken. Söker tre jobb till uppföljningen; \
                         vill veta mer om validering av tidigare utbildning.",
                        after,
                    )
                    .await?;
                store
                    .insert_follow_up(&booking(starts, false), staff, first)
                    .await?;
            } else {
                store.insert_booking(&booking(starts, true)).await?;
            }
            booked += 1;
            minute += (length + buffer) as u32;
        }
    }
    // Last Friday afternoon: first meetings nobody has marked held or missed yet.
    let friday = monday - Days::new(10);
    for (i, minute) in [15 * 60 + 30, 16 * 60 + 30].into_iter().enumerate() {
        let n = BUSY_MEETINGS as u32 + 1 + i as u32;
        let seeker =
            registration::register_hashed(store, &draft(n), hash.clone(), registered(n, now))
                .await
                .map_err(|e| SeedError::Staff(format!("demo seeker {n}: {e:?}")))?;
        let Some(starts) = at(friday, minute) else {
            continue;
        };
        let channel = [Channel::Office, Channel::Phone][i];
        let office = (channel == Channel::Office).then_some(office);
        store
            .insert_booking(&first_meeting(
                seeker, counsellor, channel, office, starts, now,
            ))
            .await?;
    }
    todays_visits(store, &hash, now).await?;
    Ok(booked)
}

/// A 45-minute first meeting by office or phone, with a quarter-hour buffer after it.
fn first_meeting(
    seeker: i64,
    counsellor: i64,
    channel: Channel,
    office: Option<i64>,
    starts: DateTime<Utc>,
    now: DateTime<Utc>,
) -> NewBooking {
    NewBooking {
        with: Party::Seeker(seeker),
        counsellor_id: counsellor,
        meeting_type: "first-meeting",
        channel,
        office_id: office,
        starts_at: starts,
        ends_at: starts + Duration::minutes(45),
        clear_until: starts + Duration::minutes(60),
        is_first: true,
        video_room: None,
        now,
        visit_limit: None,
    }
}

/// Three office visits today at Stockholm City (see [`TODAY_COUNSELLORS`]): two starting
/// within the half hour after `now`, so their visitors can check in at once, and one an hour
/// later (or earlier, if that would be tomorrow).
async fn todays_visits(store: &Store, hash: &str, now: DateTime<Utc>) -> Result<(), SeedError> {
    let counsellors = store.list_counsellors().await?;
    let find = |email: &str| {
        counsellors
            .iter()
            .find(|c| c.email == email)
            .ok_or_else(|| SeedError::Staff(format!("{email} is not a demo counsellor")))
    };
    let (first_counsellor, second_counsellor) =
        (find(TODAY_COUNSELLORS[0])?, find(TODAY_COUNSELLORS[1])?);
    let opens = crate::ssr::services::picker::opening_hours(store, first_counsellor.office_id)
        .await
        .map_err(|e| SeedError::Staff(format!("opening hours: {e:?}")))?
        .opens_on(crate::domain::time::stockholm_date(now));
    let (soon, later) = todays_times(now, opens);
    let visits = [
        (first_counsellor, soon),
        (first_counsellor, later),
        (second_counsellor, soon),
    ];
    for (i, (counsellor, starts)) in visits.into_iter().enumerate() {
        let n = (BUSY_MEETINGS + UNMARKED_MEETINGS + 1 + i) as u32;
        let seeker = registration::register_hashed(store, &draft(n), hash.to_owned(), now)
            .await
            .map_err(|e| SeedError::Staff(format!("demo seeker {n}: {e:?}")))?;
        let office = Some(counsellor.office_id);
        store
            .insert_booking(&first_meeting(
                seeker,
                counsellor.id,
                Channel::Office,
                office,
                starts,
                now,
            ))
            .await?;
    }
    Ok(())
}

/// When today's demo visits start: `soon` within the half hour after `now`, or under way
/// when that would be tomorrow (the visit lasts 45 minutes, so its check-in is still open),
/// and `later` an hour after it, or an hour before when that would be tomorrow. In the half
/// hour before the office `opens`, `soon` is a quarter before opening: a visit arranged
/// before opening time is checked in an hour before, as the office is open for it.
fn todays_times(
    now: DateTime<Utc>,
    opens: Option<DateTime<Utc>>,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let quarter = now.timestamp() - now.timestamp().rem_euclid(15 * 60);
    let rounded = DateTime::from_timestamp(quarter, 0).unwrap_or(now);
    let today = crate::domain::time::stockholm_date(now);
    let same_day = |t: DateTime<Utc>| crate::domain::time::stockholm_date(t) == today;
    let soon = Some(rounded + Duration::minutes(30))
        .filter(|t| same_day(*t))
        .unwrap_or(rounded);
    let soon = match opens {
        Some(opens) if now < opens && soon >= opens => opens - Duration::minutes(15),
        _ => soon,
    };
    let later = Some(soon + Duration::hours(1))
        .filter(|t| same_day(*t))
        .unwrap_or(soon - Duration::hours(1));
    (soon, later)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PersonalNumber;

    #[test]
    fn demo_people_have_valid_identity_numbers_and_next_week_starts_on_monday() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        for n in 1..=BUSY_MEETINGS as u32 {
            assert!(
                PersonalNumber::parse(&personal_number(n), today).is_ok(),
                "{}",
                personal_number(n)
            );
        }
        assert_eq!(
            next_monday(today),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            next_monday(monday),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
    }

    /// Whatever minute the demo is loaded at, late at night included, the visitors of
    /// today's first visits can check in at once and see the visit among what is coming.
    #[test]
    fn todays_visits_are_today_and_still_open_for_check_in_at_any_minute() {
        let midnight = crate::domain::time::stockholm_to_utc(
            NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            chrono::NaiveTime::MIN,
        )
        .unwrap();
        let opens = midnight + Duration::hours(9);
        for minute in 0..24 * 60 {
            let now = midnight + Duration::minutes(minute) + Duration::seconds(37);
            let (soon, later) = todays_times(now, Some(opens));
            let today = crate::domain::time::stockholm_date(now);
            for t in [soon, later] {
                assert_eq!(crate::domain::time::stockholm_date(t), today, "at {now}");
            }
            // Check-in is open now, the office's opening considered, and stays open a while.
            let end = soon + Duration::minutes(45);
            assert_eq!(
                crate::domain::arrival::check_in(soon, end, None, Some(opens), now),
                crate::domain::arrival::CheckIn::Open,
                "at {now}: check-in for {soon}"
            );
            assert!(
                soon + Duration::minutes(45) > now + Duration::minutes(20),
                "at {now}"
            );
            assert_eq!((later - soon).num_minutes().abs(), 60, "at {now}");
        }
    }
}
