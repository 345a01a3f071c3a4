//! Failed sign-ins slow down and then stop for a while, per account and per address, at
//! every door; a successful sign-in forgets the account's failures; nobody is kept out
//! beyond a quarter of an hour after the last failure. Both databases. Time is moved by
//! making the remembered failures older.

use crate::support::{
    browser::{error_of, Browser},
    execute, people, query_one, spawn_app, Backend, TestApp,
};
use app::error::AppError;
use chrono::Utc;

on_both_backends!(
    a_job_seekers_failures_slow_down_then_stop_then_are_forgotten,
    every_door_stops_after_ten_failures_and_one_address_after_fifty,
);

/// Makes every remembered failure `seconds` older.
async fn age(app: &TestApp, seconds: i64) {
    let sql = if app.db.url.starts_with("sqlite:") {
        format!(
            "UPDATE sign_in_failures SET last_failed_at = \
             strftime('%Y-%m-%dT%H:%M:%S+00:00', last_failed_at, '-{seconds} seconds')"
        )
    } else {
        format!(
            "UPDATE sign_in_failures SET last_failed_at = \
             last_failed_at - interval '{seconds} seconds'"
        )
    };
    execute(&app.db, &sql).await;
}

async fn try_sign_in(browser: &Browser<'_>, door: &str, email: &str, password: &str) -> AppError {
    let res = browser
        .call(
            door,
            &[
                ("email", email.to_owned()),
                ("password", password.to_owned()),
            ],
        )
        .await;
    error_of(res).await
}

async fn a_job_seekers_failures_slow_down_then_stop_then_are_forgotten(backend: Backend) {
    let app = spawn_app(backend, false).await;
    people::register(&app.store, 61, &["underskoterska"], None, Utc::now()).await;
    let email = "person61@example.se";
    let door = "/api/konto/logga-in";
    let script = Browser::new(&app);
    // Three mistypes, then the right password: signed in, and the mistypes forgotten.
    for _ in 0..3 {
        assert_eq!(
            try_sign_in(&script, door, email, "fel lösenord").await,
            AppError::Unauthorized
        );
    }
    Browser::new(&app)
        .post_to(
            door,
            &[("email", email), ("password", people::PASSWORD)],
            "/boka",
        )
        .await;
    // So five mistypes more are answered as mistypes, at once.
    for _ in 0..5 {
        assert_eq!(
            try_sign_in(&script, door, email, "fel lösenord").await,
            AppError::Unauthorized
        );
    }
    // Then the next try must wait a moment: refused without the password being checked,
    // even the right one, with Retry-After.
    let res = script
        .call(
            door,
            &[
                ("email", email.to_owned()),
                ("password", people::PASSWORD.to_owned()),
            ],
        )
        .await;
    assert_eq!(res.headers()["retry-after"], "60", "one minute at most");
    assert_eq!(error_of(res).await, AppError::TooManyAttempts(1));
    // The account's count (the address's has all eight): forgotten at the sign-in, and the
    // refused try not counted.
    let (failures,): (i64,) = query_one(
        &app.db,
        "SELECT min(failures) FROM sign_in_failures WHERE failures > $1",
        0,
    )
    .await;
    assert_eq!(failures, 5);
    // After the pauses, five more mistypes reach ten: a quarter of an hour's stop.
    for _ in 0..5 {
        age(&app, 70).await;
        assert_eq!(
            try_sign_in(&script, door, email, "fel lösenord").await,
            AppError::Unauthorized
        );
    }
    age(&app, 60).await;
    assert_eq!(
        try_sign_in(&script, door, email, people::PASSWORD).await,
        AppError::TooManyAttempts(14)
    );
    // A browser without scripts is sent back to the form, which says so and keeps the email.
    let person = Browser::new(&app);
    let (status, to) = person
        .post(door, &[("email", email), ("password", people::PASSWORD)])
        .await;
    assert_eq!((status, to.as_str()), (302, "/logga-in"));
    let (_, page) = person.get("/logga-in").await;
    let page = page.replace("<!>", "");
    assert!(
        page.contains(
            "För många försök att logga in. Av säkerhetsskäl kan du försöka igen om 14 min."
        ),
        "{page}"
    );
    assert!(page.contains(&format!("value=\"{email}\"")));
    // A quarter of an hour after the last failure the person signs in.
    age(&app, 14 * 60).await;
    person
        .post_to(
            door,
            &[("email", email), ("password", people::PASSWORD)],
            "/boka",
        )
        .await;
    app.db.drop_database().await;
}

async fn every_door_stops_after_ten_failures_and_one_address_after_fifty(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let script = Browser::new(&app);
    for (door, email) in [
        ("/api/personal/logga-in", "sanna.lindqvist@tidbok.example"),
        (
            "/api/arbetsgivare/logga-in",
            "karin.berg@korvkiosken.example",
        ),
        ("/api/konto/logga-in", "demo.sokande1@example.se"),
    ] {
        for _ in 0..10 {
            assert_eq!(
                try_sign_in(&script, door, email, "gissning").await,
                AppError::Unauthorized,
                "{door}"
            );
            age(&app, 70).await;
        }
        assert_eq!(
            try_sign_in(&script, door, email, "gissning").await,
            AppError::TooManyAttempts(14),
            "{door}"
        );
        // The same email at another door is another account.
        let other = if door == "/api/personal/logga-in" {
            "/api/konto/logga-in"
        } else {
            "/api/personal/logga-in"
        };
        assert_eq!(
            try_sign_in(&script, other, email, "gissning").await,
            AppError::Unauthorized
        );
        age(&app, 15 * 60).await;
    }
    // One address trying many accounts (or addresses nobody registered: the answer is
    // the same) is stopped at fifty failures, whichever accounts they were.
    age(&app, 15 * 60).await;
    for n in 0..50 {
        let email = format!("gissad{n}@example.se");
        assert_eq!(
            try_sign_in(&script, "/api/konto/logga-in", &email, "gissning").await,
            AppError::Unauthorized,
            "{n}"
        );
        if n >= 19 {
            age(&app, 70).await;
        }
    }
    assert_eq!(
        try_sign_in(&script, "/api/konto/logga-in", "ny@example.se", "gissning").await,
        AppError::TooManyAttempts(14)
    );
    // The address's stop holds for the right password too: the account is not what is
    // stopped, and a success elsewhere does not clear the way.
    assert_eq!(
        try_sign_in(
            &script,
            "/api/personal/logga-in",
            "sanna.lindqvist@tidbok.example",
            app::ssr::seed::DEMO_STAFF_PASSWORD
        )
        .await,
        AppError::TooManyAttempts(14)
    );
    app.db.drop_database().await;
}
