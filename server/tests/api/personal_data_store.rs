//! A seeker's own data on both databases: the download holds every table that names a
//! seeker (a new one fails here until it is added), and taking an account away leaves no
//! row behind but what the authority must keep, and frees the identity for a new
//! registration.

use crate::support::{people, seeded, Backend, TestDb};
use app::domain::{
    case::Outcome,
    erasure::{keep_until, Erasure},
    BookingId, BookingStatus, SeekerId, StaffId,
};
use app::ssr::store::{Store, SECTIONS};
use chrono::{Duration, Utc};
use serde_json::Value;
use std::collections::BTreeSet;

on_both_backends!(
    every_table_that_names_a_seeker_is_in_the_download,
    the_download_holds_the_persons_rows_and_nobody_elses,
    taking_away_leaves_nothing_or_only_what_must_be_kept,
);

/// The tables with a column naming a seeker or a booking (bookings name seekers), as the
/// database itself lists them.
async fn tables_naming_a_seeker(db: &TestDb) -> BTreeSet<String> {
    use sqlx::Connection;
    let rows: Vec<(String,)> = if db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
        sqlx::query_as(
            "SELECT DISTINCT m.name FROM sqlite_master m, pragma_table_info(m.name) c \
             WHERE m.type = 'table' AND c.name IN ('seeker_id', 'booking_id')",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap()
    } else {
        let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::query_as(
            "SELECT DISTINCT table_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND column_name IN ('seeker_id', 'booking_id')",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap()
    };
    rows.into_iter().map(|(t,)| t).collect()
}

async fn every_table_that_names_a_seeker_is_in_the_download(backend: Backend) {
    let (db, store) = seeded(backend).await;
    let naming = tables_naming_a_seeker(&db).await;
    assert!(
        naming.contains("bookings") && naming.contains("outbox"),
        "the schema query finds tables: {naming:?}"
    );
    let exported: BTreeSet<&str> = SECTIONS.iter().map(|s| s.table).collect();
    let missing: Vec<&String> = naming
        .iter()
        .filter(|t| !exported.contains(t.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "tables naming a seeker that the download leaves out: {missing:?}"
    );
    assert!(exported.contains("seekers"));
    store.close().await;
    db.drop_database().await;
}

fn rows<'a>(data: &'a serde_json::Map<String, Value>, section: &str) -> &'a Vec<Value> {
    data[section].as_array().expect("an array per section")
}

async fn a_counsellor(store: &Store) -> i64 {
    store.list_counsellors().await.unwrap()[0].id
}

async fn the_download_holds_the_persons_rows_and_nobody_elses(backend: Backend) {
    let (db, store) = seeded(backend).await;
    let now = Utc::now();
    let me = people::register(&store, 301, &["underskoterska"], None, now).await;
    let other = people::register(&store, 302, &["underskoterska"], None, now).await;
    let counsellor = a_counsellor(&store).await;
    people::phone_meeting(&store, me, counsellor, now + Duration::days(40)).await;
    people::phone_meeting(&store, other, counsellor, now + Duration::days(41)).await;
    store.record_sign_in(me, now).await.unwrap();

    let data = store.seeker_data(me).await.unwrap();
    assert_eq!(
        data.keys().len(),
        SECTIONS.len(),
        "one part per section, even when empty"
    );
    assert_eq!(rows(&data, "person")[0]["email"], "person301@example.se");
    assert_eq!(rows(&data, "bookings").len(), 1);
    assert_eq!(rows(&data, "sign_ins").len(), 1);
    assert_eq!(rows(&data, "account").len(), 1);
    assert!(!rows(&data, "desired_occupations").is_empty());
    assert!(
        !rows(&data, "messages").is_empty(),
        "the booking's confirmation"
    );
    let text = serde_json::to_string(&data).unwrap();
    assert!(!text.contains("person302@example.se"), "nobody else's");
    assert!(!text.contains(&people::personal_number(302)));
    for secret in ["password_hash", "token_hash", "\"secret\"", "$argon2id$"] {
        assert!(!text.contains(secret), "{secret} is never handed out");
    }
    store.close().await;
    db.drop_database().await;
}

/// Nothing is left about `id` but its row naming nobody and when it was taken away.
async fn nothing_left(store: &Store, id: i64) {
    let data = store.seeker_data(id).await.unwrap();
    for (section, rows) in &data {
        let expected = usize::from(matches!(section.as_str(), "person" | "account_taken_away"));
        assert_eq!(
            rows.as_array().unwrap().len(),
            expected,
            "{section} left for {id}"
        );
    }
    let person = &rows(&data, "person")[0];
    assert_eq!(
        (
            &person["first_name"],
            &person["last_name"],
            &person["phone"]
        ),
        (
            &Value::from("Borttagen"),
            &Value::from("person"),
            &Value::from("")
        )
    );
    assert_eq!(person["postcode"], 0);
    assert_eq!(person["home_office_id"], Value::Null);
    assert_eq!(
        rows(&data, "account_taken_away")[0]["personal_number"],
        Value::Null
    );
}

async fn taking_away_leaves_nothing_or_only_what_must_be_kept(backend: Backend) {
    let (db, store) = seeded(backend).await;
    let now = Utc::now();
    let counsellor = a_counsellor(&store).await;
    let staff = store.list_staff().await.unwrap()[0].member.id;

    // Registered only: everything goes, and the same person registers again.
    let only = people::register(&store, 311, &["underskoterska"], None, now).await;
    store.record_sign_in(only, now).await.unwrap();
    assert_eq!(
        store.erase_seeker(only, "bort", now).await.unwrap(),
        Erasure::Everything
    );
    nothing_left(&store, only).await;
    assert!(matches!(
        store.erase_seeker(only, "bort", now).await,
        Err(app::ssr::store::StoreError::NotFound)
    ));
    let again = people::register(&store, 311, &["underskoterska"], None, now).await;
    assert_ne!(again, only);

    // A meeting ahead only: cancelled (the counsellor sees why), the row names nobody.
    let booked = people::register(&store, 312, &["underskoterska"], None, now).await;
    let ahead = people::phone_meeting(&store, booked, counsellor, now + Duration::days(40)).await;
    assert_eq!(
        store
            .erase_seeker(booked, "Kontot togs bort.", now)
            .await
            .unwrap(),
        Erasure::Anonymised
    );
    let b = store.booking(ahead).await.unwrap().unwrap();
    assert_eq!(b.status, BookingStatus::Cancelled);
    assert_eq!(b.cancel_note, "Kontot togs bort.");
    let data = store.seeker_data(booked).await.unwrap();
    let person = &rows(&data, "person")[0];
    assert_eq!(person["first_name"], "Borttagen");
    assert_eq!(
        person["personal_number"],
        "X".to_owned() + &format!("{booked:011}")
    );
    assert!(person["email"].as_str().unwrap().ends_with(".invalid"));
    assert_eq!(person["phone"], "");
    for gone in ["account", "profile", "desired_occupations", "sign_ins"] {
        assert!(rows(&data, gone).is_empty(), "{gone} is deleted");
    }
    assert!(
        rows(&data, "messages")
            .iter()
            .all(|m| m["status"] != "pending"),
        "nothing more is sent to them"
    );
    assert_eq!(
        rows(&data, "account_taken_away")[0]["personal_number"],
        Value::Null
    );
    assert!(store.seeker_profile(booked).await.unwrap().is_none());
    assert!(store.seeker_name(booked).await.unwrap().is_none());
    people::register(&store, 312, &["underskoterska"], None, now).await;

    // A meeting held and a note: kept with name and number for five years, profile too.
    let held = people::register(&store, 313, &["underskoterska"], None, now).await;
    let past = now - Duration::days(3);
    let meeting = people::phone_meeting(&store, held, counsellor, past).await;
    store
        .set_outcome(
            BookingId(meeting),
            Outcome::Held,
            StaffId(staff),
            past + Duration::hours(1),
        )
        .await
        .unwrap();
    store
        .add_case_note(
            SeekerId(held),
            Some(BookingId(meeting)),
            StaffId(staff),
            "Bra möte.",
            past,
        )
        .await
        .unwrap();
    let erased = store.erase_seeker(held, "bort", now).await.unwrap();
    assert_eq!(
        erased,
        Erasure::Kept {
            keep_until: keep_until(now),
            keep_profile: true
        }
    );
    let data = store.seeker_data(held).await.unwrap();
    let person = &rows(&data, "person")[0];
    assert_eq!(
        person["first_name"], "Testa",
        "the name stays with the records"
    );
    assert_eq!(
        rows(&data, "account_taken_away")[0]["personal_number"],
        people::personal_number(313)
    );
    assert_eq!(rows(&data, "bookings").len(), 1);
    assert_eq!(rows(&data, "case_notes").len(), 1);
    assert!(
        !rows(&data, "desired_occupations").is_empty(),
        "the profile prepared the meeting"
    );
    assert!(rows(&data, "account").is_empty());
    people::register(&store, 313, &["underskoterska"], None, now).await;

    store.close().await;
    db.drop_database().await;
}
