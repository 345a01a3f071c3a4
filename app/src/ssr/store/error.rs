use super::rules::rule_named;
use crate::domain::Rule;

/// What can go wrong in the store, sorted into what callers act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("DATABASE_URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    #[error("could not create the database folder: {0}")]
    CreateDir(std::io::Error),
    /// A rule refused the change: one of the schema's (see `rules`) or one the store checks
    /// in its transaction (office capacity, open time holding a booking).
    #[error("refused by the rule {0:?}")]
    Conflict(Rule),
    #[error("not found")]
    NotFound,
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Database(sqlx::Error),
}

impl StoreError {
    /// A stored row that breaks the domain's rules: the data was written around the store.
    /// Reported as a database fault, never shown as if it were valid.
    pub(crate) fn corrupt(what: &str) -> Self {
        Self::Database(sqlx::Error::Protocol(format!("stored {what} is invalid")))
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        if let sqlx::Error::RowNotFound = err {
            return Self::NotFound;
        }
        if let sqlx::Error::Database(db) = &err {
            let message = db.message();
            // Postgres names the constraint; SQLite says "UNIQUE constraint failed: t.c" for
            // a unique column and gives a trigger's RAISE text as the whole message.
            let refused = db.is_unique_violation()
                || db.is_check_violation()
                || db.code().as_deref() == Some("23P01");
            let name = db
                .constraint()
                .or_else(|| message.split_once(": ").map(|(_, c)| c))
                .filter(|_| refused)
                .unwrap_or(message);
            if let Some(rule) = rule_named(name) {
                return Self::Conflict(rule);
            }
            if refused {
                tracing::error!(
                    constraint = name,
                    "a database rule the code does not know refused a change"
                );
            }
        }
        Self::Database(err)
    }
}
