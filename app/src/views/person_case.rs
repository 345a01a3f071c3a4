//! What a person's own case page for staff, and the staff's booking of their first meeting,
//! are drawn from.

use crate::{
    domain::{case::ContactNoteForm, field_error::FieldErrors, Channel},
    views::{
        booking::PickerView,
        case_file::{PanelSeeker, TimelineEntry},
    },
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where the person's first meeting stands, for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FirstMeeting {
    /// Not booked: staff may book it, or seat a walk-in now.
    ToBook,
    /// Booked: when, and its panel.
    Booked {
        starts_at: DateTime<Utc>,
        href: String,
    },
    /// Held: what comes next is booked from its panel as a follow-up.
    Held { href: String },
}

/// A meeting of the person's that is still to come, with the link to its panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComingMeeting {
    pub starts_at: DateTime<Utc>,
    pub channel: Channel,
    pub meeting_sv: String,
    pub meeting_en: String,
    pub counsellor: String,
    pub href: String,
}

/// A counsellor at the office who can take a walk-in within the hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeNow {
    /// The radio button's value: counsellor and start.
    pub value: String,
    pub start: DateTime<Utc>,
    pub counsellor: String,
    /// The counsellor knows one of the person's occupational fields.
    pub knows_field: bool,
}

/// What the last form on the page did, said once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseDone {
    /// Just registered by this staff member.
    Registered,
    Booked,
    Seated,
    Noted,
    /// A new link to make their own sign-in was sent.
    LinkSent,
}

/// Whether the person has their own sign-in to Mina sidor, or how their link to make one
/// stands (registered by staff, they make it themselves).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OwnSignIn {
    Made,
    /// The link sent works until then.
    Waiting {
        until: DateTime<Utc>,
    },
    /// The link no longer works (expired), or none was sent.
    Lapsed,
}

/// A person's case as staff open it without a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonCase {
    pub id: i64,
    pub seeker: PanelSeeker,
    /// `YYYYMMDD-****`.
    pub number: String,
    pub office: Option<String>,
    pub registered_online: bool,
    /// The staff member who registered them, when staff did.
    pub registered_by: Option<String>,
    pub registered_at: DateTime<Utc>,
    pub sign_in: OwnSignIn,
    pub timeline: Vec<TimelineEntry>,
    pub coming: Vec<ComingMeeting>,
    pub first: FirstMeeting,
    /// Whether the staff member has an office that takes visits (to seat a walk-in).
    pub may_seat: bool,
    /// Counsellors at that office free within the hour, with the person's field first.
    pub free_now: Vec<FreeNow>,
    pub done: Option<CaseDone>,
    /// A contact note refused: as typed, and why.
    pub note: ContactNoteForm,
    pub note_errors: FieldErrors,
    pub seat_refused: Option<SeatRefusal>,
}

/// The staff's picker for a person's first meeting: the seeker's own picker, for them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffPickerView {
    pub id: i64,
    pub name: String,
    pub picker: PickerView,
    /// The first meeting booked already, or held: its panel.
    pub first: FirstMeeting,
}

/// What a post on a person's case page left for it to show once: for which person, what
/// was done, or a contact note as typed and why it was refused, or why a walk-in was not
/// seated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFlash {
    pub person: i64,
    pub done: Option<CaseDone>,
    pub note: ContactNoteForm,
    pub note_errors: FieldErrors,
    pub seat_refused: Option<SeatRefusal>,
}

/// Why a walk-in was not seated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeatRefusal {
    /// No counsellor and time was chosen.
    NoChoice,
    /// The time was taken meanwhile, or the person got a first meeting meanwhile.
    Taken,
}
