//! Step 1: about you, with the contact details and needs that Mina sidor edits later.

use super::ContactForm;
use crate::domain::{
    choices::LanguageCode,
    field_error::{required_text, Errors, FieldError, FieldErrors, MIN_SEEKER_AGE},
    Email, PersonalNumber, PhoneNumber, Postcode,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_NAME: usize = 100;

/// Step 1 as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AboutForm {
    pub first_name: String,
    pub last_name: String,
    pub personal_number: String,
    pub email: String,
    pub phone: String,
    pub postcode: String,
    pub preferred_language: String,
    /// `ja` or `nej`.
    pub interpreter: String,
    pub interpreter_language: String,
    pub accessibility_needs: String,
}

/// Step 1, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AboutYou {
    pub first_name: String,
    pub last_name: String,
    pub personal_number: PersonalNumber,
    pub email: Email,
    pub phone: PhoneNumber,
    pub postcode: Postcode,
    pub preferred_language: LanguageCode,
    pub interpreter: Option<LanguageCode>,
    pub accessibility_needs: String,
}

impl AboutForm {
    pub fn wants_interpreter(&self) -> bool {
        self.interpreter.trim() == "ja"
    }

    /// The contact details and needs part of the step, which Mina sidor edits later.
    pub fn contact(&self) -> ContactForm {
        ContactForm {
            email: self.email.clone(),
            phone: self.phone.clone(),
            postcode: self.postcode.clone(),
            preferred_language: self.preferred_language.clone(),
            interpreter: self.interpreter.clone(),
            interpreter_language: self.interpreter_language.clone(),
            accessibility_needs: self.accessibility_needs.clone(),
        }
    }

    pub fn parse(&self, today: NaiveDate) -> Result<AboutYou, FieldErrors> {
        let mut errors = Errors::default();
        let first_name = errors.check("first_name", name(&self.first_name));
        let last_name = errors.check("last_name", name(&self.last_name));
        let personal_number = errors.check(
            "personal_number",
            PersonalNumber::parse(&self.personal_number, today)
                .map_err(FieldError::PersonalNumber)
                .and_then(|p| old_enough(p, today)),
        );
        let contact = self.contact().check(&mut errors);
        errors.finish()?;
        let c = contact.expect("no errors, so the contact details parsed");
        Ok(AboutYou {
            first_name: first_name.unwrap(),
            last_name: last_name.unwrap(),
            personal_number: personal_number.unwrap(),
            email: c.email,
            phone: c.phone,
            postcode: c.postcode,
            preferred_language: c.preferred_language,
            interpreter: c.interpreter,
            accessibility_needs: c.accessibility_needs,
        })
    }
}

/// Job seekers are at least [`MIN_SEEKER_AGE`] on the day they register.
fn old_enough(number: PersonalNumber, today: NaiveDate) -> Result<PersonalNumber, FieldError> {
    match today.years_since(number.date_of_birth()) {
        Some(age) if age >= MIN_SEEKER_AGE => Ok(number),
        _ => Err(FieldError::TooYoung),
    }
}

/// A first or last name: any letters, spaces, hyphens and apostrophes, no digits.
pub(crate) fn name(input: &str) -> Result<String, FieldError> {
    let s = required_text(input, MAX_NAME)?;
    if s.chars()
        .any(|c| c.is_ascii_digit() || c.is_control() || "<>@".contains(c))
    {
        Err(FieldError::Name)
    } else {
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        contact::ContactError,
        field_error::MAX_LONG_TEXT,
        personnummer::PersonalNumberError,
        registration::tests::{today, valid_about},
    };

    #[test]
    fn job_seekers_are_at_least_sixteen() {
        use crate::domain::personnummer::luhn_check_digit;
        let number = |birth: &str| {
            let nine = format!("{}123", &birth[2..]);
            format!("{}{nine}{}", &birth[..2], luhn_check_digit(&nine))
        };
        let with = |birth: &str| AboutForm {
            personal_number: number(birth),
            ..valid_about()
        };
        // today() is 2026-11-23: sixteen on that day is old enough, a day later is not.
        assert!(with("20101123").parse(today()).is_ok());
        let young = with("20101124").parse(today()).unwrap_err();
        assert_eq!(young["personal_number"], FieldError::TooYoung);
        let toddler = with("20250101").parse(today()).unwrap_err();
        assert_eq!(toddler["personal_number"], FieldError::TooYoung);
    }

    #[test]
    fn every_field_of_step_one_says_what_is_wrong() {
        let errors = AboutForm::default().parse(today()).unwrap_err();
        for field in [
            "first_name",
            "last_name",
            "email",
            "phone",
            "postcode",
            "preferred_language",
        ] {
            assert!(errors.contains_key(field), "{field}: {errors:?}");
        }
        assert_eq!(
            errors["personal_number"],
            FieldError::PersonalNumber(PersonalNumberError::Empty)
        );
        let form = AboutForm {
            first_name: "R2D2".into(),
            phone: "08-123 456 78".into(),
            interpreter: "ja".into(),
            accessibility_needs: "x".repeat(MAX_LONG_TEXT + 1),
            ..valid_about()
        };
        let errors = form.parse(today()).unwrap_err();
        assert_eq!(errors["first_name"], FieldError::Name);
        assert_eq!(
            errors["phone"],
            FieldError::Contact(ContactError::NotMobile)
        );
        assert_eq!(
            errors["interpreter_language"],
            FieldError::InterpreterLanguage
        );
        assert_eq!(errors["accessibility_needs"], FieldError::TooLong);
        assert_eq!(errors.len(), 4);
    }
}
