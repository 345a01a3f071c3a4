//! Staff finding a person over HTTP, on SQLite and PostgreSQL: by number or by name and
//! date of birth, with a reason; only people the staff member may see are shown, and every
//! search (found or not, shown or not) is in the access log with its reason.

use crate::support::{self, people, spawn_app, Backend};
use app::{domain::field_error::FieldError, views::person_search::PersonSearchView};
use chrono::Utc;

on_both_backends!(
    staff_find_a_person_and_every_search_is_logged,
    a_call_is_written_into_the_case_without_a_meeting,
);

const SEARCH: &str = "/api/personal/personer/sok";

fn form(
    nummer: &str,
    namn: &str,
    fodd: &str,
    orsak: &str,
    notering: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("form[nummer]", nummer.to_owned()),
        ("form[namn]", namn.to_owned()),
        ("form[fodd]", fodd.to_owned()),
        ("form[orsak]", orsak.to_owned()),
        ("form[notering]", notering.to_owned()),
    ]
}

type LogLine = (Option<i64>, String, Option<String>, String);

async fn logged(app: &support::TestApp, staff: i64) -> Vec<LogLine> {
    use sqlx::Connection;
    let sql = "SELECT seeker_id, reason, search, note FROM access_log WHERE staff_id = $1 \
               AND reason LIKE 'search%' ORDER BY id";
    if app.db.url.starts_with("sqlite:") {
        let mut c = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
        sqlx::query_as(sql)
            .bind(staff)
            .fetch_all(&mut c)
            .await
            .unwrap()
    } else {
        let mut c = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
        sqlx::query_as(sql)
            .bind(staff)
            .fetch_all(&mut c)
            .await
            .unwrap()
    }
}

async fn staff_find_a_person_and_every_search_is_logged(backend: Backend) {
    let app = spawn_app(backend, true).await;
    // A job seeker registered in Göteborg.
    let seeker = people::register(&app.store, 61, &["underskoterska"], None, Utc::now()).await;
    let number = people::personal_number(61);
    let digits: String = number.chars().filter(|c| c.is_ascii_digit()).collect();
    let masked = format!("{}-****", &digits[..8]);
    let goteborg = people::staff(&app, "emina.hodzic@tidbok.example").await;
    let emina = people::staff_id(&app, "emina.hodzic@tidbok.example").await;
    // The demo's desk searched before: only this test's searches are compared.
    let before_test = logged(&app, emina).await.len();
    let mine = |all: Vec<LogLine>| all[before_test..].to_vec();

    // By number, at the desk: found, the number masked.
    let view: PersonSearchView = goteborg
        .call(SEARCH, &form(&number, "", "", "besok", ""))
        .await
        .json()
        .await
        .unwrap();
    assert!(view.errors.is_empty(), "{:?}", view.errors);
    assert_eq!(view.hits.len(), 1);
    assert_eq!(view.hits[0].id, seeker);
    assert_eq!(view.hits[0].number, masked);
    assert_eq!(
        view.hits[0].office.as_deref(),
        Some("Kontor Göteborg Centrum")
    );
    assert!(view.hits[0].registered_online);
    assert_eq!(
        mine(logged(&app, emina).await),
        vec![(
            Some(seeker),
            "search_visit".into(),
            Some(masked.clone()),
            String::new()
        )]
    );

    // By name (any case, part of it) and date of birth, on the phone.
    let born = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]);
    let view: PersonSearchView = goteborg
        .call(SEARCH, &form("", "PERSON", &born, "samtal", ""))
        .await
        .json()
        .await
        .unwrap();
    assert!(view.hits.iter().any(|h| h.id == seeker), "{view:?}");
    // The wrong date of birth finds nobody, and that search is logged too, about nobody.
    let view: PersonSearchView = goteborg
        .call(
            SEARCH,
            &form(
                "",
                "Testa Person",
                "1950-01-01",
                "annat",
                "Brev utan avsändare",
            ),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(view.searched && view.hits.is_empty());
    let lines = logged(&app, emina).await;
    assert_eq!(
        lines.last().unwrap(),
        &(
            None,
            "search_other".into(),
            Some("testa person, 1950-01-01".into()),
            "Brev utan avsändare".into()
        )
    );

    // Another office's counsellor finds nothing they may see, and learns nothing; the
    // search is still in the log, about the person.
    let stockholm = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    let sanna = people::staff_id(&app, "sanna.lindqvist@tidbok.example").await;
    let view: PersonSearchView = stockholm
        .call(SEARCH, &form(&number, "", "", "samtal", ""))
        .await
        .json()
        .await
        .unwrap();
    assert!(view.searched && view.hits.is_empty());
    assert_eq!(
        logged(&app, sanna).await,
        vec![(
            Some(seeker),
            "search_call".into(),
            Some(masked.clone()),
            String::new()
        )]
    );

    // Bad input is named by field, and nothing is searched or logged.
    let before = logged(&app, emina).await.len();
    let view: PersonSearchView = goteborg
        .call(SEARCH, &form("19811218-9875", "", "", "", ""))
        .await
        .json()
        .await
        .unwrap();
    assert!(!view.searched);
    assert!(matches!(
        view.errors.get("nummer"),
        Some(FieldError::PersonalNumber(_))
    ));
    assert_eq!(view.errors.get("orsak"), Some(&FieldError::Required));
    assert_eq!(logged(&app, emina).await.len(), before);

    // Without JavaScript: a plain post, back to the page with the answer once.
    let (status, location) = goteborg
        .post(
            SEARCH,
            &[("form[nummer]", number.as_str()), ("form[orsak]", "besok")],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/personal/personer#resultat")
    );
    let (status, page) = goteborg.get("/personal/personer").await;
    assert_eq!(status, 200);
    let results = page.split("id=\"resultat\"").nth(1).expect("the results");
    assert!(results.contains("Testa Person"), "the person found");
    assert!(
        results.contains(&masked) && !results.contains(&digits),
        "masked in the list"
    );
    let (_, page) = goteborg.get("/personal/personer").await;
    assert!(!page.contains(&masked), "shown once");

    // The Göteborg manager reads the searches in the access log.
    let manager = people::staff(&app, "chef.goteborg-centrum@tidbok.example").await;
    let (_, log) = manager.get("/personal/admin/atkomstlogg").await;
    assert!(
        log.contains("Sökte personen vid ett besök"),
        "the reason in words"
    );
    assert!(
        log.contains("Ingen hittades"),
        "the search that found nobody"
    );

    // An administrator searches too, but has no desk to register at.
    let admin = people::staff(&app, "admin@tidbok.example").await;
    let (status, page) = admin.get("/personal/personer").await;
    assert_eq!(status, 200);
    assert!(page.contains("Hitta en person") && !page.contains("Skriv in en ny person"));
    let (_, page) = goteborg.get("/personal/personer").await;
    assert!(page.contains("Skriv in en ny person"));

    // Only staff search: a job seeker's session is refused, nobody signed in is sent away.
    let person = people::signed_in(&app, 62, "/mina-sidor").await;
    let res = person
        .call(SEARCH, &form(&number, "", "", "besok", ""))
        .await;
    assert_eq!(res.status().as_u16(), 401);
    let (status, location) = support::browser::Browser::new(&app)
        .get_location("/personal/personer")
        .await;
    assert_eq!(status, 302);
    assert!(location.starts_with("/personal/logga-in"), "{location}");
    app.db.drop_database().await;
}

async fn a_call_is_written_into_the_case_without_a_meeting(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let seeker = people::register(&app.store, 63, &["underskoterska"], None, Utc::now()).await;
    let (emina, _) = people::counsellor(&app, "emina.hodzic@tidbok.example").await;
    let meeting = people::phone_meeting(
        &app.store,
        seeker,
        emina,
        Utc::now() + chrono::Duration::days(35),
    )
    .await;
    let desk = people::staff(&app, "emina.hodzic@tidbok.example").await;
    const NOTE: &str = "/api/personal/personer/anteckning";
    let person = seeker.to_string();
    // Nothing to say is named next to its field, beside the person.
    desk.post_to(
        NOTE,
        &[
            ("person", person.as_str()),
            ("note[kind]", "samtal"),
            ("note[body]", " "),
        ],
        &format!("/personal/personer#anteckning-{seeker}"),
    )
    .await;
    let (_, page) = desk.get("/personal/personer").await;
    let form = page
        .split(&format!("id=\"anteckning-{seeker}\""))
        .nth(1)
        .expect("the note form again");
    assert!(form.contains("Fyll i det här.") && form.contains("aria-invalid=\"true\""));
    desk.post_to(
        NOTE,
        &[
            ("person", person.as_str()),
            ("note[kind]", "samtal"),
            ("note[body]", "Ringde och frågade om tolk till mötet."),
        ],
        "/personal/personer#klart",
    )
    .await;
    let (_, page) = desk.get("/personal/personer").await;
    assert!(page.contains("Kontaktanteckningen är sparad i ärendet för Testa Person"));
    // The case's timeline shows the call as a call.
    let (_, panel) = desk
        .get(&format!(
            "/personal/kalender?radgivare={emina}&mote={meeting}"
        ))
        .await;
    let timeline = panel
        .split("class=\"timeline\"")
        .nth(1)
        .expect("the timeline");
    assert!(timeline.contains("Samtal") && timeline.contains("Ringde och frågade om tolk"));
    // Another office's staff may not write into this person's case.
    let other = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    let res = other
        .call(
            NOTE,
            &[
                ("person", person.clone()),
                ("note[kind]", "besok".into()),
                ("note[body]", "Kom förbi.".into()),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let (notes,): (i64,) = support::query_one(
        &app.db,
        "SELECT COUNT(*) FROM case_notes WHERE seeker_id = $1 AND contact IS NOT NULL",
        seeker,
    )
    .await;
    assert_eq!(notes, 1);
    app.db.drop_database().await;
}
