//! Several Tidbok processes may share one PostgreSQL database. What each does once at start
//! (reference data, demo data, the session table) must not run in two at the same moment:
//! each would find the database empty and fill it. The migrations lock for themselves
//! (sqlx's migrator takes an advisory lock); this lock covers the rest. SQLite serves one
//! process and needs none.

use super::{Pool, Store, StoreError};
use sqlx::{pool::PoolConnection, Postgres};

/// The advisory lock's key, apart from the booking locks' (7001, 7002).
const START: i64 = 7000;

/// Held while a process gets the database ready; [`StartLock::release`] lets the next one in.
/// A process that dies holding it loses its connection, and with it the lock.
pub struct StartLock(Option<PoolConnection<Postgres>>);

impl Store {
    /// Waits until no other process is getting the database ready, then holds the lock.
    pub async fn lock_start(&self) -> Result<StartLock, StoreError> {
        match &self.pool {
            Pool::Postgres(p) => {
                let mut conn = p.acquire().await?;
                sqlx::query("SELECT pg_advisory_lock($1)")
                    .bind(START)
                    .execute(&mut *conn)
                    .await?;
                Ok(StartLock(Some(conn)))
            }
            Pool::Sqlite(_) => Ok(StartLock(None)),
        }
    }
}

impl StartLock {
    pub async fn release(self) -> Result<(), StoreError> {
        if let Some(mut conn) = self.0 {
            sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(START)
                .execute(&mut *conn)
                .await?;
        }
        Ok(())
    }
}
