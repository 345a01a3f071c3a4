//! The accessibility statement's report form, and the reports as administrators read them.

use crate::domain::{accessibility::AccessibilityReportForm, field_error::FieldErrors};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The report form on the statement page: empty, as typed and refused, or sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessibilityFormView {
    pub form: AccessibilityReportForm,
    pub errors: FieldErrors,
    /// The report was received (the form is shown empty again below the notice).
    pub sent: bool,
}

/// One report, for administrators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessibilityReportItem {
    pub id: i64,
    pub place: Option<String>,
    pub description: String,
    pub email: Option<String>,
    /// `sv` or `en`: the language the sender used, to answer in.
    pub language: String,
    pub received_at: DateTime<Utc>,
    /// When and by whom it was marked handled.
    pub handled: Option<(DateTime<Utc>, String)>,
}

/// The administrators' list: reports waiting (oldest first), then the latest handled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessibilityReportsView {
    pub waiting: Vec<AccessibilityReportItem>,
    pub handled: Vec<AccessibilityReportItem>,
    /// A report was just marked handled.
    pub marked: bool,
}

/// Left for the next page after a report was marked handled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportMarked;
