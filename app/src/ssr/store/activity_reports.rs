//! Monthly activity reports: drafts (the form as typed, one per person and month), sent
//! reports (never changed; a correction is a new version naming the one it replaces), the
//! months recorded as missed, and the reminders about them in the outbox.

use super::{bookings::stored, on_pool, Store, StoreError, WritePool};
use crate::domain::{activity_report::period::ReportPeriod, notification::Medium};
use chrono::{DateTime, Utc};

/// A draft as saved.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReportDraftRow {
    pub period: String,
    /// The version it corrects; 0 for a month's first report.
    pub based_on: i64,
    /// The form as typed, JSON.
    pub form: String,
    pub updated_at: DateTime<Utc>,
}

/// A sent report, one version of it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SentReportRow {
    pub id: i64,
    pub seeker_id: i64,
    pub period: String,
    pub version: i64,
    pub replaces_id: Option<i64>,
    pub sent_at: DateTime<Utc>,
    pub on_time: bool,
    pub channel: String,
    pub activity_count: i64,
    pub hours_worked: i64,
    /// The report as checked, JSON.
    pub body: String,
}

/// A report about to be stored.
#[derive(Debug, Clone)]
pub struct NewReport<'a> {
    pub seeker_id: i64,
    pub period: ReportPeriod,
    /// The version corrected (0 for the first): the new one is the next.
    pub based_on: i64,
    pub sent_at: DateTime<Utc>,
    pub on_time: bool,
    pub activity_count: i64,
    pub hours_worked: i64,
    pub body: &'a str,
}

/// Which reminder an outbox row about a report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportEvent {
    Opened,
    Nudge,
    Missed,
}

impl ReportEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportEvent::Opened => "report_opened",
            ReportEvent::Nudge => "report_nudge",
            ReportEvent::Missed => "report_missed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Opened, Self::Nudge, Self::Missed]
            .into_iter()
            .find(|e| e.as_str() == s)
    }
}

const SENT_COLUMNS: &str = "id, seeker_id, period, version, replaces_id, sent_at, on_time, \
     channel, activity_count, hours_worked, body";

impl Store {
    /// Saves the form as typed for a month, replacing the month's earlier draft.
    pub async fn save_report_draft(
        &self,
        seeker_id: i64,
        period: ReportPeriod,
        based_on: i64,
        form: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(
                "INSERT INTO activity_report_drafts (seeker_id, period, based_on, form, \
                 updated_at) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (seeker_id, period) DO UPDATE SET based_on = excluded.based_on, \
                 form = excluded.form, updated_at = excluded.updated_at",
            )
            .bind(seeker_id)
            .bind(period.code())
            .bind(based_on)
            .bind(form)
            .bind(stored(now))
            .execute(p)
            .await?;
        });
        Ok(())
    }

    pub async fn report_draft(
        &self,
        seeker_id: i64,
        period: ReportPeriod,
    ) -> Result<Option<ReportDraftRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT period, based_on, form, updated_at FROM activity_report_drafts \
                 WHERE seeker_id = $1 AND period = $2",
            )
            .bind(seeker_id)
            .bind(period.code())
            .fetch_optional(p)
            .await?))
    }

    /// The months the person has a draft for.
    pub async fn report_draft_periods(&self, seeker_id: i64) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = on_pool!(self, p =>
            sqlx::query_as(
                "SELECT period FROM activity_report_drafts WHERE seeker_id = $1 ORDER BY period",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?);
        Ok(rows.into_iter().map(|(p,)| p).collect())
    }

    pub async fn delete_report_draft(
        &self,
        seeker_id: i64,
        period: ReportPeriod,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query("DELETE FROM activity_report_drafts WHERE seeker_id = $1 AND period = $2")
                .bind(seeker_id)
                .bind(period.code())
                .execute(p)
                .await?;
        });
        Ok(())
    }

    /// Stores a sent report as the version after `based_on`, replacing that one, and removes
    /// the month's draft, in one transaction. A second send of the same version (a double
    /// click, two tabs, a correction made meanwhile) is refused by the database as
    /// `Conflict(Rule::ReportAlreadySent)`. Returns the new report's id and version.
    pub async fn send_report(&self, r: &NewReport<'_>) -> Result<(i64, i64), StoreError> {
        let version = r.based_on + 1;
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let replaces: Option<i64> = if r.based_on == 0 {
                None
            } else {
                let row: Option<(i64,)> = sqlx::query_as(
                    "SELECT id FROM activity_reports \
                     WHERE seeker_id = $1 AND period = $2 AND version = $3",
                )
                .bind(r.seeker_id)
                .bind(r.period.code())
                .bind(r.based_on)
                .fetch_optional(&mut *tx)
                .await?;
                Some(row.ok_or(StoreError::NotFound)?.0)
            };
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO activity_reports (seeker_id, period, version, replaces_id, sent_at, \
                 on_time, activity_count, hours_worked, body) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(r.seeker_id)
            .bind(r.period.code())
            .bind(version)
            .bind(replaces)
            .bind(stored(r.sent_at))
            .bind(r.on_time)
            .bind(r.activity_count)
            .bind(r.hours_worked)
            .bind(r.body)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM activity_report_drafts WHERE seeker_id = $1 AND period = $2")
                .bind(r.seeker_id)
                .bind(r.period.code())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok((id, version))
        })
    }

    /// Every version the person has sent, the newest month first and its latest version
    /// first.
    pub async fn sent_reports(&self, seeker_id: i64) -> Result<Vec<SentReportRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "SELECT {SENT_COLUMNS} FROM activity_reports WHERE seeker_id = $1 \
                 ORDER BY period DESC, version DESC"
            ))
            .bind(seeker_id)
            .fetch_all(p)
            .await?))
    }

    /// One version of a month's report.
    pub async fn sent_report(
        &self,
        seeker_id: i64,
        period: ReportPeriod,
        version: i64,
    ) -> Result<Option<SentReportRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(&format!(
                "SELECT {SENT_COLUMNS} FROM activity_reports \
                 WHERE seeker_id = $1 AND period = $2 AND version = $3"
            ))
            .bind(seeker_id)
            .bind(period.code())
            .bind(version)
            .fetch_optional(p)
            .await?))
    }

    /// The months recorded as not reported by their deadline, newest first.
    pub async fn missed_reports(
        &self,
        seeker_id: i64,
    ) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT period, recorded_at FROM activity_report_misses WHERE seeker_id = $1 \
                 ORDER BY period DESC",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?))
    }

    /// Writes `event`'s messages about `period` (email, and a text message too) to everyone
    /// who reports that month (registered before it ended, by `registered_before`) and has
    /// not sent it, once per person, month, event and medium; for `Missed`, the miss is
    /// recorded in their case in the same transaction. Returns how many people were new to
    /// this event. Run again, it writes nothing more.
    pub async fn enqueue_report_messages(
        &self,
        period: ReportPeriod,
        event: ReportEvent,
        registered_before: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        // Nobody whose account was taken away: they have no report to send.
        let due = "SELECT s.id FROM seekers s WHERE s.created_at < $1 AND NOT EXISTS ( \
                   SELECT 1 FROM activity_reports r WHERE r.seeker_id = s.id AND r.period = $2) \
                   AND NOT EXISTS (SELECT 1 FROM erased_seekers e WHERE e.seeker_id = s.id)";
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let mut people = 0;
            for medium in [Medium::Email, Medium::Sms] {
                let written = sqlx::query(&format!(
                    "INSERT INTO outbox (seeker_id, report_period, event, medium, due_at, \
                     created_at) SELECT d.id, $2, $3, $4, $5, $5 FROM ({due}) d WHERE true \
                     ON CONFLICT DO NOTHING"
                ))
                .bind(stored(registered_before))
                .bind(period.code())
                .bind(event.as_str())
                .bind(medium.as_str())
                .bind(stored(now))
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if medium == Medium::Email {
                    people = written;
                }
            }
            if event == ReportEvent::Missed {
                sqlx::query(&format!(
                    "INSERT INTO activity_report_misses (seeker_id, period, recorded_at) \
                     SELECT d.id, $2, $3 FROM ({due}) d WHERE true ON CONFLICT DO NOTHING"
                ))
                .bind(stored(registered_before))
                .bind(period.code())
                .bind(stored(now))
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(people)
        })
    }
}

impl Store {
    /// Everyone registered before `before`, with when they registered, in the order their
    /// accounts were made.
    pub async fn seekers_registered_before(
        &self,
        before: DateTime<Utc>,
    ) -> Result<Vec<(i64, DateTime<Utc>)>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, created_at FROM seekers s WHERE created_at < $1 \
                 AND NOT EXISTS (SELECT 1 FROM erased_seekers e WHERE e.seeker_id = s.id) \
                 ORDER BY id",
            )
            .bind(stored(before))
            .fetch_all(p)
            .await?))
    }
}
