//! Ratings after meetings: the question (one per meeting held, written with the outcome),
//! the answer (by the link's secret, or by the signed-in seeker), and what the figures count.
//! No query here hands a single answer to staff: the figures read counts per group and the
//! free texts without who or which meeting.

use super::{bookings::stored, on_pool, Store, StoreError, WritePool};
use crate::domain::{
    case::Outcome,
    rating::{closes_at, Rating},
    BookingId, Channel, StaffId,
};
use chrono::{DateTime, Utc};

/// A question as its page shows it: which meeting (never who asked or answered).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RatingQuestionRow {
    pub booking_id: i64,
    pub starts_at: DateTime<Utc>,
    #[sqlx(try_from = "String")]
    pub channel: Channel,
    pub meeting_name_sv: String,
    pub meeting_name_en: String,
    pub counsellor_first_name: String,
    pub closes_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// What writing the question's message needs.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RatingMessageRow {
    pub secret: Option<String>,
    pub booking_id: i64,
    pub starts_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// One question of the period for the figures: its group, and the answer if any.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RatingFactRow {
    pub counsellor_id: i64,
    #[sqlx(try_from = "String")]
    pub channel: Channel,
    pub meeting_type: String,
    pub meeting_name_sv: String,
    pub meeting_name_en: String,
    pub score: Option<i64>,
    pub helped: Option<String>,
}

/// Which question an answer is to: by the link's secret (its hash), or the signed-in
/// seeker's own meeting.
#[derive(Debug, Clone, Copy)]
pub enum Answering<'a> {
    Link(&'a str),
    Seeker { seeker_id: i64, booking_id: i64 },
}

const QUESTION: &str =
    "SELECT r.booking_id, b.starts_at, b.channel, t.name_sv AS meeting_name_sv, \
     t.name_en AS meeting_name_en, c.first_name AS counsellor_first_name, r.closes_at, \
     r.answered_at FROM ratings r JOIN bookings b ON b.id = r.booking_id \
     JOIN meeting_types t ON t.id = b.meeting_type_id \
     JOIN counsellors c ON c.id = b.counsellor_id";

/// How a meeting held is asked about: the link's secret (kept in its messages until they
/// are written), its hash (kept with the question), and when the question goes out.
#[derive(Debug, Clone, Copy)]
pub struct RatingAsk<'a> {
    pub token: &'a str,
    pub key: &'a str,
    pub at: DateTime<Utc>,
}

/// Inside the open transaction `$tx`: asks about meeting `$booking` (starting at `$starts`)
/// as `$ask` says, unless it was asked about already or its person took their account away:
/// the question, and its messages (email and text message) with one reminder.
macro_rules! ask_about {
    ($tx:expr, $booking:expr, $starts:expr, $ask:expr, $now:expr) => {{
        let ask: $crate::ssr::store::RatingAsk<'_> = $ask;
        use $crate::ssr::store::bookings::stored;
        let asked = sqlx::query(
            "INSERT INTO ratings (booking_id, token_hash, asked_at, closes_at) \
             SELECT b.id, $2, $3, $4 FROM bookings b WHERE b.id = $1 \
             AND NOT EXISTS (SELECT 1 FROM erased_seekers e WHERE e.seeker_id = b.seeker_id) \
             AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.booking_id = b.id)",
        )
        .bind($booking)
        .bind(ask.key)
        .bind(stored(ask.at))
        .bind(stored($crate::domain::rating::closes_at(ask.at)))
        .execute(&mut *$tx)
        .await?
        .rows_affected();
        if asked == 1 {
            for (event, due) in [
                ("rating", ask.at),
                (
                    "rating_reminder",
                    ask.at + $crate::domain::rating::REMIND_AFTER,
                ),
            ] {
                for medium in [
                    $crate::domain::notification::Medium::Email,
                    $crate::domain::notification::Medium::Sms,
                ] {
                    sqlx::query(
                        "INSERT INTO outbox (booking_id, event, medium, meeting_starts_at, \
                         due_at, created_at, secret) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind($booking)
                    .bind(event)
                    .bind(medium.as_str())
                    .bind(stored($starts))
                    .bind(stored(due))
                    .bind(stored($now))
                    .bind(ask.token)
                    .execute(&mut *$tx)
                    .await?;
                }
            }
        }
    }};
}

/// Inside the open transaction `$tx`: a meeting found not to have been held is not asked
/// about; a question not yet answered goes, with its messages still waiting.
macro_rules! withdraw_question {
    ($tx:expr, $booking:expr) => {{
        sqlx::query("DELETE FROM ratings WHERE booking_id = $1 AND answered_at IS NULL")
            .bind($booking)
            .execute(&mut *$tx)
            .await?;
        sqlx::query(
            "UPDATE outbox SET status = 'dropped', secret = NULL, \
             last_error = 'the meeting was not held' WHERE booking_id = $1 \
             AND event IN ('rating', 'rating_reminder') AND status = 'pending'",
        )
        .bind($booking)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use {ask_about, withdraw_question};

impl Store {
    /// Records that a meeting that has begun was held (or not attended), as `set_outcome`;
    /// a meeting held is asked about as `ask` says.
    pub async fn set_outcome_and_ask(
        &self,
        booking_id: BookingId,
        outcome: Outcome,
        staff_id: StaffId,
        ask: RatingAsk<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.record_outcome(booking_id, outcome, staff_id, Some(ask), now)
            .await
    }

    /// The outcome of a booked meeting that has begun, and the question about it when it
    /// was held and `ask` says how. `NotFound` when it is not booked or has not begun.
    pub(super) async fn record_outcome(
        &self,
        booking_id: BookingId,
        outcome: Outcome,
        staff_id: StaffId,
        ask: Option<RatingAsk<'_>>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let done: Option<(DateTime<Utc>,)> = sqlx::query_as(
                "UPDATE bookings SET status = $2, outcome_at = $3, outcome_by_staff_id = $4 \
                 WHERE id = $1 AND status = 'booked' AND starts_at <= $3 RETURNING starts_at",
            )
            .bind(booking_id)
            .bind(outcome.status().as_str())
            .bind(stored(now))
            .bind(staff_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((starts,)) = done else {
                return Err(StoreError::NotFound);
            };
            if let (Outcome::Held, Some(ask)) = (outcome, ask) {
                ask_about!(tx, booking_id, starts, ask, now);
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// The question behind a link's secret (its hash), answered or not, open or not.
    pub async fn rating_question(
        &self,
        token_key: &str,
    ) -> Result<Option<RatingQuestionRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!("{QUESTION} WHERE r.token_hash = $1"))
                .bind(token_key)
                .fetch_optional(p)
                .await?))
    }

    /// The signed-in seeker's questions still open at `now`, the latest meeting first.
    pub async fn open_ratings(
        &self,
        seeker_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Vec<RatingQuestionRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "{QUESTION} WHERE b.seeker_id = $1 AND r.answered_at IS NULL \
                 AND r.closes_at > $2 ORDER BY b.starts_at DESC"
            ))
            .bind(seeker_id)
            .bind(stored(now))
            .fetch_all(p)
            .await?))
    }

    /// Keeps an answer. `NotFound` when there is no such open question: unknown, answered
    /// already, or closed. The reminder still waiting is dropped.
    pub async fn answer_rating(
        &self,
        to: Answering<'_>,
        rating: &Rating,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        const OPEN: &str = "r.answered_at IS NULL AND r.closes_at > $1";
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let found: Option<(i64, i64)> = match to {
                Answering::Link(key) => sqlx::query_as(&format!(
                    "SELECT r.id, r.booking_id FROM ratings r WHERE r.token_hash = $2 AND {OPEN}"
                ))
                .bind(stored(now))
                .bind(key)
                .fetch_optional(&mut *tx)
                .await?,
                Answering::Seeker { seeker_id, booking_id } => sqlx::query_as(&format!(
                    "SELECT r.id, r.booking_id FROM ratings r JOIN bookings b ON b.id = r.booking_id \
                     WHERE r.booking_id = $2 AND b.seeker_id = $3 AND {OPEN}"
                ))
                .bind(stored(now))
                .bind(booking_id)
                .bind(seeker_id)
                .fetch_optional(&mut *tx)
                .await?,
            };
            let Some((id, booking)) = found else {
                return Err(StoreError::NotFound);
            };
            sqlx::query(
                "UPDATE ratings SET answered_at = $2, score = $3, helped = $4, comment = $5 \
                 WHERE id = $1 AND answered_at IS NULL",
            )
            .bind(id)
            .bind(stored(now))
            .bind(i64::from(rating.score.get()))
            .bind(rating.helped.as_str())
            .bind(rating.comment.as_deref())
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE outbox SET status = 'dropped', secret = NULL, \
                 last_error = 'answered already' \
                 WHERE booking_id = $1 AND event = 'rating_reminder' AND status = 'pending'",
            )
            .bind(booking)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// What the message `outbox_id` about a question needs.
    pub async fn rating_message(
        &self,
        outbox_id: i64,
    ) -> Result<Option<RatingMessageRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT x.secret, b.id AS booking_id, b.starts_at, r.closes_at, r.answered_at \
                 FROM outbox x JOIN bookings b ON b.id = x.booking_id \
                 JOIN ratings r ON r.booking_id = b.id WHERE x.id = $1",
            )
            .bind(outbox_id)
            .fetch_optional(p)
            .await?))
    }

    /// The questions about the office's meetings asked in `from`..`to`, with their answers.
    pub async fn rating_facts(
        &self,
        office_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<RatingFactRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT b.counsellor_id, b.channel, t.code AS meeting_type, \
                 t.name_sv AS meeting_name_sv, t.name_en AS meeting_name_en, r.score, r.helped \
                 FROM ratings r JOIN bookings b ON b.id = r.booking_id \
                 JOIN counsellors c ON c.id = b.counsellor_id \
                 JOIN meeting_types t ON t.id = b.meeting_type_id \
                 WHERE c.office_id = $1 AND r.asked_at >= $2 AND r.asked_at < $3",
            )
            .bind(office_id)
            .bind(stored(from))
            .bind(stored(to))
            .fetch_all(p)
            .await?))
    }

    /// The free texts given about the office's meetings in `from`..`to`, newest first, with
    /// only when they were written: never who wrote them, about whom or which meeting.
    pub async fn rating_comments(
        &self,
        office_id: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(DateTime<Utc>, String)>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT r.answered_at, r.comment FROM ratings r \
                 JOIN bookings b ON b.id = r.booking_id \
                 JOIN counsellors c ON c.id = b.counsellor_id \
                 WHERE c.office_id = $1 AND r.comment IS NOT NULL \
                 AND r.asked_at >= $2 AND r.asked_at < $3 ORDER BY r.answered_at DESC",
            )
            .bind(office_id)
            .bind(stored(from))
            .bind(stored(to))
            .fetch_all(p)
            .await?))
    }
}

/// A meeting held in the demo data, for its demo rating.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HeldMeetingRow {
    pub booking_id: i64,
    pub outcome_at: DateTime<Utc>,
}

impl Store {
    /// Every meeting held, oldest first (the demo rates them).
    pub async fn demo_held_meetings(&self) -> Result<Vec<HeldMeetingRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id AS booking_id, outcome_at FROM bookings \
                 WHERE status = 'held' AND outcome_at IS NOT NULL ORDER BY outcome_at, id",
            )
            .fetch_all(p)
            .await?))
    }

    /// A question asked at `asked_at` about meeting `booking_id`, answered or not, without
    /// its messages (for the demo and tests).
    pub async fn insert_rating(
        &self,
        booking_id: i64,
        token_key: &str,
        asked_at: DateTime<Utc>,
        answer: Option<&(Rating, DateTime<Utc>)>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(
                "INSERT INTO ratings (booking_id, token_hash, asked_at, closes_at, answered_at, \
                 score, helped, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(booking_id)
            .bind(token_key)
            .bind(stored(asked_at))
            .bind(stored(closes_at(asked_at)))
            .bind(answer.map(|(_, at)| stored(*at)))
            .bind(answer.map(|(r, _)| i64::from(r.score.get())))
            .bind(answer.map(|(r, _)| r.helped.as_str()))
            .bind(answer.and_then(|(r, _)| r.comment.as_deref()))
            .execute(p)
            .await?;
        });
        Ok(())
    }
}
