//! The office flow over HTTP, as browsers without JavaScript use it, against SQLite and
//! PostgreSQL: "Jag är här" from the seeker's phone, reception marking arrivals and the
//! counsellor fetching the visitor, the load view with capacity edited in place, and the
//! follow-up figures with their CSV file. Each function refuses who may not use it.

use crate::support::{browser::Browser, people, spawn_app, Backend, TestApp};
use app::ssr::store::{Store, VisitRow};
use chrono::{Duration, Utc};

on_both_backends!(
    a_visitor_checks_in_within_the_hour_and_the_counsellor_sees_it,
    reception_marks_arrival_and_only_the_office_may,
    capacity_is_edited_in_place_and_bad_values_come_back,
    figures_and_their_csv_are_for_the_manager,
);

const STOCKHOLM_MANAGER: &str = "chef.stockholm-city@tidbok.example";
const WARSAME: &str = "abdirahman.warsame@tidbok.example";

async fn stockholm(store: &Store) -> i64 {
    store
        .list_offices()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.code == "stockholm-city")
        .unwrap()
        .id
}

/// The demo's two visits around now with Abdirahman Warsame: the one within the hour first.
async fn todays_visits(store: &Store) -> Vec<VisitRow> {
    let office = stockholm(store).await;
    let now = Utc::now();
    let mut visits: Vec<VisitRow> = store
        .office_visits(office, now - Duration::days(1), now + Duration::days(1))
        .await
        .unwrap()
        .into_iter()
        .filter(|v| v.counsellor_last_name == "Warsame")
        .collect();
    visits.sort_by_key(|v| (v.starts_at - now).num_seconds().abs());
    assert_eq!(
        visits.len(),
        2,
        "the demo has two visits with Warsame today"
    );
    visits
}

/// The status a server function answers a caller that wants data (not a page) with.
async fn status_of(browser: &Browser<'_>, path: &str, fields: &[(&str, &str)]) -> u16 {
    browser
        .client
        .post(browser.app.url(path))
        .header("accept", "application/json")
        .form(fields)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn demo_seeker(app: &TestApp, n: u32) -> Browser<'_> {
    let browser = Browser::new(app);
    let email = format!("demo.sokande{n}@example.se");
    let (status, _) = browser
        .post(
            "/api/konto/logga-in",
            &[
                ("email", email.as_str()),
                ("password", app::ssr::seed::DEMO_SEEKER_PASSWORD),
                ("next", "/mina-sidor"),
            ],
        )
        .await;
    assert_eq!(status, 302);
    browser
}

async fn a_visitor_checks_in_within_the_hour_and_the_counsellor_sees_it(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let visits = todays_visits(&app.store).await;
    let (soon, later) = (&visits[0], &visits[1]);
    let seeker = demo_seeker(&app, 43).await;
    // Mina sidor and the meeting's page offer "Jag är här".
    let page = format!("/mina-sidor/mote/{}", soon.id);
    let (status, html) = seeker.get(&page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Jag är här"), "{html}");
    assert!(html.contains("action=\"/api/mote/jag-ar-har\""));
    let (_, mine) = seeker.get("/mina-sidor").await;
    assert!(mine.contains("Jag är här"));
    // Someone else's visit is not theirs to check in for.
    assert_eq!(
        status_of(
            &seeker,
            "/api/mote/jag-ar-har",
            &[("mote", &later.id.to_string())]
        )
        .await,
        404
    );
    // Pressed: back to the page, which says so; pressed again, the first time stays.
    seeker
        .post_to(
            "/api/mote/jag-ar-har",
            &[("mote", &soon.id.to_string())],
            &format!("{page}?har-kommit=1#ankomst"),
        )
        .await;
    let first = app
        .store
        .booking(soon.id)
        .await
        .unwrap()
        .unwrap()
        .arrived_at;
    assert!(first.is_some());
    seeker
        .post_to(
            "/api/mote/jag-ar-har",
            &[("mote", &soon.id.to_string())],
            &format!("{page}?har-kommit=1#ankomst"),
        )
        .await;
    assert_eq!(
        app.store
            .booking(soon.id)
            .await
            .unwrap()
            .unwrap()
            .arrived_at,
        first
    );
    let (_, html) = seeker.get(&format!("{page}?har-kommit=1")).await;
    assert!(html.contains("Du sa att du är här"), "{html}");

    // The other visitor's check-in is not open yet (it opens an hour before).
    if later.starts_at - Utc::now() > Duration::minutes(65) {
        let other = demo_seeker(&app, 44).await;
        let later_page = format!("/mina-sidor/mote/{}", later.id);
        let (_, html) = other.get(&later_page).await;
        assert!(!html.contains("action=\"/api/mote/jag-ar-har\""));
        other
            .post_to(
                "/api/mote/jag-ar-har",
                &[("mote", &later.id.to_string())],
                &format!("{later_page}?inte-nu=1#ankomst"),
            )
            .await;
        assert!(app
            .store
            .booking(later.id)
            .await
            .unwrap()
            .unwrap()
            .arrived_at
            .is_none());
    }

    // The counsellor's day shows who has arrived, and the panel fetches them.
    let counsellor = people::staff(&app, WARSAME).await;
    let day = app::domain::time::iso_date(app::domain::time::stockholm_date(soon.starts_at));
    let (_, board) = counsellor
        .get(&format!("/personal/kalender?vy=dag&dag={day}"))
        .await;
    assert!(board.contains("Här sedan"), "{board}");
    let back = format!("/personal/kalender?vy=dag&dag={day}&mote={}", soon.id);
    let (_, panel) = counsellor.get(&back).await;
    assert!(panel.contains("action=\"/api/personal/kontor/hamtad\""));
    counsellor
        .post_to(
            "/api/personal/kontor/hamtad",
            &[("besok", &soon.id.to_string()), ("tillbaka", &back)],
            &back,
        )
        .await;
    let row = app.store.booking(soon.id).await.unwrap().unwrap();
    assert!(row.received_at.is_some());
    let (_, board) = counsellor
        .get(&format!("/personal/kalender?vy=dag&dag={day}"))
        .await;
    assert!(board.contains("Hämtad"), "{board}");
    app.db.drop_database().await;
}

async fn reception_marks_arrival_and_only_the_office_may(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let visits = todays_visits(&app.store).await;
    let visit = visits[1].id.to_string();
    // A counsellor of another office may not.
    let goteborg = people::staff(&app, "emina.hodzic@tidbok.example").await;
    assert_eq!(
        status_of(
            &goteborg,
            "/api/personal/kontor/ankomst",
            &[("besok", &visit)]
        )
        .await,
        403
    );
    let (_, page) = goteborg.get("/personal/kontor").await;
    assert!(!page.contains(&format!("besok-{visit}")));
    // A job seeker's session is not staff.
    let seeker = people::signed_in(&app, 1, "/mina-sidor").await;
    assert_eq!(
        status_of(
            &seeker,
            "/api/personal/kontor/ankomst",
            &[("besok", &visit)]
        )
        .await,
        401
    );
    assert!(app
        .store
        .booking(visits[1].id)
        .await
        .unwrap()
        .unwrap()
        .arrived_at
        .is_none());

    // Reception at Stockholm City: today's list, then "Har kommit".
    let reception = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    let (status, page) = reception.get("/personal/kontor").await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("id=\"besok-{visit}\"")));
    assert!(page.contains("Väntas"));
    let office = stockholm(&app.store).await;
    // Without JavaScript the page offers a plain refresh; with it, the page asks for the
    // office's pulse, which only the office's staff may read.
    assert!(page.contains(&format!(
        "<a href=\"/personal/kontor?kontor={office}\">Uppdatera</a>"
    )));
    let office_s = office.to_string();
    let pulse = |browser: &Browser<'_>| {
        let fields = [("office", office_s.clone())];
        let client = browser.client.clone();
        let url = browser.app.url("/api/personal/kontor/puls");
        async move {
            let res = client
                .post(url)
                .header("accept", "application/json")
                .form(&fields)
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let (status, before) = pulse(&reception).await;
    assert_eq!(status, 200);
    assert_eq!(
        pulse(&reception).await.1,
        before,
        "nothing happened: the same"
    );
    assert_eq!(pulse(&goteborg).await.0, 403);
    assert_eq!(pulse(&seeker).await.0, 401);
    reception
        .post_to(
            "/api/personal/kontor/ankomst",
            &[("besok", &visit)],
            &format!("/personal/kontor?kontor={office}#besok-{visit}"),
        )
        .await;
    let row = app.store.booking(visits[1].id).await.unwrap().unwrap();
    assert!(row.arrived_at.is_some());
    assert_ne!(
        pulse(&reception).await.1,
        before,
        "an arrival changes the pulse"
    );
    let (_, page) = reception.get("/personal/kontor").await;
    assert!(page.contains("Här sedan"), "{page}");

    // A slip is undone within the minute; after it, the mark stays.
    assert!(page.contains("name=\"vad\" value=\"ankomst\""), "{page}");
    let undo = |what: &'static str| [("besok", visit.as_str()), ("vad", what)];
    assert_eq!(
        status_of(&goteborg, "/api/personal/kontor/angra", &undo("ankomst")).await,
        403
    );
    assert_eq!(
        status_of(&reception, "/api/personal/kontor/angra", &undo("allt")).await,
        422
    );
    assert_eq!(
        status_of(&reception, "/api/personal/kontor/angra", &undo("ankomst")).await,
        200
    );
    assert!(app
        .store
        .booking(visits[1].id)
        .await
        .unwrap()
        .unwrap()
        .arrived_at
        .is_none());
    assert_eq!(pulse(&reception).await.1, before, "as it was");
    app.store
        .mark_arrived(
            visits[1].id,
            app::ssr::store::ArrivalBy::Seeker(row.seeker_id.unwrap()),
            Utc::now() - Duration::seconds(90),
        )
        .await
        .unwrap();
    assert_eq!(
        status_of(&reception, "/api/personal/kontor/angra", &undo("ankomst")).await,
        409
    );
    assert!(app
        .store
        .booking(visits[1].id)
        .await
        .unwrap()
        .unwrap()
        .arrived_at
        .is_some());
    app.db.drop_database().await;
}

async fn capacity_is_edited_in_place_and_bad_values_come_back(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let office = stockholm(&app.store).await;
    let manager = people::staff(&app, STOCKHOLM_MANAGER).await;
    let (status, page) = manager.get("/personal/kontor").await;
    assert_eq!(status, 200);
    // The load view is a table: a caption, a column per hour, a row per day.
    assert!(page.contains("<table class=\"heatmap\">"));
    assert!(page.contains("<caption>Bokade besök per timme"));
    // Stockholm City opens at 09 and closes at 18 on Thursdays, 15 on Fridays: the view
    // spans 09–18, and the hours it is closed show no capacity.
    assert!(page.contains("<th scope=\"col\">09</th>"));
    assert!(page.contains("<th scope=\"col\">17</th>"));
    assert!(page.contains("heat--closed"));
    assert!(page.contains("name=\"capacity[mon]\""));
    assert!(page.contains("value=\"6\""));
    // The coming four weeks start today: no day gone by, however late in the week it is.
    let today = app::domain::time::stockholm_date(Utc::now());
    let rows = |d: chrono::NaiveDate| {
        format!(
            "{} {}",
            app::domain::time::weekday_name(d, true),
            app::domain::time::day_and_month(d, true)
        )
    };
    for back in 1..=6 {
        let gone = today - chrono::Days::new(back);
        assert!(!page.contains(&rows(gone)), "{gone} is in the coming weeks");
    }
    let last = today + chrono::Days::new(27);
    let last_weekday = (0..7)
        .map(|b| last - chrono::Days::new(b))
        .find(|d| chrono::Datelike::weekday(d).num_days_from_monday() < 5)
        .unwrap();
    assert!(
        page.contains(&rows(last_weekday)),
        "four weeks on: {last_weekday}"
    );

    // Nonsense comes back next to its field, with everything typed kept.
    let office_s = office.to_string();
    let back = format!("/personal/kontor?kontor={office}#kapacitet");
    manager
        .post_to(
            "/api/personal/kontor/kapacitet",
            &[
                ("office", office_s.as_str()),
                ("capacity[mon]", "4"),
                ("capacity[tue]", "många"),
                ("capacity[target]", "150"),
            ],
            &back,
        )
        .await;
    let (_, page) = manager.get(&back).await;
    assert!(page.contains("Skriv ett heltal från 0 till 200"), "{page}");
    assert!(page.contains("Skriv ett heltal från 10 till 100"));
    assert!(page.contains("value=\"många\""));
    assert_eq!(
        app.store.office_capacity(office).await.unwrap().per_hour[0],
        Some(6),
        "nothing saved"
    );
    // Then saved.
    manager
        .post_to(
            "/api/personal/kontor/kapacitet",
            &[
                ("office", office_s.as_str()),
                ("capacity[mon]", "4"),
                ("capacity[tue]", "5"),
                ("capacity[target]", "80"),
            ],
            &back,
        )
        .await;
    let saved = app.store.office_capacity(office).await.unwrap();
    assert_eq!(saved.per_hour[..3], [Some(4), Some(5), None]);
    assert_eq!(saved.target_percent, 80);
    let (_, page) = manager.get(&back).await;
    assert!(page.contains("Kapaciteten är sparad"));

    // A counsellor sees the view but may not change the capacity; another office's manager
    // may do neither.
    let counsellor = people::staff(&app, WARSAME).await;
    let (status, page) = counsellor.get("/personal/kontor").await;
    assert_eq!(status, 200);
    assert!(!page.contains("Spara kapaciteten"));
    let fields = [
        ("office", office_s.as_str()),
        ("capacity[mon]", "1"),
        ("capacity[target]", "50"),
    ];
    assert_eq!(
        status_of(&counsellor, "/api/personal/kontor/kapacitet", &fields).await,
        403
    );
    let other = people::staff(&app, "chef.goteborg-centrum@tidbok.example").await;
    assert_eq!(
        status_of(&other, "/api/personal/kontor/kapacitet", &fields).await,
        403
    );
    let (_, page) = other
        .get(&format!("/personal/kontor?kontor={office}"))
        .await;
    assert!(page.contains("Du arbetar inte på det här kontoret"));
    assert_eq!(app.store.office_capacity(office).await.unwrap(), saved);
    app.db.drop_database().await;
}

async fn figures_and_their_csv_are_for_the_manager(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let manager = people::staff(&app, STOCKHOLM_MANAGER).await;
    let (status, page) = manager.get("/personal/kontor/uppfoljning").await;
    assert_eq!(status, 200);
    assert!(page.contains("Registrerade och bokade själva online"));
    assert!(page.contains("Sanna Lindqvist"));
    assert!(page.contains("Besök per timme"));
    // The busy week's follow-ups were booked by staff; its first meetings online.
    let today = app::domain::time::stockholm_date(Utc::now());
    let (from, to) = (
        app::domain::time::iso_date(today - chrono::Days::new(21)),
        app::domain::time::iso_date(today + chrono::Days::new(14)),
    );
    let res = manager
        .client
        .get(app.url(&format!(
            "/personal/kontor/uppfoljning.csv?fran={from}&till={to}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        res.headers()["content-type"].to_str().unwrap(),
        "text/csv; charset=utf-8"
    );
    // The default form is what Swedish Excel opens: a byte-order mark, semicolons and
    // decimal commas, read here by a real CSV parser.
    let body = res.bytes().await.unwrap();
    assert!(body.starts_with("\u{feff}".as_bytes()), "UTF-8 with BOM");
    let rows = parse_csv(&body[3..], b';');
    assert_eq!(
        rows[0][..3],
        ["Kontor eller arbetsförmedlare", "Från", "Till"]
    );
    let office_row = &rows[1];
    assert_eq!(office_row[0], "Kontor Stockholm City");
    assert_eq!(
        (office_row[1].as_str(), office_row[2].as_str()),
        (from.as_str(), to.as_str())
    );
    // 20 first meetings held last week, 20 first meetings next week, 2 unmarked last
    // Friday, today's three visits and Ali Yusuf's phone meeting last week (registered
    // and booked by Sanna on the phone): all first meetings, none cancelled.
    assert_eq!(office_row[3], "46");
    let column = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("the column {name}"))
    };
    assert_eq!(office_row[column("Inskrivna med personal")], "1");
    let by_staff: u32 = office_row[column("Första möten bokade av personal")]
        .parse()
        .unwrap();
    assert!(
        by_staff > 1,
        "Ali's and some of the busy week's: {by_staff}"
    );
    let phone = rows
        .iter()
        .find(|r| r[0] == "Första möten: telefon")
        .expect("a row per way of meeting");
    assert_eq!(phone[column("Inskrivna med personal")], "1");
    // Demo seekers registered before their meetings: the days to the first meeting are
    // a real, positive figure, written with a decimal comma.
    let median = &office_row[9];
    assert!(median.contains(',') && !median.contains('.'), "{median}");
    let median: f64 = median.replace(',', ".").parse().expect("a median of days");
    assert!(
        median > 0.0,
        "days from registration to first meeting: {median}"
    );
    assert!(rows.iter().any(|r| r[0] == "Sanna Lindqvist"));
    assert!(
        rows.iter().all(|r| r.len() == rows[0].len()),
        "every row has every column"
    );

    // The plain form: commas and decimal points, no byte-order mark; the same figures.
    let plain = manager
        .client
        .get(app.url(&format!(
            "/personal/kontor/uppfoljning.csv?fran={from}&till={to}&format=komma"
        )))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(!plain.starts_with("\u{feff}".as_bytes()));
    let plain_rows = parse_csv(&plain, b',');
    assert_eq!(plain_rows[1][3], "46");
    assert_eq!(plain_rows[1][9].parse::<f64>().unwrap(), median);
    assert_eq!(plain_rows.len(), rows.len());

    // A bad period is refused with a reason, on the page and for the file.
    let (_, page) = manager
        .get("/personal/kontor/uppfoljning?fran=2026-11-30&till=2026-11-01")
        .await;
    assert!(page.contains("Slutet kan inte vara före början"));
    let res = manager
        .client
        .get(app.url("/personal/kontor/uppfoljning.csv?fran=2026-11-30&till=2026-11-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);

    // Counsellors compare no one: not theirs to read.
    let counsellor = people::staff(&app, WARSAME).await;
    let (_, page) = counsellor.get("/personal/kontor/uppfoljning").await;
    assert!(page.contains("Uppföljningen är för kontorets chef"));
    let res = counsellor
        .client
        .get(app.url("/personal/kontor/uppfoljning.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    // And nobody signed in is sent to sign in.
    let res = app
        .client
        .get(app.url("/personal/kontor/uppfoljning.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    app.db.drop_database().await;
}

/// Every record of a CSV file, read by the `csv` crate with `delimiter`.
pub(crate) fn parse_csv(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}
