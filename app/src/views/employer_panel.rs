//! What a meeting's side panel shows when the meeting is with an employer.

use crate::views::case_file::{PanelForm, PanelMeeting, PanelRefusal, TimelineEntry};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A recruitment need as the counsellor prepares for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelNeed {
    pub id: i64,
    pub headline: String,
    pub occupation_sv: String,
    pub occupation_en: String,
    pub positions: i64,
    /// `tillsvidare`, `visstid` or `sasong`.
    pub employment: String,
    /// `full`, `part` or `either`.
    pub extent: String,
    pub municipality: String,
    pub earliest_start: Option<NaiveDate>,
    pub apply_by: NaiveDate,
    pub description: String,
}

/// The panel of a meeting with an employer: the organisation, who booked it and how to
/// reach them, what it is about, the organisation's other open needs, and its history
/// (meetings, cancellations, notes), with the same outcome and note forms as a seeker's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerPanel {
    pub meeting: PanelMeeting,
    pub organisation: String,
    pub org_number: String,
    pub address: String,
    pub municipality: String,
    /// The office that serves the organisation.
    pub office: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// The need the meeting is about, if one.
    pub need: Option<PanelNeed>,
    /// The organisation's other open needs.
    pub other_needs: Vec<PanelNeed>,
    pub timeline: Vec<TimelineEntry>,
    pub may_handle: bool,
    pub may_mark: bool,
    /// Until when the recorded outcome can still be corrected.
    pub correctable_until: Option<DateTime<Utc>>,
    /// The day a new time for the meeting is first suggested for.
    pub suggested_day: crate::domain::time::Day,
    pub refused: Option<PanelRefusal>,
    pub done: Option<PanelForm>,
    /// When the panel was drawn (for "registered since").
    pub registered_at: DateTime<Utc>,
}

/// A meeting's panel: with a job seeker or with an employer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(clippy::large_enum_variant)]
pub enum MeetingPanelData {
    Seeker(crate::views::case_file::CaseFile),
    Employer(EmployerPanel),
}
