//! A seeker's case as staff read and continue it: the rest of the profile, the notes, the
//! outcome of a meeting, follow-ups booked and meetings moved by staff, and referrals.

use super::{
    bookings::{stored, ByStaff, Mover},
    on_pool, NewBooking, NewTime, Store, StoreError,
};
use crate::domain::{
    case::Outcome, choices::ContactKind, BookingId, CounsellorId, SeekerId, StaffId,
};
use chrono::{DateTime, Utc};

/// What the seeker told us beyond contact details and wishes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SeekerBackground {
    /// Employer, occupation, from (`YYYY-MM`), to, description.
    pub experiences: Vec<Experience>,
    /// Level code, field of study, school, year.
    pub educations: Vec<Education>,
    /// Language code and level code.
    pub languages: Vec<(String, String)>,
    /// The wishes and skills step, if it was filled in.
    pub profile: Option<ProfileRow>,
}

/// The profile step as stored: codes, comma-separated where there are several.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProfileRow {
    pub extent: String,
    pub situation: String,
    pub regions: String,
    pub driving_licences: String,
    pub other_skills: String,
}

/// A note in the case, with its author.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CaseNoteRow {
    pub id: i64,
    pub booking_id: Option<i64>,
    pub author_first_name: String,
    pub author_last_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// A contact without a meeting: `samtal` or `besok`.
    pub contact: Option<String>,
}

type Experience = (String, String, String, Option<String>, String);
type Education = (String, String, String, Option<i64>);
type Background = (
    Vec<Experience>,
    Vec<Education>,
    Vec<(String, String)>,
    Option<ProfileRow>,
);

impl Store {
    pub async fn seeker_background(&self, seeker_id: i64) -> Result<SeekerBackground, StoreError> {
        let (experiences, educations, languages, profile): Background = on_pool!(self, p => (
            sqlx::query_as(
                "SELECT employer, occupation_text, from_month, to_month, description \
                 FROM seeker_experiences WHERE seeker_id = $1 ORDER BY from_month DESC, id",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?,
            sqlx::query_as(
                "SELECT level, field, school, year FROM seeker_educations \
                 WHERE seeker_id = $1 ORDER BY year DESC, id",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?,
            sqlx::query_as(
                "SELECT language, level FROM seeker_languages WHERE seeker_id = $1 ORDER BY language",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?,
            sqlx::query_as(
                "SELECT extent, situation, regions, driving_licences, other_skills \
                 FROM seeker_profiles WHERE seeker_id = $1",
            )
            .bind(seeker_id)
            .fetch_optional(p)
            .await?,
        ));
        Ok(SeekerBackground {
            experiences,
            educations,
            languages,
            profile,
        })
    }

    /// The seeker's case notes, oldest first.
    pub async fn case_notes(&self, seeker_id: i64) -> Result<Vec<CaseNoteRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT n.id, n.booking_id, s.first_name AS author_first_name, \
                 s.last_name AS author_last_name, n.body, n.created_at, n.contact \
                 FROM case_notes n JOIN staff s ON s.id = n.author_staff_id \
                 WHERE n.seeker_id = $1 ORDER BY n.created_at, n.id",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?))
    }

    pub async fn add_case_note(
        &self,
        seeker_id: SeekerId,
        booking_id: Option<BookingId>,
        author_staff_id: StaffId,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_scalar(
                "INSERT INTO case_notes (seeker_id, booking_id, author_staff_id, body, created_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(seeker_id)
            .bind(booking_id)
            .bind(author_staff_id)
            .bind(body)
            .bind(stored(now))
            .fetch_one(p)
            .await?))
    }

    /// Writes a contact without a meeting (a call, a visit without a booking) into the
    /// seeker's case.
    pub async fn add_contact_note(
        &self,
        seeker_id: SeekerId,
        kind: ContactKind,
        author_staff_id: StaffId,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_scalar(
                "INSERT INTO case_notes (seeker_id, author_staff_id, body, created_at, contact) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(seeker_id)
            .bind(author_staff_id)
            .bind(body)
            .bind(stored(now))
            .bind(kind.as_str())
            .fetch_one(p)
            .await?))
    }

    /// Records that a booked meeting that has begun was held or that the seeker did not come.
    /// `NotFound` when it is not booked or has not begun.
    pub async fn set_outcome(
        &self,
        booking_id: BookingId,
        outcome: Outcome,
        staff_id: StaffId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.record_outcome(booking_id, outcome, staff_id, None, now)
            .await
    }

    /// Books a meeting on staff's behalf, following `follows`: like `insert_booking`, with who
    /// booked it and what it continues.
    pub async fn insert_follow_up(
        &self,
        b: &NewBooking,
        by: StaffId,
        follows: BookingId,
    ) -> Result<i64, StoreError> {
        self.insert_booking_by(
            b,
            ByStaff {
                by,
                follows: Some(follows),
                arrived_at: None,
            },
        )
        .await
    }

    /// Moves a live booking on staff's behalf; the seeker sees on Mina sidor that staff moved
    /// it. `NotFound` when it is not live; `Conflict(Rule::BookingOverlap)` when the time is taken.
    pub async fn move_booking_by_staff(
        &self,
        booking_id: BookingId,
        staff_id: StaffId,
        to: NewTime,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.move_booking_as(booking_id, Mover::Staff(staff_id), to, now)
            .await
    }

    /// Lets a counsellor of another office see the seeker (kept once).
    pub async fn add_referral(
        &self,
        seeker_id: SeekerId,
        counsellor_id: CounsellorId,
        by_staff_id: StaffId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(
                "INSERT INTO referrals (seeker_id, counsellor_id, by_staff_id, created_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (seeker_id, counsellor_id) DO NOTHING",
            )
            .bind(seeker_id)
            .bind(counsellor_id)
            .bind(by_staff_id)
            .bind(stored(now))
            .execute(p)
            .await?;
        });
        Ok(())
    }
}
