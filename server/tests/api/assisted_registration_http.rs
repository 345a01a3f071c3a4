//! Registering a person with staff over HTTP, on SQLite and PostgreSQL: the desk begins a
//! draft, fills in the same five steps through the same endpoints (with the draft's code),
//! confirms the contact details and sends; the person is registered by staff, not online,
//! and makes their own password with the emailed link. Only the desk's office reaches the
//! draft.

use crate::support::{self, browser::Browser, people, spawn_app, Backend};

on_both_backends!(the_desk_registers_a_person_who_makes_their_own_password);

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
            ("form[postcode]", "413 19"),
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
    desk.post_to(
        "/api/personal/registrera/skicka",
        &[("utkast", code.as_str()), ("bekraftat", "ja")],
        "/personal/personer#klart",
    )
    .await;
    let (_, people_page) = desk.get("/personal/personer").await;
    assert!(people_page.contains("Amir Hassan är inskriven"));

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
    app.db.drop_database().await;
}
