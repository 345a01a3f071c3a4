//! Bookings: made, moved and cancelled in one statement each, inside a write transaction.
//! Whether a time is still free is decided by the database's rules (`booking_overlap`,
//! `bookings_one_first_meeting`), so two people racing for one time cannot both get it.

use super::{
    capacity::{VisitLimit, LOCK_OFFICE, VISITS_IN_HOUR},
    on_pool,
    outbox::enqueue_messages,
    retry::retrying,
    BackendKind, Store, StoreError, WritePool,
};
use crate::domain::{
    choices::CancelReason, BookingId, BookingStatus, Channel, Rule, SeekerId, StaffId,
};
use chrono::{DateTime, SubsecRound, Utc};

/// Whom a meeting is with: a job seeker, or an employer through one of its users (perhaps
/// about one of its recruitment needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Seeker(i64),
    Employer {
        employer_id: i64,
        user_id: i64,
        need_id: Option<i64>,
    },
}

impl Party {
    /// The columns `seeker_id`, `employer_id`, `employer_user_id` and `need_id`.
    fn columns(self) -> (Option<i64>, Option<i64>, Option<i64>, Option<i64>) {
        match self {
            Party::Seeker(id) => (Some(id), None, None, None),
            Party::Employer {
                employer_id,
                user_id,
                need_id,
            } => (None, Some(employer_id), Some(user_id), need_id),
        }
    }
}

/// A booking about to be made.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub with: Party,
    pub counsellor_id: i64,
    /// The meeting type's code, e.g. `first-meeting`.
    pub meeting_type: &'static str,
    pub channel: Channel,
    /// For a visit: where.
    pub office_id: Option<i64>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The end of the counsellor's buffer after the meeting.
    pub clear_until: DateTime<Utc>,
    pub is_first: bool,
    pub video_room: Option<String>,
    pub now: DateTime<Utc>,
    /// For a visit booked online: the office's capacity in the hour it starts.
    pub visit_limit: Option<VisitLimit>,
}

/// A new time for a booking, perhaps with another counsellor or in another way.
#[derive(Debug, Clone)]
pub struct NewTime {
    pub counsellor_id: i64,
    pub channel: Channel,
    pub office_id: Option<i64>,
    pub video_room: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub clear_until: DateTime<Utc>,
    /// For a visit moved online: the office's capacity in the hour it starts.
    pub visit_limit: Option<VisitLimit>,
}

/// Who moves a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mover {
    Seeker(SeekerId),
    /// One of the employer's users (by the employer's id).
    Employer(i64),
    Staff(StaffId),
}

impl Mover {
    /// Which of the booking's columns must hold which id for this mover to touch it: the
    /// seeker's or the employer's own meetings; staff any (the booking's own id).
    fn owns(self, booking_id: BookingId) -> (&'static str, i64) {
        match self {
            Mover::Seeker(id) => ("seeker_id", id.0),
            Mover::Employer(id) => ("employer_id", id),
            Mover::Staff(_) => ("id", booking_id.0),
        }
    }
}

/// Who on the staff booked a meeting for the person: a follow-up (which meeting it
/// follows), or a first meeting at the desk or on the phone; a walk-in seated at once has
/// arrived when it is booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByStaff {
    pub by: StaffId,
    pub follows: Option<BookingId>,
    pub arrived_at: Option<DateTime<Utc>>,
}

/// A booking with everything the seeker's pages show about it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct BookingRow {
    pub id: i64,
    /// With a job seeker, or with an employer (then through one of its users, perhaps about
    /// one of its needs): exactly one of the two.
    pub seeker_id: Option<i64>,
    pub employer_id: Option<i64>,
    pub employer_user_id: Option<i64>,
    pub need_id: Option<i64>,
    pub counsellor_id: i64,
    pub counsellor_first_name: String,
    pub counsellor_last_name: String,
    pub counsellor_title: String,
    /// The title in English (the Swedish one when it has no translation).
    pub counsellor_title_en: String,
    pub counsellor_phone: String,
    pub counsellor_email: String,
    pub meeting_type: String,
    pub meeting_name_sv: String,
    pub meeting_name_en: String,
    #[sqlx(try_from = "String")]
    pub channel: Channel,
    pub office_id: Option<i64>,
    pub office_name: Option<String>,
    pub office_street: Option<String>,
    pub office_postcode: Option<i64>,
    pub office_city: Option<String>,
    pub office_phone: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    #[sqlx(try_from = "String")]
    pub status: BookingStatus,
    pub is_first: bool,
    pub video_room: Option<String>,
    pub cancel_reason: Option<String>,
    pub cancel_note: String,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub moved_at: Option<DateTime<Utc>>,
    pub times_moved: i64,
    pub created_at: DateTime<Utc>,
    /// Staff moved it last (the seeker is told so).
    pub moved_by_staff: bool,
    /// The meeting this one follows up, when staff booked it after another.
    pub follows_booking_id: Option<i64>,
    /// When its outcome (held, no-show) was first recorded.
    pub outcome_at: Option<DateTime<Utc>>,
    /// An office visitor's arrival ("Jag är här", or marked by reception).
    pub arrived_at: Option<DateTime<Utc>>,
    /// The staff member who cancelled it, by name; `None` when the seeker did (or nobody).
    /// Their reason is then one of staff's (`StaffCancelReason`) in `cancel_reason`.
    pub cancelled_by_staff: Option<String>,
    /// The staff member who booked it (a follow-up, or a first meeting booked at the desk or
    /// on the phone), by name; `None` when the seeker or employer booked it.
    pub booked_by_staff: Option<String>,
    /// When the counsellor fetched that visitor.
    pub received_at: Option<DateTime<Utc>>,
    /// For a meeting with an employer: the organisation's name, the need it is about, and
    /// the user who booked it.
    pub employer_name: Option<String>,
    pub need_headline: Option<String>,
    pub employer_user_name: Option<String>,
}

impl BookingRow {
    /// A meeting with an employer (not with a job seeker).
    pub fn with_employer(&self) -> bool {
        self.employer_id.is_some()
    }

    /// A seeker's first meeting with Emina Hodžić on 24 November 2026 at 09:00 UTC, booked
    /// by them two days before, for tests to change what they are about.
    #[cfg(test)]
    pub fn example(channel: Channel) -> Self {
        use chrono::TimeZone;
        let start = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let office = channel == Channel::Office;
        BookingRow {
            id: 7,
            seeker_id: Some(1),
            employer_id: None,
            employer_user_id: None,
            need_id: None,
            counsellor_id: 2,
            counsellor_first_name: "Emina".into(),
            counsellor_last_name: "Hodžić".into(),
            counsellor_title: "Arbetsförmedlare".into(),
            counsellor_title_en: "Employment counsellor".into(),
            counsellor_phone: "010-202 01 12".into(),
            counsellor_email: "emina.hodzic@tidbok.example".into(),
            meeting_type: "first-meeting".into(),
            meeting_name_sv: "Första möte".into(),
            meeting_name_en: "First meeting".into(),
            channel,
            office_id: office.then_some(1),
            office_name: office.then(|| "Tidbok Malmö".into()),
            office_street: office.then(|| "Södra Förstadsgatan 1".into()),
            office_postcode: office.then_some(21143),
            office_city: office.then(|| "Malmö".into()),
            office_phone: None,
            starts_at: start,
            ends_at: start + chrono::Duration::minutes(45),
            status: BookingStatus::Booked,
            is_first: true,
            video_room: (channel == Channel::Video)
                .then(|| "0123456789abcdef0123456789abcdef".into()),
            cancel_reason: None,
            cancel_note: String::new(),
            cancelled_at: None,
            moved_at: None,
            times_moved: 0,
            created_at: start - chrono::Duration::days(2),
            moved_by_staff: false,
            follows_booking_id: None,
            outcome_at: None,
            arrived_at: None,
            received_at: None,
            cancelled_by_staff: None,
            booked_by_staff: None,
            employer_name: None,
            need_headline: None,
            employer_user_name: None,
        }
    }
}

/// A live booking's hold on a counsellor's time: the meeting and its buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct BusyRow {
    pub id: i64,
    pub counsellor_id: i64,
    pub starts_at: DateTime<Utc>,
    pub clear_until: DateTime<Utc>,
}

pub(super) const SELECT_BOOKING: &str = "SELECT b.id, b.seeker_id, b.employer_id, b.employer_user_id, \
     b.need_id, b.counsellor_id, \
     c.first_name AS counsellor_first_name, c.last_name AS counsellor_last_name, \
     c.title AS counsellor_title, COALESCE(NULLIF(c.title_en, ''), c.title) AS counsellor_title_en, \
     c.phone AS counsellor_phone, c.email AS counsellor_email, \
     m.code AS meeting_type, m.name_sv AS meeting_name_sv, m.name_en AS meeting_name_en, \
     b.channel, b.office_id, o.name AS office_name, o.street AS office_street, \
     o.postcode AS office_postcode, o.city AS office_city, o.phone AS office_phone, \
     b.starts_at, b.ends_at, b.status, b.is_first, b.video_room, b.cancel_reason, \
     b.cancel_note, b.cancelled_at, b.moved_at, b.times_moved, b.created_at, \
     b.moved_by_staff_id IS NOT NULL AS moved_by_staff, b.follows_booking_id, b.outcome_at, \
     b.arrived_at, \
     b.received_at, cs.first_name || ' ' || cs.last_name AS cancelled_by_staff, \
     bs.first_name || ' ' || bs.last_name AS booked_by_staff, \
     e.name AS employer_name, n.headline AS need_headline, \
     eu.first_name || ' ' || eu.last_name AS employer_user_name \
     FROM bookings b \
     JOIN counsellors c ON c.id = b.counsellor_id \
     JOIN meeting_types m ON m.id = b.meeting_type_id \
     LEFT JOIN offices o ON o.id = b.office_id \
     LEFT JOIN staff cs ON cs.id = b.cancelled_by_staff_id \
     LEFT JOIN staff bs ON bs.id = b.booked_by_staff_id \
     LEFT JOIN employers e ON e.id = b.employer_id \
     LEFT JOIN employer_needs n ON n.id = b.need_id \
     LEFT JOIN employer_users eu ON eu.id = b.employer_user_id";

/// PostgreSQL: a transaction that books a counsellor's time first takes a lock on that
/// counsellor, held until it ends. Two inserts checking the exclusion constraint against
/// each other's new rows at once can otherwise deadlock (seen in the racing test); SQLite
/// needs nothing, as `BEGIN IMMEDIATE` already lets one writer in at a time.
pub(super) const LOCK_COUNSELLOR: &str = "SELECT pg_advisory_xact_lock(7001, ($1)::int4)";

/// Refuses a visit in an hour its office has no room left in, as `Conflict(Rule::OfficeCapacity)`.
/// Runs inside the booking's transaction; on PostgreSQL it first locks the office.
macro_rules! check_visit_limit {
    ($store:expr, $tx:expr, $limit:expr, $booking:expr) => {{
        if let Some(limit) = $limit {
            if $store.backend() == BackendKind::Postgres {
                sqlx::query(LOCK_OFFICE)
                    .bind(limit.office_id)
                    .execute(&mut *$tx)
                    .await?;
            }
            let (taken,): (i64,) = sqlx::query_as(VISITS_IN_HOUR)
                .bind(limit.office_id)
                .bind(stored(limit.hour_start))
                .bind(stored(limit.hour_end))
                .bind($booking)
                .fetch_one(&mut *$tx)
                .await?;
            if taken >= limit.max {
                return Err(StoreError::Conflict(Rule::OfficeCapacity));
            }
        }
    }};
}

/// SQLite keeps times as text; whole seconds keep every stored time comparable as text.
pub(super) fn stored(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(0)
}

impl Store {
    /// Makes a booking. A time that overlaps another live booking of the counsellor (buffers
    /// included) is refused as `Conflict(Rule::BookingOverlap)`; a second first meeting for
    /// the seeker as `Conflict(Rule::OneFirstMeeting)`.
    pub async fn insert_booking(&self, b: &NewBooking) -> Result<i64, StoreError> {
        self.insert_booking_as(b, None).await
    }

    /// `insert_booking`, made by staff on the person's behalf.
    pub async fn insert_booking_by(&self, b: &NewBooking, by: ByStaff) -> Result<i64, StoreError> {
        self.insert_booking_as(b, Some(by)).await
    }

    /// `insert_booking`, with who on the staff booked it, which meeting it follows up and
    /// when the person arrived.
    async fn insert_booking_as(
        &self,
        b: &NewBooking,
        staff: Option<ByStaff>,
    ) -> Result<i64, StoreError> {
        retrying("insert booking", || self.insert_booking_once(b, staff)).await
    }

    async fn insert_booking_once(
        &self,
        b: &NewBooking,
        staff: Option<ByStaff>,
    ) -> Result<i64, StoreError> {
        let by_staff = staff.map(|f| f.by);
        let follows = staff.and_then(|f| f.follows);
        let arrived = staff.and_then(|f| f.arrived_at).map(stored);
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            if self.backend() == BackendKind::Postgres {
                sqlx::query(LOCK_COUNSELLOR).bind(b.counsellor_id).execute(&mut *tx).await?;
            }
            check_visit_limit!(self, tx, b.visit_limit, 0i64);
            let (seeker, employer, user, need) = b.with.columns();
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO bookings (seeker_id, counsellor_id, meeting_type_id, channel, \
                 office_id, starts_at, ends_at, clear_until, is_first, video_room, created_at, \
                 booked_by_staff_id, follows_booking_id, employer_id, employer_user_id, need_id, \
                 arrived_at) \
                 VALUES ($1, $2, (SELECT id FROM meeting_types WHERE code = $3), $4, $5, $6, \
                 $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
            )
            .bind(seeker)
            .bind(b.counsellor_id)
            .bind(b.meeting_type)
            .bind(b.channel.as_str())
            .bind(b.office_id)
            .bind(stored(b.starts_at))
            .bind(stored(b.ends_at))
            .bind(stored(b.clear_until))
            .bind(b.is_first)
            .bind(&b.video_room)
            .bind(stored(b.now))
            .bind(by_staff)
            .bind(follows)
            .bind(employer)
            .bind(user)
            .bind(need)
            .bind(arrived)
            .fetch_one(&mut *tx)
            .await?;
            enqueue_messages!(tx, id, MessageEvent::Booked, b.starts_at, b.now);
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Moves the seeker's live booking to a new time, perhaps with another counsellor.
    /// `NotFound` when it is not theirs or not live; `Conflict(Rule::BookingOverlap)` when the
    /// time was taken meanwhile.
    pub async fn move_booking(
        &self,
        booking_id: BookingId,
        seeker_id: SeekerId,
        to: NewTime,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.move_booking_as(booking_id, Mover::Seeker(seeker_id), to, now)
            .await
    }

    /// Moves a live booking, for the seeker (only their own) or for staff (any; the seeker
    /// is then told staff moved it). `NotFound` when there is no such live booking.
    pub(super) async fn move_booking_as(
        &self,
        booking_id: BookingId,
        by: Mover,
        to: NewTime,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        retrying("move booking", || {
            self.move_booking_once(booking_id, by, &to, now)
        })
        .await
    }

    async fn move_booking_once(
        &self,
        booking_id: BookingId,
        by: Mover,
        to: &NewTime,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let staff_id = match by {
            Mover::Staff(id) => Some(id),
            Mover::Seeker(_) | Mover::Employer(_) => None,
        };
        let (owner_column, owner) = by.owns(booking_id);
        let done = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            if self.backend() == BackendKind::Postgres {
                sqlx::query(LOCK_COUNSELLOR).bind(to.counsellor_id).execute(&mut *tx).await?;
            }
            check_visit_limit!(self, tx, to.visit_limit, booking_id);
            let done = sqlx::query(&format!(
                "UPDATE bookings SET counsellor_id = $3, starts_at = $4, ends_at = $5, \
                 clear_until = $6, moved_at = $7, times_moved = times_moved + 1, \
                 channel = $8, office_id = $9, video_room = $10, moved_by_staff_id = $11 \
                 WHERE id = $1 AND {owner_column} = $2 AND status = 'booked'"
            ))
            .bind(booking_id)
            .bind(owner)
            .bind(to.counsellor_id)
            .bind(stored(to.starts_at))
            .bind(stored(to.ends_at))
            .bind(stored(to.clear_until))
            .bind(stored(now))
            .bind(to.channel.as_str())
            .bind(to.office_id)
            .bind(&to.video_room)
            .bind(staff_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 1 {
                enqueue_messages!(tx, booking_id.0, MessageEvent::Moved, to.starts_at, now);
            }
            tx.commit().await?;
            done
        });
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Cancels the seeker's live booking, keeping the row with the reason. `NotFound` when
    /// it is not theirs or not live.
    pub async fn cancel_booking(
        &self,
        booking_id: BookingId,
        seeker_id: SeekerId,
        reason: CancelReason,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.cancel_booking_as(
            booking_id,
            Mover::Seeker(seeker_id),
            reason.as_str(),
            note,
            now,
        )
        .await
    }

    /// Cancels a live booking of the seeker's or the employer's own (see [`Mover::owns`]).
    pub(super) async fn cancel_booking_as(
        &self,
        booking_id: BookingId,
        by: Mover,
        reason: &str,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (owner_column, owner) = by.owns(booking_id);
        let done = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let cancelled: Option<(DateTime<Utc>,)> = sqlx::query_as(&format!(
                "UPDATE bookings SET status = 'cancelled', cancel_reason = $3, cancel_note = $4, \
                 cancelled_at = $5 WHERE id = $1 AND {owner_column} = $2 AND status = 'booked' \
                 RETURNING starts_at"
            ))
            .bind(booking_id)
            .bind(owner)
            .bind(reason)
            .bind(note)
            .bind(stored(now))
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((starts,)) = cancelled {
                enqueue_messages!(tx, booking_id.0, MessageEvent::Cancelled, starts, now);
            }
            tx.commit().await?;
            u64::from(cancelled.is_some())
        });
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn booking(&self, booking_id: i64) -> Result<Option<BookingRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!("{SELECT_BOOKING} WHERE b.id = $1"))
                .bind(booking_id)
                .fetch_optional(p)
                .await?))
    }

    /// Every booking of a seeker, the latest first.
    pub async fn seeker_bookings(&self, seeker_id: i64) -> Result<Vec<BookingRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "{SELECT_BOOKING} WHERE b.seeker_id = $1 ORDER BY b.starts_at DESC, b.id DESC"
            ))
            .bind(seeker_id)
            .fetch_all(p)
            .await?))
    }

    /// The seeker's first meeting that is booked and not yet held or cancelled, if any.
    pub async fn live_first_meeting(
        &self,
        seeker_id: i64,
    ) -> Result<Option<BookingRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "{SELECT_BOOKING} WHERE b.seeker_id = $1 AND b.is_first = TRUE AND b.status = 'booked'"
            ))
            .bind(seeker_id)
            .fetch_optional(p)
            .await?))
    }

    /// Every live booking that holds time in `[from, to)`, of every counsellor.
    pub async fn busy_times(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<BusyRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, counsellor_id, starts_at, clear_until FROM bookings \
                 WHERE status <> 'cancelled' AND starts_at < $2 AND clear_until > $1 \
                 ORDER BY counsellor_id, starts_at",
            )
            .bind(stored(from))
            .bind(stored(to))
            .fetch_all(p)
            .await?))
    }

    /// Every counsellor's open spans that overlap `[from, to)`.
    pub async fn open_times(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<super::AvailabilityRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, counsellor_id, starts_at, ends_at FROM availability \
                 WHERE starts_at < $2 AND ends_at > $1 ORDER BY counsellor_id, starts_at",
            )
            .bind(stored(from))
            .bind(stored(to))
            .fetch_all(p)
            .await?))
    }
}
