//! What every response tells browsers, and state-changing requests that another site made a
//! browser send refused before they change anything. Both databases.

use crate::support::{browser::Browser, people, spawn_app, spawn_app_with, Backend};
use app::domain::activity_report::period::ReportPeriod;
use chrono::{Duration, Utc};

on_both_backends!(
    every_answer_says_how_browsers_may_use_it,
    a_post_another_site_started_is_refused_and_changes_nothing,
    in_production_the_session_cookie_is_host_only_and_https_is_required,
);

async fn every_answer_says_how_browsers_may_use_it(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = Browser::new(&app);
    let page = browser.client.get(app.url("/")).send().await.unwrap();
    let missing = browser
        .client
        .get(app.url("/finns-inte"))
        .send()
        .await
        .unwrap();
    let health = browser.client.get(app.url("/health")).send().await.unwrap();
    let refused = browser
        .client
        .post(app.url("/api/konto/logga-in"))
        .header("origin", "https://evil.example")
        .form(&[("email", "a@b.se"), ("password", "x")])
        .send()
        .await
        .unwrap();
    for res in [&page, &missing, &health, &refused] {
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{}", res.url());
        assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin");
        assert!(h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'"));
        assert_eq!(h["x-frame-options"], "DENY");
        assert!(h["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("camera=()"));
        // Served over plain HTTP in development: no HSTS.
        assert!(h.get("strict-transport-security").is_none());
    }
    // A page's scripts run only with the nonce its policy names, a new one for each answer;
    // nothing else on the page is a script that could run.
    let policy = |res: &reqwest::Response| {
        res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let nonce_of = |policy: &str| {
        let at = policy.find("'nonce-").expect("a nonce") + "'nonce-".len();
        policy[at..at + policy[at..].find('\'').unwrap()].to_owned()
    };
    let (first, not_found) = (policy(&page), policy(&missing));
    assert!(first.contains("script-src 'self' 'nonce-"), "{first}");
    assert!(!first.contains("'unsafe-eval'") && !first.contains("script-src 'unsafe-inline'"));
    assert_ne!(nonce_of(&first), nonce_of(&not_found));
    assert_eq!(policy(&health), "frame-ancestors 'none'");
    let html = browser.client.get(app.url("/")).send().await.unwrap();
    let nonce = nonce_of(&policy(&html));
    let html = html.text().await.unwrap();
    let tags: Vec<&str> = html
        .match_indices("<script")
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap()])
        .collect();
    assert!(tags.len() >= 2, "hydration scripts");
    for tag in tags {
        assert!(
            tag.contains(&format!("nonce=\"{nonce}\"")),
            "every script carries this answer's nonce: {tag}"
        );
    }
    // Public pages are checked again on each use; anything personal is never stored.
    assert_eq!(page.headers()["cache-control"], "no-cache");
    assert_eq!(health.headers()["cache-control"], "no-cache");
    assert_eq!(refused.headers()["cache-control"], "no-store");
    let staff = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    for path in [
        "/personal/kalender",
        "/personal/kontor/aktivitetsrapporter",
        "/logga-in",
    ] {
        let res = staff.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
    }
    app.db.drop_database().await;
}

async fn a_post_another_site_started_is_refused_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let registered = Utc::now() - Duration::days(70);
    let seeker = people::register(&app.store, 91, &["underskoterska"], None, registered).await;
    let browser = people::sign_in(&app, 91, "/mina-sidor").await;
    let month = ReportPeriod::due_at(Utc::now()).code();
    let fields = [
        ("period", month.as_str()),
        ("based_on", "0"),
        ("form[worked]", "nej"),
        ("form[none_reason]", "Sjuk hela månaden"),
        ("intent", "spara"),
    ];
    let own = app.url("");
    let own = own.trim_end_matches('/');
    let save = |headers: Vec<(&'static str, String)>| {
        let mut req = browser
            .client
            .post(app.url("/api/mina-sidor/aktivitetsrapport/spara"))
            .header("referer", app.url("/mina-sidor/aktivitetsrapport"))
            .form(&fields);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        req.send()
    };
    // Another site's page posting the signed-in person's form: refused, nothing saved.
    for headers in [
        vec![("origin", "https://evil.example".to_owned())],
        vec![("origin", "null".to_owned())],
        vec![("sec-fetch-site", "cross-site".to_owned())],
        vec![
            ("origin", own.to_owned()),
            ("sec-fetch-site", "cross-site".to_owned()),
        ],
    ] {
        let res = save(headers.clone()).await.unwrap();
        assert_eq!(res.status().as_u16(), 403, "{headers:?}");
        assert!(res.text().await.unwrap().contains("annan webbplats"));
        let period = ReportPeriod::parse(&month).unwrap();
        assert_eq!(app.store.report_draft(seeker, period).await.unwrap(), None);
    }
    // The page's own post, as a browser sends it: saved.
    let res = save(vec![
        ("origin", own.to_owned()),
        ("sec-fetch-site", "same-origin".to_owned()),
    ])
    .await
    .unwrap();
    assert!(
        matches!(res.status().as_u16(), 200 | 302 | 303),
        "{}",
        res.status()
    );
    let period = ReportPeriod::parse(&month).unwrap();
    assert!(app
        .store
        .report_draft(seeker, period)
        .await
        .unwrap()
        .is_some());

    // Signing in from another site's form is refused too (no session is made)...
    let fresh = Browser::new(&app);
    let res = fresh
        .client
        .post(app.url("/api/konto/logga-in"))
        .header("sec-fetch-site", "cross-site")
        .form(&[
            ("email", "person91@example.se"),
            ("password", people::PASSWORD),
            ("next", "/mina-sidor"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert!(res.headers().get("set-cookie").is_none());
    // ... while a link from another site still opens a page.
    let res = fresh
        .client
        .get(app.url("/logga-in"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    app.db.drop_database().await;
}

async fn in_production_the_session_cookie_is_host_only_and_https_is_required(backend: Backend) {
    let secret = "s".repeat(64);
    let app = spawn_app_with(
        backend,
        false,
        &[
            ("TIDBOK_ENV", "production"),
            ("TIDBOK_SESSION_SECRET", secret.as_str()),
            ("TIDBOK_PUBLIC_URL", "https://tidbok.example"),
        ],
    )
    .await;
    let registered = Utc::now() - Duration::days(1);
    people::register(&app.store, 92, &["underskoterska"], None, registered).await;
    let res = app
        .client
        .post(app.url("/api/konto/logga-in"))
        .header("accept", "text/html")
        .form(&[
            ("email", "person92@example.se"),
            ("password", people::PASSWORD),
            ("next", "/mina-sidor"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("__Host-tidbok_session="))
        .expect("a __Host- session cookie");
    // What the prefix requires of it: Secure, the whole site, no Domain.
    assert!(
        cookie.contains("Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    app.db.drop_database().await;
}
