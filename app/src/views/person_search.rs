//! What the staff page for finding a person is drawn from.

use crate::domain::{field_error::FieldErrors, person_search::PersonSearchForm};
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

/// The search as typed and what it found. `searched` is false until a search was made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSearchView {
    pub form: PersonSearchForm,
    pub errors: FieldErrors,
    pub searched: bool,
    pub hits: Vec<PersonHit>,
    /// The name of a person just registered by this staff member.
    pub registered: Option<String>,
}
