//! The demo's assisted service, done the way the desk does it, so /personal/personer shows
//! each state. At Göteborg Centrum, Emina Hodžić looked up Hanna Abdi when she came by
//! without a booking (not found), registered her with the same five steps, booked her first
//! meeting at the office and wrote the visit into her case; Hanna has her link to choose a password (like every demo email it is
//! not written). Omar Farah began registering online, read his code out at the desk, and his
//! draft waits there half done. At Stockholm City, Sanna Lindqvist registered Ali Yusuf on
//! the phone and booked his first meeting, held last week; she also took a call from one of
//! her job seekers and noted it.

use super::SeedError;
use crate::{
    domain::{
        access_log::AccessReason,
        booking::SlotChoice,
        choices::{ContactKind, SearchReason},
        registration::{AboutForm, RegistrationDraft, WishesForm},
        Channel, SeekerId, StaffId,
    },
    ssr::{
        secret::SecretToken,
        services::{booking, picker, registration as reg},
        store::{Confirmed, NewLink, SignIn, Store},
    },
};
use chrono::{DateTime, Duration, Utc};

/// The people the demo's staff registered (Hanna Abdi at the desk, Ali Yusuf on the phone).
pub const REGISTERED_AT_DESK: usize = 2;

const DESK: &str = "emina.hodzic@tidbok.example";
const CALLED: &str = "sanna.lindqvist@tidbok.example";

fn about(first: &str, last: &str, number: &str, email: &str) -> AboutForm {
    AboutForm {
        first_name: first.into(),
        last_name: last.into(),
        personal_number: number.into(),
        email: email.into(),
        phone: "070-412 33 90".into(),
        postcode: "416 64".into(),
        preferred_language: "sv".into(),
        interpreter: "ja".into(),
        interpreter_language: "so".into(),
        accessibility_needs: String::new(),
    }
}

pub(super) async fn load(store: &Store, now: DateTime<Utc>) -> Result<(), SeedError> {
    let staff = store.list_staff().await?;
    let id_of = |email: &str| {
        staff
            .iter()
            .find(|s| s.email == email)
            .map(|s| s.member.clone())
    };
    let (Some(desk), Some(called)) = (id_of(DESK), id_of(CALLED)) else {
        return Ok(());
    };
    let Some(goteborg) = desk.office_id else {
        return Ok(());
    };
    let failed = |e| SeedError::Staff(format!("assisted demo: {e:?}"));

    // Hanna Abdi at the desk on the last working day: not found, registered, the visit
    // noted.
    let mut visit = now - Duration::days(1);
    while matches!(
        chrono::Datelike::weekday(&crate::domain::time::stockholm_date(visit)),
        chrono::Weekday::Sat | chrono::Weekday::Sun
    ) {
        visit -= Duration::days(1);
    }
    let hanna = about("Hanna", "Abdi", "19950312-2385", "hanna.abdi@example.se");
    store
        .log_search(
            StaffId(desk.id),
            None,
            AccessReason::Search(SearchReason::Visit),
            "19950312-****",
            "",
            visit,
        )
        .await?;
    let draft = RegistrationDraft {
        about: hanna,
        wishes: WishesForm {
            occupations: vec!["underskoterska".into()],
            regions: vec!["vastra-gotaland".into()],
            extent: "full".into(),
            earliest_start: String::new(),
            situation: "ny-i-sverige".into(),
        },
        ..Default::default()
    };
    let token = SecretToken::generate();
    let link = NewLink {
        token_key: token.key(),
        secret: token.as_str().to_owned(),
        expires_at: visit + Duration::days(7),
    };
    let sign_in = SignIn::Link {
        by_staff: desk.id,
        link,
    };
    let seeker = reg::create(store, &draft, sign_in, visit)
        .await
        .map_err(failed)?;
    store
        .add_contact_note(
            SeekerId(seeker),
            ContactKind::WalkIn,
            StaffId(desk.id),
            "Kom förbi utan bokning och ville skriva in sig. Vi gick igenom stegen tillsammans; \
             hon väljer lösenord hemma. Första mötet bokat här på kontoret.",
            visit + Duration::minutes(25),
        )
        .await?;
    // Her first meeting, booked for her at the desk with the picker she would have used.
    if let Some(profile) = store.seeker_profile(seeker).await? {
        let at = visit + Duration::minutes(20);
        let offered = picker::picker(store, &profile, Channel::Office, Some(goteborg), None, at)
            .await
            .map_err(|e| SeedError::Staff(format!("assisted demo picker: {e:?}")))?;
        let first_time = offered
            .offer
            .days
            .iter()
            .flat_map(|d| d.times.iter())
            .find(|t| t.slot.start > now + Duration::days(1));
        if let Some(t) = first_time {
            let choice = SlotChoice {
                counsellor_id: t.counsellor_id,
                start: t.slot.start,
            };
            let by = Some(StaffId(desk.id));
            booking::book_as(
                store,
                &profile,
                by,
                Channel::Office,
                Some(goteborg),
                choice,
                at,
            )
            .await
            .map_err(|e| SeedError::Staff(format!("assisted demo booking: {e:?}")))?;
        }
    }

    // Omar Farah's draft, begun online and continued at the desk this morning.
    let omar = SecretToken::generate().key();
    store
        .save_draft(
            &omar,
            &serde_json::to_string(&RegistrationDraft {
                about: about("Omar", "Farah", "19880921-1413", "omar.farah@example.se"),
                ..Default::default()
            })
            .map_err(|e| SeedError::Staff(e.to_string()))?,
            now - Duration::hours(3),
        )
        .await?;
    store
        .hold_draft(
            &omar,
            goteborg,
            desk.id,
            Confirmed::CodeRead,
            now - Duration::hours(2),
        )
        .await?;

    // Ali Yusuf phoned Stockholm City three weeks ago: Sanna registered him and booked his
    // first meeting by phone, held last week (so the figures have both sides).
    let called_at = visit - Duration::days(21);
    let ali = RegistrationDraft {
        about: AboutForm {
            postcode: "111 20".into(),
            phone: "070-518 22 41".into(),
            interpreter: "nej".into(),
            interpreter_language: String::new(),
            ..about("Ali", "Yusuf", "19790604-3372", "ali.yusuf@example.se")
        },
        wishes: WishesForm {
            occupations: vec!["ekonomiassistent".into()],
            regions: vec!["stockholm".into()],
            extent: "full".into(),
            earliest_start: String::new(),
            situation: "arbetslos".into(),
        },
        ..Default::default()
    };
    let token = SecretToken::generate();
    let sign_in = SignIn::Link {
        by_staff: called.id,
        link: NewLink {
            token_key: token.key(),
            secret: token.as_str().to_owned(),
            expires_at: called_at + Duration::days(7),
        },
    };
    let ali = reg::create(store, &ali, sign_in, called_at)
        .await
        .map_err(failed)?;
    if let Some(counsellor) = called.counsellor_id {
        held_by_phone(store, ali, counsellor, StaffId(called.id), now).await?;
    }

    // A call to Sanna from one of her job seekers.
    if let Some(person) = store
        .calendar_meetings(
            called.counsellor_id.unwrap_or_default(),
            now - Duration::days(14),
            now,
        )
        .await?
        .into_iter()
        .find_map(|m| m.seeker_id)
    {
        store
            .add_contact_note(
                SeekerId(person),
                ContactKind::Call,
                StaffId(called.id),
                "Ringde och frågade hur aktivitetsrapporten lämnas. Visade var den finns på \
                 Mina sidor.",
                now - Duration::days(2),
            )
            .await?;
    }
    Ok(())
}

/// A first meeting by phone with `counsellor`, booked by `by`, on a weekday afternoon of last
/// week that is still free in their calendar, and marked held.
async fn held_by_phone(
    store: &Store,
    seeker: i64,
    counsellor: i64,
    by: StaffId,
    now: DateTime<Utc>,
) -> Result<(), SeedError> {
    use crate::{
        domain::{case::Outcome, time::stockholm_to_utc, BookingId},
        ssr::store::{ByStaff, NewBooking, Party},
    };
    let today = crate::domain::time::stockholm_date(now);
    for back in 7..=11u64 {
        let day = today - chrono::Days::new(back);
        if matches!(
            chrono::Datelike::weekday(&day),
            chrono::Weekday::Sat | chrono::Weekday::Sun
        ) {
            continue;
        }
        for hour in [13, 14, 15] {
            let Some(starts) =
                chrono::NaiveTime::from_hms_opt(hour, 0, 0).and_then(|t| stockholm_to_utc(day, t))
            else {
                continue;
            };
            let new = NewBooking {
                with: Party::Seeker(seeker),
                counsellor_id: counsellor,
                meeting_type: "first-meeting",
                channel: Channel::Phone,
                office_id: None,
                starts_at: starts,
                ends_at: starts + Duration::minutes(45),
                clear_until: starts + Duration::minutes(60),
                is_first: true,
                video_room: None,
                now: starts - Duration::days(7),
                visit_limit: None,
            };
            let staff = ByStaff {
                by,
                follows: None,
                arrived_at: None,
            };
            if let Ok(id) = store.insert_booking_by(&new, staff).await {
                let after = starts + Duration::minutes(50);
                store
                    .set_outcome(BookingId(id), Outcome::Held, by, after)
                    .await?;
                return Ok(());
            }
        }
    }
    Ok(())
}
