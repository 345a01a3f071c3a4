//! Employers in the store, against SQLite and PostgreSQL: an organisation and its first user
//! all or nothing, organisation numbers and emails unique, invitations used once before they
//! expire, and needs and drafts that one organisation can never reach in another's.

use crate::support::{Backend, TestDb};
use app::{
    domain::{
        employer::{
            need::{NeedForm, NeedStatus},
            registration::{EmployerForm, InviteForm},
        },
        Rule,
    },
    ssr::{
        secret::SecretToken,
        store::{AcceptedPerson, NewEmployer, NewLink, Store, StoreError},
    },
};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

on_both_backends!(
    an_organisation_and_its_first_user_are_registered_once,
    an_invitation_makes_one_colleague_once_and_only_in_time,
    needs_and_drafts_stay_within_their_organisation,
    someone_trying_an_accounts_details_is_told_at_most_once_a_day,
);

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

fn form(org_number: &str, email: &str) -> EmployerForm {
    EmployerForm {
        org_number: org_number.into(),
        name: "Korvkiosken AB".into(),
        street: "Stora torget 2".into(),
        postcode: "411 17".into(),
        city: "Göteborg".into(),
        municipality: "Göteborg".into(),
        first_name: "Karin".into(),
        last_name: "Berg".into(),
        email: email.into(),
        phone: "031-123 45 67".into(),
    }
}

async fn register(store: &Store, org_number: &str, email: &str) -> Result<(i64, i64), StoreError> {
    let details = form(org_number, email).parse(today()).unwrap();
    store
        .register_employer(&NewEmployer {
            details: &details,
            office_id: None,
            password_hash: HASH.into(),
            now: now(),
        })
        .await
}

async fn fresh(backend: Backend) -> (TestDb, Store) {
    let db = TestDb::new(backend).await;
    let store = db.store().await;
    app::ssr::seed::sync_reference_data(&store).await.unwrap();
    (db, store)
}

fn link(expires_at: DateTime<Utc>) -> (SecretToken, NewLink) {
    let token = SecretToken::generate();
    let link = NewLink {
        token_key: token.key(),
        secret: token.as_str().to_owned(),
        expires_at,
    };
    (token, link)
}

async fn an_organisation_and_its_first_user_are_registered_once(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let (employer, user) = register(&store, "556036-0793", "karin@kiosk.example")
        .await
        .unwrap();
    let row = store.employer(employer).await.unwrap().unwrap();
    assert_eq!(
        (
            row.org_number.as_str(),
            row.org_number_shown().as_str(),
            row.postcode
        ),
        ("5560360793", "556036-0793", 41117)
    );
    let users = store.employer_users(employer).await.unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(
        (users[0].id, users[0].phone.as_str()),
        (user, "+46311234567")
    );
    let email = app::domain::Email::parse("KARIN@kiosk.example").unwrap();
    let credentials = store.employer_credentials(&email).await.unwrap().unwrap();
    assert_eq!(
        (credentials.user_id, credentials.password_hash.as_str()),
        (user, HASH)
    );
    // The same number (written another way) or the same email: refused, nothing written.
    assert!(matches!(
        register(&store, "16556036-0793", "annan@kiosk.example").await,
        Err(StoreError::Conflict(Rule::EmployerOrgNumberTaken))
    ));
    assert!(matches!(
        register(&store, "212000-0142", "karin@kiosk.example").await,
        Err(StoreError::Conflict(Rule::EmployerEmailTaken))
    ));
    let org = form("556036-0793", "x@y.example").parse(today()).unwrap();
    let taken = store.employer_taken(&org.org_number, &email).await.unwrap();
    assert_eq!(
        (taken.org_users.clone(), taken.email_user),
        (vec![user], Some(user))
    );
    assert_eq!(taken.owners(), vec![user]);
    let other = form("212000-0142", "x@y.example").parse(today()).unwrap();
    let free = store
        .employer_taken(&other.org_number, &other.contact.email)
        .await
        .unwrap();
    assert!(!free.any());
    // A sole trader registers with their personal number: twelve digits.
    let (sole, _) = register(&store, "19811218-9876", "ensam@firma.example")
        .await
        .unwrap();
    assert_eq!(
        store.employer(sole).await.unwrap().unwrap().org_number,
        "198112189876"
    );
    store.close().await;
    db.drop_database().await;
}

async fn an_invitation_makes_one_colleague_once_and_only_in_time(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let (employer, karin) = register(&store, "556036-0793", "karin@kiosk.example")
        .await
        .unwrap();
    let (other, stranger) = register(&store, "212000-0142", "ola@annan.example")
        .await
        .unwrap();
    let email = InviteForm {
        email: "ali@kiosk.example".into(),
    }
    .parse()
    .unwrap();
    // Only a user of the organisation invites to it.
    let (_, stray) = link(now() + Duration::days(7));
    assert!(matches!(
        store
            .invite_colleague(employer, stranger, &email, &stray, now())
            .await,
        Err(StoreError::NotFound)
    ));
    let (token, good) = link(now() + Duration::days(7));
    let id = store
        .invite_colleague(employer, karin, &email, &good, now())
        .await
        .unwrap();
    let open = store.open_invitations(employer, now()).await.unwrap();
    assert_eq!(open.iter().map(|i| i.id).collect::<Vec<_>>(), vec![id]);
    assert!(store
        .open_invitations(other, now())
        .await
        .unwrap()
        .is_empty());
    let found = store.invitation(&token.key()).await.unwrap().unwrap();
    assert_eq!(
        (found.employer_id, found.email.as_str()),
        (employer, "ali@kiosk.example")
    );
    // Its email waits in the outbox with the link's secret.
    let (outbox_id,): (i64,) = crate::support::query_one(
        &db,
        "SELECT id FROM outbox WHERE invitation_id = $1 AND event = 'employer_invitation'",
        id,
    )
    .await;
    let message = store.invitation_message(outbox_id).await.unwrap().unwrap();
    assert_eq!(message.secret.as_deref(), Some(token.as_str()));
    assert_eq!(
        (
            message.employer_name.as_str(),
            message.inviter_first_name.as_str()
        ),
        ("Korvkiosken AB", "Karin")
    );
    let person = AcceptedPerson {
        first_name: "Ali",
        last_name: "Demir",
        phone: "+46701112233",
        password_hash: HASH.into(),
    };
    let ali = store.accept_invitation(id, &person, now()).await.unwrap();
    let user = store.employer_user(ali).await.unwrap().unwrap();
    assert_eq!(
        (user.employer_id, user.email.as_str()),
        (employer, "ali@kiosk.example")
    );
    // Once only.
    assert!(matches!(
        store.accept_invitation(id, &person, now()).await,
        Err(StoreError::NotFound)
    ));
    assert!(store
        .open_invitations(employer, now())
        .await
        .unwrap()
        .is_empty());
    // Not after it expires.
    let (_, short) = link(now() + Duration::hours(1));
    let late_email = InviteForm {
        email: "sen@kiosk.example".into(),
    }
    .parse()
    .unwrap();
    let late = store
        .invite_colleague(employer, karin, &late_email, &short, now())
        .await
        .unwrap();
    assert!(matches!(
        store
            .accept_invitation(late, &person, now() + Duration::hours(2))
            .await,
        Err(StoreError::NotFound)
    ));
    // An address that has an account meanwhile: refused by the database, the link unused.
    let (_, again) = link(now() + Duration::days(7));
    let taken = store
        .invite_colleague(employer, karin, &email, &again, now())
        .await
        .unwrap();
    assert!(matches!(
        store.accept_invitation(taken, &person, now()).await,
        Err(StoreError::Conflict(Rule::EmployerEmailTaken))
    ));
    let later = now() + Duration::hours(2);
    assert_eq!(
        store.open_invitations(employer, later).await.unwrap().len(),
        1
    );
    store.close().await;
    db.drop_database().await;
}

fn need_form() -> NeedForm {
    NeedForm {
        headline: "Grillkockar till sommaren".into(),
        occupation: "kock".into(),
        positions: "2".into(),
        employment: "sasong".into(),
        extent: "part".into(),
        municipality: "Göteborg".into(),
        earliest_start: "2027-05-01".into(),
        apply_by: "2027-03-31".into(),
        description: String::new(),
    }
}

async fn needs_and_drafts_stay_within_their_organisation(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let (a, karin) = register(&store, "556036-0793", "karin@kiosk.example")
        .await
        .unwrap();
    let (b, ola) = register(&store, "212000-0142", "ola@annan.example")
        .await
        .unwrap();
    let kock = store.occupations_by_codes(&["kock".into()]).await.unwrap()[0].0;
    // A draft of a new need, saved twice into the same row.
    let typed = serde_json::to_string(&NeedForm {
        headline: "Grill".into(),
        ..NeedForm::default()
    })
    .unwrap();
    let draft = store
        .save_need_draft(a, karin, None, None, &typed, now())
        .await
        .unwrap();
    assert_eq!(
        store
            .save_need_draft(a, karin, Some(draft), None, &typed, now())
            .await
            .unwrap(),
        draft
    );
    // Another organisation's id makes a draft of its own, never writes into this one.
    let theirs = store
        .save_need_draft(b, ola, Some(draft), None, "{}", now())
        .await
        .unwrap();
    assert_ne!(theirs, draft);
    assert!(store
        .need_draft(b, Some(draft), None)
        .await
        .unwrap()
        .is_none());
    assert_eq!(store.need_drafts(a).await.unwrap().len(), 1);
    // Publishing from the draft forgets it.
    let need = need_form().parse(today()).unwrap();
    let id = store
        .add_need(a, karin, &need, kock, Some(draft), now())
        .await
        .unwrap();
    assert!(store.need_drafts(a).await.unwrap().is_empty());
    let row = store.need(a, id).await.unwrap().unwrap();
    assert_eq!(
        (
            row.occupation_code.as_str(),
            row.positions,
            row.status(),
            row.earliest_start
        ),
        (
            "kock",
            2,
            Some(NeedStatus::Open),
            NaiveDate::from_ymd_opt(2027, 5, 1)
        )
    );
    assert_eq!(row.field_code, "hotell-restaurang-storhushall");
    // The other organisation neither reads, changes, drafts nor closes it.
    assert!(store.need(b, id).await.unwrap().is_none());
    assert!(store.needs(b).await.unwrap().is_empty());
    assert!(matches!(
        store.update_need(b, id, &need, kock, now()).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .save_need_draft(b, ola, None, Some(id), "{}", now())
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.close_need(b, id, NeedStatus::Filled, now()).await,
        Err(StoreError::NotFound)
    ));
    // Changes typed to the need: one draft, gone when they are saved.
    let edit = store
        .save_need_draft(a, karin, None, Some(id), "{}", now())
        .await
        .unwrap();
    assert_eq!(
        store
            .save_need_draft(a, karin, None, Some(id), "{}", now())
            .await
            .unwrap(),
        edit
    );
    let changed = app::domain::employer::need::Need {
        positions: 3,
        ..need.clone()
    };
    store
        .update_need(a, id, &changed, kock, now())
        .await
        .unwrap();
    assert!(store.need_drafts(a).await.unwrap().is_empty());
    assert_eq!(store.need(a, id).await.unwrap().unwrap().positions, 3);
    // Closed once, then neither changed nor closed again.
    store
        .close_need(a, id, NeedStatus::Filled, now())
        .await
        .unwrap();
    let closed = store.need(a, id).await.unwrap().unwrap();
    assert_eq!(
        (closed.status(), closed.closed_at),
        (Some(NeedStatus::Filled), Some(now()))
    );
    assert!(matches!(
        store.close_need(a, id, NeedStatus::Withdrawn, now()).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.update_need(a, id, &need, kock, now()).await,
        Err(StoreError::NotFound)
    ));
    // The database keeps the last day to apply before the start, whatever the code does.
    let backwards = app::domain::employer::need::Need {
        apply_by: NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
        ..need
    };
    assert!(store
        .add_need(a, karin, &backwards, kock, None, now())
        .await
        .is_err());
    store.close().await;
    db.drop_database().await;
}

async fn someone_trying_an_accounts_details_is_told_at_most_once_a_day(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let (_, karin) = register(&store, "556036-0793", "karin@kiosk.example")
        .await
        .unwrap();
    assert!(store
        .enqueue_employer_attempt_message(karin, now())
        .await
        .unwrap());
    assert!(!store
        .enqueue_employer_attempt_message(karin, now() + Duration::hours(3))
        .await
        .unwrap());
    assert!(store
        .enqueue_employer_attempt_message(karin, now() + Duration::days(2))
        .await
        .unwrap());
    store.close().await;
    db.drop_database().await;
}
