//! Working hours, absences and the open time they make or take away.

use super::{bookings::stored, on_pool, Store, StoreError, WritePool};
use chrono::{DateTime, Utc};

/// A stored absence or training.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AbsenceRow {
    pub id: i64,
    pub counsellor_id: i64,
    pub kind: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub note: String,
}

impl Store {
    /// The counsellor's weekly hours: weekday (1 = Monday), start and end as `HH:MM`.
    pub async fn work_hours(
        &self,
        counsellor_id: i64,
    ) -> Result<Vec<(i64, String, String)>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT weekday, starts, ends FROM work_hours WHERE counsellor_id = $1 \
                 ORDER BY weekday, starts",
            )
            .bind(counsellor_id)
            .fetch_all(p)
            .await?))
    }

    /// Replaces the counsellor's weekly hours, all or nothing.
    pub async fn replace_work_hours(
        &self,
        counsellor_id: i64,
        rows: &[(i64, String, String)],
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM work_hours WHERE counsellor_id = $1")
                .bind(counsellor_id)
                .execute(&mut *tx)
                .await?;
            for (weekday, starts, ends) in rows {
                sqlx::query(
                    "INSERT INTO work_hours (counsellor_id, weekday, starts, ends) VALUES ($1, $2, $3, $4)",
                )
                .bind(counsellor_id)
                .bind(weekday)
                .bind(starts)
                .bind(ends)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The counsellor's absences and trainings that end after `from`, in order.
    pub async fn absences(
        &self,
        counsellor_id: i64,
        from: DateTime<Utc>,
    ) -> Result<Vec<AbsenceRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, counsellor_id, kind, starts_at, ends_at, note FROM absences \
                 WHERE counsellor_id = $1 AND ends_at > $2 ORDER BY starts_at",
            )
            .bind(counsellor_id)
            .bind(stored(from))
            .fetch_all(p)
            .await?))
    }

    /// Records an absence and removes the counsellor's open time inside it, in one
    /// transaction. Booked meetings stay: the caller lists them to be moved.
    pub async fn add_absence(
        &self,
        counsellor_id: i64,
        kind: &str,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        Ok(on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "INSERT INTO absences (counsellor_id, kind, starts_at, ends_at, note, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(counsellor_id)
            .bind(kind)
            .bind(stored(starts_at))
            .bind(stored(ends_at))
            .bind(note)
            .bind(stored(now))
            .execute(&mut *tx)
            .await?;
            let removed = sqlx::query(
                "DELETE FROM availability WHERE counsellor_id = $1 AND starts_at < $3 AND ends_at > $2",
            )
            .bind(counsellor_id)
            .bind(stored(starts_at))
            .bind(stored(ends_at))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            removed
        }))
    }

    /// Every counsellor's absences and trainings that overlap `[from, to)`.
    pub async fn absences_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<AbsenceRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, counsellor_id, kind, starts_at, ends_at, note FROM absences \
                 WHERE starts_at < $2 AND ends_at > $1 ORDER BY counsellor_id, starts_at",
            )
            .bind(stored(from))
            .bind(stored(to))
            .fetch_all(p)
            .await?))
    }

    pub async fn absence_by_id(&self, id: i64) -> Result<Option<AbsenceRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, counsellor_id, kind, starts_at, ends_at, note FROM absences WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(p)
            .await?))
    }

    /// Gives an absence new bounds; open time is not put back (the caller says so).
    pub async fn change_absence(
        &self,
        id: i64,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let found = on_pool!(self, p =>
            sqlx::query("UPDATE absences SET starts_at = $2, ends_at = $3 WHERE id = $1")
                .bind(id)
                .bind(stored(starts_at))
                .bind(stored(ends_at))
                .execute(p)
                .await?
                .rows_affected());
        if found == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Removes an absence; open time is not put back (the caller says so).
    pub async fn remove_absence(&self, id: i64) -> Result<(), StoreError> {
        let found = on_pool!(self, p =>
            sqlx::query("DELETE FROM absences WHERE id = $1")
                .bind(id)
                .execute(p)
                .await?
                .rows_affected());
        if found == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
