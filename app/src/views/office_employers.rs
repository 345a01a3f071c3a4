//! What `/personal/kontor/arbetsgivare` is drawn from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An employer the office serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeEmployer {
    pub name: String,
    pub org_number: String,
    pub municipality: String,
    pub open_needs: i64,
}

/// A job seeker of the office who wants a need's occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchingSeeker {
    pub name: String,
}

/// An open need, with the office's job seekers who want its occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeNeed {
    pub employer: String,
    pub headline: String,
    pub occupation_sv: String,
    pub occupation_en: String,
    pub positions: i64,
    pub municipality: String,
    pub apply_by: NaiveDate,
    pub matching: Vec<MatchingSeeker>,
}

/// The open needs of one occupational field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldNeeds {
    pub field_sv: String,
    pub field_en: String,
    pub needs: Vec<OfficeNeed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeEmployersView {
    pub office_id: i64,
    pub office_name: String,
    /// For an administrator: every office, to choose from.
    pub offices: Vec<(i64, String)>,
    pub employers: Vec<OfficeEmployer>,
    pub fields: Vec<FieldNeeds>,
}
