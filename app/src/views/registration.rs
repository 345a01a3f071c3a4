//! What the registration pages are drawn from.

use crate::domain::{registration::RegistrationDraft, Occupation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a step page is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegistrationView {
    pub draft: RegistrationDraft,
    /// Today in Sweden, by the server's clock: the browser checks dates against the same day.
    pub today: NaiveDate,
    /// The chosen desired occupations with their names.
    pub desired: Vec<Occupation>,
    /// The office nearest to the postcode given, by name.
    pub suggested_office: Option<String>,
    /// Online, once something is saved: the code the person reads out to continue with staff
    /// (`3F9A-C2E1-7B`).
    pub desk_code: Option<String>,
}
