//! The registration workflow: drafts found by a browser's token, duplicates caught early
//! and again by the database, and the account created with its password hashed off the
//! async runtime.

use super::passwords;
use crate::domain::Rule;
use crate::{
    domain::{
        field_error::{FieldError, FieldErrors},
        fold_for_search,
        geo::serving_office,
        notification::AccountEvent,
        registration::{Password, Registration, RegistrationDraft, Step},
        time::in_stockholm,
    },
    error::AppError,
    ssr::store::{NewSeeker, SignIn, Store, StoreError},
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::BTreeMap;

/// Drafts untouched for this long are deleted, and no longer offered before that.
pub const DRAFT_LIFETIME_DAYS: i64 = 30;

/// The random token in a browser's draft cookie; the database knows it by its hash, so
/// someone who can read the database cannot take over a draft.
pub use crate::ssr::secret::SecretToken as DraftToken;

/// Today's date where the service runs: what "in the future" and "born" are measured by.
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    in_stockholm(now).date_naive()
}

/// The browser's draft, or an empty one when there is none (or it has expired).
pub async fn load_draft(
    store: &Store,
    token: Option<&DraftToken>,
    now: DateTime<Utc>,
) -> Result<RegistrationDraft, AppError> {
    let Some(token) = token else {
        return Ok(RegistrationDraft::default());
    };
    load_by_key(store, &token.key(), now).await
}

/// The draft the database knows by `key`, or an empty one when it is gone.
pub async fn load_by_key(
    store: &Store,
    key: &str,
    now: DateTime<Utc>,
) -> Result<RegistrationDraft, AppError> {
    let fresh_since = now - Duration::days(DRAFT_LIFETIME_DAYS);
    match store.load_draft(key, fresh_since).await? {
        None => Ok(RegistrationDraft::default()),
        // A draft that no longer reads (the form changed shape) starts over rather than
        // stopping the person; it only ever held what they may type again.
        Some(json) => Ok(serde_json::from_str(&json).unwrap_or_else(|err| {
            tracing::warn!(%err, "unreadable registration draft replaced");
            RegistrationDraft::default()
        })),
    }
}

#[tracing::instrument(skip_all)]
pub async fn save_draft(
    store: &Store,
    token: &DraftToken,
    draft: &RegistrationDraft,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    save_by_key(store, &token.key(), draft, now).await
}

/// Saves the draft the database knows by `key`.
pub async fn save_by_key(
    store: &Store,
    key: &str,
    draft: &RegistrationDraft,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let json = serde_json::to_string(draft).map_err(AppError::internal)?;
    store.save_draft(key, &json, now).await?;
    Ok(())
}

/// Loads, changes and saves the draft known by `key` (a browser's token's, or one a desk
/// holds) as one step (see `Store::update_draft`);
/// returns the draft as saved and what `change` returned.
pub async fn update_draft<T>(
    store: &Store,
    key: &str,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut RegistrationDraft) -> T,
) -> Result<(RegistrationDraft, T), AppError> {
    let fresh_since = now - Duration::days(DRAFT_LIFETIME_DAYS);
    let updated = store
        .update_draft(key, fresh_since, now, |stored| {
            let mut draft = stored
                .map(|json| {
                    serde_json::from_str(&json).unwrap_or_else(|err| {
                        tracing::warn!(%err, "unreadable registration draft replaced");
                        RegistrationDraft::default()
                    })
                })
                .unwrap_or_default();
            let out = change(&mut draft);
            let json = serde_json::to_string(&draft)
                .map_err(|_| crate::ssr::store::StoreError::corrupt("draft"))?;
            Ok((json, (draft, out)))
        })
        .await?;
    Ok(updated)
}

pub async fn delete_draft(store: &Store, token: &DraftToken) -> Result<(), AppError> {
    Ok(store.delete_draft(&token.key()).await?)
}

/// Removes drafts older than their lifetime; run periodically.
pub async fn sweep_drafts(store: &Store, now: DateTime<Utc>) -> Result<u64, StoreError> {
    store
        .delete_drafts_before(now - Duration::days(DRAFT_LIFETIME_DAYS))
        .await
}

/// The office that serves a postcode as typed (none while it is not a postcode), to suggest
/// it: the one whose postcode area matches, or else the nearest.
pub async fn suggested_office(store: &Store, postcode: &str) -> Result<Option<i64>, AppError> {
    match crate::domain::Postcode::parse(postcode) {
        Ok(postcode) => nearest_office(store, postcode).await,
        Err(_) => Ok(None),
    }
}

pub(crate) async fn nearest_office(
    store: &Store,
    postcode: crate::domain::Postcode,
) -> Result<Option<i64>, AppError> {
    Ok(serving_office(
        postcode,
        &store.postcode_areas().await?,
        &store.office_locations().await?,
    ))
}

/// Why a registration was not created.
#[derive(Debug)]
pub enum RegisterError {
    /// Steps with errors; the person is sent to the first.
    Incomplete(BTreeMap<Step, FieldErrors>),
    /// The password (step 5) is not acceptable.
    Password(FieldError),
    /// The personal identity number or the email belongs to an account already (found now,
    /// or by the database in a race). Nothing is created and the owner is emailed; the
    /// person registering is answered without being told whether anyone is registered.
    NotCreated,
    Failed(AppError),
}

impl From<AppError> for RegisterError {
    fn from(err: AppError) -> Self {
        Self::Failed(err)
    }
}

/// Creates the job seeker, their profile and their account from a complete draft.
#[tracing::instrument(skip_all)]
pub async fn register(
    store: &Store,
    draft: &RegistrationDraft,
    password: &str,
    now: DateTime<Utc>,
) -> Result<i64, RegisterError> {
    let password = Password::parse(password).map_err(RegisterError::Password)?;
    let about = &draft.about;
    passwords::refuse_guessable(
        &password,
        &[
            &about.first_name,
            &about.last_name,
            &about.email,
            &about.personal_number,
        ],
    )
    .map_err(RegisterError::Password)?;
    let password_hash = passwords::hash(password).await?;
    register_hashed(store, draft, password_hash, now).await
}

/// `register` with the password already hashed (the demo data shares one hash).
pub(crate) async fn register_hashed(
    store: &Store,
    draft: &RegistrationDraft,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<i64, RegisterError> {
    create(store, draft, SignIn::Password(password_hash), now).await
}

/// Creates the job seeker and their profile from a complete draft, with their own password
/// or, registered by staff, a link to make one. The same checks whoever types the form.
#[tracing::instrument(skip_all)]
pub(crate) async fn create(
    store: &Store,
    draft: &RegistrationDraft,
    sign_in: SignIn,
    now: DateTime<Utc>,
) -> Result<i64, RegisterError> {
    let today = today(now);
    let registration = draft.parse(today).map_err(RegisterError::Incomplete)?;
    if tell_owners(store, &registration, now).await? {
        return Err(RegisterError::NotCreated);
    }
    let desired = resolve_desired(store, &registration).await?;
    let experience_occupations = resolve_experience(store, &registration).await?;
    let home_office_id = nearest_office(store, registration.about.postcode).await?;
    let new = NewSeeker {
        registration: &registration,
        experience_occupations,
        desired_occupations: desired,
        home_office_id,
        sign_in,
        now,
    };
    match store.register_seeker(&new).await {
        Ok(id) => {
            tracing::info!(seeker_id = id, personal_number = %registration.about.personal_number, "job seeker registered");
            Ok(id)
        }
        // Someone registered the same details a moment ago.
        Err(StoreError::Conflict(Rule::SeekerPersonalNumberTaken | Rule::SeekerEmailTaken)) => {
            tell_owners(store, &registration, now).await?;
            Err(RegisterError::NotCreated)
        }
        Err(StoreError::Conflict(other)) => Err(RegisterError::Failed(AppError::internal(
            format!("registration refused by {other:?}"),
        ))),
        Err(other) => Err(RegisterError::Failed(other.into())),
    }
}

/// Whether the registration's personal identity number or email belongs to an account;
/// if so, its owner (or both owners) is emailed that someone tried to register with their
/// details, at most once a day each.
async fn tell_owners(
    store: &Store,
    registration: &Registration,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let about = &registration.about;
    let taken = store
        .registered(Some(&about.personal_number), Some(&about.email))
        .await?;
    for owner in taken.owners() {
        let written = store
            .enqueue_account_message(owner, AccountEvent::RegistrationAttempt, now)
            .await?;
        tracing::info!(
            seeker_id = owner,
            emailed = written,
            "registration with an account's details: no account created"
        );
    }
    Ok(taken.any())
}

/// The taxonomy ids of the desired occupations; a code that is not there is an error on
/// step 4 (the form only offers real ones, so this is a tampered or outdated form).
async fn resolve_desired(store: &Store, reg: &Registration) -> Result<Vec<i64>, RegisterError> {
    let found = store
        .occupations_by_codes(&reg.wishes.occupations)
        .await
        .map_err(AppError::from)?;
    if found.len() != reg.wishes.occupations.len() {
        return Err(RegisterError::Incomplete(BTreeMap::from([(
            Step::Wishes,
            FieldErrors::from([("occupations".to_owned(), FieldError::UnknownOccupation)]),
        )])));
    }
    Ok(found.into_iter().map(|(id, _)| id).collect())
}

/// Links each work experience to the taxonomy when its words are an occupation's name.
async fn resolve_experience(
    store: &Store,
    reg: &Registration,
) -> Result<Vec<Option<i64>>, AppError> {
    let names = store.occupation_names().await?;
    Ok(reg
        .experience
        .iter()
        .map(|job| {
            let words = fold_for_search(&job.occupation);
            names
                .iter()
                .find(|(_, sv, en)| fold_for_search(sv) == words || fold_for_search(en) == words)
                .map(|(id, _, _)| *id)
        })
        .collect())
}
