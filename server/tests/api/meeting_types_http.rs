//! Meeting types over HTTP and in the store, on both databases: only an administrator
//! changes them; a change is checked field by field, refuses a stale version, goes to the
//! audit trail, survives the reference data being brought up to date, and is what the next
//! job seeker is offered (length, and the ways of meeting).

use crate::support::{browser::error_of, people, spawn_app, Backend};
use app::{
    domain::{field_error::FieldError, Channel, Rule},
    error::AppError,
    ssr::store::MeetingTypeRow,
    views::admin::MeetingTypesView,
};
use chrono::Duration;

on_both_backends!(
    an_administrator_sets_the_first_meetings_rules_and_seekers_get_them,
    the_reference_data_keeps_what_the_administrator_set,
);

const LOAD: &str = "/api/personal/admin/motestyper";
const SAVE: &str = "/api/personal/admin/motestyper/spara";

fn form(version: &str, minutes: &str, channels: &[&str]) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("code", "first-meeting".to_owned()),
        ("form[minutes]", minutes.to_owned()),
        ("form[buffer_minutes]", "15".to_owned()),
        ("form[notice_hours]", "4".to_owned()),
        ("form[horizon_days]", "21".to_owned()),
        ("form[version]", version.to_owned()),
    ];
    f.extend(
        channels
            .iter()
            .map(|c| ("form[channels][]", (*c).to_owned())),
    );
    f
}

/// The values of the picker's time radio buttons on a page, in page order.
fn time_values(html: &str) -> Vec<String> {
    html.match_indices("name=\"tid\"")
        .filter_map(|(i, _)| {
            let rest = &html[i..];
            let v = rest.find("value=\"")? + 7;
            let end = rest[v..].find('"')?;
            Some(rest[v..v + end].to_owned())
        })
        .collect()
}

async fn an_administrator_sets_the_first_meetings_rules_and_seekers_get_them(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let admin = people::staff(&app, "admin@tidbok.example").await;
    let view: MeetingTypesView = admin.call(LOAD, &[]).await.json().await.unwrap();
    let first = view
        .types
        .iter()
        .find(|t| t.code == "first-meeting")
        .unwrap();
    assert_eq!(
        (
            first.form.minutes.as_str(),
            first.form.notice_hours.as_str()
        ),
        ("45", "2")
    );
    let version = first.form.version.clone();

    // Office managers and counsellors may not.
    for who in [
        "chef.stockholm-city@tidbok.example",
        "sanna.lindqvist@tidbok.example",
    ] {
        let browser = people::staff(&app, who).await;
        assert_eq!(
            error_of(browser.call(LOAD, &[]).await).await,
            AppError::Forbidden
        );
        assert_eq!(
            error_of(browser.call(SAVE, &form(&version, "60", &["phone"])).await).await,
            AppError::Forbidden
        );
    }
    // Each wrong field is named; a plain form goes back to the page with them.
    let res = admin.call(SAVE, &form(&version, "50", &[])).await;
    match error_of(res).await {
        AppError::Validation(e) => {
            assert_eq!(e.get("minutes"), Some(&FieldError::OutsideRange));
            assert_eq!(e.get("channels"), Some(&FieldError::Required));
        }
        other => panic!("{other:?}"),
    }
    let (status, to) = admin
        .post(
            SAVE,
            &form(&version, "50", &["phone"])
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/personal/admin/motestyper#typ-first-meeting")
    );
    let back: MeetingTypesView = admin.call(LOAD, &[]).await.json().await.unwrap();
    let item = back
        .types
        .iter()
        .find(|t| t.code == "first-meeting")
        .unwrap();
    assert_eq!(item.form.minutes, "50", "what was typed stays");
    assert_eq!(back.changed.as_deref(), Some("first-meeting"));

    // Saved: an hour, by phone only.
    let res = admin.call(SAVE, &form(&version, "60", &["phone"])).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(
        error_of(admin.call(SAVE, &form(&version, "30", &["video"])).await).await,
        AppError::Conflict(Rule::EditedMeanwhile)
    );
    let audit = app
        .store
        .audit_entries(Some("meeting_type.update"), 5)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(
        audit[0].before.starts_with("45 min") && audit[0].after.starts_with("60 min"),
        "{audit:?}"
    );

    // A job seeker is offered phone only, and books an hour.
    let seeker = people::signed_in(&app, 81, "/boka").await;
    let (_, page) = seeker.get("/boka").await;
    assert!(page.contains("value=\"phone\""));
    assert!(
        !page.contains("value=\"office\"") && !page.contains("value=\"video\""),
        "only phone is offered"
    );
    let (_, page) = seeker.get("/boka?kanal=video").await;
    assert!(
        time_values(&page).is_empty(),
        "no times for a way not offered"
    );
    let (_, page) = seeker.get("/boka?kanal=phone").await;
    let times = time_values(&page);
    assert!(!times.is_empty());
    let (status, location) = seeker
        .post(
            "/api/boka/bekrafta",
            &[
                ("kanal", "phone"),
                ("kontor", ""),
                ("tid", &times[0]),
                ("byt", ""),
            ],
        )
        .await;
    assert_eq!(status, 302, "{location}");
    let id: i64 = location
        .strip_prefix("/mina-sidor/mote/")
        .and_then(|r| r.split('?').next())
        .and_then(|id| id.parse().ok())
        .unwrap();
    let booking = app.store.booking(id).await.unwrap().unwrap();
    assert_eq!(booking.ends_at - booking.starts_at, Duration::minutes(60));
    assert!(booking.starts_at >= chrono::Utc::now() + Duration::hours(4) - Duration::minutes(1));
    // Booking by video is refused by the rule, not offered silently.
    let (status, _) = seeker
        .post(
            "/api/boka/bekrafta",
            &[
                ("kanal", "video"),
                ("kontor", ""),
                ("tid", &times[0]),
                ("byt", ""),
            ],
        )
        .await;
    assert_ne!(status, 500);
    assert_eq!(
        app.store
            .seeker_bookings(booking.seeker_id.unwrap())
            .await
            .unwrap()
            .len(),
        1
    );
    app.store.close().await;
    app.db.drop_database().await;
}

async fn the_reference_data_keeps_what_the_administrator_set(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let admin = people::staff(&app, "admin@tidbok.example").await;
    let view: MeetingTypesView = admin.call(LOAD, &[]).await.json().await.unwrap();
    let version = view
        .types
        .iter()
        .find(|t| t.code == "first-meeting")
        .unwrap()
        .form
        .version
        .clone();
    assert!(admin
        .call(SAVE, &form(&version, "75", &["video"]))
        .await
        .status()
        .is_success());
    // A newer release brings its reference data: names follow it, the rules stay; a new
    // meeting type comes with its own.
    let types = vec![
        MeetingTypeRow {
            code: "first-meeting".into(),
            name_sv: "Första mötet".into(),
            name_en: "First meeting".into(),
            minutes: 45,
            buffer_minutes: 15,
            notice_minutes: 120,
            horizon_days: 28,
            channels: Channel::ALL.to_vec(),
            version: 1,
        },
        MeetingTypeRow {
            code: "group-session".into(),
            name_sv: "Gruppträff".into(),
            name_en: "Group session".into(),
            minutes: 90,
            buffer_minutes: 30,
            notice_minutes: 1440,
            horizon_days: 60,
            channels: vec![Channel::Office],
            version: 1,
        },
    ];
    assert!(app
        .store
        .sync_reference_data("test-next", &[], &[], &types)
        .await
        .unwrap());
    let now = app.store.list_meeting_types().await.unwrap();
    let first = now.iter().find(|t| t.code == "first-meeting").unwrap();
    assert_eq!(first.name_sv, "Första mötet");
    assert_eq!(
        (first.minutes, first.notice_minutes, first.horizon_days),
        (75, 240, 21)
    );
    assert_eq!(first.channels, vec![Channel::Video]);
    let group = now.iter().find(|t| t.code == "group-session").unwrap();
    assert_eq!(
        (group.minutes, group.channels.clone()),
        (90, vec![Channel::Office])
    );
    app.store.close().await;
    app.db.drop_database().await;
}
