//! An employer's recruitment needs and the drafts of them. Every read and change is keyed by
//! the organisation as well as the need: one organisation's user can never reach another's.

use super::{bookings::stored, on_pool, Store, StoreError, WritePool};
use crate::domain::employer::need::{Need, NeedStatus};
use chrono::{DateTime, NaiveDate, Utc};

/// A need as stored, with its occupation named.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NeedRow {
    pub id: i64,
    pub employer_id: i64,
    pub headline: String,
    pub occupation_id: i64,
    pub occupation_code: String,
    pub occupation_sv: String,
    pub occupation_en: String,
    pub field_code: String,
    pub positions: i64,
    pub employment: String,
    pub extent: String,
    pub municipality: String,
    pub earliest_start: Option<NaiveDate>,
    pub apply_by: NaiveDate,
    pub description: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl NeedRow {
    pub fn status(&self) -> Option<NeedStatus> {
        NeedStatus::parse(&self.status)
    }
}

/// A draft: the form as typed (JSON), for a new need or changes to need `need_id`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NeedDraftRow {
    pub id: i64,
    pub need_id: Option<i64>,
    pub data: String,
    pub updated_at: DateTime<Utc>,
}

const SELECT_NEED: &str = "SELECT n.id, n.employer_id, n.headline, n.occupation_id, \
     o.code AS occupation_code, o.name_sv AS occupation_sv, o.name_en AS occupation_en, \
     f.code AS field_code, n.positions, n.employment, n.extent, n.municipality, \
     n.earliest_start, n.apply_by, n.description, n.status, n.created_at, n.updated_at, \
     n.closed_at FROM employer_needs n JOIN occupations o ON o.id = n.occupation_id \
     JOIN occupational_fields f ON f.id = o.field_id";

impl Store {
    /// The organisation's needs: open ones first, each group newest first.
    pub async fn needs(&self, employer_id: i64) -> Result<Vec<NeedRow>, StoreError> {
        let sql = format!(
            "{SELECT_NEED} WHERE n.employer_id = $1 \
             ORDER BY CASE WHEN n.status = 'open' THEN 0 ELSE 1 END, n.id DESC"
        );
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql).bind(employer_id).fetch_all(p).await?))
    }

    pub async fn need(
        &self,
        employer_id: i64,
        need_id: i64,
    ) -> Result<Option<NeedRow>, StoreError> {
        let sql = format!("{SELECT_NEED} WHERE n.employer_id = $1 AND n.id = $2");
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql).bind(employer_id).bind(need_id).fetch_optional(p).await?))
    }

    /// Publishes a new need, and forgets the draft it was typed in (if any). Returns its id.
    pub async fn add_need(
        &self,
        employer_id: i64,
        user_id: i64,
        need: &Need,
        occupation_id: i64,
        draft_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let at = stored(now);
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO employer_needs (employer_id, headline, occupation_id, positions, \
                 employment, extent, municipality, earliest_start, apply_by, description, \
                 created_by, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
            )
            .bind(employer_id)
            .bind(&need.headline)
            .bind(occupation_id)
            .bind(i64::from(need.positions))
            .bind(need.employment.as_str())
            .bind(need.extent.as_str())
            .bind(&need.municipality)
            .bind(need.earliest_start)
            .bind(need.apply_by)
            .bind(&need.description)
            .bind(user_id)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            if let Some(draft) = draft_id {
                sqlx::query(
                    "DELETE FROM employer_need_drafts WHERE id = $1 AND employer_id = $2 \
                     AND need_id IS NULL",
                )
                .bind(draft)
                .bind(employer_id)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Saves changes to an open need and forgets its draft. `NotFound` for a need of another
    /// organisation or one that is closed.
    pub async fn update_need(
        &self,
        employer_id: i64,
        need_id: i64,
        need: &Need,
        occupation_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query(
                "UPDATE employer_needs SET headline = $3, occupation_id = $4, positions = $5, \
                 employment = $6, extent = $7, municipality = $8, earliest_start = $9, \
                 apply_by = $10, description = $11, updated_at = $12 \
                 WHERE id = $1 AND employer_id = $2 AND status = 'open'",
            )
            .bind(need_id)
            .bind(employer_id)
            .bind(&need.headline)
            .bind(occupation_id)
            .bind(i64::from(need.positions))
            .bind(need.employment.as_str())
            .bind(need.extent.as_str())
            .bind(&need.municipality)
            .bind(need.earliest_start)
            .bind(need.apply_by)
            .bind(&need.description)
            .bind(stored(now))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM employer_need_drafts WHERE need_id = $1")
                .bind(need_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Closes an open need as filled or withdrawn (its unsaved changes go with it).
    /// `NotFound` for a need of another organisation or one closed already.
    pub async fn close_need(
        &self,
        employer_id: i64,
        need_id: i64,
        status: NeedStatus,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        debug_assert!(!status.is_open());
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query(
                "UPDATE employer_needs SET status = $3, closed_at = $4, updated_at = $4 \
                 WHERE id = $1 AND employer_id = $2 AND status = 'open'",
            )
            .bind(need_id)
            .bind(employer_id)
            .bind(status.as_str())
            .bind(stored(now))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM employer_need_drafts WHERE need_id = $1")
                .bind(need_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// The organisation's drafts, newest first.
    pub async fn need_drafts(&self, employer_id: i64) -> Result<Vec<NeedDraftRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, need_id, data, updated_at FROM employer_need_drafts \
                 WHERE employer_id = $1 ORDER BY updated_at DESC, id DESC",
            )
            .bind(employer_id)
            .fetch_all(p)
            .await?))
    }

    /// The draft of a new need (`draft_id`) or of changes to `need_id`.
    pub async fn need_draft(
        &self,
        employer_id: i64,
        draft_id: Option<i64>,
        need_id: Option<i64>,
    ) -> Result<Option<NeedDraftRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, need_id, data, updated_at FROM employer_need_drafts \
                 WHERE employer_id = $1 AND ((need_id IS NULL AND id = $2) OR need_id = $3)",
            )
            .bind(employer_id)
            .bind(draft_id.unwrap_or(0))
            .bind(need_id.unwrap_or(0))
            .fetch_optional(p)
            .await?))
    }

    /// Keeps what was typed: into draft `draft_id` of a new need, a new draft when there is
    /// none (or it is gone), or the draft of changes to open need `need_id`. Returns the
    /// draft's id; `NotFound` when `need_id` is no open need of the organisation.
    pub async fn save_need_draft(
        &self,
        employer_id: i64,
        user_id: i64,
        draft_id: Option<i64>,
        need_id: Option<i64>,
        data: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let at = stored(now);
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            if let Some(need) = need_id {
                let open: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM employer_needs WHERE id = $1 AND employer_id = $2 \
                     AND status = 'open'",
                )
                .bind(need)
                .bind(employer_id)
                .fetch_optional(&mut *tx)
                .await?;
                open.ok_or(StoreError::NotFound)?;
            }
            let existing: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM employer_need_drafts WHERE employer_id = $1 \
                 AND ((need_id IS NULL AND id = $2 AND $3 = 0) OR need_id = $3)",
            )
            .bind(employer_id)
            .bind(draft_id.unwrap_or(0))
            .bind(need_id.unwrap_or(0))
            .fetch_optional(&mut *tx)
            .await?;
            let id = match existing {
                Some(id) => {
                    sqlx::query(
                        "UPDATE employer_need_drafts SET data = $2, updated_by = $3, \
                         updated_at = $4 WHERE id = $1",
                    )
                    .bind(id)
                    .bind(data)
                    .bind(user_id)
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
                    id
                }
                None => sqlx::query_scalar(
                    "INSERT INTO employer_need_drafts (employer_id, need_id, data, updated_by, \
                     created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                )
                .bind(employer_id)
                .bind(need_id)
                .bind(data)
                .bind(user_id)
                .bind(at)
                .fetch_one(&mut *tx)
                .await?,
            };
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Throws a draft away. Nothing happens for another organisation's draft.
    pub async fn delete_need_draft(
        &self,
        employer_id: i64,
        draft_id: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query("DELETE FROM employer_need_drafts WHERE id = $1 AND employer_id = $2")
                .bind(draft_id)
                .bind(employer_id)
                .execute(p)
                .await?;
        });
        Ok(())
    }
}
