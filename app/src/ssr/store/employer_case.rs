//! An employer's case as staff see it: who may (the offices it meets and is served by), the
//! notes about it, and the access log of who opened it.

use super::{bookings::stored, on_pool, CaseNoteRow, Store, StoreError};
use crate::domain::{access_log::AccessReason, staff::SeekerReach, BookingId, StaffId};
use chrono::{DateTime, Utc};

impl Store {
    /// What decides whether staff may see the employer: the office serving it and the
    /// offices of the counsellors it meets. `None` when there is no such employer.
    pub async fn employer_reach(
        &self,
        employer_id: i64,
    ) -> Result<Option<SeekerReach>, StoreError> {
        on_pool!(self, p => {
            let home: Option<(Option<i64>,)> =
                sqlx::query_as("SELECT office_id FROM employers WHERE id = $1")
                    .bind(employer_id)
                    .fetch_optional(p)
                    .await?;
            let Some((home_office,)) = home else {
                return Ok(None);
            };
            let meeting_offices: Vec<i64> = sqlx::query_scalar(
                "SELECT DISTINCT c.office_id FROM bookings b \
                 JOIN counsellors c ON c.id = b.counsellor_id WHERE b.employer_id = $1",
            )
            .bind(employer_id)
            .fetch_all(p)
            .await?;
            Ok(Some(SeekerReach {
                meeting_offices,
                home_office,
                referred_to: Vec::new(),
            }))
        })
    }

    /// Writes that `staff_id` opened the employer's data, and why.
    pub async fn log_employer_access(
        &self,
        staff_id: StaffId,
        employer_id: i64,
        booking_id: Option<BookingId>,
        reason: AccessReason,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(
                "INSERT INTO access_log (staff_id, employer_id, booking_id, reason, at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(staff_id)
            .bind(employer_id)
            .bind(booking_id)
            .bind(reason.as_str())
            .bind(stored(at))
            .execute(p)
            .await?;
        });
        Ok(())
    }

    /// The notes about the employer, oldest first.
    pub async fn employer_notes(&self, employer_id: i64) -> Result<Vec<CaseNoteRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT n.id, n.booking_id, s.first_name AS author_first_name, \
                 s.last_name AS author_last_name, n.body, n.created_at, n.contact \
                 FROM case_notes n JOIN staff s ON s.id = n.author_staff_id \
                 WHERE n.employer_id = $1 ORDER BY n.created_at, n.id",
            )
            .bind(employer_id)
            .fetch_all(p)
            .await?))
    }

    pub async fn add_employer_note(
        &self,
        employer_id: i64,
        booking_id: Option<BookingId>,
        author_staff_id: StaffId,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_scalar(
                "INSERT INTO case_notes (employer_id, booking_id, author_staff_id, body, created_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(employer_id)
            .bind(booking_id)
            .bind(author_staff_id)
            .bind(body)
            .bind(stored(now))
            .fetch_one(p)
            .await?))
    }
}
