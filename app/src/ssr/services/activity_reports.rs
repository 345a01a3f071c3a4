//! The job seeker's monthly activity report: which months they report, the form with its
//! draft, the check and the send (once), the receipt, and the reminders about it.

use crate::{
    domain::{
        activity_report::{
            period::{reminder_due, reportable, status, Reminder, ReportPeriod},
            report::{ActivityReport, ReportForm},
        },
        field_error::{FieldError, FieldErrors},
        PersonalNumber,
    },
    error::AppError,
    ssr::store::{
        BookingRow, NewReport, ReportEvent, SeekerProfile, SentReportRow, Store, StoreError,
    },
    views::activity_report::{
        MonthMeeting, PeriodLine, ReceiptView, ReportFormView, ReportsView, ReviewView,
    },
};
use chrono::{DateTime, Utc};

/// How many months back the overview lists.
pub const MONTHS_SHOWN: usize = 12;

/// The month of `code` if the person reports it at `now`, else `NotFound`: a month before
/// they registered, or one not yet open, has no report.
pub fn own_period(
    seeker: &SeekerProfile,
    code: &str,
    now: DateTime<Utc>,
) -> Result<ReportPeriod, AppError> {
    let period = ReportPeriod::parse(code).ok_or(AppError::NotFound)?;
    reportable(seeker.registered_at, now, usize::MAX)
        .contains(&period)
        .then_some(period)
        .ok_or(AppError::NotFound)
}

/// The overview: the month due now and the earlier ones, each with its status.
#[tracing::instrument(skip_all, fields(seeker_id = seeker.id))]
pub async fn overview(
    store: &Store,
    seeker: &SeekerProfile,
    now: DateTime<Utc>,
) -> Result<ReportsView, AppError> {
    let sent = store.sent_reports(seeker.id).await?;
    let drafts = store.report_draft_periods(seeker.id).await?;
    let mut lines = reportable(seeker.registered_at, now, MONTHS_SHOWN)
        .into_iter()
        .map(|period| {
            let latest = sent.iter().find(|r| r.period == period.code());
            let first = sent
                .iter()
                .filter(|r| r.period == period.code())
                .min_by_key(|r| r.version);
            let draft = drafts.contains(&period.code());
            PeriodLine {
                period,
                deadline: period.deadline_day(),
                // On time or late is decided by the first version sent; a correction does
                // not make a report late.
                status: status(period, first.map(|r| r.sent_at), draft, now),
                sent: latest.map(|r| (r.version, r.sent_at)),
                draft,
            }
        });
    let due = lines
        .next()
        .filter(|l| l.period == ReportPeriod::due_at(now));
    Ok(ReportsView {
        due,
        earlier: lines.collect(),
    })
}

/// Every version sent for a month, the latest first.
async fn month_versions(
    store: &Store,
    seeker_id: i64,
    period: ReportPeriod,
) -> Result<Vec<SentReportRow>, AppError> {
    Ok(store
        .sent_reports(seeker_id)
        .await?
        .into_iter()
        .filter(|r| r.period == period.code())
        .collect())
}

/// The month's meetings booked through Tidbok that were not cancelled, earliest first.
async fn month_meetings(
    store: &Store,
    seeker_id: i64,
    period: ReportPeriod,
) -> Result<Vec<BookingRow>, AppError> {
    let mut rows: Vec<BookingRow> = store
        .seeker_bookings(seeker_id)
        .await?
        .into_iter()
        .filter(|b| {
            b.status != crate::domain::BookingStatus::Cancelled
                && period.contains(crate::domain::time::stockholm_date(b.starts_at))
        })
        .collect();
    rows.sort_by_key(|b| b.starts_at);
    Ok(rows)
}

fn meeting_line(b: &BookingRow) -> MonthMeeting {
    MonthMeeting {
        booking_id: b.id,
        starts_at: b.starts_at,
        meeting_sv: b.meeting_name_sv.clone(),
        meeting_en: b.meeting_name_en.clone(),
        channel: b.channel,
        counsellor: format!("{} {}", b.counsellor_first_name, b.counsellor_last_name),
        status: b.status,
    }
}

/// The form: the draft, else a correction of the latest version sent (when `correct`),
/// else a new form with the month's meetings to confirm.
#[tracing::instrument(skip_all, fields(seeker_id = seeker.id, period = %period.code()))]
pub async fn form_view(
    store: &Store,
    seeker: &SeekerProfile,
    period: ReportPeriod,
    correct: bool,
    errors: FieldErrors,
    now: DateTime<Utc>,
) -> Result<FormOrSent, AppError> {
    let meetings = month_meetings(store, seeker.id, period).await?;
    let ids: Vec<i64> = meetings.iter().map(|b| b.id).collect();
    let draft = store.report_draft(seeker.id, period).await?;
    let versions = month_versions(store, seeker.id, period).await?;
    let (based_on, mut form, saved_at) = match (&draft, versions.first()) {
        (Some(d), _) => (d.based_on, parse_form(&d.form)?, Some(d.updated_at)),
        (None, Some(sent)) if correct => (sent.version, parse_body(&sent.body)?.to_form(), None),
        // Sent, no correction begun: the receipt is the month's page.
        (None, Some(sent)) => return Ok(FormOrSent::Sent(sent.version)),
        (None, None) => (0, ReportForm::starting_with(&ids), None),
    };
    align_meetings(&mut form, &ids);
    let first_sent = versions.last().map(|r| r.sent_at);
    Ok(FormOrSent::Form(Box::new(ReportFormView {
        period,
        deadline: period.deadline_day(),
        status: status(period, first_sent, draft.is_some(), now),
        based_on,
        form,
        errors,
        meetings: meetings.iter().map(meeting_line).collect(),
        saved_at,
    })))
}

/// A month's page: its form, or (sent, and no correction begun) its latest version.
#[derive(Debug)]
pub enum FormOrSent {
    Form(Box<ReportFormView>),
    Sent(i64),
}

/// The latest version sent for a month, if any.
pub async fn latest_version(
    store: &Store,
    seeker: &SeekerProfile,
    period: ReportPeriod,
) -> Result<Option<i64>, AppError> {
    Ok(month_versions(store, seeker.id, period)
        .await?
        .first()
        .map(|r| r.version))
}

/// Lines the form's meetings up with the month's: answers already given are kept, meetings
/// booked or cancelled since the draft was saved are added or left out.
fn align_meetings(form: &mut ReportForm, ids: &[i64]) {
    let given = std::mem::take(&mut form.meetings);
    form.meetings = ReportForm::starting_with(ids).meetings;
    for m in &mut form.meetings {
        if let Some(old) = given.iter().find(|g| g.booking.trim() == m.booking) {
            m.done = old.done.clone();
        }
    }
}

fn parse_form(json: &str) -> Result<ReportForm, AppError> {
    serde_json::from_str(json).map_err(|_| StoreError::corrupt("report draft").into())
}

fn parse_body(json: &str) -> Result<ActivityReport, AppError> {
    serde_json::from_str(json).map_err(|_| StoreError::corrupt("activity report").into())
}

/// Saves the form as typed. A month already sent keeps its report: the draft is then a
/// correction of `based_on`.
#[tracing::instrument(skip_all, fields(seeker_id = seeker.id, period = %period.code()))]
pub async fn save_draft(
    store: &Store,
    seeker: &SeekerProfile,
    period: ReportPeriod,
    based_on: i64,
    form: &ReportForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let json = serde_json::to_string(form).map_err(|_| AppError::Internal)?;
    store
        .save_report_draft(seeker.id, period, based_on.max(0), &json, now)
        .await?;
    Ok(())
}

/// Checks the form against the month's meetings, as review and send do.
pub async fn check(
    store: &Store,
    seeker: &SeekerProfile,
    period: ReportPeriod,
    form: &ReportForm,
) -> Result<ActivityReport, FieldErrors> {
    let ids: Vec<i64> = match month_meetings(store, seeker.id, period).await {
        Ok(rows) => rows.iter().map(|b| b.id).collect(),
        Err(_) => return Err(FieldErrors::from([("_".to_owned(), FieldError::Malformed)])),
    };
    form.parse(period, &ids)
}

/// The review page: the saved draft, checked. `Validation` sends the person back to the form.
#[tracing::instrument(skip_all, fields(seeker_id = seeker.id, period = %period.code()))]
pub async fn review(
    store: &Store,
    seeker: &SeekerProfile,
    period: ReportPeriod,
    now: DateTime<Utc>,
) -> Result<ReviewView, AppError> {
    let draft = store
        .report_draft(seeker.id, period)
        .await?
        .ok_or(AppError::NotFound)?;
    let form = parse_form(&draft.form)?;
    let report = check(store, seeker, period, &form)
        .await
        .map_err(AppError::Validation)?;
    let meetings = month_meetings(store, seeker.id, period).await?;
    Ok(ReviewView {
        period,
        deadline: period.deadline_day(),
        based_on: draft.based_on,
        report,
        meetings: meetings.iter().map(meeting_line).collect(),
        late: draft.based_on == 0 && now >= period.late_from(),
    })
}

/// What came of a send.
#[derive(Debug, PartialEq, Eq)]
pub enum Sent {
    /// Stored as this version.
    Version(i64),
    /// There was no draft: already sent (a second click), nothing written.
    NothingToSend,
}

/// Sends the month's draft: checked once more, stored as the next version, the draft
/// removed. A second send of the same draft stores nothing (`Conflict(ReportAlreadySent)`).
#[tracing::instrument(skip_all, fields(seeker_id = seeker.id, period = %period.code()))]
pub async fn send(
    store: &Store,
    seeker: &SeekerProfile,
    period: ReportPeriod,
    now: DateTime<Utc>,
) -> Result<Sent, AppError> {
    let Some(draft) = store.report_draft(seeker.id, period).await? else {
        return Ok(Sent::NothingToSend);
    };
    let form = parse_form(&draft.form)?;
    let report = check(store, seeker, period, &form)
        .await
        .map_err(AppError::Validation)?;
    let body = serde_json::to_string(&report).map_err(|_| AppError::Internal)?;
    let first_sent_at = if draft.based_on == 0 {
        now
    } else {
        store
            .sent_report(seeker.id, period, 1)
            .await?
            .map_or(now, |r| r.sent_at)
    };
    let (_, version) = store
        .send_report(&NewReport {
            seeker_id: seeker.id,
            period,
            based_on: draft.based_on,
            sent_at: now,
            on_time: first_sent_at < period.late_from(),
            activity_count: report.activity_count() as i64,
            hours_worked: report.work.map_or(0, |w| i64::from(w.hours)),
            body: &body,
        })
        .await?;
    tracing::info!(version, "activity report sent");
    Ok(Sent::Version(version))
}

/// A sent version as its receipt.
#[tracing::instrument(skip_all, fields(seeker_id = seeker.id, period = %period.code()))]
pub async fn receipt(
    store: &Store,
    seeker: &SeekerProfile,
    period: ReportPeriod,
    version: i64,
) -> Result<ReceiptView, AppError> {
    let sent = month_versions(store, seeker.id, period).await?;
    let row = sent
        .iter()
        .find(|r| r.version == version)
        .ok_or(AppError::NotFound)?;
    let report = parse_body(&row.body)?;
    let bookings = store.seeker_bookings(seeker.id).await?;
    let meetings = report
        .meetings
        .iter()
        .filter_map(|m| bookings.iter().find(|b| b.id == m.booking_id))
        .map(meeting_line)
        .collect();
    let correcting = store.report_draft(seeker.id, period).await?.is_some();
    Ok(ReceiptView {
        period,
        version: row.version,
        sent_at: row.sent_at,
        on_time: row.on_time,
        name: format!("{} {}", seeker.first_name, seeker.last_name),
        personal_number_masked: PersonalNumber::from_stored(&seeker.personal_number)
            .map(|p| p.masked())
            .unwrap_or_default(),
        corrected_by: sent
            .iter()
            .filter(|r| r.version > row.version)
            .map(|r| r.version)
            .min(),
        correcting,
        report,
        meetings,
    })
}

/// Writes the reminders due at `now` about the month due and the one before (a miss of the
/// month before is recorded even if the server was down on the 15th). Each person gets each
/// message once; running it again writes nothing more.
#[tracing::instrument(skip_all)]
pub async fn schedule_reminders(store: &Store, now: DateTime<Utc>) -> Result<u64, AppError> {
    let due = ReportPeriod::due_at(now);
    let mut written = 0;
    for period in [due, due.previous()] {
        let event = match reminder_due(period, false, now) {
            Some(Reminder::Opened) if period == due => ReportEvent::Opened,
            Some(Reminder::Nudge) if period == due => ReportEvent::Nudge,
            Some(Reminder::Missed) => ReportEvent::Missed,
            _ => continue,
        };
        // Those registered after the month ended do not report it.
        let registered_before = period.opens_at();
        written += store
            .enqueue_report_messages(period, event, registered_before, now)
            .await?;
    }
    if written > 0 {
        tracing::info!(written, "activity report reminders written");
    }
    Ok(written)
}
