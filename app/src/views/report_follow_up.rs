//! What the office's list of activity reports is drawn from.

use crate::domain::{
    activity_report::{
        follow_up::{CounsellorFilter, StatusCounts},
        period::{ReportPeriod, ReportStatus},
    },
    field_error::FieldErrors,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One person of the office and their report for the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeReportLine {
    pub seeker: String,
    /// The personal number, masked.
    pub number: String,
    pub counsellor: Option<String>,
    pub status: ReportStatus,
    /// The latest version sent, and when the first was.
    pub sent: Option<(i64, DateTime<Utc>)>,
    /// Their latest meeting at the office, opened in its counsellor's calendar.
    pub case_href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeReportsView {
    pub office_id: i64,
    pub office_name: String,
    /// Every office, for an administrator to choose among (empty for others).
    pub offices: Vec<(i64, String)>,
    pub period: ReportPeriod,
    pub deadline: NaiveDate,
    /// Whether the deadline has passed (the page speaks of it in the past).
    pub deadline_passed: bool,
    /// The months that can be chosen, newest first.
    pub months: Vec<ReportPeriod>,
    /// The office's counsellors, to filter by.
    pub counsellors: Vec<(i64, String)>,
    pub filter: CounsellorFilter,
    /// Choices in the address that could not be read.
    pub errors: FieldErrors,
    pub counts: StatusCounts,
    pub lines: Vec<OfficeReportLine>,
}
