//! Employers: the organisation, the people who act for it and the colleagues they invite.
//! A user only ever reads their own organisation: every read here is keyed by the signed-in
//! user's employer, never by an id from a request alone.

use super::{bookings::stored, on_pool, NewLink, Store, StoreError, WritePool};
use crate::domain::{
    employer::{org_number::OrganisationNumber, registration::EmployerDetails},
    notification::{Medium, ACCOUNT_NOTICE_EVERY},
    Email,
};
use chrono::{DateTime, Utc};

/// What registering an organisation writes: the organisation, its first user's account.
pub struct NewEmployer<'a> {
    pub details: &'a EmployerDetails,
    pub office_id: Option<i64>,
    pub password_hash: String,
    pub now: DateTime<Utc>,
}

/// An organisation as its own pages and staff show it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct EmployerRow {
    pub id: i64,
    pub org_number: String,
    pub name: String,
    pub street: String,
    pub postcode: i64,
    pub city: String,
    pub municipality: String,
    pub office_id: Option<i64>,
    pub office_name: Option<String>,
    pub registered_at: DateTime<Utc>,
}

impl EmployerRow {
    /// The number as written (`556036-0793`; a sole trader's masked).
    pub fn org_number_shown(&self) -> String {
        OrganisationNumber::from_stored(&self.org_number)
            .map(|o| o.formatted())
            .unwrap_or_default()
    }
}

/// A person who acts for an organisation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EmployerUserRow {
    pub id: i64,
    pub employer_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub created_at: DateTime<Utc>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
}

/// The account behind an email, for signing in.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EmployerCredentials {
    pub user_id: i64,
    pub password_hash: String,
}

/// An invitation to a colleague, as its page and the inviter's list need it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: i64,
    pub employer_id: i64,
    pub employer_name: String,
    pub email: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

/// What the invitation's email needs: the address, the organisation, who invited, the
/// link's secret (until the email is written).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InvitationMessage {
    pub email: String,
    pub employer_name: String,
    pub inviter_first_name: String,
    pub inviter_last_name: String,
    pub secret: Option<String>,
    pub used_at: Option<DateTime<Utc>>,
}

/// Which accounts already hold an organisation number or an email.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmployerTaken {
    /// The users of the organisation with that number.
    pub org_users: Vec<i64>,
    /// The user with that email.
    pub email_user: Option<i64>,
}

impl EmployerTaken {
    pub fn any(&self) -> bool {
        !self.org_users.is_empty() || self.email_user.is_some()
    }

    /// Everyone to tell, once each.
    pub fn owners(&self) -> Vec<i64> {
        let mut all = self.org_users.clone();
        all.extend(self.email_user);
        all.sort_unstable();
        all.dedup();
        all
    }
}

const SELECT_EMPLOYER: &str = "SELECT e.id, e.org_number, e.name, e.street, e.postcode, e.city, \
     e.municipality, e.office_id, o.name AS office_name, e.registered_at \
     FROM employers e LEFT JOIN offices o ON o.id = e.office_id";

const SELECT_USER: &str = "SELECT id, employer_id, first_name, last_name, email, phone, \
     created_at, last_sign_in_at FROM employer_users";

const SELECT_INVITATION: &str = "SELECT i.id, i.employer_id, e.name AS employer_name, i.email, \
     i.created_at, i.expires_at, i.used_at \
     FROM employer_invitations i JOIN employers e ON e.id = i.employer_id";

impl Store {
    /// Creates the organisation and its first user's account, all or nothing. A number or
    /// email registered already is refused by the database (`Rule::EmployerOrgNumberTaken`,
    /// `Rule::EmployerEmailTaken`). Returns the organisation's and the user's ids.
    pub async fn register_employer(&self, new: &NewEmployer<'_>) -> Result<(i64, i64), StoreError> {
        let d = new.details;
        let now = stored(new.now);
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let employer_id: i64 = sqlx::query_scalar(
                "INSERT INTO employers (org_number, name, street, postcode, city, municipality, \
                 office_id, registered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(d.org_number.as_digits())
            .bind(&d.name)
            .bind(&d.street)
            .bind(i64::from(d.postcode.value()))
            .bind(&d.city)
            .bind(&d.municipality)
            .bind(new.office_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let user_id: i64 = sqlx::query_scalar(
                "INSERT INTO employer_users (employer_id, first_name, last_name, email, phone, \
                 password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(employer_id)
            .bind(&d.contact.first_name)
            .bind(&d.contact.last_name)
            .bind(d.contact.email.as_str())
            .bind(d.contact.phone.as_e164())
            .bind(&new.password_hash)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok((employer_id, user_id))
        })
    }

    /// Who holds the organisation number and who the email, if anyone.
    pub async fn employer_taken(
        &self,
        org_number: &OrganisationNumber,
        email: &Email,
    ) -> Result<EmployerTaken, StoreError> {
        let (org_users, email_user): (Vec<i64>, Option<i64>) = on_pool!(self, p => {
            let org: Vec<i64> = sqlx::query_scalar(
                "SELECT u.id FROM employer_users u JOIN employers e ON e.id = u.employer_id \
                 WHERE e.org_number = $1 ORDER BY u.id",
            )
            .bind(org_number.as_digits())
            .fetch_all(p)
            .await?;
            let mail: Option<i64> =
                sqlx::query_scalar("SELECT id FROM employer_users WHERE email = $1")
                    .bind(email.as_str())
                    .fetch_optional(p)
                    .await?;
            (org, mail)
        });
        Ok(EmployerTaken {
            org_users,
            email_user,
        })
    }

    /// Tells an employer's user that someone tried to register with their organisation or
    /// address, unless they were told within `ACCOUNT_NOTICE_EVERY`. `true` when written.
    pub async fn enqueue_employer_attempt_message(
        &self,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let written = sqlx::query(
                "INSERT INTO outbox (employer_user_id, event, medium, due_at, created_at) \
                 SELECT $1, 'employer_registration_attempt', $2, $3, $3 WHERE NOT EXISTS ( \
                   SELECT 1 FROM outbox WHERE employer_user_id = $1 \
                   AND event = 'employer_registration_attempt' AND created_at > $4)",
            )
            .bind(user_id)
            .bind(Medium::Email.as_str())
            .bind(stored(now))
            .bind(stored(now - ACCOUNT_NOTICE_EVERY))
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            tx.commit().await?;
            written
        }))
    }

    pub async fn employer_credentials(
        &self,
        email: &Email,
    ) -> Result<Option<EmployerCredentials>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id AS user_id, password_hash FROM employer_users WHERE email = $1",
            )
            .bind(email.as_str())
            .fetch_optional(p)
            .await?))
    }

    pub async fn record_employer_sign_in(
        &self,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query("UPDATE employer_users SET last_sign_in_at = $2 WHERE id = $1")
                .bind(user_id)
                .bind(stored(now))
                .execute(p)
                .await?;
        });
        Ok(())
    }

    pub async fn employer_user(&self, user_id: i64) -> Result<Option<EmployerUserRow>, StoreError> {
        let sql = format!("{SELECT_USER} WHERE id = $1");
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql).bind(user_id).fetch_optional(p).await?))
    }

    /// The user's first name and organisation, for the page header.
    pub async fn employer_user_greeting(
        &self,
        user_id: i64,
    ) -> Result<Option<crate::views::employer::EmployerSignedIn>, StoreError> {
        let row: Option<(String, String)> = on_pool!(self, p =>
            sqlx::query_as(
                "SELECT u.first_name, e.name FROM employer_users u \
                 JOIN employers e ON e.id = u.employer_id WHERE u.id = $1",
            )
            .bind(user_id)
            .fetch_optional(p)
            .await?);
        Ok(row.map(
            |(first_name, organisation)| crate::views::employer::EmployerSignedIn {
                first_name,
                organisation,
            },
        ))
    }

    /// The organisation's users, in the order they joined.
    pub async fn employer_users(
        &self,
        employer_id: i64,
    ) -> Result<Vec<EmployerUserRow>, StoreError> {
        let sql = format!("{SELECT_USER} WHERE employer_id = $1 ORDER BY id");
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql).bind(employer_id).fetch_all(p).await?))
    }

    pub async fn employer(&self, employer_id: i64) -> Result<Option<EmployerRow>, StoreError> {
        let sql = format!("{SELECT_EMPLOYER} WHERE e.id = $1");
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql).bind(employer_id).fetch_optional(p).await?))
    }

    /// Invites a colleague: the invitation and the email that carries its link, in one
    /// transaction. Returns the invitation's id.
    pub async fn invite_colleague(
        &self,
        employer_id: i64,
        by_user: i64,
        email: &Email,
        link: &NewLink,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let at = stored(now);
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO employer_invitations (employer_id, email, token_hash, invited_by, \
                 created_at, expires_at) \
                 SELECT $1, $2, $3, $4, $5, $6 FROM employer_users \
                 WHERE id = $4 AND employer_id = $1 RETURNING id",
            )
            .bind(employer_id)
            .bind(email.as_str())
            .bind(&link.token_key)
            .bind(by_user)
            .bind(at)
            .bind(stored(link.expires_at))
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            sqlx::query(
                "INSERT INTO outbox (invitation_id, secret, event, medium, due_at, created_at) \
                 VALUES ($1, $2, 'employer_invitation', 'email', $3, $3)",
            )
            .bind(id)
            .bind(&link.secret)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(id)
        })
    }

    /// The organisation's invitations not yet used, newest first.
    pub async fn open_invitations(
        &self,
        employer_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Vec<InvitationRow>, StoreError> {
        let sql = format!(
            "{SELECT_INVITATION} WHERE i.employer_id = $1 AND i.used_at IS NULL \
             AND i.expires_at > $2 ORDER BY i.id DESC"
        );
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql).bind(employer_id).bind(stored(now)).fetch_all(p).await?))
    }

    /// The invitation a link's token key names.
    pub async fn invitation(&self, token_key: &str) -> Result<Option<InvitationRow>, StoreError> {
        let sql = format!("{SELECT_INVITATION} WHERE i.token_hash = $1");
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql).bind(token_key).fetch_optional(p).await?))
    }

    /// Uses invitation `id` to create the colleague's account at the invited address: once,
    /// before it expires. `NotFound` when it can no longer be used; an address that has an
    /// account meanwhile is `Conflict(EmployerEmailTaken)`. Returns the new user's id.
    pub async fn accept_invitation(
        &self,
        id: i64,
        person: &AcceptedPerson<'_>,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let at = stored(now);
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let found: Option<(i64, String, i64)> = sqlx::query_as(
                "UPDATE employer_invitations SET used_at = $2 \
                 WHERE id = $1 AND used_at IS NULL AND expires_at > $2 \
                 RETURNING employer_id, email, invited_by",
            )
            .bind(id)
            .bind(at)
            .fetch_optional(&mut *tx)
            .await?;
            let (employer_id, email, invited_by) = found.ok_or(StoreError::NotFound)?;
            let user_id: i64 = sqlx::query_scalar(
                "INSERT INTO employer_users (employer_id, first_name, last_name, email, phone, \
                 password_hash, invited_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(employer_id)
            .bind(person.first_name)
            .bind(person.last_name)
            .bind(&email)
            .bind(person.phone)
            .bind(&person.password_hash)
            .bind(invited_by)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(user_id)
        })
    }

    /// What an outbox row's invitation email needs.
    pub async fn invitation_message(
        &self,
        outbox_id: i64,
    ) -> Result<Option<InvitationMessage>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT i.email, e.name AS employer_name, u.first_name AS inviter_first_name, \
                 u.last_name AS inviter_last_name, x.secret, i.used_at FROM outbox x \
                 JOIN employer_invitations i ON i.id = x.invitation_id \
                 JOIN employers e ON e.id = i.employer_id \
                 JOIN employer_users u ON u.id = i.invited_by WHERE x.id = $1",
            )
            .bind(outbox_id)
            .fetch_optional(p)
            .await?))
    }
}

/// A colleague's own details as they accept an invitation, with the password hashed.
pub struct AcceptedPerson<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    /// E.164.
    pub phone: &'a str,
    pub password_hash: String,
}
