//! The monthly activity report over HTTP, as a browser without JavaScript uses it: a month
//! filled in with activities added by kind, left and found again as a draft, refused with
//! the errors next to their fields, reviewed, sent once and shown as a receipt; corrected as
//! a new version; another person's months and months not reported are not found; reminders
//! reach the seeker. Both databases.

use crate::support::{browser::Browser, people, spawn_app, Backend, TestApp};
use app::domain::activity_report::period::ReportPeriod;
use chrono::{Datelike, Duration, Utc};

on_both_backends!(
    a_seeker_files_a_month_leaves_and_comes_back_and_sends_it_once,
    mistakes_come_back_next_to_their_fields_with_everything_typed,
    a_sent_report_is_corrected_by_a_new_version,
    only_the_seekers_own_reported_months_are_found,
    two_sends_at_once_send_one_report,
    the_reminders_tell_the_seeker_in_their_language,
    the_counsellor_sees_the_report_and_the_missed_month_in_the_case,
);

const SAVE: &str = "/api/mina-sidor/aktivitetsrapport/spara";
const SEND: &str = "/api/mina-sidor/aktivitetsrapport/skicka";

fn due() -> ReportPeriod {
    ReportPeriod::due_at(Utc::now())
}

/// A day of the month due, `YYYY-MM-DD`.
fn day(d: u32) -> String {
    let first = due().first_day();
    format!("{:04}-{:02}-{d:02}", first.year(), first.month())
}

/// Seeker `n`, registered 70 days ago, signed in on the overview.
async fn seeker(app: &TestApp, n: u32) -> Browser<'_> {
    let registered = Utc::now() - Duration::days(70);
    people::register(&app.store, n, &["underskoterska"], None, registered).await;
    people::sign_in(app, n, "/mina-sidor/aktivitetsrapport").await
}

async fn seeker_id(app: &TestApp, n: u32) -> i64 {
    let email = app::domain::Email::parse(&format!("person{n}@example.se")).unwrap();
    app.store
        .seeker_credentials(&email)
        .await
        .unwrap()
        .expect("registered")
        .seeker_id
}

/// The form with two job applications and a course, as the page posts it.
fn filled(period: &str) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = vec![
        ("period".into(), period.into()),
        ("based_on".into(), "0".into()),
        ("form[worked]".into(), "ja".into()),
        ("form[days_worked]".into(), "2".into()),
        ("form[hours_worked]".into(), "15".into()),
        ("form[none_reason]".into(), String::new()),
    ];
    let activities = [
        (
            "sokt",
            day(3),
            "Undersköterska",
            "Sahlgrenska",
            "Göteborg",
            "annons",
            "skickad",
        ),
        (
            "sokt",
            day(9),
            "Vårdbiträde",
            "Attendo",
            "Mölndal",
            "tips",
            "intervju",
        ),
        ("utbildning", day(12), "sfi kurs D", "Komvux", "", "", ""),
    ];
    for (i, (kind, date, title, org, town, way, stage)) in activities.into_iter().enumerate() {
        for (field, value) in [
            ("kind", kind.to_owned()),
            ("date", date),
            ("title", title.to_owned()),
            ("organisation", org.to_owned()),
            ("town", town.to_owned()),
            ("way", way.to_owned()),
            ("stage", stage.to_owned()),
        ] {
            f.push((format!("form[activities][{i}][{field}]"), value));
        }
    }
    f
}

async fn post(
    b: &Browser<'_>,
    path: &str,
    fields: &[(String, String)],
    intent: &str,
) -> (u16, String) {
    let mut pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    pairs.push(("intent", intent));
    b.post(path, &pairs).await
}

async fn a_seeker_files_a_month_leaves_and_comes_back_and_sends_it_once(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let b = seeker(&app, 1).await;
    let code = due().code();
    let page_path = format!("/mina-sidor/aktivitetsrapport/{code}");

    let (status, page) = b.get("/mina-sidor/aktivitetsrapport").await;
    assert_eq!(status, 200);
    assert!(page.contains("Att rapportera nu"), "{page}");
    assert!(page.contains("Senast 14 "), "the deadline");
    assert!(page.contains("Inte påbörjad"));
    assert!(page.contains(&format!("href=\"{page_path}\"")));
    // Mina sidor leads here.
    let (_, mine) = b.get("/mina-sidor").await;
    assert!(mine.contains("href=\"/mina-sidor/aktivitetsrapport\""));

    // An activity is added by kind: the form is saved and drawn again with one more.
    let (status, page) = b.get(&page_path).await;
    assert_eq!(status, 200);
    assert!(page.contains("value=\"add-sokt\""), "a button per kind");
    assert!(page.contains("Du hade inga möten bokade i Tidbok"));
    let (status, location) = post(&b, SAVE, &[("period".into(), code.clone())], "add-sokt").await;
    assert_eq!(
        (status, location.as_str()),
        (302, format!("{page_path}#aktivitet-0").as_str())
    );
    let (_, page) = b.get(&page_path).await;
    assert!(page.contains("Aktivitet 1: Sökt jobb"), "{page}");
    assert!(page.contains("name=\"form[activities][0][way]\""));

    // Filled in and saved; leaving and coming back finds everything.
    let (status, location) = post(&b, SAVE, &filled(&code), "spara").await;
    assert_eq!((status, location.as_str()), (302, page_path.as_str()));
    let (_, overview) = b.get("/mina-sidor/aktivitetsrapport").await;
    assert!(
        overview.contains("Utkastet är sparat."),
        "said once, on the next page"
    );
    assert!(overview.contains("Utkast sparat"));
    assert!(overview.contains("Fortsätt med rapporten"));
    let (_, page) = b.get(&page_path).await;
    for typed in [
        "value=\"Sahlgrenska\"",
        "value=\"Attendo\"",
        "value=\"sfi kurs D\"",
        "value=\"15\"",
    ] {
        assert!(page.contains(typed), "{typed} is kept");
    }
    assert!(page.contains("Aktivitet 3: Utbildning eller kurs"));
    assert!(
        !page.contains("name=\"form[activities][2][way]\""),
        "a course asks no way"
    );

    // Review, then send.
    let (status, location) = post(&b, SAVE, &filled(&code), "next").await;
    assert_eq!((status, location), (302, format!("{page_path}/granska")));
    let (status, review) = b.get(&format!("{page_path}/granska")).await;
    assert_eq!(status, 200);
    assert!(
        review.contains("Undersköterska, Sahlgrenska, Göteborg"),
        "{review}"
    );
    assert!(review.contains("Arbetade 2 dagar, 15 timmar totalt."));
    assert!(review.contains(&format!("action=\"{SEND}\"")));
    let (status, location) = b.post(SEND, &[("period", code.as_str())]).await;
    let receipt_path = format!("{page_path}/version/1");
    assert_eq!((status, location.as_str()), (302, receipt_path.as_str()));
    let (status, receipt) = b.get(&receipt_path).await;
    assert_eq!(status, 200);
    assert!(receipt.contains("Tack! Din aktivitetsrapport är skickad."));
    assert!(receipt.contains("Kvitto: aktivitetsrapport för"));
    assert!(receipt.contains("i tid"));
    assert!(receipt.contains("sfi kurs D, Komvux"));
    assert!(receipt.contains("Testa Person b"), "whose report");
    assert!(
        !receipt.contains(&people::personal_number(1)),
        "the number is masked"
    );

    let id = seeker_id(&app, 1).await;
    let sent = app.store.sent_reports(id).await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!((sent[0].activity_count, sent[0].hours_worked), (3, 15));
    assert_eq!(app.store.report_draft(id, due()).await.unwrap(), None);

    // Sending again (the back button, a second click) sends nothing more.
    let (status, location) = b.post(SEND, &[("period", code.as_str())]).await;
    assert_eq!((status, location.as_str()), (302, receipt_path.as_str()));
    let (_, receipt) = b.get(&receipt_path).await;
    assert!(receipt.contains("Rapporten var redan skickad."));
    assert_eq!(app.store.sent_reports(id).await.unwrap().len(), 1);
    // The month's page is now its receipt; the overview says it is sent.
    let (status, location) = b.get_location(&page_path).await;
    assert_eq!((status, location.as_str()), (302, receipt_path.as_str()));
    let (_, overview) = b.get("/mina-sidor/aktivitetsrapport").await;
    assert!(overview.contains("Skickad"));
    assert!(overview.contains("Visa kvittot"));
    app.db.drop_database().await;
}

async fn mistakes_come_back_next_to_their_fields_with_everything_typed(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let b = seeker(&app, 2).await;
    let code = due().code();
    let page_path = format!("/mina-sidor/aktivitetsrapport/{code}");
    let mut form = filled(&code);
    let set = |form: &mut Vec<(String, String)>, name: &str, value: &str| {
        form.iter_mut().find(|(k, _)| k == name).expect(name).1 = value.into();
    };
    let next_month = due().next().first_day().format("%Y-%m-%d").to_string();
    set(&mut form, "form[activities][0][date]", &next_month);
    set(&mut form, "form[activities][1][organisation]", "");
    set(&mut form, "form[hours_worked]", "7,5");
    let (status, location) = post(&b, SAVE, &form, "next").await;
    assert_eq!((status, location), (302, format!("{page_path}#fel")));
    let (_, page) = b.get(&page_path).await;
    assert!(
        page.contains("Datumet ska ligga i den månad du rapporterar."),
        "{page}"
    );
    assert!(page.contains("Skriv antal timmar som ett heltal"));
    assert!(page.contains("href=\"#f-activities-1-organisation\""));
    assert!(
        page.contains("Aktivitet 1: Sökt jobb – Datum"),
        "the summary names the field"
    );
    assert!(
        page.contains(&format!("value=\"{next_month}\"")),
        "what was typed is kept"
    );
    assert!(page.contains("value=\"7,5\""));
    assert!(page.contains("value=\"Vårdbiträde\""));
    // Nothing was sent.
    let id = seeker_id(&app, 2).await;
    assert!(app.store.sent_reports(id).await.unwrap().is_empty());
    // A review with nothing reported asks why.
    let (_, _) = post(
        &b,
        SAVE,
        &[
            ("period".into(), code.clone()),
            ("form[worked]".into(), "nej".into()),
        ],
        "next",
    )
    .await;
    let (_, page) = b.get(&page_path).await;
    assert!(page.contains("eller skriv varför du inte har haft några aktiviteter"));
    // The review page of a report that does not pass sends the person back to the form.
    let (status, location) = b.get_location(&format!("{page_path}/granska")).await;
    assert_eq!((status, location.as_str()), (302, page_path.as_str()));
    app.db.drop_database().await;
}

async fn a_sent_report_is_corrected_by_a_new_version(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let b = seeker(&app, 3).await;
    let code = due().code();
    let page_path = format!("/mina-sidor/aktivitetsrapport/{code}");
    post(&b, SAVE, &filled(&code), "next").await;
    b.post(SEND, &[("period", code.as_str())]).await;

    let (status, page) = b.get(&format!("{page_path}?ratta=1")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Du rättar en rapport som du redan har skickat."));
    assert!(page.contains("name=\"based_on\" value=\"1\""), "{page}");
    assert!(
        page.contains("value=\"Attendo\""),
        "the correction starts from what was sent"
    );
    let mut form = filled(&code);
    form.iter_mut().find(|(k, _)| k == "based_on").unwrap().1 = "1".into();
    form.iter_mut()
        .find(|(k, _)| k == "form[activities][1][organisation]")
        .unwrap()
        .1 = "Attendo Mölndal".into();
    post(&b, SAVE, &form, "next").await;
    let (status, location) = b.post(SEND, &[("period", code.as_str())]).await;
    assert_eq!((status, location), (302, format!("{page_path}/version/2")));

    let id = seeker_id(&app, 3).await;
    let sent = app.store.sent_reports(id).await.unwrap();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].replaces_id, Some(sent[1].id));
    assert!(
        sent[1].body.contains("\"Attendo\""),
        "version 1 is unchanged"
    );
    assert!(sent[0].body.contains("Attendo Mölndal"));
    let (_, v1) = b.get(&format!("{page_path}/version/1")).await;
    assert!(v1.contains("Den här versionen har rättats. Version 2 gäller."));
    let (_, v2) = b.get(&format!("{page_path}/version/2")).await;
    assert!(v2.contains("Attendo Mölndal"));
    app.db.drop_database().await;
}

async fn only_the_seekers_own_reported_months_are_found(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let alice = seeker(&app, 4).await;
    let code = due().code();
    post(&alice, SAVE, &filled(&code), "next").await;
    alice.post(SEND, &[("period", code.as_str())]).await;
    let receipt = format!("/mina-sidor/aktivitetsrapport/{code}/version/1");
    let (status, _) = alice.get(&receipt).await;
    assert_eq!(status, 200);

    // Another seeker at the same address finds nothing of Alice's.
    let bob = seeker(&app, 5).await;
    let (status, page) = bob.get(&receipt).await;
    assert_eq!(status, 404);
    assert!(!page.contains("Sahlgrenska"));
    // Months not reported: the current one, one before registering, and nonsense.
    let current = due().next().code();
    let before = ReportPeriod::due_at(Utc::now() - Duration::days(200)).code();
    for month in [current.as_str(), before.as_str(), "2026-13", "abc"] {
        let (status, _) = bob
            .get(&format!("/mina-sidor/aktivitetsrapport/{month}"))
            .await;
        assert_eq!(status, 404, "{month}");
        let (_, location) = post(&bob, SAVE, &filled(month), "save").await;
        assert!(
            !location.starts_with("/mina-sidor/aktivitetsrapport"),
            "{month}: {location}"
        );
    }
    let bob_id = seeker_id(&app, 5).await;
    assert!(app
        .store
        .report_draft_periods(bob_id)
        .await
        .unwrap()
        .is_empty());
    // Signed out: sign in first, and nothing is saved or sent.
    let stranger = Browser::new(&app);
    let (status, location) = stranger.get_location("/mina-sidor/aktivitetsrapport").await;
    assert_eq!(status, 302);
    assert!(location.starts_with("/logga-in"), "{location}");
    let (status, _) = post(&stranger, SAVE, &filled(&code), "save").await;
    assert!(status == 302 || status == 401, "{status}");
    assert_eq!(app.store.report_draft(bob_id, due()).await.unwrap(), None);
    app.db.drop_database().await;
}

async fn two_sends_at_once_send_one_report(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let b = seeker(&app, 6).await;
    let code = due().code();
    post(&b, SAVE, &filled(&code), "next").await;
    let fields = [("period", code.as_str())];
    let (a, c) = tokio::join!(b.post(SEND, &fields), b.post(SEND, &fields));
    assert_eq!((a.0, c.0), (302, 302));
    let id = seeker_id(&app, 6).await;
    assert_eq!(app.store.sent_reports(id).await.unwrap().len(), 1);
    app.db.drop_database().await;
}

async fn the_reminders_tell_the_seeker_in_their_language(backend: Backend) {
    use app::ssr::services::activity_reports::schedule_reminders;
    let app = spawn_app(backend, false).await;
    let registered = Utc::now() - Duration::days(70);
    people::register(&app.store, 7, &["underskoterska"], None, registered).await;
    // The month before the one due now, so that its reminders' times have passed (the
    // outbox sends what is due by the real clock): on its 10th, the nudge.
    let period = due().previous();
    let tenth = period.nudge_at() + Duration::hours(8);
    schedule_reminders(&app.store, tenth).await.unwrap();
    let text = app
        .email_to(
            "person7@example.se",
            "Du har inte skickat din aktivitetsrapport",
        )
        .await;
    assert!(text.contains("senast 14 "), "{text}");
    assert!(text.contains("/mina-sidor/aktivitetsrapport"));
    // The 15th: recorded as missed, and the seeker told what happens next.
    let fifteenth = period.late_from() + Duration::hours(7);
    schedule_reminders(&app.store, fifteenth).await.unwrap();
    let id = seeker_id(&app, 7).await;
    let missed = app.store.missed_reports(id).await.unwrap();
    assert!(
        missed.iter().any(|(p, _)| *p == period.code()),
        "{missed:?}"
    );
    let text = app
        .email_to(
            "person7@example.se",
            "Vi har inte fått din aktivitetsrapport",
        )
        .await;
    assert!(text.contains("Inget beslut fattas automatiskt"), "{text}");
    // Again: nothing more.
    assert_eq!(schedule_reminders(&app.store, fifteenth).await.unwrap(), 0);
    app.db.drop_database().await;
}

async fn the_counsellor_sees_the_report_and_the_missed_month_in_the_case(backend: Backend) {
    use app::ssr::services::activity_reports::schedule_reminders;
    let app = spawn_app(backend, true).await;
    let b = seeker(&app, 8).await;
    let code = due().code();
    post(&b, SAVE, &filled(&code), "next").await;
    b.post(SEND, &[("period", code.as_str())]).await;
    let id = seeker_id(&app, 8).await;
    // The month before was never sent: recorded as missed on its 15th.
    let earlier = due().previous();
    schedule_reminders(&app.store, earlier.late_from() + Duration::hours(1))
        .await
        .unwrap();
    let (amira, _) = people::counsellor(&app, "amira.hassan@tidbok.example").await;
    let starts = (Utc::now() + Duration::days(3))
        .date_naive()
        .and_hms_opt(13, 0, 0)
        .unwrap()
        .and_utc();
    let booking = people::phone_meeting(&app.store, id, amira, starts).await;
    let staff = people::staff(&app, "amira.hassan@tidbok.example").await;
    let (status, page) = staff
        .get(&format!(
            "/personal/kalender?radgivare={amira}&mote={booking}"
        ))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Aktivitetsrapport för"), "{page}");
    assert!(page.contains("3 aktiviteter (2 Sökt jobb, 1 Utbildning eller kurs"));
    assert!(page.contains("arbetat 15 timmar"));
    assert!(page.contains("Visa hela rapporten"));
    assert!(
        page.contains("Vårdbiträde, Attendo, Mölndal"),
        "the whole report"
    );
    assert!(page.contains("kom inte in senast 14 "), "the missed month");
    app.db.drop_database().await;
}
