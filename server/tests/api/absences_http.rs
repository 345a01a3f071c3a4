//! Absences over HTTP on both databases: shown in the calendar and tagging the meetings
//! still in them, listed on the work hours page until moved, shortened or removed without
//! putting open time back silently; and working hours laid beside open time joining it.

use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend, TestApp,
};
use app::{
    domain::{
        field_error::FieldError,
        time::{clock, stockholm_date, stockholm_to_utc},
    },
    error::AppError,
    views::{calendar::CalendarView, work_hours::WorkHoursView},
};
use chrono::{Datelike, Days, Duration, NaiveDate, NaiveTime, Utc};

on_both_backends!(
    an_absence_shows_in_the_calendar_until_shortened_or_removed,
    working_hours_join_the_open_time_they_touch,
);

const SANNA: &str = "sanna.lindqvist@tidbok.example";

/// A Monday six weeks ahead: past the demo's open time.
fn far_monday() -> NaiveDate {
    let today = stockholm_date(Utc::now());
    today + Days::new(u64::from(7 - today.weekday().num_days_from_monday()) + 35)
}

fn at(day: NaiveDate, h: u32) -> chrono::DateTime<Utc> {
    stockholm_to_utc(day, NaiveTime::from_hms_opt(h, 0, 0).unwrap()).unwrap()
}

async fn open_on(app: &TestApp, counsellor: i64, day: NaiveDate) -> Vec<(String, String)> {
    app.store
        .list_availability(counsellor, at(day, 0), at(day, 0) + Duration::days(1))
        .await
        .unwrap()
        .iter()
        .map(|a| (clock(a.starts_at), clock(a.ends_at)))
        .collect()
}

async fn week(me: &Browser<'_>, monday: NaiveDate) -> CalendarView {
    me.call(
        "/api/personal/kalender/vecka",
        &[("week", monday.to_string())],
    )
    .await
    .json()
    .await
    .unwrap()
}

async fn hours(me: &Browser<'_>, id: i64) -> WorkHoursView {
    me.call(
        "/api/personal/arbetstider",
        &[("counsellor", id.to_string())],
    )
    .await
    .json()
    .await
    .unwrap()
}

async fn save_hours(me: &Browser<'_>, id: i64) {
    let mut hours = vec![("counsellor", id.to_string())];
    let names = [
        ("hours[days][0][starts]", "hours[days][0][ends]"),
        ("hours[days][1][starts]", "hours[days][1][ends]"),
        ("hours[days][2][starts]", "hours[days][2][ends]"),
        ("hours[days][3][starts]", "hours[days][3][ends]"),
        ("hours[days][4][starts]", "hours[days][4][ends]"),
    ];
    for (s, e) in names {
        hours.push((s, "08:00".into()));
        hours.push((e, "16:00".into()));
    }
    hours.push(("hours[lunch_starts]", "12:00".into()));
    hours.push(("hours[lunch_ends]", "13:00".into()));
    let res = me.call("/api/personal/arbetstider/spara", &hours).await;
    assert_eq!(res.status(), 200);
}

async fn an_absence_shows_in_the_calendar_until_shortened_or_removed(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (id, _) = people::counsellor(&app, SANNA).await;
    let me = people::staff(&app, SANNA).await;
    save_hours(&me, id).await;
    let monday = far_monday();
    let generate = vec![
        ("counsellor", id.to_string()),
        ("from", monday.to_string()),
        ("weeks", "1".to_owned()),
    ];
    assert_eq!(
        me.call("/api/personal/arbetstider/lagg-ut", &generate)
            .await
            .status(),
        200
    );
    let (wed, thu, fri) = (
        monday + Days::new(2),
        monday + Days::new(3),
        monday + Days::new(4),
    );
    let seeker = people::register(&app.store, 31, &["underskoterska"], None, Utc::now()).await;
    let meeting = people::phone_meeting(&app.store, seeker, id, at(thu, 9)).await;
    let res = me
        .call(
            "/api/personal/arbetstider/franvaro",
            &[
                ("counsellor", id.to_string()),
                ("absence[kind]", "absence".into()),
                ("absence[from]", wed.to_string()),
                ("absence[to]", fri.to_string()),
                ("absence[note]", "Sjuk".into()),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);

    // The week: Wednesday to Friday are away; Thursday's meeting is tagged to be moved.
    let view = week(&me, monday).await;
    let away: Vec<bool> = view
        .board
        .columns
        .iter()
        .map(|c| c.away.is_some())
        .collect();
    assert_eq!(away, [false, false, true, true, true]);
    assert_eq!(view.board.columns[2].away.as_ref().unwrap().note, "Sjuk");
    let m = view
        .board
        .meetings
        .iter()
        .find(|m| m.id == meeting)
        .unwrap();
    assert!(m.in_absence);
    // The day view and the office's day show it too.
    let day = me
        .call("/api/personal/kalender/vecka", &[("day", thu.to_string())])
        .await
        .json::<CalendarView>()
        .await
        .unwrap();
    assert!(day.board.columns[0].away.is_some());
    let office = me
        .call(
            "/api/personal/kalender/vecka",
            &[("day", thu.to_string()), ("office", "true".into())],
        )
        .await
        .json::<CalendarView>()
        .await
        .unwrap();
    let hers = office
        .board
        .columns
        .iter()
        .find(|c| c.counsellor_id == id)
        .unwrap();
    assert!(hers.away.is_some());
    assert!(office
        .board
        .columns
        .iter()
        .filter(|c| c.counsellor_id != id)
        .all(|c| c.away.is_none()));

    // The work hours page lists it with the meeting still in it.
    let page = hours(&me, id).await;
    let absence = page
        .absences
        .iter()
        .find(|a| a.note == "Sjuk")
        .unwrap()
        .clone();
    assert_eq!((absence.from.0, absence.to.0), (wed, fri));
    assert_eq!(absence.in_the_way.len(), 1);
    assert!(absence.in_the_way[0]
        .href
        .contains(&format!("mote={meeting}")));

    // Lengthening is refused; shortening to Wednesday frees Thursday and Friday.
    let change = |from: NaiveDate, to: NaiveDate, remove: bool| {
        let mut f = vec![
            ("counsellor", id.to_string()),
            ("absence", absence.id.to_string()),
            ("shorten[from]", from.to_string()),
            ("shorten[to]", to.to_string()),
        ];
        if remove {
            f.push(("remove", "1".into()));
        }
        f
    };
    let longer = me
        .call(
            "/api/personal/arbetstider/franvaro/andra",
            &change(wed, fri + Days::new(1), false),
        )
        .await;
    assert_eq!(
        error_of(longer).await,
        AppError::Validation([("to".to_owned(), FieldError::OutsideRange)].into())
    );
    let karin = people::staff(&app, "karin.ekstrom@tidbok.example").await;
    let refused = karin
        .call(
            "/api/personal/arbetstider/franvaro/andra",
            &change(wed, wed, false),
        )
        .await;
    assert_eq!(error_of(refused).await, AppError::Forbidden);
    me.post_to(
        "/api/personal/arbetstider/franvaro/andra",
        &change(wed, wed, false)
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect::<Vec<_>>(),
        &format!("/personal/arbetstider?radgivare={id}#klart"),
    )
    .await;
    let (_, text) = me
        .get(&format!("/personal/arbetstider?radgivare={id}"))
        .await;
    assert!(text.contains("Frånvaron är ändrad."), "{text}");
    assert!(text.contains("kommer inte tillbaka av sig själv"), "{text}");
    assert!(
        text.contains("Lägg ut arbetstiderna som öppen tid"),
        "{text}"
    );
    let view = week(&me, monday).await;
    let away: Vec<bool> = view
        .board
        .columns
        .iter()
        .map(|c| c.away.is_some())
        .collect();
    assert_eq!(away, [false, false, true, false, false]);
    assert!(
        !view
            .board
            .meetings
            .iter()
            .find(|m| m.id == meeting)
            .unwrap()
            .in_absence
    );
    assert!(
        open_on(&app, id, thu).await.is_empty(),
        "not put back silently"
    );
    let page = hours(&me, id).await;
    assert!(page
        .absences
        .iter()
        .find(|a| a.id == absence.id)
        .unwrap()
        .in_the_way
        .is_empty());

    // The offered button lays the hours out on exactly the freed days, around the meeting.
    let res = me
        .call(
            "/api/personal/arbetstider/lagg-ut",
            &[
                ("counsellor", id.to_string()),
                ("from", thu.to_string()),
                ("last", fri.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        open_on(&app, id, fri).await,
        [
            ("08:00".into(), "12:00".into()),
            ("13:00".into(), "16:00".into())
        ]
    );
    assert!(!open_on(&app, id, thu).await.is_empty());
    assert!(open_on(&app, id, wed).await.is_empty(), "still away");

    // Removed: Wednesday is no longer away.
    let res = me
        .call(
            "/api/personal/arbetstider/franvaro/andra",
            &change(wed, wed, true),
        )
        .await;
    assert_eq!(res.status(), 200);
    let view = week(&me, monday).await;
    assert!(view.board.columns.iter().all(|c| c.away.is_none()));
    let gone = me
        .call(
            "/api/personal/arbetstider/franvaro/andra",
            &change(wed, wed, true),
        )
        .await;
    assert_eq!(error_of(gone).await, AppError::NotFound);
}

async fn working_hours_join_the_open_time_they_touch(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (id, _) = people::counsellor(&app, SANNA).await;
    let me = people::staff(&app, SANNA).await;
    save_hours(&me, id).await;
    let monday = far_monday() + Days::new(7);
    let early = app
        .store
        .add_open_span(id, at(monday, 7), at(monday, 8))
        .await
        .unwrap();
    let res = me
        .call(
            "/api/personal/arbetstider/lagg-ut",
            &[
                ("counsellor", id.to_string()),
                ("from", monday.to_string()),
                ("weeks", "1".into()),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        open_on(&app, id, monday).await,
        [
            ("07:00".into(), "12:00".into()),
            ("13:00".into(), "16:00".into())
        ],
        "07–08 and 08–12 are one span"
    );
    let spans = app
        .store
        .list_availability(id, at(monday, 0), at(monday, 23))
        .await
        .unwrap();
    assert_eq!(spans[0].id, early, "the span that was there grew");
}
