//! Booking over HTTP, the way a browser without JavaScript does it: the picker's forms and
//! links, the confirm post, the meeting page and its calendar file, moving, cancelling, and
//! what someone not signed in, or signed in as someone else, gets. SQLite and PostgreSQL.

use crate::support::{browser::Browser, people, spawn_app, Backend, TestApp};

on_both_backends!(
    a_seeker_books_by_plain_posts_and_gets_a_confirmation,
    a_time_taken_meanwhile_shows_the_nearest_free_ones,
    booking_pages_ask_for_sign_in,
    nobody_sees_or_changes_someone_elses_meeting,
    moving_and_cancelling_from_my_pages,
    bad_input_gets_a_clear_answer,
);

/// Registers seeker `n` (an assistant nurse) and signs them in, in a browser of their own.
async fn signed_in(app: &TestApp, n: u32) -> Browser<'_> {
    people::signed_in(app, n, "/boka").await
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

fn meeting_id(location: &str) -> i64 {
    location
        .strip_prefix("/mina-sidor/mote/")
        .and_then(|r| r.split('?').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a meeting page: {location}"))
}

async fn a_seeker_books_by_plain_posts_and_gets_a_confirmation(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = signed_in(&app, 1).await;
    let (status, page) = browser.get("/boka").await;
    assert_eq!(status, 200);
    assert!(page.contains("Hur vill du träffas?"));
    assert!(page.contains("name=\"kanal\""));
    assert!(
        time_values(&page).is_empty(),
        "no times before choosing how to meet"
    );

    let (_, page) = browser.get("/boka?kanal=phone").await;
    assert!(page.contains("Välj dag"));
    assert!(page.contains("data-day=\""), "days as links");
    let times = time_values(&page);
    assert!(times.len() > 3, "times of the shown day: {}", times.len());
    let fields = [
        ("kanal", "phone"),
        ("kontor", ""),
        ("tid", times[0].as_str()),
        ("byt", ""),
    ];
    let (status, location) = browser.post("/api/boka/bekrafta", &fields).await;
    assert_eq!(status, 302);
    assert!(location.ends_with("?bokad=1"), "{location}");
    let id = meeting_id(&location);

    let (_, page) = browser.get(&location).await;
    assert!(page.contains("Klart! Ditt möte är bokat."));
    assert!(page.contains("ringer dig på 070-"), "the number called");
    assert!(
        page.contains("Direktnummer: 010-"),
        "the counsellor's direct number"
    );
    assert!(
        page.contains("Ha telefonen på."),
        "a tip for a phone meeting"
    );
    assert!(
        page.contains("Du behöver inget CV."),
        "a tip from the profile (no jobs listed)"
    );
    assert!(page.contains(&format!("/mina-sidor/mote/{id}/kalender.ics")));
    assert!(page.contains(&format!("/boka?byt={id}")));
    assert!(page.contains(&format!("/mina-sidor/mote/{id}/avboka")));

    let res = browser
        .client
        .get(app.url(&format!("/mina-sidor/mote/{id}/kalender.ics")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let ics = res.text().await.unwrap();
    assert!(ics.contains("BEGIN:VEVENT") && ics.contains("DTSTART:") && ics.contains("Z\r\n"));

    // The confirm sent again (a double click without JavaScript) books nothing more.
    let (_, again) = browser.post("/api/boka/bekrafta", &fields).await;
    assert_eq!(meeting_id(&again), id);
    let bookings = app
        .store
        .seeker_bookings(
            app.store
                .booking(id)
                .await
                .unwrap()
                .unwrap()
                .seeker_id
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(bookings.len(), 1);

    // /boka now shows the meeting instead of a second picker.
    let (_, page) = browser.get("/boka").await;
    assert!(page.contains("Du har redan ett första möte bokat"));
    assert!(time_values(&page).is_empty());
    app.db.drop_database().await;
}

async fn a_time_taken_meanwhile_shows_the_nearest_free_ones(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let first = signed_in(&app, 2).await;
    let second = signed_in(&app, 3).await;
    let (_, page) = second.get("/boka?kanal=video").await;
    let wanted = time_values(&page)[0].clone();
    let fields = [
        ("kanal", "video"),
        ("kontor", ""),
        ("tid", wanted.as_str()),
        ("byt", ""),
    ];
    let (_, location) = first.post("/api/boka/bekrafta", &fields).await;
    meeting_id(&location);
    let (status, location) = second.post("/api/boka/bekrafta", &fields).await;
    assert_eq!(status, 302);
    assert!(
        location.contains("upptagen=") && location.ends_with("#upptagen"),
        "{location}"
    );
    let (status, page) = second.get(location.split('#').next().unwrap()).await;
    assert_eq!(status, 200, "never an error page");
    assert!(page.contains("Tiden hann bokas av någon annan"));
    let offered = time_values(&page);
    assert!(!offered.contains(&wanted), "the taken time is not offered");
    assert!(
        page.contains("id=\"nara-"),
        "nearest free times to pick from"
    );
    app.db.drop_database().await;
}

async fn booking_pages_ask_for_sign_in(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = Browser::new(&app);
    for (path, back) in [
        ("/boka", "/logga-in?nasta=%2Fboka"),
        ("/mina-sidor", "/logga-in?nasta=%2Fmina-sidor"),
        (
            "/mina-sidor/mote/1/kalender.ics",
            "/logga-in?nasta=%2Fmina-sidor%2Fmote%2F1",
        ),
    ] {
        let (status, location) = browser.get_location(path).await;
        assert!(matches!(status, 302 | 303), "{path}: {status}");
        assert_eq!(location, back, "{path}");
    }
    let (status, location) = browser
        .post(
            "/api/boka/bekrafta",
            &[("kanal", "phone"), ("tid", "1-1795510800")],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/logga-in?nasta=%2Fboka")
    );
    app.db.drop_database().await;
}

async fn nobody_sees_or_changes_someone_elses_meeting(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let owner = signed_in(&app, 4).await;
    let other = signed_in(&app, 5).await;
    let (_, page) = owner.get("/boka?kanal=phone").await;
    let tid = time_values(&page)[0].clone();
    let (_, location) = owner
        .post(
            "/api/boka/bekrafta",
            &[("kanal", "phone"), ("tid", tid.as_str())],
        )
        .await;
    let id = meeting_id(&location).to_string();
    for path in [
        format!("/mina-sidor/mote/{id}"),
        format!("/mina-sidor/mote/{id}/avboka"),
        format!("/mina-sidor/mote/{id}/kalender.ics"),
        format!("/boka?byt={id}"),
    ] {
        let (status, page) = other.get(&path).await;
        assert_eq!(status, 404, "{path}");
        assert!(!page.contains("ringer dig"), "{path}");
    }
    let (_, location) = other
        .post(
            "/api/mote/avboka",
            &[("mote", id.as_str()), ("form[reason]", "sjuk")],
        )
        .await;
    assert!(!location.contains("avbokad"), "not cancelled: {location}");
    let (_, page) = other.get("/boka?kanal=phone").await;
    let later = time_values(&page).last().unwrap().clone();
    let (_, location) = other
        .post(
            "/api/boka/bekrafta",
            &[
                ("kanal", "phone"),
                ("tid", later.as_str()),
                ("byt", id.as_str()),
            ],
        )
        .await;
    assert!(!location.contains("flyttad"), "not moved: {location}");
    let booking = app
        .store
        .booking(id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (booking.status.as_str(), booking.times_moved),
        ("booked", 0)
    );
    app.db.drop_database().await;
}

async fn moving_and_cancelling_from_my_pages(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = signed_in(&app, 6).await;
    let (_, page) = browser.get("/boka?kanal=phone").await;
    let tid = time_values(&page)[0].clone();
    let (_, location) = browser
        .post(
            "/api/boka/bekrafta",
            &[("kanal", "phone"), ("tid", tid.as_str())],
        )
        .await;
    let id = meeting_id(&location).to_string();
    let (_, page) = browser.get("/mina-sidor").await;
    assert!(page.contains("Kommande möten") && page.contains(&format!("/mina-sidor/mote/{id}")));

    let (_, page) = browser.get(&format!("/boka?byt={id}")).await;
    assert!(page.contains("Byt tid för ditt möte") && page.contains("Du byter tid"));
    let new = time_values(&page)
        .into_iter()
        .find(|v| *v != tid)
        .expect("another time");
    let (_, location) = browser
        .post(
            "/api/boka/bekrafta",
            &[
                ("kanal", "phone"),
                ("tid", new.as_str()),
                ("byt", id.as_str()),
            ],
        )
        .await;
    assert_eq!(location, format!("/mina-sidor/mote/{id}?flyttad=1"));
    let (_, page) = browser.get(&location).await;
    assert!(page.contains("Ditt möte har fått en ny tid"));
    assert!(
        page.contains("Tiden har ändrats 1 gång."),
        "one change, in the singular"
    );

    // Cancelling without a reason keeps what was typed and says what is missing.
    let (_, location) = browser
        .post(
            "/api/mote/avboka",
            &[("mote", id.as_str()), ("form[note]", "Ring mig hellre")],
        )
        .await;
    assert_eq!(location, format!("/mina-sidor/mote/{id}/avboka#fel"));
    let (_, page) = browser.get(&format!("/mina-sidor/mote/{id}/avboka")).await;
    assert!(page.contains("Ring mig hellre"), "the note is kept");
    assert!(
        page.contains("aria-invalid=\"true\""),
        "the reason is marked"
    );
    let (_, location) = browser
        .post(
            "/api/mote/avboka",
            &[
                ("mote", id.as_str()),
                ("form[reason]", "passar-inte"),
                ("form[note]", ""),
            ],
        )
        .await;
    assert_eq!(location, "/mina-sidor?avbokad=1");
    let (_, page) = browser.get("/mina-sidor?avbokad=1").await;
    assert!(page.contains("Mötet är avbokat."));
    assert!(page.contains("Du har inget kommande möte."));
    assert!(page.contains("Avbokat"));
    let booking = app
        .store
        .booking(id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(booking.cancel_reason.as_deref(), Some("passar-inte"));
    app.db.drop_database().await;
}

async fn bad_input_gets_a_clear_answer(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = signed_in(&app, 7).await;
    let (_, location) = browser
        .post("/api/boka/bekrafta", &[("kanal", "phone"), ("tid", "")])
        .await;
    assert!(location.contains("fel=tid"), "{location}");
    let (status, page) = browser.get(location.split('#').next().unwrap()).await;
    assert_eq!(status, 200);
    assert!(page.contains("Välj en av tiderna."));
    for bad in ["x-1", "1-abc", "99999-1795510800", "1-1"] {
        let (status, location) = browser
            .post("/api/boka/bekrafta", &[("kanal", "phone"), ("tid", bad)])
            .await;
        assert_eq!(status, 302, "{bad}");
        assert!(location.starts_with("/boka?"), "{bad}: {location}");
    }
    let (_, location) = browser
        .post(
            "/api/boka/bekrafta",
            &[("kanal", "fax"), ("tid", "1-1795510800")],
        )
        .await;
    assert_eq!(location, "/boka?fel=kanal");
    let (_, page) = browser.get("/boka?fel=kanal").await;
    assert!(page.contains("Välj hur du vill träffas."));
    for path in [
        "/mina-sidor/mote/abc",
        "/mina-sidor/mote/999999",
        "/boka?byt=zzz",
    ] {
        let (status, _) = browser.get(path).await;
        assert_eq!(status, 404, "{path}");
    }
    // A program gets the error as JSON, naming the field.
    let res = browser
        .client
        .post(app.url("/api/boka/bekrafta"))
        .header("accept", "application/json")
        .form(&[("kanal", "phone"), ("tid", "nonsense")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_server_error() || res.status().is_client_error());
    let error: app::error::AppError = res.json().await.unwrap();
    let app::error::AppError::Validation(errors) = error else {
        panic!("expected field errors, got {error:?}");
    };
    assert!(errors.contains_key("tid"), "{errors:?}");
    app.db.drop_database().await;
}
