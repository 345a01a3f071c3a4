//! Keeping counsellors over HTTP, on both databases: an administrator creates a counsellor,
//! who sets their own password with the emailed one-time link and signs in, and is offered
//! to job seekers at once; every role is allowed or refused as the rules say; deactivation
//! lists the meetings in the way and ends the account's session; every change is in the
//! audit trail. (Accounts and roles: `accounts_http`.)

use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend, TestApp,
};
use app::{
    domain::field_error::FieldError,
    error::AppError,
    views::admin::{AccountsView, CounsellorEditView, CounsellorsView, PasswordLinkView},
};
use chrono::{Duration, Utc};

on_both_backends!(
    a_new_counsellor_sets_their_password_with_the_link_and_is_offered,
    each_role_keeps_only_what_it_may,
    a_deactivated_counsellor_lists_their_meetings_and_is_signed_out,
);

pub(crate) const ADMIN: &str = "admin@tidbok.example";
pub(crate) const SAVE: &str = "/api/personal/admin/handlaggare/spara";
pub(crate) const SHOW: &str = "/api/personal/admin/handlaggare/visa";
pub(crate) const SANNA: &str = "sanna.lindqvist@tidbok.example";

/// The counsellor form's fields, as the page posts them.
pub(crate) fn counsellor_form(email: &str, office: i64) -> Vec<(&'static str, String)> {
    vec![
        ("form[first_name]", "Nora".into()),
        ("form[last_name]", "Berg".into()),
        ("form[title]", "Arbetsförmedlare".into()),
        ("form[title_en]", String::new()),
        ("form[phone]", "010-201 09 99".into()),
        ("form[email]", email.into()),
        ("form[office]", office.to_string()),
        ("form[fields][]", "data-it".into()),
        ("form[fields][]", "bygg-anlaggning".into()),
        ("form[languages][]", "sv".into()),
        ("form[languages][]", "fa".into()),
        ("form[channels][]", "phone".into()),
        ("form[channels][]", "video".into()),
        ("form[serves_employers]", "ja".into()),
    ]
}

/// Posts a form without JavaScript; the status and where it leads.
pub(crate) async fn post(
    browser: &Browser<'_>,
    path: &str,
    fields: &[(&str, String)],
) -> (u16, String) {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.post(path, &fields).await
}

pub(crate) async fn office_of(app: &TestApp, code: &str) -> i64 {
    app.store
        .office_id_by_code(code)
        .await
        .unwrap()
        .expect("a demo office")
}

/// The link in an email's text.
pub(crate) fn link_in(text: &str) -> String {
    let at = text
        .find("/personal/losenord/")
        .expect("the email holds the link");
    text[at..].split_whitespace().next().unwrap().to_owned()
}

async fn a_new_counsellor_sets_their_password_with_the_link_and_is_offered(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let admin = people::staff(&app, ADMIN).await;
    let goteborg = office_of(&app, "goteborg-centrum").await;
    let email = "nora.berg@tidbok.example";

    // A mistyped form comes back with what was typed and a message per field.
    let mut bad = counsellor_form("nora.berg@", goteborg);
    bad.retain(|(k, _)| *k != "form[channels][]");
    let (status, to) = post(&admin, SAVE, &bad).await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/personal/admin/handlaggare/ny#formular")
    );
    let back: CounsellorEditView = admin.call(SHOW, &[]).await.json().await.unwrap();
    assert!(matches!(
        back.errors.get("email"),
        Some(FieldError::Contact(_))
    ));
    assert_eq!(back.errors.get("channels"), Some(&FieldError::Required));
    assert_eq!(back.form.email, "nora.berg@");
    assert_eq!(back.form.languages, vec!["sv", "fa"]);

    // Created: the page of the new counsellor, with its notice.
    let (status, to) = post(&admin, SAVE, &counsellor_form(email, goteborg)).await;
    assert_eq!(status, 302);
    let id: i64 = to
        .strip_prefix("/personal/admin/handlaggare/")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("sent to {to}"));
    let (status, html) = admin.get(&to).await;
    assert_eq!(status, 200);
    assert!(html.contains("Handläggaren är skapad"), "{html}");
    assert!(html.contains("Nora Berg"));
    // Offered to job seekers straight away, with what they know and how they meet.
    let offered = app.store.list_counsellors().await.unwrap();
    let nora = offered
        .iter()
        .find(|c| c.id == id)
        .expect("Nora can be booked");
    assert_eq!(nora.office_id, goteborg);
    assert_eq!(nora.fields, vec!["bygg-anlaggning", "data-it"]);
    // The same address again is refused next to the field, among counsellors or accounts.
    let (status, _) = post(&admin, SAVE, &counsellor_form(email, goteborg)).await;
    assert_eq!(status, 302);
    let again: CounsellorEditView = admin.call(SHOW, &[]).await.json().await.unwrap();
    assert_eq!(again.errors.get("email"), Some(&FieldError::EmailInUse));
    let (status, _) = post(&admin, SAVE, &counsellor_form(ADMIN, goteborg)).await;
    assert_eq!(status, 302);
    let taken: CounsellorEditView = admin.call(SHOW, &[]).await.json().await.unwrap();
    assert_eq!(taken.errors.get("email"), Some(&FieldError::EmailInUse));

    // Nobody knows the password yet: the account cannot sign in.
    let nora_browser = Browser::new(&app);
    let (_, to) = nora_browser
        .post(
            "/api/personal/logga-in",
            &[
                ("email", email),
                ("password", app::ssr::seed::DEMO_STAFF_PASSWORD),
            ],
        )
        .await;
    assert!(to.starts_with("/personal/logga-in"), "{to}");

    // The link arrives by email, and its page greets Nora.
    let text = app.email_to(email, "/personal/losenord/").await;
    assert!(text.starts_with("Hej Nora!"), "{text}");
    let link = link_in(&text);
    let path = &link[link.find("/personal/").unwrap()..];
    let secret = path.rsplit('/').next().unwrap().to_owned();
    let (status, html) = nora_browser.get(path).await;
    assert_eq!(status, 200);
    assert!(html.replace("<!>", "").contains("Hej Nora!"), "{html}");
    assert!(html.contains("no-referrer"));
    // Her own name is too easy to guess: refused, and the link still works.
    let (status, to) = nora_browser
        .post(
            "/api/personal/losenord/spara",
            &[("secret", &secret), ("password", "noraberg2026!")],
        )
        .await;
    assert_eq!((status, to.as_str()), (302, path));
    let view: PasswordLinkView = nora_browser
        .call("/api/personal/losenord/visa", &[("secret", secret.clone())])
        .await
        .json()
        .await
        .unwrap();
    match view {
        PasswordLinkView::Usable { errors, .. } => {
            assert_eq!(errors.get("password"), Some(&FieldError::PasswordGuessable))
        }
        other => panic!("{other:?}"),
    }
    let password = "blå hästar dansar i gryningen";
    nora_browser
        .post_to(
            "/api/personal/losenord/spara",
            &[("secret", &secret), ("password", password)],
            "/personal/logga-in?losenord=1",
        )
        .await;
    // She signs in with it; the link is spent.
    nora_browser
        .post_to(
            "/api/personal/logga-in",
            &[("email", email), ("password", password)],
            "/personal/kalender",
        )
        .await;
    let (status, html) = nora_browser.get("/personal/kalender").await;
    assert_eq!(status, 200);
    assert!(html.contains("Nora"));
    let (_, html) = Browser::new(&app).get(path).await;
    assert!(html.contains("Länken fungerar inte längre"), "{html}");
    // A made-up secret reads the same, and says nothing about any account.
    let (_, html) = Browser::new(&app)
        .get(&format!("/personal/losenord/{}", "ab".repeat(32)))
        .await;
    assert!(html.contains("Länken fungerar inte längre"));

    // A new link replaces the old; the administrator's list says when she last signed in.
    let accounts: AccountsView = admin
        .call("/api/personal/admin/konton", &[])
        .await
        .json()
        .await
        .unwrap();
    let account = accounts.accounts.iter().find(|a| a.email == email).unwrap();
    assert!(account.last_sign_in.is_some());
    assert!(!account.link_waiting);
    let (status, _) = post(
        &admin,
        "/api/personal/admin/konton/lank",
        &[("id", account.id.to_string())],
    )
    .await;
    assert_eq!(status, 302);
    let accounts: AccountsView = admin
        .call("/api/personal/admin/konton", &[])
        .await
        .json()
        .await
        .unwrap();
    assert!(accounts
        .accounts
        .iter()
        .any(|a| a.email == email && a.link_waiting));

    let audit = app
        .store
        .audit_entries(Some("counsellor.create"), 10)
        .await
        .unwrap();
    let created = audit
        .iter()
        .find(|a| a.subject == format!("counsellor:{id}"))
        .expect("in the audit trail");
    assert!(created.after.contains("Nora Berg"));
    assert_eq!(
        app.store
            .audit_entries(Some("account.password_link"), 10)
            .await
            .unwrap()
            .len(),
        1
    );
    app.store.close().await;
    app.db.drop_database().await;
}

async fn each_role_keeps_only_what_it_may(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let stockholm = office_of(&app, "stockholm-city").await;
    let malmo = office_of(&app, "malmo-centrum").await;
    let (sanna, _) = people::counsellor(&app, SANNA).await;
    let list = "/api/personal/admin/handlaggare";
    let changes = || async {
        app.store
            .audit_entries(None, 1000)
            .await
            .unwrap()
            .into_iter()
            .filter(|a| a.action.starts_with("counsellor.") || a.action.starts_with("account."))
            .count()
    };
    let before = changes().await;

    // The Stockholm manager keeps Stockholm's counsellors: sees only them, creates there,
    // and cannot place anyone at another office or open another office's counsellor.
    let manager = people::staff(&app, "chef.stockholm-city@tidbok.example").await;
    let view: CounsellorsView = manager.call(list, &[]).await.json().await.unwrap();
    assert!(!view.counsellors.is_empty());
    assert!(view.office.is_some());
    let all: CounsellorsView = people::staff(&app, ADMIN)
        .await
        .call(list, &[])
        .await
        .json()
        .await
        .unwrap();
    assert!(all.counsellors.len() > view.counsellors.len());
    let res = manager
        .call(SAVE, &counsellor_form("ny.malmo@tidbok.example", malmo))
        .await;
    assert_eq!(
        error_of(res).await,
        AppError::Validation([("office".to_owned(), FieldError::Choice)].into())
    );
    let res = manager
        .call(SAVE, &counsellor_form("ny.sthlm@tidbok.example", stockholm))
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let malmo_manager = people::staff(&app, "chef.malmo-centrum@tidbok.example").await;
    assert_eq!(
        error_of(malmo_manager.call(SHOW, &[("id", sanna.to_string())]).await).await,
        AppError::Forbidden
    );
    let mut edit = counsellor_form(SANNA, malmo);
    edit.push(("id", sanna.to_string()));
    assert_eq!(
        error_of(malmo_manager.call(SAVE, &edit).await).await,
        AppError::Forbidden
    );
    // Accounts and roles are the administrator's alone.
    for who in [&manager, &malmo_manager] {
        assert_eq!(
            error_of(who.call("/api/personal/admin/konton", &[]).await).await,
            AppError::Forbidden
        );
        assert_eq!(
            error_of(
                who.call("/api/personal/admin/konton/lank", &[("id", "1".into())])
                    .await
            )
            .await,
            AppError::Forbidden
        );
    }

    // A counsellor keeps no one; job seekers and the signed-out get no further.
    let counsellor = people::staff(&app, SANNA).await;
    let seeker = {
        people::register(&app.store, 61, &["underskoterska"], None, Utc::now()).await;
        people::sign_in(&app, 61, "/mina-sidor").await
    };
    let anonymous = Browser::new(&app);
    for (path, fields) in [
        (list, vec![]),
        (SHOW, vec![("id", sanna.to_string())]),
        (SAVE, counsellor_form("x.y@tidbok.example", stockholm)),
        (
            "/api/personal/admin/handlaggare/aktiv",
            vec![
                ("id", sanna.to_string()),
                ("aktiv", "nej".into()),
                ("version", "1".into()),
            ],
        ),
        ("/api/personal/admin/konton", vec![]),
        ("/api/personal/admin/konton/visa", vec![("id", "1".into())]),
        (
            "/api/personal/admin/konton/spara",
            vec![
                ("id", "1".into()),
                ("form[role]", "admin".into()),
                ("form[version]", "1".into()),
            ],
        ),
        (
            "/api/personal/admin/konton/aktiv",
            vec![
                ("id", "1".into()),
                ("aktiv", "nej".into()),
                ("version", "1".into()),
            ],
        ),
    ] {
        assert_eq!(
            error_of(counsellor.call(path, &fields).await).await,
            AppError::Forbidden,
            "{path}"
        );
        for outsider in [&seeker, &anonymous] {
            assert_eq!(
                error_of(outsider.call(path, &fields).await).await,
                AppError::Unauthorized,
                "{path}"
            );
        }
    }
    // Nothing was changed by any of them: only the Stockholm manager's counsellor is new.
    assert_eq!(changes().await, before + 1);
    app.store.close().await;
    app.db.drop_database().await;
}

async fn a_deactivated_counsellor_lists_their_meetings_and_is_signed_out(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let admin = people::staff(&app, ADMIN).await;
    let (sanna, office) = people::counsellor(&app, SANNA).await;
    let seeker = people::register(&app.store, 71, &["underskoterska"], None, Utc::now()).await;
    let meeting =
        people::phone_meeting(&app.store, seeker, sanna, Utc::now() + Duration::days(40)).await;
    let sanna_browser = people::staff(&app, SANNA).await;

    let drawn: CounsellorEditView = admin
        .call(SHOW, &[("id", sanna.to_string())])
        .await
        .json()
        .await
        .unwrap();
    assert!(drawn.active);
    assert!(
        drawn
            .booked
            .iter()
            .any(|m| m.href.contains(&format!("mote={meeting}"))),
        "{:?}",
        drawn.booked
    );
    let (_, html) = admin
        .get(&format!("/personal/admin/handlaggare/{sanna}"))
        .await;
    assert!(html.contains("Flytta dem till en kollega först"), "{html}");

    let (status, to) = post(
        &admin,
        "/api/personal/admin/handlaggare/aktiv",
        &[
            ("id", sanna.to_string()),
            ("aktiv", "nej".into()),
            ("version", drawn.form.version.clone()),
        ],
    )
    .await;
    assert_eq!(
        (status, to.clone()),
        (302, format!("/personal/admin/handlaggare/{sanna}"))
    );
    // No longer offered, no longer signed in; still in the office's calendar while a meeting
    // is booked with her, and her history stays.
    assert!(app
        .store
        .list_counsellors()
        .await
        .unwrap()
        .iter()
        .all(|c| c.id != sanna));
    assert!(app
        .store
        .office_counsellors(office)
        .await
        .unwrap()
        .iter()
        .any(|c| c.id == sanna));
    let (status, to) = sanna_browser.get_location("/personal/kalender").await;
    assert_eq!(status, 302, "her session ends");
    assert!(to.starts_with("/personal/logga-in"), "{to}");
    assert!(app.store.booking(meeting).await.unwrap().is_some());
    let list: CounsellorsView = admin
        .call("/api/personal/admin/handlaggare", &[])
        .await
        .json()
        .await
        .unwrap();
    let row = list.counsellors.iter().find(|c| c.id == sanna).unwrap();
    assert!(!row.active);
    assert_eq!(row.booked_ahead as usize, drawn.booked.len());
    let audit = app
        .store
        .audit_entries(Some("counsellor.deactivate"), 10)
        .await
        .unwrap();
    let hers = audit
        .iter()
        .find(|a| a.subject == format!("counsellor:{sanna}"))
        .expect("in the audit trail");
    assert_eq!(
        (hers.before.as_str(), hers.after.as_str()),
        ("aktiv", "avslutad")
    );
    app.store.close().await;
    app.db.drop_database().await;
}
