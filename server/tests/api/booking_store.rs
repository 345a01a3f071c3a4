//! Booking in the store and its service, against SQLite and PostgreSQL: what is offered,
//! booking once, the database's rules against double booking (buffers included) and a
//! second first meeting, many people racing for the same times, moving and cancelling.

use crate::support::{self, people, Backend, TestDb};
use app::domain::{booking::SlotChoice, choices::CancelReason, offer::OfferedTime, Channel};
use app::domain::{BookingId, SeekerId};
use app::domain::{BookingStatus, Rule};
use app::ssr::{
    services::{
        booking::{self as service, BookError},
        picker,
    },
    store::{NewBooking, Party, SeekerProfile, Store, StoreError},
};
use chrono::{DateTime, Duration, TimeZone, Utc};

on_both_backends!(
    a_first_meeting_is_offered_in_the_field_and_booked_once,
    the_database_refuses_overlap_and_buffer_clashes,
    the_database_allows_one_first_meeting_per_seeker,
    many_racing_for_the_same_times_exactly_one_wins_each,
    many_racing_inserts_of_one_slot_exactly_one_is_stored,
    moving_keeps_the_counsellor_and_cancelling_frees_the_time,
    a_seeker_is_never_in_two_meetings_at_once,
);

/// Monday 23 November 2026, 09:30 in Stockholm; the demo's open time starts that day.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 30, 0).unwrap()
}

async fn fresh(backend: Backend) -> (TestDb, Store) {
    support::seeded(backend).await
}

async fn profile(store: &Store, id: i64) -> SeekerProfile {
    store
        .seeker_profile(id)
        .await
        .unwrap()
        .expect("the seeker exists")
}

fn choice(t: &OfferedTime) -> SlotChoice {
    SlotChoice {
        counsellor_id: t.counsellor_id,
        start: t.slot.start,
    }
}

pub(crate) async fn counsellor_named(store: &Store, last_name: &str) -> i64 {
    store
        .list_counsellors()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.last_name == last_name)
        .unwrap_or_else(|| panic!("{last_name} is a demo counsellor"))
        .id
}

pub(crate) fn booking_for(
    seeker: i64,
    counsellor: i64,
    start: DateTime<Utc>,
    first: bool,
) -> NewBooking {
    NewBooking {
        with: Party::Seeker(seeker),
        counsellor_id: counsellor,
        meeting_type: service::FIRST_MEETING,
        channel: Channel::Phone,
        office_id: None,
        starts_at: start,
        ends_at: start + Duration::minutes(45),
        clear_until: start + Duration::minutes(60),
        is_first: first,
        video_room: None,
        now: now(),
        visit_limit: None,
    }
}

async fn a_first_meeting_is_offered_in_the_field_and_booked_once(backend: Backend) {
    let (db, store) = fresh(backend).await;
    // An assistant nurse: health care, whom four demo counsellors know.
    let id = people::register(&store, 1, &["underskoterska"], None, now()).await;
    let seeker = profile(&store, id).await;
    assert_eq!(seeker.fields, ["halso-sjukvard"]);
    let goteborg = store
        .list_offices()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.code == "goteborg-centrum")
        .unwrap()
        .id;
    let picker = picker::picker(
        &store,
        &seeker,
        Channel::Office,
        Some(goteborg),
        None,
        now(),
    )
    .await
    .unwrap();
    assert!(!picker.offer.fallback);
    let hodzic = counsellor_named(&store, "Hodžić").await;
    assert!(picker.offer.times().count() > 20, "four weeks of times");
    assert!(
        picker.offer.times().all(|t| t.counsellor_id == hodzic),
        "a visit in Göteborg for health care is with the one counsellor there who knows it"
    );
    let first = picker.offer.days[0].times[0];
    assert!(
        first.slot.start >= now() + Duration::hours(2),
        "two hours' notice"
    );

    let booked = service::book(
        &store,
        &seeker,
        Channel::Office,
        Some(goteborg),
        choice(&first),
        now(),
    )
    .await
    .expect("the time is free");
    let row = store.booking(booked).await.unwrap().unwrap();
    assert_eq!(
        (row.counsellor_id, row.starts_at),
        (hodzic, first.slot.start)
    );
    assert_eq!(row.ends_at - row.starts_at, Duration::minutes(45));
    assert_eq!(row.office_id, Some(goteborg));
    assert!(row.is_first && row.status == BookingStatus::Booked);

    // The same confirm again (a double click, a resent form) finds the same booking.
    let again = service::book(
        &store,
        &seeker,
        Channel::Office,
        Some(goteborg),
        choice(&first),
        now(),
    )
    .await
    .expect("a repeat is not an error");
    assert_eq!(again, booked);
    // Another time is refused: there is a first meeting already.
    let other = picker.offer.days[1].times[0];
    match service::book(
        &store,
        &seeker,
        Channel::Office,
        Some(goteborg),
        choice(&other),
        now(),
    )
    .await
    {
        Err(BookError::AlreadyBooked(b)) => assert_eq!(b, booked),
        other => panic!("expected AlreadyBooked, got {other:?}"),
    }
    assert_eq!(store.seeker_bookings(id).await.unwrap().len(), 1);
    // The booked time (and its buffer) is no longer offered to anyone.
    let later = picker::picker(
        &store,
        &seeker,
        Channel::Office,
        Some(goteborg),
        None,
        now(),
    )
    .await
    .unwrap();
    assert!(later.offer.times().all(|t| {
        t.counsellor_id != hodzic
            || t.slot.end + Duration::minutes(15) <= row.starts_at
            || t.slot.start >= row.ends_at + Duration::minutes(15)
    }));
    db.drop_database().await;
}

async fn the_database_refuses_overlap_and_buffer_clashes(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let a = people::register(&store, 2, &["underskoterska"], None, now()).await;
    let b = people::register(&store, 3, &["underskoterska"], None, now()).await;
    let c = counsellor_named(&store, "Hassan").await;
    let ten = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
    let first = store
        .insert_booking(&booking_for(a, c, ten, false))
        .await
        .unwrap();
    // Overlapping the meeting, or starting inside its buffer, is refused by the database.
    for start in [
        ten,
        ten + Duration::minutes(30),
        ten + Duration::minutes(45),
        ten - Duration::minutes(45),
    ] {
        match store.insert_booking(&booking_for(b, c, start, false)).await {
            Err(StoreError::Conflict(rule)) => assert_eq!(rule, Rule::BookingOverlap, "{start}"),
            other => panic!("{start}: expected booking_overlap, got {other:?}"),
        }
    }
    // Right after the buffer is fine; so is the same time with another counsellor.
    store
        .insert_booking(&booking_for(b, c, ten + Duration::minutes(60), false))
        .await
        .expect("after the buffer");
    let other = counsellor_named(&store, "Ekström").await;
    let third = people::register(&store, 4, &["underskoterska"], None, now()).await;
    store
        .insert_booking(&booking_for(third, other, ten, false))
        .await
        .expect("someone else");
    // Once cancelled, the time can be booked again.
    store
        .cancel_booking(
            BookingId(first),
            SeekerId(a),
            CancelReason::Illness,
            "",
            now(),
        )
        .await
        .unwrap();
    store
        .insert_booking(&booking_for(b, c, ten, false))
        .await
        .expect("freed by cancelling");
    db.drop_database().await;
}

async fn the_database_allows_one_first_meeting_per_seeker(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let a = people::register(&store, 4, &["underskoterska"], None, now()).await;
    let (c1, c2) = (
        counsellor_named(&store, "Hassan").await,
        counsellor_named(&store, "Ali").await,
    );
    let t = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap();
    let first = store
        .insert_booking(&booking_for(a, c1, t, true))
        .await
        .unwrap();
    match store
        .insert_booking(&booking_for(a, c2, t + Duration::days(1), true))
        .await
    {
        Err(StoreError::Conflict(rule)) => assert_eq!(rule, Rule::OneFirstMeeting),
        other => panic!("expected the one-first-meeting rule, got {other:?}"),
    }
    // A follow-up is not a first meeting.
    store
        .insert_booking(&booking_for(a, c2, t + Duration::days(1), false))
        .await
        .expect("a follow-up");
    store
        .cancel_booking(
            BookingId(first),
            SeekerId(a),
            CancelReason::GotWork,
            "",
            now(),
        )
        .await
        .unwrap();
    store
        .insert_booking(&booking_for(a, c1, t + Duration::days(2), true))
        .await
        .expect("a new first meeting after cancelling");
    db.drop_database().await;
}

async fn many_racing_for_the_same_times_exactly_one_wins_each(backend: Backend) {
    let (db, store) = fresh(backend).await;
    // Three times, each wanted by four people at once, through the booking service.
    let mut seekers = Vec::new();
    for n in 0..12 {
        let id = people::register(&store, 100 + n, &["underskoterska"], None, now()).await;
        seekers.push(profile(&store, id).await);
    }
    let picker = picker::picker(&store, &seekers[0], Channel::Phone, None, None, now())
        .await
        .unwrap();
    // Three times that do not clash with each other, so each can have one winner.
    let mut wanted: Vec<SlotChoice> = Vec::new();
    for t in picker.offer.times() {
        let clashes = wanted.iter().any(|w| {
            w.counsellor_id == t.counsellor_id && (w.start - t.slot.start).num_minutes().abs() < 60
        });
        if !clashes && wanted.len() < 3 {
            wanted.push(choice(&t));
        }
    }
    assert_eq!(wanted.len(), 3);
    // The demo data's own meetings are there already.
    let before = store
        .busy_times(now(), now() + Duration::weeks(5))
        .await
        .unwrap()
        .len();
    let mut tasks = Vec::new();
    for (i, seeker) in seekers.into_iter().enumerate() {
        let store = store.clone();
        let want = wanted[i % 3];
        tasks.push(tokio::spawn(async move {
            let outcome = service::book(&store, &seeker, Channel::Phone, None, want, now()).await;
            (want, outcome)
        }));
    }
    let mut winners = std::collections::HashMap::new();
    for task in tasks {
        let (want, outcome) = task.await.unwrap();
        match outcome {
            Ok(_) => *winners.entry(want).or_insert(0) += 1,
            Err(BookError::Taken(_)) => {}
            Err(other) => panic!("a lost race is Taken, not {other:?}"),
        }
    }
    for want in &wanted {
        assert_eq!(
            winners.get(want).copied(),
            Some(1),
            "{want:?} has exactly one winner"
        );
    }
    let busy = store
        .busy_times(now(), now() + Duration::weeks(5))
        .await
        .unwrap();
    assert_eq!(busy.len(), before + winners.values().sum::<i32>() as usize);
    for (i, x) in busy.iter().enumerate() {
        for y in &busy[i + 1..] {
            assert!(
                x.counsellor_id != y.counsellor_id
                    || x.clear_until <= y.starts_at
                    || y.clear_until <= x.starts_at,
                "{x:?} overlaps {y:?}"
            );
        }
    }
    db.drop_database().await;
}

async fn many_racing_inserts_of_one_slot_exactly_one_is_stored(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let c = counsellor_named(&store, "Hassan").await;
    let mut seekers = Vec::new();
    for n in 0..16 {
        seekers.push(people::register(&store, 200 + n, &["underskoterska"], None, now()).await);
    }
    let t = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    // Straight at the store, skipping every application check: only the database decides.
    let tasks: Vec<_> = seekers
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let store = store.clone();
            // Half want 10:00, half 10:30: all overlap each other.
            let start = t + Duration::minutes(30 * (i as i64 % 2));
            tokio::spawn(async move { store.insert_booking(&booking_for(s, c, start, true)).await })
        })
        .collect();
    let mut won = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => won += 1,
            Err(StoreError::Conflict(rule)) => assert_eq!(rule, Rule::BookingOverlap),
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(won, 1, "exactly one of sixteen racing bookings is stored");
    db.drop_database().await;
}

async fn moving_keeps_the_counsellor_and_cancelling_frees_the_time(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let id = people::register(&store, 5, &["underskoterska"], None, now()).await;
    let seeker = profile(&store, id).await;
    let picker = picker::picker(&store, &seeker, Channel::Video, None, None, now())
        .await
        .unwrap();
    let first = picker.offer.days[0].times[0];
    let booked = service::book(&store, &seeker, Channel::Video, None, choice(&first), now())
        .await
        .unwrap();
    let row = store.booking(booked).await.unwrap().unwrap();
    assert!(
        row.video_room.as_deref().is_some_and(|r| r.len() == 32),
        "a video room of 128 bits"
    );

    // Moving: the counsellor is kept wherever they are free.
    let moving = picker::picker(&store, &seeker, Channel::Video, None, Some(&row), now())
        .await
        .unwrap();
    let same = moving
        .offer
        .times()
        .filter(|t| t.counsellor_id == row.counsellor_id)
        .count();
    assert!(same > 10, "the same counsellor is offered");
    let later = moving
        .offer
        .times()
        .find(|t| {
            t.counsellor_id == row.counsellor_id && t.slot.start > row.starts_at + Duration::days(2)
        })
        .unwrap();
    service::reschedule(
        &store,
        &seeker,
        &row,
        Channel::Video,
        None,
        choice(&later),
        now(),
    )
    .await
    .expect("moved");
    let moved = store.booking(booked).await.unwrap().unwrap();
    assert_eq!(
        (moved.counsellor_id, moved.starts_at),
        (row.counsellor_id, later.slot.start)
    );
    assert_eq!(moved.times_moved, 1);
    assert_eq!(moved.video_room, row.video_room, "the link stays the same");
    // Its old time is free again.
    let after = picker::picker(&store, &seeker, Channel::Video, None, None, now())
        .await
        .unwrap();
    assert!(after.offer.times().any(|t| t.slot.start == row.starts_at));

    // Someone else's booking cannot be moved or cancelled.
    let other = people::register(&store, 6, &["underskoterska"], None, now()).await;
    assert!(matches!(
        store
            .cancel_booking(
                BookingId(booked),
                SeekerId(other),
                CancelReason::Illness,
                "",
                now()
            )
            .await,
        Err(StoreError::NotFound)
    ));
    store
        .cancel_booking(
            BookingId(booked),
            SeekerId(id),
            CancelReason::Other,
            "Flyttar till Kiruna",
            now(),
        )
        .await
        .unwrap();
    let cancelled = store.booking(booked).await.unwrap().unwrap();
    assert_eq!(cancelled.status, BookingStatus::Cancelled);
    assert_eq!(cancelled.cancel_reason.as_deref(), Some("annat"));
    assert_eq!(cancelled.cancel_note, "Flyttar till Kiruna");
    assert!(store.live_first_meeting(id).await.unwrap().is_none());
    // Cancelling twice finds nothing to cancel.
    assert!(matches!(
        store
            .cancel_booking(
                BookingId(booked),
                SeekerId(id),
                CancelReason::Illness,
                "",
                now()
            )
            .await,
        Err(StoreError::NotFound)
    ));
    db.drop_database().await;
}

/// A 30-minute follow-up by phone for `seeker` with `counsellor` at `at`.
async fn follow_up(
    store: &Store,
    seeker: i64,
    counsellor: i64,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    store
        .insert_booking(&NewBooking {
            meeting_type: "follow-up",
            ends_at: at + Duration::minutes(30),
            clear_until: at + Duration::minutes(45),
            ..booking_for(seeker, counsellor, at, false)
        })
        .await
}

/// With two different counsellors, a seeker's second live meeting at the same time is refused
/// by the database; a meeting right after, or over a cancelled one, is not.
async fn a_seeker_is_never_in_two_meetings_at_once(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let seeker = people::register(&store, 1, &["underskoterska"], None, now()).await;
    let lindqvist = counsellor_named(&store, "Lindqvist").await;
    let hassan = counsellor_named(&store, "Hassan").await;
    let at = now() + Duration::days(30);
    let first = people::phone_meeting(&store, seeker, lindqvist, at).await;
    let clash = follow_up(&store, seeker, hassan, at + Duration::minutes(15)).await;
    assert!(
        matches!(clash, Err(StoreError::Conflict(Rule::SeekerOverlap))),
        "{clash:?}"
    );
    // Right after the first meeting ends (the counsellor's buffer is theirs, not the seeker's).
    let after = follow_up(&store, seeker, hassan, at + Duration::minutes(45))
        .await
        .unwrap();
    // Moving the second onto the first is refused too.
    let moved = store
        .move_booking(
            BookingId(after),
            SeekerId(seeker),
            app::ssr::store::NewTime {
                counsellor_id: hassan,
                channel: Channel::Phone,
                office_id: None,
                video_room: None,
                starts_at: at,
                ends_at: at + Duration::minutes(30),
                clear_until: at + Duration::minutes(45),
                visit_limit: None,
            },
            now(),
        )
        .await;
    assert!(
        matches!(moved, Err(StoreError::Conflict(Rule::SeekerOverlap))),
        "{moved:?}"
    );
    store
        .cancel_booking(
            BookingId(first),
            SeekerId(seeker),
            CancelReason::Illness,
            "",
            now(),
        )
        .await
        .unwrap();
    follow_up(&store, seeker, hassan, at).await.unwrap();
    db.drop_database().await;
}
