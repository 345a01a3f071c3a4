//! What the calendar pages are drawn from.

use crate::paths::CalendarMode;
use crate::{
    domain::{holidays::Holiday, open_time::OpenTimeForm, time::Day, BookingStatus, Channel},
    error::AppError,
};
use serde::{Deserialize, Serialize};

/// One column of the board: a counsellor's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardColumn {
    pub counsellor_id: i64,
    pub date: Day,
    /// The counsellor's name when the columns are counsellors (the office's day).
    pub counsellor_name: Option<String>,
    /// Whether the signed-in staff member may change this column's open time.
    pub editable: bool,
    /// The service or the office is closed that day: nothing is offered to job seekers.
    pub closed: Option<ClosedDay>,
    /// The counsellor is away that day (an absence or a training).
    pub away: Option<Away>,
}

/// An absence or training on a day of the board, with the note it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Away {
    pub training: bool,
    pub note: String,
}

/// Why nothing is offered on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClosedDay {
    Holiday(Holiday),
    /// The office's own closed day, with the reason it gave.
    Office(String),
}

/// A meeting on the board. Times are minutes since midnight in Stockholm, computed by the
/// server so the browser needs no time-zone rules to draw them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardMeeting {
    pub id: i64,
    pub column: usize,
    pub starts: u32,
    pub ends: u32,
    /// Whom it is with: a job seeker's name, or an employer's.
    pub who: String,
    /// With an employer (not a job seeker): drawn with its own mark beside the type's name.
    pub employer: bool,
    pub meeting_sv: String,
    pub meeting_en: String,
    pub channel: Channel,
    pub status: BookingStatus,
    /// The calendar with this meeting's side panel open.
    pub href: String,
    /// An office visitor who has arrived: since when (minute of the day) and how many
    /// minutes they have waited, or waited in all once fetched.
    pub arrival: Option<BoardArrival>,
    /// It has ended and still has no outcome (held or no-show).
    pub awaiting_outcome: bool,
    /// Booked on a day its counsellor is away: to be moved or cancelled.
    pub in_absence: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardArrival {
    pub at: u32,
    pub waited: i64,
    pub fetched: bool,
}

/// A span of open time on the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardOpen {
    pub id: i64,
    pub column: usize,
    pub starts: u32,
    pub ends: u32,
}

/// A change to open time that the server refused when it was posted without JavaScript:
/// what was typed, and why (an error key), so the form opens again with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedOpenTime {
    pub counsellor_id: i64,
    pub id: Option<i64>,
    pub form: OpenTimeForm,
    /// The field the error belongs to; empty when it is about the whole change.
    pub field: String,
    pub error: AppError,
}

/// Everything the interactive board draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub columns: Vec<BoardColumn>,
    pub meetings: Vec<BoardMeeting>,
    pub open: Vec<BoardOpen>,
    /// Where the now-line is (today, minute), read by the server once for the page.
    pub now: Option<(Day, u32)>,
    pub refused: Option<RefusedOpenTime>,
    /// This view's address, where a form posted without JavaScript comes back to.
    pub back: String,
}

/// A colleague whose calendar can be opened instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub counsellor_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarView {
    pub mode: CalendarMode,
    pub counsellor_id: i64,
    pub owner_name: String,
    /// Whether this is the signed-in counsellor's own calendar.
    pub own: bool,
    pub colleagues: Vec<Colleague>,
    /// The shown day (day views) or the week's Monday.
    pub day: Day,
    pub monday: Day,
    /// Today in Stockholm, read by the server once for the page (never while rendering).
    pub today: Day,
    pub weekend: bool,
    pub board: Board,
    /// The shown counsellor's meetings that have ended without an outcome, oldest first.
    pub to_report: Vec<ToReport>,
    /// The shown counsellor's office and the fingerprint of its visits today, so the page
    /// notices an arrival (see `office_pulse`).
    pub office_id: i64,
    pub pulse: String,
}

/// A meeting that waits for its outcome ("Att rapportera").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToReport {
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub who: String,
    pub meeting_sv: String,
    pub meeting_en: String,
    /// The calendar of that day with the meeting's panel open.
    pub href: String,
}

/// What the board gets back after a change: the span as saved.
pub type SavedOpenTime = BoardOpen;
