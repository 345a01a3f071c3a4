//! Staff accounts (administrators only): the list with last sign-in, changing a role or an
//! office, closing an account, and sending a one-time link to set a password. Also the page
//! that link opens, where its owner sets the password: nobody else ever sees it.

use super::{
    passwords,
    people::{new_link, office_choice},
    staff::allow,
};
use crate::{
    domain::{
        admin::{
            accounts::{keeps_an_admin, AccountChange, AccountForm, AccountState, NewAccountForm},
            password_link::{self, LinkState},
            Version,
        },
        field_error::{FieldError, FieldErrors},
        registration::Password,
        staff::{Role, StaffMember},
        Rule,
    },
    error::AppError,
    ssr::{
        secret::SecretToken,
        store::{AccountRow, AuditEntry, Store, StoreError},
    },
    views::admin::{
        AccountEditView, AccountItem, AccountsView, AdminNotice, Choice, PasswordLinkView,
    },
};
use chrono::{DateTime, Utc};

fn item(a: &AccountRow) -> Option<AccountItem> {
    Some(AccountItem {
        id: a.id,
        name: format!("{} {}", a.first_name, a.last_name),
        email: a.email.clone(),
        role: a.role()?,
        office: a.office_name.clone(),
        counsellor_id: a.counsellor_id,
        active: a.active,
        created_at: a.created_at,
        last_sign_in: a.last_sign_in_at,
        link_waiting: a.link_waiting,
    })
}

#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn list(
    store: &Store,
    me: &StaffMember,
    now: DateTime<Utc>,
) -> Result<AccountsView, AppError> {
    allow(me.may_manage_staff(), me, "list accounts")?;
    let accounts = store
        .admin_accounts(now)
        .await?
        .iter()
        .filter_map(item)
        .collect();
    Ok(AccountsView {
        accounts,
        notice: None,
        new_account: NewAccountForm::default(),
        errors: FieldErrors::new(),
        offices: office_choices(store).await?,
    })
}

async fn account(
    store: &Store,
    me: &StaffMember,
    id: i64,
    now: DateTime<Utc>,
) -> Result<AccountRow, AppError> {
    allow(me.may_manage_staff(), me, "keep account")?;
    store
        .admin_account(id, now)
        .await?
        .ok_or(AppError::NotFound)
}

async fn office_choices(store: &Store) -> Result<Vec<Choice>, AppError> {
    Ok(store
        .list_offices()
        .await?
        .into_iter()
        .map(office_choice)
        .collect())
}

#[tracing::instrument(skip_all, fields(staff_id = me.id, account_id = id))]
pub async fn page(
    store: &Store,
    me: &StaffMember,
    id: i64,
    now: DateTime<Utc>,
) -> Result<AccountEditView, AppError> {
    let row = account(store, me, id, now).await?;
    let account = item(&row).ok_or(AppError::Internal)?;
    Ok(AccountEditView {
        form: AccountForm {
            role: row.role.clone(),
            office: row.office_id.map(|o| o.to_string()).unwrap_or_default(),
            version: row.version.to_string(),
        },
        account,
        errors: FieldErrors::new(),
        offices: office_choices(store).await?,
        notice: None,
    })
}

/// Counts the active administrators besides `id`, and refuses a change that would leave
/// none (the database refuses it too; this says it before trying).
async fn check_last_admin(
    store: &Store,
    row: &AccountRow,
    after: AccountState,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let before = AccountState {
        role: row.role().ok_or(AppError::Internal)?,
        active: row.active,
    };
    let others = store
        .admin_accounts(now)
        .await?
        .iter()
        .filter(|a| a.id != row.id && a.active && a.role() == Some(Role::Admin))
        .count();
    keeps_an_admin(before, after, others).map_err(AppError::Conflict)
}

/// Gives account `id` the role and office of `form`.
#[tracing::instrument(skip_all, fields(staff_id = me.id, account_id = id))]
pub async fn save(
    store: &Store,
    me: &StaffMember,
    id: i64,
    form: &AccountForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let row = account(store, me, id, now).await?;
    let offices: Vec<i64> = store.list_offices().await?.iter().map(|o| o.id).collect();
    let change = form
        .parse(&offices, row.counsellor_id.is_some())
        .map_err(AppError::Validation)?;
    check_last_admin(
        store,
        &row,
        AccountState {
            role: change.role,
            active: row.active,
        },
        now,
    )
    .await?;
    let after = AccountRow {
        role: change.role.as_str().to_owned(),
        office_id: change.office_id,
        ..row.clone()
    };
    let audit = AuditEntry {
        staff_id: me.id,
        action: "account.update",
        subject: format!("account:{id}"),
        before: row.summary(),
        after: after.summary(),
    };
    store
        .change_account(id, &change, row.active, &audit, now)
        .await?;
    Ok(())
}

/// Closes account `id` (it can no longer sign in; a session it has ends at its next
/// request) or opens it again.
#[tracing::instrument(skip_all, fields(staff_id = me.id, account_id = id))]
pub async fn set_active(
    store: &Store,
    me: &StaffMember,
    id: i64,
    active: bool,
    version: Version,
    now: DateTime<Utc>,
) -> Result<AdminNotice, AppError> {
    let row = account(store, me, id, now).await?;
    let role = row.role().ok_or(AppError::Internal)?;
    check_last_admin(store, &row, AccountState { role, active }, now).await?;
    let audit = AuditEntry {
        staff_id: me.id,
        action: if active {
            "account.open"
        } else {
            "account.close"
        },
        subject: format!("account:{id}"),
        before: row.summary(),
        after: AccountRow {
            active,
            ..row.clone()
        }
        .summary(),
    };
    let change = AccountChange {
        role,
        office_id: row.office_id,
        version,
    };
    store
        .change_account(id, &change, active, &audit, now)
        .await?;
    Ok(if active {
        AdminNotice::Reactivated
    } else {
        AdminNotice::Deactivated
    })
}

/// Creates an office manager's or administrator's account, and emails its owner a one-time
/// link to set the password. Returns the account's id.
#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn create(
    store: &Store,
    me: &StaffMember,
    form: &NewAccountForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    allow(me.may_manage_staff(), me, "create account")?;
    let offices: Vec<i64> = store.list_offices().await?.iter().map(|o| o.id).collect();
    let draft = form.parse(&offices).map_err(AppError::Validation)?;
    let unusable = passwords::unusable_hash().await?;
    let audit = AuditEntry {
        staff_id: me.id,
        action: "account.create",
        subject: String::new(),
        before: String::new(),
        after: format!(
            "{} {}; {}; {}; kontor {}",
            draft.first_name,
            draft.last_name,
            draft.email.as_str(),
            draft.role,
            draft
                .office_id
                .map(|o| o.to_string())
                .unwrap_or_else(|| "–".into())
        ),
    };
    match store
        .create_account(&draft, &unusable, &new_link(now), &audit, now)
        .await
    {
        Ok(id) => Ok(id),
        Err(StoreError::Conflict(Rule::StaffEmailTaken)) => Err(AppError::Validation(
            FieldErrors::from([("email".to_owned(), FieldError::EmailInUse)]),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Emails account `id` a new one-time link to set its password; older links stop working.
#[tracing::instrument(skip_all, fields(staff_id = me.id, account_id = id))]
pub async fn send_link(
    store: &Store,
    me: &StaffMember,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let row = account(store, me, id, now).await?;
    if !row.active {
        return Err(AppError::NotFound);
    }
    let audit = AuditEntry {
        staff_id: me.id,
        action: "account.password_link",
        subject: format!("account:{id}"),
        before: String::new(),
        after: String::new(),
    };
    store
        .add_password_link(id, &new_link(now), &audit, now)
        .await?;
    Ok(())
}

/// What the link's page shows: whose account, if the link can still be used.
#[tracing::instrument(skip_all)]
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

async fn usable_link(
    store: &Store,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<Option<crate::ssr::store::PasswordLinkRow>, AppError> {
    let Some(token) = SecretToken::parse(secret) else {
        return Ok(None);
    };
    Ok(store.password_link(&token.key()).await?.filter(|l| {
        !l.void && password_link::state(l.expires_at, l.used_at, now) == LinkState::Usable
    }))
}

/// Sets the password with the link: checked as every password is (long enough, not easy
/// to guess, not made of the person's own name or address). Returns the account's email,
/// for the sign-in form; `NotFound` when the link can no longer be used.
#[tracing::instrument(skip_all)]
pub async fn use_link(
    store: &Store,
    secret: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let link = usable_link(store, secret, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let field = |e| AppError::Validation(FieldErrors::from([("password".to_owned(), e)]));
    let password = Password::parse(password).map_err(field)?;
    passwords::refuse_guessable(&password, &[&link.first_name, &link.last_name, &link.email])
        .map_err(field)?;
    let hash = passwords::hash(password).await?;
    store.use_password_link(link.id, &hash, now).await?;
    tracing::info!(
        account_id = link.staff_id,
        "password set with a one-time link"
    );
    Ok(link.email)
}
