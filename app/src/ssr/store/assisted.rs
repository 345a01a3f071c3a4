//! Registration with staff: drafts held by an office's desk (begun there, or an online draft
//! continued there once the person proved who they are), and the one-time link a person
//! registered by staff makes their own password with.

use super::{bookings::stored, on_pool, NewLink, Store, StoreError, WritePool};
use chrono::{DateTime, Utc};

/// How staff knew the person a draft is held for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    /// Begun by staff, with the person at the desk or on the phone.
    Started,
    /// An online draft; staff checked an identity document at the desk.
    IdChecked,
    /// An online draft; the person read out the code shown on their own draft page.
    CodeRead,
}

impl Confirmed {
    pub fn as_str(self) -> &'static str {
        match self {
            Confirmed::Started => "started",
            Confirmed::IdChecked => "id",
            Confirmed::CodeRead => "code",
        }
    }
}

/// A draft found by its code, and the desk holding it (if one does).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HeldDraft {
    pub token_hash: String,
    pub office_id: Option<i64>,
    pub staff_id: Option<i64>,
    pub updated_at: DateTime<Utc>,
}

/// A draft with what was typed in it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HeldDraftText {
    pub token_hash: String,
    pub office_id: Option<i64>,
    pub data: String,
    pub updated_at: DateTime<Utc>,
}

/// A one-time link of a person registered by staff, as its page needs it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SeekerLinkRow {
    pub id: i64,
    pub seeker_id: i64,
    pub first_name: String,
    pub email: String,
    pub personal_number: String,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    /// A newer link was made, or the person has a password already: this one is void.
    pub void: bool,
}

/// What the email with a person's link needs.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SeekerLinkMessage {
    pub email: String,
    pub phone: String,
    pub first_name: String,
    pub message_language: String,
    pub secret: Option<String>,
}

/// Writes a one-time link for seeker `$seeker` and the messages that carry it, inside `$tx`.
macro_rules! seeker_link_in {
    ($tx:expr, $seeker:expr, $link:expr, $by:expr, $now:expr) => {{
        let link: &$crate::ssr::store::NewLink = $link;
        let seeker: i64 = $seeker;
        let by: Option<i64> = $by;
        let now = $crate::ssr::store::bookings::stored($now);
        sqlx::query(
            "INSERT INTO seeker_password_links (seeker_id, token_hash, created_by, created_at, \
             expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(seeker)
        .bind(&link.token_key)
        .bind(by)
        .bind(now)
        .bind($crate::ssr::store::bookings::stored(link.expires_at))
        .execute(&mut *$tx)
        .await?;
        // By email and by text message, as a booking's confirmation goes: whichever the
        // person reads first, the link works once.
        for medium in ["email", "sms"] {
            sqlx::query(
                "INSERT INTO outbox (seeker_id, secret, event, medium, due_at, created_at) \
                 VALUES ($1, $2, 'seeker_password_link', $3, $4, $4)",
            )
            .bind(seeker)
            .bind(&link.secret)
            .bind(medium)
            .bind(now)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}
pub(crate) use seeker_link_in;

impl Store {
    /// Begins an empty draft held by `office_id`'s desk, known by `token_hash`.
    pub async fn start_held_draft(
        &self,
        token_hash: &str,
        office_id: i64,
        staff_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(
                "INSERT INTO registration_drafts (token_hash, data, created_at, updated_at, \
                 office_id, staff_id, staff_opened_at, confirmed) \
                 VALUES ($1, '{}', $2, $2, $3, $4, $2, 'started')",
            )
            .bind(token_hash)
            .bind(stored(now))
            .bind(office_id)
            .bind(staff_id)
            .execute(p)
            .await?;
        });
        Ok(())
    }

    /// The fresh draft whose key begins with `code` (ten hex digits).
    pub async fn draft_by_code(
        &self,
        code: &str,
        fresh_since: DateTime<Utc>,
    ) -> Result<Option<HeldDraft>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT token_hash, office_id, staff_id, updated_at FROM registration_drafts \
                 WHERE substr(token_hash, 1, 10) = $1 AND updated_at >= $2",
            )
            .bind(code)
            .bind(stored(fresh_since))
            .fetch_optional(p)
            .await?))
    }

    /// Puts an online draft in the hands of `office_id`'s desk, saying how the person was
    /// known. `NotFound` when the draft is gone.
    pub async fn hold_draft(
        &self,
        token_hash: &str,
        office_id: i64,
        staff_id: i64,
        confirmed: Confirmed,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let done = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(
                "UPDATE registration_drafts SET office_id = $2, staff_id = $3, \
                 staff_opened_at = $4, confirmed = $5 WHERE token_hash = $1",
            )
            .bind(token_hash)
            .bind(office_id)
            .bind(staff_id)
            .bind(stored(now))
            .bind(confirmed.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            n
        });
        if done == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// The drafts `office_id`'s desk holds, newest first: to find one again.
    pub async fn held_drafts(
        &self,
        office_id: i64,
        fresh_since: DateTime<Utc>,
    ) -> Result<Vec<(String, String, DateTime<Utc>)>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT token_hash, data, updated_at FROM registration_drafts \
                 WHERE office_id = $1 AND updated_at >= $2 ORDER BY updated_at DESC LIMIT 50",
            )
            .bind(office_id)
            .bind(stored(fresh_since))
            .fetch_all(p)
            .await?))
    }

    /// The fresh drafts, newest first (at most `limit`): their keys and text, to find one by
    /// what was typed in it.
    pub async fn fresh_drafts(
        &self,
        fresh_since: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<HeldDraftText>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT token_hash, office_id, data, updated_at FROM registration_drafts \
                 WHERE updated_at >= $1 ORDER BY updated_at DESC LIMIT $2",
            )
            .bind(stored(fresh_since))
            .bind(limit)
            .fetch_all(p)
            .await?))
    }

    pub async fn seeker_password_link(
        &self,
        token_key: &str,
    ) -> Result<Option<SeekerLinkRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT l.id, l.seeker_id, s.first_name, s.email, s.personal_number, \
                 l.expires_at, l.used_at, \
                 (EXISTS (SELECT 1 FROM seeker_accounts a WHERE a.seeker_id = l.seeker_id) \
                  OR EXISTS (SELECT 1 FROM seeker_password_links n \
                   WHERE n.seeker_id = l.seeker_id AND n.id > l.id)) AS void \
                 FROM seeker_password_links l JOIN seekers s ON s.id = l.seeker_id \
                 WHERE l.token_hash = $1",
            )
            .bind(token_key)
            .fetch_optional(p)
            .await?))
    }

    /// Uses link `link_id` to give the person their sign-in: once, before it expires, only
    /// the person's newest link, and only while they have no password. Returns the person;
    /// `NotFound` when the link can no longer be used.
    pub async fn use_seeker_password_link(
        &self,
        link_id: i64,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let seeker_id: Option<i64> = sqlx::query_scalar(
                "UPDATE seeker_password_links SET used_at = $2 \
                 WHERE id = $1 AND used_at IS NULL AND expires_at > $2 \
                 AND NOT EXISTS (SELECT 1 FROM seeker_password_links n \
                   WHERE n.seeker_id = seeker_password_links.seeker_id AND n.id > $1) \
                 RETURNING seeker_id",
            )
            .bind(link_id)
            .bind(stored(now))
            .fetch_optional(&mut *tx)
            .await?;
            let seeker_id = seeker_id.ok_or(StoreError::NotFound)?;
            // The account table's key refuses a second password for the same person.
            sqlx::query(
                "INSERT INTO seeker_accounts (seeker_id, password_hash, created_at) \
                 VALUES ($1, $2, $3)",
            )
            .bind(seeker_id)
            .bind(password_hash)
            .bind(stored(now))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(seeker_id)
        })
    }

    /// The person and secret an outbox row's link email needs.
    pub async fn seeker_link_message(
        &self,
        outbox_id: i64,
    ) -> Result<Option<SeekerLinkMessage>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT s.email, s.phone, s.first_name, s.message_language, x.secret FROM outbox x \
                 JOIN seekers s ON s.id = x.seeker_id WHERE x.id = $1",
            )
            .bind(outbox_id)
            .fetch_optional(p)
            .await?))
    }

    /// Whether the person has made their own sign-in; if not, when their newest link to
    /// make one expires and whether it was used.
    pub async fn seeker_sign_in_state(
        &self,
        seeker_id: i64,
    ) -> Result<(bool, Option<(DateTime<Utc>, bool)>), StoreError> {
        on_pool!(self, p => {
            let own: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM seeker_accounts WHERE seeker_id = $1)",
            )
            .bind(seeker_id)
            .fetch_one(p)
            .await?;
            let link: Option<(DateTime<Utc>, bool)> = sqlx::query_as(
                "SELECT expires_at, used_at IS NOT NULL FROM seeker_password_links \
                 WHERE seeker_id = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(seeker_id)
            .fetch_optional(p)
            .await?;
            Ok((own, link))
        })
    }

    /// Sends the person a new link to make their own sign-in (earlier ones stop working),
    /// by email and text message. `NotFound` when they have one already, or took their
    /// account away.
    pub async fn send_seeker_link(
        &self,
        seeker_id: i64,
        link: &NewLink,
        by_staff: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let open: bool = sqlx::query_scalar(
                "SELECT NOT EXISTS (SELECT 1 FROM seeker_accounts WHERE seeker_id = $1) \
                 AND NOT EXISTS (SELECT 1 FROM erased_seekers WHERE seeker_id = $1) \
                 AND EXISTS (SELECT 1 FROM seekers WHERE id = $1)",
            )
            .bind(seeker_id)
            .fetch_one(&mut *tx)
            .await?;
            if !open {
                return Err(StoreError::NotFound);
            }
            seeker_link_in!(tx, seeker_id, link, Some(by_staff), now);
            tx.commit().await?;
            Ok(())
        })
    }
}
