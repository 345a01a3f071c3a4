//! Staff booking a person's first meeting for them, on SQLite and PostgreSQL: the person's
//! own case page (also without any meeting), the same picker as the person's, the booking
//! recorded as made by staff with the same confirmation; a walk-in seated right away with a
//! counsellor free within the hour, the arrival recorded. Only staff who may see the person
//! reach any of it.

use crate::support::{self, browser::error_of, people, spawn_app, Backend, TestApp};
use app::{
    domain::{booking::SlotChoice, holidays::holiday_on, time::stockholm_to_utc, Channel, Rule},
    error::AppError,
    ssr::services::assisted_booking::{free_now, seat},
};
use chrono::{Datelike, Days, Duration, NaiveTime, Utc, Weekday};

on_both_backends!(
    staff_open_a_case_and_book_the_first_meeting_with_the_picker,
    a_walk_in_is_seated_with_a_counsellor_free_within_the_hour,
    the_desk_that_registered_a_person_may_see_them,
    seating_a_walk_in_over_http_refuses_without_a_time_and_for_another_office,
);

const DESK: &str = "emina.hodzic@tidbok.example";
const ELSEWHERE: &str = "sanna.lindqvist@tidbok.example";

/// The values of a picker's time radio buttons, in page order.
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

async fn member(app: &TestApp, email: &str) -> app::domain::staff::StaffMember {
    app.store
        .list_staff()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.email == email)
        .unwrap()
        .member
}

async fn staff_open_a_case_and_book_the_first_meeting_with_the_picker(backend: Backend) {
    let app = spawn_app(backend, true).await;
    // A person of Göteborg (by postcode), without any meeting.
    let person = people::register(&app.store, 83, &["underskoterska"], None, Utc::now()).await;
    let emina = people::staff_id(&app, DESK).await;
    let desk = people::staff(&app, DESK).await;
    let case = format!("/personal/personer/{person}");
    let (status, page) = desk.get(&case).await;
    assert_eq!(status, 200);
    assert!(page.contains("Testa Person"), "the person's case");
    assert!(page.contains("Inget första möte är bokat."));
    assert!(page.contains(&format!("/personal/boka?person={person}")));
    let (logged,): (i64,) = support::query_one(
        &app.db,
        "SELECT COUNT(*) FROM access_log WHERE reason = 'case' AND seeker_id = $1",
        person,
    )
    .await;
    assert_eq!(logged, 1, "opening the case is in the access log");

    // Staff of another office neither read the case nor book for the person.
    let other = people::staff(&app, ELSEWHERE).await;
    let (_, refused) = other.get(&case).await;
    assert!(refused.contains("Du har inte behörighet"));
    assert!(!refused.contains("Testa Person"));
    let (_, refused) = other
        .get(&format!("/personal/boka?person={person}&kanal=phone"))
        .await;
    assert!(time_values(&refused).is_empty());
    let res = other
        .call(
            "/api/personal/boka/bekrafta",
            &[
                ("person", person.to_string()),
                ("kanal", "phone".into()),
                ("tid", "1-1893456000".into()),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);

    // The desk books a phone meeting with the person's own picker.
    let (status, picker) = desk
        .get(&format!("/personal/boka?person={person}&kanal=phone"))
        .await;
    assert_eq!(status, 200);
    assert!(picker.contains("Boka tiden åt personen"));
    let times = time_values(&picker);
    assert!(!times.is_empty(), "times are offered");
    // A time that is not offered is refused back to the picker, with nothing booked.
    let (status, back) = desk
        .post(
            "/api/personal/boka/bekrafta",
            &[
                ("person", person.to_string().as_str()),
                ("kanal", "phone"),
                ("tid", ""),
            ],
        )
        .await;
    assert_eq!(status, 302);
    assert!(back.contains("fel=tid"), "{back}");
    desk.post_to(
        "/api/personal/boka/bekrafta",
        &[
            ("person", person.to_string().as_str()),
            ("kanal", "phone"),
            ("tid", times[0].as_str()),
        ],
        &format!("{case}#klart"),
    )
    .await;
    let (_, page) = desk.get(&case).await;
    assert!(page.contains("Det första mötet är bokat."), "said once");
    assert!(page.contains("Bokat av Emina Hodžić"), "in the timeline");
    let (by, first): (Option<i64>, bool) = support::query_one(
        &app.db,
        "SELECT booked_by_staff_id, is_first FROM bookings WHERE seeker_id = $1",
        person,
    )
    .await;
    assert_eq!((by, first), (Some(emina), true));
    // The person gets the confirmation, saying the service booked it for them.
    let mail = app
        .email_to(
            "person83@example.se",
            "Arbetsförmedlingen har bokat ett första möte åt dig",
        )
        .await;
    assert!(mail.contains("/mina-sidor/mote/"), "{mail}");
    // Now the picker says it is booked, and offers no times.
    let (_, picker) = desk
        .get(&format!("/personal/boka?person={person}&kanal=phone"))
        .await;
    assert!(picker.contains("Det första mötet är bokat"));
    assert!(time_values(&picker).is_empty());

    // A contact note from the case page: refused without text, kept when written.
    let (status, to) = desk
        .post(
            "/api/personal/personer/anteckning",
            &[
                ("person", person.to_string().as_str()),
                ("note[kind]", "samtal"),
                ("note[body]", ""),
                ("tillbaka", "arende"),
            ],
        )
        .await;
    assert_eq!(
        (status, to.as_str()),
        (302, format!("{case}#anteckning").as_str())
    );
    let (_, page) = desk.get(&case).await;
    assert!(
        page.contains("aria-invalid=\"true\""),
        "the empty note is named"
    );
    desk.post_to(
        "/api/personal/personer/anteckning",
        &[
            ("person", person.to_string().as_str()),
            ("note[kind]", "samtal"),
            ("note[body]", "Ringde om tiden; vi bokade telefonmöte."),
            ("tillbaka", "arende"),
        ],
        &format!("{case}#klart"),
    )
    .await;
    let (_, page) = desk.get(&case).await;
    assert!(page.contains("Ringde om tiden; vi bokade telefonmöte."));
    app.db.drop_database().await;
}

/// A Tuesday at least ten weeks ahead that is not a holiday: past the demo's bookings.
fn quiet_tuesday() -> chrono::NaiveDate {
    let mut day = Utc::now().date_naive() + Days::new(70);
    while day.weekday() != Weekday::Tue || holiday_on(day).is_some() {
        day = day + Days::new(1);
    }
    day
}

async fn a_walk_in_is_seated_with_a_counsellor_free_within_the_hour(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let desk = member(&app, DESK).await;
    let office = desk.office_id.unwrap();
    let day = quiet_tuesday();
    let at = |h, m| stockholm_to_utc(day, NaiveTime::from_hms_opt(h, m, 0).unwrap()).unwrap();
    let now = at(10, 5);
    let counsellor = app
        .store
        .list_counsellors()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.office_id == office && c.channels.contains(&Channel::Office))
        .expect("Göteborg has a counsellor who meets visitors");
    // Open from nine to noon that day (the demo may have opened it already).
    let _ = app
        .store
        .add_open_span(counsellor.id, at(9, 0), at(12, 0))
        .await;
    let walk_in = people::register(&app.store, 84, &["underskoterska"], None, now).await;
    let profile = app.store.seeker_profile(walk_in).await.unwrap().unwrap();

    let free = free_now(&app.store, office, &profile, now).await.unwrap();
    let theirs = free
        .iter()
        .find(|f| f.value.starts_with(&format!("{}-", counsellor.id)))
        .expect("the counsellor is free within the hour");
    assert_eq!(theirs.start, at(10, 15), "the next quarter hour");
    assert!(free
        .iter()
        .all(|f| f.start >= now && f.start <= now + Duration::hours(1)));
    // At three in the morning the office is closed: nobody is free for a walk-in.
    assert!(free_now(&app.store, office, &profile, at(3, 0))
        .await
        .unwrap()
        .is_empty());

    let choice = SlotChoice {
        counsellor_id: counsellor.id,
        start: theirs.start,
    };
    // Staff of another office may not seat the person.
    let elsewhere = member(&app, ELSEWHERE).await;
    assert!(matches!(
        seat(&app.store, &elsewhere, walk_in, choice, now).await,
        Err(AppError::Forbidden)
    ));
    // A time later than the hour is not a walk-in's.
    let later = SlotChoice {
        counsellor_id: counsellor.id,
        start: at(11, 30),
    };
    assert!(matches!(
        seat(&app.store, &desk, walk_in, later, now).await,
        Err(AppError::Conflict(Rule::BookingOverlap))
    ));
    let id = seat(&app.store, &desk, walk_in, choice, now).await.unwrap();
    let b = app.store.booking(id).await.unwrap().unwrap();
    assert_eq!(
        (b.channel, b.is_first, b.office_id),
        (Channel::Office, true, Some(office))
    );
    assert_eq!(b.arrived_at, Some(now), "the arrival is recorded at once");
    assert_eq!(b.booked_by_staff.as_deref(), Some("Emina Hodžić"));
    // Once seated, not again; and the time is nobody else's.
    assert!(matches!(
        seat(&app.store, &desk, walk_in, choice, now).await,
        Err(AppError::Conflict(Rule::AlreadyBooked))
    ));
    let next = people::register(&app.store, 85, &["underskoterska"], None, now).await;
    assert!(matches!(
        seat(&app.store, &desk, next, choice, now).await,
        Err(AppError::Conflict(Rule::BookingOverlap))
    ));
    app.db.drop_database().await;
}

/// A person registered at a desk is within that office's reach, wherever they live, until
/// they have their own sign-in; the reception of an office they visit reaches them.
async fn the_desk_that_registered_a_person_may_see_them(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let person = people::register(&app.store, 86, &["underskoterska"], None, Utc::now()).await;
    let (desk, elsewhere) = (member(&app, DESK).await, member(&app, ELSEWHERE).await);
    let sees = |m: &app::domain::staff::StaffMember, reach| m.may_see_seeker(reach);
    // Living nowhere the offices serve: nobody but an administrator reaches them.
    let _: (i64,) = support::query_one(
        &app.db,
        "UPDATE seekers SET home_office_id = NULL WHERE id = $1 RETURNING id",
        person,
    )
    .await;
    let reach = app.store.seeker_reach(person).await.unwrap().unwrap();
    assert!(!sees(&desk, &reach) && !sees(&elsewhere, &reach));
    // Registered at the Göteborg desk, and no password of their own yet: its staff reach
    // them.
    let _: (i64,) = support::query_one(
        &app.db,
        "DELETE FROM seeker_accounts WHERE seeker_id = $1 RETURNING seeker_id",
        person,
    )
    .await;
    let _: (i64,) = support::query_one(
        &app.db,
        "UPDATE seekers SET registered_by_staff_id = \
         (SELECT id FROM staff WHERE email = 'emina.hodzic@tidbok.example') \
         WHERE id = $1 RETURNING id",
        person,
    )
    .await;
    let reach = app.store.seeker_reach(person).await.unwrap().unwrap();
    assert!(sees(&desk, &reach), "the desk that registered them");
    assert!(!sees(&elsewhere, &reach));
    // Once they have made their own sign-in, what they began with staff is theirs.
    let _: (i64,) = support::query_one(
        &app.db,
        "INSERT INTO seeker_accounts (seeker_id, password_hash, created_at) \
         VALUES ($1, '$argon2id$v=19$x', '2026-12-01T08:00:00+00:00') RETURNING seeker_id",
        person,
    )
    .await;
    let reach = app.store.seeker_reach(person).await.unwrap().unwrap();
    assert!(
        !sees(&desk, &reach),
        "no longer the desk that registered them"
    );
    // A visit booked at Stockholm City: its reception reaches them too.
    let (counsellor, stockholm) = people::counsellor(&app, ELSEWHERE).await;
    let starts =
        stockholm_to_utc(quiet_tuesday(), NaiveTime::from_hms_opt(13, 0, 0).unwrap()).unwrap();
    app.store
        .insert_booking(&app::ssr::store::NewBooking {
            with: app::ssr::store::Party::Seeker(person),
            counsellor_id: counsellor,
            meeting_type: "first-meeting",
            channel: Channel::Office,
            office_id: Some(stockholm),
            starts_at: starts,
            ends_at: starts + Duration::minutes(45),
            clear_until: starts + Duration::minutes(60),
            is_first: true,
            video_room: None,
            now: Utc::now(),
            visit_limit: None,
        })
        .await
        .unwrap();
    let reach = app.store.seeker_reach(person).await.unwrap().unwrap();
    assert!(reach.meeting_offices.contains(&stockholm));
    assert!(sees(&elsewhere, &reach) && !sees(&desk, &reach));
    app.db.drop_database().await;
}

/// The seating endpoint itself, as the case page's plain form posts it: no time chosen (or
/// one that is no time) goes back to the page's walk-in section saying so, a time nobody is
/// free at is refused as taken, and staff of another office are refused outright.
async fn seating_a_walk_in_over_http_refuses_without_a_time_and_for_another_office(
    backend: Backend,
) {
    let app = spawn_app(backend, true).await;
    let person = people::register(&app.store, 87, &["underskoterska"], None, Utc::now()).await;
    let desk = people::staff(&app, DESK).await;
    let case = format!("/personal/personer/{person}");
    let seat_path = "/api/personal/personer/direkt";
    for time in ["", "inte-en-tid"] {
        let (status, to) = desk
            .post(seat_path, &[("person", &person.to_string()), ("tid", time)])
            .await;
        assert_eq!(
            (status, to.as_str()),
            (302, format!("{case}#direkt").as_str())
        );
        let (_, page) = desk.get(&case).await;
        assert!(page.contains("Välj en rådgivare och tid."), "{time:?}");
    }
    // A well-formed time no counsellor is free at (in a year, at three in the morning).
    let (counsellor, _) = people::counsellor(&app, DESK).await;
    let night = (Utc::now() + Duration::days(365))
        .date_naive()
        .and_hms_opt(2, 0, 0)
        .unwrap()
        .and_utc();
    let taken = SlotChoice {
        counsellor_id: counsellor,
        start: night,
    }
    .as_value();
    let (status, to) = desk
        .post(
            seat_path,
            &[("person", &person.to_string()), ("tid", &taken)],
        )
        .await;
    assert_eq!(
        (status, to.as_str()),
        (302, format!("{case}#direkt").as_str())
    );
    let (_, page) = desk.get(&case).await;
    assert!(page.contains("Tiden hann bli upptagen. Välj en annan."));
    let res = people::staff(&app, ELSEWHERE)
        .await
        .call(
            seat_path,
            &[("person", person.to_string()), ("tid", taken.clone())],
        )
        .await;
    assert_eq!(error_of(res).await, AppError::Forbidden);
    let (count,): (i64,) = support::query_one(
        &app.db,
        "SELECT COUNT(*) FROM bookings WHERE seeker_id = $1",
        person,
    )
    .await;
    assert_eq!(count, 0, "nobody was seated");
    app.db.drop_database().await;
}
