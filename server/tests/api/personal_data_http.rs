//! "Dina personuppgifter": the signed-in seeker, and nobody else, downloads all their data as
//! JSON (with who on the staff read it), and takes their account away after giving their
//! password again; then the same person registers anew. SQLite and PostgreSQL.

use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend,
};
use app::{domain::field_error::FieldError, error::AppError, paths};
use chrono::Utc;
use serde_json::Value;

on_both_backends!(
    only_the_signed_in_person_downloads_their_data,
    the_account_is_taken_away_after_the_password_and_the_person_may_come_back,
);

const SEARCH: &str = "/api/personal/personer/sok";
const ERASE: &str = "/api/mina-sidor/personuppgifter/ta-bort";

async fn only_the_signed_in_person_downloads_their_data(backend: Backend) {
    let app = spawn_app(backend, true).await;
    // Nobody signed in: sent to sign in, never a file.
    let (status, to) = Browser::new(&app)
        .get_location(paths::PERSONAL_DATA_FILE)
        .await;
    assert_eq!(status, 303);
    assert!(to.starts_with("/logga-in"), "{to}");
    let res = Browser::new(&app)
        .call("/api/mina-sidor/personuppgifter", &[])
        .await;
    assert_eq!(error_of(res).await, AppError::Unauthorized);

    let seeker = people::signed_in(&app, 21, "/mina-sidor").await;
    let (_, mine) = seeker.get(paths::MY_PAGES).await;
    assert!(mine.contains("href=\"/mina-sidor/personuppgifter\""));
    let (status, page) = seeker.get(paths::PERSONAL_DATA).await;
    assert_eq!(status, 200);
    assert!(page.contains("Dina personuppgifter"));
    assert!(page.contains("Vem som har läst dina uppgifter"));
    assert!(page.contains("href=\"/mina-sidor/personuppgifter.json\""));

    // A counsellor at the desk finds them: the download says who, and when.
    let desk = people::staff(&app, "emina.hodzic@tidbok.example").await;
    let found = desk
        .call(
            SEARCH,
            &[
                ("form[nummer]", people::personal_number(21)),
                ("form[namn]", String::new()),
                ("form[fodd]", String::new()),
                ("form[orsak]", "besok".to_owned()),
                ("form[notering]", String::new()),
            ],
        )
        .await;
    assert_eq!(found.status(), 200);

    let res = seeker
        .client
        .get(app.url(paths::PERSONAL_DATA_FILE))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let disposition = res.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"tidbok-personuppgifter-"),
        "{disposition}"
    );
    assert_eq!(res.headers()["cache-control"], "no-store");
    let file: Value = res.json().await.expect("valid JSON");
    assert_eq!(file["service"], "Tidbok");
    let data = &file["data"];
    assert_eq!(data["person"][0]["email"], "person21@example.se");
    assert!(!data["sign_ins"].as_array().unwrap().is_empty());
    let reads = data["access_log"].as_array().unwrap();
    assert!(
        reads.iter().any(|r| r["staff"] == "Emina Hodžić"),
        "who read their data: {reads:?}"
    );
    assert!(!file.to_string().contains("$argon2id$"));

    // Staff signed in are not the person: no file. Another person gets their own.
    let (status, _) = desk.get_location(paths::PERSONAL_DATA_FILE).await;
    assert_eq!(status, 303);
    let other = people::signed_in(&app, 22, "/mina-sidor").await;
    let res = other
        .client
        .get(app.url(paths::PERSONAL_DATA_FILE))
        .send()
        .await
        .unwrap();
    let theirs: Value = res.json().await.unwrap();
    assert_eq!(theirs["data"]["person"][0]["email"], "person22@example.se");
    assert!(!theirs.to_string().contains("person21@example.se"));

    app.store.close().await;
    app.db.drop_database().await;
}

async fn the_account_is_taken_away_after_the_password_and_the_person_may_come_back(
    backend: Backend,
) {
    let app = spawn_app(backend, true).await;
    let seeker = people::signed_in(&app, 23, "/mina-sidor").await;
    let (status, page) = seeker.get(paths::ERASE_ACCOUNT).await;
    assert_eq!(status, 200);
    assert!(page.contains("Du har inte haft några möten, så allt vi har om dig tas bort."));

    // Staff cannot take a person's account away: it is the person's own act.
    let desk = people::staff(&app, "emina.hodzic@tidbok.example").await;
    let res = desk
        .call(
            ERASE,
            &[
                ("form[current_password]", people::PASSWORD.to_owned()),
                ("form[confirm]", "ja".to_owned()),
            ],
        )
        .await;
    assert_eq!(error_of(res).await, AppError::Unauthorized);

    // A script that forgets the box, or the wrong password: the field says why.
    let res = seeker
        .call(
            ERASE,
            &[("form[current_password]", people::PASSWORD.to_owned())],
        )
        .await;
    match error_of(res).await {
        AppError::Validation(e) => assert_eq!(e.get("confirm"), Some(&FieldError::Required)),
        other => panic!("{other:?}"),
    }
    seeker
        .post_to(
            ERASE,
            &[
                ("form[current_password]", "fel lösenord"),
                ("form[confirm]", "ja"),
            ],
            paths::ERASE_ACCOUNT,
        )
        .await;
    let (_, page) = seeker.get(paths::ERASE_ACCOUNT).await;
    assert!(page.contains("Lösenordet stämmer inte."));
    assert!(page.contains("checked"), "the ticked box is kept");
    assert!(
        !page.contains("fel lösenord"),
        "a password is never written back"
    );
    assert!(app
        .store
        .seeker_name(seeker_id(&app, 23).await)
        .await
        .unwrap()
        .is_some());

    // The right password: gone, signed out, on to the receipt.
    seeker
        .post_to(
            ERASE,
            &[
                ("form[current_password]", people::PASSWORD),
                ("form[confirm]", "ja"),
            ],
            paths::ACCOUNT_ERASED,
        )
        .await;
    let (status, receipt) = seeker.get(paths::ACCOUNT_ERASED).await;
    assert_eq!(status, 200);
    assert!(receipt.contains("Ditt konto är borttaget"));
    let (status, to) = seeker.get_location(paths::MY_PAGES).await;
    assert_eq!((status, to.starts_with("/logga-in")), (302, true), "{to}");
    assert!(app
        .store
        .find_by_number(&people::personal_number(23))
        .await
        .unwrap()
        .is_none());

    // The same person registers again, with the same number and email, and signs in.
    people::register(&app.store, 23, &["underskoterska"], None, Utc::now()).await;
    let back = people::sign_in(&app, 23, "/mina-sidor").await;
    let (status, _) = back.get(paths::MY_PAGES).await;
    assert_eq!(status, 200);

    app.store.close().await;
    app.db.drop_database().await;
}

async fn seeker_id(app: &crate::support::TestApp, n: u32) -> i64 {
    app.store
        .find_by_number(&people::personal_number(n))
        .await
        .unwrap()
        .expect("registered")
        .id
}
