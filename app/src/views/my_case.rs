//! "Mitt ärende": the job seeker's own view of their case: what happens next, and what has
//! happened, across web, phone and office, in their words. Never staff's notes.

use crate::domain::{activity_report::period::ReportPeriod, choices::ContactKind, Channel};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A meeting as the case names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMeeting {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub channel: Channel,
    pub meeting_sv: String,
    pub meeting_en: String,
    pub counsellor: String,
}

/// Something that happened in the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseEvent {
    /// Registered as a job seeker: online, or with staff (at an office or on the phone).
    Registered {
        with_staff: bool,
    },
    /// A meeting was booked: by the person, by staff for them, or planned by their
    /// counsellor as a follow-up.
    Booked {
        meeting: CaseMeeting,
        by_staff: bool,
        follow_up: bool,
    },
    /// Moved to the time it has now (the latest move).
    Moved {
        meeting: CaseMeeting,
        by_staff: bool,
    },
    Cancelled {
        meeting: CaseMeeting,
        by_staff: bool,
    },
    Held {
        meeting: CaseMeeting,
    },
    NotAttended {
        meeting: CaseMeeting,
    },
    /// A call or a visit without a booking, written down by staff (what was said is not
    /// shown here).
    Contact {
        kind: ContactKind,
    },
    ReportSent {
        period: ReportPeriod,
        on_time: bool,
    },
    ReportMissed {
        period: ReportPeriod,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseStep {
    pub at: DateTime<Utc>,
    pub event: CaseEvent,
}

/// The month's activity report still to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDue {
    pub period: ReportPeriod,
    /// The last day it is on time.
    pub last_day: chrono::NaiveDate,
    /// A draft is saved.
    pub draft: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCaseView {
    /// Meetings ahead, soonest first.
    pub coming: Vec<CaseMeeting>,
    pub report_due: Option<ReportDue>,
    /// No first meeting is booked or held: booking one is the next step.
    pub book_first: bool,
    /// What happened, latest first.
    pub history: Vec<CaseStep>,
}
