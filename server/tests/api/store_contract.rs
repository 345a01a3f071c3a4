//! The store's contract: the same tests against SQLite and PostgreSQL.

use crate::support::{Backend, TestDb};
use app::domain::Rule;
use app::domain::{Address, Channel, Email, FieldCode, OpeningHours, PhoneNumber, Postcode};
use app::ssr::{
    seed::{self, DemoOutcome},
    store::{NewCounsellor, NewOffice, Store, StoreError},
};
use chrono::{Duration, TimeZone, Utc};
use std::collections::HashSet;

on_both_backends!(
    schema_and_reference_data_are_in_place_and_sync_only_once,
    offices_round_trip_with_opening_hours,
    counsellors_keep_competences_languages_and_channels,
    a_counsellor_at_an_unknown_office_is_refused_and_nothing_is_left_behind,
    overlapping_availability_is_refused_by_the_database,
    demo_data_loads_once_and_covers_every_field,
    occupations_are_found_by_name_or_synonym_without_swedish_letters,
);

async fn fresh(backend: Backend) -> (TestDb, Store) {
    let db = TestDb::new(backend).await;
    let store = db.store().await;
    seed::sync_reference_data(&store)
        .await
        .expect("reference data");
    (db, store)
}

/// An office in `city`, open Mondays and Thursdays (the contract tests' own).
pub(crate) fn office(code: &str, city: &str) -> NewOffice {
    NewOffice {
        code: code.into(),
        name: format!("Kontor {city}"),
        address: Address {
            street: "Storgatan 1".into(),
            postcode: Postcode::parse("123 45").unwrap(),
            city: city.into(),
        },
        phone: PhoneNumber::parse("010-123 45 67").unwrap(),
        email: Email::parse(&format!("{code}@tidbok.example")).unwrap(),
        latitude: 59.0,
        longitude: 18.0,
        opening_hours: OpeningHours::parse("mon=09:00-16:00;thu=09:00-18:00").unwrap(),
        areas: Vec::new(),
    }
}

fn counsellor(email: &str, office_code: &str) -> NewCounsellor {
    NewCounsellor {
        first_name: "Sara".into(),
        last_name: "Nilsson".into(),
        title: "Arbetsförmedlare".into(),
        title_en: "Employment counsellor".into(),
        phone: PhoneNumber::parse("010-111 22 33").unwrap(),
        email: Email::parse(email).unwrap(),
        office_code: office_code.into(),
        languages: vec!["sv".into(), "ar".into()],
        channels: vec![Channel::Office, Channel::Video],
        fields: vec![
            FieldCode::parse("data-it").unwrap(),
            FieldCode::parse("transport").unwrap(),
        ],
        serves_employers: false,
    }
}

async fn schema_and_reference_data_are_in_place_and_sync_only_once(backend: Backend) {
    let (db, store) = fresh(backend).await;
    assert!(store.ping().await);
    assert_eq!(
        store.backend().name(),
        match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    );
    let fields = store.list_fields().await.unwrap();
    assert_eq!(fields.len(), 21);
    assert!(fields.iter().any(|f| f.name_sv == "Hälso- och sjukvård"));
    assert!(store.count_occupations().await.unwrap() >= 150);
    let types = store.list_meeting_types().await.unwrap();
    assert!(types
        .iter()
        .any(|t| t.code == "first-meeting" && t.minutes == 45));
    // Same shipped data: nothing to write the second time.
    assert!(!seed::sync_reference_data(&store).await.unwrap());
    // Reconnecting runs the migrations again without harm.
    drop(store);
    let again = db.store().await;
    assert_eq!(again.list_fields().await.unwrap().len(), 21);
    again.close().await;
    db.drop_database().await;
}

async fn offices_round_trip_with_opening_hours(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let new = office("umea", "Umeå");
    let id = store.insert_office(&new).await.unwrap();
    let offices = store.list_offices().await.unwrap();
    assert_eq!(offices.len(), 1);
    let got = &offices[0];
    assert_eq!(got.id, id);
    assert_eq!(got.name, "Kontor Umeå");
    assert_eq!(got.address, new.address);
    assert_eq!(got.phone, new.phone);
    assert_eq!(got.email, new.email);
    assert_eq!(got.opening_hours, new.opening_hours);
    // The code is unique.
    let dup = store.insert_office(&new).await;
    assert!(matches!(dup, Err(StoreError::Conflict(_))), "{dup:?}");
    assert_eq!(store.count_offices().await.unwrap(), 1);
    store.close().await;
    db.drop_database().await;
}

async fn counsellors_keep_competences_languages_and_channels(backend: Backend) {
    let (db, store) = fresh(backend).await;
    store
        .insert_office(&office("malmo", "Malmö"))
        .await
        .unwrap();
    let id = store
        .insert_counsellor(&counsellor("sara.nilsson@tidbok.example", "malmo"))
        .await
        .unwrap();
    let all = store.list_counsellors().await.unwrap();
    assert_eq!(all.len(), 1);
    let c = &all[0];
    assert_eq!(c.id, id);
    assert_eq!(c.office_code, "malmo");
    assert_eq!(c.fields, vec!["data-it", "transport"]);
    assert_eq!(c.languages, vec!["ar", "sv"]);
    assert_eq!(c.channels, vec![Channel::Office, Channel::Video]);
    assert_eq!(c.phone, "+46101112233");
    store.close().await;
    db.drop_database().await;
}

async fn a_counsellor_at_an_unknown_office_is_refused_and_nothing_is_left_behind(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let result = store
        .insert_counsellor(&counsellor("x@tidbok.example", "finns-inte"))
        .await;
    assert!(result.is_err());
    assert!(store.list_counsellors().await.unwrap().is_empty());
    store.close().await;
    db.drop_database().await;
}

async fn overlapping_availability_is_refused_by_the_database(backend: Backend) {
    let (db, store) = fresh(backend).await;
    store
        .insert_office(&office("goteborg", "Göteborg"))
        .await
        .unwrap();
    let id = store
        .insert_counsellor(&counsellor("a@tidbok.example", "goteborg"))
        .await
        .unwrap();
    let nine = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
    let at = |hours: i64| nine + Duration::hours(hours);
    store
        .insert_availability(&[(id, nine, at(3))])
        .await
        .unwrap();
    // Touching spans are fine; overlapping ones are not, even inside one batch.
    store
        .insert_availability(&[(id, at(3), at(4))])
        .await
        .unwrap();
    let overlap = store
        .insert_availability(&[(id, at(5), at(6)), (id, at(2), at(5))])
        .await;
    match overlap {
        Err(StoreError::Conflict(rule)) => assert_eq!(rule, Rule::AvailabilityOverlap),
        other => panic!("expected the overlap rule, got {other:?}"),
    }
    // All or nothing: the first span of the refused batch was not kept.
    let spans = store.list_availability(id, at(-1), at(10)).await.unwrap();
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[0].starts_at, nine);
    assert_eq!(spans[1].ends_at, at(4));
    // The window is half-open: a span ending at `from` is not in it.
    assert_eq!(
        store
            .list_availability(id, at(4), at(5))
            .await
            .unwrap()
            .len(),
        0
    );
    store.close().await;
    db.drop_database().await;
}

async fn demo_data_loads_once_and_covers_every_field(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 8, 30, 0).unwrap();
    let outcome = seed::load_demo(&store, now).await.unwrap();
    let DemoOutcome::Loaded {
        offices,
        counsellors,
        availability_spans,
        staff_accounts,
        demo_meetings,
    } = outcome
    else {
        panic!("expected demo data to load into an empty database");
    };
    assert!(offices >= 3);
    assert!(counsellors >= 15);
    // Every counsellor, a manager per office and an administrator.
    assert_eq!(staff_accounts, counsellors + offices + 1);
    assert!(availability_spans > counsellors * 10);
    assert_eq!(demo_meetings, seed::BUSY_MEETINGS);

    let listed = store.list_offices().await.unwrap();
    let cities: HashSet<_> = listed.iter().map(|o| o.address.city.clone()).collect();
    assert!(cities.len() >= 3);
    let all = store.list_counsellors().await.unwrap();
    let fields: HashSet<_> = all.iter().flat_map(|c| c.fields.clone()).collect();
    assert_eq!(fields.len(), 21);
    // Every counsellor has open time in the coming four weeks, and none before the start.
    let start = Utc.with_ymd_and_hms(2026, 11, 22, 0, 0, 0).unwrap();
    for c in &all {
        let spans = store
            .list_availability(c.id, start, start + Duration::days(29))
            .await
            .unwrap();
        assert!(
            spans.len() >= 10,
            "{} has {} spans",
            c.last_name,
            spans.len()
        );
        let before = store
            .list_availability(c.id, start - Duration::days(30), start)
            .await
            .unwrap();
        assert!(before.is_empty());
    }
    assert_eq!(
        seed::load_demo(&store, now).await.unwrap(),
        DemoOutcome::AlreadyPresent
    );
    store.close().await;
    db.drop_database().await;
}

async fn occupations_are_found_by_name_or_synonym_without_swedish_letters(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let hits = store
        .search_occupations("underskoterska", 10)
        .await
        .unwrap();
    assert!(
        hits.iter().any(|o| o.name_sv == "Undersköterska"),
        "{hits:?}"
    );
    let hits = store.search_occupations("usk", 10).await.unwrap();
    assert!(
        hits.iter().any(|o| o.name_sv == "Undersköterska"),
        "{hits:?}"
    );
    let hits = store.search_occupations("lastbil", 10).await.unwrap();
    assert!(hits.iter().all(|o| !o.name_sv.is_empty()));
    assert!(
        hits.iter().any(|o| o.field.as_str() == "transport"),
        "{hits:?}"
    );
    // English names are searched as well (the taxonomy seed has one for every occupation).
    for (english, swedish) in [
        ("nurse", "Sjuksköterska"),
        ("cook", "Kock"),
        ("developer", "Systemutvecklare"),
        ("assistant nurse", "Undersköterska"),
    ] {
        let hits = store.search_occupations(english, 12).await.unwrap();
        assert!(
            hits.iter().any(|o| o.name_sv == swedish),
            "{english}: {hits:?}"
        );
    }
    assert!(store.search_occupations("%", 10).await.unwrap().is_empty());
    assert!(store.search_occupations("", 10).await.unwrap().is_empty());
    store.close().await;
    db.drop_database().await;
}
