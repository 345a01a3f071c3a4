//! An employer's meetings with employer counsellors, as its users book, move and cancel
//! them: every read and change is keyed by the organisation as well as the meeting, so one
//! organisation's user can never reach another's. They are bookings like the seekers', with
//! the same rules in the database against double booking.

use super::{
    bookings::{Mover, SELECT_BOOKING},
    on_pool, BookingRow, NewTime, Store, StoreError,
};
use crate::domain::{choices::EmployerCancelReason, BookingId};
use chrono::{DateTime, Utc};

impl Store {
    /// The organisation's meetings, the latest first.
    pub async fn employer_meetings(&self, employer_id: i64) -> Result<Vec<BookingRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "{SELECT_BOOKING} WHERE b.employer_id = $1 ORDER BY b.starts_at DESC, b.id DESC"
            ))
            .bind(employer_id)
            .fetch_all(p)
            .await?))
    }

    /// One of the organisation's meetings; another organisation's is not found.
    pub async fn employer_meeting(
        &self,
        employer_id: i64,
        booking_id: i64,
    ) -> Result<Option<BookingRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!("{SELECT_BOOKING} WHERE b.id = $1 AND b.employer_id = $2"))
                .bind(booking_id)
                .bind(employer_id)
                .fetch_optional(p)
                .await?))
    }

    /// Moves the organisation's live meeting to a new time. `NotFound` when it is not theirs
    /// or not live; `Conflict(Rule::BookingOverlap)` when the time was taken meanwhile.
    pub async fn move_employer_meeting(
        &self,
        booking_id: BookingId,
        employer_id: i64,
        to: NewTime,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.move_booking_as(booking_id, Mover::Employer(employer_id), to, now)
            .await
    }

    /// Cancels the organisation's live meeting, keeping the row with the reason. `NotFound`
    /// when it is not theirs or not live.
    pub async fn cancel_employer_meeting(
        &self,
        booking_id: BookingId,
        employer_id: i64,
        reason: EmployerCancelReason,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.cancel_booking_as(
            booking_id,
            Mover::Employer(employer_id),
            reason.as_str(),
            note,
            now,
        )
        .await
    }
}
