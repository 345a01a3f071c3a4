use super::{bookings::LOCK_COUNSELLOR, on_pool, BackendKind, Store, StoreError, WritePool};
use crate::domain::Rule;
use chrono::{DateTime, Utc};

/// A span of time in which a counsellor can take meetings.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AvailabilityRow {
    pub id: i64,
    pub counsellor_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl Store {
    /// Adds open spans, all or nothing. Overlap with a span the counsellor already has is
    /// refused by the database (`StoreError::Conflict(Rule::AvailabilityOverlap)`).
    pub async fn insert_availability(
        &self,
        spans: &[(i64, DateTime<Utc>, DateTime<Utc>)],
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            for (counsellor_id, starts_at, ends_at) in spans {
                sqlx::query(
                    "INSERT INTO availability (counsellor_id, starts_at, ends_at) VALUES ($1, $2, $3)",
                )
                .bind(counsellor_id)
                .bind(starts_at)
                .bind(ends_at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Lays new open time, joined with the open time it touches, all or nothing: the spans
    /// joined into another go first, so that the grown one never overlaps them.
    pub async fn merge_open_time(
        &self,
        counsellor_id: i64,
        merged: &crate::domain::work_hours::Merged,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            for id in &merged.remove {
                sqlx::query("DELETE FROM availability WHERE id = $1 AND counsellor_id = $2")
                    .bind(id)
                    .bind(counsellor_id)
                    .execute(&mut *tx)
                    .await?;
            }
            for (id, span) in &merged.grow {
                sqlx::query(
                    "UPDATE availability SET starts_at = $3, ends_at = $4 WHERE id = $1 AND counsellor_id = $2",
                )
                .bind(id)
                .bind(counsellor_id)
                .bind(span.start)
                .bind(span.end)
                .execute(&mut *tx)
                .await?;
            }
            for span in &merged.insert {
                sqlx::query(
                    "INSERT INTO availability (counsellor_id, starts_at, ends_at) VALUES ($1, $2, $3)",
                )
                .bind(counsellor_id)
                .bind(span.start)
                .bind(span.end)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// A counsellor's open spans that overlap `[from, to)`, in time order.
    pub async fn list_availability(
        &self,
        counsellor_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<AvailabilityRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, counsellor_id, starts_at, ends_at FROM availability \
                 WHERE counsellor_id = $1 AND starts_at < $3 AND ends_at > $2 ORDER BY starts_at",
            )
            .bind(counsellor_id)
            .bind(from)
            .bind(to)
            .fetch_all(p)
            .await?))
    }

    pub async fn availability_by_id(&self, id: i64) -> Result<Option<AvailabilityRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, counsellor_id, starts_at, ends_at FROM availability WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(p)
            .await?))
    }

    /// Adds one open span and returns its id; `Conflict(Rule::AvailabilityOverlap)` when it
    /// overlaps another of the counsellor's.
    pub async fn add_open_span(
        &self,
        counsellor_id: i64,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, p => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO availability (counsellor_id, starts_at, ends_at) \
                 VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(counsellor_id)
            .bind(starts_at)
            .bind(ends_at)
            .fetch_one(p)
            .await?;
            id
        }))
    }

    /// Moves, resizes (`to` is the new span) or removes (`to` is `None`) an open span of the
    /// counsellor. A booked meeting inside it must stay inside it: otherwise
    /// `Conflict(Rule::AvailabilityHasBooking)`, and nothing changes. Checked and written in
    /// one transaction that holds the counsellor's booking lock, so no meeting is booked into
    /// the span in between. `NotFound` when the span is not the counsellor's.
    pub async fn change_open_span(
        &self,
        id: i64,
        counsellor_id: i64,
        to: Option<(DateTime<Utc>, DateTime<Utc>)>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            if self.backend() == BackendKind::Postgres {
                sqlx::query(LOCK_COUNSELLOR).bind(counsellor_id).execute(&mut *tx).await?;
            }
            let old: Option<(DateTime<Utc>, DateTime<Utc>)> = sqlx::query_as(
                "SELECT starts_at, ends_at FROM availability WHERE id = $1 AND counsellor_id = $2",
            )
            .bind(id)
            .bind(counsellor_id)
            .fetch_optional(&mut *tx)
            .await?;
            let (old_start, old_end) = old.ok_or(StoreError::NotFound)?;
            let (keep_start, keep_end) = to.unwrap_or((old_end, old_end));
            // A meeting of the old span that the new one does not wholly hold.
            let stranded: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM bookings WHERE counsellor_id = $1 AND status = 'booked' \
                 AND starts_at < $3 AND ends_at > $2 AND NOT (starts_at >= $4 AND ends_at <= $5) \
                 LIMIT 1",
            )
            .bind(counsellor_id)
            .bind(old_start)
            .bind(old_end)
            .bind(keep_start)
            .bind(keep_end)
            .fetch_optional(&mut *tx)
            .await?;
            if stranded.is_some() {
                return Err(StoreError::Conflict(Rule::AvailabilityHasBooking));
            }
            match to {
                Some((starts_at, ends_at)) => {
                    sqlx::query("UPDATE availability SET starts_at = $2, ends_at = $3 WHERE id = $1")
                        .bind(id)
                        .bind(starts_at)
                        .bind(ends_at)
                        .execute(&mut *tx)
                        .await?;
                }
                None => {
                    sqlx::query("DELETE FROM availability WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
