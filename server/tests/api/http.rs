//! The real application on a free port, asked over HTTP as a browser or a monitor would.

use crate::support::{spawn_app, Backend};
use server::routes::Health;

on_both_backends!(
    health_reports_the_backend_and_that_it_is_reachable,
    start_page_is_swedish_and_lists_the_offices_from_the_database,
    language_follows_the_cookie_then_the_browser,
    language_switch_without_javascript_sets_the_cookie_and_goes_back,
    server_function_lists_offices_as_json,
    unknown_pages_are_404_in_plain_words,
    every_answer_names_its_request,
);

async fn health_reports_the_backend_and_that_it_is_reachable(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let res = app.client.get(app.url("/health")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let health: Health = res.json().await.unwrap();
    assert_eq!(health.status, "ok");
    assert!(health.database.reachable);
    assert_eq!(
        health.database.backend,
        match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    );
    // When the database goes away, health says so with a 503.
    app.store.close().await;
    let res = app.client.get(app.url("/health")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 503);
    let health: Health = res.json().await.unwrap();
    assert!(!health.database.reachable);
    app.db.drop_database().await;
}

async fn start_page_is_swedish_and_lists_the_offices_from_the_database(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (status, html) = app.get_text("/").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="sv""#), "{}", &html[..200]);
    assert!(html.contains("Skriv in dig och boka ditt första möte"));
    assert!(html.contains("Hoppa till innehållet"));
    for office in app.store.list_offices().await.unwrap() {
        assert!(html.contains(&office.name), "{} missing", office.name);
        assert!(html.contains(&office.address.street));
    }
    assert!(html.contains("/pkg/tidbok.css"));
    assert!(
        html.contains("/pkg/tidbok.js"),
        "hydration script is linked"
    );
    app.store.close().await;
    app.db.drop_database().await;
}

async fn language_follows_the_cookie_then_the_browser(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let get = |headers: Vec<(&'static str, &'static str)>| {
        let mut req = app.client.get(app.url("/"));
        for (k, v) in headers {
            req = req.header(k, v);
        }
        async move { req.send().await.unwrap().text().await.unwrap() }
    };
    let english = get(vec![("cookie", "i18n_pref_locale=en")]).await;
    assert!(english.contains(r#"<html lang="en""#));
    assert!(english.contains("Register and book your first meeting"));
    let browser = get(vec![("accept-language", "en-GB,en;q=0.9")]).await;
    assert!(browser.contains("Register and book your first meeting"));
    // The cookie (a choice made here) wins over the browser's preference.
    let both = get(vec![
        ("accept-language", "en-GB,en;q=0.9"),
        ("cookie", "i18n_pref_locale=sv"),
    ])
    .await;
    assert!(both.contains("Skriv in dig och boka ditt första möte"));
    app.db.drop_database().await;
}

async fn language_switch_without_javascript_sets_the_cookie_and_goes_back(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let res = app
        .client
        .get(app.url("/sprak/en?till=/finns-inte%3Fx%3D1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/finns-inte?x=1");
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("i18n_pref_locale=en;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"));
    // Never away from the site.
    for evil in ["//evil.example", "https://evil.example/"] {
        let res = app
            .client
            .get(app.url("/sprak/sv"))
            .query(&[("till", evil)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["location"], "/", "{evil}");
    }
    let res = app.client.get(app.url("/sprak/de")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 404);
    app.db.drop_database().await;
}

async fn server_function_lists_offices_as_json(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let res = app
        .client
        .post(app.url("/api/offices/list"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let offices: Vec<app::domain::OfficeSummary> = res.json().await.unwrap();
    assert!(offices.len() >= 3);
    assert!(offices.iter().all(|o| !o.opening_hours.spans().is_empty()));
    app.store.close().await;
    app.db.drop_database().await;
}

async fn unknown_pages_are_404_in_plain_words(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let (status, html) = app.get_text("/finns-inte").await;
    assert_eq!(status, 404);
    assert!(html.contains("Sidan finns inte"));
    app.db.drop_database().await;
}

async fn every_answer_names_its_request(backend: Backend) {
    let app = spawn_app(backend, false).await;
    let id = |res: &reqwest::Response| {
        res.headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let first = app.client.get(app.url("/health")).send().await.unwrap();
    let second = app.client.get(app.url("/finns-inte")).send().await.unwrap();
    let (first, second) = (id(&first), id(&second));
    assert!(first.is_some() && second.is_some(), "{first:?} {second:?}");
    assert_ne!(first, second, "each request has an id of its own");
    // An id set by a proxy in front is kept, so its log and ours can be matched.
    let proxied = app
        .client
        .get(app.url("/health"))
        .header("x-request-id", "proxy-42")
        .send()
        .await
        .unwrap();
    assert_eq!(id(&proxied).as_deref(), Some("proxy-42"));
    app.db.drop_database().await;
}
