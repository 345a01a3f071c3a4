//! "Mitt ärende": the seeker's own case, from what they did online and what staff did on
//! the phone, without what staff wrote; only their own, and only signed in. SQLite and
//! PostgreSQL.

use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend,
};
use app::error::AppError;

on_both_backends!(the_case_tells_what_happened_on_every_channel_and_what_is_next,);

const CASE: &str = "/mina-sidor/arende";

/// The picker's first time, as its radio button's value.
fn first_time(page: &str) -> String {
    let at = page.find("name=\"tid\"").expect("times offered");
    let rest = &page[at..];
    let v = rest.find("value=\"").unwrap() + 7;
    rest[v..v + rest[v..].find('"').unwrap()].to_owned()
}

async fn the_case_tells_what_happened_on_every_channel_and_what_is_next(backend: Backend) {
    let app = spawn_app(backend, true).await;
    // Not signed in: sent to sign in, and the data is refused.
    let (status, to) = Browser::new(&app).get_location(CASE).await;
    assert_eq!(status, 302);
    assert!(to.starts_with("/logga-in"), "{to}");
    let res = Browser::new(&app).call("/api/mina-sidor/arende", &[]).await;
    assert_eq!(error_of(res).await, AppError::Unauthorized);

    let seeker = people::signed_in(&app, 7, "/mina-sidor").await;
    let (status, page) = seeker.get(CASE).await;
    assert_eq!(status, 200);
    assert!(page.contains("Du skrev in dig som arbetssökande på webben."));
    assert!(
        page.contains("Boka ett första möte"),
        "booking is the next step"
    );
    let (_, mine) = seeker.get("/mina-sidor").await;
    assert!(
        mine.contains("href=\"/mina-sidor/arende\""),
        "Mina sidor links to it"
    );

    // Booked and moved online: both told, and the meeting is next.
    let (_, picker) = seeker.get("/boka?kanal=phone").await;
    let (_, location) = seeker
        .post(
            "/api/boka/bekrafta",
            &[("kanal", "phone"), ("tid", first_time(&picker).as_str())],
        )
        .await;
    let id = location
        .trim_start_matches("/mina-sidor/mote/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let (_, page) = seeker.get(CASE).await;
    assert!(page.contains("Du bokade ett möte."));
    assert!(
        page.contains(&format!("href=\"/mina-sidor/mote/{id}\"")),
        "the next meeting"
    );
    assert!(!page.contains("Boka ett första möte"));

    // A call noted by staff is told as a call; what they wrote is not shown.
    let person = app
        .store
        .find_by_number(&people::personal_number(7))
        .await
        .unwrap()
        .expect("registered")
        .id;
    let desk = people::staff(&app, "emina.hodzic@tidbok.example").await;
    desk.post_to(
        "/api/personal/personer/anteckning",
        &[
            ("person", person.to_string().as_str()),
            ("note[kind]", "samtal"),
            ("note[body]", "Frågade om tolk; intern anteckning."),
            ("tillbaka", "arende"),
        ],
        &format!("{}#klart", app::paths::person_case(person)),
    )
    .await;
    let (_, page) = seeker.get(CASE).await;
    assert!(page.contains("Du pratade med Arbetsförmedlingen i telefon."));
    assert!(
        !page.contains("intern anteckning"),
        "staff's words stay with staff"
    );
    // Nor who wrote them (Emina may still be named as the booked meeting's counsellor).
    let call = page
        .split("<li")
        .find(|li| li.contains("Du pratade med Arbetsförmedlingen i telefon."))
        .expect("the call is an entry");
    assert!(!call.contains("Emina"), "nor who wrote them: {call}");

    // Cancelled: told, and booking is the next step again.
    seeker
        .post_to(
            "/api/mote/avboka",
            &[
                ("mote", id.as_str()),
                ("form[reason]", "passar-inte"),
                ("form[note]", ""),
            ],
            "/mina-sidor?avbokad=1",
        )
        .await;
    let (_, page) = seeker.get(CASE).await;
    assert!(page.contains("Du avbokade mötet."));
    assert!(page.contains("Boka ett första möte"));
    // Latest first: the cancellation comes before the booking on the page.
    assert!(page.find("Du avbokade mötet.") < page.find("Du bokade ett möte."));

    // Another seeker's case is their own.
    let other = people::signed_in(&app, 8, "/mina-sidor").await;
    let (_, page) = other.get(CASE).await;
    assert!(!page.contains("Du avbokade mötet."));
    assert!(!page.contains("i telefon."));

    app.store.close().await;
    app.db.drop_database().await;
}
