//! A report of a shortcoming in the service's accessibility, as anyone may send it from the
//! accessibility statement (the law on accessible digital public services asks for such a
//! way): where it happened, what went wrong, and optionally an address to be answered at.

use super::{
    contact::Email,
    field_error::{optional_text, required_text, Errors, FieldError, FieldErrors, MAX_LONG_TEXT},
};
use serde::{Deserialize, Serialize};

/// The longest page or place named (a pasted address fits).
pub const MAX_PLACE: usize = 300;

/// The report as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccessibilityReportForm {
    /// The page or part of the service (free text: an address, or "the booking page").
    pub place: String,
    pub description: String,
    /// Where the answer may go; none for an anonymous report.
    pub email: String,
}

/// A report, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessibilityReport {
    pub place: Option<String>,
    pub description: String,
    pub email: Option<Email>,
}

impl AccessibilityReportForm {
    pub fn parse(&self) -> Result<AccessibilityReport, FieldErrors> {
        let mut errors = Errors::default();
        let place = errors.check("place", optional_text(&self.place, MAX_PLACE));
        let description = errors.check(
            "description",
            required_text(&self.description, MAX_LONG_TEXT),
        );
        let email = if self.email.trim().is_empty() {
            Some(None)
        } else {
            errors.check(
                "email",
                Email::parse(&self.email)
                    .map(Some)
                    .map_err(FieldError::Contact),
            )
        };
        errors.finish()?;
        Ok(AccessibilityReport {
            place: place.filter(|p| !p.is_empty()),
            description: description.unwrap_or_default(),
            email: email.flatten(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::ContactError;
    use proptest::prelude::*;

    fn form(place: &str, description: &str, email: &str) -> AccessibilityReportForm {
        AccessibilityReportForm {
            place: place.into(),
            description: description.into(),
            email: email.into(),
        }
    }

    #[test]
    fn a_report_needs_only_what_went_wrong() {
        let report = form("  ", " Knappen Boka går inte att nå med tabb. ", "")
            .parse()
            .unwrap();
        assert_eq!(report.place, None);
        assert_eq!(report.description, "Knappen Boka går inte att nå med tabb.");
        assert_eq!(report.email, None);
        let answered = form("/boka", "Fokus syns inte.", " Amira@Example.se ")
            .parse()
            .unwrap();
        assert_eq!(answered.place.as_deref(), Some("/boka"));
        assert_eq!(answered.email.unwrap().as_str(), "amira@example.se");
    }

    #[test]
    fn each_refused_field_is_named() {
        let errors = form(&"x".repeat(MAX_PLACE + 1), "  ", "amira@")
            .parse()
            .unwrap_err();
        assert_eq!(errors["place"], FieldError::TooLong);
        assert_eq!(errors["description"], FieldError::Required);
        assert_eq!(
            errors["email"],
            FieldError::Contact(ContactError::InvalidEmail)
        );
        let long = form("", &"å".repeat(MAX_LONG_TEXT + 1), "")
            .parse()
            .unwrap_err();
        assert_eq!(long["description"], FieldError::TooLong);
        assert!(form("", &"å".repeat(MAX_LONG_TEXT), "").parse().is_ok());
    }

    proptest! {
        #[test]
        fn any_text_within_the_limit_is_kept_trimmed(text in "\\PC{1,400}") {
            let parsed = form("", &text, "").parse();
            match text.trim() {
                "" => prop_assert_eq!(parsed.unwrap_err()["description"], FieldError::Required),
                kept => prop_assert_eq!(parsed.unwrap().description, kept),
            }
        }
    }
}
