//! Days an office is closed beyond the public holidays.

use super::{audit_in, on_pool, AuditEntry, Store, StoreError, WritePool};
use crate::domain::admin::office::ClosureDraft;
use chrono::{DateTime, NaiveDate, Utc};

impl Store {
    /// Closes the office on `day` (kept once; a second call changes the reason).
    pub async fn add_office_closure(
        &self,
        office_id: i64,
        day: NaiveDate,
        reason: &str,
    ) -> Result<(), StoreError> {
        on_pool!(self, p =>
            sqlx::query(
                "INSERT INTO office_closures (office_id, day, reason) VALUES ($1, $2, $3) \
                 ON CONFLICT (office_id, day) DO UPDATE SET reason = excluded.reason",
            )
            .bind(office_id)
            .bind(day)
            .bind(reason)
            .execute(p)
            .await
            .map(|_| ())?);
        Ok(())
    }

    /// Every office's closed days from `from` to `to`, both included, in date order.
    pub async fn office_closures(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(i64, NaiveDate, String)>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT office_id, day, reason FROM office_closures \
                 WHERE day >= $1 AND day <= $2 ORDER BY day, office_id",
            )
            .bind(from)
            .bind(to)
            .fetch_all(p)
            .await?))
    }

    /// Closes office `office_id` on `c.day` for `c.reason` (a second time changes the
    /// reason), with the audit line.
    pub async fn close_office_day(
        &self,
        office_id: i64,
        c: &ClosureDraft,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "INSERT INTO office_closures (office_id, day, reason) VALUES ($1, $2, $3) \
                 ON CONFLICT (office_id, day) DO UPDATE SET reason = excluded.reason",
            )
            .bind(office_id)
            .bind(c.day)
            .bind(&c.reason)
            .execute(&mut *tx)
            .await?;
            audit_in!(tx, audit, now);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Opens office `office_id` again on `day`; `NotFound` when it was not closed then.
    pub async fn reopen_office_day(
        &self,
        office_id: i64,
        day: NaiveDate,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query("DELETE FROM office_closures WHERE office_id = $1 AND day = $2")
                .bind(office_id)
                .bind(day)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            audit_in!(tx, audit, now);
            tx.commit().await?;
            Ok(())
        })
    }
}
