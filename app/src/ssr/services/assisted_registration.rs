//! Registering a person with staff, at the desk or on the phone: the same draft, steps and
//! checks as online, held by the office's desk instead of a browser cookie. Staff never set a
//! password; the person gets a one-time link to make their own.

use super::{
    passwords,
    registration::{self as reg, RegisterError, DRAFT_LIFETIME_DAYS},
    staff::allow,
};
use crate::{
    domain::{
        admin::password_link::{self, LinkState},
        field_error::{FieldError, FieldErrors},
        personnummer::PersonalNumber,
        registration::{DraftCode, Password, RegistrationDraft, Step},
        staff::{Role, StaffMember},
        StaffId,
    },
    error::AppError,
    ssr::{
        secret::SecretToken,
        store::{Confirmed, NewLink, SeekerLinkRow, SignIn, Store, StoreError},
    },
    views::{
        admin::PasswordLinkView,
        person_search::{DraftFound, DraftHit},
    },
};
use chrono::{DateTime, Duration, Utc};

/// How long the link to make a password works: a week, since the person may not read their
/// email every day.
pub const SEEKER_LINK_DAYS: i64 = 7;

fn fresh_since(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(DRAFT_LIFETIME_DAYS)
}

/// Begins an empty draft at `me`'s office's desk; its code, for its address.
#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn start(
    store: &Store,
    me: &StaffMember,
    now: DateTime<Utc>,
) -> Result<DraftCode, AppError> {
    // A desk belongs to an office; an administrator has none to hold the draft.
    let office = me.office_id.ok_or(AppError::Forbidden)?;
    let key = SecretToken::generate().key();
    store.start_held_draft(&key, office, me.id, now).await?;
    tracing::info!(office_id = office, "registration begun at the desk");
    DraftCode::of_key(&key).ok_or_else(|| AppError::internal("a draft key without a code"))
}

/// The key of draft `code`, which `me` may work on: one their office's desk holds (an
/// administrator may open any). An online draft nobody holds is not reachable this way.
pub async fn held_key(
    store: &Store,
    me: &StaffMember,
    code: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let code = DraftCode::parse(code).ok_or(AppError::NotFound)?;
    let draft = store
        .draft_by_code(code.as_str(), fresh_since(now))
        .await?
        .ok_or(AppError::NotFound)?;
    let held_here = draft.office_id.is_some() && draft.office_id == me.office_id;
    allow(
        held_here || (me.role == Role::Admin && draft.office_id.is_some()),
        me,
        "registration draft",
    )?;
    Ok(draft.token_hash)
}

/// The draft `code` as `me` continues it. Each read is in the audit trail: the draft is
/// not a registered person yet, so it has no place in the access log, but who read what was
/// typed is kept all the same.
pub async fn load(
    store: &Store,
    me: &StaffMember,
    code: &str,
    now: DateTime<Utc>,
) -> Result<RegistrationDraft, AppError> {
    let key = held_key(store, me, code, now).await?;
    let draft = reg::load_by_key(store, &key, now).await?;
    let subject = DraftCode::of_key(&key).map_or_else(String::new, |c| c.to_string());
    store
        .record_audit(
            StaffId(me.id),
            "registration_draft_read",
            &subject,
            "",
            "",
            now,
        )
        .await?;
    Ok(draft)
}

/// Puts the online draft `code`, which the person read out from their own page, in the
/// hands of `me`'s office's desk: it then continues where it was, nothing typed again. A
/// draft another desk holds is taken over the same way (the person is here now).
#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn continue_by_code(
    store: &Store,
    me: &StaffMember,
    code: &str,
    now: DateTime<Utc>,
) -> Result<(DraftCode, Step), AppError> {
    let office = me.office_id.ok_or(AppError::Forbidden)?;
    let refused = |e| AppError::Validation(FieldErrors::from([("kod".to_owned(), e)]));
    if code.trim().is_empty() {
        return Err(refused(FieldError::Required));
    }
    let code = DraftCode::parse(code).ok_or_else(|| refused(FieldError::DraftCode))?;
    let draft = store
        .draft_by_code(code.as_str(), fresh_since(now))
        .await?
        .ok_or_else(|| refused(FieldError::DraftCode))?;
    take_over(
        store,
        me,
        office,
        &draft.token_hash,
        Confirmed::CodeRead,
        now,
    )
    .await
}

/// Puts the online draft with `number` typed in it and known by `reference` (as a search by
/// that number listed it) in the hands of `me`'s office's desk, the person's identity
/// document having been checked. `NotFound` when no such draft is there (any more).
#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn continue_id_checked(
    store: &Store,
    me: &StaffMember,
    number: &str,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<(DraftCode, Step), AppError> {
    let office = me.office_id.ok_or(AppError::Forbidden)?;
    let (key, _) = found_again(store, number, reference, now)
        .await?
        .ok_or(AppError::NotFound)?;
    take_over(store, me, office, &key, Confirmed::IdChecked, now).await
}

/// The draft with `number` (as the search form sent it) typed in it and known by
/// `reference`, as a search by that number listed it; `None` when it is not there (any more).
pub async fn draft_found(
    store: &Store,
    number: &str,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<Option<DraftFound>, AppError> {
    Ok(found_again(store, number, reference, now)
        .await?
        .map(|(_, found)| found))
}

/// The key and listing of the draft `draft_found` names.
async fn found_again(
    store: &Store,
    number: &str,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<Option<(String, DraftFound)>, AppError> {
    let Ok(number) = PersonalNumber::parse(number, reg::today(now)) else {
        return Ok(None);
    };
    Ok(keys_with_number(store, &number, now)
        .await?
        .into_iter()
        .map(|(key, draft, updated_at)| {
            let found = listed(&key, &number, &draft, updated_at);
            (key, found)
        })
        .find(|(_, found)| found.reference == reference))
}

/// The desk holds the draft from now, in the audit trail with how the person proved who
/// they are; the step to go on at.
async fn take_over(
    store: &Store,
    me: &StaffMember,
    office: i64,
    key: &str,
    how: Confirmed,
    now: DateTime<Utc>,
) -> Result<(DraftCode, Step), AppError> {
    let code =
        DraftCode::of_key(key).ok_or_else(|| AppError::internal("a draft key without a code"))?;
    store.hold_draft(key, office, me.id, how, now).await?;
    store
        .record_audit(
            StaffId(me.id),
            "registration_draft_continued",
            &code.to_string(),
            "",
            how.as_str(),
            now,
        )
        .await?;
    let draft = reg::load_by_key(store, key, now).await?;
    Ok((code, draft.resume_at(reg::today(now))))
}

/// What a search by number calls an online draft: not its code, which only the person sees
/// on their own page (knowing it is their proof), but a reference of its own.
fn desk_reference(key: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(format!("tidbok-desk-reference:{key}").as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fresh drafts with `number` typed in them (any way it may be written): key, draft and
/// when it last changed.
async fn keys_with_number(
    store: &Store,
    number: &PersonalNumber,
    now: DateTime<Utc>,
) -> Result<Vec<(String, RegistrationDraft, DateTime<Utc>)>, AppError> {
    let today = reg::today(now);
    Ok(store
        .fresh_drafts(fresh_since(now), SCAN_DRAFTS)
        .await?
        .into_iter()
        .filter_map(|d| {
            let draft: RegistrationDraft = serde_json::from_str(&d.data).ok()?;
            let typed = PersonalNumber::parse(&draft.about.personal_number, today).ok()?;
            (typed == *number).then_some((d.token_hash, draft, d.updated_at))
        })
        .collect())
}

/// The fresh online drafts with `number` typed in them, as a search lists them.
pub async fn drafts_with_number(
    store: &Store,
    number: &PersonalNumber,
    now: DateTime<Utc>,
) -> Result<Vec<DraftFound>, AppError> {
    Ok(keys_with_number(store, number, now)
        .await?
        .into_iter()
        .map(|(key, draft, updated_at)| listed(&key, number, &draft, updated_at))
        .collect())
}

/// An online draft as a search by `number` lists it.
fn listed(
    key: &str,
    number: &PersonalNumber,
    draft: &RegistrationDraft,
    updated_at: DateTime<Utc>,
) -> DraftFound {
    DraftFound {
        reference: desk_reference(key),
        number: number.as_digits().to_owned(),
        name: name_of(draft),
        updated_at,
    }
}

/// The drafts `me`'s office's desk holds, newest first.
pub async fn held_here(
    store: &Store,
    me: &StaffMember,
    now: DateTime<Utc>,
) -> Result<Vec<DraftHit>, AppError> {
    let Some(office) = me.office_id else {
        return Ok(Vec::new());
    };
    Ok(store
        .held_drafts(office, fresh_since(now))
        .await?
        .into_iter()
        .filter_map(|(key, data, at)| {
            let draft = serde_json::from_str(&data).unwrap_or_default();
            hit(&key, &draft, at)
        })
        .collect())
}

fn hit(key: &str, draft: &RegistrationDraft, updated_at: DateTime<Utc>) -> Option<DraftHit> {
    Some(DraftHit {
        code: DraftCode::of_key(key)?.as_str().to_owned(),
        name: name_of(draft),
        updated_at,
    })
}

/// The name typed in a draft; `None` while there is none.
fn name_of(draft: &RegistrationDraft) -> Option<String> {
    let name = format!(
        "{} {}",
        draft.about.first_name.trim(),
        draft.about.last_name.trim()
    );
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// The most drafts a search by number reads.
const SCAN_DRAFTS: i64 = 5_000;

/// A fresh link for a person to make their password, valid from `now`.
fn seeker_link(now: DateTime<Utc>) -> NewLink {
    let token = SecretToken::generate();
    NewLink {
        token_key: token.key(),
        secret: token.as_str().to_owned(),
        expires_at: now + Duration::days(SEEKER_LINK_DAYS),
    }
}

/// Sends `seeker_id`, whom `me` may see and who has no sign-in of their own yet, a new link
/// to make one (the last expired, or never reached them); earlier links stop working.
#[tracing::instrument(skip_all, fields(staff_id = me.id, seeker_id))]
pub async fn send_new_link(
    store: &Store,
    me: &StaffMember,
    seeker_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    super::assisted_booking::person(store, me, seeker_id).await?;
    store
        .send_seeker_link(seeker_id, &seeker_link(now), me.id, now)
        .await?;
    store
        .record_audit(
            StaffId(me.id),
            "seeker.password_link",
            &format!("seeker:{seeker_id}"),
            "",
            "",
            now,
        )
        .await?;
    Ok(())
}

/// Registers the person of draft `key` (held by `me`'s desk): the same checks as online,
/// marked as registered by `me`, with a link to make their own password emailed to them.
/// The draft is gone once the person is.
#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn register(
    store: &Store,
    me: &StaffMember,
    key: &str,
    draft: &RegistrationDraft,
    now: DateTime<Utc>,
) -> Result<i64, RegisterError> {
    let sign_in = SignIn::Link {
        by_staff: me.id,
        link: seeker_link(now),
    };
    let id = reg::create(store, draft, sign_in, now).await?;
    store.delete_draft(key).await.map_err(AppError::from)?;
    tracing::info!(seeker_id = id, "registered by staff; password link queued");
    Ok(id)
}

/// The link behind `secret` while it can be used.
async fn usable_link(
    store: &Store,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<Option<SeekerLinkRow>, AppError> {
    let Some(token) = SecretToken::parse(secret) else {
        return Ok(None);
    };
    Ok(store.seeker_password_link(&token.key()).await?.filter(|l| {
        !l.void && password_link::state(l.expires_at, l.used_at, now) == LinkState::Usable
    }))
}

/// The page of a person's link: whose sign-in it makes, if it still works.
pub async fn link_page(
    store: &Store,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<PasswordLinkView, AppError> {
    Ok(match usable_link(store, secret, now).await? {
        Some(link) => PasswordLinkView::Usable {
            first_name: link.first_name,
            email: link.email,
            errors: FieldErrors::new(),
        },
        None => PasswordLinkView::Spent,
    })
}

/// Makes the person's password with their link, checked as every password is; returns the
/// person, to sign them in. `NotFound` when the link can no longer be used.
#[tracing::instrument(skip_all)]
pub async fn use_link(
    store: &Store,
    secret: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let link = usable_link(store, secret, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let field = |e| AppError::Validation(FieldErrors::from([("password".to_owned(), e)]));
    let password = Password::parse(password).map_err(field)?;
    passwords::refuse_guessable(
        &password,
        &[&link.first_name, &link.email, &link.personal_number],
    )
    .map_err(field)?;
    let hash = passwords::hash(password).await?;
    let seeker_id = match store.use_seeker_password_link(link.id, &hash, now).await {
        // Used, or a password made, a moment ago.
        Err(StoreError::NotFound | StoreError::Conflict(_)) => return Err(AppError::NotFound),
        other => other?,
    };
    tracing::info!(seeker_id, "sign-in made with a one-time link");
    Ok(seeker_id)
}
