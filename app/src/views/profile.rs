//! What the profile pages are drawn from.

use crate::domain::{field_error::FieldErrors, registration::ContactForm};
use serde::{Deserialize, Serialize};

/// What the form is drawn from: the saved details, or what was typed and why it was refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileFormView {
    pub first_name: String,
    pub last_name: String,
    pub form: ContactForm,
    pub errors: FieldErrors,
}

/// The form as posted, when it was refused: shown again as typed, with the errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRefusal {
    pub form: ContactForm,
    pub errors: FieldErrors,
}
