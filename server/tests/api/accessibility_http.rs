//! The accessibility statement: anyone reads it (in Swedish, or in English from its English
//! address), every page's footer links to it, its report form works without JavaScript and
//! keeps what was typed when refused, and only administrators read and handle the reports.
//! SQLite and PostgreSQL.

use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend,
};
use app::{error::AppError, views::accessibility::AccessibilityReportsView};

on_both_backends!(
    anyone_reads_the_statement_and_reports_a_shortcoming,
    only_administrators_read_and_handle_the_reports,
);

const SEND: &str = "/api/tillganglighet/rapportera";
const REPORTS: &str = "/api/personal/admin/tillganglighet";

async fn anyone_reads_the_statement_and_reports_a_shortcoming(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let visitor = Browser::new(&app);
    let (_, home) = visitor.get("/").await;
    assert!(
        home.contains("href=\"/tillganglighet\""),
        "the footer links to it"
    );
    let (status, page) = visitor.get("/tillganglighet").await;
    assert_eq!(status, 200);
    for text in [
        "Tillgänglighet för Tidbok",
        "WCAG 2.1 nivå AA",
        "EN 301 549",
        "Innehåll som inte är tillgängligt",
        "Videomöten",
        "Hur vi testat tjänsten",
        "Rapportera brister i tjänstens tillgänglighet",
        "https://www.digg.se/tdosanmalan",
        "Redogörelsen uppdaterades senast",
    ] {
        assert!(page.contains(text), "{text}");
    }

    // Refused: back to the form with what was typed, and why, next to the field.
    let place = "Boka möte";
    let (status, to) = visitor
        .post(
            SEND,
            &[
                ("form[place]", place),
                ("form[description]", "   "),
                ("form[email]", "amira@"),
            ],
        )
        .await;
    assert_eq!((status, to.as_str()), (302, "/tillganglighet#rapportera"));
    let (_, page) = visitor.get("/tillganglighet").await;
    assert!(page.contains("value=\"Boka möte\""), "the place as typed");
    assert!(page.contains("value=\"amira@\""), "the address as typed");
    assert!(page.contains("aria-invalid=\"true\""));
    assert!(page.contains("class=\"error-summary\""));
    // The demo's own reports are there already; nothing was added.
    let before = app.store.accessibility_reports(10).await.unwrap().len();

    // Sent: a receipt, and the report kept with the language it was written in.
    let (status, to) = visitor
        .post(
            SEND,
            &[
                ("form[place]", place),
                ("form[description]", "Fokus syns inte på knappen Bekräfta."),
                ("form[email]", " Amira@Example.se "),
            ],
        )
        .await;
    assert_eq!((status, to.as_str()), (302, "/tillganglighet#rapportera"));
    let (_, page) = visitor.get("/tillganglighet").await;
    assert!(page.contains("Tack! Vi har tagit emot din rapport."));
    assert!(!page.contains("value=\"Boka möte\""), "an empty form again");
    let kept = app.store.accessibility_reports(10).await.unwrap();
    assert_eq!(kept.len(), before + 1);
    let sent = kept
        .iter()
        .find(|r| r.description == "Fokus syns inte på knappen Bekräfta.")
        .expect("the report is kept");
    assert_eq!(sent.place.as_deref(), Some(place));
    assert_eq!(sent.email.as_deref(), Some("amira@example.se"));
    assert_eq!(sent.language, "sv");
    assert_eq!(sent.handled_at, None);
    // Shown once: the receipt is gone on the next visit.
    let (_, page) = visitor.get("/tillganglighet").await;
    assert!(!page.contains("Tack! Vi har tagit emot din rapport."));

    // The English address sets English and shows the same statement.
    let english = Browser::new(&app);
    let (status, to) = english.get_location("/en/accessibility").await;
    assert_eq!((status, to.as_str()), (303, "/tillganglighet"));
    let (_, page) = english.get("/tillganglighet").await;
    assert!(page.contains("Accessibility of Tidbok"));
    assert!(page.contains("Content that is not accessible"));
    english
        .post(SEND, &[("form[description]", "No focus ring.")])
        .await;
    let kept = app.store.accessibility_reports(10).await.unwrap();
    assert_eq!(kept.iter().filter(|r| r.language == "en").count(), 1);
    assert_eq!(
        kept.iter().find(|r| r.language == "en").unwrap().email,
        None
    );

    app.store.close().await;
    app.db.drop_database().await;
}

async fn only_administrators_read_and_handle_the_reports(backend: Backend) {
    let app = spawn_app(backend, true).await;
    Browser::new(&app)
        .post(
            SEND,
            &[
                ("form[description]", "Skärmläsaren läser inte upp tiderna."),
                ("form[email]", "sam@example.se"),
            ],
        )
        .await;

    // Not signed in, or not an administrator: nothing.
    let res = Browser::new(&app).call(REPORTS, &[]).await;
    assert_eq!(error_of(res).await, AppError::Unauthorized);
    let sanna = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    assert_eq!(
        error_of(sanna.call(REPORTS, &[]).await).await,
        AppError::Forbidden
    );
    let manager = people::staff(&app, "chef.stockholm-city@tidbok.example").await;
    assert_eq!(
        error_of(manager.call(REPORTS, &[]).await).await,
        AppError::Forbidden
    );
    let mark = "/api/personal/admin/tillganglighet/klar";
    let id = app
        .store
        .accessibility_reports(10)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.email.as_deref() == Some("sam@example.se"))
        .expect("the report is kept")
        .id;
    let res = sanna.call(mark, &[("id", id.to_string())]).await;
    assert_eq!(error_of(res).await, AppError::Forbidden);

    // The administrator reads it, with the address to answer, and marks it handled.
    let admin = people::staff(&app, "admin@tidbok.example").await;
    let view: AccessibilityReportsView = admin.call(REPORTS, &[]).await.json().await.unwrap();
    let waiting = view.waiting.len();
    assert!(view
        .waiting
        .iter()
        .any(|r| r.id == id && r.email.as_deref() == Some("sam@example.se")));
    let (_, page) = admin.get("/personal/admin/tillganglighet").await;
    assert!(page.contains("Skärmläsaren läser inte upp tiderna."));
    assert!(page.contains("mailto:sam@example.se"));
    assert!(
        page.contains("Tillgänglighetsrapporter"),
        "in the administrator's menu"
    );
    let (status, to) = admin.post(mark, &[("id", &id.to_string())]).await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/personal/admin/tillganglighet")
    );
    let (_, page) = admin.get("/personal/admin/tillganglighet").await;
    assert!(page.contains("Rapporten är markerad som hanterad."));
    let view: AccessibilityReportsView = admin.call(REPORTS, &[]).await.json().await.unwrap();
    assert_eq!(view.waiting.len(), waiting - 1);
    assert!(view.handled.iter().any(|r| r.id == id));
    assert!(
        page.contains("av Alex Administratör"),
        "who handled it: {page}"
    );
    // Twice is not found: it is no longer waiting.
    let res = admin.call(mark, &[("id", id.to_string())]).await;
    assert_eq!(error_of(res).await, AppError::NotFound);

    app.store.close().await;
    app.db.drop_database().await;
}
