//! What the activity report pages are drawn from.

use crate::domain::{
    activity_report::{
        period::{ReportPeriod, ReportStatus},
        report::{ActivityReport, ReportForm},
    },
    field_error::FieldErrors,
    BookingStatus, Channel,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One month on the overview: where its report stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodLine {
    pub period: ReportPeriod,
    /// The last day on time.
    pub deadline: NaiveDate,
    pub status: ReportStatus,
    /// The latest version sent, and when.
    pub sent: Option<(i64, DateTime<Utc>)>,
    /// A draft is waiting (a first report, or a correction of a sent one).
    pub draft: bool,
}

/// `/mina-sidor/aktivitetsrapport`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportsView {
    /// The month due now, if the person reports it.
    pub due: Option<PeriodLine>,
    /// Earlier months, newest first.
    pub earlier: Vec<PeriodLine>,
}

/// A meeting booked through Tidbok in the month, as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthMeeting {
    pub booking_id: i64,
    pub starts_at: DateTime<Utc>,
    pub meeting_sv: String,
    pub meeting_en: String,
    pub channel: Channel,
    pub counsellor: String,
    /// What the counsellor recorded (held, not come), or still booked.
    pub status: BookingStatus,
}

/// The report form for a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFormView {
    pub period: ReportPeriod,
    pub deadline: NaiveDate,
    pub status: ReportStatus,
    /// The version this corrects; 0 for the month's first report.
    pub based_on: i64,
    pub form: ReportForm,
    pub errors: FieldErrors,
    /// The month's meetings, in the order the form lists them.
    pub meetings: Vec<MonthMeeting>,
    /// When the draft was last saved.
    pub saved_at: Option<DateTime<Utc>>,
}

/// The review before sending: the report as it will be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub period: ReportPeriod,
    pub deadline: NaiveDate,
    pub based_on: i64,
    pub report: ActivityReport,
    pub meetings: Vec<MonthMeeting>,
    /// Sending now would be after the deadline.
    pub late: bool,
}

/// A sent report, as its receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptView {
    pub period: ReportPeriod,
    pub version: i64,
    pub sent_at: DateTime<Utc>,
    pub on_time: bool,
    pub name: String,
    pub personal_number_masked: String,
    pub report: ActivityReport,
    pub meetings: Vec<MonthMeeting>,
    /// A later version corrects this one.
    pub corrected_by: Option<i64>,
    /// A draft of a correction is waiting.
    pub correcting: bool,
}

/// Why a report went back to its form: the errors of the month's draft, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRefusal {
    pub period: ReportPeriod,
    pub errors: FieldErrors,
}

/// What the overview or a receipt says once after a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportNotice {
    /// The draft was saved.
    Saved,
    /// The report was sent just now.
    Sent,
    /// It had been sent already; nothing more was sent.
    AlreadySent,
}
