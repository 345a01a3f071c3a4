//! Employers' meetings in the store and its services, against SQLite and PostgreSQL, with the
//! demo's employers and employer counsellors: only counsellors who serve employers are
//! offered (the organisation's own office first), a meeting is a booking with the employer
//! and not with a seeker, it reaches the counsellor's calendar and the booker's inbox, and
//! one organisation can never see, move or cancel another's. The database itself keeps a
//! meeting with one party, and the user and the need the meeting's organisation's.

use crate::support::{self, Backend, TestDb};
use app::{
    domain::{
        booking::{CancelForm, SlotChoice},
        choices::EmployerCancelReason,
        BookingId, BookingStatus, Channel, Email,
    },
    ssr::{
        services::{
            booking::BookError,
            employer_meetings::{self as service, EmployerBooking, EmployerPickerQuery},
        },
        store::{EmployerUserRow, NewBooking, Party, Store, StoreError},
    },
};
use chrono::{DateTime, Duration, TimeZone, Utc};

on_both_backends!(
    an_employer_books_only_employer_counsellors_and_sees_its_meeting_everywhere,
    one_organisation_never_reaches_anothers_meeting,
    the_database_keeps_a_meeting_with_one_party_of_one_organisation,
);

/// Tuesday 24 November 2026, 09:00 in Stockholm: the demo (loaded the day before) has open
/// time from then on.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap()
}

async fn user(store: &Store, email: &str) -> EmployerUserRow {
    let credentials = store
        .employer_credentials(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{email} is a demo employer's user"));
    store
        .employer_user(credentials.user_id)
        .await
        .unwrap()
        .unwrap()
}

async fn video_times(store: &Store, me: &EmployerUserRow) -> Vec<SlotChoice> {
    let query = EmployerPickerQuery {
        channel: Some(Channel::Video),
        channel_given: true,
        ..EmployerPickerQuery::default()
    };
    let view = service::picker_view(store, me, query, now()).await.unwrap();
    view.times
        .days
        .iter()
        .flat_map(|d| d.times.iter())
        .map(|t| SlotChoice::parse(&t.value).unwrap())
        .collect()
}

fn wanted(choice: SlotChoice) -> EmployerBooking {
    EmployerBooking {
        need: None,
        channel: Channel::Video,
        office: None,
        choice,
    }
}

async fn an_employer_books_only_employer_counsellors_and_sees_its_meeting_everywhere(
    backend: Backend,
) {
    let (db, store) = support::seeded(backend).await;
    let me = user(&store, "karin.berg@korvkiosken.example").await;
    let counsellors = store.list_counsellors().await.unwrap();
    let query = EmployerPickerQuery {
        channel: Some(Channel::Video),
        channel_given: true,
        ..EmployerPickerQuery::default()
    };
    let view = service::picker_view(&store, &me, query, now())
        .await
        .unwrap();
    // Korvkiosken is served from Göteborg, where Lucía Fernández meets employers by video.
    assert_eq!(
        view.local_office.as_deref(),
        Some("Kontor Göteborg Centrum")
    );
    let times = video_times(&store, &me).await;
    assert!(!times.is_empty(), "employer counsellors have video times");
    for t in &times {
        let c = counsellors
            .iter()
            .find(|c| c.id == t.counsellor_id)
            .unwrap();
        assert!(
            c.serves_employers,
            "{} does not serve employers",
            c.last_name
        );
        assert_eq!(c.last_name, "Fernández");
    }
    // No office visit with an employer counsellor in Göteborg: the visit offices are others.
    assert!(view.offices.iter().all(|o| !o.name.contains("Göteborg")));

    let id = service::book(&store, &me, wanted(times[0]), now())
        .await
        .unwrap_or_else(|e| panic!("booked: {e:?}"));
    // A second confirm of the same time finds the same meeting.
    let again = service::book(&store, &me, wanted(times[0]), now()).await;
    assert!(matches!(again, Ok(same) if same == id), "{again:?}");
    let b = store
        .employer_meeting(me.employer_id, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (b.seeker_id, b.employer_id, b.employer_user_id),
        (None, Some(me.employer_id), Some(me.id))
    );
    assert_eq!(b.meeting_type, "employer-meeting");
    assert!(b.video_room.is_some());
    assert_eq!(
        b.employer_name.as_deref(),
        Some("Korvkiosken på Stora torget AB")
    );

    // The counsellor's calendar shows it, with whom.
    let day = store
        .calendar_meetings(b.counsellor_id, b.starts_at, b.ends_at)
        .await
        .unwrap();
    let m = day.iter().find(|m| m.id == id).expect("in the calendar");
    assert_eq!((m.seeker_id, m.employer_id), (None, Some(me.employer_id)));
    assert_eq!(m.who, "Korvkiosken på Stora torget AB");

    // The confirmation goes to the user who booked it.
    let to = store.recipient(id).await.unwrap().expect("a recipient");
    assert_eq!(to.email, "karin.berg@korvkiosken.example");
    let booked: (i64,) = support::query_one(
        &db,
        "SELECT COUNT(*) FROM outbox WHERE booking_id = $1 AND event = 'booked'",
        id,
    )
    .await;
    assert!(booked.0 >= 1);

    // The time is taken now: booking it again for another organisation is refused with
    // the nearest free times.
    let other = user(&store, "sofia.lind@kodverkstan.example").await;
    let taken = service::book(&store, &other, wanted(times[0]), now()).await;
    assert!(matches!(taken, Err(BookError::Taken(_))), "{taken:?}");

    // Moved, then cancelled with a reason; the overview lists it as earlier.
    let later = *times.last().unwrap();
    service::reschedule(&store, &me, &b, wanted(later), now())
        .await
        .unwrap();
    let moved = store
        .employer_meeting(me.employer_id, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((moved.starts_at, moved.times_moved), (later.start, 1));
    assert_eq!(moved.video_room, b.video_room, "the room stays");
    let form = CancelForm {
        reason: EmployerCancelReason::Filled.as_str().into(),
        note: String::new(),
    };
    let cancellation = form.parse_by_employer().unwrap();
    service::cancel(&store, &me, id, &cancellation, now())
        .await
        .unwrap();
    let meetings = service::meetings(&store, me.employer_id, now())
        .await
        .unwrap();
    assert!(meetings.upcoming.iter().all(|m| m.id != id));
    let gone = meetings.earlier.iter().find(|m| m.id == id).unwrap();
    assert_eq!(gone.status, BookingStatus::Cancelled);
    db.drop_database().await;
}

async fn one_organisation_never_reaches_anothers_meeting(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let me = user(&store, "karin.berg@korvkiosken.example").await;
    let colleague = user(&store, "ali.demir@korvkiosken.example").await;
    let other = user(&store, "yusuf.karimi@omsorgen.example").await;
    let times = video_times(&store, &me).await;
    let id = service::book(&store, &me, wanted(times[0]), now())
        .await
        .unwrap();
    // A colleague of the same organisation sees it; another organisation does not.
    assert!(service::own_meeting(&store, &colleague, &id.to_string())
        .await
        .is_ok());
    assert!(matches!(
        service::own_meeting(&store, &other, &id.to_string()).await,
        Err(app::error::AppError::NotFound)
    ));
    assert!(store
        .employer_meeting(other.employer_id, id)
        .await
        .unwrap()
        .is_none());
    let refused = store
        .cancel_employer_meeting(
            BookingId(id),
            other.employer_id,
            EmployerCancelReason::Other,
            "inte vårt",
            now(),
        )
        .await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
    let b = store.booking(id).await.unwrap().unwrap();
    let to = app::ssr::store::NewTime {
        counsellor_id: b.counsellor_id,
        channel: Channel::Phone,
        office_id: None,
        video_room: None,
        starts_at: b.starts_at + Duration::days(1),
        ends_at: b.ends_at + Duration::days(1),
        clear_until: b.ends_at + Duration::days(1),
        visit_limit: None,
    };
    let refused = store
        .move_employer_meeting(BookingId(id), other.employer_id, to.clone(), now())
        .await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
    // Nor may a seeker's path touch it.
    let refused = store
        .cancel_booking(
            BookingId(id),
            app::domain::SeekerId(1),
            app::domain::choices::CancelReason::Other,
            "x",
            now(),
        )
        .await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
    let still = store.booking(id).await.unwrap().unwrap();
    assert_eq!(
        (still.status, still.starts_at),
        (BookingStatus::Booked, b.starts_at)
    );
    // The other organisation's need is not one to book about.
    let other_need = store.needs(other.employer_id).await.unwrap();
    if let Some(n) = other_need.first() {
        let wrong = EmployerBooking {
            need: Some(n.id),
            ..wanted(times[1])
        };
        let refused = service::book(&store, &me, wrong, now()).await;
        assert!(
            matches!(
                refused,
                Err(BookError::Failed(app::error::AppError::NotFound))
            ),
            "{refused:?}"
        );
    }
    db.drop_database().await;
}

async fn the_database_keeps_a_meeting_with_one_party_of_one_organisation(backend: Backend) {
    let (db, store): (TestDb, Store) = support::seeded(backend).await;
    let me = user(&store, "karin.berg@korvkiosken.example").await;
    let other = user(&store, "yusuf.karimi@omsorgen.example").await;
    let times = video_times(&store, &me).await;
    let base = |with: Party, start: DateTime<Utc>| NewBooking {
        with,
        counsellor_id: times[0].counsellor_id,
        meeting_type: "employer-meeting",
        channel: Channel::Phone,
        office_id: None,
        starts_at: start,
        ends_at: start + Duration::minutes(60),
        clear_until: start + Duration::minutes(75),
        is_first: false,
        video_room: None,
        now: now(),
        visit_limit: None,
    };
    // A user of another organisation cannot book for this one.
    let wrong_user = Party::Employer {
        employer_id: me.employer_id,
        user_id: other.id,
        need_id: None,
    };
    assert!(store
        .insert_booking(&base(wrong_user, times[0].start))
        .await
        .is_err());
    // Nor can a meeting be about another organisation's need.
    if let Some(n) = store.needs(other.employer_id).await.unwrap().first() {
        let wrong_need = Party::Employer {
            employer_id: me.employer_id,
            user_id: me.id,
            need_id: Some(n.id),
        };
        assert!(store
            .insert_booking(&base(wrong_need, times[0].start))
            .await
            .is_err());
    }
    // An employer's meeting is never a seeker's first meeting.
    let own = Party::Employer {
        employer_id: me.employer_id,
        user_id: me.id,
        need_id: None,
    };
    let first = NewBooking {
        is_first: true,
        ..base(own, times[0].start)
    };
    assert!(store.insert_booking(&first).await.is_err());
    // With its own user it is stored, and the counsellor's time is then taken.
    let id = store
        .insert_booking(&base(own, times[0].start))
        .await
        .unwrap();
    let theirs = Party::Employer {
        employer_id: other.employer_id,
        user_id: other.id,
        need_id: None,
    };
    let clash = base(theirs, times[0].start + Duration::minutes(30));
    assert!(matches!(
        store.insert_booking(&clash).await,
        Err(StoreError::Conflict(app::domain::Rule::BookingOverlap))
    ));
    assert!(store.booking(id).await.unwrap().is_some());
    db.drop_database().await;
}
