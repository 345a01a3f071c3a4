//! Staff accounts as administrators keep them (role, office, active or not, last sign-in)
//! and the one-time links that let a member of staff set their own password. Each change
//! checks the version it was drawn from and is written to the audit trail in its own
//! transaction.

use super::{
    audit_in, bookings::stored, on_pool, people::stale_or_gone, AuditEntry, NewLink, Store,
    StoreError, WritePool,
};
use crate::domain::{
    admin::{
        accounts::{AccountChange, NewAccountDraft},
        Version,
    },
    staff::Role,
};
use chrono::{DateTime, Utc};

/// A staff account on the administrator's list.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: String,
    pub office_id: Option<i64>,
    pub office_name: Option<String>,
    pub counsellor_id: Option<i64>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    /// A link to set the password was sent and has not been used.
    pub link_waiting: bool,
}

impl AccountRow {
    pub fn role(&self) -> Option<Role> {
        self.role.parse().ok()
    }

    pub fn version(&self) -> Version {
        Version::from_stored(self.version)
    }

    /// The account in one line, for the audit trail's "from → to".
    pub fn summary(&self) -> String {
        format!(
            "{}; kontor {}; {}",
            self.role,
            self.office_id
                .map(|o| o.to_string())
                .unwrap_or_else(|| "–".into()),
            if self.active { "aktiv" } else { "avslutad" }
        )
    }
}

/// A one-time link as its page needs it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PasswordLinkRow {
    pub id: i64,
    pub staff_id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    /// A newer link was made for the account, or the account was closed: this one is void.
    pub void: bool,
}

/// What the email with a link needs.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StaffLinkMessage {
    pub email: String,
    pub first_name: String,
    pub secret: Option<String>,
    /// A closed account gets no link.
    pub active: bool,
}

const SELECT_ACCOUNT: &str = "SELECT s.id, s.email, s.first_name, s.last_name, s.role, \
     s.office_id, o.name AS office_name, s.counsellor_id, s.active, s.version, s.created_at, \
     s.last_sign_in_at, (s.active AND EXISTS (SELECT 1 FROM staff_password_links l \
       WHERE l.staff_id = s.id AND l.used_at IS NULL AND l.expires_at > $1)) AS link_waiting \
     FROM staff s LEFT JOIN offices o ON o.id = s.office_id";

/// Writes a one-time link for `$staff` and the email that carries it, inside `$tx`.
macro_rules! link_in {
    ($tx:expr, $staff:expr, $link:expr, $by:expr, $now:expr) => {{
        let link: &$crate::ssr::store::NewLink = $link;
        let staff: i64 = $staff;
        let now = $crate::ssr::store::bookings::stored($now);
        sqlx::query(
            "INSERT INTO staff_password_links (staff_id, token_hash, created_by, created_at, \
             expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(staff)
        .bind(&link.token_key)
        .bind($by)
        .bind(now)
        .bind($crate::ssr::store::bookings::stored(link.expires_at))
        .execute(&mut *$tx)
        .await?;
        sqlx::query(
            "INSERT INTO outbox (staff_id, secret, event, medium, due_at, created_at) \
             VALUES ($1, $2, 'staff_password_link', 'email', $3, $3)",
        )
        .bind(staff)
        .bind(&link.secret)
        .bind(now)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use link_in;

impl Store {
    /// Every account, administrators first, then by office and name.
    pub async fn admin_accounts(&self, now: DateTime<Utc>) -> Result<Vec<AccountRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "{SELECT_ACCOUNT} ORDER BY s.active DESC, o.name NULLS FIRST, s.last_name, \
                 s.first_name, s.id"
            ))
            .bind(stored(now))
            .fetch_all(p)
            .await?))
    }

    pub async fn admin_account(
        &self,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<AccountRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!("{SELECT_ACCOUNT} WHERE s.id = $2"))
                .bind(stored(now))
                .bind(id)
                .fetch_optional(p)
                .await?))
    }

    /// Creates an account without a calendar, with a link to set its password (the hash
    /// stored until then matches no password anyone knows).
    pub async fn create_account(
        &self,
        a: &NewAccountDraft,
        unusable_hash: &str,
        link: &NewLink,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO staff (email, first_name, last_name, role, office_id, \
                 password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(a.email.as_str())
            .bind(&a.first_name)
            .bind(&a.last_name)
            .bind(a.role.as_str())
            .bind(a.office_id)
            .bind(unusable_hash)
            .bind(stored(now))
            .fetch_one(&mut *tx)
            .await?;
            link_in!(tx, id, link, audit.staff_id, now);
            let audit = AuditEntry { subject: format!("account:{id}"), ..audit.clone() };
            audit_in!(tx, &audit, now);
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Gives the account `id` a role, an office and whether it may sign in, if it is still at
    /// `change.version`. The last active administrator stays one (`Rule::LastAdmin`, from the
    /// database); a counsellor's calendar moves with their account's office.
    pub async fn change_account(
        &self,
        id: i64,
        change: &AccountChange,
        active: bool,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let lock = match self.backend() {
            super::BackendKind::Postgres => " FOR UPDATE",
            super::BackendKind::Sqlite => "",
        };
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            // Two administrators demoting each other at once must not both count the other.
            let _: Vec<i64> = sqlx::query_scalar(&format!(
                "SELECT id FROM staff WHERE role = 'admin' ORDER BY id{lock}"
            ))
            .fetch_all(&mut *tx)
            .await?;
            let done = sqlx::query(
                "UPDATE staff SET role = $3, office_id = $4, active = $5, version = version + 1 \
                 WHERE id = $1 AND version = $2",
            )
            .bind(id)
            .bind(change.version.get())
            .bind(change.role.as_str())
            .bind(change.office_id)
            .bind(active)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(stale_or_gone!(tx, "staff", id));
            }
            if let Some(office) = change.office_id {
                sqlx::query(
                    "UPDATE counsellors SET office_id = $2, version = version + 1 \
                     WHERE id = (SELECT counsellor_id FROM staff WHERE id = $1) AND office_id <> $2",
                )
                .bind(id)
                .bind(office)
                .execute(&mut *tx)
                .await?;
            }
            audit_in!(tx, audit, now);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Sends the account a new link to set its password; earlier links stop working.
    pub async fn add_password_link(
        &self,
        staff_id: i64,
        link: &NewLink,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let active: Option<bool> = sqlx::query_scalar("SELECT active FROM staff WHERE id = $1")
                .bind(staff_id)
                .fetch_optional(&mut *tx)
                .await?;
            if active != Some(true) {
                return Err(StoreError::NotFound);
            }
            link_in!(tx, staff_id, link, audit.staff_id, now);
            audit_in!(tx, audit, now);
            tx.commit().await?;
            Ok(())
        })
    }

    /// The link a token's key names, with its account.
    pub async fn password_link(
        &self,
        token_key: &str,
    ) -> Result<Option<PasswordLinkRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT l.id, l.staff_id, s.email, s.first_name, s.last_name, l.expires_at, \
                 l.used_at, (NOT s.active OR EXISTS (SELECT 1 FROM staff_password_links n \
                   WHERE n.staff_id = l.staff_id AND n.id > l.id)) AS void \
                 FROM staff_password_links l JOIN staff s ON s.id = l.staff_id \
                 WHERE l.token_hash = $1",
            )
            .bind(token_key)
            .fetch_optional(p)
            .await?))
    }

    /// Uses the link `link_id` to set the account's password: once, before it expires, and
    /// only the account's newest link. `NotFound` when it can no longer be used.
    pub async fn use_password_link(
        &self,
        link_id: i64,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let staff_id: Option<i64> = sqlx::query_scalar(
                "UPDATE staff_password_links SET used_at = $2 \
                 WHERE id = $1 AND used_at IS NULL AND expires_at > $2 \
                 AND NOT EXISTS (SELECT 1 FROM staff_password_links n \
                   WHERE n.staff_id = staff_password_links.staff_id AND n.id > $1) \
                 RETURNING staff_id",
            )
            .bind(link_id)
            .bind(stored(now))
            .fetch_optional(&mut *tx)
            .await?;
            let staff_id = staff_id.ok_or(StoreError::NotFound)?;
            let done = sqlx::query(
                "UPDATE staff SET password_hash = $2, \
                 password_generation = password_generation + 1 WHERE id = $1 AND active",
            )
            .bind(staff_id)
            .bind(password_hash)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(StoreError::NotFound);
            }
            tx.commit().await?;
            Ok(staff_id)
        })
    }

    /// The account and secret an outbox row's link email needs.
    pub async fn staff_link_message(
        &self,
        outbox_id: i64,
    ) -> Result<Option<StaffLinkMessage>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT s.email, s.first_name, x.secret, s.active FROM outbox x \
                 JOIN staff s ON s.id = x.staff_id WHERE x.id = $1",
            )
            .bind(outbox_id)
            .fetch_optional(p)
            .await?))
    }
}
