//! What the staff page for finding a person is drawn from.

use crate::domain::{
    case::ContactNoteForm,
    field_error::{FieldError, FieldErrors},
    person_search::PersonSearchForm,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A person found whom the staff member may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonHit {
    pub id: i64,
    pub name: String,
    /// `YYYYMMDD-****`.
    pub number: String,
    pub born: NaiveDate,
    pub office: Option<String>,
    pub registered_online: bool,
    pub registered_at: DateTime<Utc>,
    /// Their coming or latest meeting in its counsellor's calendar, if they have one.
    pub meeting_href: Option<String>,
}

/// A registration draft the office's desk holds: by its code, its name so far and when it
/// was last changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftHit {
    pub code: String,
    /// `None` while no name is typed.
    pub name: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// An online draft a search by personal identity number found, continued at the desk once
/// the person's identity document is checked. Known by a reference of its own: its code is
/// the person's to read out, never shown to staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFound {
    pub reference: String,
    /// The number searched for, as twelve digits: the draft is found again by it.
    pub number: String,
    /// `None` while no name is typed.
    pub name: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// The search as typed and what it found. `searched` is false until a search was made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSearchView {
    pub form: PersonSearchForm,
    pub errors: FieldErrors,
    pub searched: bool,
    pub hits: Vec<PersonHit>,
    /// Online drafts with the number searched for, to continue once the person's identity
    /// document is checked.
    pub drafts: Vec<DraftFound>,
    /// The draft whose "identity checked" box was not ticked: its number and reference.
    pub id_unchecked: Option<(String, String)>,
    /// A code typed to continue a draft, and what was wrong with it.
    pub code: String,
    pub code_error: Option<FieldError>,
    /// The drafts the office's desk holds.
    pub held: Vec<DraftHit>,
    /// Whether the staff member has a desk to register at (an administrator has no office).
    pub has_desk: bool,
    /// The person whose contact note was just saved.
    pub noted: Option<String>,
    /// A contact note refused: for whom, as typed, and why.
    pub note_for: Option<i64>,
    pub note: ContactNoteForm,
    pub note_errors: FieldErrors,
}
