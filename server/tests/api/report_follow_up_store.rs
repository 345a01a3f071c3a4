//! The office's list of reports in the store, against SQLite and PostgreSQL: each person of
//! the office for a month, with the counsellor of their latest meeting there (a cancelled one
//! does not count), their first version sent and their latest, and their draft; and every
//! person shown written to the access log.

use crate::support::{people, Backend, TestDb};
use app::{
    domain::{
        access_log::AccessReason, activity_report::period::ReportPeriod, choices::CancelReason,
        staff::Role, BookingId, Channel, Email, FieldCode, PhoneNumber, SeekerId, StaffId,
    },
    ssr::store::{NewCounsellor, NewOffice, NewReport, NewStaff, Store},
};
use chrono::{DateTime, TimeZone, Utc};

on_both_backends!(
    the_office_list_has_each_person_with_their_counsellor_and_report,
    everyone_listed_is_written_to_the_access_log,
);

fn at(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap()
}

fn november() -> ReportPeriod {
    ReportPeriod::parse("2026-11").unwrap()
}

fn counsellor(last_name: &str, office_code: &str) -> NewCounsellor {
    NewCounsellor {
        first_name: "Sara".into(),
        last_name: last_name.into(),
        title: "Arbetsförmedlare".into(),
        title_en: String::new(),
        phone: PhoneNumber::parse("010-111 22 33").unwrap(),
        email: Email::parse(&format!("{}@tidbok.example", last_name.to_lowercase())).unwrap(),
        office_code: office_code.into(),
        languages: vec!["sv".into()],
        channels: vec![Channel::Phone],
        fields: vec![FieldCode::parse("transport").unwrap()],
        serves_employers: false,
    }
}

/// Reference data, three people registered in September and one on 1 December, and the
/// office they live near: its id and code.
async fn office_with_people(backend: Backend) -> (TestDb, Store, [i64; 4], i64, String) {
    let db = TestDb::new(backend).await;
    let store = db.store().await;
    app::ssr::seed::sync_reference_data(&store).await.unwrap();
    for (code, city, lat) in [("goteborg", "Göteborg", 57.7), ("kiruna", "Kiruna", 67.8)] {
        store
            .insert_office(&NewOffice {
                latitude: lat,
                longitude: 12.0,
                ..crate::store_contract::office(code, city)
            })
            .await
            .unwrap();
    }
    let mut ids = [0; 4];
    for (i, n) in (41..=43).enumerate() {
        ids[i] = people::register(&store, n, &["underskoterska"], None, at(9, 10, 12)).await;
    }
    ids[3] = people::register(&store, 44, &["underskoterska"], None, at(12, 1, 12)).await;
    let office = store
        .seeker_reach(ids[0])
        .await
        .unwrap()
        .unwrap()
        .home_office
        .expect("a home office near 413 19");
    let code = store
        .list_offices()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.id == office)
        .unwrap()
        .code;
    (db, store, ids, office, code)
}

fn report(
    seeker_id: i64,
    based_on: i64,
    sent_at: DateTime<Utc>,
    on_time: bool,
) -> NewReport<'static> {
    NewReport {
        seeker_id,
        period: november(),
        based_on,
        sent_at,
        on_time,
        activity_count: 1,
        hours_worked: 0,
        body: "{}",
    }
}

async fn the_office_list_has_each_person_with_their_counsellor_and_report(backend: Backend) {
    let (db, store, [a, b, c, late], office, code) = office_with_people(backend).await;
    let sara = store
        .insert_counsellor(&counsellor("Berg", &code))
        .await
        .unwrap();
    let olle = store
        .insert_counsellor(&counsellor("Dahl", &code))
        .await
        .unwrap();
    // a booked Dahl for October and cancelled, then met Berg in September: Berg is a's
    // counsellor, the later meeting being cancelled.
    let cancelled = people::phone_meeting(&store, a, olle, at(10, 5, 9)).await;
    store
        .cancel_booking(
            BookingId(cancelled),
            SeekerId(a),
            CancelReason::Illness,
            "",
            at(9, 12, 9),
        )
        .await
        .unwrap();
    people::phone_meeting(&store, a, sara, at(9, 21, 9)).await;
    // b met Dahl; c has no meeting.
    let b_meeting = people::phone_meeting(&store, b, olle, at(10, 7, 9)).await;
    // a sent November on time and corrected it; b saved a draft.
    store
        .send_report(&report(a, 0, at(12, 3, 9), true))
        .await
        .unwrap();
    store
        .send_report(&report(a, 1, at(12, 4, 9), true))
        .await
        .unwrap();
    store
        .save_report_draft(b, november(), 0, "{}", at(12, 2, 9))
        .await
        .unwrap();

    let rows = store
        .office_reports(office, november(), november().opens_at())
        .await
        .unwrap();
    let ids: Vec<i64> = rows.iter().map(|r| r.seeker_id).collect();
    assert_eq!(
        ids,
        [a, b, c],
        "by surname; registered in December is not listed"
    );
    let (ra, rb, rc) = (&rows[0], &rows[1], &rows[2]);
    assert_eq!(ra.counsellor_id, Some(sara));
    assert_eq!(ra.counsellor_name.as_deref(), Some("Sara Berg"));
    assert_eq!(
        ra.first_sent_at,
        Some(at(12, 3, 9)),
        "the first version's time"
    );
    assert_eq!(ra.first_on_time, Some(true));
    assert_eq!(ra.first_channel.as_deref(), Some("web"));
    assert_eq!(ra.latest_version, Some(2));
    assert!(!ra.has_draft);
    assert_eq!(ra.registered_at, at(9, 10, 12));
    assert_eq!(
        (rb.counsellor_id, rb.booking_id, rb.booking_starts_at),
        (Some(olle), Some(b_meeting), Some(at(10, 7, 9)))
    );
    assert!(rb.has_draft);
    assert_eq!((rb.first_sent_at, rb.latest_version), (None, None));
    assert_eq!((rc.counsellor_id, rc.booking_id), (None, None));
    assert!(!rc.has_draft && rc.first_sent_at.is_none());
    // October: nothing sent by anyone, and no draft.
    let october = store
        .office_reports(
            office,
            november().previous(),
            november().previous().opens_at(),
        )
        .await
        .unwrap();
    assert_eq!(october.len(), 3);
    assert!(october
        .iter()
        .all(|r| r.first_sent_at.is_none() && !r.has_draft));
    // Another office has none of them.
    let other = store
        .list_offices()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.id != office)
        .unwrap();
    let elsewhere = store
        .office_reports(other.id, november(), november().opens_at())
        .await
        .unwrap();
    assert!(elsewhere
        .iter()
        .all(|r| ![a, b, c, late].contains(&r.seeker_id)));
    db.drop_database().await;
}

async fn everyone_listed_is_written_to_the_access_log(backend: Backend) {
    let (db, store, [a, b, c, _], _, code) = office_with_people(backend).await;
    let staff = store
        .insert_staff(
            &NewStaff {
                email: Email::parse("chef@tidbok.example").unwrap(),
                first_name: "Kim".into(),
                last_name: "Chef".into(),
                role: Role::OfficeManager,
                office_code: Some(code),
                counsellor_email: None,
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
            },
            at(12, 1, 8),
        )
        .await
        .unwrap();
    store
        .log_list_access(
            StaffId(staff),
            &[SeekerId(a), SeekerId(b)],
            AccessReason::ReportList,
            at(12, 6, 10),
        )
        .await
        .unwrap();
    store
        .log_list_access(StaffId(staff), &[], AccessReason::ReportList, at(12, 6, 10))
        .await
        .unwrap();
    for (seeker, lines) in [(a, 1), (b, 1), (c, 0)] {
        let log = store.access_log(seeker).await.unwrap();
        assert_eq!(log.len(), lines, "seeker {seeker}");
        for line in log {
            assert_eq!(
                (line.staff_id, line.reason.as_str()),
                (staff, "report_list")
            );
            assert_eq!((line.booking_id, line.at), (None, at(12, 6, 10)));
        }
    }
    db.drop_database().await;
}
