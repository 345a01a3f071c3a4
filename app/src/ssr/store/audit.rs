//! The audit trail (who changed or looked at what, when, from → to) and the access log as
//! administrators and office managers search it.

use super::{bookings::stored, on_pool, Store, StoreError};
use crate::domain::{
    access_log::{AccessLogFilter, SeekerNeedle},
    StaffId,
};
use chrono::{DateTime, Utc};

/// One opening of a seeker's or an employer's data, with who and whom.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccessLogRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub staff_id: i64,
    pub staff_first_name: String,
    pub staff_last_name: String,
    pub staff_office: Option<String>,
    /// Whose: a seeker (then their name and personal identity number), an employer (its
    /// name and organisation number) or nobody (a search that found no one: both empty).
    pub seeker_id: Option<i64>,
    pub employer_id: Option<i64>,
    pub whom: String,
    pub number: String,
    pub booking_id: Option<i64>,
    pub reason: String,
    /// What a search was for (a number masked); `None` when the line is not a search.
    pub search: Option<String>,
    /// Why, in the staff member's words, when the reason needs them.
    pub note: String,
}

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub staff_id: i64,
    pub at: DateTime<Utc>,
    pub action: String,
    pub subject: String,
    pub before: String,
    pub after: String,
}

/// A change to write to the audit trail in the same transaction as the change itself: who
/// made it, what (an action and the record it concerns) and the record from → to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub staff_id: i64,
    pub action: &'static str,
    pub subject: String,
    pub before: String,
    pub after: String,
}

/// Writes `$entry` (an `&AuditEntry`) at `$now` inside the open transaction `$tx`.
macro_rules! audit_in {
    ($tx:expr, $entry:expr, $now:expr) => {{
        let entry: &$crate::ssr::store::AuditEntry = $entry;
        sqlx::query(
            "INSERT INTO audit_log (staff_id, at, action, subject, before_value, after_value) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(entry.staff_id)
        .bind(chrono::SubsecRound::trunc_subsecs($now, 0))
        .bind(entry.action)
        .bind(&entry.subject)
        .bind(&entry.before)
        .bind(&entry.after)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use audit_in;

/// The most lines a search reads before names are matched (names are compared in Rust, so
/// that "å" and "Å" match on both databases alike).
const SCAN_LIMIT: i64 = 20_000;

impl Store {
    /// Writes down what a staff member did or looked at.
    pub async fn record_audit(
        &self,
        staff: StaffId,
        action: &str,
        subject: &str,
        before: &str,
        after: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(
                "INSERT INTO audit_log (staff_id, at, action, subject, before_value, after_value) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(staff)
            .bind(stored(now))
            .bind(action)
            .bind(subject)
            .bind(before)
            .bind(after)
            .execute(p)
            .await?;
        });
        Ok(())
    }

    /// The audit trail's newest lines, those of `action` when given.
    pub async fn audit_entries(
        &self,
        action: Option<&str>,
        limit: i64,
    ) -> Result<Vec<AuditRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, staff_id, at, action, subject, before_value AS before, \
                 after_value AS after FROM audit_log \
                 WHERE ($1 IS NULL OR action = $1) ORDER BY at DESC, id DESC LIMIT $2",
            )
            .bind(action)
            .bind(limit)
            .fetch_all(p)
            .await?))
    }

    /// The access log in `[from, to)` as `filter` narrows it, newest first, at most `limit`
    /// lines; `office` keeps only what concerns that office (its staff, or seekers it serves).
    pub async fn search_access_log(
        &self,
        filter: &AccessLogFilter,
        office: Option<i64>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<AccessLogRow>, StoreError> {
        let number = match &filter.seeker {
            Some(SeekerNeedle::Number(n)) => Some(n.as_digits().to_owned()),
            _ => None,
        };
        let rows: Vec<AccessLogRow> = on_pool!(self, p =>
            sqlx::query_as(
                "SELECT a.id, a.at, a.staff_id, st.first_name AS staff_first_name, \
                 st.last_name AS staff_last_name, o.name AS staff_office, a.seeker_id, \
                 a.employer_id, \
                 COALESCE(se.first_name || ' ' || se.last_name, em.name, '') AS whom, \
                 COALESCE(se.personal_number, em.org_number, '') AS number, a.booking_id, \
                 a.reason, a.search, a.note \
                 FROM access_log a \
                 JOIN staff st ON st.id = a.staff_id \
                 LEFT JOIN offices o ON o.id = st.office_id \
                 LEFT JOIN seekers se ON se.id = a.seeker_id \
                 LEFT JOIN employers em ON em.id = a.employer_id \
                 WHERE a.at >= $1 AND a.at < $2 \
                 AND ($3 IS NULL OR a.staff_id = $3) \
                 AND ($4 IS NULL OR se.personal_number = $4) \
                 AND ($5 IS NULL OR st.office_id = $5 OR se.home_office_id = $5 \
                      OR em.office_id = $5) \
                 ORDER BY a.at DESC, a.id DESC LIMIT $6",
            )
            .bind(stored(from))
            .bind(stored(to))
            .bind(filter.staff_id)
            .bind(number)
            .bind(office)
            .bind(SCAN_LIMIT)
            .fetch_all(p)
            .await?);
        let name = match &filter.seeker {
            Some(SeekerNeedle::Name(n)) => Some(n.as_str()),
            _ => None,
        };
        Ok(rows
            .into_iter()
            .filter(|r| name.is_none_or(|n| r.whom.to_lowercase().contains(n)))
            .take(limit)
            .collect())
    }
}
