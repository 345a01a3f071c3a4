//! The office's follow-up of its job seekers' monthly reports: the list of one month's
//! status, filtered by counsellor (every person shown is written to the access log), and the
//! shares sent online and on time that the figures page counts.

use super::{office::office_for, staff::allow};
use crate::{
    domain::{
        access_log::AccessReason,
        activity_report::{
            follow_up::{CounsellorFilter, FirstSent, ReportCounts, StatusCounts},
            period::{status, ReportPeriod},
        },
        field_error::{FieldError, FieldErrors},
        personnummer::PersonalNumber,
        staff::StaffMember,
        time::stockholm_date,
        SeekerId, StaffId,
    },
    error::AppError,
    paths,
    ssr::store::{OfficeReportRow, Store},
    views::report_follow_up::{OfficeReportLine, OfficeReportsView},
};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// How many months back the list can be read.
pub const MONTHS_BACK: usize = 12;

/// The office's list for `month` (`YYYY-MM`; the month due now when empty), for the
/// people of `counsellor` (as in the address).
#[tracing::instrument(skip_all, fields(staff_id = me.id, ?office))]
pub async fn office_list(
    store: &Store,
    me: &StaffMember,
    office: Option<i64>,
    counsellor: &str,
    month: &str,
    now: DateTime<Utc>,
) -> Result<OfficeReportsView, AppError> {
    let (office_id, office_name, offices) = office_for(store, me, office).await?;
    allow(me.may_view_office(office_id), me, "office reports")?;
    let due = ReportPeriod::due_at(now);
    let months: Vec<ReportPeriod> = std::iter::successors(Some(due), |p| Some(p.previous()))
        .take(MONTHS_BACK)
        .collect();
    let counsellors: Vec<(i64, String)> = store
        .office_counsellors(office_id)
        .await?
        .into_iter()
        .map(|c| (c.id, format!("{} {}", c.first_name, c.last_name)))
        .collect();
    let mut errors = FieldErrors::new();
    let period = match month.trim() {
        "" => due,
        code => match ReportPeriod::parse(code).filter(|p| months.contains(p)) {
            Some(p) => p,
            None => {
                errors.insert("manad".into(), FieldError::Choice);
                due
            }
        },
    };
    let filter = match CounsellorFilter::parse(counsellor) {
        Some(CounsellorFilter::One(id)) if !counsellors.iter().any(|(c, _)| *c == id) => None,
        other => other,
    };
    let filter = filter.unwrap_or_else(|| {
        errors.insert("radgivare".into(), FieldError::Choice);
        CounsellorFilter::All
    });
    let mut view = OfficeReportsView {
        office_id,
        office_name,
        offices,
        period,
        deadline: period.deadline_day(),
        deadline_passed: now >= period.late_from(),
        months,
        counsellors,
        filter,
        errors,
        counts: StatusCounts::default(),
        lines: Vec::new(),
    };
    if !view.errors.is_empty() {
        return Ok(view);
    }
    let rows: Vec<OfficeReportRow> = store
        .office_reports(office_id, period, period.opens_at())
        .await?
        .into_iter()
        .filter(|r| period.applies_to(r.registered_at) && filter.keeps(r.counsellor_id))
        .collect();
    let shown: Vec<SeekerId> = rows.iter().map(|r| SeekerId(r.seeker_id)).collect();
    store
        .log_list_access(StaffId(me.id), &shown, AccessReason::ReportList, now)
        .await?;
    view.lines = rows.into_iter().map(|r| line(r, period, now)).collect();
    view.counts = StatusCounts::of(view.lines.iter().map(|l| l.status));
    Ok(view)
}

fn line(r: OfficeReportRow, period: ReportPeriod, now: DateTime<Utc>) -> OfficeReportLine {
    let case_href = match (r.counsellor_id, r.booking_id, r.booking_starts_at) {
        (Some(c), Some(b), Some(at)) => Some(paths::meeting_in_calendar(stockholm_date(at), c, b)),
        _ => None,
    };
    OfficeReportLine {
        seeker: format!("{} {}", r.first_name, r.last_name),
        number: PersonalNumber::from_stored(&r.personal_number)
            .map(|n| n.masked())
            .unwrap_or_default(),
        counsellor: r.counsellor_name,
        status: status(period, r.first_sent_at, r.has_draft, now),
        sent: r.latest_version.zip(r.first_sent_at),
        case_href,
    }
}

/// The reports due in `months` of the office's people, for the office and by counsellor
/// (the counsellor of each person's latest meeting at the office).
pub async fn counts(
    store: &Store,
    office: i64,
    months: &[ReportPeriod],
) -> Result<(ReportCounts, BTreeMap<i64, ReportCounts>), AppError> {
    let mut office_counts = ReportCounts::default();
    let mut by_counsellor: BTreeMap<i64, ReportCounts> = BTreeMap::new();
    for &period in months {
        for r in store
            .office_reports(office, period, period.opens_at())
            .await?
        {
            let first = r.first_on_time.map(|on_time| FirstSent {
                on_time,
                online: r.first_channel.as_deref() == Some("web"),
            });
            office_counts.count(period, r.registered_at, first);
            if let Some(c) = r.counsellor_id {
                by_counsellor
                    .entry(c)
                    .or_default()
                    .count(period, r.registered_at, first);
            }
        }
    }
    Ok((office_counts, by_counsellor))
}
