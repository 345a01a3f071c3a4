//! Registering a person with staff over HTTP, on SQLite and PostgreSQL: the desk begins a
//! draft, fills in the same five steps through the same endpoints (with the draft's code),
//! confirms the contact details and sends; the person is registered by staff, not online,
//! and makes their own password with the emailed link. Only the desk's office reaches the
//! draft.

use crate::support::{
    self,
    browser::{error_of, Browser},
    people, spawn_app, Backend,
};
use app::error::AppError;

on_both_backends!(
    the_desk_registers_a_person_who_makes_their_own_password,
    the_desk_continues_a_draft_begun_online,
    the_same_form_gives_the_same_profile_whoever_types_it,
    the_desk_sends_a_new_link_when_the_first_no_longer_works,
);

const EMAIL: &str = "amir.hassan@example.se";

async fn the_desk_registers_a_person_who_makes_their_own_password(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let pnr = people::personal_number(71);
    let desk = people::staff(&app, "emina.hodzic@tidbok.example").await;
    let emina = people::staff_id(&app, "emina.hodzic@tidbok.example").await;
    let (status, first) = desk.post("/api/personal/registrera/ny", &[]).await;
    assert_eq!(status, 302);
    let code = first
        .strip_prefix("/personal/registrera/")
        .and_then(|r| r.strip_suffix("/om-dig"))
        .unwrap_or_else(|| panic!("the first step: {first}"))
        .to_owned();
    let step = |slug: &str| format!("/personal/registrera/{code}/{slug}");
    let (status, page) = desk.get(&first).await;
    assert_eq!(status, 200);
    assert!(page.contains("Skriv in en person"));
    assert!(page.contains(&format!("name=\"utkast\" value=\"{code}\"")));
    let shown = code.to_uppercase();
    assert!(page.contains(&format!("{}-{}-{}", &shown[..4], &shown[4..8], &shown[8..])));

    // Another office's desk neither reads nor writes it.
    let other = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    let (_, page) = other.get(&first).await;
    assert!(page.contains("hör det till ett annat kontor"), "refused");
    assert!(!page.contains("name=\"utkast\""));
    let res = other
        .call(
            "/api/registrering/om-dig",
            &[("utkast", code.clone()), ("form[first_name]", "X".into())],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    // Nor does a browser without a staff session.
    let stranger = Browser::new(&app);
    let res = stranger
        .call("/api/registrering/om-dig", &[("utkast", code.clone())])
        .await;
    assert_eq!(res.status().as_u16(), 401);

    // The five steps, through the endpoints the online form uses.
    desk.post_to(
        "/api/registrering/om-dig",
        &[
            ("utkast", code.as_str()),
            ("form[first_name]", "Amir"),
            ("form[last_name]", "Hassan"),
            ("form[personal_number]", pnr.as_str()),
            ("form[email]", EMAIL),
            ("form[phone]", "070-765 43 21"),
            // Living in Stockholm, registered on the phone by the Göteborg desk.
            ("form[postcode]", "111 52"),
            ("form[preferred_language]", "sv"),
            ("form[interpreter]", "nej"),
            ("intent", "next"),
        ],
        &step("erfarenhet"),
    )
    .await;
    desk.post_to(
        "/api/registrering/erfarenhet",
        &[("utkast", code.as_str()), ("intent", "next")],
        &step("utbildning"),
    )
    .await;
    desk.post_to(
        "/api/registrering/utbildning",
        &[("utkast", code.as_str()), ("intent", "next")],
        &step("onskemal"),
    )
    .await;
    desk.post_to(
        "/api/registrering/onskemal",
        &[
            ("utkast", code.as_str()),
            ("form[occupations][]", "underskoterska"),
            ("form[regions][]", "vastra-gotaland"),
            ("form[extent]", "full"),
            ("form[situation]", "arbetslos"),
            ("intent", "next"),
        ],
        &step("granska"),
    )
    .await;
    let (_, review) = desk.get(&step("granska")).await;
    assert!(review.contains("Amir") && review.contains("Undersköterska"));
    assert!(review.contains("Jag har läst upp e-postadressen"));
    assert!(
        !review.contains("name=\"password\""),
        "staff set no password"
    );
    // Not sent before the contact details are confirmed with the person.
    desk.post_to(
        "/api/personal/registrera/skicka",
        &[("utkast", code.as_str())],
        &step("granska"),
    )
    .await;
    let (_, review) = desk.get(&step("granska")).await;
    assert!(review.contains("aria-invalid=\"true\""), "the box is named");
    // Sent: on to the person's case, to book the first meeting next.
    let (status, case) = desk
        .post(
            "/api/personal/registrera/skicka",
            &[("utkast", code.as_str()), ("bekraftat", "ja")],
        )
        .await;
    assert_eq!(status, 302);
    assert!(
        case.starts_with("/personal/personer/") && case.ends_with("#klart"),
        "{case}"
    );
    let (_, case_page) = desk.get(case.trim_end_matches("#klart")).await;
    assert!(case_page.contains("Amir Hassan är inskriven"));
    assert!(case_page.contains("Boka första mötet"));

    // Registered by staff, not online, with no password yet; the draft is gone.
    let (online, by): (bool, Option<i64>) = support::query_one(
        &app.db,
        "SELECT registered_online, registered_by_staff_id FROM seekers \
         WHERE id = (SELECT MAX(id) FROM seekers) AND $1 = $1",
        0,
    )
    .await;
    assert_eq!((online, by), (false, Some(emina)));
    let (_, gone) = desk.get(&first).await;
    assert!(
        gone.contains("hör det till ett annat kontor"),
        "the draft is gone"
    );

    // The link goes by email and by text message.
    let (by_sms,): (i64,) = support::query_one(
        &app.db,
        "SELECT COUNT(*) FROM outbox WHERE event = 'seeker_password_link' AND medium = 'sms' \
         AND seeker_id = (SELECT MAX(id) FROM seekers) AND $1 = $1",
        0,
    )
    .await;
    assert_eq!(by_sms, 1);

    // The person makes their own password with the emailed link, and is signed in.
    let mail = app
        .email_to(EMAIL, "Välj ett lösenord till Mina sidor")
        .await;
    let link = mail
        .split_whitespace()
        .find(|w| w.contains("/konto/losenord/"))
        .expect("the link");
    let path = &link[link.find("/konto/").unwrap()..];
    let person = Browser::new(&app);
    let (status, page) = person.get(path).await;
    assert_eq!(status, 200);
    assert!(page.contains("Hej Amir!"));
    let secret = path.rsplit('/').next().unwrap();
    // Too short a password is named, and the link still works.
    person
        .post_to(
            "/api/konto/losenord/spara",
            &[("secret", secret), ("password", "kort")],
            path,
        )
        .await;
    person
        .post_to(
            "/api/konto/losenord/spara",
            &[
                ("secret", secret),
                ("password", "en lång mening som lösenord"),
            ],
            "/mina-sidor",
        )
        .await;
    let (status, _) = person.get("/mina-sidor").await;
    assert_eq!(status, 200);
    // The link works once.
    let (_, page) = person.get(path).await;
    assert!(page.contains("Länken fungerar inte längre"));
    // With their own sign-in, what they began with the Göteborg desk is theirs: that desk no
    // longer opens their case (their Stockholm office does).
    let case = case.trim_end_matches("#klart");
    let (_, refused) = desk.get(case).await;
    assert!(refused.contains("Du har inte behörighet"), "{refused}");
    assert!(!refused.contains("Amir Hassan"));
    let stockholm = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    let (_, page) = stockholm.get(case).await;
    assert!(page.contains("Amir Hassan"));
    app.db.drop_database().await;
}

async fn the_desk_continues_a_draft_begun_online(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let pnr = people::personal_number(72);
    // Begun at home: the first step saved, and the page shows the code to read out.
    let home = Browser::new(&app);
    home.post_to(
        "/api/registrering/om-dig",
        &[
            ("form[first_name]", "Leila"),
            ("form[last_name]", "Ahmadi"),
            ("form[personal_number]", pnr.as_str()),
            ("intent", "save"),
        ],
        "/registrera/om-dig",
    )
    .await;
    let (_, page) = home.get("/registrera/erfarenhet").await;
    let at = page.find("Läs upp koden ").expect("the code is shown") + "Läs upp koden ".len();
    let shown = page[at..at + 12].to_owned();
    let code = shown.replace('-', "").to_lowercase();
    assert_eq!(code.len(), 10, "{shown}");

    // A code that is none is named next to its field.
    let desk = people::staff(&app, "emina.hodzic@tidbok.example").await;
    desk.post_to(
        "/api/personal/registrera/fortsatt",
        &[("kod", "zz-12"), ("hur", "kod")],
        "/personal/personer#fortsatt",
    )
    .await;
    let (_, page) = desk.get("/personal/personer").await;
    assert!(page.contains("Koden har tio tecken"), "the code's error");
    // Read out at the desk: the draft goes on where it was, nothing typed again.
    desk.post_to(
        "/api/personal/registrera/fortsatt",
        &[("kod", shown.as_str()), ("hur", "kod")],
        &format!("/personal/registrera/{code}/om-dig"),
    )
    .await;
    let (_, page) = desk
        .get(&format!("/personal/registrera/{code}/om-dig"))
        .await;
    assert!(page.contains("value=\"Leila\"") && page.contains("value=\"Ahmadi\""));
    let (_, people_page) = desk.get("/personal/personer").await;
    assert!(
        people_page.contains("Leila Ahmadi, senast ändrad"),
        "held by the desk"
    );
    let (kept,): (i64,) = support::query_one(
        &app.db,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'registration_draft_continued' \
         AND after_value = 'code' AND staff_id = $1",
        people::staff_id(&app, "emina.hodzic@tidbok.example").await,
    )
    .await;
    assert_eq!(kept, 1, "in the audit trail");
    let (reads,): (i64,) = support::query_one(
        &app.db,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'registration_draft_read' \
         AND staff_id = $1",
        people::staff_id(&app, "emina.hodzic@tidbok.example").await,
    )
    .await;
    assert!(
        reads >= 1,
        "each read of the draft at the desk is in the audit trail"
    );

    // Found by the number at another desk: continued once the identity document is checked.
    let other = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    other
        .post_to(
            "/api/personal/personer/sok",
            &[("form[nummer]", pnr.as_str()), ("form[orsak]", "besok")],
            "/personal/personer#resultat",
        )
        .await;
    let (_, page) = other.get("/personal/personer").await;
    assert!(page.contains("Påbörjad inskrivning på webben: Leila Ahmadi"));
    // The search never shows the code: it is the person's proof, read from their own page.
    assert!(
        !page.to_lowercase().contains(&code) && !page.contains(&shown),
        "the code is not on the page"
    );
    let at = page
        .find("name=\"utkast\" value=\"")
        .expect("the draft's reference")
        + "name=\"utkast\" value=\"".len();
    let reference = page[at..at + 16].to_owned();
    let digits = pnr.replace('-', "");
    let id_checked = |reference: &str, ticked: bool| {
        let mut fields = vec![
            ("hur", "id".to_owned()),
            ("nummer", digits.clone()),
            ("utkast", reference.to_owned()),
        ];
        if ticked {
            fields.push(("id", "ja".to_owned()));
        }
        fields
    };
    let fields = id_checked(&reference, false);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    other
        .post_to(
            "/api/personal/registrera/fortsatt",
            &fields,
            "/personal/personer#fortsatt",
        )
        .await;
    let (_, page) = other.get("/personal/personer").await;
    assert!(
        page.contains("Påbörjad inskrivning på webben"),
        "offered again"
    );
    assert!(page.contains("aria-invalid=\"true\""), "the box is named");
    // Neither the code nor another number takes a draft as if the ID had been checked.
    for (number, reference) in [
        (digits.clone(), code.clone()),
        (
            people::personal_number(73).replace('-', ""),
            reference.clone(),
        ),
    ] {
        let res = other
            .call(
                "/api/personal/registrera/fortsatt",
                &[
                    ("hur", "id".to_owned()),
                    ("id", "ja".to_owned()),
                    ("nummer", number),
                    ("utkast", reference),
                ],
            )
            .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
    }
    let (_, page) = desk
        .get(&format!("/personal/registrera/{code}/om-dig"))
        .await;
    assert!(
        page.contains("value=\"Leila\""),
        "still the Göteborg desk's"
    );
    let fields = id_checked(&reference, true);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    other
        .post_to(
            "/api/personal/registrera/fortsatt",
            &fields,
            &format!("/personal/registrera/{code}/om-dig"),
        )
        .await;
    // Now the Stockholm desk holds it, and the Göteborg one no longer does.
    let (_, page) = desk
        .get(&format!("/personal/registrera/{code}/om-dig"))
        .await;
    assert!(page.contains("hör det till ett annat kontor"));
    // The person at home still has their draft.
    let (_, page) = home.get("/registrera/om-dig").await;
    assert!(page.contains("value=\"Leila\""));
    app.db.drop_database().await;
}

/// One form, typed by the person online and by staff at the desk (only the number and the
/// email differ, as they must): the same profile comes out of both.
async fn the_same_form_gives_the_same_profile_whoever_types_it(backend: Backend) {
    use app::{
        domain::registration::{
            AboutForm, EducationEntryForm, EducationForm, ExperienceEntryForm, ExperienceForm,
            LanguageEntryForm, RegistrationDraft, WishesForm,
        },
        ssr::services::{assisted_registration as assisted, registration as reg},
    };
    let app = spawn_app(backend, true).await;
    let now = chrono::Utc::now();
    let form = |n: u32| RegistrationDraft {
        about: AboutForm {
            first_name: "Samira".into(),
            last_name: "Osman".into(),
            personal_number: people::personal_number(n),
            email: format!("samira{n}@example.se"),
            phone: "070-555 12 34".into(),
            postcode: "413 19".into(),
            preferred_language: "ar".into(),
            interpreter: "ja".into(),
            interpreter_language: "ar".into(),
            accessibility_needs: "Hörslinga".into(),
        },
        experience: ExperienceForm {
            entries: vec![ExperienceEntryForm {
                employer: "Sahlgrenska".into(),
                occupation: "Undersköterska".into(),
                from: "2015-03".into(),
                to: "2024-10".into(),
                description: "Natt och helg.".into(),
            }],
        },
        education: EducationForm {
            entries: vec![EducationEntryForm {
                level: "gymnasium".into(),
                field: "Vård och omsorg".into(),
                ..Default::default()
            }],
            languages: vec![LanguageEntryForm {
                language: "ar".into(),
                level: "modersmal".into(),
            }],
            licences: vec!["B".into()],
            ..Default::default()
        },
        wishes: WishesForm {
            occupations: vec!["underskoterska".into()],
            regions: vec!["vastra-gotaland".into()],
            extent: "part".into(),
            earliest_start: String::new(),
            situation: "arbetslos".into(),
        },
        ..Default::default()
    };
    let online = reg::register(&app.store, &form(91), "en lång mening som lösenord", now)
        .await
        .expect("registered online");
    let staff = app
        .store
        .list_staff()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.email == "emina.hodzic@tidbok.example")
        .expect("a demo desk")
        .member;
    let code = assisted::start(&app.store, &staff, now).await.unwrap();
    let key = assisted::held_key(&app.store, &staff, code.as_str(), now)
        .await
        .unwrap();
    reg::save_by_key(&app.store, &key, &form(92), now)
        .await
        .unwrap();
    let draft = reg::load_by_key(&app.store, &key, now).await.unwrap();
    let desk = assisted::register(&app.store, &staff, &key, &draft, now)
        .await
        .expect("registered at the desk");

    let profile = |id: i64| {
        let store = app.store.clone();
        async move {
            let mut p = store.seeker_profile(id).await.unwrap().expect("a profile");
            // What must differ between two people, and nothing else.
            (p.id, p.personal_number, p.email) = (0, String::new(), String::new());
            let background = store.seeker_background(id).await.unwrap();
            (p, background)
        }
    };
    let (a, b) = (profile(online).await, profile(desk).await);
    assert_eq!(a.0, b.0, "the same person's details");
    assert_eq!(
        a.1, b.1,
        "the same experience, education, languages and wishes"
    );
    app.db.drop_database().await;
}

/// A person registered by staff whose link no longer works (or never reached them) comes
/// back: the desk sends a new one from their case page, the old one stops working, and once
/// the person has made their password the page no longer offers it. Only staff who may see
/// the person can send it.
async fn the_desk_sends_a_new_link_when_the_first_no_longer_works(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let person = people::register(
        &app.store,
        74,
        &["underskoterska"],
        None,
        chrono::Utc::now(),
    )
    .await;
    let email = "person74@example.se";
    // Registered at the Göteborg desk, and no password made yet.
    let _: (i64,) = support::query_one(
        &app.db,
        "DELETE FROM seeker_accounts WHERE seeker_id = $1 RETURNING seeker_id",
        person,
    )
    .await;
    let desk = people::staff(&app, "emina.hodzic@tidbok.example").await;
    let case = format!("/personal/personer/{person}");
    let (_, page) = desk.get(&case).await;
    assert!(
        page.contains("Personen har inte valt något lösenord, och länken fungerar inte längre.")
    );
    let links = |app: &support::TestApp| -> Vec<String> {
        app.emails_to(email)
            .iter()
            .filter_map(|text| {
                let link = text
                    .split_whitespace()
                    .find(|w| w.contains("/konto/losenord/"))?;
                Some(link[link.find("/konto/").unwrap()..].to_owned())
            })
            .collect()
    };
    // Another office's staff may not send it.
    let elsewhere = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    let res = elsewhere
        .call(
            "/api/personal/personer/ny-lank",
            &[("person", person.to_string())],
        )
        .await;
    assert_eq!(error_of(res).await, AppError::Forbidden);
    for _ in 0..2 {
        desk.post_to(
            "/api/personal/personer/ny-lank",
            &[("person", &person.to_string())],
            &format!("{case}#klart"),
        )
        .await;
    }
    let (_, page) = desk.get(&case).await;
    assert!(page.contains("Länken som skickades med e-post och sms fungerar till"));
    app.send_outbox().await;
    let sent = links(&app);
    assert_eq!(sent.len(), 2, "one email per link");
    let person_browser = Browser::new(&app);
    let fresh: Vec<&String> = {
        let mut fresh = Vec::new();
        for path in &sent {
            let (_, page) = person_browser.get(path).await;
            if !page.contains("Länken fungerar inte längre") {
                fresh.push(path);
            }
        }
        fresh
    };
    assert_eq!(fresh.len(), 1, "only the newest link works");
    let secret = fresh[0].rsplit('/').next().unwrap();
    person_browser
        .post_to(
            "/api/konto/losenord/spara",
            &[
                ("secret", secret),
                ("password", "en lång mening som lösenord"),
            ],
            "/mina-sidor",
        )
        .await;
    let (_, page) = desk.get(&case).await;
    assert!(
        !page.contains("Inloggning till Mina sidor"),
        "made: nothing to send"
    );
    let res = desk
        .call(
            "/api/personal/personer/ny-lank",
            &[("person", person.to_string())],
        )
        .await;
    assert_eq!(error_of(res).await, AppError::NotFound);
    app.db.drop_database().await;
}
