//! Reception capacity per office and weekday, and the office visits it is measured against.

use super::{audit_in, bookings::stored, on_pool, AuditEntry, Store, StoreError, WritePool};
use crate::domain::capacity::CapacitySetting;
use chrono::{DateTime, Utc};

/// The most office visits that may start in one hour at one office, checked in the booking's
/// own transaction (the picker already leaves full hours out; this settles a race).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitLimit {
    pub office_id: i64,
    pub hour_start: DateTime<Utc>,
    pub hour_end: DateTime<Utc>,
    pub max: i64,
}

/// PostgreSQL: visits to one office are booked one transaction at a time, so two bookings
/// cannot both take an hour's last place.
pub(super) const LOCK_OFFICE: &str = "SELECT pg_advisory_xact_lock(7002, ($1)::int4)";

/// Counts the live visits in the limit's hour, inside the booking's transaction.
pub(super) const VISITS_IN_HOUR: &str = "SELECT COUNT(*) FROM bookings WHERE office_id = $1 \
     AND channel = 'office' AND status <> 'cancelled' AND starts_at >= $2 AND starts_at < $3 \
     AND id <> $4";

impl Store {
    /// The office's capacity setting; weekdays without a row are not limited.
    pub async fn office_capacity(&self, office_id: i64) -> Result<CapacitySetting, StoreError> {
        let (rows, target): (Vec<(i64, i64)>, Option<(i64,)>) = on_pool!(self, p => {
            let rows = sqlx::query_as(
                "SELECT weekday, visitors_per_hour FROM office_capacity WHERE office_id = $1",
            )
            .bind(office_id)
            .fetch_all(p)
            .await?;
            let target = sqlx::query_as("SELECT target_percent FROM offices WHERE id = $1")
                .bind(office_id)
                .fetch_optional(p)
                .await?;
            (rows, target)
        });
        let (target,) = target.ok_or(StoreError::NotFound)?;
        let mut per_hour = [None; 7];
        for (weekday, n) in rows {
            let i = usize::try_from(weekday - 1).map_err(|_| StoreError::corrupt("weekday"))?;
            let slot = per_hour
                .get_mut(i)
                .ok_or_else(|| StoreError::corrupt("weekday"))?;
            *slot = Some(u32::try_from(n).map_err(|_| StoreError::corrupt("capacity"))?);
        }
        Ok(CapacitySetting {
            per_hour,
            target_percent: u32::try_from(target).map_err(|_| StoreError::corrupt("target"))?,
        })
    }

    /// Replaces the office's capacity setting, all or nothing.
    /// Sets the office's capacity; a change made by someone goes to the audit trail with it.
    pub async fn set_office_capacity(
        &self,
        office_id: i64,
        setting: &CapacitySetting,
        audit: Option<(&AuditEntry, DateTime<Utc>)>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let found = sqlx::query("UPDATE offices SET target_percent = $2 WHERE id = $1")
                .bind(office_id)
                .bind(i64::from(setting.target_percent))
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if found == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM office_capacity WHERE office_id = $1")
                .bind(office_id)
                .execute(&mut *tx)
                .await?;
            for (i, n) in setting.per_hour.iter().enumerate() {
                if let Some(n) = n {
                    sqlx::query(
                        "INSERT INTO office_capacity (office_id, weekday, visitors_per_hour) \
                         VALUES ($1, $2, $3)",
                    )
                    .bind(office_id)
                    .bind(i as i64 + 1)
                    .bind(i64::from(*n))
                    .execute(&mut *tx)
                    .await?;
                }
            }
            if let Some((entry, now)) = audit {
                audit_in!(tx, entry, now);
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The start of every live visit to the office in `[from, to)`.
    pub async fn office_visit_starts(
        &self,
        office_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        let rows: Vec<(DateTime<Utc>,)> = on_pool!(self, p =>
            sqlx::query_as(
                "SELECT starts_at FROM bookings WHERE office_id = $1 AND channel = 'office' \
                 AND status <> 'cancelled' AND starts_at >= $2 AND starts_at < $3 \
                 ORDER BY starts_at",
            )
            .bind(office_id)
            .bind(stored(from))
            .bind(stored(to))
            .fetch_all(p)
            .await?);
        Ok(rows.into_iter().map(|(t,)| t).collect())
    }
}
