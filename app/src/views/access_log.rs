//! What the access log page is drawn from.

use crate::domain::{
    access_log::{AccessLogQuery, AccessReason},
    field_error::FieldErrors,
    time::Day,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One opening of a seeker's data: when, by whom, whose (masked), why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLine {
    pub at: DateTime<Utc>,
    pub staff: String,
    pub staff_office: String,
    pub seeker: String,
    /// `YYYYMMDD-****`.
    pub seeker_number: String,
    /// The reason recorded; `None` for one this version does not know.
    pub reason: Option<AccessReason>,
    pub booking_id: Option<i64>,
    /// What a search was for (a number masked), when the line is a search.
    pub search: Option<String>,
    /// The staff member's words on why, when the reason needs them.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLogView {
    /// The search as typed, to draw the form again.
    pub query: AccessLogQuery,
    pub errors: FieldErrors,
    /// The period searched (the last 30 days when none was given).
    pub from: Day,
    pub to: Day,
    /// Staff who may be searched for: id and name (with office).
    pub staff: Vec<(i64, String)>,
    pub lines: Vec<AccessLine>,
    /// More lines matched than are shown.
    pub truncated: bool,
    /// The office whose log this is, for an office manager; `None`: the whole agency's.
    pub office: Option<String>,
}
