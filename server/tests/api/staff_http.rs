//! The staff side over HTTP, on both databases: demo accounts sign in at /personal/logga-in
//! and land on their calendar with their meetings; a wrong password keeps the email; a job
//! seeker's session never reaches a staff page or function; each role sees the calendars it
//! may and is refused the others; the administrator's command creates accounts that work.

use crate::support::{browser::Browser, people, spawn_app, Backend, TestApp};
use app::domain::{access_log::AccessReason, SeekerId, StaffId};
use app::{
    domain::{staff::Role, Email},
    error::AppError,
    ssr::seed::DEMO_STAFF_PASSWORD,
};
use chrono::{Duration, Utc};

on_both_backends!(
    a_counsellor_signs_in_and_sees_their_meetings,
    a_wrong_password_keeps_the_email_and_says_so,
    a_seekers_session_never_reaches_staff_pages,
    each_role_sees_only_the_calendars_it_may,
    the_admin_command_creates_accounts_that_sign_in,
    seeker_reach_and_the_access_log,
    every_role_lands_on_a_real_page_and_every_header_link_works,
);

const SANNA: &str = "sanna.lindqvist@tidbok.example";
const SIGN_IN: &str = "/api/personal/logga-in";
const WEEK: &str = "/api/personal/kalender/vecka";

async fn counsellor_id(app: &TestApp, email: &str) -> i64 {
    let all = app.store.list_counsellors().await.unwrap();
    all.iter()
        .find(|c| c.email == email)
        .unwrap_or_else(|| panic!("{email} is a demo counsellor"))
        .id
}

/// Books seeker `n` with `counsellor` tomorrow at a free hour, straight into the store.
async fn meeting(app: &TestApp, n: u32, counsellor: i64) -> i64 {
    let seeker = people::register(&app.store, n, &["underskoterska"], None, Utc::now()).await;
    let open = app
        .store
        .list_availability(
            counsellor,
            Utc::now() + Duration::days(1),
            Utc::now() + Duration::days(14),
        )
        .await
        .unwrap();
    people::phone_meeting_at_first_free(&app.store, seeker, counsellor, &open).await;
    seeker
}

async fn week_json(browser: &Browser<'_>, counsellor: Option<i64>) -> reqwest::Response {
    let mut form = vec![("week", String::new())];
    if let Some(c) = counsellor {
        form.push(("counsellor", c.to_string()));
    }
    browser
        .client
        .post(browser.app.url(WEEK))
        .header("accept", "application/json")
        .form(&form)
        .send()
        .await
        .unwrap()
}

async fn a_counsellor_signs_in_and_sees_their_meetings(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let sanna = counsellor_id(&app, SANNA).await;
    let seeker = meeting(&app, 1, sanna).await;

    let (status, page) = Browser::new(&app).get("/personal/logga-in").await;
    assert_eq!(status, 200);
    assert!(page.contains("Logga in som personal"));
    assert!(page.contains("action=\"/api/personal/logga-in\""));

    let browser = people::staff(&app, SANNA).await;
    // The meeting may be next week: ask for the week of the booked day.
    let open = app
        .store
        .calendar_meetings(sanna, Utc::now(), Utc::now() + Duration::days(30))
        .await
        .unwrap();
    let ours = open
        .iter()
        .find(|m| m.seeker_id == Some(seeker))
        .expect("the meeting just booked");
    let day = app::domain::time::iso_date(app::domain::time::stockholm_date(ours.starts_at));
    let (status, page) = browser
        .get(&format!("/personal/kalender?vecka={day}"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Min kalender"), "{page}");
    assert!(page.contains("Inloggad: Sanna"));
    assert!(page.contains("Testa Person "), "the seeker's name: {page}");
    assert!(
        page.contains("Telefon"),
        "the channel in words, not only an icon"
    );
    assert!(
        page.contains("class=\"board__open-body\"") && page.contains("Öppen tid "),
        "open time drawn on the board"
    );

    // Signing out ends the staff session.
    let (status, location) = browser.post("/api/personal/logga-ut", &[]).await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/personal/logga-in?utloggad=1")
    );
    let (status, location) = browser.get_location("/personal/kalender").await;
    assert_eq!(status, 302);
    assert!(
        location.starts_with("/personal/logga-in?nasta="),
        "{location}"
    );
}

async fn a_wrong_password_keeps_the_email_and_says_so(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = Browser::new(&app);
    let (status, location) = browser
        .post(
            SIGN_IN,
            &[("email", SANNA), ("password", "fel lösenord här")],
        )
        .await;
    assert_eq!((status, location.as_str()), (302, "/personal/logga-in"));
    let (_, page) = browser.get("/personal/logga-in").await;
    assert!(page.contains("stämmer inte"));
    assert!(page.contains(&format!("value=\"{SANNA}\"")));
    // A job seeker's password form is not a way in either.
    let (_, location) = browser
        .post(
            "/api/konto/logga-in",
            &[("email", SANNA), ("password", DEMO_STAFF_PASSWORD)],
        )
        .await;
    assert_eq!(location, "/logga-in");
}

async fn a_seekers_session_never_reaches_staff_pages(backend: Backend) {
    let app = spawn_app(backend, true).await;
    people::register(&app.store, 2, &["underskoterska"], None, Utc::now()).await;
    let browser = Browser::new(&app);
    browser
        .post_to(
            "/api/konto/logga-in",
            &[
                ("email", "person2@example.se"),
                ("password", "ett långt lösenord"),
                ("next", "/mina-sidor"),
            ],
            "/mina-sidor",
        )
        .await;
    let (status, location) = browser.get_location("/personal/kalender").await;
    assert_eq!(status, 302);
    assert_eq!(location, "/personal/logga-in?nasta=%2Fpersonal%2Fkalender");
    let res = week_json(&browser, None).await;
    assert!(!res.status().is_success());
    assert_eq!(
        res.json::<AppError>().await.unwrap(),
        AppError::Unauthorized
    );
    let res = browser
        .client
        .post(app.url("/api/personal/jag"))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.json::<AppError>().await.unwrap(),
        AppError::Unauthorized
    );

    // Staff signing in on the same browser leaves the seeker's session behind.
    staff_browser_on(&browser, SANNA).await;
    let (status, location) = browser.get_location("/mina-sidor").await;
    assert_eq!(status, 302, "the seeker is signed out: {location}");
}

async fn staff_browser_on(browser: &Browser<'_>, email: &str) {
    browser
        .post_to(
            SIGN_IN,
            &[("email", email), ("password", DEMO_STAFF_PASSWORD)],
            "/personal/kalender",
        )
        .await;
}

async fn each_role_sees_only_the_calendars_it_may(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let all = app.store.list_counsellors().await.unwrap();
    let sanna = all.iter().find(|c| c.email == SANNA).unwrap();
    let colleague = all
        .iter()
        .find(|c| c.office_id == sanna.office_id && c.id != sanna.id)
        .unwrap();
    let elsewhere = all.iter().find(|c| c.office_id != sanna.office_id).unwrap();

    let counsellor = people::staff(&app, SANNA).await;
    let res = week_json(&counsellor, None).await;
    assert_eq!(res.status(), 200);
    let week: app::views::calendar::CalendarView = res.json().await.unwrap();
    assert_eq!(week.counsellor_id, sanna.id);
    assert!(week.own);
    assert_eq!(week.board.columns.len(), 5, "Monday to Friday");
    assert!(week.colleagues.iter().all(|c| all
        .iter()
        .any(|a| a.id == c.counsellor_id && a.office_id == sanna.office_id)));
    let res = week_json(&counsellor, Some(colleague.id)).await;
    assert_eq!(
        res.status(),
        200,
        "a colleague's calendar at the same office"
    );
    let res = week_json(&counsellor, Some(elsewhere.id)).await;
    assert_eq!(res.json::<AppError>().await.unwrap(), AppError::Forbidden);
    let (status, page) = counsellor
        .get(&format!("/personal/kalender?radgivare={}", elsewhere.id))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("inte behörighet"), "said in words");

    let manager = people::staff(&app, "chef.stockholm-city@tidbok.example").await;
    let res = week_json(&manager, Some(colleague.id)).await;
    assert_eq!(res.status(), 200);
    let week: app::views::calendar::CalendarView = res.json().await.unwrap();
    assert!(!week.own);
    let res = week_json(&manager, Some(elsewhere.id)).await;
    assert_eq!(res.json::<AppError>().await.unwrap(), AppError::Forbidden);

    let admin = people::staff(&app, app::ssr::seed::DEMO_ADMIN_EMAIL).await;
    let res = week_json(&admin, Some(elsewhere.id)).await;
    assert_eq!(res.status(), 200);
    let res = week_json(&admin, Some(999_999)).await;
    assert_eq!(res.json::<AppError>().await.unwrap(), AppError::NotFound);
}

async fn the_admin_command_creates_accounts_that_sign_in(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let run_with = |args: &str, password: &'static str| {
        let args: Vec<String> = args.split_whitespace().map(str::to_owned).collect();
        let store = app.store.clone();
        async move { server::staff_cli::run(&store, &args, || Ok(password.to_owned())).await }
    };
    let run = |args: &str| run_with(args, "ett nytt långt lösenord");
    let out = run("add --email ny.chef@tidbok.example --first-name Nora --last-name Ny --role office_manager --office umea")
        .await
        .unwrap();
    assert!(out.contains("office_manager"), "{out}");
    for (args, says) in [
        ("add --email x@tidbok.example --first-name A --last-name B --role counsellor --office umea", "no counsellor"),
        ("add --email y@tidbok.example --first-name A --last-name B --role office_manager", "needs an office"),
        ("add --email z@tidbok.example --first-name A --last-name B --role admin --office umea", "no office"),
        ("add --email ny.chef@tidbok.example --first-name A --last-name B --role admin", "exists already"),
        ("add --email q@tidbok.example --first-name A --last-name B --role office_manager --office nowhere", "no office has the code"),
        ("add --email q@tidbok.example --first-name A --last-name B --role boss", "unknown role"),
        ("add --emial q@tidbok.example", "unknown option"),
    ] {
        let err = run(args).await.expect_err(args).to_string();
        assert!(err.contains(says), "{args}: {err}");
    }
    let list = run("list").await.unwrap();
    assert!(list.contains("ny.chef@tidbok.example"));
    assert!(list.contains("Kontor Umeå"));

    let browser = Browser::new(&app);
    browser
        .post_to(
            SIGN_IN,
            &[
                ("email", "ny.chef@tidbok.example"),
                ("password", "ett nytt långt lösenord"),
            ],
            "/personal/kalender",
        )
        .await;
    let res = week_json(&browser, None).await;
    assert_eq!(
        res.status(),
        200,
        "a manager starts with the office's first counsellor"
    );

    let err = run_with("password --email ny.chef@tidbok.example", "kort")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("12 to 128"), "{err}");
    let err = run_with(
        "password --email ny.chef@tidbok.example",
        "aaaaaaaaaaaaaaaa",
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("too easy to guess"), "{err}");
    run_with(
        "password --email ny.chef@tidbok.example",
        "ännu ett långt lösenord",
    )
    .await
    .unwrap();
    let err = run("password --email ingen@tidbok.example")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("no account"));
    let row = app
        .store
        .staff_credentials(&Email::parse("ny.chef@tidbok.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(row.1.starts_with("$argon2id$"));
    let staff = app.store.staff_by_id(row.0).await.unwrap().unwrap();
    assert_eq!(staff.member.role, Role::OfficeManager);
}

async fn seeker_reach_and_the_access_log(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let sanna = counsellor_id(&app, SANNA).await;
    let seeker = meeting(&app, 3, sanna).await;
    let reach = app.store.seeker_reach(seeker).await.unwrap().unwrap();
    let owner = app.store.calendar_owner(sanna).await.unwrap().unwrap();
    assert_eq!(reach.meeting_offices, vec![owner.office_id]);
    assert!(reach.home_office.is_some(), "registered with a postcode");
    assert!(reach.referred_to.is_empty());
    assert_eq!(app.store.seeker_reach(999_999).await.unwrap(), None);

    let (staff_id, _) = app
        .store
        .staff_credentials(&Email::parse(SANNA).unwrap())
        .await
        .unwrap()
        .unwrap();
    let at = Utc::now();
    app.store
        .log_access(
            StaffId(staff_id),
            SeekerId(seeker),
            None,
            AccessReason::Meeting,
            at,
        )
        .await
        .unwrap();
    let log = app.store.access_log(seeker).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].staff_id, log[0].reason.as_str()),
        (staff_id, "booking")
    );
    assert_eq!(log[0].at.timestamp(), at.timestamp());
}

/// The links of the site header (the `site-nav` list) in a page.
fn header_links(html: &str) -> Vec<String> {
    let start = html
        .find("class=\"site-nav\"")
        .expect("the page has the header nav");
    let nav = &html[start..start + html[start..].find("</nav>").unwrap()];
    nav.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}

async fn every_role_lands_on_a_real_page_and_every_header_link_works(backend: Backend) {
    let app = spawn_app(backend, true).await;
    for email in [
        SANNA,
        "chef.umea@tidbok.example",
        app::ssr::seed::DEMO_ADMIN_EMAIL,
    ] {
        let browser = Browser::new(&app);
        let (status, landing) = browser
            .post(
                SIGN_IN,
                &[("email", email), ("password", DEMO_STAFF_PASSWORD)],
            )
            .await;
        assert_eq!(status, 302, "{email} signs in");
        let (status, page) = browser.get(&landing).await;
        assert_eq!(status, 200, "{email} lands on {landing}");
        assert!(!page.contains("Sidan finns inte"), "{email} on {landing}");
        let links = header_links(&page);
        assert!(links.len() >= 3, "{email}: {links:?}");
        for link in links {
            let (status, page) = browser.get(&link).await;
            assert!(
                status == 200 || (300..400).contains(&status),
                "{email}: {link} answers {status}"
            );
            assert!(
                !page.contains("Sidan finns inte"),
                "{email}: {link} is a dead end"
            );
            if (300..400).contains(&status) {
                let (_, to) = browser.get_location(&link).await;
                let (status, page) = browser.get(&to).await;
                assert_eq!(status, 200, "{email}: {link} → {to}");
                assert!(!page.contains("Sidan finns inte"), "{email}: {link} → {to}");
            }
        }
    }
    app.store.close().await;
    app.db.drop_database().await;
}
