//! Days an office is closed beyond the public holidays.

use super::{on_pool, Store, StoreError};
use chrono::NaiveDate;

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
}
