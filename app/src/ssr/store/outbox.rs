//! The outbox: messages about booking changes (and a few about an account), written in the
//! same transaction as the change (so a booking is never made without its confirmation, nor a
//! message sent for a change that was rolled back), and claimed by workers that send them.
//!
//! Claiming marks rows `sending` for a lease. PostgreSQL skips rows another process holds
//! (`FOR UPDATE SKIP LOCKED`), SQLite lets one writer in at a time (`BEGIN IMMEDIATE`), so a
//! row is claimed by one worker at a time. A worker that stops mid-send leaves its rows to be
//! claimed again when the lease runs out; its late "sent" is then refused, because the row
//! is no longer claimed by it.

use super::{bookings::stored, on_pool, Store, StoreError, WritePool};
use crate::domain::notification::{AccountEvent, Medium, MessageLanguage, ACCOUNT_NOTICE_EVERY};
use chrono::{DateTime, Duration, Utc};

/// A message a worker has claimed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    /// The meeting a message is about, with its start when written; or, for a message about
    /// an account, no meeting and the seeker it goes to.
    pub booking_id: Option<i64>,
    pub seeker_id: Option<i64>,
    /// A message to a member of staff (the link to set their password).
    pub staff_id: Option<i64>,
    /// A reminder about the seeker's activity report names its month (`2027-04`).
    pub report_period: Option<String>,
    /// A message to an employer's user (someone tried to register with their details).
    pub employer_user_id: Option<i64>,
    /// The invitation of a colleague to an employer's account.
    pub invitation_id: Option<i64>,
    pub event: String,
    pub medium: String,
    pub meeting_starts_at: Option<DateTime<Utc>>,
    pub due_at: DateTime<Utc>,
    pub status: String,
    pub attempts: i64,
    pub claimed_by: Option<String>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// Who a message goes to: only what a message needs (no identity number).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Recipient {
    pub first_name: String,
    pub email: String,
    pub phone: String,
    pub message_language: String,
}

impl Recipient {
    pub fn language(&self) -> MessageLanguage {
        MessageLanguage::from_locale(&self.message_language)
    }
}

const OUTBOX_COLUMNS: &str =
    "id, booking_id, seeker_id, staff_id, report_period, employer_user_id, invitation_id, event, \
     medium, meeting_starts_at, due_at, status, \
     attempts, claimed_by, last_error, sent_at";

/// Writes the messages about a change to booking `$booking` (now starting at `$starts`)
/// inside the open transaction `$tx` (where `stored` is in scope): one per medium of the
/// event, due now, and for a live booking a reminder a day ahead. Reminders still pending for an earlier time are dropped
/// first, so a moved or cancelled meeting is never reminded of at its old time.
macro_rules! enqueue_messages {
    ($tx:expr, $booking:expr, $event:expr, $starts:expr, $now:expr) => {{
        use $crate::domain::notification::{reminder_due, MessageEvent};
        let booking: i64 = $booking;
        let event: MessageEvent = $event;
        let starts: chrono::DateTime<chrono::Utc> = $starts;
        let now: chrono::DateTime<chrono::Utc> = $now;
        if event != MessageEvent::Booked {
            sqlx::query(
                "UPDATE outbox SET status = 'dropped', last_error = 'the meeting changed' \
                 WHERE booking_id = $1 AND event = 'reminder' AND status = 'pending'",
            )
            .bind(booking)
            .execute(&mut *$tx)
            .await?;
        }
        let mut due = vec![(event, now)];
        if event != MessageEvent::Cancelled {
            if let Some(at) = reminder_due(starts, now) {
                due.push((MessageEvent::Reminder, at));
            }
        }
        for (event, at) in due {
            for medium in event.media() {
                sqlx::query(
                    "INSERT INTO outbox (booking_id, event, medium, meeting_starts_at, due_at, \
                     created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(booking)
                .bind(event.as_str())
                .bind(medium.as_str())
                .bind(stored(starts))
                .bind(stored(at))
                .bind(stored(now))
                .execute(&mut *$tx)
                .await?;
            }
        }
    }};
}
pub(crate) use enqueue_messages;

/// How a claimed message ends: its new status, and what goes with it (when it was sent and
/// its id at the SMS provider, or the error, and when to try again).
#[derive(Default)]
struct Outcome<'a> {
    status: &'a str,
    sent_at: Option<DateTime<Utc>>,
    error: Option<&'a str>,
    due_at: Option<DateTime<Utc>>,
    provider_id: Option<&'a str>,
}

impl Store {
    /// Claims up to `limit` messages that are due (or whose last claim's lease ran out) for
    /// `worker`, until `now + lease`. Each claim counts as an attempt.
    pub async fn claim_messages(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease: Duration,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let lock = match self.backend() {
            super::BackendKind::Postgres => " FOR UPDATE SKIP LOCKED",
            super::BackendKind::Sqlite => "",
        };
        let sql = format!(
            "UPDATE outbox SET status = 'sending', claimed_by = $1, lease_until = $2, \
             attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox \
               WHERE (status = 'pending' AND due_at <= $3) \
                  OR (status = 'sending' AND lease_until <= $3) \
               ORDER BY due_at, id LIMIT $4{lock}) \
             RETURNING {OUTBOX_COLUMNS}"
        );
        let mut rows: Vec<OutboxRow> = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let rows = sqlx::query_as(&sql)
                .bind(worker)
                .bind(stored(now + lease))
                .bind(stored(now))
                .bind(limit)
                .fetch_all(&mut *tx)
                .await?;
            tx.commit().await?;
            rows
        });
        rows.sort_by_key(|r| (r.due_at, r.id));
        Ok(rows)
    }

    /// Records that `worker` sent the message, with a text message's `provider_id` for its
    /// delivery report. `false` when it no longer held the claim (its lease ran out and
    /// another worker took the message over).
    pub async fn message_sent(
        &self,
        id: i64,
        worker: &str,
        now: DateTime<Utc>,
        provider_id: Option<&str>,
    ) -> Result<bool, StoreError> {
        self.finish_message(
            id,
            worker,
            Outcome {
                status: "sent",
                sent_at: Some(now),
                provider_id,
                ..Outcome::default()
            },
        )
        .await
    }

    /// Records the provider's delivery report for the text message it knows as
    /// `provider_id`: `delivered` or `failed`, at `at`. `false` when no message sent has that
    /// id (yet: the report may come before the send was recorded, and is then sent again).
    pub async fn record_delivery(
        &self,
        provider_id: &str,
        delivered: bool,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let status = if delivered { "delivered" } else { "failed" };
        Ok(on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let found = sqlx::query(
                "UPDATE outbox SET delivery_status = $2, delivery_reported_at = $3 \
                 WHERE provider_id = $1 AND medium = 'sms'",
            )
            .bind(provider_id)
            .bind(status)
            .bind(stored(at))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            found > 0
        }))
    }

    /// A text message's provider id and delivery report, for tests and the figures.
    pub async fn delivery_of(
        &self,
        id: i64,
    ) -> Result<Option<(Option<String>, Option<String>)>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT provider_id, delivery_status FROM outbox WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(p)
            .await?))
    }

    /// Records a failed try: the message waits until `retry_at`, or, when that is `None`,
    /// is given up as failed.
    pub async fn message_failed(
        &self,
        id: i64,
        worker: &str,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<bool, StoreError> {
        let status = if retry_at.is_some() {
            "pending"
        } else {
            "failed"
        };
        self.finish_message(
            id,
            worker,
            Outcome {
                status,
                error: Some(error),
                due_at: retry_at,
                ..Outcome::default()
            },
        )
        .await
    }

    /// Records that the message is no longer worth sending (say, a reminder for a meeting
    /// that was cancelled), and why.
    pub async fn message_dropped(
        &self,
        id: i64,
        worker: &str,
        why: &str,
    ) -> Result<bool, StoreError> {
        self.finish_message(
            id,
            worker,
            Outcome {
                status: "dropped",
                error: Some(why),
                ..Outcome::default()
            },
        )
        .await
    }

    async fn finish_message(
        &self,
        id: i64,
        worker: &str,
        outcome: Outcome<'_>,
    ) -> Result<bool, StoreError> {
        let Outcome {
            status,
            sent_at,
            error,
            due_at,
            provider_id,
        } = outcome;
        let done = on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query(
                "UPDATE outbox SET status = $3, sent_at = COALESCE($4, sent_at), \
                 last_error = COALESCE($5, last_error), due_at = COALESCE($6, due_at), \
                 claimed_by = NULL, lease_until = NULL, \
                 secret = CASE WHEN $3 = 'pending' THEN secret END, \
                 provider_id = COALESCE($7, provider_id) \
                 WHERE id = $1 AND claimed_by = $2 AND status = 'sending'",
            )
            .bind(id)
            .bind(worker)
            .bind(status)
            .bind(sent_at.map(stored))
            .bind(error)
            .bind(due_at.map(stored))
            .bind(provider_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            done
        });
        Ok(done == 1)
    }

    /// Drops every message still waiting, e.g. those about demo meetings.
    pub async fn drop_pending_messages(&self, why: &str) -> Result<u64, StoreError> {
        Ok(on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(
                "UPDATE outbox SET status = 'dropped', last_error = $1 WHERE status = 'pending'",
            )
            .bind(why)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            n
        }))
    }

    /// Every message about a booking, oldest first.
    pub async fn booking_messages(&self, booking_id: i64) -> Result<Vec<OutboxRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE booking_id = $1 ORDER BY id"
            ))
            .bind(booking_id)
            .fetch_all(p)
            .await?))
    }

    /// How many messages are in each state, for the log and the tests.
    pub async fn outbox_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status",
            )
            .fetch_all(p)
            .await?))
    }

    /// Writes a message about the seeker's account, due now, unless one about the same
    /// event was written for them within `ACCOUNT_NOTICE_EVERY`. `true` when written.
    pub async fn enqueue_account_message(
        &self,
        seeker_id: i64,
        event: AccountEvent,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let written = sqlx::query(
                "INSERT INTO outbox (seeker_id, event, medium, due_at, created_at) \
                 SELECT $1, $2, $3, $4, $4 WHERE NOT EXISTS ( \
                   SELECT 1 FROM outbox WHERE seeker_id = $1 AND event = $2 AND created_at > $5)",
            )
            .bind(seeker_id)
            .bind(event.as_str())
            .bind(Medium::Email.as_str())
            .bind(stored(now))
            .bind(stored(now - ACCOUNT_NOTICE_EVERY))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            written == 1
        }))
    }

    /// Every message about a seeker's account, oldest first.
    pub async fn account_messages(&self, seeker_id: i64) -> Result<Vec<OutboxRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE seeker_id = $1 ORDER BY id"
            ))
            .bind(seeker_id)
            .fetch_all(p)
            .await?))
    }

    /// A seeker as a message about their account needs them.
    pub async fn seeker_recipient(&self, seeker_id: i64) -> Result<Option<Recipient>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT first_name, email, phone, message_language FROM seekers WHERE id = $1",
            )
            .bind(seeker_id)
            .fetch_optional(p)
            .await?))
    }

    /// Whom a booking's messages go to, as a message needs them: the seeker, or the
    /// employer's user who booked it (in Swedish: employers have no language setting).
    pub async fn recipient(&self, booking_id: i64) -> Result<Option<Recipient>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT s.first_name, s.email, s.phone, s.message_language FROM bookings b \
                 JOIN seekers s ON s.id = b.seeker_id WHERE b.id = $1 \
                 UNION ALL \
                 SELECT u.first_name, u.email, u.phone, u.message_language FROM bookings b \
                 JOIN employer_users u ON u.id = b.employer_user_id WHERE b.id = $1",
            )
            .bind(booking_id)
            .fetch_optional(p)
            .await?))
    }

    /// The language messages to the employer's user are written in, as they last booked or
    /// cancelled.
    pub async fn set_employer_message_language(
        &self,
        user_id: i64,
        language: MessageLanguage,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query("UPDATE employer_users SET message_language = $2 WHERE id = $1")
                .bind(user_id)
                .bind(language.as_str())
                .execute(p)
                .await?;
        });
        Ok(())
    }

    /// The language messages to the seeker are written in, as they last used the service.
    pub async fn set_message_language(
        &self,
        seeker_id: i64,
        language: MessageLanguage,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query("UPDATE seekers SET message_language = $2 WHERE id = $1")
                .bind(seeker_id)
                .bind(language.as_str())
                .execute(p)
                .await?;
        });
        Ok(())
    }
}
