//! Failed sign-ins per key (an account at one door, or an address), shared by every process
//! on the database. `domain::sign_in_throttle` decides what they mean.

use super::{bookings::stored, on_pool, Store, StoreError};
use crate::domain::sign_in_throttle::Failures;
use chrono::{DateTime, Utc};

impl Store {
    /// The failures remembered for `key`, if any.
    pub async fn sign_in_failures(&self, key: &str) -> Result<Option<Failures>, StoreError> {
        let row: Option<(i64, DateTime<Utc>)> = on_pool!(self, p =>
            sqlx::query_as(
                "SELECT failures, last_failed_at FROM sign_in_failures WHERE key = $1",
            )
            .bind(key)
            .fetch_optional(p)
            .await?);
        Ok(row.map(|(count, last_at)| Failures {
            count: u32::try_from(count).unwrap_or(u32::MAX),
            last_at,
        }))
    }

    /// Counts one failure for `key` at `now`, starting again from one when the last was
    /// before `forget_before`. One statement, so simultaneous failures each count.
    pub async fn count_sign_in_failure(
        &self,
        key: &str,
        now: DateTime<Utc>,
        forget_before: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(
                "INSERT INTO sign_in_failures (key, failures, last_failed_at) VALUES ($1, 1, $2) \
                 ON CONFLICT (key) DO UPDATE SET \
                 failures = CASE WHEN sign_in_failures.last_failed_at < $3 THEN 1 \
                   ELSE sign_in_failures.failures + 1 END, \
                 last_failed_at = $2",
            )
            .bind(key)
            .bind(stored(now))
            .bind(stored(forget_before))
            .execute(p)
            .await?;
        });
        Ok(())
    }

    /// Forgets `key`'s failures (a successful sign-in).
    pub async fn forget_sign_in_failures(&self, key: &str) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query("DELETE FROM sign_in_failures WHERE key = $1")
                .bind(key)
                .execute(p)
                .await?;
        });
        Ok(())
    }

    /// Deletes failures nobody remembers any more (last one before `before`).
    pub async fn sweep_sign_in_failures(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query("DELETE FROM sign_in_failures WHERE last_failed_at < $1")
                .bind(stored(before))
                .execute(p)
                .await?
                .rows_affected()))
    }
}
