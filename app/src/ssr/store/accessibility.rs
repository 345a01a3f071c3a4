//! Reports of accessibility shortcomings: written by anyone from the statement page, read
//! and marked handled by administrators.

use super::{bookings::stored, on_pool, Store, StoreError, WritePool};
use crate::domain::{accessibility::AccessibilityReport, StaffId};
use chrono::{DateTime, Utc};

/// A report as administrators read it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccessibilityReportRow {
    pub id: i64,
    pub place: Option<String>,
    pub description: String,
    pub email: Option<String>,
    pub language: String,
    pub created_at: DateTime<Utc>,
    pub handled_at: Option<DateTime<Utc>>,
    /// Who marked it handled, by name.
    pub handled_by: Option<String>,
}

impl Store {
    /// Keeps a report sent in `language` (`sv` or `en`); its id.
    pub async fn insert_accessibility_report(
        &self,
        report: &AccessibilityReport,
        language: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO accessibility_reports (place, description, email, language, \
                 created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(report.place.as_deref())
            .bind(&report.description)
            .bind(report.email.as_ref().map(|e| e.as_str()))
            .bind(language)
            .bind(stored(now))
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            id
        }))
    }

    /// The reports not yet handled (oldest first), then up to `handled` handled ones (the
    /// latest first).
    pub async fn accessibility_reports(
        &self,
        handled: i64,
    ) -> Result<Vec<AccessibilityReportRow>, StoreError> {
        let select = "SELECT r.id, r.place, r.description, r.email, r.language, r.created_at, \
             r.handled_at, s.first_name || ' ' || s.last_name AS handled_by \
             FROM accessibility_reports r LEFT JOIN staff s ON s.id = r.handled_by";
        let open = format!("{select} WHERE r.handled_at IS NULL ORDER BY r.created_at, r.id");
        let done = format!(
            "{select} WHERE r.handled_at IS NOT NULL ORDER BY r.handled_at DESC, r.id DESC \
             LIMIT $1"
        );
        Ok(on_pool!(self, p => {
            let mut rows: Vec<AccessibilityReportRow> =
                sqlx::query_as(&open).fetch_all(p).await?;
            rows.extend(
                sqlx::query_as::<_, AccessibilityReportRow>(&done)
                    .bind(handled)
                    .fetch_all(p)
                    .await?,
            );
            rows
        }))
    }

    /// Marks report `id` handled by `by`; `false` when there is no such report not yet
    /// handled.
    pub async fn handle_accessibility_report(
        &self,
        id: i64,
        by: StaffId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let changed = sqlx::query(
                "UPDATE accessibility_reports SET handled_at = $1, handled_by = $2 \
                 WHERE id = $3 AND handled_at IS NULL",
            )
            .bind(stored(now))
            .bind(by.0)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            changed == 1
        }))
    }
}
