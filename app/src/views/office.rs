//! What the office pages are drawn from: today's reception, the load against capacity, the
//! follow-up figures.

use crate::domain::{
    activity_report::{follow_up::ReportCounts, period::ReportPeriod},
    capacity::{CapacityForm, LoadCell},
    field_error::FieldErrors,
    figures::Figures,
    time::Day,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A visit on today's reception list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceptionVisit {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    /// The job seeker, or the employer's contact who booked.
    pub visitor: String,
    /// The organisation, when the visit is an employer's.
    pub organisation: Option<String>,
    pub counsellor: String,
    pub arrived_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
    /// Minutes waited so far (or in all, once fetched), for those who have arrived.
    pub waited_minutes: Option<i64>,
    /// The meeting in its counsellor's calendar.
    pub href: String,
    /// A mark made within the last minute, which can still be undone.
    pub undo: Option<crate::domain::arrival::Undo>,
}

/// One day of the load view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadDay {
    pub date: Day,
    pub cells: Vec<LoadCell>,
    pub booked: u32,
    /// Visits the day should hold before later days are offered first.
    pub target: Option<u32>,
    pub capacity: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeView {
    pub office_id: i64,
    pub office_name: String,
    /// Every office, for an administrator to choose among (empty for others).
    pub offices: Vec<(i64, String)>,
    /// May set the capacity and read the figures.
    pub may_manage: bool,
    pub now: DateTime<Utc>,
    pub today: Vec<ReceptionVisit>,
    pub hours: Vec<u32>,
    pub days: Vec<LoadDay>,
    pub capacity: CapacityForm,
    /// The capacity form as last posted with these errors, by field.
    pub capacity_errors: FieldErrors,
    pub saved: bool,
    /// Today's visits' fingerprint, for the page to notice a change (see `office_pulse`).
    pub pulse: String,
}

/// The follow-up figures of one office for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiguresView {
    pub office_id: i64,
    pub office_name: String,
    pub offices: Vec<(i64, String)>,
    /// As typed; `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    pub errors: FieldErrors,
    pub office: Figures,
    /// The months whose activity reports are counted: those whose deadline lies in the
    /// period and has passed.
    pub report_months: Vec<ReportPeriod>,
    pub reports: ReportCounts,
    pub counsellors: Vec<CounsellorFigures>,
    /// Meetings with employers, by the occupational field of the need they were about.
    pub employer_meetings: Vec<EmployerMeetingFigures>,
    /// The answers to the question after meetings, in groups.
    pub ratings: crate::views::rating::RatingFigures,
    /// The same figures as a CSV file.
    pub csv_href: String,
}

/// Meetings with employers about one occupational field (`None`: recruiting in general).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerMeetingFigures {
    /// Swedish and English names.
    pub field: Option<(String, String)>,
    pub booked: i64,
    pub held: i64,
}

/// One counsellor's figures; reports are those of the people whose latest meeting at the
/// office was with them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CounsellorFigures {
    pub name: String,
    pub meetings: Figures,
    pub reports: ReportCounts,
    /// The answers about their meetings (results only from five on).
    pub rating: crate::domain::rating::TallyShown,
}

/// The capacity form as posted, when it was refused: shown again as typed, with the errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacityRefusal {
    pub form: CapacityForm,
    pub errors: FieldErrors,
}

/// The capacity was just saved (said once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacitySaved;
