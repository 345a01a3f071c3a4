//! Counsellors as administrators and office managers keep them: created with a staff account
//! and a link to set its password, changed (checking the version the form was drawn from),
//! and deactivated, never deleted, since the case history keeps them. Every change goes to
//! the audit trail in the same transaction.

use super::{
    accounts::link_in, audit_in, bookings::stored, counsellors::tags_of, on_pool, AuditEntry,
    Store, StoreError, WritePool,
};
use crate::domain::{
    admin::{counsellor::CounsellorDraft, Version},
    choices::LanguageCode,
    Channel, Email, FieldCode, PhoneNumber,
};
use chrono::{DateTime, Utc};

/// A one-time link to write: the key the database keeps, the secret the email carries.
#[derive(Debug, Clone)]
pub struct NewLink {
    pub token_key: String,
    pub secret: String,
    pub expires_at: DateTime<Utc>,
}

/// A counsellor as the administration pages show and change them.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CounsellorAdminRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub title_en: String,
    pub phone: String,
    pub email: String,
    pub office_id: i64,
    pub office_name: String,
    pub active: bool,
    pub serves_employers: bool,
    pub version: i64,
    pub staff_id: Option<i64>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    /// Meetings still booked from now on.
    pub booked_ahead: i64,
    #[sqlx(skip)]
    pub fields: Vec<String>,
    #[sqlx(skip)]
    pub languages: Vec<String>,
    #[sqlx(skip)]
    pub channels: Vec<String>,
}

impl CounsellorAdminRow {
    /// The counsellor as the form's domain type, for changing and for the audit trail.
    /// Stored values were checked on the way in; one that no longer parses is left out.
    pub fn to_draft(&self) -> Option<CounsellorDraft> {
        Some(CounsellorDraft {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            title: self.title.clone(),
            title_en: self.title_en.clone(),
            phone: PhoneNumber::parse(&self.phone).ok()?,
            email: Email::parse(&self.email).ok()?,
            office_id: self.office_id,
            fields: self
                .fields
                .iter()
                .filter_map(|f| FieldCode::parse(f).ok())
                .collect(),
            languages: self
                .languages
                .iter()
                .filter_map(|l| LanguageCode::parse(l))
                .collect(),
            channels: self
                .channels
                .iter()
                .filter_map(|c| c.parse::<Channel>().ok())
                .collect(),
            serves_employers: self.serves_employers,
            version: Some(Version::from_stored(self.version)),
        })
    }
}

const SELECT_COUNSELLOR: &str = "SELECT c.id, c.first_name, c.last_name, c.title, c.title_en, \
     c.phone, c.email, c.office_id, o.name AS office_name, c.active, c.serves_employers, \
     c.version, s.id AS staff_id, s.last_sign_in_at, \
     (SELECT COUNT(*) FROM bookings b WHERE b.counsellor_id = c.id AND b.status = 'booked' \
       AND b.starts_at >= $1) AS booked_ahead \
     FROM counsellors c JOIN offices o ON o.id = c.office_id \
     LEFT JOIN staff s ON s.counsellor_id = c.id";

/// Writes the counsellor's fields, languages and channels inside `$tx`, replacing any.
macro_rules! tags_in {
    ($tx:expr, $id:expr, $c:expr) => {{
        let id: i64 = $id;
        let c: &CounsellorDraft = $c;
        for table in [
            "counsellor_fields",
            "counsellor_languages",
            "counsellor_channels",
        ] {
            sqlx::query(&format!("DELETE FROM {table} WHERE counsellor_id = $1"))
                .bind(id)
                .execute(&mut *$tx)
                .await?;
        }
        for code in &c.fields {
            sqlx::query(
                "INSERT INTO counsellor_fields (counsellor_id, field_id) \
                 SELECT $1, id FROM occupational_fields WHERE code = $2",
            )
            .bind(id)
            .bind(code.as_str())
            .execute(&mut *$tx)
            .await?;
        }
        for lang in &c.languages {
            sqlx::query(
                "INSERT INTO counsellor_languages (counsellor_id, language) VALUES ($1, $2)",
            )
            .bind(id)
            .bind(lang.as_str())
            .execute(&mut *$tx)
            .await?;
        }
        for ch in &c.channels {
            sqlx::query("INSERT INTO counsellor_channels (counsellor_id, channel) VALUES ($1, $2)")
                .bind(id)
                .bind(ch.as_str())
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

/// Why a versioned update of a row of `$table` with id `$id` changed nothing, inside `$tx`:
/// it changed meanwhile, or it is not there.
macro_rules! stale_or_gone {
    ($tx:expr, $table:literal, $id:expr) => {{
        let exists: Option<i64> =
            sqlx::query_scalar(concat!("SELECT id FROM ", $table, " WHERE id = $1"))
                .bind($id)
                .fetch_optional(&mut *$tx)
                .await?;
        match exists {
            Some(_) => {
                $crate::ssr::store::StoreError::Conflict($crate::domain::Rule::EditedMeanwhile)
            }
            None => $crate::ssr::store::StoreError::NotFound,
        }
    }};
}
pub(crate) use stale_or_gone;

impl Store {
    /// The counsellors of `office` (every office when `None`), active first, by name.
    pub async fn admin_counsellors(
        &self,
        office: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<Vec<CounsellorAdminRow>, StoreError> {
        let rows: Vec<CounsellorAdminRow> = on_pool!(self, p =>
            sqlx::query_as(&format!(
                "{SELECT_COUNSELLOR} WHERE ($2 IS NULL OR c.office_id = $2) \
                 ORDER BY c.active DESC, o.name, c.last_name, c.first_name, c.id"
            ))
            .bind(stored(now))
            .bind(office)
            .fetch_all(p)
            .await?);
        let tags = self.counsellor_tags().await?;
        Ok(rows
            .into_iter()
            .map(|mut r| {
                r.fields = tags_of(&tags.fields, r.id);
                r.languages = tags_of(&tags.languages, r.id);
                r.channels = tags_of(&tags.channels, r.id);
                r
            })
            .collect())
    }

    pub async fn admin_counsellor(
        &self,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<CounsellorAdminRow>, StoreError> {
        let row: Option<CounsellorAdminRow> = on_pool!(self, p =>
            sqlx::query_as(&format!("{SELECT_COUNSELLOR} WHERE c.id = $2"))
                .bind(stored(now))
                .bind(id)
                .fetch_optional(p)
                .await?);
        let Some(mut row) = row else { return Ok(None) };
        let (fields, langs, channels): (Vec<String>, Vec<String>, Vec<String>) = on_pool!(self, p => (
            sqlx::query_scalar(
                "SELECT f.code FROM counsellor_fields cf JOIN occupational_fields f \
                 ON f.id = cf.field_id WHERE cf.counsellor_id = $1 ORDER BY f.code",
            )
            .bind(id)
            .fetch_all(p)
            .await?,
            sqlx::query_scalar(
                "SELECT language FROM counsellor_languages WHERE counsellor_id = $1 ORDER BY language",
            )
            .bind(id)
            .fetch_all(p)
            .await?,
            sqlx::query_scalar(
                "SELECT channel FROM counsellor_channels WHERE counsellor_id = $1 ORDER BY channel",
            )
            .bind(id)
            .fetch_all(p)
            .await?,
        ));
        row.fields = fields;
        row.languages = langs;
        row.channels = channels;
        Ok(Some(row))
    }

    /// Creates a counsellor with their staff account (whose stored hash matches no password
    /// anyone knows) and a link to set its password, all or nothing. An address already
    /// used by staff is `Rule::StaffEmailTaken`. Returns the counsellor's and account's ids.
    pub async fn create_counsellor(
        &self,
        c: &CounsellorDraft,
        unusable_hash: &str,
        link: &NewLink,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> Result<(i64, i64), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO counsellors (first_name, last_name, title, title_en, phone, email, \
                 office_id, serves_employers) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(&c.first_name)
            .bind(&c.last_name)
            .bind(&c.title)
            .bind(&c.title_en)
            .bind(c.phone.as_e164())
            .bind(c.email.as_str())
            .bind(c.office_id)
            .bind(c.serves_employers)
            .fetch_one(&mut *tx)
            .await?;
            tags_in!(tx, id, c);
            let staff_id: i64 = sqlx::query_scalar(
                "INSERT INTO staff (email, first_name, last_name, role, office_id, counsellor_id, \
                 password_hash, created_at) VALUES ($1, $2, $3, 'counsellor', $4, $5, $6, $7) \
                 RETURNING id",
            )
            .bind(c.email.as_str())
            .bind(&c.first_name)
            .bind(&c.last_name)
            .bind(c.office_id)
            .bind(id)
            .bind(unusable_hash)
            .bind(stored(now))
            .fetch_one(&mut *tx)
            .await?;
            link_in!(tx, staff_id, link, audit.staff_id, now);
            let audit = AuditEntry { subject: format!("counsellor:{id}"), ..audit.clone() };
            audit_in!(tx, &audit, now);
            tx.commit().await?;
            Ok((id, staff_id))
        })
    }

    /// Changes counsellor `id` to `c`, if they are still at the version `c` was drawn from
    /// (`Rule::EditedMeanwhile` otherwise). Their account's name, address and office follow.
    pub async fn update_counsellor(
        &self,
        id: i64,
        c: &CounsellorDraft,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let version = c.version.unwrap_or(Version::FIRST).get();
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query(
                "UPDATE counsellors SET first_name = $3, last_name = $4, title = $5, \
                 title_en = $6, phone = $7, email = $8, office_id = $9, serves_employers = $10, \
                 version = version + 1 WHERE id = $1 AND version = $2",
            )
            .bind(id)
            .bind(version)
            .bind(&c.first_name)
            .bind(&c.last_name)
            .bind(&c.title)
            .bind(&c.title_en)
            .bind(c.phone.as_e164())
            .bind(c.email.as_str())
            .bind(c.office_id)
            .bind(c.serves_employers)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(stale_or_gone!(tx, "counsellors", id));
            }
            tags_in!(tx, id, c);
            sqlx::query(
                "UPDATE staff SET email = $2, first_name = $3, last_name = $4, office_id = $5 \
                 WHERE counsellor_id = $1",
            )
            .bind(id)
            .bind(c.email.as_str())
            .bind(&c.first_name)
            .bind(&c.last_name)
            .bind(c.office_id)
            .execute(&mut *tx)
            .await?;
            audit_in!(tx, audit, now);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Deactivates (or takes back) counsellor `id` at `version`, with their account: nothing
    /// more is offered with them and they cannot sign in; their history stays.
    pub async fn set_counsellor_active(
        &self,
        id: i64,
        active: bool,
        version: Version,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query(
                "UPDATE counsellors SET active = $3, version = version + 1 \
                 WHERE id = $1 AND version = $2",
            )
            .bind(id)
            .bind(version.get())
            .bind(active)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(stale_or_gone!(tx, "counsellors", id));
            }
            sqlx::query(
                "UPDATE staff SET active = $2, version = version + 1 WHERE counsellor_id = $1",
            )
            .bind(id)
            .bind(active)
            .execute(&mut *tx)
            .await?;
            audit_in!(tx, audit, now);
            tx.commit().await?;
            Ok(())
        })
    }
}
