//! The access log over HTTP on both databases: who may read it and how much (administrator
//! all, office manager their office's, nobody else), searched by number, name, staff member
//! and period, masked, as CSV; every search kept in the append-only audit trail.

use crate::support::{browser::error_of, people, spawn_app, Backend};
use app::{
    domain::{field_error::FieldError, personnummer::PersonalNumberError},
    error::AppError,
    views::access_log::AccessLogView,
};
use chrono::{Duration, Utc};

on_both_backends!(
    the_access_log_is_read_by_whom_it_concerns_and_kept,
    the_audit_trail_cannot_be_changed,
    coverage_counts_each_offices_counsellors_by_field,
);

const LOG: &str = "/api/personal/admin/atkomstlogg";
const SANNA: &str = "sanna.lindqvist@tidbok.example";

async fn the_access_log_is_read_by_whom_it_concerns_and_kept(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (sanna, _) = people::counsellor(&app, SANNA).await;
    // A Göteborg job seeker's meeting with Sanna (Stockholm City), opened by her: five weeks
    // out, past the demo's meetings, so it is free whatever the time of day the tests run.
    let seeker = people::register(&app.store, 51, &["underskoterska"], None, Utc::now()).await;
    let meeting =
        people::phone_meeting(&app.store, seeker, sanna, Utc::now() + Duration::days(35)).await;
    let me = people::staff(&app, SANNA).await;
    let res = me
        .call("/api/personal/mote", &[("id", meeting.to_string())])
        .await;
    assert_eq!(res.status(), 200);
    let number = people::personal_number(51);
    let digits: String = number.chars().filter(|c| c.is_ascii_digit()).collect();

    let search = |seeker: &str| vec![("query[seeker]", seeker.to_owned())];
    let admin = people::staff(&app, "admin@tidbok.example").await;
    let view: AccessLogView = admin
        .call(LOG, &search(&number))
        .await
        .json()
        .await
        .unwrap();
    assert!(view.errors.is_empty(), "{:?}", view.errors);
    assert_eq!(view.lines.len(), 1);
    let line = &view.lines[0];
    assert_eq!(line.staff, "Sanna Lindqvist");
    assert_eq!(line.booking_id, Some(meeting));
    assert_eq!(line.seeker_number, format!("{}-****", &digits[..8]));
    assert_eq!(view.office, None, "the administrator reads all of it");
    // By part of the name, in any case; by staff member; an empty period finds nothing.
    let by_name: AccessLogView = admin
        .call(LOG, &search(&line.seeker.to_uppercase()[6..]))
        .await
        .json()
        .await
        .unwrap();
    assert!(by_name.lines.iter().any(|l| l.booking_id == Some(meeting)));
    let sanna_staff = people::staff_id(&app, SANNA).await;
    let by_staff: AccessLogView = admin
        .call(LOG, &[("query[staff]", sanna_staff.to_string())])
        .await
        .json()
        .await
        .unwrap();
    assert!(by_staff.lines.iter().all(|l| l.staff == "Sanna Lindqvist"));
    assert!(!by_staff.lines.is_empty());
    let old: AccessLogView = admin
        .call(
            LOG,
            &[
                ("query[seeker]", number.clone()),
                ("query[fran]", "2020-01-01".into()),
                ("query[till]", "2020-01-31".into()),
            ],
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(old.lines.is_empty());

    // Office managers: Stockholm City (Sanna's office) and Göteborg (the seeker's) see it;
    // Malmö does not.
    for (manager, sees) in [
        ("chef.stockholm-city@tidbok.example", true),
        ("chef.goteborg-centrum@tidbok.example", true),
        ("chef.malmo-centrum@tidbok.example", false),
    ] {
        let browser = people::staff(&app, manager).await;
        let view: AccessLogView = browser
            .call(LOG, &search(&number))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(view.lines.len(), usize::from(sees), "{manager}");
        assert!(view.office.is_some());
    }
    // Counsellors, job seekers and the signed-out may not.
    assert_eq!(error_of(me.call(LOG, &[]).await).await, AppError::Forbidden);
    let seeker_browser = people::sign_in(&app, 51, "/mina-sidor").await;
    assert!(!seeker_browser.call(LOG, &[]).await.status().is_success());
    let anonymous = crate::support::browser::Browser::new(&app);
    assert!(!anonymous.call(LOG, &[]).await.status().is_success());

    // A mistyped number is named next to the field, and nothing is searched.
    let bad: AccessLogView = admin
        .call(LOG, &search("19850312-2388"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        bad.errors["seeker"],
        FieldError::PersonalNumber(PersonalNumberError::CheckDigit)
    );
    assert!(bad.lines.is_empty());

    // Every search is in the audit trail, with the number masked.
    let audit = app
        .store
        .audit_entries(Some("access_log.search"), 100)
        .await
        .unwrap();
    assert!(audit.len() >= 6, "{audit:?}");
    assert!(audit.iter().all(|a| !a.after.contains(&digits)));
    assert!(audit
        .iter()
        .any(|a| a.after.contains(&format!("{}-****", &digits[..8]))));

    // The CSV: Swedish Excel's form, masked, one line per event.
    let res = admin
        .client
        .get(app.url(&format!(
            "/personal/admin/atkomstlogg.csv?seeker={}",
            number
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = res.text().await.unwrap();
    assert!(body.starts_with('\u{feff}'));
    assert!(!body.contains(&digits));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(reader.headers().unwrap().get(1), Some("Personal"));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].get(1), Some("Sanna Lindqvist"));
    let res = me
        .client
        .get(app.url("/personal/admin/atkomstlogg.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

/// Whether the test database refuses `sql`, run straight on it.
async fn refused_by_database(app: &crate::support::TestApp, sql: &str) -> bool {
    use sqlx::Connection;
    if app.db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
        sqlx::query(sql).execute(&mut conn).await.is_err()
    } else {
        let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
        sqlx::query(sql).execute(&mut conn).await.is_err()
    }
}

async fn the_audit_trail_cannot_be_changed(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let store = app.store.clone();
    app::ssr::seed::demo::load_demo(&store, Utc::now())
        .await
        .unwrap();
    let admin = people::staff_id(&app, "admin@tidbok.example").await;
    store
        .record_audit(
            app::domain::StaffId(admin),
            "test",
            "x",
            "a",
            "b",
            Utc::now(),
        )
        .await
        .unwrap();
    let refused = (
        refused_by_database(&app, "UPDATE audit_log SET after_value = 'c'").await,
        refused_by_database(&app, "DELETE FROM audit_log").await,
    );
    assert_eq!(refused, (true, true));
    let kept = store.audit_entries(Some("test"), 10).await.unwrap();
    assert_eq!(kept[0].after, "b");
}

async fn coverage_counts_each_offices_counsellors_by_field(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let admin = people::staff(&app, "admin@tidbok.example").await;
    let res = admin.call("/api/personal/admin/tackning", &[]).await;
    assert_eq!(res.status(), 200);
    let view: app::views::coverage::CoverageView = res.json().await.unwrap();
    let offices = app.store.list_offices().await.unwrap();
    let fields = app.store.list_fields().await.unwrap();
    let counsellors = app.store.list_counsellors().await.unwrap();
    assert_eq!(view.offices.len(), offices.len());
    for (o, cover) in offices.iter().zip(&view.offices) {
        assert_eq!(cover.office, o.name);
        assert_eq!(cover.rows.len(), fields.len());
        for (f, row) in fields.iter().zip(&cover.rows) {
            let knowing: Vec<_> = counsellors
                .iter()
                .filter(|c| c.office_id == o.id && c.fields.iter().any(|x| x == f.code.as_str()))
                .collect();
            assert_eq!(row.counsellors, knowing.len(), "{} {}", o.name, f.name_sv);
            let video = knowing
                .iter()
                .filter(|c| c.channels.contains(&app::domain::Channel::Video))
                .count();
            assert_eq!(row.by_channel[2], video);
            assert_eq!(
                row.channel_gaps.contains(&app::domain::Channel::Video),
                !knowing.is_empty() && video == 0
            );
        }
        assert_eq!(
            cover.uncovered,
            cover.rows.iter().filter(|r| r.counsellors == 0).count()
        );
    }
    // An office manager sees their own office only; a counsellor not at all.
    let manager = people::staff(&app, "chef.umea@tidbok.example").await;
    let own: app::views::coverage::CoverageView = manager
        .call("/api/personal/admin/tackning", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(own.offices.len(), 1);
    assert!(own.offices[0].office.contains("Umeå"));
    let sanna = people::staff(&app, SANNA).await;
    assert_eq!(
        error_of(sanna.call("/api/personal/admin/tackning", &[]).await).await,
        AppError::Forbidden
    );
}
