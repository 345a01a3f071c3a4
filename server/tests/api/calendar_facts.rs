//! The booking engine's calendar facts over the real service and store, on SQLite and
//! PostgreSQL: a burst of job seekers of one field at one office all get a visit, spread over
//! days, inside opening hours and the reception's capacity; nothing is offered on a public
//! holiday or a day the office is closed; a visit ends by the time the office closes.

use crate::support::{self, people, Backend};
use app::domain::{
    booking::SlotChoice,
    holidays::holiday_on,
    time::{in_stockholm, stockholm_date},
    Channel,
};
use app::ssr::{
    services::{booking as service, picker},
    store::Store,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc};
use std::collections::BTreeMap;

on_both_backends!(
    a_burst_of_one_field_is_spread_over_days_within_capacity_and_opening_hours,
    nothing_is_offered_on_holidays_or_closed_days,
);

/// Monday 23 November 2026, 09:30 in Stockholm (the demo data's day).
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 30, 0).unwrap()
}

async fn office(store: &Store, code: &str) -> app::domain::OfficeSummary {
    store
        .list_offices()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.code == code)
        .unwrap()
}

async fn a_burst_of_one_field_is_spread_over_days_within_capacity_and_opening_hours(
    backend: Backend,
) {
    let (db, store) = support::seeded(backend).await;
    let city = office(&store, "stockholm-city").await;
    let capacity = store.office_capacity(city.id).await.unwrap();
    let mut visits: Vec<(i64, DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    let mut unbooked = 0;
    // 200 assistant nurses register within an hour; each takes the first time of the day the
    // picker opens on.
    for n in 0..200u32 {
        let at = now() + Duration::seconds(i64::from(n) * 18);
        let id = people::register(&store, 5000 + n, &["underskoterska"], None, at).await;
        let seeker = store.seeker_profile(id).await.unwrap().unwrap();
        let offer = picker::picker(&store, &seeker, Channel::Office, Some(city.id), None, at)
            .await
            .unwrap()
            .offer;
        let Some(time) = offer
            .suggested_day()
            .and_then(|d| offer.day(d))
            .map(|d| d.times[0])
        else {
            unbooked += 1;
            continue;
        };
        let booking = service::book(
            &store,
            &seeker,
            Channel::Office,
            Some(city.id),
            SlotChoice {
                counsellor_id: time.counsellor_id,
                start: time.slot.start,
            },
            at,
        )
        .await
        .unwrap_or_else(|e| panic!("seeker {n}: {e:?}"));
        let row = store.booking(booking).await.unwrap().unwrap();
        visits.push((row.counsellor_id, row.starts_at, row.ends_at));
    }
    assert_eq!(unbooked, 0, "everyone gets a visit within the horizon");
    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let mut per_hour: BTreeMap<(NaiveDate, u32), usize> = BTreeMap::new();
    let mut per_counsellor: BTreeMap<i64, usize> = BTreeMap::new();
    for (counsellor, starts, ends) in &visits {
        let local = in_stockholm(*starts);
        let date = local.date_naive();
        *per_day.entry(date).or_default() += 1;
        *per_hour.entry((date, local.hour())).or_default() += 1;
        *per_counsellor.entry(*counsellor).or_default() += 1;
        let (opens, closes) = (local.time(), in_stockholm(*ends).time());
        assert!(
            city.opening_hours
                .on(date.weekday())
                .any(|h| opens >= h.opens && closes <= h.closes),
            "a visit {opens}–{closes} on {date} outside the office's hours"
        );
        assert!(holiday_on(date).is_none());
    }
    for ((date, hour), n) in &per_hour {
        let limit = capacity.per_hour[date.weekday().num_days_from_monday() as usize];
        assert!(
            limit.is_none_or(|l| *n <= l as usize),
            "{n} visits at {date} {hour}:00, over the reception's {limit:?}"
        );
    }
    assert!(per_day.len() >= 3, "visits on {} days only", per_day.len());
    assert!(
        per_counsellor.len() > 1,
        "other counsellors take visits when the one who knows the field is full"
    );
    println!(
        "burst of 200 at Stockholm City ({backend:?}): per day {per_day:?}; per counsellor {per_counsellor:?}"
    );
    store.close().await;
    db.drop_database().await;
}

async fn nothing_is_offered_on_holidays_or_closed_days(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let city = office(&store, "stockholm-city").await;
    let counsellors = store.list_counsellors().await.unwrap();
    let sanna = counsellors
        .iter()
        .find(|c| c.email == "sanna.lindqvist@tidbok.example")
        .unwrap();
    let local = |y: i32, m: u32, d: u32, h: u32, min: u32| {
        app::domain::time::stockholm_to_utc(
            NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            chrono::NaiveTime::from_hms_opt(h, min, 0).unwrap(),
        )
        .unwrap()
    };
    // Seen from Monday 21 December, after the demo's open times: open time on Christmas Eve,
    // on Epiphany, on a planning day and on Friday 8 January until 16:15 (the office closes
    // at 15:00 on Fridays).
    let from = local(2026, 12, 21, 9, 0);
    let friday = NaiveDate::from_ymd_opt(2027, 1, 8).unwrap();
    store
        .insert_availability(&[
            (
                sanna.id,
                local(2026, 12, 24, 9, 0),
                local(2026, 12, 24, 12, 0),
            ),
            (sanna.id, local(2027, 1, 6, 9, 0), local(2027, 1, 6, 12, 0)),
            (sanna.id, local(2027, 1, 7, 9, 0), local(2027, 1, 7, 12, 0)),
            (
                sanna.id,
                local(2027, 1, 8, 14, 0),
                local(2027, 1, 8, 16, 15),
            ),
        ])
        .await
        .unwrap();
    // A planning day at Stockholm City on Thursday 7 January.
    let planning = NaiveDate::from_ymd_opt(2027, 1, 7).unwrap();
    store
        .add_office_closure(city.id, planning, "Planeringsdag")
        .await
        .unwrap();
    let id = people::register(&store, 7001, &["systemutvecklare"], None, from).await;
    let seeker = store.seeker_profile(id).await.unwrap().unwrap();
    for (channel, office) in [
        (Channel::Office, Some(city.id)),
        (Channel::Phone, None),
        (Channel::Video, None),
    ] {
        let offer = picker::picker(&store, &seeker, channel, office, None, from)
            .await
            .unwrap()
            .offer;
        for t in offer.times() {
            let date = stockholm_date(t.slot.start);
            assert!(holiday_on(date).is_none(), "{channel:?} offers {date}");
            if t.counsellor_id == sanna.id {
                assert_ne!(date, planning, "{channel:?} offers the planning day");
            }
        }
        let friday: Vec<_> = offer
            .times()
            .filter(|t| t.counsellor_id == sanna.id)
            .filter(|t| stockholm_date(t.slot.start) == friday)
            .collect();
        assert!(!friday.is_empty(), "{channel:?}: the Friday is offered");
        if channel == Channel::Office {
            // 14:00 is the last start whose 45 minutes end by 15:00.
            let last = friday.iter().map(|t| t.slot.end).max();
            assert!(
                last.is_some_and(|end| end <= local(2027, 1, 8, 15, 0)),
                "{last:?}"
            );
        } else {
            assert!(friday.iter().any(|t| t.slot.end > local(2027, 1, 8, 15, 0)));
        }
    }
    // The closure is the office's own: read back with its reason.
    let closures = store.office_closures(planning, planning).await.unwrap();
    assert_eq!(closures, [(city.id, planning, "Planeringsdag".to_owned())]);
    store.close().await;
    db.drop_database().await;
}
