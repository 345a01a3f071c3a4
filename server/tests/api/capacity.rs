//! Office capacity in the store and the booking service, against SQLite and PostgreSQL: the
//! setting is kept, full hours are not offered, the days below target come first, and the
//! booking's own transaction refuses an hour that filled up meanwhile.

use crate::support::{self, people, Backend};
use app::domain::Rule;
use app::domain::{booking::SlotChoice, capacity::CapacitySetting, Channel};
use app::domain::{BookingId, SeekerId};
use app::ssr::{
    services::{
        booking::{self as service, BookError},
        picker,
    },
    store::{NewBooking, Party, Store, StoreError, VisitLimit},
};
use chrono::{DateTime, Duration, TimeZone, Utc};

on_both_backends!(
    the_setting_is_kept_and_full_hours_are_not_offered,
    the_booking_transaction_refuses_a_full_hour,
);

/// Monday 23 November 2026, 09:30 in Stockholm.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 30, 0).unwrap()
}

async fn goteborg(store: &Store) -> i64 {
    store
        .list_offices()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.code == "goteborg-centrum")
        .unwrap()
        .id
}

/// Truck drivers: two counsellors in Göteborg know transport and receive visits.
async fn driver(store: &Store, n: u32) -> app::ssr::store::SeekerProfile {
    let id = people::register(store, n, &["lastbilsforare"], None, now()).await;
    store.seeker_profile(id).await.unwrap().unwrap()
}

async fn the_setting_is_kept_and_full_hours_are_not_offered(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let office = goteborg(&store).await;
    // The demo's receptions take six an hour on weekdays, aiming at 70 %.
    let demo = store.office_capacity(office).await.unwrap();
    assert_eq!(demo.per_hour[0], Some(6));
    assert_eq!(demo.per_hour[6], None);
    assert_eq!(demo.target_percent, 70);
    // One visitor an hour, and a target of a third of the day.
    let setting = CapacitySetting {
        per_hour: [Some(1), Some(1), Some(1), Some(1), Some(1), None, None],
        target_percent: 34,
    };
    store
        .set_office_capacity(office, &setting, None)
        .await
        .unwrap();
    assert_eq!(store.office_capacity(office).await.unwrap(), setting);
    assert!(matches!(
        store.set_office_capacity(999_999, &setting, None).await,
        Err(StoreError::NotFound)
    ));

    let first = driver(&store, 1).await;
    let picker = picker::picker(&store, &first, Channel::Office, Some(office), None, now())
        .await
        .unwrap();
    let time = picker.offer.days[0].times[0];
    service::book(
        &store,
        &first,
        Channel::Office,
        Some(office),
        SlotChoice {
            counsellor_id: time.counsellor_id,
            start: time.slot.start,
        },
        now(),
    )
    .await
    .unwrap();
    // The next driver is not offered that hour, with either counsellor.
    let second = driver(&store, 2).await;
    let picker = picker::picker(&store, &second, Channel::Office, Some(office), None, now())
        .await
        .unwrap();
    let hour = |t: DateTime<Utc>| app::domain::capacity::local_hour(t);
    assert!(picker
        .offer
        .times()
        .all(|t| hour(t.slot.start) != hour(time.slot.start)));
    // Booking it anyway (an old page) is refused as taken, with times nearby.
    let other = [picker.offer.times().next().unwrap().counsellor_id]
        .into_iter()
        .chain(store.list_counsellors().await.unwrap().iter().map(|c| c.id))
        .find(|id| *id != time.counsellor_id)
        .unwrap();
    let refused = service::book(
        &store,
        &second,
        Channel::Office,
        Some(office),
        SlotChoice {
            counsellor_id: other,
            start: time.slot.start,
        },
        now(),
    )
    .await;
    assert!(matches!(refused, Err(BookError::Taken(near)) if !near.is_empty()));
    // A phone meeting that hour is not limited by the reception.
    let phone = picker::picker(&store, &second, Channel::Phone, None, None, now())
        .await
        .unwrap();
    assert!(phone
        .offer
        .times()
        .any(|t| hour(t.slot.start) == hour(time.slot.start)));

    // A third of the day's capacity (8 hours, one an hour) rounds up to 3: after two more
    // visits on the first visit's day, the picker opens on a later day.
    let day = hour(time.slot.start).0;
    for n in 3..5 {
        let seeker = driver(&store, n).await;
        let picker = picker::picker(&store, &seeker, Channel::Office, Some(office), None, now())
            .await
            .unwrap();
        let t = picker
            .offer
            .day(day)
            .expect("the day still has hours")
            .times[0];
        service::book(
            &store,
            &seeker,
            Channel::Office,
            Some(office),
            SlotChoice {
                counsellor_id: t.counsellor_id,
                start: t.slot.start,
            },
            now(),
        )
        .await
        .unwrap();
    }
    let next = driver(&store, 5).await;
    let picker = picker::picker(&store, &next, Channel::Office, Some(office), None, now())
        .await
        .unwrap();
    // (It may have no free hour left at all; if it has, it has no room below target and is
    // not marked quieter.)
    assert!(picker.offer.day(day).is_none_or(|d| !d.room && !d.quiet));
    let suggested = picker.offer.suggested_day().unwrap();
    assert!(suggested > day);
    assert!(picker.offer.day(suggested).unwrap().room);
    db.drop_database().await;
}

async fn the_booking_transaction_refuses_a_full_hour(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let office = goteborg(&store).await;
    let counsellors = store.list_counsellors().await.unwrap();
    let in_goteborg: Vec<i64> = counsellors
        .iter()
        .filter(|c| c.office_id == office)
        .map(|c| c.id)
        .collect();
    let starts = now() + Duration::days(2);
    let hour_start = starts - Duration::minutes(30);
    let limit = VisitLimit {
        office_id: office,
        hour_start,
        hour_end: hour_start + Duration::hours(1),
        max: 2,
    };
    let visit = |seeker: i64, counsellor: i64, at: DateTime<Utc>| NewBooking {
        with: Party::Seeker(seeker),
        counsellor_id: counsellor,
        meeting_type: service::FIRST_MEETING,
        channel: Channel::Office,
        office_id: Some(office),
        starts_at: at,
        ends_at: at + Duration::minutes(45),
        clear_until: at + Duration::minutes(60),
        is_first: true,
        video_room: None,
        now: now(),
        visit_limit: Some(limit),
    };
    let mut seekers = Vec::new();
    for n in 0..3 {
        seekers.push(people::register(&store, n, &["lastbilsforare"], None, now()).await);
    }
    store
        .insert_booking(&visit(seekers[0], in_goteborg[0], starts))
        .await
        .unwrap();
    let second = store
        .insert_booking(&visit(seekers[1], in_goteborg[1], starts))
        .await
        .unwrap();
    let third = store
        .insert_booking(&visit(seekers[2], in_goteborg[2], starts))
        .await;
    assert!(
        matches!(&third, Err(StoreError::Conflict(Rule::OfficeCapacity))),
        "{third:?}"
    );
    assert!(store
        .live_first_meeting(seekers[2])
        .await
        .unwrap()
        .is_none());
    // Moving a visit within its own hour counts it once, not twice.
    store
        .move_booking(
            BookingId(second),
            SeekerId(seekers[1]),
            app::ssr::store::NewTime {
                counsellor_id: in_goteborg[1],
                channel: Channel::Office,
                office_id: Some(office),
                video_room: None,
                starts_at: starts + Duration::minutes(15),
                ends_at: starts + Duration::minutes(60),
                clear_until: starts + Duration::minutes(75),
                visit_limit: Some(limit),
            },
            now(),
        )
        .await
        .unwrap();
    // Racing for the last place: of two at once, one gets it.
    let freed = store.booking(second).await.unwrap().unwrap();
    store
        .cancel_booking(
            BookingId(freed.id),
            SeekerId(seekers[1]),
            app::domain::choices::CancelReason::Other,
            "",
            now(),
        )
        .await
        .unwrap();
    let (a, b) = (db.store().await, db.store().await);
    let (va, vb) = (
        visit(seekers[1], in_goteborg[1], starts),
        visit(seekers[2], in_goteborg[2], starts),
    );
    let (ra, rb) = tokio::join!(a.insert_booking(&va), b.insert_booking(&vb));
    assert_eq!(
        u8::from(ra.is_ok()) + u8::from(rb.is_ok()),
        1,
        "{ra:?} {rb:?}"
    );
    a.close().await;
    b.close().await;
    db.drop_database().await;
}
