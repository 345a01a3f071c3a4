/// What can go wrong in the store, sorted into what callers act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("DATABASE_URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    #[error("could not create the database folder: {0}")]
    CreateDir(std::io::Error),
    /// A rule of the schema refused the change; the name says which
    /// (e.g. `booking_overlap`, `availability_overlap`, `seekers.email`).
    #[error("refused by the database rule {0}")]
    Conflict(String),
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
            // Our SQLite triggers raise their rule's name as the message.
            let message = db.message();
            if matches!(message, "booking_overlap" | "availability_overlap") {
                return Self::Conflict(message.to_owned());
            }
            // Postgres names the constraint; SQLite says "UNIQUE constraint failed: t.c".
            if db.is_unique_violation() || db.is_check_violation() {
                let rule = db
                    .constraint()
                    .map(str::to_owned)
                    .or_else(|| message.split_once(": ").map(|(_, c)| c.to_owned()))
                    .unwrap_or_default();
                return Self::Conflict(rule);
            }
            if db.code().as_deref() == Some("23P01") {
                return Self::Conflict(db.constraint().unwrap_or_default().to_owned());
            }
        }
        Self::Database(err)
    }
}
