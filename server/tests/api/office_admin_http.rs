//! Offices over HTTP, on both databases: only an administrator creates and changes them; a
//! form is checked field by field (opening hours with several spans a day, postcode areas)
//! and refuses a stale version; every change goes to the audit trail; the postcode areas
//! decide the suggested office; an office that takes no visits is not offered for them;
//! closing a day lists the meetings booked then before it is done; the capacity form works
//! from the office's page too.

use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend,
};
use app::{
    domain::{field_error::FieldError, time::stockholm_to_utc, Rule},
    error::AppError,
    ssr::services::registration::suggested_office,
    views::office_admin::{OfficeEditView, OfficesView},
};
use chrono::{Datelike, Days, NaiveTime, Utc, Weekday};

on_both_backends!(
    an_administrator_creates_an_office_with_hours_and_areas,
    closing_a_day_first_lists_the_meetings_booked_then,
);

const LIST: &str = "/api/personal/admin/kontor";
const PAGE: &str = "/api/personal/admin/kontor/visa";
const SAVE: &str = "/api/personal/admin/kontor/spara";
const CLOSE: &str = "/api/personal/admin/kontor/stang";
const REOPEN: &str = "/api/personal/admin/kontor/oppna";

fn kiruna(id: Option<i64>, version: &str, mon: &str, areas: &str) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("form[name]", "Kontor Kiruna".to_owned()),
        ("form[street]", "Föreningsgatan 11".to_owned()),
        ("form[postcode]", "981 31".to_owned()),
        ("form[city]", "Kiruna".to_owned()),
        ("form[phone]", "0980-700 00".to_owned()),
        ("form[email]", "kiruna@tidbok.example".to_owned()),
        ("form[areas]", areas.to_owned()),
        ("form[takes_visits]", "ja".to_owned()),
        ("form[mon]", mon.to_owned()),
        ("form[tue]", "09:00-16:00".to_owned()),
        ("form[wed]", "09:00-16:00".to_owned()),
        ("form[thu]", "09:00-16:00".to_owned()),
        ("form[fri]", "09:00-14:00".to_owned()),
        ("form[version]", version.to_owned()),
    ];
    if let Some(id) = id {
        f.push(("id", id.to_string()));
    }
    f
}

fn as_str<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn an_administrator_creates_an_office_with_hours_and_areas(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let admin = people::staff(&app, "admin@tidbok.example").await;
    let list: OfficesView = admin.call(LIST, &[]).await.json().await.unwrap();
    assert_eq!(list.offices.len(), 4);
    let umea = list
        .offices
        .iter()
        .find(|o| o.name == "Kontor Umeå")
        .unwrap();
    assert_eq!(
        umea.hours[2], "09:00–12:00, 13:00–16:00",
        "Wednesday has a lunch break"
    );
    assert!(umea.areas.contains("98"));

    // Office managers and counsellors may not.
    for who in ["chef.umea@tidbok.example", "sanna.lindqvist@tidbok.example"] {
        let browser = people::staff(&app, who).await;
        assert_eq!(
            error_of(browser.call(LIST, &[]).await).await,
            AppError::Forbidden
        );
        assert_eq!(
            error_of(browser.call(PAGE, &[("id", umea.id.to_string())]).await).await,
            AppError::Forbidden
        );
        assert_eq!(
            error_of(
                browser
                    .call(SAVE, &kiruna(None, "", "09:00-16:00", "981"))
                    .await
            )
            .await,
            AppError::Forbidden
        );
        // Umeå's own manager may not close or open its days either.
        let day = vec![
            ("office", umea.id.to_string()),
            ("form[day]", "2030-01-07".into()),
            ("form[reason]", "x".into()),
            ("dag", "2030-01-07".into()),
        ];
        for path in [CLOSE, REOPEN] {
            assert_eq!(
                error_of(browser.call(path, &day).await).await,
                AppError::Forbidden,
                "{path}"
            );
        }
    }
    // Job seekers and the signed-out get no further, on any of the offices' endpoints.
    people::register(&app.store, 82, &["underskoterska"], None, Utc::now()).await;
    let seeker = people::sign_in(&app, 82, "/mina-sidor").await;
    let anonymous = Browser::new(&app);
    let id = umea.id.to_string();
    for (path, fields) in [
        (LIST, vec![]),
        (PAGE, vec![("id", id.clone())]),
        (SAVE, kiruna(None, "", "09:00-16:00", "981")),
        (
            CLOSE,
            vec![
                ("office", id.clone()),
                ("form[day]", "2030-01-07".into()),
                ("form[reason]", "x".into()),
                ("bekraftad", "ja".into()),
            ],
        ),
        (
            REOPEN,
            vec![("office", id.clone()), ("dag", "2030-01-07".into())],
        ),
    ] {
        for outsider in [&seeker, &anonymous] {
            assert_eq!(
                error_of(outsider.call(path, &fields).await).await,
                AppError::Unauthorized,
                "{path}"
            );
        }
    }
    assert_eq!(app.store.office_records().await.unwrap().len(), 4);
    assert!(app
        .store
        .audit_entries(None, 50)
        .await
        .unwrap()
        .iter()
        .all(|a| !a.action.starts_with("office.")));

    // Each wrong field is named; a plain form goes back with what was typed.
    match error_of(
        admin
            .call(SAVE, &kiruna(None, "", "09-12, 11-15", "9"))
            .await,
    )
    .await
    {
        AppError::Validation(e) => {
            assert_eq!(e.get("mon"), Some(&FieldError::SpansOverlap));
            assert_eq!(e.get("areas"), Some(&FieldError::PostcodeArea));
            assert_eq!(e.len(), 2, "{e:?}");
        }
        other => panic!("{other:?}"),
    }
    let bad = kiruna(None, "", "nio till tolv", "981");
    let (status, to) = admin.post(SAVE, &as_str(&bad)).await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/personal/admin/kontor/ny#formular")
    );
    let back: OfficeEditView = admin.call(PAGE, &[]).await.json().await.unwrap();
    assert_eq!(back.form.mon, "nio till tolv", "what was typed stays");
    assert_eq!(back.errors.get("mon"), Some(&FieldError::OpeningSpan));

    // Created: Monday with a lunch break, areas 981 and 982.
    let (status, to) = admin
        .post(
            SAVE,
            &as_str(&kiruna(None, "", "9-12, 13:00–16:00", "981, 982")),
        )
        .await;
    assert_eq!(status, 302);
    let id: i64 = to
        .strip_prefix("/personal/admin/kontor/")
        .and_then(|r| r.parse().ok())
        .unwrap_or_else(|| panic!("{to}"));
    let page: OfficeEditView = admin
        .call(PAGE, &[("id", id.to_string())])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.form.mon, "09:00–12:00, 13:00–16:00");
    assert_eq!(page.form.areas, "981, 982");
    assert_eq!(page.form.version, "1");
    let record = app
        .store
        .office_records()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.id == id)
        .unwrap();
    assert_eq!(record.code, "kiruna");
    assert_eq!(record.draft.hours.on(Weekday::Mon).count(), 2);
    // The area decides before the distance: Umeå serves 98, Kiruna the closer 981.
    assert_eq!(
        suggested_office(&app.store, "98131").await.unwrap(),
        Some(id)
    );
    assert_eq!(
        suggested_office(&app.store, "98333").await.unwrap(),
        Some(umea.id)
    );
    let audit = app
        .store
        .audit_entries(Some("office.create"), 5)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(
        audit[0].after.contains("mon 09:00–12:00, 13:00–16:00"),
        "{audit:?}"
    );
    assert_eq!(audit[0].subject, format!("office:{id}"));

    // Another office may not take an area Kiruna serves.
    let mut other = kiruna(None, "", "09:00-16:00", "982");
    other[0].1 = "Kontor Gällivare".to_owned();
    match error_of(admin.call(SAVE, &other).await).await {
        AppError::Validation(e) => {
            assert_eq!(e.get("areas"), Some(&FieldError::PostcodeAreaTaken))
        }
        other => panic!("{other:?}"),
    }

    // A job seeker is offered visits at Kiruna until it takes none.
    let seeker = people::signed_in(&app, 83, "/boka").await;
    let (_, picker) = seeker.get("/boka?kanal=office").await;
    assert!(picker.contains("Kontor Kiruna"));
    let mut closed = kiruna(Some(id), "1", "09:00-16:00", "981, 982");
    closed.retain(|(k, _)| *k != "form[takes_visits]");
    assert!(admin.call(SAVE, &closed).await.status().is_success());
    let (_, picker) = seeker.get(&format!("/boka?kanal=office&kontor={id}")).await;
    assert!(!picker.contains("Kontor Kiruna"), "not offered for visits");
    assert!(!app.store.visit_office_ids().await.unwrap().contains(&id));
    // The form was drawn from version 1: saving it again is refused, not overwritten.
    assert_eq!(
        error_of(
            admin
                .call(SAVE, &kiruna(Some(id), "1", "10:00-15:00", "981"))
                .await
        )
        .await,
        AppError::Conflict(Rule::EditedMeanwhile)
    );
    let audit = app
        .store
        .audit_entries(Some("office.update"), 5)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(audit[0].before.contains("besök ja") && audit[0].after.contains("besök nej"));
    app.store.close().await;
    app.db.drop_database().await;
}

async fn closing_a_day_first_lists_the_meetings_booked_then(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let admin = people::staff(&app, "admin@tidbok.example").await;
    let (sanna, stockholm) = people::counsellor(&app, "sanna.lindqvist@tidbok.example").await;
    // A Tuesday five weeks ahead, clear of the demo's busy week.
    let mut day = (Utc::now() + chrono::Duration::days(35)).date_naive();
    while day.weekday() != Weekday::Tue {
        day = day + Days::new(1);
    }
    let seeker = people::register(&app.store, 84, &["underskoterska"], None, Utc::now()).await;
    let ten = stockholm_to_utc(day, NaiveTime::from_hms_opt(10, 0, 0).unwrap()).unwrap();
    people::phone_meeting(&app.store, seeker, sanna, ten).await;
    let office = stockholm.to_string();
    let close = |confirmed: &str, day: String, reason: &str| {
        vec![
            ("office", office.clone()),
            ("form[day]", day),
            ("form[reason]", reason.to_owned()),
            ("bekraftad", confirmed.to_owned()),
        ]
    };

    // Mistakes are named.
    match error_of(admin.call(CLOSE, &close("", "2020-01-07".into(), "")).await).await {
        AppError::Validation(e) => {
            assert_eq!(e.get("day"), Some(&FieldError::DateInPast));
            assert_eq!(e.get("reason"), Some(&FieldError::Required));
        }
        other => panic!("{other:?}"),
    }
    // The meeting that day is shown first; nothing is closed yet.
    let form = close("", day.to_string(), "Planeringsdag");
    let (status, to) = admin.post(CLOSE, &as_str(&form)).await;
    assert_eq!(
        (status, to.as_str()),
        (
            302,
            format!("/personal/admin/kontor/{stockholm}#stangda-dagar").as_str()
        )
    );
    let page: OfficeEditView = admin
        .call(PAGE, &[("id", office.clone())])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.closure_in_the_way.len(), 1);
    assert_eq!(page.closure_in_the_way[0].starts_at, ten);
    assert_eq!(page.closure.reason, "Planeringsdag");
    assert!(page.closed.iter().all(|c| c.day != day));
    // Asked again, it belongs to Stockholm's page only: another office's page shows none.
    admin.post(CLOSE, &as_str(&form)).await;
    let umea = app
        .store
        .office_records()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.code == "umea")
        .unwrap();
    let other: OfficeEditView = admin
        .call(PAGE, &[("id", umea.id.to_string())])
        .await
        .json()
        .await
        .unwrap();
    assert!(other.closure_in_the_way.is_empty() && other.closure.reason.is_empty());
    // Closed anyway: the meeting stays, listed under the day to be moved.
    let (status, _) = admin
        .post(
            CLOSE,
            &as_str(&close("ja", day.to_string(), "Planeringsdag")),
        )
        .await;
    assert_eq!(status, 302);
    let page: OfficeEditView = admin
        .call(PAGE, &[("id", office.clone())])
        .await
        .json()
        .await
        .unwrap();
    let closed = page
        .closed
        .iter()
        .find(|c| c.day == day)
        .expect("the day is closed");
    assert_eq!(closed.reason, "Planeringsdag");
    assert_eq!(closed.in_the_way.len(), 1);
    assert!(closed.in_the_way[0].href.contains("mote="));
    let audit = app
        .store
        .audit_entries(Some("office.close_day"), 5)
        .await
        .unwrap();
    assert_eq!(audit[0].after, format!("{day}: Planeringsdag"));
    // Nothing is offered with the office's counsellors that day.
    let calendar = app.store.office_closures(day, day).await.unwrap();
    assert_eq!(calendar, vec![(stockholm, day, "Planeringsdag".to_owned())]);

    // An office manager may not close days (not even their own office's).
    let chef = people::staff(&app, "chef.stockholm-city@tidbok.example").await;
    assert_eq!(
        error_of(chef.call(CLOSE, &close("ja", day.to_string(), "x")).await).await,
        AppError::Forbidden
    );
    // Opened again, twice (a second click is no error).
    for _ in 0..2 {
        let (status, _) = admin
            .post(
                REOPEN,
                &[("office", office.as_str()), ("dag", &day.to_string())],
            )
            .await;
        assert_eq!(status, 302);
    }
    assert!(app
        .store
        .office_closures(day, day)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        app.store
            .audit_entries(Some("office.reopen_day"), 5)
            .await
            .unwrap()
            .len(),
        1
    );

    // The capacity form on the office's page returns there, and is audited.
    let mut capacity = vec![
        ("office", office.clone()),
        ("capacity[target]", "75".to_owned()),
    ];
    for key in [
        "capacity[mon]",
        "capacity[tue]",
        "capacity[wed]",
        "capacity[thu]",
        "capacity[fri]",
    ] {
        capacity.push((key, "5".to_owned()));
    }
    capacity.push(("tillbaka", format!("/personal/admin/kontor/{stockholm}")));
    let (status, to) = admin
        .post("/api/personal/kontor/kapacitet", &as_str(&capacity))
        .await;
    assert_eq!(
        (status, to),
        (302, format!("/personal/admin/kontor/{stockholm}#kapacitet"))
    );
    let audit = app
        .store
        .audit_entries(Some("office.capacity"), 5)
        .await
        .unwrap();
    assert!(
        audit[0]
            .after
            .starts_with("5/5/5/5/5/–/– per timme; mål 75 %"),
        "{audit:?}"
    );
    // Anywhere else is not gone back to.
    capacity.pop();
    capacity.push(("tillbaka", "https://example.com/".to_owned()));
    let (_, to) = admin
        .post("/api/personal/kontor/kapacitet", &as_str(&capacity))
        .await;
    assert!(to.starts_with("/personal/kontor"), "{to}");
    app.store.close().await;
    app.db.drop_database().await;
}
