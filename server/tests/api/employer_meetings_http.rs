//! An employer's meetings over HTTP, as a browser without JavaScript uses them, on SQLite and
//! PostgreSQL with the demo data: the picker, booking a video meeting with an employer
//! counsellor, the confirmation page, its calendar file and email, cancelling with a reason;
//! and who may reach a meeting.

use crate::support::{self, browser::Browser, people, Backend, TestApp};
use app::ssr::seed::DEMO_EMPLOYER_PASSWORD;

on_both_backends!(
    an_employer_books_a_video_meeting_by_plain_posts_and_cancels_it,
    only_the_organisations_own_users_reach_its_meeting,
    the_counsellor_opens_the_meeting_records_its_outcome_and_a_note,
    the_counsellor_moves_and_cancels_an_employers_meeting,
    reception_lists_and_marks_an_employers_visit,
);

const KARIN: &str = "karin.berg@korvkiosken.example";

async fn employer<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let browser = Browser::new(app);
    browser
        .post_to(
            "/api/arbetsgivare/logga-in",
            &[
                ("email", email),
                ("password", DEMO_EMPLOYER_PASSWORD),
                ("next", "/arbetsgivare/oversikt"),
            ],
            "/arbetsgivare/oversikt",
        )
        .await;
    browser
}

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

fn meeting_id(location: &str) -> i64 {
    location
        .strip_prefix("/arbetsgivare/mote/")
        .and_then(|r| r.split('?').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a meeting page: {location}"))
}

/// Books the first video time on the picker; the meeting's id.
async fn book_video(browser: &Browser<'_>) -> i64 {
    let (status, page) = browser.get("/arbetsgivare/boka?kanal=video").await;
    assert_eq!(status, 200);
    let tid = time_values(&page)[0].clone();
    let (status, location) = browser
        .post(
            "/api/arbetsgivare/boka/bekrafta",
            &[
                ("behov", ""),
                ("kanal", "video"),
                ("kontor", ""),
                ("tid", &tid),
            ],
        )
        .await;
    assert_eq!(status, 302);
    assert!(location.ends_with("?bokad=1"), "{location}");
    meeting_id(&location)
}

async fn an_employer_books_a_video_meeting_by_plain_posts_and_cancels_it(backend: Backend) {
    let app = support::spawn_app(backend, true).await;
    let karin = employer(&app, KARIN).await;
    let (status, page) = karin.get("/arbetsgivare/boka").await;
    assert_eq!(status, 200);
    assert!(page.contains("Vad vill ni prata om?"));
    assert!(page.contains("Rekrytering i allmänhet"));
    let (_, page) = karin.get("/arbetsgivare/boka?kanal=video").await;
    // Only counsellors who serve employers, at the organisation's own office.
    assert!(page.contains("Lucía Fernández"), "{page}");
    assert!(page.contains("Kontor Göteborg Centrum, ert kontor"));
    assert!(!time_values(&page).is_empty());
    // Confirm without a time: back to the times, saying so.
    let (_, location) = karin
        .post(
            "/api/arbetsgivare/boka/bekrafta",
            &[
                ("behov", ""),
                ("kanal", "video"),
                ("kontor", ""),
                ("tid", ""),
            ],
        )
        .await;
    assert_eq!(
        location,
        "/arbetsgivare/boka?behov=&kanal=video&kontor=&fel=tid#tider"
    );
    let id = book_video(&karin).await;
    let (status, page) = karin.get(&format!("/arbetsgivare/mote/{id}?bokad=1")).await;
    assert_eq!(status, 200);
    for text in [
        "Klart! Ditt möte är bokat.",
        "Lucía Fernández",
        "Rekrytering i allmänhet",
        "Karin Berg",
        "https://video.tidbok.example/",
        "Det här är en demolänk",
        "Avboka mötet",
    ] {
        assert!(page.contains(text), "{text}");
    }
    let res = karin
        .client
        .get(app.url(&format!("/arbetsgivare/mote/{id}/kalender.ics")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        res.headers()["content-type"].to_str().unwrap(),
        "text/calendar; charset=utf-8"
    );
    assert_eq!(res.headers()["cache-control"].to_str().unwrap(), "no-store");
    assert!(res.text().await.unwrap().contains("BEGIN:VEVENT"));
    let (_, overview) = karin.get("/arbetsgivare/oversikt").await;
    assert!(overview.contains(&format!("/arbetsgivare/mote/{id}")));
    // The confirmation email, with the calendar file, to the user who booked.
    let mail = app.email_to(KARIN, "möte om rekrytering").await;
    assert!(mail.contains(&format!("/arbetsgivare/mote/{id}")), "{mail}");
    assert!(mail.contains("kalenderfilen (.ics)"), "{mail}");

    // Cancelling without a reason keeps the form on the meeting's page, saying why.
    let (_, location) = karin
        .post(
            "/api/arbetsgivare/mote/avboka",
            &[("mote", &id.to_string()), ("form[note]", "kanske")],
        )
        .await;
    assert_eq!(location, format!("/arbetsgivare/mote/{id}#avboka"));
    let (_, page) = karin.get(&format!("/arbetsgivare/mote/{id}")).await;
    assert!(
        page.contains("aria-invalid=\"true\""),
        "the reason is marked"
    );
    assert!(page.contains("kanske"), "what was typed stays");
    let (_, location) = karin
        .post(
            "/api/arbetsgivare/mote/avboka",
            &[("mote", &id.to_string()), ("form[reason]", "tillsatt")],
        )
        .await;
    assert_eq!(location, "/arbetsgivare/oversikt?klart=avbokat#moten");
    let (_, overview) = karin.get("/arbetsgivare/oversikt?klart=avbokat").await;
    assert!(overview.contains("Mötet är avbokat."));
    let row = app.store.booking(id).await.unwrap().unwrap();
    assert_eq!(row.cancel_reason.as_deref(), Some("tillsatt"));
    app.db.drop_database().await;
}

async fn only_the_organisations_own_users_reach_its_meeting(backend: Backend) {
    let app = support::spawn_app(backend, true).await;
    let karin = employer(&app, KARIN).await;
    let id = book_video(&karin).await;
    // A colleague of the same organisation sees it.
    let ali = employer(&app, "ali.demir@korvkiosken.example").await;
    let (status, page) = ali.get(&format!("/arbetsgivare/mote/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Lucía Fernández"));
    // Another organisation's user finds nothing, and cannot cancel or move it.
    let other = employer(&app, "yusuf.karimi@omsorgen.example").await;
    for path in [
        format!("/arbetsgivare/mote/{id}"),
        format!("/arbetsgivare/mote/{id}/kalender.ics"),
        format!("/arbetsgivare/boka?byt={id}"),
        "/arbetsgivare/mote/abc".to_owned(),
    ] {
        let (status, page) = other.get(&path).await;
        assert_eq!(status, 404, "{path}");
        assert!(!page.contains("Lucía"), "{path}");
    }
    let (_, location) = other
        .post(
            "/api/arbetsgivare/mote/avboka",
            &[("mote", &id.to_string()), ("form[reason]", "tillsatt")],
        )
        .await;
    assert!(!location.contains("avbokat"), "not cancelled: {location}");
    let row = app.store.booking(id).await.unwrap().unwrap();
    assert_eq!(row.status, app::domain::BookingStatus::Booked);
    // A job seeker's session is sent to the employers' sign-in; so is nobody's.
    let seeker = support::people::signed_in(&app, 1, "/mina-sidor").await;
    for browser in [&seeker, &Browser::new(&app)] {
        let (status, location) = browser
            .get_location(&format!("/arbetsgivare/mote/{id}"))
            .await;
        assert_eq!(status, 302);
        assert!(
            location.starts_with("/arbetsgivare/logga-in?nasta="),
            "{location}"
        );
        let (status, location) = browser
            .get_location(&format!("/arbetsgivare/mote/{id}/kalender.ics"))
            .await;
        assert_eq!(status, 303, "{location}");
    }
    app.db.drop_database().await;
}

async fn the_counsellor_opens_the_meeting_records_its_outcome_and_a_note(backend: Backend) {
    let app = support::spawn_app(backend, true).await;
    let karin = app
        .store
        .employer_credentials(&app::domain::Email::parse(KARIN).unwrap())
        .await
        .unwrap()
        .unwrap();
    let user = app
        .store
        .employer_user(karin.user_id)
        .await
        .unwrap()
        .unwrap();
    let (lucia, _) = people::counsellor(&app, "lucia.fernandez@tidbok.example").await;
    // A video meeting that began an hour ago, about the kiosk's open need.
    let need = app.store.needs(user.employer_id).await.unwrap()[0].clone();
    let began = chrono::Utc::now() - chrono::Duration::hours(1);
    let id = app
        .store
        .insert_booking(&app::ssr::store::NewBooking {
            with: app::ssr::store::Party::Employer {
                employer_id: user.employer_id,
                user_id: user.id,
                need_id: Some(need.id),
            },
            counsellor_id: lucia,
            meeting_type: "employer-meeting",
            channel: app::domain::Channel::Video,
            office_id: None,
            starts_at: began,
            ends_at: began + chrono::Duration::minutes(60),
            clear_until: began + chrono::Duration::minutes(60),
            is_first: false,
            video_room: Some("0123456789abcdef0123".into()),
            now: began - chrono::Duration::days(1),
            visit_limit: None,
        })
        .await
        .unwrap();
    let me = people::staff(&app, "lucia.fernandez@tidbok.example").await;
    let panel = format!("/personal/kalender?radgivare={lucia}&mote={id}");
    let (status, page) = me.get(&panel).await;
    assert_eq!(status, 200);
    for text in [
        "Korvkiosken på Stora torget AB",
        "556677-8899",
        "Karin Berg",
        "karin.berg@korvkiosken.example",
        "Vad mötet gäller",
        need.headline.as_str(),
        "Arbetsgivarens historik",
        // Last week's meeting and its note, from the demo.
        "Gick igenom behovet av kockar",
        "Genomfört",
    ] {
        assert!(page.contains(text), "{text}");
    }
    // Opening it is in the access log, about the employer.
    let (logged,): (i64,) = support::query_one(
        &app.db,
        "SELECT COUNT(*) FROM access_log WHERE booking_id = $1 AND employer_id IS NOT NULL \
         AND seeker_id IS NULL",
        id,
    )
    .await;
    assert_eq!(logged, 1);
    // The office's manager finds the opening in the access log, with the organisation's
    // number in full (it is public).
    let manager = people::staff(&app, "chef.goteborg-centrum@tidbok.example").await;
    let (status, log) = manager.get("/personal/admin/atkomstlogg").await;
    assert_eq!(status, 200);
    let line = log
        .split("<tr>")
        .find(|r| r.contains("Korvkiosken på Stora torget AB"))
        .expect("the opening is listed");
    assert!(
        line.contains("556677-8899") && line.contains("Lucía Fernández"),
        "{line}"
    );
    // A counsellor at another office may not open it; its own may record how it went.
    let other = people::staff(&app, "karin.ekstrom@tidbok.example").await;
    let (_, page) = other.get(&panel).await;
    assert!(!page.contains("karin.berg@korvkiosken.example"));
    me.post_to(
        "/api/personal/mote/utfall",
        &[
            ("booking", &id.to_string()),
            ("outcome", "held"),
            ("back", &panel),
        ],
        &format!("{panel}#mote"),
    )
    .await;
    me.post_to(
        "/api/personal/mote/anteckning",
        &[
            ("booking", &id.to_string()),
            ("body", "Två kockar till juni; kandidatförslag skickas."),
            ("back", &panel),
        ],
        &format!("{panel}#mote"),
    )
    .await;
    let row = app.store.booking(id).await.unwrap().unwrap();
    assert_eq!(row.status, app::domain::BookingStatus::Held);
    let (_, page) = me.get(&panel).await;
    assert!(page.contains("Två kockar till juni; kandidatförslag skickas."));
    app.db.drop_database().await;
}

async fn the_counsellor_moves_and_cancels_an_employers_meeting(backend: Backend) {
    use app::domain::{booking::SlotChoice, time};
    let app = support::spawn_app(backend, true).await;
    let karin = employer(&app, KARIN).await;
    let (_, picker) = karin.get("/arbetsgivare/boka?kanal=video").await;
    let offered: Vec<SlotChoice> = time_values(&picker)
        .iter()
        .map(|v| SlotChoice::parse(v).unwrap())
        .collect();
    let id = book_video(&karin).await;
    // Another of the same counsellor's free times, well clear of the booked one.
    let later = offered
        .iter()
        .find(|c| {
            c.counsellor_id == offered[0].counsellor_id
                && c.start >= offered[0].start + chrono::Duration::hours(2)
        })
        .expect("a later free time");
    let lucia = offered[0].counsellor_id;
    let me = people::staff(&app, "lucia.fernandez@tidbok.example").await;
    let panel = format!("/personal/kalender?radgivare={lucia}&mote={id}");
    let (_, page) = me.get(&panel).await;
    assert!(page.contains("Flytta mötet"), "the move form");
    assert!(page.contains("Arbetsgivaren får veta det med mejl"));
    let (date, clock) = (
        time::iso_date(time::stockholm_date(later.start)),
        time::clock(later.start),
    );
    me.post_to(
        "/api/personal/mote/flytta",
        &[
            ("booking", &id.to_string()),
            ("move_to[date]", &date),
            ("move_to[time]", &clock),
            ("back", &panel),
        ],
        &format!("{panel}#mote"),
    )
    .await;
    let row = app.store.booking(id).await.unwrap().unwrap();
    assert_eq!(row.starts_at, later.start, "moved");
    assert!(row.employer_id.is_some(), "still the organisation's");
    let mail = app.email_to(KARIN, "har en ny tid").await;
    assert!(mail.contains("möte om rekrytering"), "{mail}");
    let (_, page) = karin.get(&format!("/arbetsgivare/mote/{id}")).await;
    assert!(page.contains(&clock), "the employer sees the new time");
    // Cancelled with the counsellor's reason: the employer is told why, and the panel's
    // history says who cancelled.
    me.post_to(
        "/api/personal/mote/avboka",
        &[
            ("booking", &id.to_string()),
            ("cancel[reason]", "handlaggare-franvarande"),
            ("cancel[note]", ""),
            ("back", &panel),
        ],
        &format!("{panel}#mote"),
    )
    .await;
    let row = app.store.booking(id).await.unwrap().unwrap();
    assert_eq!(row.status, app::domain::BookingStatus::Cancelled);
    let mail = app.email_to(KARIN, "Arbetsförmedlingen har avbokat").await;
    assert!(mail.contains("frånvarande"), "{mail}");
    let (_, page) = me.get(&panel).await;
    assert!(page.contains("Lucía Fernández avbokade mötet"), "{page}");
    // A counsellor of another office may do neither.
    let other = people::staff(&app, "karin.ekstrom@tidbok.example").await;
    let res = other
        .call(
            "/api/personal/mote/flytta",
            &[
                ("booking", id.to_string()),
                ("move_to[date]", date.clone()),
                ("move_to[time]", clock.clone()),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    app.db.drop_database().await;
}

async fn reception_lists_and_marks_an_employers_visit(backend: Backend) {
    use app::domain::time;
    let app = support::spawn_app(backend, true).await;
    let omsorgen = app
        .store
        .employer_credentials(&app::domain::Email::parse("yusuf.karimi@omsorgen.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let user = app
        .store
        .employer_user(omsorgen.user_id)
        .await
        .unwrap()
        .unwrap();
    let (layla, malmo) = people::counsellor(&app, "layla.haddad@tidbok.example").await;
    // A visit today at noon, whenever the test runs.
    let noon = time::stockholm_to_utc(
        time::stockholm_date(chrono::Utc::now()),
        chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
    )
    .unwrap();
    let id = app
        .store
        .insert_booking(&app::ssr::store::NewBooking {
            with: app::ssr::store::Party::Employer {
                employer_id: user.employer_id,
                user_id: user.id,
                need_id: None,
            },
            counsellor_id: layla,
            meeting_type: "employer-meeting",
            channel: app::domain::Channel::Office,
            office_id: Some(malmo),
            starts_at: noon,
            ends_at: noon + chrono::Duration::minutes(60),
            clear_until: noon + chrono::Duration::minutes(60),
            is_first: false,
            video_room: None,
            now: noon - chrono::Duration::days(2),
            visit_limit: None,
        })
        .await
        .unwrap();
    let reception = people::staff(&app, "chef.malmo-centrum@tidbok.example").await;
    let (status, page) = reception.get("/personal/kontor").await;
    assert_eq!(status, 200);
    let row = page
        .split(&format!("id=\"besok-{id}\""))
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .expect("the employer's visit is on the list");
    assert!(row.contains("Yusuf Karimi"), "{row}");
    assert!(row.contains("Arbetsgivare: Omsorgen i Malmö AB"), "{row}");
    reception
        .post_to(
            "/api/personal/kontor/ankomst",
            &[("besok", &id.to_string())],
            &format!("/personal/kontor?kontor={malmo}#besok-{id}"),
        )
        .await;
    let row = app.store.booking(id).await.unwrap().unwrap();
    assert!(row.arrived_at.is_some(), "marked as arrived");
    app.db.drop_database().await;
}
