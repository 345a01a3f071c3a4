//! What the work hours pages are drawn from.

use crate::domain::{
    field_error::FieldErrors,
    time::Day,
    work_hours::{AbsenceForm, ShortenForm, WorkHoursForm},
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A booked meeting an absence collides with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collision {
    pub starts_at: DateTime<Utc>,
    pub seeker: String,
    /// The meeting's panel in the calendar, where it can be moved.
    pub href: String,
}

/// What was just done, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkHoursDone {
    Saved,
    /// How many spans of open time were made.
    Generated(usize),
    /// Open time removed, and the booked meetings still in the way.
    Absence {
        removed: u64,
        collisions: Vec<Collision>,
    },
    /// An absence was shortened or removed: the days that came free (open time is not put
    /// back by itself), and those open time can still be laid out on.
    Released {
        removed: bool,
        freed: Vec<(Day, Day)>,
        to_lay_out: Vec<(Day, Day)>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsenceView {
    pub id: i64,
    pub kind: String,
    pub from: Day,
    pub to: Day,
    pub note: String,
    /// Booked meetings still in it, from now on, until each is moved or cancelled.
    pub in_the_way: Vec<Collision>,
}

/// A form the server refused: which one, what was typed, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkHoursRefusal {
    pub hours: Option<WorkHoursForm>,
    pub absence: Option<AbsenceForm>,
    /// Which absence's change was refused, and what was typed.
    pub shorten: Option<(i64, ShortenForm)>,
    pub generate: Option<(String, String)>,
    pub errors: FieldErrors,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkHoursView {
    pub counsellor_id: i64,
    pub counsellor_name: String,
    pub own: bool,
    pub hours: WorkHoursForm,
    pub absences: Vec<AbsenceView>,
    /// The first day open time can be generated from: tomorrow.
    pub tomorrow: Day,
    pub refused: Option<WorkHoursRefusal>,
    pub done: Option<WorkHoursDone>,
}
