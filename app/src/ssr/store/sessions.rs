//! Sessions in the same database as everything else, through tower-sessions' sqlx stores:
//! one per backend, behind one type the session layer can hold.

use super::{Pool, Store, StoreError};
use tower_sessions::{
    session::{Id, Record},
    session_store::{self, ExpiredDeletion},
    SessionStore,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Debug, Clone)]
pub enum SessionBackend {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Store {
    /// The session store on this database, with its table created when missing.
    pub async fn sessions(&self) -> Result<SessionBackend, StoreError> {
        let backend = match &self.pool {
            Pool::Sqlite(p) => SessionBackend::Sqlite(SqliteStore::new(p.clone())),
            Pool::Postgres(p) => SessionBackend::Postgres(PostgresStore::new(p.clone())),
        };
        let migrated = match &backend {
            SessionBackend::Sqlite(s) => s.migrate().await,
            SessionBackend::Postgres(s) => s.migrate().await,
        };
        migrated.map_err(StoreError::Database)?;
        Ok(backend)
    }
}

macro_rules! on_backend {
    ($self:expr, $s:ident => $body:expr) => {
        match $self {
            SessionBackend::Sqlite($s) => $body,
            SessionBackend::Postgres($s) => $body,
        }
    };
}

#[async_trait::async_trait]
impl SessionStore for SessionBackend {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        on_backend!(self, s => s.create(record).await)
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        on_backend!(self, s => s.save(record).await)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        on_backend!(self, s => s.load(id).await)
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        on_backend!(self, s => s.delete(id).await)
    }
}

#[async_trait::async_trait]
impl ExpiredDeletion for SessionBackend {
    async fn delete_expired(&self) -> session_store::Result<()> {
        on_backend!(self, s => s.delete_expired().await)
    }
}
