//! Changing one's details on Mina sidor over HTTP, as a browser without JavaScript does it:
//! the form drawn from what is saved, a save that shows on Mina sidor and moves the person to
//! the office nearest their new postcode, errors that come back next to their fields with
//! what was typed, another account's email refused, and sign-in asked for. Both databases.

use crate::support::{browser::Browser, people, spawn_app, Backend, TestApp};

on_both_backends!(
    a_seeker_changes_their_details_and_sees_them_saved,
    wrong_details_come_back_with_what_was_typed,
    another_accounts_email_is_refused,
    the_details_form_asks_for_sign_in,
);

const SAVE: &str = "/api/mina-sidor/uppgifter";

/// Registers seeker `n` (postcode 413 19, Göteborg) and signs them in.
async fn signed_in(app: &TestApp, n: u32) -> Browser<'_> {
    people::signed_in(app, n, "/mina-sidor").await
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

fn fields<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(String, &'a str)> {
    let mut all = vec![
        ("email", "person1@example.se"),
        ("phone", "070-101 01 00"),
        ("postcode", "413 19"),
        ("preferred_language", "sv"),
        ("interpreter", "nej"),
        ("interpreter_language", ""),
        ("accessibility_needs", ""),
    ];
    for (k, v) in changes {
        all.iter_mut().find(|(key, _)| key == k).expect("a field").1 = v;
    }
    all.into_iter()
        .map(|(k, v)| (format!("form[{k}]"), v))
        .collect()
}

async fn post(browser: &Browser<'_>, fields: &[(String, &str)]) -> (u16, String) {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    browser.post(SAVE, &pairs).await
}

async fn a_seeker_changes_their_details_and_sees_them_saved(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = signed_in(&app, 1).await;
    let id = seeker_id(&app, 1).await;
    let before = app.store.seeker_profile(id).await.unwrap().unwrap();

    let (_, page) = browser.get("/mina-sidor").await;
    assert!(
        page.contains("href=\"/mina-sidor/uppgifter\""),
        "a way to change them"
    );
    let (status, page) = browser.get("/mina-sidor/uppgifter").await;
    assert_eq!(status, 200);
    assert!(page.contains("Ändra dina uppgifter"));
    assert!(page.contains("Testa Person b"), "who is changing: {page}");
    // The form starts from what is saved, written as people write it.
    assert!(page.contains("value=\"person1@example.se\""));
    assert!(page.contains("value=\"413 19\""));
    assert!(page.contains("value=\"070-101 01 00\""), "national format");
    assert!(page.contains("action=\"/api/mina-sidor/uppgifter\""));

    let (status, location) = post(
        &browser,
        &fields(&[
            ("email", "  Ny.Adress@Example.se "),
            ("phone", "073-555 12 34"),
            ("postcode", "111 20"),
            ("preferred_language", "en"),
            ("interpreter", "ja"),
            ("interpreter_language", "ar"),
            ("accessibility_needs", "Hörslinga, tack"),
        ]),
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/mina-sidor?sparad=1#uppgifter")
    );
    let after = app.store.seeker_profile(id).await.unwrap().unwrap();
    assert_eq!(after.email, "ny.adress@example.se");
    assert_eq!(after.phone, "+46735551234");
    assert_eq!(after.postcode, 11120);
    assert_eq!(after.preferred_language, "en");
    assert_eq!(after.interpreter_language.as_deref(), Some("ar"));
    assert_eq!(after.accessibility_needs, "Hörslinga, tack");
    assert_ne!(
        after.home_office_id, before.home_office_id,
        "a Stockholm postcode moves them from the Göteborg office"
    );
    assert_eq!(
        app.store
            .office_name(after.home_office_id.unwrap())
            .await
            .unwrap()
            .as_deref(),
        Some("Kontor Stockholm City")
    );
    assert_eq!(after.first_name, before.first_name, "the name is kept");
    assert_eq!(after.personal_number, before.personal_number);

    let (_, page) = browser.get("/mina-sidor?sparad=1").await;
    assert!(page.contains("Dina uppgifter är sparade."));
    assert!(page.contains("ny.adress@example.se"));
    assert!(page.contains("073-555 12 34"));
    assert!(page.contains("111 20"));
    assert!(page.contains("Hörslinga, tack"));
    assert!(page.contains("Kontor Stockholm City"));

    // The new email is the one to sign in with.
    let fresh = Browser::new(&app);
    fresh
        .post_to(
            "/api/konto/logga-in",
            &[
                ("email", "ny.adress@example.se"),
                ("password", people::PASSWORD),
                ("next", "/mina-sidor"),
            ],
            "/mina-sidor",
        )
        .await;
    app.db.drop_database().await;
}

async fn wrong_details_come_back_with_what_was_typed(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = signed_in(&app, 1).await;
    let id = seeker_id(&app, 1).await;
    let before = app.store.seeker_profile(id).await.unwrap().unwrap();

    let (status, location) = post(
        &browser,
        &fields(&[
            ("email", "anna@"),
            ("phone", "08-123 456 78"),
            ("interpreter", "ja"),
            ("accessibility_needs", "Behöver sitta nära dörren"),
        ]),
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/mina-sidor/uppgifter#fel")
    );
    assert_eq!(
        app.store.seeker_profile(id).await.unwrap().unwrap(),
        before,
        "nothing is saved while something is wrong"
    );
    let (_, page) = browser.get("/mina-sidor/uppgifter").await;
    for link in [
        "href=\"#f-email\"",
        "href=\"#f-phone\"",
        "href=\"#f-interpreter_language\"",
    ] {
        assert!(page.contains(link), "the summary links {link}");
    }
    assert!(page.contains("value=\"anna@\""), "what was typed is kept");
    assert!(page.contains("value=\"08-123 456 78\""));
    assert!(page.contains("Behöver sitta nära dörren"));
    assert!(page.contains("aria-invalid=\"true\""));

    // The errors are shown once; the next visit starts from what is saved.
    let (_, page) = browser.get("/mina-sidor/uppgifter").await;
    assert!(page.contains("value=\"person1@example.se\""));
    assert!(!page.contains("value=\"anna@\""));

    // A program gets the errors as JSON, naming the fields.
    let res = browser
        .client
        .post(app.url(SAVE))
        .header("accept", "application/json")
        .form(&[("form[email]", "x"), ("form[postcode]", "0")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error() || res.status().is_server_error());
    let error: app::error::AppError = res.json().await.unwrap();
    let app::error::AppError::Validation(errors) = error else {
        panic!("expected field errors, got {error:?}");
    };
    for key in ["email", "phone", "postcode", "preferred_language"] {
        assert!(errors.contains_key(key), "{key}: {errors:?}");
    }
    app.db.drop_database().await;
}

async fn another_accounts_email_is_refused(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let _other = signed_in(&app, 2).await;
    let browser = signed_in(&app, 1).await;
    let id = seeker_id(&app, 1).await;
    let (status, location) = post(&browser, &fields(&[("email", "PERSON2@example.se")])).await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/mina-sidor/uppgifter#fel")
    );
    let (_, page) = browser.get("/mina-sidor/uppgifter").await;
    assert!(
        page.contains("Ett annat konto använder redan den här e-postadressen."),
        "{page}"
    );
    assert!(page.contains("value=\"PERSON2@example.se\""));
    assert_eq!(
        app.store.seeker_profile(id).await.unwrap().unwrap().email,
        "person1@example.se"
    );
    // Keeping one's own email is no conflict.
    let (_, location) = post(&browser, &fields(&[("phone", "070-999 88 77")])).await;
    assert_eq!(location, "/mina-sidor?sparad=1#uppgifter");
    app.db.drop_database().await;
}

async fn the_details_form_asks_for_sign_in(backend: Backend) {
    let app = spawn_app(backend, true).await;
    people::register(&app.store, 1, &["underskoterska"], None, chrono::Utc::now()).await;
    let id = seeker_id(&app, 1).await;
    let before = app.store.seeker_profile(id).await.unwrap().unwrap();
    let stranger = Browser::new(&app);
    let (status, location) = stranger.get_location("/mina-sidor/uppgifter").await;
    assert!(matches!(status, 302 | 303), "{status}");
    assert_eq!(location, "/logga-in?nasta=%2Fmina-sidor%2Fuppgifter");
    let (status, location) = post(&stranger, &fields(&[("email", "kapad@example.se")])).await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/logga-in?nasta=%2Fmina-sidor%2Fuppgifter")
    );
    assert_eq!(app.store.seeker_profile(id).await.unwrap().unwrap(), before);
    app.db.drop_database().await;
}
