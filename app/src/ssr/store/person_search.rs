//! Finding a person for staff who help them at the desk or on the phone, and keeping every
//! search in the access log (about the person found, or about nobody).

use super::{bookings::stored, on_pool, Store, StoreError};
use crate::domain::{access_log::AccessReason, StaffId};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// A person a search found, with their office (which decides who may see them).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FoundPerson {
    pub id: i64,
    pub personal_number: String,
    pub first_name: String,
    pub last_name: String,
    pub home_office_id: Option<i64>,
    pub office_name: Option<String>,
    pub registered_online: bool,
    pub created_at: DateTime<Utc>,
    /// The staff member who registered them, by name, when staff did.
    pub registered_by: Option<String>,
}

/// The most people a search by date of birth reads before names are compared.
const BORN_LIMIT: i64 = 500;

const FOUND: &str = "SELECT s.id, s.personal_number, s.first_name, s.last_name, \
    s.home_office_id, o.name AS office_name, s.registered_online, s.created_at, \
    r.first_name || ' ' || r.last_name AS registered_by \
    FROM seekers s LEFT JOIN offices o ON o.id = s.home_office_id \
    LEFT JOIN staff r ON r.id = s.registered_by_staff_id";

impl Store {
    /// The person with this personal identity number (twelve digits), if registered.
    pub async fn find_by_number(&self, digits: &str) -> Result<Option<FoundPerson>, StoreError> {
        let sql = format!("{FOUND} WHERE s.personal_number = $1");
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql).bind(digits).fetch_optional(p).await?))
    }

    /// Seeker `id` as a search finds them.
    pub async fn found_person(&self, id: i64) -> Result<Option<FoundPerson>, StoreError> {
        let sql = format!("{FOUND} WHERE s.id = $1");
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql).bind(id).fetch_optional(p).await?))
    }

    /// The people born on `born`, by their personal or co-ordination number (whose day is
    /// the day of birth plus 60); names are compared by the caller, in Rust, so that "å"
    /// and "Å" match on both databases alike.
    pub async fn find_by_birth(&self, born: NaiveDate) -> Result<Vec<FoundPerson>, StoreError> {
        let personal = born.format("%Y%m%d").to_string();
        let coordination = format!(
            "{:04}{:02}{:02}",
            born.year(),
            born.month(),
            born.day() + 60
        );
        let sql = format!(
            "{FOUND} WHERE substr(s.personal_number, 1, 8) IN ($1, $2) \
             ORDER BY s.last_name, s.first_name, s.id LIMIT $3"
        );
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql)
                .bind(&personal)
                .bind(&coordination)
                .bind(BORN_LIMIT)
                .fetch_all(p)
                .await?))
    }

    /// Writes a search into the access log: about `seeker_id` when it found them, about
    /// nobody otherwise; `search` is what was searched for (a number masked).
    pub async fn log_search(
        &self,
        staff_id: StaffId,
        seeker_id: Option<i64>,
        reason: AccessReason,
        search: &str,
        note: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(
                "INSERT INTO access_log (staff_id, seeker_id, reason, at, search, note) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(staff_id)
            .bind(seeker_id)
            .bind(reason.as_str())
            .bind(stored(at))
            .bind(search)
            .bind(note)
            .execute(p)
            .await?;
        });
        Ok(())
    }
}
