//! The employer's pages over HTTP, as a browser without JavaScript uses them, on SQLite and
//! PostgreSQL: registering, signing in, inviting a colleague who joins, describing a need
//! (picking its occupation, keeping a draft, publishing, closing), and who may see what.

use crate::support::{self, browser::Browser, people, Backend, TestApp};

on_both_backends!(
    an_employer_registers_invites_a_colleague_and_publishes_a_need,
    a_taken_number_or_email_creates_nothing_and_tells_the_owner,
    an_organisation_reaches_only_its_own_needs,
    only_an_employers_session_opens_the_employer_pages,
);

const PASSWORD: &str = people::PASSWORD;

fn registration(org_number: &str, email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[org_number]", org_number.into()),
        ("form[name]", "Korvkiosken på torget AB".into()),
        ("form[street]", "Stora torget 2".into()),
        ("form[postcode]", "411 17".into()),
        ("form[city]", "Göteborg".into()),
        ("form[municipality]", "Göteborg".into()),
        ("form[first_name]", "Karin".into()),
        ("form[last_name]", "Berg".into()),
        ("form[email]", email.into()),
        ("form[phone]", "031-123 45 67".into()),
        ("password", PASSWORD.into()),
    ]
}

async fn post(browser: &Browser<'_>, path: &str, fields: &[(&str, String)]) -> (u16, String) {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.post(path, &fields).await
}

/// Registers an organisation in a browser of its own, signed in afterwards.
async fn registered<'a>(app: &'a TestApp, org_number: &str, email: &str) -> Browser<'a> {
    let browser = Browser::new(app);
    let (status, to) = post(
        &browser,
        "/api/arbetsgivare/registrera",
        &registration(org_number, email),
    )
    .await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/arbetsgivare/oversikt?klart=registrerad")
    );
    browser
}

fn need_fields(headline: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[headline]", headline.into()),
        ("form[occupation]", "kock".into()),
        ("form[positions]", "2".into()),
        ("form[employment]", "sasong".into()),
        ("form[extent]", "part".into()),
        ("form[municipality]", "Göteborg".into()),
        ("form[earliest_start]", "".into()),
        (
            "form[apply_by]",
            app::domain::time::iso_date(chrono::Utc::now().date_naive() + chrono::Days::new(30)),
        ),
        ("form[description]", "".into()),
        ("intent", "next".into()),
    ]
}

/// The first number that follows `after` in `text` (`utkast=12`, `/behov/7`).
fn id_in(text: &str, after: &str) -> i64 {
    text.match_indices(after)
        .filter_map(|(at, _)| {
            let digits: String = text[at + after.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .next()
        .unwrap_or_else(|| panic!("a number after {after} in {text}"))
}

async fn an_employer_registers_invites_a_colleague_and_publishes_a_need(backend: Backend) {
    let app = support::spawn_app(backend, false).await;
    let karin = Browser::new(&app);
    // A mistake comes back next to its field with everything typed, never the password.
    let mut wrong = registration("556036-0794", "karin@kiosk.example");
    wrong[1].1 = String::new();
    let (status, to) = post(&karin, "/api/arbetsgivare/registrera", &wrong).await;
    assert_eq!((status, to.as_str()), (302, "/arbetsgivare/registrera#fel"));
    let (_, page) = karin.get("/arbetsgivare/registrera").await;
    assert!(
        page.contains("Sista siffran stämmer inte med de andra"),
        "{page}"
    );
    assert!(page.contains("value=\"556036-0794\"") && page.contains("value=\"Stora torget 2\""));
    assert!(!page.contains(PASSWORD));
    let karin = registered(&app, "556036-0793", "karin@kiosk.example").await;
    let (status, page) = karin.get("/arbetsgivare/oversikt?klart=registrerad").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Korvkiosken på torget AB") && page.contains("556036-0793"),
        "{page}"
    );
    assert!(page.contains("Organisationen är registrerad"));

    // An invitation by email; the colleague makes their own account with the link.
    let (status, to) = karin
        .post(
            "/api/arbetsgivare/bjud-in",
            &[("form[email]", "ali@kiosk.example")],
        )
        .await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/arbetsgivare/oversikt#kollegor")
    );
    let (_, page) = karin.get("/arbetsgivare/oversikt").await;
    assert!(
        page.contains("Vi har skickat en inbjudan till ali@kiosk.example"),
        "{page}"
    );
    let mail = app
        .email_to("ali@kiosk.example", "/arbetsgivare/inbjudan/")
        .await;
    assert!(mail.contains("Karin Berg bjuder in dig att företräda Korvkiosken på torget AB"));
    let start = mail.find("/arbetsgivare/inbjudan/").unwrap();
    let path: String = mail[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let secret = path.rsplit('/').next().unwrap().to_owned();
    let ali = Browser::new(&app);
    let (status, page) = ali.get(&path).await;
    assert_eq!(status, 200);
    assert!(page.contains("Korvkiosken på torget AB") && page.contains("ali@kiosk.example"));
    let (status, to) = ali
        .post(
            "/api/arbetsgivare/inbjudan/svara",
            &[
                ("secret", secret.as_str()),
                ("form[first_name]", "Ali"),
                ("form[last_name]", "Demir"),
                ("form[phone]", "070-111 22 33"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/arbetsgivare/oversikt?klart=valkommen")
    );
    let (_, page) = ali.get("/arbetsgivare/oversikt").await;
    assert!(
        page.contains("Ali Demir") && page.contains("Karin Berg"),
        "{page}"
    );
    // The link works once.
    let (_, page) = Browser::new(&app).get(&path).await;
    assert!(page.contains("Länken fungerar inte längre"));

    // A need: search and pick the occupation without JavaScript, a draft kept throughout.
    let (status, to) = karin
        .post(
            "/api/arbetsgivare/behov/spara",
            &[
                ("form[headline]", "Grillkockar"),
                ("intent", "search"),
                ("query", "kock"),
            ],
        )
        .await;
    assert_eq!(status, 302);
    assert!(
        to.starts_with("/arbetsgivare/behov/nytt?utkast=") && to.ends_with("&sok=kock#yrken"),
        "{to}"
    );
    let draft = id_in(&to, "utkast=");
    let (_, page) = karin.get(&to.replace("#yrken", "")).await;
    assert!(
        page.contains("value=\"add-kock\"") && page.contains("value=\"Grillkockar\""),
        "{page}"
    );
    let draft_field = draft.to_string();
    let (_, to) = karin
        .post(
            "/api/arbetsgivare/behov/spara",
            &[
                ("form[headline]", "Grillkockar"),
                ("draft", draft_field.as_str()),
                ("intent", "add-kock"),
            ],
        )
        .await;
    assert_eq!(to, format!("/arbetsgivare/behov/nytt?utkast={draft}#yrken"));
    let (_, page) = karin
        .get(&format!("/arbetsgivare/behov/nytt?utkast={draft}"))
        .await;
    assert!(
        page.contains("name=\"form[occupation]\" value=\"kock\""),
        "{page}"
    );
    // Publishing with fields missing: back with the errors, everything kept.
    let (_, to) = karin
        .post(
            "/api/arbetsgivare/behov/spara",
            &[
                ("form[headline]", "Grillkockar"),
                ("form[occupation]", "kock"),
                ("draft", draft_field.as_str()),
                ("intent", "next"),
            ],
        )
        .await;
    assert_eq!(to, format!("/arbetsgivare/behov/nytt?utkast={draft}#fel"));
    let (_, page) = karin
        .get(&format!("/arbetsgivare/behov/nytt?utkast={draft}"))
        .await;
    assert!(
        page.contains("value=\"Grillkockar\"") && page.contains("error-summary"),
        "{page}"
    );
    let (_, page) = karin.get("/arbetsgivare/oversikt").await;
    assert!(
        page.contains(&format!("/arbetsgivare/behov/nytt?utkast={draft}")),
        "the draft is listed"
    );
    // Complete: published, the draft gone.
    let mut complete = need_fields("Grillkockar till sommaren");
    complete.push(("draft", draft_field.clone()));
    let (_, to) = post(&karin, "/api/arbetsgivare/behov/spara", &complete).await;
    assert_eq!(to, "/arbetsgivare/oversikt?klart=publicerat#behov");
    let (_, page) = ali.get("/arbetsgivare/oversikt").await;
    assert!(
        page.contains("Grillkockar till sommaren") && page.contains("Kock"),
        "{page}"
    );
    assert!(!page.contains(&format!("utkast={draft}")));
    let id = id_in(&page, "/arbetsgivare/behov/");
    // Closed as filled by the colleague.
    let id_field = id.to_string();
    let (_, to) = ali
        .post(
            "/api/arbetsgivare/behov/stang",
            &[("need", id_field.as_str()), ("status", "filled")],
        )
        .await;
    assert_eq!(to, "/arbetsgivare/oversikt?klart=tillsatt#behov");
    let (_, page) = karin.get(&format!("/arbetsgivare/behov/{id}")).await;
    assert!(page.contains("Behovet är stängt: Tillsatt."), "{page}");
    app.db.drop_database().await;
}

async fn a_taken_number_or_email_creates_nothing_and_tells_the_owner(backend: Backend) {
    let app = support::spawn_app(backend, false).await;
    registered(&app, "556036-0793", "karin@kiosk.example").await;
    for (org, email) in [
        ("5560360793", "ny@kiosk.example"),
        ("212000-0142", "karin@kiosk.example"),
    ] {
        let someone = Browser::new(&app);
        let (status, to) = post(
            &someone,
            "/api/arbetsgivare/registrera",
            &registration(org, email),
        )
        .await;
        assert_eq!(
            (status, to.as_str()),
            (302, "/arbetsgivare/registrera#klart")
        );
        let (_, page) = someone.get("/arbetsgivare/registrera").await;
        assert!(
            page.contains("Vi har inte skapat något nytt konto"),
            "{page}"
        );
        // Nobody is signed in by it.
        let (status, to) = someone.get_location("/arbetsgivare/oversikt").await;
        assert_eq!(
            (status, to.as_str()),
            (302, "/arbetsgivare/logga-in?nasta=/arbetsgivare/oversikt")
        );
    }
    let mail = app
        .email_to("karin@kiosk.example", "Någon försökte just registrera")
        .await;
    assert!(mail.contains("/arbetsgivare/oversikt"));
    assert_eq!(
        app.store.employer(2).await.unwrap(),
        None,
        "nothing else was created"
    );
    // A wrong password is refused like an unknown address; the right one signs in.
    let door = Browser::new(&app);
    door.post_to(
        "/api/arbetsgivare/logga-in",
        &[
            ("email", "karin@kiosk.example"),
            ("password", "fel lösenord här"),
        ],
        "/arbetsgivare/logga-in",
    )
    .await;
    let (_, page) = door.get("/arbetsgivare/logga-in").await;
    assert!(
        page.contains("E-postadressen eller lösenordet stämmer inte")
            && page.contains("value=\"karin@kiosk.example\"")
    );
    door.post_to(
        "/api/arbetsgivare/logga-in",
        &[
            ("email", "karin@kiosk.example"),
            ("password", PASSWORD),
            ("next", "//evil.example"),
        ],
        "/arbetsgivare/oversikt",
    )
    .await;
    app.db.drop_database().await;
}

async fn an_organisation_reaches_only_its_own_needs(backend: Backend) {
    let app = support::spawn_app(backend, false).await;
    let karin = registered(&app, "556036-0793", "karin@kiosk.example").await;
    let ola = registered(&app, "212000-0142", "ola@annan.example").await;
    let (_, to) = post(
        &karin,
        "/api/arbetsgivare/behov/spara",
        &need_fields("Grillkockar"),
    )
    .await;
    assert_eq!(to, "/arbetsgivare/oversikt?klart=publicerat#behov");
    let (_, to) = karin
        .post(
            "/api/arbetsgivare/behov/spara",
            &[("form[headline]", "Hemligt"), ("intent", "draft")],
        )
        .await;
    assert_eq!(to, "/arbetsgivare/oversikt?klart=utkast#behov");
    let (_, page) = karin.get("/arbetsgivare/oversikt").await;
    let need = id_in(&page, "/arbetsgivare/behov/");
    let draft = id_in(&page, "utkast=");
    // The other organisation: not found, whatever the address or the post.
    let (status, page) = ola.get(&format!("/arbetsgivare/behov/{need}")).await;
    assert_eq!(status, 404, "{page}");
    let (status, _) = ola
        .get(&format!("/arbetsgivare/behov/nytt?utkast={draft}"))
        .await;
    assert_eq!(status, 404);
    let need_field = need.to_string();
    let res = ola
        .call(
            "/api/arbetsgivare/behov/stang",
            &[("need", need_field.clone()), ("status", "withdrawn".into())],
        )
        .await;
    assert_eq!(
        support::browser::error_of(res).await,
        app::error::AppError::NotFound
    );
    let mut change = need_fields("Kapad");
    change.push(("need", need_field.clone()));
    let res = ola.call("/api/arbetsgivare/behov/spara", &change).await;
    assert_eq!(
        support::browser::error_of(res).await,
        app::error::AppError::NotFound
    );
    let (_, page) = ola.get("/arbetsgivare/oversikt").await;
    assert!(!page.contains("Grillkockar") && !page.contains("Hemligt"));
    let (_, page) = karin.get(&format!("/arbetsgivare/behov/{need}")).await;
    assert!(page.contains("value=\"Grillkockar\""));
    // A bad id in the address is no need either; a bad status is a plain refusal.
    let (status, _) = karin.get("/arbetsgivare/behov/abc").await;
    assert_eq!(status, 404);
    let res = karin
        .call(
            "/api/arbetsgivare/behov/stang",
            &[("need", need_field), ("status", "open".into())],
        )
        .await;
    assert!(matches!(
        support::browser::error_of(res).await,
        app::error::AppError::Validation(_)
    ));
    app.db.drop_database().await;
}

async fn only_an_employers_session_opens_the_employer_pages(backend: Backend) {
    let app = support::spawn_app(backend, false).await;
    let seeker = people::signed_in(&app, 1, "/mina-sidor").await;
    for path in ["/arbetsgivare/oversikt", "/arbetsgivare/behov/nytt"] {
        let (status, to) = seeker.get_location(path).await;
        assert_eq!(status, 302, "{path}");
        assert!(
            to.starts_with("/arbetsgivare/logga-in?nasta="),
            "{path} → {to}"
        );
    }
    let res = seeker
        .call(
            "/api/arbetsgivare/bjud-in",
            &[("form[email]", "x@y.example".into())],
        )
        .await;
    assert_eq!(
        support::browser::error_of(res).await,
        app::error::AppError::Unauthorized
    );
    // Signing in as an employer ends the seeker's session in that browser.
    registered(&app, "556036-0793", "karin@kiosk.example").await;
    seeker
        .post_to(
            "/api/arbetsgivare/logga-in",
            &[("email", "karin@kiosk.example"), ("password", PASSWORD)],
            "/arbetsgivare/oversikt",
        )
        .await;
    let (status, to) = seeker.get_location("/mina-sidor").await;
    assert_eq!(status, 302, "{to}");
    // The start page is open to all.
    let (status, page) = Browser::new(&app).get("/arbetsgivare").await;
    assert_eq!(status, 200);
    assert!(page.contains("För arbetsgivare") && page.contains("/arbetsgivare/registrera"));
    app.db.drop_database().await;
}
