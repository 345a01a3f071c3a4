//! The question after a meeting, on both databases: asked once when the meeting is marked
//! held (an hour later, by email), answered once through a link that needs no sign-in,
//! reminded of only when unanswered, closed after 14 days; on Mina sidor too. Staff never
//! read a single answer: the office manager's figures count them in groups of five or more,
//! and show the free texts without names.

use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend,
};
use app::{
    domain::{
        rating::{Helped, RatingForm},
        Rule,
    },
    error::AppError,
    ssr::store::Answering,
};
use chrono::{Duration, Utc};

on_both_backends!(
    a_meeting_held_is_asked_about_once_through_a_link_that_works_once,
    mina_sidor_asks_too_and_staff_only_see_groups_of_five,
);

const SANNA: &str = "sanna.lindqvist@tidbok.example";
const MARK: &str = "/api/personal/mote/utfall";

/// The link's secret in the question's email.
fn link_secret(email: &str) -> String {
    let at = email.find("/betyg/").expect("a link to the question") + 7;
    email[at..at + 64].to_owned()
}

/// A phone meeting of seeker `n` with Sanna that began 50 minutes and `days` days ago,
/// marked held by her now.
async fn held_meeting(app: &crate::support::TestApp, n: u32, days: i64) -> i64 {
    let sanna = people::counsellor(app, SANNA).await.0;
    let seeker = people::register(&app.store, n, &["underskoterska"], None, Utc::now()).await;
    let began = Utc::now() - Duration::minutes(50) - Duration::days(days);
    let booking = people::phone_meeting(&app.store, seeker, sanna, began).await;
    let me = people::staff(app, SANNA).await;
    let res = me
        .call(
            MARK,
            &[
                ("booking", booking.to_string()),
                ("outcome", "held".to_owned()),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    booking
}

async fn a_meeting_held_is_asked_about_once_through_a_link_that_works_once(backend: Backend) {
    let app = spawn_app(backend, true).await;
    held_meeting(&app, 71, 0).await;
    // Not at once: an hour after the meeting was marked held.
    app.send_outbox().await;
    assert!(app
        .emails_to("person71@example.se")
        .iter()
        .all(|m| !m.contains("/betyg/")));
    app.send_outbox_at(Utc::now() + Duration::minutes(61)).await;
    let email = app.email_to("person71@example.se", "/betyg/").await;
    assert!(email.contains("Din arbetsförmedlare ser inte ditt svar."));
    let secret = link_secret(&email);
    let page_path = format!("/betyg/{secret}");

    // No sign-in: the link is enough.
    let anyone = Browser::new(&app);
    let (status, page) = anyone.get(&page_path).await;
    assert_eq!(status, 200);
    assert!(page.contains("Hur nöjd är du med mötet?"));
    assert!(page.contains("med Sanna"), "the counsellor by first name");
    assert!(page.contains("5 – Mycket nöjd"));

    // Refused next to the fields, what was typed kept.
    anyone
        .post_to(
            "/api/betyg/svara",
            &[
                ("nyckel", secret.as_str()),
                ("form[score]", ""),
                ("form[helped]", "delvis"),
                ("form[comment]", "Bra men kort."),
            ],
            &page_path,
        )
        .await;
    let (_, page) = anyone.get(&page_path).await;
    assert!(page.contains("Bra men kort."));
    assert!(page.contains("field--error"));

    anyone
        .post_to(
            "/api/betyg/svara",
            &[
                ("nyckel", secret.as_str()),
                ("form[score]", "4"),
                ("form[helped]", "delvis"),
                ("form[comment]", "Bra men kort."),
            ],
            &page_path,
        )
        .await;
    let (_, page) = anyone.get(&page_path).await;
    assert!(page.contains("Tack för ditt svar!"));
    assert!(
        !page.contains("Bra men kort."),
        "the answer is not shown back"
    );

    // Once only; an unknown link reads as a closed one.
    let again = anyone
        .call(
            "/api/betyg/svara",
            &[
                ("nyckel", secret.clone()),
                ("form[score]", "1".to_owned()),
                ("form[helped]", "nej".to_owned()),
            ],
        )
        .await;
    assert_eq!(
        error_of(again).await,
        AppError::Conflict(Rule::RatingClosed)
    );
    let (_, unknown) = anyone.get(&format!("/betyg/{}", "ab".repeat(32))).await;
    assert!(unknown.contains("Frågan går inte längre att besvara."));
    let (_, garbage) = anyone.get("/betyg/inte-en-nyckel").await;
    assert!(garbage.contains("Frågan går inte längre att besvara."));

    // Answered: the reminder four days on is not sent.
    app.send_outbox_at(Utc::now() + Duration::days(5)).await;
    let asked: Vec<String> = app
        .emails_to("person71@example.se")
        .into_iter()
        .filter(|m| m.contains("/betyg/"))
        .collect();
    assert_eq!(asked.len(), 1, "asked once, not reminded");

    // Unanswered: reminded once; closed after 14 days.
    held_meeting(&app, 72, 1).await;
    app.send_outbox_at(Utc::now() + Duration::minutes(61)).await;
    let first = link_secret(&app.email_to("person72@example.se", "/betyg/").await);
    app.send_outbox_at(Utc::now() + Duration::days(5)).await;
    let reminder = app
        .email_to("person72@example.se", "har inte fått något svar")
        .await;
    assert_eq!(link_secret(&reminder), first, "the same link");
    let answer = RatingForm {
        score: "5".into(),
        helped: Helped::Yes.as_str().into(),
        comment: String::new(),
    }
    .parse()
    .unwrap();
    let key = app::ssr::secret::SecretToken::parse(&first).unwrap().key();
    let late = app
        .store
        .answer_rating(
            Answering::Link(&key),
            &answer,
            Utc::now() + Duration::days(15),
        )
        .await;
    assert!(matches!(late, Err(app::ssr::store::StoreError::NotFound)));

    app.store.close().await;
    app.db.drop_database().await;
}

async fn mina_sidor_asks_too_and_staff_only_see_groups_of_five(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let booking = held_meeting(&app, 73, 0).await;
    let seeker = people::sign_in(&app, 73, "/mina-sidor").await;
    let (_, mine) = seeker.get("/mina-sidor").await;
    assert!(mine.contains("Hur var ditt möte?"));
    assert!(mine.contains(&format!("name=\"mote\" value=\"{booking}\"")));
    // Someone else cannot answer about it.
    let other = people::signed_in(&app, 74, "/mina-sidor").await;
    let res = other
        .call(
            "/api/mina-sidor/betyg/svara",
            &[
                ("mote", booking.to_string()),
                ("form[score]", "1".to_owned()),
                ("form[helped]", "nej".to_owned()),
            ],
        )
        .await;
    assert_eq!(error_of(res).await, AppError::Conflict(Rule::RatingClosed));
    let comment = "Jättebra bemötande av en unik kommentar 73.";
    seeker
        .post_to(
            "/api/mina-sidor/betyg/svara",
            &[
                ("mote", booking.to_string().as_str()),
                ("form[score]", "5"),
                ("form[helped]", "ja"),
                ("form[comment]", comment),
            ],
            "/mina-sidor#betyg",
        )
        .await;
    let (_, mine) = seeker.get("/mina-sidor").await;
    assert!(mine.contains("Tack för ditt svar!"));
    assert!(!mine.contains("name=\"mote\""), "answered: not asked again");

    // The counsellor reads neither the answer nor the figures.
    let sanna = people::staff(&app, SANNA).await;
    let (_, page) = sanna.get("/personal/kontor/uppfoljning").await;
    assert!(!page.contains("Nöjdhet efter mötet") && !page.contains(comment));
    let csv = sanna
        .client
        .get(app.url("/personal/kontor/uppfoljning.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 403);
    let person = app
        .store
        .find_by_number(&people::personal_number(73))
        .await
        .unwrap()
        .unwrap()
        .id;
    let (_, case) = sanna.get(&app::paths::person_case(person)).await;
    assert!(!case.contains(comment));

    // The manager sees the groups with n, results from five answers, and the text unnamed.
    let manager = people::staff(&app, "chef.stockholm-city@tidbok.example").await;
    let (status, page) = manager.get("/personal/kontor/uppfoljning").await;
    assert_eq!(status, 200);
    assert!(page.contains("Nöjdhet efter mötet"));
    let comments = &page[page.find("Vad de skrev").expect("the free texts")..];
    assert!(comments.contains(comment));
    assert!(!comments.contains("Testa"), "no name by it");
    let sanna_row = page
        .split("<tr")
        .find(|r| {
            r.contains("Sanna Lindqvist") && r.contains("av 5")
                || r.contains("Sanna Lindqvist") && r.contains("För få svar")
        })
        .expect("Sanna's row of ratings");
    let n: u32 = sanna_row
        .split("<td>")
        .nth(2)
        .and_then(|c| c.split(|ch: char| !ch.is_ascii_digit()).next())
        .and_then(|d| d.parse().ok())
        .expect("the answers counted");
    assert!(n >= 1);
    assert_eq!(sanna_row.contains("av 5"), n >= 5, "{sanna_row}");
    let res = manager
        .client
        .get(app.url("/personal/kontor/uppfoljning.csv"))
        .send()
        .await
        .unwrap();
    let csv = res.text().await.unwrap();
    assert!(csv.contains("Svarsfrekvens (%)"));
    assert!(csv.contains("Nöjdhet: Första möte"));

    app.store.close().await;
    app.db.drop_database().await;
}
