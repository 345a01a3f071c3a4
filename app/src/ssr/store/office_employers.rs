//! The employers an office serves, their open needs with each need's occupational field,
//! and the office's job seekers whose desired occupations match an open need.

use super::{on_pool, Store, StoreError};
use chrono::NaiveDate;

/// An employer the office serves, with how many needs it has open.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OfficeEmployerRow {
    pub id: i64,
    pub name: String,
    pub org_number: String,
    pub municipality: String,
    pub open_needs: i64,
}

/// An open need of an employer the office serves, with its occupation and field named.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OfficeNeedRow {
    pub id: i64,
    pub employer_name: String,
    pub headline: String,
    pub occupation_sv: String,
    pub occupation_en: String,
    pub field_code: String,
    pub field_sv: String,
    pub field_en: String,
    pub positions: i64,
    pub municipality: String,
    pub apply_by: NaiveDate,
}

/// A job seeker of the office who wants the occupation of open need `need_id`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NeedMatchRow {
    pub need_id: i64,
    pub seeker_id: i64,
    pub first_name: String,
    pub last_name: String,
}

/// Employer meetings at an office in a period, for one occupational field (none: about
/// recruiting in general): how many were booked (not cancelled) and how many held.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EmployerMeetingCountRow {
    pub field_sv: Option<String>,
    pub field_en: Option<String>,
    pub booked: i64,
    pub held: i64,
}

impl Store {
    /// The office's counsellors' meetings with employers that start in `[from, to)`, by the
    /// field of the need they are about.
    pub async fn employer_meeting_counts(
        &self,
        office_id: i64,
        from: chrono::DateTime<chrono::Utc>,
        to: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<EmployerMeetingCountRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT f.name_sv AS field_sv, f.name_en AS field_en, COUNT(*) AS booked, \
                 COALESCE(SUM(CASE WHEN b.status = 'held' THEN 1 ELSE 0 END), 0) AS held \
                 FROM bookings b JOIN counsellors c ON c.id = b.counsellor_id \
                 LEFT JOIN employer_needs n ON n.id = b.need_id \
                 LEFT JOIN occupations o ON o.id = n.occupation_id \
                 LEFT JOIN occupational_fields f ON f.id = o.field_id \
                 WHERE b.employer_id IS NOT NULL AND b.status <> 'cancelled' \
                 AND c.office_id = $1 AND b.starts_at >= $2 AND b.starts_at < $3 \
                 GROUP BY f.name_sv, f.name_en",
            )
            .bind(office_id)
            .bind(super::bookings::stored(from))
            .bind(super::bookings::stored(to))
            .fetch_all(p)
            .await?))
    }

    /// The employers whose nearest office this is, by name.
    pub async fn office_employers(
        &self,
        office_id: i64,
    ) -> Result<Vec<OfficeEmployerRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT e.id, e.name, e.org_number, e.municipality, \
                 (SELECT COUNT(*) FROM employer_needs n \
                  WHERE n.employer_id = e.id AND n.status = 'open') AS open_needs \
                 FROM employers e WHERE e.office_id = $1 ORDER BY e.name, e.id",
            )
            .bind(office_id)
            .fetch_all(p)
            .await?))
    }

    /// The open needs of the office's employers, by field and then by last day to apply.
    pub async fn office_open_needs(
        &self,
        office_id: i64,
    ) -> Result<Vec<OfficeNeedRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT n.id, e.name AS employer_name, n.headline, o.name_sv AS occupation_sv, \
                 o.name_en AS occupation_en, f.code AS field_code, f.name_sv AS field_sv, \
                 f.name_en AS field_en, n.positions, n.municipality, n.apply_by \
                 FROM employer_needs n JOIN employers e ON e.id = n.employer_id \
                 JOIN occupations o ON o.id = n.occupation_id \
                 JOIN occupational_fields f ON f.id = o.field_id \
                 WHERE e.office_id = $1 AND n.status = 'open' \
                 ORDER BY f.name_sv, n.apply_by, n.id",
            )
            .bind(office_id)
            .fetch_all(p)
            .await?))
    }

    /// The office's job seekers (nearest office) who want the occupation of one of its
    /// employers' open needs, per need, by name.
    pub async fn office_need_matches(
        &self,
        office_id: i64,
    ) -> Result<Vec<NeedMatchRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT n.id AS need_id, s.id AS seeker_id, s.first_name, s.last_name \
                 FROM employer_needs n JOIN employers e ON e.id = n.employer_id \
                 JOIN seeker_desired_occupations d ON d.occupation_id = n.occupation_id \
                 JOIN seekers s ON s.id = d.seeker_id \
                 WHERE e.office_id = $1 AND n.status = 'open' AND s.home_office_id = $1 \
                   AND NOT EXISTS (SELECT 1 FROM erased_seekers x WHERE x.seeker_id = s.id) \
                 ORDER BY n.id, s.last_name, s.first_name, s.id",
            )
            .bind(office_id)
            .fetch_all(p)
            .await?))
    }
}
