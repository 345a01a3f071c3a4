//! Staff accounts over HTTP, on both databases: an administrator adds an office manager,
//! who sets a password with the emailed link and keeps their office's counsellors but no
//! accounts; the last administrator stays (and the page says why); a form drawn from an
//! older version is refused, never merged; every change is in the audit trail.

use crate::admin_http::{counsellor_form, link_in, office_of, post, ADMIN, SANNA, SAVE, SHOW};
use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend,
};
use app::{
    domain::{field_error::FieldError, Rule},
    error::AppError,
    views::admin::{AccountEditView, AccountsView, CounsellorEditView, CounsellorsView},
};
use chrono::Utc;

on_both_backends!(
    the_last_administrator_stays_and_edits_do_not_overwrite_each_other,
    an_administrator_adds_an_office_manager_who_gets_a_link,
    a_new_password_ends_the_sessions_opened_before_it,
);

async fn the_last_administrator_stays_and_edits_do_not_overwrite_each_other(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let admin = people::staff(&app, ADMIN).await;
    let admin_id = people::staff_id(&app, ADMIN).await;
    let stockholm = office_of(&app, "stockholm-city").await;
    let show = |id: i64| vec![("id", id.to_string())];
    let account: AccountEditView = admin
        .call("/api/personal/admin/konton/visa", &show(admin_id))
        .await
        .json()
        .await
        .unwrap();

    // The only administrator can neither step down nor close their account.
    let demote = vec![
        ("id", admin_id.to_string()),
        ("form[role]", "office_manager".into()),
        ("form[office]", stockholm.to_string()),
        ("form[version]", account.form.version.clone()),
    ];
    assert_eq!(
        error_of(
            admin
                .call("/api/personal/admin/konton/spara", &demote)
                .await
        )
        .await,
        AppError::Conflict(Rule::LastAdmin)
    );
    let close = vec![
        ("id", admin_id.to_string()),
        ("aktiv", "nej".into()),
        ("version", account.form.version.clone()),
    ];
    assert_eq!(
        error_of(admin.call("/api/personal/admin/konton/aktiv", &close).await).await,
        AppError::Conflict(Rule::LastAdmin)
    );
    // Without JavaScript the page says why.
    let (status, to) = post(&admin, "/api/personal/admin/konton/aktiv", &close).await;
    assert_eq!(
        (status, to.clone()),
        (302, format!("/personal/admin/konton/{admin_id}"))
    );
    let (_, html) = admin.get(&to).await;
    assert!(html.contains("minst en aktiv administratör"), "{html}");

    // With a second administrator, the first may step down.
    let manager_id = people::staff_id(&app, "chef.umea@tidbok.example").await;
    let manager: AccountEditView = admin
        .call("/api/personal/admin/konton/visa", &show(manager_id))
        .await
        .json()
        .await
        .unwrap();
    let promote = vec![
        ("id", manager_id.to_string()),
        ("form[role]", "admin".into()),
        ("form[office]", String::new()),
        ("form[version]", manager.form.version.clone()),
    ];
    assert!(admin
        .call("/api/personal/admin/konton/spara", &promote)
        .await
        .status()
        .is_success());
    // The same form again, at the version it was drawn from, is refused: it changed since.
    assert_eq!(
        error_of(
            admin
                .call("/api/personal/admin/konton/spara", &promote)
                .await
        )
        .await,
        AppError::Conflict(Rule::EditedMeanwhile)
    );
    let res = admin
        .call("/api/personal/admin/konton/spara", &demote)
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let audit = app
        .store
        .audit_entries(Some("account.update"), 10)
        .await
        .unwrap();
    assert_eq!(audit.len(), 2);
    assert!(audit
        .iter()
        .any(|a| a.before.starts_with("admin") && a.after.starts_with("office_manager")));

    // Two people editing one counsellor: the second save is refused, not merged.
    let (sanna, _) = people::counsellor(&app, SANNA).await;
    let drawn: CounsellorEditView = admin.call(SHOW, &show(sanna)).await.json().await.unwrap();
    let form = |phone: &str| {
        let mut f = counsellor_form(SANNA, stockholm);
        f.retain(|(k, _)| *k != "form[phone]");
        f.push(("form[phone]", phone.into()));
        f.push(("form[version]", drawn.form.version.clone()));
        f.push(("id", sanna.to_string()));
        f
    };
    let other = people::staff(&app, "chef.stockholm-city@tidbok.example").await;
    assert!(other
        .call(SAVE, &form("010-201 01 01"))
        .await
        .status()
        .is_success());
    assert_eq!(
        error_of(admin.call(SAVE, &form("010-201 02 02")).await).await,
        AppError::Conflict(Rule::EditedMeanwhile)
    );
    let now = app
        .store
        .admin_counsellor(sanna, Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.phone, "+46102010101");
    assert_eq!(
        now.first_name, "Nora",
        "the first save changed her name too"
    );
    // What the refused one typed is kept for the page, on the record's current version.
    let kept: CounsellorEditView = admin.call(SHOW, &show(sanna)).await.json().await.unwrap();
    assert_eq!(kept.form.phone, "010-201 02 02");
    assert_ne!(kept.form.version, drawn.form.version);
    app.store.close().await;
    app.db.drop_database().await;
}

async fn an_administrator_adds_an_office_manager_who_gets_a_link(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let admin = people::staff(&app, ADMIN).await;
    let umea = office_of(&app, "umea").await;
    let create = "/api/personal/admin/konton/ny";
    let form = |email: &str, role: &str| {
        vec![
            ("form[first_name]", "Lena".to_owned()),
            ("form[last_name]", "Holm".to_owned()),
            ("form[email]", email.to_owned()),
            ("form[role]", role.to_owned()),
            ("form[office]", umea.to_string()),
        ]
    };
    // Only an administrator creates accounts; a counsellor's needs the counsellor form.
    let manager = people::staff(&app, "chef.umea@tidbok.example").await;
    assert_eq!(
        error_of(
            manager
                .call(create, &form("ny.chef@tidbok.example", "office_manager"))
                .await
        )
        .await,
        AppError::Forbidden
    );
    assert_eq!(
        error_of(
            admin
                .call(create, &form("ny.chef@tidbok.example", "counsellor"))
                .await
        )
        .await,
        AppError::Validation([("role".to_owned(), FieldError::Choice)].into())
    );
    // An address in use comes back next to the field, with what was typed.
    let (status, to) = post(&admin, create, &form(SANNA, "office_manager")).await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/personal/admin/konton#nytt-konto")
    );
    let back: AccountsView = admin
        .call("/api/personal/admin/konton", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(back.errors.get("email"), Some(&FieldError::EmailInUse));
    assert_eq!(back.new_account.first_name, "Lena");

    let email = "lena.holm.ny@tidbok.example";
    let (status, to) = post(&admin, create, &form(email, "office_manager")).await;
    assert_eq!(status, 302);
    assert!(to.starts_with("/personal/admin/konton/"), "{to}");
    let (_, html) = admin.get(&to).await;
    assert!(html.contains("Kontot är skapat"), "{html}");
    let text = app.email_to(email, "/personal/losenord/").await;
    let path = link_in(&text);
    let path = &path[path.find("/personal/").unwrap()..];
    let secret = path.rsplit('/').next().unwrap();
    let lena = Browser::new(&app);
    let password = "norrsken över älven i januari";
    lena.post_to(
        "/api/personal/losenord/spara",
        &[("secret", secret), ("password", password)],
        "/personal/logga-in?losenord=1",
    )
    .await;
    lena.post_to(
        "/api/personal/logga-in",
        &[("email", email), ("password", password)],
        "/personal/kalender",
    )
    .await;
    // She keeps Umeå's counsellors, and no accounts.
    let view: CounsellorsView = lena
        .call("/api/personal/admin/handlaggare", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view.office.as_deref(), Some("Kontor Umeå"));
    assert_eq!(
        error_of(lena.call("/api/personal/admin/konton", &[]).await).await,
        AppError::Forbidden
    );
    assert_eq!(
        app.store
            .audit_entries(Some("account.create"), 10)
            .await
            .unwrap()
            .len(),
        2,
        "the demo's and hers"
    );
    app.store.close().await;
    app.db.drop_database().await;
}

/// A member of staff signed in on two computers sets a new password with a link the
/// administrator sent: both sessions opened with the old password are over (pages send them
/// to sign in, server functions answer 401), and signing in with the new one works.
async fn a_new_password_ends_the_sessions_opened_before_it(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let desk = people::staff(&app, SANNA).await;
    let laptop = people::staff(&app, SANNA).await;
    assert_eq!(desk.get("/personal/kalender").await.0, 200);
    let admin = people::staff(&app, ADMIN).await;
    let id = people::staff_id(&app, SANNA).await;
    admin
        .post_to(
            "/api/personal/admin/konton/lank",
            &[("id", &id.to_string())],
            &format!("/personal/admin/konton/{id}"),
        )
        .await;
    // The link alone changes nothing: both computers are still signed in.
    assert_eq!(laptop.get("/personal/kalender").await.0, 200);
    let text = app.email_to(SANNA, "/personal/losenord/").await;
    let path = link_in(&text);
    let secret = path.rsplit('/').next().unwrap();
    let password = "isflak på sjön i mars månad";
    laptop
        .post_to(
            "/api/personal/losenord/spara",
            &[("secret", secret), ("password", password)],
            "/personal/logga-in?losenord=1",
        )
        .await;
    for browser in [&desk, &laptop] {
        let (status, to) = browser.get_location("/personal/kalender").await;
        assert!(matches!(status, 302 | 303), "{status}");
        assert_eq!(to, "/personal/logga-in?nasta=%2Fpersonal%2Fkalender");
        let res = browser.call("/api/personal/kalender/vecka", &[]).await;
        assert_eq!(error_of(res).await, AppError::Unauthorized);
    }
    // The administrator's own session is untouched.
    assert_eq!(admin.get("/personal/admin/konton").await.0, 200);
    desk.post_to(
        "/api/personal/logga-in",
        &[("email", SANNA), ("password", password)],
        "/personal/kalender",
    )
    .await;
    assert_eq!(desk.get("/personal/kalender").await.0, 200);
    app.db.drop_database().await;
}
