//! What the case file pages are drawn from.

use crate::domain::{
    booking::CancelForm,
    case::{FollowUpForm, MoveForm},
    choices::{
        CancelReason, ContactKind, DrivingLicence, EmployerCancelReason, Extent, Region, Situation,
        StaffCancelReason,
    },
    field_error::FieldErrors,
    time::Day,
    BookingStatus, Channel, Rule,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The meeting the panel is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelMeeting {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub channel: Channel,
    pub status: BookingStatus,
    pub meeting_sv: String,
    pub meeting_en: String,
    pub counsellor: String,
    pub office: Option<String>,
    /// An office visitor who has arrived: when, whether fetched, and minutes waited.
    pub arrived_at: Option<DateTime<Utc>>,
    pub fetched: bool,
    pub waited_minutes: Option<i64>,
    /// A video meeting's room, for the one who opens the panel.
    pub video_link: Option<String>,
}

/// The seeker as the counsellor prepares for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelSeeker {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub preferred_language: String,
    pub interpreter_language: Option<String>,
    pub accessibility_needs: String,
    /// Desired occupations, Swedish and English names.
    pub desired: Vec<(String, String)>,
    /// Occupational fields, Swedish and English names.
    pub fields: Vec<(String, String)>,
    /// Employer, occupation, from, to (`YYYY-MM`), description.
    pub experiences: Vec<(String, String, String, Option<String>, String)>,
    /// Level code, field of study, school, year.
    pub educations: Vec<(String, String, String, Option<i64>)>,
    /// Language code, level code.
    pub languages: Vec<(String, String)>,
    /// The wishes and skills step, when given.
    pub profile: Option<PanelProfile>,
}

/// What the seeker said about the work they want and can do, beyond occupations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelProfile {
    pub extent: Option<Extent>,
    pub situation: Option<Situation>,
    pub regions: Vec<Region>,
    pub licences: Vec<DrivingLicence>,
    pub skills: String,
}

/// One thing that happened in the case, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimelineEntry {
    Meeting {
        id: i64,
        starts_at: DateTime<Utc>,
        channel: Channel,
        status: BookingStatus,
        meeting_sv: String,
        meeting_en: String,
        counsellor: String,
        /// Booked by staff as a follow-up.
        follow_up: bool,
        /// The staff member who booked it for the person, if staff did.
        booked_by: Option<String>,
    },
    Note {
        at: DateTime<Utc>,
        author: String,
        body: String,
        /// A contact without a meeting (a call, a visit without a booking), if it is one.
        contact: Option<ContactKind>,
    },
    /// A meeting was cancelled: by whom and why.
    Cancelled {
        at: DateTime<Utc>,
        meeting_starts_at: DateTime<Utc>,
        by: CancelledBy,
        note: String,
    },
    /// A month's activity report as it stands (its latest version).
    Report {
        period: crate::domain::activity_report::period::ReportPeriod,
        version: i64,
        sent_at: DateTime<Utc>,
        on_time: bool,
        report: crate::domain::activity_report::report::ActivityReport,
    },
    /// A month not reported by its deadline.
    ReportMissed {
        period: crate::domain::activity_report::period::ReportPeriod,
        recorded_at: DateTime<Utc>,
    },
    /// The month due now, not sent yet and not yet late: placed at its deadline.
    ReportDue {
        period: crate::domain::activity_report::period::ReportPeriod,
        /// Whether the person has saved a draft.
        draft: bool,
    },
    /// The person registered: online by themselves, or with this staff member.
    Registered {
        at: DateTime<Utc>,
        by: Option<String>,
    },
    /// A recorded outcome was changed.
    Corrected {
        at: DateTime<Utc>,
        meeting_starts_at: DateTime<Utc>,
        by: String,
        from: BookingStatus,
        to: BookingStatus,
    },
}

/// Who cancelled a meeting, with the reason from their list (none for an unknown code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CancelledBy {
    Seeker(Option<CancelReason>),
    /// The organisation, on the employer pages.
    Employer(Option<EmployerCancelReason>),
    Staff {
        name: String,
        reason: Option<StaffCancelReason>,
    },
}

/// A counsellor a follow-up can be booked with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpCounsellor {
    pub id: i64,
    pub name: String,
    pub office: String,
    pub channels: Vec<Channel>,
}

/// The follow-up picker: the colleagues the search found, the one chosen, and their free
/// times in the week shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpTimes {
    /// The colleagues who match the search, the meeting's own counsellor and office first.
    pub counsellors: Vec<FollowUpCounsellor>,
    /// Occupational fields to search by: code, Swedish and English names.
    pub fields: Vec<(String, String, String)>,
    /// Languages some counsellor speaks, by code.
    pub languages: Vec<String>,
    /// The search as read (codes; empty for "any").
    pub field: String,
    pub language: String,
    /// The colleague and channel whose times are shown; `None` when nobody matches.
    pub chosen: Option<(i64, Channel)>,
    /// The first day of the week shown, and the week's days with free times.
    pub from: Day,
    pub days: Vec<(Day, Vec<Span>)>,
    /// The first day with a free time after this week, when there is one.
    pub next_free: Option<Day>,
    /// Whether an earlier week can be shown (not before today).
    pub has_earlier: bool,
}

/// A free time in a picker: start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// The panel's forms, each with its place on the page (`#outcome`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PanelForm {
    Outcome,
    Note,
    FollowUp,
    Move,
    Cancel,
    Correct,
}

impl PanelForm {
    /// The id of the form's heading, where the browser comes back to.
    pub fn anchor(self) -> &'static str {
        match self {
            PanelForm::Outcome => "outcome",
            PanelForm::Note => "note",
            PanelForm::FollowUp => "follow_up",
            PanelForm::Move => "move",
            PanelForm::Cancel => "cancel",
            PanelForm::Correct => "correct",
        }
    }
}

/// The panel's form that was just sent and done, said once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelDone(pub PanelForm);

/// A form the server refused, typed values and errors, to draw again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelRefusal {
    /// Which form; `None` only in the default (nothing refused).
    pub form: Option<PanelForm>,
    pub note: String,
    pub follow_up: FollowUpForm,
    pub move_to: MoveForm,
    pub cancel: CancelForm,
    pub errors: FieldErrors,
    /// A rule that refused it, if not a field.
    pub conflict: Option<Rule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFile {
    pub meeting: PanelMeeting,
    pub seeker: PanelSeeker,
    pub timeline: Vec<TimelineEntry>,
    /// Whether the signed-in staff member may act on this meeting (its counsellor, their
    /// manager, an administrator), not only read it.
    pub may_handle: bool,
    /// Whether it can be marked held or no-show now (booked, and begun).
    pub may_mark: bool,
    /// Until when its recorded outcome can be corrected, while it can.
    pub correctable_until: Option<DateTime<Utc>>,
    /// A default day for the forms: the day after the meeting, or today if later.
    pub suggested_day: Day,
    pub refused: Option<PanelRefusal>,
    /// What was just done, once.
    pub done: Option<PanelForm>,
}
