//! Which domain check a server-drawn form runs in the browser: a registration step, a
//! month's activity report, or one of the employer's forms. The island carries this (not the check itself) as its prop.

use super::{
    activity_report::{period::ReportPeriod, report},
    employer::registration::{self as employer, EmployerFormKind},
    field_error::{FieldError, FieldErrors},
    registration::{check_posted, Step},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormCheck {
    Registration(Step),
    /// The review step when staff register a person: the contact details confirmed.
    AssistedReview,
    Report(ReportPeriod),
    Employer(EmployerFormKind),
}

impl FormCheck {
    /// The errors of the form as posted, from its `(name, value)` pairs.
    pub fn errors(self, pairs: Vec<(String, String)>, today: NaiveDate) -> FieldErrors {
        match self {
            FormCheck::Registration(step) => check_posted(step, pairs, today),
            FormCheck::AssistedReview => {
                let confirmed = pairs.iter().any(|(n, v)| n == "bekraftat" && v == "ja");
                if confirmed {
                    FieldErrors::new()
                } else {
                    FieldErrors::from([("bekraftat".to_owned(), FieldError::Required)])
                }
            }
            FormCheck::Report(period) => report::check_posted(period, pairs),
            FormCheck::Employer(kind) => employer::check_posted(kind, pairs, today),
        }
    }
}
