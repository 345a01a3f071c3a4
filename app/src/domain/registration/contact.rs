//! How to reach a person and what they need at a meeting: part of step 1, and on its own the
//! form on Mina sidor.

use crate::domain::{
    choices::LanguageCode,
    field_error::{choice, optional_text, Errors, FieldError, FieldErrors, MAX_LONG_TEXT},
    Email, PhoneNumber, Postcode,
};
use serde::{Deserialize, Serialize};

/// How to reach a person and what they need at a meeting, as typed: part of registration's
/// first step, and the form on Mina sidor that changes them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub email: String,
    pub phone: String,
    pub postcode: String,
    pub preferred_language: String,
    /// `ja` or `nej`.
    pub interpreter: String,
    pub interpreter_language: String,
    pub accessibility_needs: String,
}

/// Contact details and needs, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactDetails {
    pub email: Email,
    /// A mobile number: counsellors call it and reminders go to it by SMS.
    pub phone: PhoneNumber,
    pub postcode: Postcode,
    pub preferred_language: LanguageCode,
    pub interpreter: Option<LanguageCode>,
    pub accessibility_needs: String,
}

impl ContactForm {
    pub fn parse(&self) -> Result<ContactDetails, FieldErrors> {
        let mut errors = Errors::default();
        let details = self.check(&mut errors);
        errors.finish()?;
        Ok(details.expect("no errors, so every field parsed"))
    }

    /// Checks every field, adding what is wrong to `errors`; the details when all are right.
    pub(super) fn check(&self, errors: &mut Errors) -> Option<ContactDetails> {
        let email = errors.check(
            "email",
            Email::parse(&self.email).map_err(FieldError::Contact),
        );
        let phone = errors.check(
            "phone",
            PhoneNumber::parse_mobile(&self.phone).map_err(FieldError::Contact),
        );
        let postcode = errors.check(
            "postcode",
            Postcode::parse(&self.postcode).map_err(FieldError::Contact),
        );
        let preferred_language = errors.check(
            "preferred_language",
            choice(&self.preferred_language, LanguageCode::parse),
        );
        let interpreter = if self.interpreter.trim() == "ja" {
            let language = match self.interpreter_language.trim() {
                "" => Err(FieldError::InterpreterLanguage),
                code => LanguageCode::parse(code).ok_or(FieldError::Choice),
            };
            errors.check("interpreter_language", language).map(Some)
        } else {
            Some(None)
        };
        let accessibility_needs = errors.check(
            "accessibility_needs",
            optional_text(&self.accessibility_needs, MAX_LONG_TEXT),
        );
        Some(ContactDetails {
            email: email?,
            phone: phone?,
            postcode: postcode?,
            preferred_language: preferred_language?,
            interpreter: interpreter?,
            accessibility_needs: accessibility_needs?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registration::{
        tests::{today, valid_about},
        AboutForm,
    };
    use proptest::prelude::*;

    #[test]
    fn contact_details_parse_alone_as_in_step_one() {
        let about = valid_about();
        let details = about.contact().parse().unwrap();
        let reg = about.parse(today()).unwrap();
        assert_eq!(details.email, reg.email);
        assert_eq!(details.phone.as_e164(), "+46701234567");
        assert_eq!(details.postcode, reg.postcode);
        assert_eq!(details.interpreter, None);
        let form = ContactForm {
            interpreter: "ja".into(),
            interpreter_language: "ti".into(),
            accessibility_needs: "  Rullstol  ".into(),
            ..about.contact()
        };
        let details = form.parse().unwrap();
        assert_eq!(details.interpreter, Some(LanguageCode::Ti));
        assert_eq!(details.accessibility_needs, "Rullstol");
        let errors = ContactForm {
            email: "anna@".into(),
            phone: "08-123 456 78".into(),
            postcode: "0123".into(),
            preferred_language: "xx".into(),
            interpreter: "ja".into(),
            ..about.contact()
        }
        .parse()
        .unwrap_err();
        assert_eq!(
            errors.keys().map(String::as_str).collect::<Vec<_>>(),
            [
                "email",
                "interpreter_language",
                "phone",
                "postcode",
                "preferred_language"
            ]
        );
        assert_eq!(
            errors["interpreter_language"],
            FieldError::InterpreterLanguage
        );
    }

    proptest! {
        /// Mina sidor's contact form and registration's step 1 judge the same words alike.
        #[test]
        fn contact_form_agrees_with_step_one(
            email in "\\PC{0,30}", phone in "[0-9 +-]{0,14}", postcode in "[0-9 ]{0,7}",
            language in "[a-z]{0,3}", interpreter in prop::bool::ANY, needs in "\\PC{0,30}",
        ) {
            let about = AboutForm {
                email, phone, postcode, preferred_language: language,
                interpreter: if interpreter { "ja" } else { "nej" }.into(),
                interpreter_language: "ar".into(), accessibility_needs: needs,
                ..valid_about()
            };
            match (about.contact().parse(), about.parse(today())) {
                (Ok(c), Ok(a)) => {
                    prop_assert_eq!(c.email, a.email);
                    prop_assert_eq!(c.phone, a.phone);
                    prop_assert_eq!(c.postcode, a.postcode);
                    prop_assert_eq!(c.interpreter, a.interpreter);
                }
                (Err(c), Err(a)) => prop_assert_eq!(c, a),
                (c, a) => prop_assert!(false, "contact {:?} but step one {:?}", c, a),
            }
        }
    }
}
