use super::{on_pool, Store, StoreError, WritePool};
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
    /// refused by the database (`StoreError::Conflict("availability_overlap")`).
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
}
