//! The office's day: who is expected, who has arrived ("Jag är här" or marked by reception),
//! who has been fetched; and the facts the follow-up figures are computed from.

use super::{bookings::stored, on_pool, Store, StoreError, WritePool};
use crate::domain::{arrival::Undo, BookingStatus, Channel};
use chrono::{DateTime, Utc};

/// A visit on the reception's list.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct VisitRow {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    #[sqlx(try_from = "String")]
    pub status: BookingStatus,
    /// The job seeker, or the employer's contact who booked.
    pub visitor_first_name: String,
    pub visitor_last_name: String,
    /// The organisation, when the visit is an employer's.
    pub organisation: Option<String>,
    pub counsellor_id: i64,
    pub counsellor_first_name: String,
    pub counsellor_last_name: String,
    pub arrived_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
}

/// One meeting with what the follow-up figures need of it and its seeker.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FactRow {
    pub counsellor_id: i64,
    pub starts_at: DateTime<Utc>,
    #[sqlx(try_from = "String")]
    pub status: BookingStatus,
    #[sqlx(try_from = "String")]
    pub channel: Channel,
    pub is_first: bool,
    pub booked_online: bool,
    pub registered_online: bool,
    pub registered_at: DateTime<Utc>,
    pub arrived_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
}

/// Who says the visitor has arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrivalBy {
    /// The seeker themselves, for their own visit only.
    Seeker(i64),
    Staff(i64),
}

impl Store {
    /// Records that the visitor of a live office visit has arrived, once: a second press
    /// keeps the first time. Returns when they arrived; `NotFound` when there is no such
    /// live visit (or, for a seeker, not theirs).
    pub async fn mark_arrived(
        &self,
        booking_id: i64,
        by: ArrivalBy,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        let (seeker, staff) = match by {
            ArrivalBy::Seeker(id) => (Some(id), None),
            ArrivalBy::Staff(id) => (None, Some(id)),
        };
        let row: Option<(DateTime<Utc>,)> = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let row = sqlx::query_as(
                "UPDATE bookings SET arrived_at = COALESCE(arrived_at, $3), \
                 arrival_by_staff_id = CASE WHEN arrived_at IS NULL THEN $4 \
                 ELSE arrival_by_staff_id END \
                 WHERE id = $1 AND ($2 IS NULL OR seeker_id = $2) \
                 AND channel = 'office' AND status = 'booked' RETURNING arrived_at",
            )
            .bind(booking_id)
            .bind(seeker)
            .bind(stored(now))
            .bind(staff)
            .fetch_optional(&mut *tx)
            .await?;
            tx.commit().await?;
            row
        });
        row.map(|(t,)| t).ok_or(StoreError::NotFound)
    }

    /// Records that the counsellor fetched the visitor (which ends their wait), once.
    /// `NotFound` unless the visitor has arrived.
    pub async fn mark_received(
        &self,
        booking_id: i64,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        let row: Option<(DateTime<Utc>,)> = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let row = sqlx::query_as(
                "UPDATE bookings SET received_at = COALESCE(received_at, $2) \
                 WHERE id = $1 AND arrived_at IS NOT NULL AND status <> 'cancelled' \
                 RETURNING received_at",
            )
            .bind(booking_id)
            .bind(stored(now))
            .fetch_optional(&mut *tx)
            .await?;
            tx.commit().await?;
            row
        });
        row.map(|(t,)| t).ok_or(StoreError::NotFound)
    }

    /// Takes back a mark at reception made at `since` or later: the arrival (while the
    /// visitor is not fetched) or the fetch. `NotFound` when there is no such fresh mark.
    pub async fn undo_mark(
        &self,
        booking_id: i64,
        what: Undo,
        since: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let sql = match what {
            Undo::Arrival => {
                "UPDATE bookings SET arrived_at = NULL, arrival_by_staff_id = NULL \
                 WHERE id = $1 AND received_at IS NULL AND arrived_at >= $2"
            }
            Undo::Fetched => {
                "UPDATE bookings SET received_at = NULL WHERE id = $1 AND received_at >= $2"
            }
        };
        let done = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(sql)
                .bind(booking_id)
                .bind(stored(since))
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            n
        });
        if done == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// The office's live visits starting in `[from, to)`, in time order.
    pub async fn office_visits(
        &self,
        office_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<VisitRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT b.id, b.starts_at, b.ends_at, b.status, \
                 COALESCE(s.first_name, u.first_name) AS visitor_first_name, \
                 COALESCE(s.last_name, u.last_name) AS visitor_last_name, \
                 e.name AS organisation, \
                 c.id AS counsellor_id, c.first_name AS counsellor_first_name, \
                 c.last_name AS counsellor_last_name, b.arrived_at, b.received_at \
                 FROM bookings b LEFT JOIN seekers s ON s.id = b.seeker_id \
                 LEFT JOIN employer_users u ON u.id = b.employer_user_id \
                 LEFT JOIN employers e ON e.id = b.employer_id \
                 JOIN counsellors c ON c.id = b.counsellor_id \
                 WHERE b.office_id = $1 AND b.channel = 'office' AND b.status <> 'cancelled' \
                 AND b.starts_at >= $2 AND b.starts_at < $3 ORDER BY b.starts_at, b.id",
            )
            .bind(office_id)
            .bind(stored(from))
            .bind(stored(to))
            .fetch_all(p)
            .await?))
    }

    /// Every meeting held by the office's counsellors that starts in `[from, to)`, in every
    /// channel and state, with its seeker's registration.
    pub async fn meeting_facts(
        &self,
        office_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<FactRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT b.counsellor_id, b.starts_at, b.status, b.channel, b.is_first, \
                 b.booked_by_staff_id IS NULL AS booked_online, s.registered_online, \
                 s.created_at AS registered_at, b.arrived_at, b.received_at \
                 FROM bookings b JOIN seekers s ON s.id = b.seeker_id \
                 JOIN counsellors c ON c.id = b.counsellor_id \
                 WHERE c.office_id = $1 AND b.starts_at >= $2 AND b.starts_at < $3 \
                 ORDER BY b.starts_at, b.id",
            )
            .bind(office_id)
            .bind(stored(from))
            .bind(stored(to))
            .fetch_all(p)
            .await?))
    }
}
