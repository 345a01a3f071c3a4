//! Transactions PostgreSQL gave up on because they met another: a deadlock (40P01), where
//! it aborts one of the two so the other can go on, or a serialization failure (40001).
//! Neither says anything about the request; run again a moment later the same transaction
//! usually succeeds. A few tries with a random, growing pause keep two retrying
//! transactions from meeting again in step.

use super::StoreError;
use std::future::Future;
use std::time::Duration;

/// Tries after the first.
pub(crate) const RETRIES: u32 = 4;

impl StoreError {
    /// Whether the database aborted the transaction for meeting another one.
    pub(crate) fn met_another(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::Database(db)) => {
                matches!(db.code().as_deref(), Some("40P01" | "40001"))
            }
            _ => false,
        }
    }
}

/// Up to `2^try × 25 ms`, at random.
fn pause(attempt: u32) -> Duration {
    let ceiling = 25u64 << attempt.min(6);
    let random = getrandom::u64().unwrap_or(ceiling / 2);
    Duration::from_millis(1 + random % ceiling)
}

/// Runs `transaction` (the whole of it, from `BEGIN`) and again when the database aborted it
/// for meeting another, at most [`RETRIES`] times more.
pub(crate) async fn retrying<T, Fut>(
    what: &'static str,
    mut transaction: impl FnMut() -> Fut,
) -> Result<T, StoreError>
where
    Fut: Future<Output = Result<T, StoreError>>,
{
    let mut attempt = 0;
    loop {
        match transaction().await {
            Err(err) if err.met_another() && attempt < RETRIES => {
                attempt += 1;
                tracing::info!(%err, what, attempt, "transaction met another; trying again");
                tokio::time::sleep(pause(attempt)).await;
            }
            done => return done,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_grow_and_stay_random() {
        for attempt in 1..=RETRIES {
            let p = pause(attempt);
            assert!(p >= Duration::from_millis(1));
            assert!(p <= Duration::from_millis(25 << attempt));
        }
        let many: std::collections::HashSet<_> = (0..20).map(|_| pause(4)).collect();
        assert!(many.len() > 1, "jitter");
    }

    #[tokio::test]
    async fn other_errors_are_not_tried_again() {
        let mut calls = 0;
        let res: Result<(), _> = retrying("test", || {
            calls += 1;
            async { Err(StoreError::NotFound) }
        })
        .await;
        assert!(matches!(res, Err(StoreError::NotFound)));
        assert_eq!(calls, 1);
    }
}
