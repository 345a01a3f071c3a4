//! The counsellor's workspace over HTTP, on both databases: changing open time from the
//! calendar (who may, what the database refuses), the meeting panel (who may open it, the
//! access log), outcomes, notes, follow-ups across offices and moves the seeker is told about.

use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend, TestApp,
};
use app::domain::{BookingStatus, Rule};
use app::{
    domain::{field_error::FieldError, open_time::OpenTimeError, time::stockholm_date},
    error::AppError,
    views::{
        calendar::{BoardOpen, CalendarView},
        case_file::{CaseFile, TimelineEntry},
    },
};
use chrono::{Datelike, Days, Duration, NaiveDate, Utc};

on_both_backends!(
    open_time_is_added_moved_and_removed_by_whoever_may_plan,
    open_time_around_a_booked_meeting_stays,
    the_panel_shows_the_case_and_logs_every_opening,
    outcome_note_follow_up_and_move_continue_one_case,
    forms_without_javascript_come_back_with_what_was_typed,
    the_busy_demo_week_has_forty_meetings,
    working_hours_lay_out_open_time_and_absences_take_it_away,
);

const SANNA: &str = "sanna.lindqvist@tidbok.example";
const SAVE: &str = "/api/personal/oppen-tid";
const REMOVE: &str = "/api/personal/oppen-tid/ta-bort";

async fn counsellor(app: &TestApp, email: &str) -> (i64, i64) {
    let all = app.store.list_counsellors().await.unwrap();
    let c = all.iter().find(|c| c.email == email).unwrap();
    (c.id, c.office_id)
}

/// A Saturday three weeks ahead: never in the demo's open time.
fn saturday() -> NaiveDate {
    let today = stockholm_date(Utc::now());
    today + Days::new(u64::from(5 + 7 - today.weekday().num_days_from_monday()) + 14)
}

fn open_time(
    counsellor: i64,
    id: Option<i64>,
    date: NaiveDate,
    from: &str,
    to: &str,
) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("counsellor", counsellor.to_string()),
        ("form[date]", date.to_string()),
        ("form[starts]", from.to_owned()),
        ("form[ends]", to.to_owned()),
    ];
    if let Some(id) = id {
        fields.push(("id", id.to_string()));
    }
    fields
}

async fn open_times_on(app: &TestApp, counsellor: i64, date: NaiveDate) -> Vec<(String, String)> {
    let from = app::domain::time::stockholm_to_utc(date, chrono::NaiveTime::MIN).unwrap();
    app.store
        .list_availability(counsellor, from, from + Duration::days(1))
        .await
        .unwrap()
        .iter()
        .map(|a| {
            (
                app::domain::time::clock(a.starts_at),
                app::domain::time::clock(a.ends_at),
            )
        })
        .collect()
}

async fn open_time_is_added_moved_and_removed_by_whoever_may_plan(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (sanna, _) = counsellor(&app, SANNA).await;
    let day = saturday();
    let me = people::staff(&app, SANNA).await;

    let res = me
        .call(SAVE, &open_time(sanna, None, day, "09:00", "11:00"))
        .await;
    assert_eq!(res.status(), 200);
    let added: BoardOpen = res.json().await.unwrap();
    assert_eq!((added.starts, added.ends), (540, 660));
    assert_eq!(
        open_times_on(&app, sanna, day).await,
        [("09:00".into(), "11:00".into())]
    );

    let overlap = me
        .call(SAVE, &open_time(sanna, None, day, "10:30", "12:00"))
        .await;
    assert_eq!(
        error_of(overlap).await,
        AppError::Conflict(Rule::AvailabilityOverlap)
    );
    let off_grid = me
        .call(SAVE, &open_time(sanna, None, day, "12:00", "12:10"))
        .await;
    assert_eq!(
        error_of(off_grid).await,
        AppError::Validation(
            [("ends".to_owned(), FieldError::OpenTime(OpenTimeError::Grid))].into()
        )
    );
    let yesterday = stockholm_date(Utc::now()) - Days::new(1);
    let past = me
        .call(SAVE, &open_time(sanna, None, yesterday, "09:00", "10:00"))
        .await;
    assert_eq!(error_of(past).await, AppError::Conflict(Rule::OpenTimePast));

    // Moved and made longer in one change, then removed.
    let moved = me
        .call(
            SAVE,
            &open_time(sanna, Some(added.id), day, "13:00", "16:30"),
        )
        .await;
    assert_eq!(moved.status(), 200);
    assert_eq!(
        open_times_on(&app, sanna, day).await,
        [("13:00".into(), "16:30".into())]
    );

    // A colleague at the same office may look but not change; a manager of another office
    // may do neither; the office's manager and the administrator may.
    let karin = people::staff(&app, "karin.ekstrom@tidbok.example").await;
    let refused = karin
        .call(
            SAVE,
            &open_time(sanna, Some(added.id), day, "08:00", "09:00"),
        )
        .await;
    assert_eq!(error_of(refused).await, AppError::Forbidden);
    let refused = karin.call(REMOVE, &[("id", added.id.to_string())]).await;
    assert_eq!(error_of(refused).await, AppError::Forbidden);
    let elsewhere = people::staff(&app, "chef.goteborg-centrum@tidbok.example").await;
    let refused = elsewhere
        .call(SAVE, &open_time(sanna, None, day, "08:00", "09:00"))
        .await;
    assert_eq!(error_of(refused).await, AppError::Forbidden);
    let manager = people::staff(&app, "chef.stockholm-city@tidbok.example").await;
    let res = manager
        .call(SAVE, &open_time(sanna, None, day, "08:00", "09:00"))
        .await;
    assert_eq!(res.status(), 200);
    let admin = people::staff(&app, app::ssr::seed::DEMO_ADMIN_EMAIL).await;
    let res = admin.call(REMOVE, &[("id", added.id.to_string())]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        open_times_on(&app, sanna, day).await,
        [("08:00".into(), "09:00".into())]
    );

    // A job seeker's session, or none, reaches none of it.
    let seeker = people::signed_in(&app, 1, "/mina-sidor").await;
    let refused = seeker
        .call(SAVE, &open_time(sanna, None, day, "17:00", "18:00"))
        .await;
    assert_eq!(error_of(refused).await, AppError::Unauthorized);
    let nobody = Browser::new(&app);
    let refused = nobody.call(REMOVE, &[("id", "1".into())]).await;
    assert_eq!(error_of(refused).await, AppError::Unauthorized);
    let gone = me.call(REMOVE, &[("id", "999999".into())]).await;
    assert_eq!(error_of(gone).await, AppError::NotFound);
}

/// Books seeker `n` with `counsellor` at the start of their first open span tomorrow or later.
async fn meeting(app: &TestApp, n: u32, counsellor: i64) -> (i64, i64) {
    let seeker = people::register(&app.store, n, &["underskoterska"], None, Utc::now()).await;
    let open = app
        .store
        .list_availability(
            counsellor,
            Utc::now() + Duration::days(1),
            Utc::now() + Duration::days(20),
        )
        .await
        .unwrap();
    let (id, _) = people::phone_meeting_at_first_free(&app.store, seeker, counsellor, &open).await;
    (seeker, id)
}

async fn open_time_around_a_booked_meeting_stays(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (sanna, _) = counsellor(&app, SANNA).await;
    let (_, booking) = meeting(&app, 2, sanna).await;
    let b = app.store.booking(booking).await.unwrap().unwrap();
    let span = app
        .store
        .list_availability(sanna, b.starts_at, b.ends_at)
        .await
        .unwrap()
        .remove(0);
    let me = people::staff(&app, SANNA).await;
    let refused = me.call(REMOVE, &[("id", span.id.to_string())]).await;
    assert_eq!(
        error_of(refused).await,
        AppError::Conflict(Rule::AvailabilityHasBooking)
    );
    // Shrinking it so that the meeting falls outside is refused as well.
    let date = stockholm_date(span.starts_at);
    let starts = app::domain::time::clock(b.ends_at);
    let ends = app::domain::time::clock(span.ends_at);
    let shrink = me
        .call(SAVE, &open_time(sanna, Some(span.id), date, &starts, &ends))
        .await;
    assert_eq!(
        error_of(shrink).await,
        AppError::Conflict(Rule::AvailabilityHasBooking)
    );
    assert!(
        app.store
            .availability_by_id(span.id)
            .await
            .unwrap()
            .is_some(),
        "nothing changed"
    );
}

async fn panel(browser: &Browser<'_>, booking: i64) -> reqwest::Response {
    browser
        .call("/api/personal/mote", &[("id", booking.to_string())])
        .await
}

async fn the_panel_shows_the_case_and_logs_every_opening(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (sanna, _) = counsellor(&app, SANNA).await;
    let (seeker, booking) = meeting(&app, 3, sanna).await;

    let me = people::staff(&app, SANNA).await;
    let res = panel(&me, booking).await;
    assert_eq!(res.status(), 200);
    let file: CaseFile = res.json().await.unwrap();
    assert_eq!(file.seeker.name, "Testa Person d");
    assert!(
        file.seeker.phone.starts_with("070-"),
        "{}",
        file.seeker.phone
    );
    assert!(!file.seeker.desired.is_empty());
    // Where they want to work and their licences are there too (none given: said so).
    let profile = file
        .seeker
        .profile
        .clone()
        .expect("the wishes step was filled in");
    assert_eq!(profile.regions, [app::domain::choices::Region::Anywhere]);
    assert!(profile.licences.is_empty());
    assert!(file.may_handle);
    assert!(!file.may_mark, "the meeting has not begun");
    // The registration, and this meeting.
    assert_eq!(file.timeline.len(), 2);
    assert!(matches!(
        file.timeline[0],
        TimelineEntry::Registered { by: None, .. }
    ));
    let log = app.store.access_log(seeker).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].booking_id, log[0].reason.as_str()),
        (Some(booking), "booking")
    );

    // A colleague at the same office may read but not act; a counsellor of another office may
    // not even read (the seeker lives in Göteborg, the meeting is in Stockholm: Malmö is
    // neither), and a refused look is not logged as an opening.
    let karin = people::staff(&app, "karin.ekstrom@tidbok.example").await;
    let file: CaseFile = panel(&karin, booking).await.json().await.unwrap();
    assert!(!file.may_handle);
    let reza = people::staff(&app, "reza.karimi@tidbok.example").await;
    assert_eq!(
        error_of(panel(&reza, booking).await).await,
        AppError::Forbidden
    );
    let malmo = people::staff(&app, "chef.malmo-centrum@tidbok.example").await;
    assert_eq!(
        error_of(panel(&malmo, booking).await).await,
        AppError::Forbidden
    );
    let admin = people::staff(&app, app::ssr::seed::DEMO_ADMIN_EMAIL).await;
    assert_eq!(panel(&admin, booking).await.status(), 200);
    assert_eq!(app.store.access_log(seeker).await.unwrap().len(), 3);
    let seeker_browser = people::signed_in(&app, 4, "/mina-sidor").await;
    assert_eq!(
        error_of(panel(&seeker_browser, booking).await).await,
        AppError::Unauthorized
    );

    // The page itself: the panel beside the calendar, at its own address.
    let (status, page) = me
        .get(&format!(
            "/personal/kalender?radgivare={sanna}&mote={booking}"
        ))
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Testa Person d") && page.contains("Ärendet hittills"),
        "{page}"
    );
    assert!(
        page.contains("Vill arbeta i")
            && page.contains("Hela Sverige")
            && page.contains("Inget körkort"),
        "{page}"
    );
}

async fn outcome_note_follow_up_and_move_continue_one_case(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (sanna, _) = counsellor(&app, SANNA).await;
    let (reza, _) = counsellor(&app, "reza.karimi@tidbok.example").await;
    // A meeting that began an hour ago (written straight into the store).
    let seeker = people::register(&app.store, 5, &["underskoterska"], None, Utc::now()).await;
    let began = (Utc::now() - Duration::hours(1)).with_timezone(&Utc);
    let booking = people::phone_meeting(&app.store, seeker, sanna, began).await;
    let me = people::staff(&app, SANNA).await;
    let b = booking.to_string();

    let karin = people::staff(&app, "karin.ekstrom@tidbok.example").await;
    let refused = karin
        .call(
            "/api/personal/mote/utfall",
            &[("booking", b.clone()), ("outcome", "held".into())],
        )
        .await;
    assert_eq!(
        error_of(refused).await,
        AppError::Forbidden,
        "only its counsellor and managers"
    );
    let bad = me
        .call(
            "/api/personal/mote/utfall",
            &[("booking", b.clone()), ("outcome", "kanske".into())],
        )
        .await;
    assert!(matches!(error_of(bad).await, AppError::Validation(_)));
    let res = me
        .call(
            "/api/personal/mote/utfall",
            &[("booking", b.clone()), ("outcome", "held".into())],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.store.booking(booking).await.unwrap().unwrap().status,
        BookingStatus::Held
    );
    let again = me
        .call(
            "/api/personal/mote/utfall",
            &[("booking", b.clone()), ("outcome", "no_show".into())],
        )
        .await;
    assert_eq!(
        error_of(again).await,
        AppError::Conflict(Rule::OutcomeNotNow)
    );

    let empty = me
        .call(
            "/api/personal/mote/anteckning",
            &[("booking", b.clone()), ("body", "  ".into())],
        )
        .await;
    assert_eq!(
        error_of(empty).await,
        AppError::Validation([("body".to_owned(), FieldError::Required)].into())
    );
    let res = me
        .call(
            "/api/personal/mote/anteckning",
            &[
                ("booking", b.clone()),
                (
                    "body",
                    "Vill bli systemutvecklare; uppföljning med Reza i Malmö om utbildning.".into(),
                ),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);

    // A follow-up with a counsellor at another office, by video, inside their open time.
    let open = app
        .store
        .list_availability(
            reza,
            Utc::now() + Duration::days(2),
            Utc::now() + Duration::days(20),
        )
        .await
        .unwrap();
    let slot = open[0].starts_at;
    let date = stockholm_date(slot).to_string();
    let time = app::domain::time::clock(slot);
    let follow = |counsellor: i64, channel: &str, time: &str| {
        vec![
            ("booking", b.clone()),
            ("follow_up[counsellor]", counsellor.to_string()),
            ("follow_up[channel]", channel.to_owned()),
            ("follow_up[date]", date.clone()),
            ("follow_up[time]", time.to_owned()),
        ]
    };
    let closed = me
        .call(
            "/api/personal/mote/uppfoljning",
            &follow(reza, "video", "07:00"),
        )
        .await;
    assert_eq!(error_of(closed).await, AppError::Conflict(Rule::NotOpen));
    let res = me
        .call(
            "/api/personal/mote/uppfoljning",
            &follow(reza, "video", &time),
        )
        .await;
    assert_eq!(res.status(), 200);
    let follow_up: i64 = res.json().await.unwrap();
    // The same seeker at the same time (Reza is busy too): said as the seeker's clash.
    let taken = me
        .call(
            "/api/personal/mote/uppfoljning",
            &follow(reza, "phone", &time),
        )
        .await;
    assert_eq!(
        error_of(taken).await,
        AppError::Conflict(Rule::SeekerOverlap)
    );
    let reach = app.store.seeker_reach(seeker).await.unwrap().unwrap();
    assert!(
        reach.referred_to.contains(&reza),
        "referred to the colleague in Malmö"
    );

    // Reza, in Malmö, may now open the case and sees one timeline: the held meeting, the
    // note and his follow-up.
    let reza_browser = people::staff(&app, "reza.karimi@tidbok.example").await;
    let file: CaseFile = panel(&reza_browser, follow_up).await.json().await.unwrap();
    assert!(file.may_handle);
    let kinds: Vec<&str> = file
        .timeline
        .iter()
        .map(|e| match e {
            TimelineEntry::Meeting {
                status,
                follow_up: true,
                ..
            } if *status == BookingStatus::Booked => "follow-up",
            TimelineEntry::Meeting { status, .. } => status.as_str(),
            TimelineEntry::Note { .. } => "note",
            TimelineEntry::Cancelled { .. } => "cancelled",
            TimelineEntry::Corrected { .. } => "corrected",
            TimelineEntry::Report { .. } => "report",
            TimelineEntry::ReportMissed { .. } => "missed report",
            TimelineEntry::ReportDue { .. } => "report due",
            TimelineEntry::Registered { .. } => "registered",
        })
        .collect();
    // The registration is in it once (its place depends on the second the test ran in).
    assert_eq!(kinds.iter().filter(|k| **k == "registered").count(), 1);
    let kinds: Vec<&str> = kinds.into_iter().filter(|k| *k != "registered").collect();
    assert_eq!(kinds, ["held", "note", "follow-up"]);

    // Reza moves it an hour later (inside his open time); the seeker is told on Mina sidor.
    let later = open[0].starts_at + Duration::minutes(60);
    assert!(
        later + Duration::minutes(30) <= open[0].ends_at,
        "the span is long enough"
    );
    let res = reza_browser
        .call(
            "/api/personal/mote/flytta",
            &[
                ("booking", follow_up.to_string()),
                ("move_to[date]", stockholm_date(later).to_string()),
                ("move_to[time]", app::domain::time::clock(later)),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let moved = app.store.booking(follow_up).await.unwrap().unwrap();
    assert!(moved.moved_by_staff);
    assert_eq!(moved.starts_at, later);

    let seeker_browser = Browser::new(&app);
    seeker_browser
        .post_to(
            "/api/konto/logga-in",
            &[
                ("email", "person5@example.se"),
                ("password", people::PASSWORD),
                ("next", "/mina-sidor"),
            ],
            "/mina-sidor",
        )
        .await;
    let (_, page) = seeker_browser.get("/mina-sidor").await;
    assert!(
        page.contains("Uppföljning"),
        "the follow-up is on Mina sidor"
    );
    assert!(
        page.contains("Din arbetsförmedlare har flyttat mötet"),
        "{page}"
    );
}

async fn forms_without_javascript_come_back_with_what_was_typed(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (sanna, _) = counsellor(&app, SANNA).await;
    let (_, booking) = meeting(&app, 6, sanna).await;
    let me = people::staff(&app, SANNA).await;
    let back = format!("/personal/kalender?radgivare={sanna}&mote={booking}");

    let long = "x".repeat(4001);
    let id = booking.to_string();
    let (status, location) = me
        .post(
            "/api/personal/mote/anteckning",
            &[
                ("booking", id.as_str()),
                ("body", long.as_str()),
                ("back", back.as_str()),
            ],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (302, format!("{back}#note").as_str())
    );
    let (_, page) = me.get(&back).await;
    assert!(
        page.contains("aria-invalid=\"true\""),
        "the field says what is wrong"
    );
    assert!(page.contains(&long), "what was typed is kept");

    me.post_to(
        "/api/personal/mote/anteckning",
        &[
            ("booking", id.as_str()),
            ("body", "Ringde och bekräftade tiden."),
            ("back", back.as_str()),
        ],
        &format!("{back}#mote"),
    )
    .await;
    let (_, page) = me.get(&back).await;
    assert!(
        page.contains("Anteckningen är sparad") && page.contains("Ringde och bekräftade tiden.")
    );

    // Open time from the plain form: refused with the typed times kept, then saved.
    let day = saturday().to_string();
    let week = format!("/personal/kalender?vecka={day}&radgivare={sanna}");
    let fields = |to: &str| {
        vec![
            ("counsellor", sanna.to_string()),
            ("form[date]", day.clone()),
            ("form[starts]", "10:00".to_owned()),
            ("form[ends]", to.to_owned()),
            ("back", week.clone()),
        ]
    };
    let typed = fields("09:00");
    let refused: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, location) = me.post(SAVE, &refused).await;
    assert_eq!((status, location), (302, format!("{week}#oppen-tid")));
    let (_, page) = me.get(&week).await;
    assert!(
        page.contains("Sluttiden måste vara efter starttiden"),
        "said next to the field"
    );
    assert!(page.contains("value=\"09:00\""), "the typed end is kept");
    let typed = fields("12:00");
    let ok: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    me.post_to(SAVE, &ok, &format!("{week}#kalender")).await;
    let date: NaiveDate = day.parse().unwrap();
    assert_eq!(
        open_times_on(&app, sanna, date).await,
        [("10:00".into(), "12:00".into())]
    );
}

async fn the_busy_demo_week_has_forty_meetings(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let me = people::staff(&app, SANNA).await;
    let next_week = app::ssr::seed::busy_week::next_monday(stockholm_date(Utc::now()));
    let res = me
        .call(
            "/api/personal/kalender/vecka",
            &[("week", next_week.to_string())],
        )
        .await;
    assert_eq!(res.status(), 200);
    let view: CalendarView = res.json().await.unwrap();
    assert_eq!(view.board.meetings.len(), app::ssr::seed::BUSY_MEETINGS);
    let channels: std::collections::HashSet<_> =
        view.board.meetings.iter().map(|m| m.channel).collect();
    assert_eq!(channels.len(), 3, "every channel");
    // The office's day side by side: one column per counsellor of the office, the busy
    // counsellor's eight meetings of Monday in hers; a manager may change every column.
    let manager = people::staff(&app, "chef.stockholm-city@tidbok.example").await;
    let res = manager
        .call(
            "/api/personal/kalender/vecka",
            &[("day", next_week.to_string()), ("office", "true".into())],
        )
        .await;
    let office: CalendarView = res.json().await.unwrap();
    let colleagues = app
        .store
        .office_counsellors(counsellor(&app, SANNA).await.1)
        .await
        .unwrap();
    assert_eq!(office.board.columns.len(), colleagues.len());
    assert!(office
        .board
        .columns
        .iter()
        .all(|c| c.editable && c.counsellor_name.is_some()));
    let sanna_column = office
        .board
        .columns
        .iter()
        .position(|c| c.counsellor_id == view.counsellor_id)
        .unwrap();
    assert_eq!(
        office
            .board
            .meetings
            .iter()
            .filter(|m| m.column == sanna_column)
            .count(),
        8
    );
    // Each meeting lies inside the open time drawn on its day.
    for m in &view.board.meetings {
        assert!(
            view.board
                .open
                .iter()
                .any(|o| o.column == m.column && o.starts <= m.starts && m.ends <= o.ends),
            "{m:?}"
        );
    }
}

async fn working_hours_lay_out_open_time_and_absences_take_it_away(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (sanna, _) = counsellor(&app, SANNA).await;
    let me = people::staff(&app, SANNA).await;
    let id = sanna.to_string();
    let mut hours = vec![("counsellor", id.clone())];
    for day in 0..5 {
        hours.push((
            [
                "hours[days][0][starts]",
                "hours[days][1][starts]",
                "hours[days][2][starts]",
                "hours[days][3][starts]",
                "hours[days][4][starts]",
            ][day],
            "08:00".into(),
        ));
        hours.push((
            [
                "hours[days][0][ends]",
                "hours[days][1][ends]",
                "hours[days][2][ends]",
                "hours[days][3][ends]",
                "hours[days][4][ends]",
            ][day],
            "16:00".into(),
        ));
    }
    hours.push(("hours[lunch_starts]", "12:00".into()));
    hours.push(("hours[lunch_ends]", "13:00".into()));
    let res = me.call("/api/personal/arbetstider/spara", &hours).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.store.work_hours(sanna).await.unwrap().len(),
        10,
        "two spans a day"
    );

    let bad = me
        .call(
            "/api/personal/arbetstider/spara",
            &[
                ("counsellor", id.clone()),
                ("hours[days][0][starts]", "08:00".into()),
                ("hours[days][0][ends]", "07:00".into()),
            ],
        )
        .await;
    assert_eq!(
        error_of(bad).await,
        AppError::Validation(
            [(
                "days.0.ends".to_owned(),
                FieldError::OpenTime(OpenTimeError::Order)
            )]
            .into()
        )
    );
    let karin = people::staff(&app, "karin.ekstrom@tidbok.example").await;
    let refused = karin.call("/api/personal/arbetstider/spara", &hours).await;
    assert_eq!(error_of(refused).await, AppError::Forbidden);

    // Six weeks ahead lies past the demo's open time: the week is laid out in full.
    let today = stockholm_date(Utc::now());
    let monday = today + Days::new(u64::from(7 - today.weekday().num_days_from_monday()) + 35);
    let generate = |from: NaiveDate| {
        vec![
            ("counsellor", id.clone()),
            ("from", from.to_string()),
            ("weeks", "1".to_owned()),
        ]
    };
    assert_eq!(
        me.call("/api/personal/arbetstider/lagg-ut", &generate(monday))
            .await
            .status(),
        200
    );
    let wednesday = monday + Days::new(2);
    assert_eq!(
        open_times_on(&app, sanna, wednesday).await,
        [
            ("08:00".into(), "12:00".into()),
            ("13:00".into(), "16:00".into())
        ]
    );
    let all = |app: &TestApp| {
        let from = app::domain::time::stockholm_to_utc(monday, chrono::NaiveTime::MIN).unwrap();
        let store = app.store.clone();
        async move {
            store
                .list_availability(sanna, from, from + Duration::days(7))
                .await
                .unwrap()
                .len()
        }
    };
    assert_eq!(all(&app).await, 10);
    me.call("/api/personal/arbetstider/lagg-ut", &generate(monday))
        .await;
    assert_eq!(all(&app).await, 10, "laying out again adds nothing");
    let past = me
        .call("/api/personal/arbetstider/lagg-ut", &generate(today))
        .await;
    assert_eq!(
        error_of(past).await,
        AppError::Validation([("from".to_owned(), FieldError::DateInPast)].into())
    );

    // A meeting on Wednesday, then a training that day: its open time goes, the meeting is
    // listed to be moved, and laying out again leaves the day empty.
    let seeker = people::register(&app.store, 7, &["underskoterska"], None, Utc::now()).await;
    let nine = app::domain::time::stockholm_to_utc(
        wednesday,
        chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    people::phone_meeting(&app.store, seeker, sanna, nine).await;
    let wed = wednesday.to_string();
    me.post_to(
        "/api/personal/arbetstider/franvaro",
        &[
            ("counsellor", id.as_str()),
            ("absence[kind]", "training"),
            ("absence[from]", wed.as_str()),
            ("absence[note]", "Kurs i vägledning"),
        ],
        &format!("/personal/arbetstider?radgivare={sanna}#klart"),
    )
    .await;
    assert!(open_times_on(&app, sanna, wednesday).await.is_empty());
    let (_, page) = me
        .get(&format!("/personal/arbetstider?radgivare={sanna}"))
        .await;
    assert!(page.contains("2 öppna tider togs bort"), "{page}");
    assert!(
        page.contains("Testa Person h"),
        "the meeting in the way is listed"
    );
    assert!(page.contains("Kurs i vägledning"));
    me.call("/api/personal/arbetstider/lagg-ut", &generate(monday))
        .await;
    assert!(
        open_times_on(&app, sanna, wednesday).await.is_empty(),
        "the training stays free"
    );
    assert_eq!(all(&app).await, 8);
}
