//! Staff accounts: creating them (the administrator command, demo data) and signing in.

use crate::domain::Rule;
use crate::{
    domain::{
        registration::Password,
        staff::{Role, SeekerReach, StaffMember},
        Email,
    },
    error::AppError,
    ssr::{
        services::passwords,
        store::{NewStaff, StaffRow, Store, StoreError},
    },
};
use chrono::{DateTime, Utc};

/// An account to create, as an administrator describes it.
#[derive(Debug, Clone)]
pub struct StaffAccount {
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    /// Office code; required for counsellors and office managers.
    pub office_code: Option<String>,
}

/// Why an account could not be created, in words for the person at the command line.
#[derive(Debug, thiserror::Error)]
pub enum CreateStaffError {
    #[error("{0} needs an office (--office CODE)")]
    OfficeRequired(Role),
    #[error("an administrator belongs to no office; leave out --office")]
    AdminWithOffice,
    #[error("no office has the code {0}")]
    UnknownOffice(String),
    #[error(
        "a counsellor's account belongs to their calendar, but no counsellor has the email {0}"
    )]
    UnknownCounsellor(String),
    #[error("an account with the email {0} exists already")]
    EmailTaken(String),
    #[error("no account has the email {0}")]
    NoAccount(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the password could not be hashed")]
    Hash,
}

/// Creates a staff account. A counsellor's account is tied to the counsellor with the same
/// email (their calendar).
#[tracing::instrument(skip_all, fields(role = ?account.role))]
pub async fn create(
    store: &Store,
    account: StaffAccount,
    password: Password,
    now: DateTime<Utc>,
) -> Result<i64, CreateStaffError> {
    match (account.role, &account.office_code) {
        (Role::Admin, Some(_)) => return Err(CreateStaffError::AdminWithOffice),
        (role @ (Role::Counsellor | Role::OfficeManager), None) => {
            return Err(CreateStaffError::OfficeRequired(role))
        }
        _ => {}
    }
    let password_hash = passwords::hash(password)
        .await
        .map_err(|_| CreateStaffError::Hash)?;
    insert(store, account, password_hash, now).await
}

/// Inserts with a hash made already (the demo accounts share one, see `seed::demo`).
pub(crate) async fn insert(
    store: &Store,
    account: StaffAccount,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<i64, CreateStaffError> {
    let counsellor_email = (account.role == Role::Counsellor).then(|| account.email.clone());
    let new = NewStaff {
        email: account.email.clone(),
        first_name: account.first_name,
        last_name: account.last_name,
        role: account.role,
        office_code: account.office_code.clone(),
        counsellor_email,
        password_hash,
    };
    match store.insert_staff(&new, now).await {
        Ok(id) => Ok(id),
        Err(StoreError::Conflict(Rule::StaffEmailTaken)) => {
            Err(CreateStaffError::EmailTaken(account.email.to_string()))
        }
        Err(StoreError::NotFound) => Err(match (account.role, account.office_code) {
            (Role::Counsellor, Some(code)) if store_has_office(store, &code).await => {
                CreateStaffError::UnknownCounsellor(account.email.to_string())
            }
            (_, Some(code)) => CreateStaffError::UnknownOffice(code),
            (_, None) => CreateStaffError::UnknownCounsellor(account.email.to_string()),
        }),
        Err(e) => Err(e.into()),
    }
}

async fn store_has_office(store: &Store, code: &str) -> bool {
    matches!(store.office_id_by_code(code).await, Ok(Some(_)))
}

/// Sets a new password for the account with `email`.
#[tracing::instrument(skip_all)]
pub async fn set_password(
    store: &Store,
    email: &Email,
    password: Password,
) -> Result<(), CreateStaffError> {
    let hash = passwords::hash(password)
        .await
        .map_err(|_| CreateStaffError::Hash)?;
    match store.set_staff_password(email, &hash).await {
        Err(StoreError::NotFound) => Err(CreateStaffError::NoAccount(email.to_string())),
        other => Ok(other?),
    }
}

/// Checks an email and password; the account when both are right. A wrong email and a
/// wrong password take the same time and give the same answer.
#[tracing::instrument(skip_all)]
pub async fn sign_in(
    store: &Store,
    email: &str,
    password: String,
    now: DateTime<Utc>,
) -> Result<Option<StaffRow>, AppError> {
    let account = match Email::parse(email) {
        Ok(email) => store.staff_credentials(&email).await?,
        Err(_) => None,
    };
    let account = passwords::account_if_right(account, |(_, hash)| hash, password).await?;
    let Some((id, _)) = account else {
        return Ok(None);
    };
    store.touch_staff_sign_in(id, now).await?;
    Ok(store.staff_by_id(id).await?)
}

/// Whether `member` may open the seeker's profile; `NotFound` when there is no such seeker.
pub async fn reach_of(store: &Store, seeker_id: i64) -> Result<SeekerReach, AppError> {
    store
        .seeker_reach(seeker_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whose calendar and working hours a member of staff sees when they name nobody: their own;
/// for an office manager the office's first counsellor; for an administrator (who belongs to
/// no office) the first counsellor of all.
pub async fn counsellor_to_show(
    store: &Store,
    member: &StaffMember,
    asked: Option<i64>,
) -> Result<i64, AppError> {
    if let Some(id) = asked.or(member.counsellor_id) {
        return Ok(id);
    }
    let first = match member.office_id {
        Some(office) => store
            .office_counsellors(office)
            .await?
            .first()
            .map(|c| c.id),
        None => store.list_counsellors().await?.first().map(|c| c.id),
    };
    first.ok_or(AppError::NotFound)
}

/// Refuses with `Forbidden` unless the rule allows.
pub fn allow(allowed: bool, member: &StaffMember, what: &str) -> Result<(), AppError> {
    if allowed {
        Ok(())
    } else {
        tracing::warn!(staff = member.id, what, "staff access refused");
        Err(AppError::Forbidden)
    }
}

/// Checks that `member` may plan `counsellor_id`'s calendar (open time, working hours) and
/// returns the counsellor.
pub async fn may_plan(
    store: &Store,
    member: &StaffMember,
    counsellor_id: i64,
) -> Result<crate::ssr::store::CalendarOwnerRow, AppError> {
    let owner = store
        .calendar_owner(counsellor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    allow(
        member.may_plan_calendar(crate::domain::staff::CalendarOwner {
            counsellor_id,
            office_id: owner.office_id,
        }),
        member,
        "plan calendar",
    )?;
    Ok(owner)
}
