//! The store's contract for keeping people, the same on SQLite and PostgreSQL: a counsellor
//! is created with their account, link, email and audit line all or nothing; versions refuse
//! a stale change; a one-time link works once, before it expires and only while it is the
//! newest; the last administrator stays whatever the order of changes.

use crate::support::{self, Backend};
use app::{
    domain::{
        admin::{accounts::AccountChange, counsellor::CounsellorDraft, Version},
        choices::LanguageCode,
        staff::Role,
        Channel, Email, FieldCode, PhoneNumber, Rule,
    },
    ssr::{
        secret::SecretToken,
        services::people::new_link,
        store::{AuditEntry, NewLink, Store, StoreError},
    },
};
use chrono::{Duration, Utc};

on_both_backends!(
    a_counsellor_comes_with_account_link_email_and_audit_or_not_at_all,
    a_change_names_the_version_it_was_drawn_from,
    a_link_works_once_before_it_expires_and_while_it_is_the_newest,
);

fn draft(email: &str, office: i64) -> CounsellorDraft {
    CounsellorDraft {
        first_name: "Nora".into(),
        last_name: "Berg".into(),
        title: "Arbetsförmedlare".into(),
        title_en: String::new(),
        phone: PhoneNumber::parse("010-201 09 99").unwrap(),
        email: Email::parse(email).unwrap(),
        office_id: office,
        fields: vec![FieldCode::parse("naturbruk").unwrap()],
        languages: vec![LanguageCode::Sv, LanguageCode::So],
        channels: vec![Channel::Video],
        serves_employers: true,
        version: None,
    }
}

fn audit(by: i64, action: &'static str) -> AuditEntry {
    AuditEntry {
        staff_id: by,
        action,
        subject: String::new(),
        before: String::new(),
        after: "efter".into(),
    }
}

async fn admin(store: &Store) -> i64 {
    store
        .list_staff()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.member.role == Role::Admin)
        .unwrap()
        .member
        .id
}

async fn count(db: &support::TestDb, sql: &str) -> i64 {
    support::query_one::<(i64,)>(db, sql, 0).await.0
}

async fn a_counsellor_comes_with_account_link_email_and_audit_or_not_at_all(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let by = admin(&store).await;
    let office = store.office_id_by_code("umea").await.unwrap().unwrap();
    let now = Utc::now();
    let link = new_link(now);
    let (id, staff) = store
        .create_counsellor(
            &draft("nora.berg@tidbok.example", office),
            "$argon2id$x",
            &link,
            &audit(by, "counsellor.create"),
            now,
        )
        .await
        .unwrap();
    let row = store.admin_counsellor(id, now).await.unwrap().unwrap();
    assert_eq!(row.staff_id, Some(staff));
    assert!(row.active && row.serves_employers);
    assert_eq!(row.languages, vec!["so", "sv"]);
    assert_eq!(
        row.to_draft().unwrap().summary(),
        draft("nora.berg@tidbok.example", office).summary()
    );
    let account = store.admin_account(staff, now).await.unwrap().unwrap();
    assert_eq!(
        (account.role(), account.office_id, account.link_waiting),
        (Some(Role::Counsellor), Some(office), true)
    );
    let message = store
        .staff_link_message(
            count(
                &db,
                "SELECT MAX(id) FROM outbox WHERE staff_id IS NOT NULL AND $1 = 0",
            )
            .await,
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(message.secret.as_deref(), Some(link.secret.as_str()));
    assert_eq!(
        store
            .audit_entries(Some("counsellor.create"), 5)
            .await
            .unwrap()[0]
            .subject,
        format!("counsellor:{id}")
    );

    // An address in use by staff (here the administrator's): nothing at all is left behind.
    let before = [
        count(&db, "SELECT COUNT(*) FROM counsellors WHERE $1 = 0").await,
        count(&db, "SELECT COUNT(*) FROM staff WHERE $1 = 0").await,
        count(
            &db,
            "SELECT COUNT(*) FROM staff_password_links WHERE $1 = 0",
        )
        .await,
        count(&db, "SELECT COUNT(*) FROM outbox WHERE $1 = 0").await,
        count(&db, "SELECT COUNT(*) FROM audit_log WHERE $1 = 0").await,
    ];
    let refused = store
        .create_counsellor(
            &draft("admin@tidbok.example", office),
            "$argon2id$x",
            &new_link(now),
            &audit(by, "counsellor.create"),
            now,
        )
        .await;
    assert!(
        matches!(refused, Err(StoreError::Conflict(Rule::StaffEmailTaken))),
        "{refused:?}"
    );
    let after = [
        count(&db, "SELECT COUNT(*) FROM counsellors WHERE $1 = 0").await,
        count(&db, "SELECT COUNT(*) FROM staff WHERE $1 = 0").await,
        count(
            &db,
            "SELECT COUNT(*) FROM staff_password_links WHERE $1 = 0",
        )
        .await,
        count(&db, "SELECT COUNT(*) FROM outbox WHERE $1 = 0").await,
        count(&db, "SELECT COUNT(*) FROM audit_log WHERE $1 = 0").await,
    ];
    assert_eq!(before, after);
    store.close().await;
    db.drop_database().await;
}

async fn a_change_names_the_version_it_was_drawn_from(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let by = admin(&store).await;
    let now = Utc::now();
    let office = store.office_id_by_code("umea").await.unwrap().unwrap();
    let (id, staff) = store
        .create_counsellor(
            &draft("nora.berg@tidbok.example", office),
            "$argon2id$x",
            &new_link(now),
            &audit(by, "c"),
            now,
        )
        .await
        .unwrap();
    let at = |v: i64| CounsellorDraft {
        version: Some(Version::from_stored(v)),
        ..draft("nora.lind@tidbok.example", office)
    };
    store
        .update_counsellor(id, &at(1), &audit(by, "counsellor.update"), now)
        .await
        .unwrap();
    // The account follows the counsellor's new address.
    assert_eq!(
        store
            .admin_account(staff, now)
            .await
            .unwrap()
            .unwrap()
            .email,
        "nora.lind@tidbok.example"
    );
    let stale = store
        .update_counsellor(id, &at(1), &audit(by, "counsellor.update"), now)
        .await;
    assert!(
        matches!(stale, Err(StoreError::Conflict(Rule::EditedMeanwhile))),
        "{stale:?}"
    );
    let gone = store
        .update_counsellor(id + 1000, &at(1), &audit(by, "counsellor.update"), now)
        .await;
    assert!(matches!(gone, Err(StoreError::NotFound)), "{gone:?}");
    assert_eq!(
        store
            .audit_entries(Some("counsellor.update"), 5)
            .await
            .unwrap()
            .len(),
        1,
        "a refusal writes nothing"
    );
    // Deactivating takes the account with it; the version moved again.
    store
        .set_counsellor_active(id, false, Version::from_stored(2), &audit(by, "d"), now)
        .await
        .unwrap();
    assert!(
        !store
            .admin_account(staff, now)
            .await
            .unwrap()
            .unwrap()
            .active
    );
    assert!(store
        .list_counsellors()
        .await
        .unwrap()
        .iter()
        .all(|c| c.id != id));
    assert!(store
        .staff_credentials(&Email::parse("nora.lind@tidbok.example").unwrap())
        .await
        .unwrap()
        .is_none());

    // The last administrator: refused by the database whichever way it is asked.
    let account = store.admin_account(by, now).await.unwrap().unwrap();
    let step_down = AccountChange {
        role: Role::OfficeManager,
        office_id: Some(office),
        version: account.version(),
    };
    let refused = store
        .change_account(by, &step_down, true, &audit(by, "a"), now)
        .await;
    assert!(
        matches!(refused, Err(StoreError::Conflict(Rule::LastAdmin))),
        "{refused:?}"
    );
    let keep_role = AccountChange {
        role: Role::Admin,
        office_id: None,
        version: account.version(),
    };
    let refused = store
        .change_account(by, &keep_role, false, &audit(by, "a"), now)
        .await;
    assert!(
        matches!(refused, Err(StoreError::Conflict(Rule::LastAdmin))),
        "{refused:?}"
    );
    store.close().await;
    db.drop_database().await;
}

async fn a_link_works_once_before_it_expires_and_while_it_is_the_newest(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let by = admin(&store).await;
    let now = Utc::now();
    let office = store.office_id_by_code("umea").await.unwrap().unwrap();
    let first = new_link(now);
    let (_, staff) = store
        .create_counsellor(
            &draft("nora.berg@tidbok.example", office),
            "$argon2id$x",
            &first,
            &audit(by, "c"),
            now,
        )
        .await
        .unwrap();
    let key = |l: &NewLink| SecretToken::parse(&l.secret).unwrap().key();
    let row = store.password_link(&key(&first)).await.unwrap().unwrap();
    assert_eq!((row.staff_id, row.void, row.used_at), (staff, false, None));
    assert!(store
        .password_link(&SecretToken::generate().key())
        .await
        .unwrap()
        .is_none());
    // Expired: refused.
    let late = store
        .use_password_link(row.id, "$argon2id$late", now + Duration::hours(73))
        .await;
    assert!(matches!(late, Err(StoreError::NotFound)), "{late:?}");
    // Replaced by a newer link: the old one is void.
    let second = new_link(now);
    store
        .add_password_link(staff, &second, &audit(by, "l"), now)
        .await
        .unwrap();
    assert!(
        store
            .password_link(&key(&first))
            .await
            .unwrap()
            .unwrap()
            .void
    );
    let old = store.use_password_link(row.id, "$argon2id$old", now).await;
    assert!(matches!(old, Err(StoreError::NotFound)), "{old:?}");
    // The newest works once.
    let newest = store.password_link(&key(&second)).await.unwrap().unwrap();
    assert_eq!(
        store
            .use_password_link(newest.id, "$argon2id$new", now)
            .await
            .unwrap(),
        staff
    );
    let again = store
        .use_password_link(newest.id, "$argon2id$again", now)
        .await;
    assert!(matches!(again, Err(StoreError::NotFound)), "{again:?}");
    let (_, hash) = store
        .staff_credentials(&Email::parse("nora.berg@tidbok.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(hash, "$argon2id$new");
    store.close().await;
    db.drop_database().await;
}
