//! The employer's account: registering an organisation with its first contact person,
//! signing in, the overview, and inviting colleagues by a one-time link.

use super::{passwords, registration::nearest_office};
use crate::{
    domain::{
        employer::registration::{invitation_expires, ContactPersonForm, EmployerForm, InviteForm},
        field_error::{FieldError, FieldErrors},
        registration::Password,
        time::Day,
        Rule,
    },
    error::AppError,
    ssr::{
        secret::SecretToken,
        store::{AcceptedPerson, EmployerUserRow, NewEmployer, NewLink, Store, StoreError},
    },
    views::employer::{
        ColleagueItem, DraftItem, EmployerHomeView, EmployerNotice, InvitationItem, InvitationView,
        NeedItem,
    },
};
use chrono::{DateTime, Utc};

/// Why an organisation was not registered.
#[derive(Debug)]
pub enum EmployerRegisterError {
    /// Fields with errors (the password's among them).
    Invalid(FieldErrors),
    /// The organisation number or the email belongs to an account already. Nothing is
    /// created and the accounts' owners are emailed; the person registering is answered
    /// without being told whether anyone is registered.
    NotCreated,
    Failed(AppError),
}

impl From<AppError> for EmployerRegisterError {
    fn from(err: AppError) -> Self {
        Self::Failed(err)
    }
}

/// Registers the organisation and its first user, who is then signed in. Returns the
/// user's id.
#[tracing::instrument(skip_all)]
pub async fn register(
    store: &Store,
    form: &EmployerForm,
    password: &str,
    now: DateTime<Utc>,
) -> Result<i64, EmployerRegisterError> {
    let today = super::registration::today(now);
    let (details, password) = with_password(
        form.parse(today),
        password,
        &[&form.first_name, &form.last_name, &form.email, &form.name],
    )
    .map_err(EmployerRegisterError::Invalid)?;
    if tell_owners(store, &details, now).await? {
        return Err(EmployerRegisterError::NotCreated);
    }
    let office_id = nearest_office(store, details.postcode).await?;
    let password_hash = passwords::hash(password).await?;
    let new = NewEmployer {
        details: &details,
        office_id,
        password_hash,
        now,
    };
    match store.register_employer(&new).await {
        Ok((employer_id, user_id)) => {
            tracing::info!(employer_id, user_id, "employer registered");
            Ok(user_id)
        }
        // Someone registered the same details a moment ago.
        Err(StoreError::Conflict(Rule::EmployerOrgNumberTaken | Rule::EmployerEmailTaken)) => {
            tell_owners(store, &details, now).await?;
            Err(EmployerRegisterError::NotCreated)
        }
        Err(other) => Err(EmployerRegisterError::Failed(other.into())),
    }
}

/// The form's details and the new password, checked together so that every error shows at
/// once; the password may not be made of the person's own words (`personal`).
fn with_password<T>(
    details: Result<T, FieldErrors>,
    password: &str,
    personal: &[&str],
) -> Result<(T, Password), FieldErrors> {
    let password = Password::parse(password)
        .and_then(|p| passwords::refuse_guessable(&p, personal).map(|()| p));
    match (details, password) {
        (Ok(d), Ok(p)) => Ok((d, p)),
        (details, password) => {
            let mut errors = details.err().unwrap_or_default();
            if let Err(e) = password {
                errors.insert("password".to_owned(), e);
            }
            Err(errors)
        }
    }
}

/// Whether the organisation or the email has an account; if so its owners are emailed
/// (at most once a day each) that someone tried to register with them.
async fn tell_owners(
    store: &Store,
    details: &crate::domain::employer::registration::EmployerDetails,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let taken = store
        .employer_taken(&details.org_number, &details.contact.email)
        .await?;
    for owner in taken.owners() {
        let written = store.enqueue_employer_attempt_message(owner, now).await?;
        tracing::info!(
            employer_user_id = owner,
            emailed = written,
            "employer registration with an account's details: nothing created"
        );
    }
    Ok(taken.any())
}

/// The organisation's overview for its signed-in user.
#[tracing::instrument(skip_all, fields(employer_user_id = me.id))]
pub async fn home(
    store: &Store,
    me: &EmployerUserRow,
    notice: Option<EmployerNotice>,
    now: DateTime<Utc>,
) -> Result<EmployerHomeView, AppError> {
    let employer = store
        .employer(me.employer_id)
        .await?
        .ok_or_else(|| AppError::internal("a user without an organisation"))?;
    let users = store.employer_users(me.employer_id).await?;
    let invitations = store.open_invitations(me.employer_id, now).await?;
    let needs = store.needs(me.employer_id).await?;
    let drafts = store.need_drafts(me.employer_id).await?;
    let draft_needs: Vec<i64> = drafts.iter().filter_map(|d| d.need_id).collect();
    let meetings = super::employer_meetings::meetings(store, me.employer_id, now).await?;
    Ok(EmployerHomeView {
        meetings,
        organisation: employer.name.clone(),
        org_number: employer.org_number_shown(),
        address: format!(
            "{}, {} {}",
            employer.street,
            crate::domain::Postcode::from_stored(employer.postcode)
                .map(|p| p.to_string())
                .unwrap_or_default(),
            employer.city
        ),
        municipality: employer.municipality.clone(),
        office: employer.office_name.clone(),
        me: me.id,
        users: users
            .into_iter()
            .map(|u| ColleagueItem {
                id: u.id,
                name: format!("{} {}", u.first_name, u.last_name),
                email: u.email,
                phone: crate::domain::PhoneNumber::parse(&u.phone)
                    .map(|p| p.display_national())
                    .unwrap_or(u.phone),
            })
            .collect(),
        invitations: invitations
            .into_iter()
            .map(|i| InvitationItem {
                email: i.email,
                expires_at: i.expires_at,
            })
            .collect(),
        needs: needs
            .into_iter()
            .map(|n| NeedItem {
                has_draft: draft_needs.contains(&n.id),
                id: n.id,
                headline: n.headline,
                occupation_sv: n.occupation_sv,
                occupation_en: n.occupation_en,
                positions: n.positions,
                municipality: n.municipality,
                apply_by: n.apply_by,
                status: n.status,
            })
            .collect(),
        drafts: drafts
            .into_iter()
            .filter(|d| d.need_id.is_none())
            .map(|d| DraftItem {
                id: d.id,
                headline: serde_json::from_str::<crate::domain::employer::need::NeedForm>(&d.data)
                    .map(|f| f.headline.trim().to_owned())
                    .unwrap_or_default(),
                updated_at: d.updated_at,
            })
            .collect(),
        invite_email: String::new(),
        invite_errors: FieldErrors::new(),
        invited: None,
        notice,
    })
}

/// Invites a colleague to act for the organisation: a one-time link by email. An address
/// that has an account already is invited all the same (the link then says so): the
/// inviter is not told whether someone has an account.
#[tracing::instrument(skip_all, fields(employer_user_id = me.id))]
pub async fn invite(
    store: &Store,
    me: &EmployerUserRow,
    form: &InviteForm,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let email = form.parse().map_err(AppError::Validation)?;
    let token = SecretToken::generate();
    let link = NewLink {
        token_key: token.key(),
        secret: token.as_str().to_owned(),
        expires_at: invitation_expires(now),
    };
    store
        .invite_colleague(me.employer_id, me.id, &email, &link, now)
        .await?;
    tracing::info!(employer_id = me.employer_id, "colleague invited");
    Ok(email.as_str().to_owned())
}

/// What an invitation's page shows: the organisation and the address, if it can be used.
pub async fn invitation_page(
    store: &Store,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<InvitationView, AppError> {
    Ok(match usable_invitation(store, secret, now).await? {
        Some(inv) => InvitationView::Usable {
            organisation: inv.employer_name,
            email: inv.email,
            form: ContactPersonForm::default(),
            errors: FieldErrors::new(),
            today: Day(super::registration::today(now)),
        },
        None => InvitationView::Spent,
    })
}

async fn usable_invitation(
    store: &Store,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<Option<crate::ssr::store::InvitationRow>, AppError> {
    let Some(token) = SecretToken::parse(secret) else {
        return Ok(None);
    };
    Ok(store
        .invitation(&token.key())
        .await?
        .filter(|i| i.used_at.is_none() && i.expires_at > now))
}

/// Creates the colleague's account with the invitation: their own name, phone and password
/// (the address is the one invited). Returns the new user's id; `NotFound` when the link can
/// no longer be used; an address with an account already is an error on the page (the
/// person at the link owns that address).
#[tracing::instrument(skip_all)]
pub async fn accept(
    store: &Store,
    secret: &str,
    form: &ContactPersonForm,
    password: &str,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let invitation = usable_invitation(store, secret, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let form = ContactPersonForm {
        email: invitation.email.clone(),
        ..form.clone()
    };
    let (person, password) = with_password(
        form.parse(),
        password,
        &[
            &form.first_name,
            &form.last_name,
            &form.email,
            &invitation.employer_name,
        ],
    )
    .map_err(AppError::Validation)?;
    let accepted = AcceptedPerson {
        first_name: &person.first_name,
        last_name: &person.last_name,
        phone: person.phone.as_e164(),
        password_hash: passwords::hash(password).await?,
    };
    match store.accept_invitation(invitation.id, &accepted, now).await {
        Ok(user_id) => {
            tracing::info!(
                employer_id = invitation.employer_id,
                user_id,
                "invitation accepted"
            );
            Ok(user_id)
        }
        Err(StoreError::Conflict(Rule::EmployerEmailTaken)) => Err(AppError::Validation(
            FieldErrors::from([("email".to_owned(), FieldError::EmailInUse)]),
        )),
        Err(e) => Err(e.into()),
    }
}
