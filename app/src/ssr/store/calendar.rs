//! What a counsellor's calendar shows: their meetings with whom and what, in a time range.

use super::{on_pool, Store, StoreError};
use crate::domain::{BookingStatus, Channel};
use chrono::{DateTime, Utc};

/// A meeting as the calendar draws it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CalendarMeeting {
    pub id: i64,
    /// With a job seeker, or with an employer: one of the two.
    pub seeker_id: Option<i64>,
    pub employer_id: Option<i64>,
    /// Whom it is with: the seeker's name, or the organisation's.
    pub who: String,
    pub meeting_name_sv: String,
    pub meeting_name_en: String,
    #[sqlx(try_from = "String")]
    pub channel: Channel,
    #[sqlx(try_from = "String")]
    pub status: BookingStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// An office visitor's arrival, and when the counsellor fetched them.
    pub arrived_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
}

/// A counsellor and the office they work at (for the access rules).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CalendarOwnerRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub office_id: i64,
}

const SELECT_MEETING: &str = "SELECT b.id, b.seeker_id, b.employer_id, \
     COALESCE(s.first_name || ' ' || s.last_name, e.name) AS who, \
     m.name_sv AS meeting_name_sv, m.name_en AS meeting_name_en, b.channel, b.status, \
     b.starts_at, b.ends_at, b.arrived_at, b.received_at \
     FROM bookings b LEFT JOIN seekers s ON s.id = b.seeker_id \
     LEFT JOIN employers e ON e.id = b.employer_id \
     JOIN meeting_types m ON m.id = b.meeting_type_id";

impl Store {
    /// The counsellor's meetings that have ended and still wait for an outcome, oldest first.
    pub async fn unreported(
        &self,
        counsellor_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Vec<CalendarMeeting>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "{SELECT_MEETING} WHERE b.counsellor_id = $1 AND b.status = 'booked' \
                 AND b.ends_at <= $2 ORDER BY b.starts_at, b.id"
            ))
            .bind(counsellor_id)
            .bind(now)
            .fetch_all(p)
            .await?))
    }

    /// A counsellor's meetings that are not cancelled and overlap `[from, to)`, in order.
    pub async fn calendar_meetings(
        &self,
        counsellor_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<CalendarMeeting>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "{SELECT_MEETING} WHERE b.counsellor_id = $1 AND b.status <> 'cancelled' \
                 AND b.starts_at < $3 AND b.ends_at > $2 ORDER BY b.starts_at, b.id"
            ))
            .bind(counsellor_id)
            .bind(from)
            .bind(to)
            .fetch_all(p)
            .await?))
    }

    pub async fn calendar_owner(
        &self,
        counsellor_id: i64,
    ) -> Result<Option<CalendarOwnerRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, first_name, last_name, office_id FROM counsellors WHERE id = $1",
            )
            .bind(counsellor_id)
            .fetch_optional(p)
            .await?))
    }

    /// The counsellors of an office, by name: the active ones, and a deactivated one while
    /// meetings are still booked with them (so those can be seen and moved).
    pub async fn office_counsellors(
        &self,
        office_id: i64,
    ) -> Result<Vec<CalendarOwnerRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, first_name, last_name, office_id FROM counsellors c \
                 WHERE office_id = $1 AND (active OR EXISTS (SELECT 1 FROM bookings b \
                   WHERE b.counsellor_id = c.id AND b.status = 'booked')) \
                 ORDER BY last_name, first_name",
            )
            .bind(office_id)
            .fetch_all(p)
            .await?))
    }
}
