//! The office's view of its job seekers' reports: for one month, each person of the office
//! with their counsellor and how far their report has come.

use super::{bookings::stored, on_pool, Store, StoreError, WritePool};
use crate::domain::{
    access_log::AccessReason, activity_report::period::ReportPeriod, SeekerId, StaffId,
};
use chrono::{DateTime, Utc};

/// One person of an office and their report for one month.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OfficeReportRow {
    pub seeker_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub personal_number: String,
    pub registered_at: DateTime<Utc>,
    /// The counsellor of their latest meeting at the office that was not cancelled.
    pub counsellor_id: Option<i64>,
    pub counsellor_name: Option<String>,
    /// That meeting, to open the case from.
    pub booking_id: Option<i64>,
    pub booking_starts_at: Option<DateTime<Utc>>,
    /// The first version sent: when, on time or not, and how ('web' or 'staff').
    pub first_sent_at: Option<DateTime<Utc>>,
    pub first_on_time: Option<bool>,
    pub first_channel: Option<String>,
    pub latest_version: Option<i64>,
    pub has_draft: bool,
}

impl Store {
    /// Everyone of `office` (living in its area, or with a meeting there) registered before
    /// `registered_before`, with their report for `period`; by surname.
    pub async fn office_reports(
        &self,
        office: i64,
        period: ReportPeriod,
        registered_before: DateTime<Utc>,
    ) -> Result<Vec<OfficeReportRow>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "WITH office_seekers AS ( \
                     SELECT id FROM seekers WHERE home_office_id = $1 \
                     UNION \
                     SELECT b.seeker_id FROM bookings b \
                     JOIN counsellors c ON c.id = b.counsellor_id WHERE c.office_id = $1 \
                 ), latest AS ( \
                     SELECT b.seeker_id, b.counsellor_id, b.id AS booking_id, b.starts_at, \
                            ROW_NUMBER() OVER ( \
                                PARTITION BY b.seeker_id ORDER BY b.starts_at DESC, b.id DESC \
                            ) AS n \
                     FROM bookings b JOIN counsellors c ON c.id = b.counsellor_id \
                     WHERE c.office_id = $1 AND b.status <> 'cancelled' \
                 ) \
                 SELECT s.id AS seeker_id, s.first_name, s.last_name, s.personal_number, \
                        s.created_at AS registered_at, l.counsellor_id, \
                        c.first_name || ' ' || c.last_name AS counsellor_name, l.booking_id, \
                        l.starts_at AS booking_starts_at, \
                        r.sent_at AS first_sent_at, r.on_time AS first_on_time, \
                        r.channel AS first_channel, \
                        (SELECT MAX(v.version) FROM activity_reports v \
                         WHERE v.seeker_id = s.id AND v.period = $2) AS latest_version, \
                        EXISTS (SELECT 1 FROM activity_report_drafts d \
                                WHERE d.seeker_id = s.id AND d.period = $2) AS has_draft \
                 FROM office_seekers o \
                 JOIN seekers s ON s.id = o.id \
                 LEFT JOIN latest l ON l.seeker_id = s.id AND l.n = 1 \
                 LEFT JOIN counsellors c ON c.id = l.counsellor_id \
                 LEFT JOIN activity_reports r \
                        ON r.seeker_id = s.id AND r.period = $2 AND r.version = 1 \
                 WHERE s.created_at < $3 \
                   AND NOT EXISTS (SELECT 1 FROM erased_seekers e WHERE e.seeker_id = s.id) \
                 ORDER BY s.last_name, s.first_name, s.id",
            )
            .bind(office)
            .bind(period.code())
            .bind(stored(registered_before))
            .fetch_all(p)
            .await?))
    }

    /// Writes down that staff saw these people in a list, and why: one line each.
    pub async fn log_list_access(
        &self,
        staff_id: StaffId,
        seekers: &[SeekerId],
        reason: AccessReason,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if seekers.is_empty() {
            return Ok(());
        }
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            for seeker in seekers {
                sqlx::query(
                    "INSERT INTO access_log (staff_id, seeker_id, booking_id, reason, at) \
                     VALUES ($1, $2, NULL, $3, $4)",
                )
                .bind(staff_id)
                .bind(seeker)
                .bind(reason.as_str())
                .bind(stored(now))
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
