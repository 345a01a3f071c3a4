//! Registration and signing in over HTTP, the way a browser without JavaScript does it:
//! form posts to the server functions, redirects, cookies, and the pages that follow. Run
//! against SQLite and PostgreSQL.

use crate::support::{self, browser::Browser, spawn_app, Backend, TestApp};
use app::{
    domain::field_error::{FieldError, FieldErrors},
    error::AppError,
};

on_both_backends!(
    a_newcomer_registers_step_by_step_and_lands_signed_in_on_booking,
    every_validation_error_is_shown_next_to_its_field,
    a_program_calling_a_step_gets_the_errors_per_field,
    the_draft_follows_the_browser_and_nobody_else,
    registered_details_are_never_revealed_and_their_owner_is_told,
    signing_in_and_out_with_email_and_password,
    malformed_and_unknown_input_gets_a_clear_answer,
    the_form_is_in_english_when_english_is_chosen,
);

const PNR: &str = "19811218-9876";
const EMAIL: &str = "leila.ahmadi@example.se";
const PASSWORD: &str = "en lång mening som lösenord";

fn about(pnr: &str, email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[first_name]", "Leila".into()),
        ("form[last_name]", "Ahmadi".into()),
        ("form[personal_number]", pnr.into()),
        ("form[email]", email.into()),
        ("form[phone]", "070-123 45 67".into()),
        ("form[postcode]", "413 19".into()),
        ("form[preferred_language]", "sv".into()),
        ("form[interpreter]", "ja".into()),
        ("form[interpreter_language]", "fa".into()),
        ("form[accessibility_needs]", "Hörslinga".into()),
    ]
}

fn refs<'v>(fields: &'v [(&'static str, String)]) -> Vec<(&'static str, &'v str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn with<'v>(
    mut fields: Vec<(&'v str, &'v str)>,
    extra: &[(&'v str, &'v str)],
) -> Vec<(&'v str, &'v str)> {
    fields.extend_from_slice(extra);
    fields
}

/// The text of a field's error message on a page, or `None` when it shows none.
fn error_of(html: &str, key: &str) -> Option<String> {
    let id = format!("id=\"f-{}-fel\"", key.replace('.', "-"));
    let start = html.find(&id)?;
    let open = start + html[start..].find('>')? + 1;
    let close = open + html[open..].find("</p>")?;
    let text = html[open..close].trim();
    // Drop the sign-in link's markup, keep the words.
    let text = text.split('<').next().unwrap_or_default().trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Registers one person through all five steps; returns the browser, signed in.
async fn register_fully<'a>(app: &'a TestApp, pnr: &str, email: &str) -> Browser<'a> {
    register_landing_on(app, pnr, email, "/boka").await
}

/// Goes through every step with "next" (each lands on the next step whoever the details
/// belong to) and sends, expecting to land on `lands_on`.
async fn register_landing_on<'a>(
    app: &'a TestApp,
    pnr: &str,
    email: &str,
    lands_on: &str,
) -> Browser<'a> {
    let browser = Browser::new(app);
    let step1 = about(pnr, email);
    browser
        .post_to(
            "/api/registrering/om-dig",
            &with(refs(&step1), &[("intent", "next")]),
            "/registrera/erfarenhet",
        )
        .await;
    browser
        .post_to(
            "/api/registrering/erfarenhet",
            &[
                ("form[entries][0][employer]", "Sahlgrenska"),
                ("form[entries][0][occupation]", "Undersköterska"),
                ("form[entries][0][from]", "2015-03"),
                ("form[entries][0][to]", "2024-10"),
                ("intent", "next"),
            ],
            "/registrera/utbildning",
        )
        .await;
    browser
        .post_to(
            "/api/registrering/utbildning",
            &[
                ("form[entries][0][level]", "gymnasium"),
                ("form[entries][0][field]", "Vård och omsorg"),
                ("form[languages][0][language]", "fa"),
                ("form[languages][0][level]", "modersmal"),
                ("form[licences][]", "B"),
                ("intent", "next"),
            ],
            "/registrera/onskemal",
        )
        .await;
    browser
        .post_to(
            "/api/registrering/onskemal",
            &[
                ("form[occupations][]", "underskoterska"),
                ("form[regions][]", "vastra-gotaland"),
                ("form[extent]", "full"),
                ("form[situation]", "arbetslos"),
                ("intent", "next"),
            ],
            "/registrera/granska",
        )
        .await;
    browser
        .post_to(
            "/api/registrering/skicka",
            &[("password", PASSWORD), ("intent", "next")],
            lands_on,
        )
        .await;
    browser
}

async fn a_newcomer_registers_step_by_step_and_lands_signed_in_on_booking(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = Browser::new(&app);

    let (status, html) = browser.get("/registrera").await;
    assert_eq!(status, 200);
    assert!(html.contains("Steg 1 av 5"));
    assert!(html.contains(r#"action="/api/registrering/om-dig""#));
    assert!(html.contains(r#"aria-current="step""#));

    // Step 1, then a look at the nearest office it suggests.
    let step1 = about(PNR, EMAIL);
    browser
        .post_to(
            "/api/registrering/om-dig",
            &with(refs(&step1), &[("intent", "next")]),
            "/registrera/erfarenhet",
        )
        .await;
    let (_, html) = browser.get("/registrera/om-dig").await;
    assert!(
        html.contains("Närmaste kontor: Kontor Göteborg Centrum"),
        "office suggested"
    );
    assert!(html.contains(r#"value="Leila""#), "what was typed is kept");

    // Step 2: an entry is added in place, filled in, and a second one added and removed.
    browser
        .post_to(
            "/api/registrering/erfarenhet",
            &[("intent", "add")],
            "/registrera/erfarenhet#erfarenhet-0",
        )
        .await;
    let (_, html) = browser.get("/registrera/erfarenhet").await;
    assert!(html.contains(r#"name="form[entries][0][employer]""#));
    let job = [
        ("form[entries][0][employer]", "Sahlgrenska"),
        ("form[entries][0][occupation]", "Undersköterska"),
        ("form[entries][0][from]", "2015-03"),
        ("form[entries][0][to]", ""),
    ];
    browser
        .post_to(
            "/api/registrering/erfarenhet",
            &with(job.to_vec(), &[("intent", "add")]),
            "/registrera/erfarenhet#erfarenhet-1",
        )
        .await;
    browser
        .post_to(
            "/api/registrering/erfarenhet",
            &with(
                job.to_vec(),
                &[
                    ("form[entries][1][employer]", "Kvar?"),
                    ("intent", "remove-1"),
                ],
            ),
            "/registrera/erfarenhet#erfarenhet-0",
        )
        .await;
    let (_, html) = browser.get("/registrera/erfarenhet").await;
    assert!(html.contains(r#"value="Sahlgrenska""#));
    assert!(!html.contains("Kvar?"), "the removed entry is gone");
    browser
        .post_to(
            "/api/registrering/erfarenhet",
            &with(job.to_vec(), &[("intent", "next")]),
            "/registrera/utbildning",
        )
        .await;

    // Step 3, and back again: "back" saves too.
    let skills = [
        ("form[languages][0][language]", "fa"),
        ("form[languages][0][level]", "modersmal"),
        ("form[licences][]", "B"),
        ("form[licences][]", "CE"),
        ("form[other_skills]", "Truckkort"),
    ];
    browser
        .post_to(
            "/api/registrering/utbildning",
            &with(skills.to_vec(), &[("intent", "back")]),
            "/registrera/erfarenhet",
        )
        .await;
    let (_, html) = browser.get("/registrera/utbildning").await;
    assert!(html.contains("Truckkort"));
    assert!(html.contains(r#"id="f-licences-CE" name="form[licences][]" value="CE" checked"#));
    browser
        .post_to(
            "/api/registrering/utbildning",
            &with(skills.to_vec(), &[("intent", "next")]),
            "/registrera/onskemal",
        )
        .await;

    // Step 4 without JavaScript: search, pick from the results, then go on.
    browser
        .post_to(
            "/api/registrering/onskemal",
            &[("query", "underskot"), ("intent", "search")],
            "/registrera/onskemal?sok=underskot#yrken",
        )
        .await;
    let (_, html) = browser.get("/registrera/onskemal?sok=underskot").await;
    assert!(
        html.contains(r#"value="add-underskoterska""#),
        "search lists the occupation"
    );
    browser
        .post_to(
            "/api/registrering/onskemal",
            &[("intent", "add-underskoterska")],
            "/registrera/onskemal#yrken",
        )
        .await;
    let wishes = [
        ("form[occupations][]", "underskoterska"),
        ("form[regions][]", "vastra-gotaland"),
        ("form[regions][]", "halland"),
        ("form[extent]", "either"),
        ("form[earliest_start]", ""),
        ("form[situation]", "ny-i-sverige"),
    ];
    browser
        .post_to(
            "/api/registrering/onskemal",
            &with(wishes.to_vec(), &[("intent", "next")]),
            "/registrera/granska",
        )
        .await;

    // Step 5: everything to check, then a password that is too short, then a good one.
    let (_, html) = browser.get("/registrera/granska").await;
    for shown in [
        "Leila Ahmadi",
        "Sahlgrenska",
        "Undersköterska",
        "persiska",
        "Hallands län",
    ] {
        assert!(html.contains(shown), "{shown} on the review page");
    }
    assert!(
        html.contains(r#"href="/registrera/erfarenhet""#),
        "a link back to each step"
    );
    browser
        .post_to(
            "/api/registrering/skicka",
            &[("password", "kort"), ("intent", "next")],
            "/registrera/granska",
        )
        .await;
    let (_, html) = browser.get("/registrera/granska").await;
    assert_eq!(
        error_of(&html, "password").as_deref(),
        Some("Lösenordet behöver minst 12 tecken.")
    );
    let too_long = "lösenord ".repeat(15);
    browser
        .post_to(
            "/api/registrering/skicka",
            &[("password", too_long.as_str()), ("intent", "next")],
            "/registrera/granska",
        )
        .await;
    let (_, html) = browser.get("/registrera/granska").await;
    assert_eq!(
        error_of(&html, "password").as_deref(),
        Some("Lösenordet får ha högst 128 tecken.")
    );
    // Long enough but easy to guess: a repeat, a common password, the person's own name.
    for guessable in ["aaaaaaaaaaaa", "password1234", "leilaahmadi1990"] {
        browser
            .post_to(
                "/api/registrering/skicka",
                &[("password", guessable), ("intent", "next")],
                "/registrera/granska",
            )
            .await;
        let (_, html) = browser.get("/registrera/granska").await;
        assert!(
            error_of(&html, "password")
                .is_some_and(|e| e.starts_with("Lösenordet är för lätt att gissa")),
            "{guessable}: {:?}",
            error_of(&html, "password")
        );
        assert!(html.contains("Leila Ahmadi"), "the draft is kept");
    }
    assert_eq!(
        app.store.count_seekers().await.unwrap(),
        support::DEMO_SEEKERS
    );
    browser
        .post_to(
            "/api/registrering/skicka",
            &[("password", PASSWORD), ("intent", "next")],
            "/boka",
        )
        .await;
    assert_eq!(
        app.store.count_seekers().await.unwrap(),
        support::DEMO_SEEKERS + 1
    );

    // Signed in, and greeted by name; the draft is gone.
    let (status, html) = browser.get("/boka").await;
    assert_eq!(status, 200);
    assert!(html.contains("Välkommen, Leila!"));
    assert!(html.contains("Inloggad: Leila"));
    let (_, html) = browser.get("/registrera").await;
    assert!(
        !html.contains(r#"value="Leila""#),
        "a new registration starts empty"
    );

    app.store.close().await;
    app.db.drop_database().await;
}

/// A step (its endpoint and page share the name), fields posted with "next", the field key
/// and the message expected next to it.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str, &'a str);

async fn every_validation_error_is_shown_next_to_its_field(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let long = "a".repeat(101);
    let long_name = [("form[first_name]", long.as_str())];
    let codes = [
        "snickare",
        "kock",
        "stadare",
        "underskoterska",
        "sjukskoterska",
        "lokalvardare",
        "hotellstadare",
        "ekonomiassistent",
        "redovisningskonsult",
        "kurator",
        "fysioterapeut",
    ];
    let eleven: Vec<(&str, &str)> = codes.iter().map(|c| ("form[occupations][]", *c)).collect();
    let cases: &[Case] = &[
        (
            "om-dig",
            &[("form[first_name]", "")],
            "first_name",
            "Fyll i det här.",
        ),
        (
            "om-dig",
            &[("form[last_name]", "R2D2")],
            "last_name",
            "Skriv namnet med bokstäver, utan siffror.",
        ),
        (
            "om-dig",
            &[("form[personal_number]", "1234")],
            "personal_number",
            "Skriv 12 siffror, till exempel 19811218-9876, eller 10 siffror.",
        ),
        (
            "om-dig",
            &[("form[personal_number]", "19810230-1234")],
            "personal_number",
            "Datumet i numret finns inte. Kontrollera år, månad och dag.",
        ),
        (
            "om-dig",
            &[("form[personal_number]", "19811218-9875")],
            "personal_number",
            "Numret stämmer inte. Kontrollera de fyra sista siffrorna.",
        ),
        (
            "om-dig",
            &[("form[email]", "leila@")],
            "email",
            "Skriv e-postadressen som namn@exempel.se.",
        ),
        (
            "om-dig",
            &[("form[phone]", "12")],
            "phone",
            "Skriv ett svenskt mobilnummer, till exempel 070-123 45 67.",
        ),
        (
            "om-dig",
            &[("form[phone]", "031-123 45 67")],
            "phone",
            "Det här är ett fast nummer. Skriv ett mobilnummer som börjar med 07.",
        ),
        (
            "om-dig",
            &[("form[postcode]", "4131")],
            "postcode",
            "Skriv postnumret med 5 siffror, till exempel 413 19.",
        ),
        (
            "om-dig",
            &[("form[preferred_language]", "xx")],
            "preferred_language",
            "Välj ett av alternativen.",
        ),
        (
            "om-dig",
            &[("form[interpreter]", "ja")],
            "interpreter_language",
            "Välj vilket språk du behöver tolk på.",
        ),
        (
            "erfarenhet",
            &[("form[entries][0][employer]", "")],
            "entries.0.employer",
            "Fyll i det här.",
        ),
        (
            "erfarenhet",
            &[("form[entries][0][from]", "mars 2019")],
            "entries.0.from",
            "Skriv år och månad så här: 2019-08.",
        ),
        (
            "erfarenhet",
            &[("form[entries][0][from]", "2099-01")],
            "entries.0.from",
            "Månaden har inte kommit än.",
        ),
        (
            "erfarenhet",
            &[
                ("form[entries][0][from]", "2020-05"),
                ("form[entries][0][to]", "2019-01"),
            ],
            "entries.0.to",
            "Slutet kan inte vara före början.",
        ),
        (
            "utbildning",
            &[("form[entries][0][level]", "")],
            "entries.0.level",
            "Fyll i det här.",
        ),
        (
            "utbildning",
            &[("form[entries][0][year]", "99")],
            "entries.0.year",
            "Skriv ett årtal med fyra siffror, till exempel 2012.",
        ),
        (
            "utbildning",
            &[
                ("form[languages][0][language]", "sv"),
                ("form[languages][1][language]", "sv"),
            ],
            "languages.1.language",
            "Du har redan lagt till det här språket.",
        ),
        (
            "utbildning",
            &[("form[licences][]", "Q")],
            "licences",
            "Välj ett av alternativen.",
        ),
        (
            "onskemal",
            &[("form[extent]", "full")],
            "occupations",
            "Fyll i det här.",
        ),
        (
            "onskemal",
            &[("form[regions][]", "atlantis")],
            "regions",
            "Välj ett av alternativen.",
        ),
        (
            "onskemal",
            &[("form[earliest_start]", "2020-01-01")],
            "earliest_start",
            "Datumet har redan varit.",
        ),
        (
            "onskemal",
            &[("form[earliest_start]", "snart")],
            "earliest_start",
            "Skriv datumet så här: 2027-01-15.",
        ),
        (
            "onskemal",
            &[("form[occupations][]", "NOT A CODE")],
            "occupations",
            "Välj yrket bland förslagen.",
        ),
        (
            "om-dig",
            &long_name,
            "first_name",
            "Texten är för lång. Korta den lite – inget har tagits bort.",
        ),
        ("onskemal", &eleven, "occupations", "Du har valt för många."),
    ];
    for (step, fields, key, message) in cases {
        let browser = Browser::new(&app);
        let path = format!("/api/registrering/{step}");
        let to = format!("/registrera/{step}");
        browser
            .post_to(&path, &with(fields.to_vec(), &[("intent", "next")]), &to)
            .await;
        let (_, html) = browser.get(&to).await;
        assert_eq!(
            error_of(&html, key).as_deref(),
            Some(*message),
            "{key} after {fields:?}"
        );
        let id = format!("f-{}", key.replace('.', "-"));
        assert!(
            html.contains(&format!("href=\"#{id}\"")),
            "the summary links to {key}"
        );
        assert!(html.contains(r#"role="alert""#));
        // No field has a `maxlength`, which would cut a paste in the browser unsaid.
        assert!(
            !html.contains("maxlength"),
            "{step}: no field cuts what is pasted"
        );
        if *key == "first_name" {
            assert!(
                html.contains(&format!("value=\"{}\"", fields[0].1)),
                "the name that is too long is kept whole"
            );
        }
    }
    // Saving without "next" keeps what was typed and shows no errors yet.
    let browser = Browser::new(&app);
    browser
        .post_to(
            "/api/registrering/om-dig",
            &[("form[email]", "leila@"), ("intent", "save")],
            "/registrera/om-dig",
        )
        .await;
    let (_, html) = browser.get("/registrera/om-dig").await;
    assert!(html.contains(r#"value="leila@""#));
    assert_eq!(error_of(&html, "email"), None);
    app.store.close().await;
    app.db.drop_database().await;
}

async fn a_program_calling_a_step_gets_the_errors_per_field(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let client = reqwest::Client::new();
    let res = client
        .post(app.url("/api/registrering/om-dig"))
        .form(&[("form[email]", "x"), ("intent", "next")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_server_error() || res.status().is_client_error());
    let error: AppError = res.json().await.unwrap();
    let AppError::Validation(errors) = error else {
        panic!("expected field errors, got {error:?}");
    };
    assert_eq!(
        errors.get("email"),
        Some(&FieldError::Contact(
            app::domain::contact::ContactError::InvalidEmail
        ))
    );
    assert_eq!(errors.get("first_name"), Some(&FieldError::Required));

    // Search-as-you-type: JSON in, occupations with their field out; Swedish letters and
    // case do not matter, synonyms count.
    let found: Vec<app::domain::Occupation> = client
        .post(app.url("/api/yrken/sok"))
        .json(&serde_json::json!({ "query": "UNDERSKÖT" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let first = found.first().expect("a match");
    assert_eq!(first.code, "underskoterska");
    assert!(!first.field_sv.is_empty());
    app.store.close().await;
    app.db.drop_database().await;
}

async fn the_draft_follows_the_browser_and_nobody_else(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let mine = Browser::new(&app);
    mine.post_to(
        "/api/registrering/om-dig",
        &[("form[first_name]", "Amal"), ("intent", "save")],
        "/registrera/om-dig",
    )
    .await;
    let (_, html) = mine.get("/registrera/om-dig").await;
    assert!(html.contains(r#"value="Amal""#));
    // Another step's page of the same browser, after "closing the tab": still there.
    let (_, html) = mine.get("/registrera").await;
    assert!(html.contains(r#"value="Amal""#));
    let other = Browser::new(&app);
    let (_, html) = other.get("/registrera/om-dig").await;
    assert!(!html.contains("Amal"), "another browser sees an empty form");

    // The draft's cookie: script cannot read it, other sites' requests do not carry it,
    // and it lasts the 30 days a draft is kept (Secure is added outside local development).
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(app.url("/api/registrering/om-dig"))
        .header("accept", "text/html")
        .form(&[("form[first_name]", "Amal"), ("intent", "save")])
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("tidbok_utkast="))
        .expect("a draft cookie");
    for part in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=2592000"] {
        assert!(cookie.contains(part), "{part} in {cookie}");
    }
    app.store.close().await;
    app.db.drop_database().await;
}

async fn registered_details_are_never_revealed_and_their_owner_is_told(backend: Backend) {
    let app = spawn_app(backend, true).await;
    register_fully(&app, PNR, EMAIL).await;
    let owner = app.store.count_seekers().await.unwrap();
    assert_eq!(owner, support::DEMO_SEEKERS + 1);
    // The newest seeker: the one just registered (the demo's came first).
    let owner_id: (i64,) = support::query_one(
        &app.db,
        "SELECT id FROM seekers WHERE id > $1 ORDER BY id DESC LIMIT 1",
        0,
    )
    .await;

    // Step 1 answers the same for registered details (the number written the 10-digit way,
    // the email in another case) as for new ones: on to step 2, nothing said.
    for (pnr, email) in [
        ("811218-9876", "Leila.Ahmadi@Example.se"),
        ("19900101-0017", "ny.person@example.se"),
    ] {
        let browser = Browser::new(&app);
        let step1 = about(pnr, email);
        browser
            .post_to(
                "/api/registrering/om-dig",
                &with(refs(&step1), &[("intent", "next")]),
                "/registrera/erfarenhet",
            )
            .await;
        let (_, html) = browser.get("/registrera/om-dig").await;
        assert!(!html.contains("redan ett konto"), "{pnr}: nothing revealed");
        assert!(!html.contains("field--error"), "{pnr}: no error");
    }

    // Sending with the registered number, or with the registered email, creates nothing
    // and answers neutrally, with everything typed kept.
    let mut answers = Vec::new();
    for (pnr, email) in [(PNR, "annan.adress@example.se"), ("19900101-0017", EMAIL)] {
        let browser = register_landing_on(&app, pnr, email, "/registrera/granska").await;
        let (_, html) = browser.get("/registrera/granska").await;
        assert!(html.contains("Kontot kunde inte skapas"), "{html}");
        assert!(html.contains("Om du redan har ett konto hos oss kan du logga in"));
        assert!(html.contains(r#"href="/logga-in?nasta=%2Fboka""#));
        assert!(html.contains("Sahlgrenska"), "the draft is kept");
        assert!(!html.contains("redan ett konto med"));
        let start = html.find("Kontot kunde inte skapas").unwrap();
        answers.push(html[start..start + 400].to_owned());
    }
    assert_eq!(
        answers[0], answers[1],
        "the same answer for the number and the email"
    );
    assert_eq!(app.store.count_seekers().await.unwrap(), owner);

    // The owner is emailed once, however many tries there are within a day.
    let messages = app.store.account_messages(owner_id.0).await.unwrap();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0].event, "registration_attempt");
    assert_eq!(messages[0].medium, "email");
    assert_eq!(messages[0].booking_id, None);
    app.store.close().await;
    app.db.drop_database().await;
}

async fn signing_in_and_out_with_email_and_password(backend: Backend) {
    let app = spawn_app(backend, true).await;
    register_fully(&app, PNR, EMAIL).await;

    // The session cookie a sign-in sets: HttpOnly and SameSite (Secure outside local
    // development); the session itself is kept in the database.
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(app.url("/api/konto/logga-in"))
        .header("accept", "text/html")
        .form(&[("email", EMAIL), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("tidbok_session="))
        .expect("a session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");

    let browser = Browser::new(&app);
    let (status, location) = browser.post("/api/konto/logga-in", &[]).await;
    assert!(
        status >= 300,
        "a sign-in without fields is refused ({status} {location})"
    );
    let (_, location) = browser.get_location("/boka").await;
    assert_eq!(location, "/logga-in?nasta=%2Fboka", "booking needs sign-in");

    browser
        .post_to(
            "/api/konto/logga-in",
            &[
                ("email", EMAIL),
                ("password", "fel lösenord här"),
                ("next", "/boka"),
            ],
            "/logga-in?nasta=/boka",
        )
        .await;
    let (_, html) = browser.get("/logga-in?nasta=/boka").await;
    assert!(html.contains("E-postadressen eller lösenordet stämmer inte."));
    assert!(
        html.contains(&format!(r#"value="{EMAIL}""#)),
        "the email is kept"
    );

    // A next address that leads elsewhere is not followed.
    browser
        .post_to(
            "/api/konto/logga-in",
            &[
                ("email", "LEILA.AHMADI@example.se"),
                ("password", PASSWORD),
                ("next", "//evil.example"),
            ],
            "/boka",
        )
        .await;
    let (status, html) = browser.get("/boka").await;
    assert_eq!(status, 200);
    assert!(html.contains("Inloggad: Leila"));

    browser
        .post_to("/api/konto/logga-ut", &[], "/logga-in?utloggad=1")
        .await;
    let (_, html) = browser.get("/logga-in?utloggad=1").await;
    assert!(html.contains("Du är utloggad."));
    let (_, location) = browser.get_location("/boka").await;
    assert_eq!(location, "/logga-in?nasta=%2Fboka");
    app.store.close().await;
    app.db.drop_database().await;
}

async fn malformed_and_unknown_input_gets_a_clear_answer(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = Browser::new(&app);
    // A step address that does not exist.
    let (status, html) = browser.get("/registrera/hemligt").await;
    assert_eq!(status, 404);
    assert!(html.contains("Sidan finns inte"));
    // A tampered post: a list index that is not a number.
    let client = reqwest::Client::new();
    let res = client
        .post(app.url("/api/registrering/erfarenhet"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("form[entries][x][employer]=1&intent=next")
        .send()
        .await
        .unwrap();
    let body = res.text().await.unwrap();
    let error: AppError = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{body}"));
    assert_eq!(
        error,
        AppError::Validation(FieldErrors::from([("_".to_owned(), FieldError::Malformed)]))
    );
    // Sending the last step without a draft starts the registration.
    let (_, location) = browser
        .post("/api/registrering/skicka", &[("password", PASSWORD)])
        .await;
    assert_eq!(location, "/registrera/om-dig");
    assert_eq!(
        app.store.count_seekers().await.unwrap(),
        support::DEMO_SEEKERS
    );
    app.store.close().await;
    app.db.drop_database().await;
}

async fn the_form_is_in_english_when_english_is_chosen(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let browser = Browser::new(&app);
    browser
        .post_to(
            "/api/registrering/om-dig",
            &[("form[email]", "nope"), ("intent", "next")],
            "/registrera/om-dig",
        )
        .await;
    // The language switch, as a link without JavaScript: it sets the choice and comes back.
    let (status, _) = browser.get("/sprak/en?till=%2Fregistrera%2Fom-dig").await;
    assert_eq!(status, 303);
    let (_, html) = browser.get("/registrera/om-dig").await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("Register as a job seeker"));
    assert!(html.contains("Step 1 of 5"));
    assert_eq!(
        error_of(&html, "email").as_deref(),
        Some("Write the email address like name@example.com.")
    );
    assert!(html.contains("Email address: Write the email address like name@example.com."));
    app.store.close().await;
    app.db.drop_database().await;
}
