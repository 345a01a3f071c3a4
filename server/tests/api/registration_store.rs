//! Registration in the store and its service, against SQLite and PostgreSQL: drafts, the
//! all-or-nothing registration, duplicates refused by the database, and signing in.

use crate::support::{self, Backend, TestDb};
use app::domain::field_error::FieldError;
use app::domain::registration::{
    AboutForm, EducationEntryForm, EducationForm, ExperienceEntryForm, ExperienceForm,
    LanguageEntryForm, RegistrationDraft, Step, WishesForm,
};
use app::domain::Rule;
use app::ssr::{
    services::{
        passwords,
        registration::{self as reg, DraftToken, RegisterError},
    },
    store::{Store, StoreError},
};
use chrono::{Duration, TimeZone, Utc};

on_both_backends!(
    a_draft_is_found_again_by_its_token_and_only_while_fresh,
    old_drafts_are_swept_and_new_ones_kept,
    a_complete_registration_creates_seeker_profile_and_account,
    a_second_registration_with_the_same_number_or_email_is_refused,
    an_incomplete_or_weak_registration_creates_nothing,
    simultaneous_saves_of_one_draft_lose_nothing,
);

async fn fresh(backend: Backend) -> (TestDb, Store) {
    support::seeded(backend).await
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

fn draft(pnr: &str, email: &str) -> RegistrationDraft {
    RegistrationDraft {
        about: AboutForm {
            first_name: "Leila".into(),
            last_name: "Ahmadi".into(),
            personal_number: pnr.into(),
            email: email.into(),
            phone: "070-123 45 67".into(),
            postcode: "413 19".into(),
            preferred_language: "sv".into(),
            interpreter: "ja".into(),
            interpreter_language: "fa".into(),
            accessibility_needs: "Rullstol".into(),
        },
        experience: ExperienceForm {
            entries: vec![
                ExperienceEntryForm {
                    employer: "Sahlgrenska".into(),
                    occupation: "undersköterska".into(),
                    from: "2015-03".into(),
                    to: "2024-10".into(),
                    description: "Medicinavdelning".into(),
                },
                ExperienceEntryForm {
                    employer: "Eget café".into(),
                    occupation: "Kafébiträde och bagare".into(),
                    from: "2012-01".into(),
                    to: "2014-12".into(),
                    description: String::new(),
                },
            ],
        },
        education: EducationForm {
            entries: vec![EducationEntryForm {
                level: "gymnasium".into(),
                field: "Vård och omsorg".into(),
                school: "Burgårdens gymnasium".into(),
                year: "2014".into(),
            }],
            languages: vec![LanguageEntryForm {
                language: "fa".into(),
                level: "modersmal".into(),
            }],
            licences: vec!["B".into()],
            other_skills: "Truckkort".into(),
        },
        wishes: WishesForm {
            occupations: vec!["underskoterska".into()],
            regions: vec!["vastra-gotaland".into()],
            extent: "full".into(),
            earliest_start: String::new(),
            situation: "uppsagd".into(),
        },
        ..Default::default()
    }
}

async fn a_draft_is_found_again_by_its_token_and_only_while_fresh(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let token = DraftToken::generate();
    let mut d = draft("811218-9876", "leila@example.se");
    d.mark_submitted(Step::About);
    reg::save_draft(&store, &token, &d, now()).await.unwrap();
    assert_eq!(
        reg::load_draft(&store, Some(&token), now()).await.unwrap(),
        d
    );
    // Another browser's token finds nothing; neither does no token.
    let other = DraftToken::generate();
    assert_eq!(
        reg::load_draft(&store, Some(&other), now()).await.unwrap(),
        RegistrationDraft::default()
    );
    // Saving again replaces it and renews it.
    d.about.first_name = "Leyla".into();
    let later = now() + Duration::days(20);
    reg::save_draft(&store, &token, &d, later).await.unwrap();
    assert_eq!(
        reg::load_draft(&store, Some(&token), later + Duration::days(29))
            .await
            .unwrap()
            .about
            .first_name,
        "Leyla"
    );
    // 30 days after the last save it is gone, even before the sweep.
    assert_eq!(
        reg::load_draft(&store, Some(&token), later + Duration::days(31))
            .await
            .unwrap(),
        RegistrationDraft::default()
    );
    db.drop_database().await;
}

async fn simultaneous_saves_of_one_draft_lose_nothing(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let token = DraftToken::generate();
    // Twelve saves at once (as a background save and "next" can be), each adding its own
    // entry: every one of them is in the draft afterwards.
    let saves = (0..12).map(|i| {
        let store = store.clone();
        let token = token.clone();
        tokio::spawn(async move {
            reg::update_draft(&store, &token.key(), now(), |draft| {
                draft.experience.entries.push(ExperienceEntryForm {
                    employer: format!("Arbetsgivare {i}"),
                    ..Default::default()
                });
            })
            .await
        })
    });
    for save in saves.collect::<Vec<_>>() {
        save.await.unwrap().expect("the save goes through");
    }
    let draft = reg::load_draft(&store, Some(&token), now()).await.unwrap();
    let mut employers: Vec<String> = draft
        .experience
        .entries
        .iter()
        .map(|e| e.employer.clone())
        .collect();
    employers.sort();
    let mut expected: Vec<String> = (0..12).map(|i| format!("Arbetsgivare {i}")).collect();
    expected.sort();
    assert_eq!(employers, expected);
    store.close().await;
    db.drop_database().await;
}

async fn old_drafts_are_swept_and_new_ones_kept(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let (old, new) = (DraftToken::generate(), DraftToken::generate());
    let d = draft("", "");
    reg::save_draft(&store, &old, &d, now() - Duration::days(31))
        .await
        .unwrap();
    reg::save_draft(&store, &new, &d, now() - Duration::days(7))
        .await
        .unwrap();
    assert_eq!(reg::sweep_drafts(&store, now()).await.unwrap(), 1);
    assert_eq!(reg::load_draft(&store, Some(&new), now()).await.unwrap(), d);
    assert_eq!(reg::sweep_drafts(&store, now()).await.unwrap(), 0);
    db.drop_database().await;
}

async fn a_complete_registration_creates_seeker_profile_and_account(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let d = draft("811218-9876", "Leila@Example.se");
    let id = reg::register(&store, &d, "ett långt lösenord", now())
        .await
        .unwrap();
    assert_eq!(
        store.count_seekers().await.unwrap(),
        support::DEMO_SEEKERS + 1
    );
    let name = store.seeker_name(id).await.unwrap().unwrap();
    assert_eq!(
        (name.first_name.as_str(), name.last_name.as_str()),
        ("Leila", "Ahmadi")
    );
    // Signing in finds the account by the normalised email, and the hash checks out.
    let email = app::domain::Email::parse("leila@example.se").unwrap();
    let creds = store.seeker_credentials(&email).await.unwrap().unwrap();
    assert_eq!(creds.seeker_id, id);
    assert!(creds.password_hash.starts_with("$argon2id$"));
    assert!(passwords::verify(
        "ett långt lösenord".into(),
        Some(creds.password_hash.clone())
    )
    .await
    .unwrap());
    assert!(
        !passwords::verify("fel lösenord här".into(), Some(creds.password_hash))
            .await
            .unwrap()
    );
    // The profile's parts are where the counsellor will look for them.
    let row: (String, Option<String>, String, Option<i64>) = support::query_one(
        &db,
        "SELECT s.personal_number, s.interpreter_language, s.phone, s.home_office_id FROM seekers s WHERE s.id = $1",
        id,
    )
    .await;
    assert_eq!(row.0, "198112189876");
    assert_eq!(row.1.as_deref(), Some("fa"));
    assert_eq!(row.2, "+46701234567");
    let goteborg: (i64,) = support::query_one(
        &db,
        "SELECT id FROM offices WHERE code = 'goteborg-centrum' AND $1 > 0",
        1,
    )
    .await;
    assert_eq!(row.3, Some(goteborg.0), "413 19 is in Göteborg");
    let linked: (i64,) = support::query_one(
        &db,
        "SELECT COUNT(*) FROM seeker_experiences WHERE seeker_id = $1 AND occupation_id IS NOT NULL",
        id,
    )
    .await;
    assert_eq!(
        linked.0, 1,
        "the taxonomy name is linked, the free text is kept as text"
    );
    let desired: (i64,) = support::query_one(
        &db,
        "SELECT COUNT(*) FROM seeker_desired_occupations WHERE seeker_id = $1",
        id,
    )
    .await;
    assert_eq!(desired.0, 1);
    db.drop_database().await;
}

async fn a_second_registration_with_the_same_number_or_email_is_refused(backend: Backend) {
    let (db, store) = fresh(backend).await;
    reg::register(
        &store,
        &draft("811218-9876", "leila@example.se"),
        "ett långt lösenord",
        now(),
    )
    .await
    .unwrap();
    let same_number = draft("19811218-9876", "annan@example.se");
    assert!(matches!(
        reg::register(&store, &same_number, "ett långt lösenord", now()).await,
        Err(RegisterError::NotCreated)
    ));
    let same_email = draft("19121212-1212", "LEILA@example.se");
    assert!(matches!(
        reg::register(&store, &same_email, "ett långt lösenord", now()).await,
        Err(RegisterError::NotCreated)
    ));
    // The owner hears of it once a day however often it is tried; a day later, again.
    let owner = store
        .registered(
            None,
            Some(&app::domain::Email::parse("leila@example.se").unwrap()),
        )
        .await
        .unwrap()
        .email
        .expect("Leila is registered");
    assert_eq!(store.account_messages(owner).await.unwrap().len(), 1);
    let later = now() + chrono::Duration::hours(25);
    assert!(matches!(
        reg::register(&store, &same_email, "ett långt lösenord", later).await,
        Err(RegisterError::NotCreated)
    ));
    assert_eq!(store.account_messages(owner).await.unwrap().len(), 2);
    // The database refuses it too, for a writer that skipped the check (or lost a race).
    let today = reg::today(now());
    let registration = same_email.parse(today).unwrap();
    let err = store
        .register_seeker(&app::ssr::store::NewSeeker {
            registration: &RegistrationDraft {
                about: AboutForm {
                    email: "leila@example.se".into(),
                    ..same_email.about.clone()
                },
                ..same_email.clone()
            }
            .parse(today)
            .unwrap(),
            experience_occupations: vec![None; registration.experience.len()],
            desired_occupations: vec![],
            home_office_id: None,
            sign_in: app::ssr::store::SignIn::Password(
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
            ),
            now: now(),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Conflict(Rule::SeekerEmailTaken)),
        "{err:?}"
    );
    assert_eq!(
        store.count_seekers().await.unwrap(),
        support::DEMO_SEEKERS + 1
    );
    db.drop_database().await;
}

async fn an_incomplete_or_weak_registration_creates_nothing(backend: Backend) {
    let (db, store) = fresh(backend).await;
    let mut d = draft("811218-9876", "leila@example.se");
    assert!(matches!(
        reg::register(&store, &d, "kort", now()).await,
        Err(RegisterError::Password(FieldError::PasswordTooShort))
    ));
    d.wishes.situation.clear();
    match reg::register(&store, &d, "ett långt lösenord", now()).await {
        Err(RegisterError::Incomplete(steps)) => {
            assert_eq!(
                steps.keys().copied().collect::<Vec<_>>(),
                vec![Step::Wishes]
            );
            assert_eq!(steps[&Step::Wishes]["situation"], FieldError::Required);
        }
        other => panic!("expected incomplete, got {other:?}"),
    }
    d.wishes.situation = "uppsagd".into();
    d.wishes.occupations = vec!["finns-inte".into()];
    assert!(matches!(
        reg::register(&store, &d, "ett långt lösenord", now()).await,
        Err(RegisterError::Incomplete(_))
    ));
    assert_eq!(store.count_seekers().await.unwrap(), support::DEMO_SEEKERS);
    db.drop_database().await;
}
