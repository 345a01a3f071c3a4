//! What staff change after the fact: cancelling a meeting with their reason, correcting a
//! recorded outcome (kept as a correction: who, when, from → to).

use super::{bookings::stored, on_pool, outbox::enqueue_messages, Store, StoreError, WritePool};
use crate::domain::{
    case::Outcome, choices::StaffCancelReason, BookingId, BookingStatus, SeekerId, StaffId,
};
use chrono::{DateTime, Utc};

/// Whose case: a job seeker's or an employer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseOf {
    Seeker(SeekerId),
    Employer(i64),
}

/// A correction of a meeting's outcome, with who made it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CorrectionRow {
    pub booking_id: i64,
    pub staff_first_name: String,
    pub staff_last_name: String,
    #[sqlx(try_from = "String")]
    pub from_status: BookingStatus,
    #[sqlx(try_from = "String")]
    pub to_status: BookingStatus,
    pub corrected_at: DateTime<Utc>,
}

impl Store {
    /// Cancels a booked meeting that has not begun on staff's behalf, with their reason, and
    /// writes the seeker's messages in the same transaction. `NotFound` when it is not
    /// booked or has begun.
    pub async fn cancel_booking_by_staff(
        &self,
        booking_id: BookingId,
        by: StaffId,
        reason: StaffCancelReason,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let done = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let cancelled: Option<(DateTime<Utc>,)> = sqlx::query_as(
                "UPDATE bookings SET status = 'cancelled', cancel_reason = $3, cancel_note = $4, \
                 cancelled_at = $5, cancelled_by_staff_id = $2 \
                 WHERE id = $1 AND status = 'booked' AND starts_at > $5 RETURNING starts_at",
            )
            .bind(booking_id)
            .bind(by)
            .bind(reason.as_str())
            .bind(note)
            .bind(stored(now))
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((starts,)) = cancelled {
                enqueue_messages!(tx, booking_id.0, MessageEvent::Cancelled, starts, now);
            }
            tx.commit().await?;
            cancelled.is_some()
        });
        if done {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// Changes a recorded outcome to `to` (from the other one) and keeps the correction (who
    /// and when); the outcome keeps the time it was first recorded, which the window for
    /// corrections counts from. `NotFound` when the meeting does not have the other outcome.
    pub async fn correct_outcome(
        &self,
        booking_id: BookingId,
        to: Outcome,
        by: StaffId,
        ask: super::RatingAsk<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let from = match to {
            Outcome::Held => Outcome::NoShow,
            Outcome::NoShow => Outcome::Held,
        };
        let done = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let changed = sqlx::query("UPDATE bookings SET status = $2 WHERE id = $1 AND status = $3")
            .bind(booking_id)
            .bind(to.as_str())
            .bind(from.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 1 {
                sqlx::query(
                    "INSERT INTO outcome_corrections \
                     (booking_id, staff_id, from_status, to_status, corrected_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(booking_id)
                .bind(by)
                .bind(from.as_str())
                .bind(to.as_str())
                .bind(stored(now))
                .execute(&mut *tx)
                .await?;
                match to {
                    Outcome::Held => {
                        let (starts,): (DateTime<Utc>,) =
                            sqlx::query_as("SELECT starts_at FROM bookings WHERE id = $1")
                                .bind(booking_id)
                                .fetch_one(&mut *tx)
                                .await?;
                        super::ratings::ask_about!(tx, booking_id, starts, ask, now);
                    }
                    Outcome::NoShow => super::ratings::withdraw_question!(tx, booking_id),
                }
            }
            tx.commit().await?;
            changed == 1
        });
        if done {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// Every correction of the outcomes of a case's meetings (a seeker's or an
    /// employer's), oldest first.
    pub async fn outcome_corrections(
        &self,
        case: CaseOf,
    ) -> Result<Vec<CorrectionRow>, StoreError> {
        let (column, id) = match case {
            CaseOf::Seeker(SeekerId(id)) => ("seeker_id", id),
            CaseOf::Employer(id) => ("employer_id", id),
        };
        // `column` is one of two fixed names, never input.
        let sql = format!(
            "SELECT k.booking_id, s.first_name AS staff_first_name, \
             s.last_name AS staff_last_name, k.from_status, k.to_status, k.corrected_at \
             FROM outcome_corrections k \
             JOIN bookings b ON b.id = k.booking_id \
             JOIN staff s ON s.id = k.staff_id \
             WHERE b.{column} = $1 ORDER BY k.corrected_at, k.id"
        );
        Ok(on_pool!(self, p =>
            sqlx::query_as(&sql)
            .bind(id)
            .fetch_all(p)
            .await?))
    }
}
