//! Registering an organisation: its number, name and address, and the first contact person,
//! who gets an account. A colleague invited later fills in only the person's part.

use super::org_number::OrganisationNumber;
use crate::domain::{
    field_error::{required_text, Errors, FieldError, FieldErrors, MAX_SHORT_TEXT},
    registration::person_name as name,
    Email, PhoneNumber, Postcode,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_ORG_NAME: usize = 120;
/// How long an invitation to a colleague works: a week, as people are away for days.
pub const INVITATION_VALID_DAYS: i64 = 7;

/// When an invitation made at `now` stops working.
pub fn invitation_expires(now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    now + chrono::Duration::days(INVITATION_VALID_DAYS)
}
pub const MAX_MUNICIPALITY: usize = super::need::MAX_MUNICIPALITY;

/// The organisation's part of the form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmployerForm {
    pub org_number: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub municipality: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
}

/// A person who acts for the organisation, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactPersonForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
}

/// An organisation as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerDetails {
    pub org_number: OrganisationNumber,
    pub name: String,
    pub street: String,
    pub postcode: Postcode,
    pub city: String,
    pub municipality: String,
    pub contact: ContactPerson,
}

/// A contact person as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactPerson {
    pub first_name: String,
    pub last_name: String,
    pub email: Email,
    /// Any Swedish number the person answers at work, landline or mobile.
    pub phone: PhoneNumber,
}

impl EmployerForm {
    /// The contact person's part, checked the same way as a colleague's own details.
    pub fn contact(&self) -> ContactPersonForm {
        ContactPersonForm {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
        }
    }

    /// Checks the whole form on `today` (a sole trader's personal number is a date of birth).
    pub fn parse(&self, today: NaiveDate) -> Result<EmployerDetails, FieldErrors> {
        let mut errors = Errors::default();
        let org_number = errors.check(
            "org_number",
            OrganisationNumber::parse(&self.org_number, today).map_err(FieldError::OrgNumber),
        );
        let name = errors.check("name", required_text(&self.name, MAX_ORG_NAME));
        let street = errors.check("street", required_text(&self.street, MAX_SHORT_TEXT));
        let postcode = errors.check(
            "postcode",
            Postcode::parse(&self.postcode).map_err(FieldError::Contact),
        );
        let city = errors.check("city", place(&self.city, MAX_SHORT_TEXT));
        let municipality =
            errors.check("municipality", place(&self.municipality, MAX_MUNICIPALITY));
        let contact = self.contact().check(&mut errors);
        errors.finish()?;
        Ok(EmployerDetails {
            org_number: org_number.unwrap(),
            name: name.unwrap(),
            street: street.unwrap(),
            postcode: postcode.unwrap(),
            city: city.unwrap(),
            municipality: municipality.unwrap(),
            contact: contact.expect("no errors, so the contact person parsed"),
        })
    }
}

impl ContactPersonForm {
    pub fn parse(&self) -> Result<ContactPerson, FieldErrors> {
        let mut errors = Errors::default();
        let person = self.check(&mut errors);
        errors.finish()?;
        Ok(person.expect("no errors, so every field parsed"))
    }

    fn check(&self, errors: &mut Errors) -> Option<ContactPerson> {
        let first_name = errors.check("first_name", name(&self.first_name));
        let last_name = errors.check("last_name", name(&self.last_name));
        let email = errors.check(
            "email",
            Email::parse(&self.email).map_err(FieldError::Contact),
        );
        let phone = errors.check(
            "phone",
            PhoneNumber::parse(&self.phone).map_err(FieldError::Contact),
        );
        Some(ContactPerson {
            first_name: first_name?,
            last_name: last_name?,
            email: email?,
            phone: phone?,
        })
    }
}

/// The address of a colleague to invite, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
}

impl InviteForm {
    pub fn parse(&self) -> Result<Email, FieldErrors> {
        let mut errors = Errors::default();
        let email = errors.check(
            "email",
            Email::parse(&self.email).map_err(FieldError::Contact),
        );
        errors.finish()?;
        Ok(email.unwrap())
    }
}

/// A place's name: letters, spaces, hyphens and dots ("Upplands Väsby", "S:t Olof" aside).
fn place(input: &str, max: usize) -> Result<String, FieldError> {
    let s = required_text(input, max)?;
    if s.chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.')
    {
        Ok(s)
    } else {
        Err(FieldError::Name)
    }
}

/// Checks a posted employer form from its `(name, value)` pairs, for the browser's check.
pub fn check_posted(
    kind: EmployerFormKind,
    pairs: Vec<(String, String)>,
    today: NaiveDate,
) -> FieldErrors {
    use crate::domain::{form_data::from_pairs, registration::Password};
    // The password is its own argument: its length is checked here as on the server (how
    // easy it is to guess, only there).
    let password = pairs
        .iter()
        .find(|(name, _)| name == "password")
        .map(|(_, value)| Password::parse(value).err());
    let result = match kind {
        EmployerFormKind::Registration => {
            from_pairs::<EmployerForm>(pairs).map(|f| f.parse(today).err())
        }
        EmployerFormKind::Colleague => {
            from_pairs::<ContactPersonForm>(pairs).map(|f| f.parse().err())
        }
        EmployerFormKind::Need => {
            from_pairs::<super::need::NeedForm>(pairs).map(|f| f.parse(today).err())
        }
    };
    let mut errors = match result {
        Some(errors) => errors.unwrap_or_default(),
        None => FieldErrors::from([("_".to_owned(), FieldError::Malformed)]),
    };
    if let Some(Some(e)) = password {
        errors.insert("password".to_owned(), e);
    }
    errors
}

/// Which of the employer's forms the browser checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmployerFormKind {
    Registration,
    /// A colleague's own details, on the invitation's page.
    Colleague,
    Need,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::ContactError;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    pub(crate) fn valid() -> EmployerForm {
        EmployerForm {
            org_number: "556036-0793".into(),
            name: "Korvkiosken på torget AB".into(),
            street: "Stortorget 1".into(),
            postcode: "411 17".into(),
            city: "Göteborg".into(),
            municipality: "Göteborg".into(),
            first_name: "Karin".into(),
            last_name: "Berg".into(),
            email: "karin@korvkiosken.se".into(),
            phone: "031-123 45 67".into(),
        }
    }

    #[test]
    fn a_complete_organisation_is_read() {
        let e = valid().parse(today()).unwrap();
        assert_eq!(e.org_number.as_digits(), "5560360793");
        assert_eq!(e.postcode.value(), 41117);
        assert_eq!(e.contact.email.as_str(), "karin@korvkiosken.se");
        assert_eq!(e.contact.phone.as_e164(), "+46311234567");
        // A sole trader registers with their personal identity number.
        let sole = EmployerForm {
            org_number: "19811218-9876".into(),
            ..valid()
        };
        assert!(sole.parse(today()).unwrap().org_number.is_sole_trader());
    }

    #[test]
    fn every_mistake_is_named_on_its_field() {
        let errors = EmployerForm::default().parse(today()).unwrap_err();
        for field in [
            "org_number",
            "name",
            "street",
            "postcode",
            "city",
            "municipality",
            "first_name",
            "last_name",
            "email",
            "phone",
        ] {
            assert!(errors.contains_key(field), "{field}");
        }
        let bad = EmployerForm {
            org_number: "556036-0794".into(),
            name: "x".repeat(MAX_ORG_NAME + 1),
            city: "Göteborg 1".into(),
            email: "karin@".into(),
            ..valid()
        };
        let errors = bad.parse(today()).unwrap_err();
        assert_eq!(
            errors["org_number"],
            FieldError::OrgNumber(crate::domain::employer::org_number::OrgNumberError::CheckDigit)
        );
        assert_eq!(errors["name"], FieldError::TooLong);
        assert_eq!(errors["city"], FieldError::Name);
        assert!(matches!(
            errors["email"],
            FieldError::Contact(ContactError::InvalidEmail)
        ));
        assert_eq!(errors.len(), 4);
    }

    #[test]
    fn the_browser_and_the_server_judge_a_posted_form_alike() {
        let pairs = vec![
            ("form[org_number]".to_owned(), "212000-0142".to_owned()),
            ("form[name]".to_owned(), "".to_owned()),
            ("password".to_owned(), "kort".to_owned()),
        ];
        let errors = check_posted(EmployerFormKind::Registration, pairs, today());
        assert!(!errors.contains_key("org_number"));
        assert_eq!(errors["name"], FieldError::Required);
        assert_eq!(errors["password"], FieldError::PasswordTooShort);
        let invite = InviteForm {
            email: "kollega@korvkiosken.se".into(),
        };
        assert_eq!(invite.parse().unwrap().as_str(), "kollega@korvkiosken.se");
        assert!(InviteForm::default().parse().is_err());
    }

    proptest! {
        #[test]
        fn a_colleagues_details_are_judged_as_the_first_contacts(
            first in "\\PC{0,20}", email in "\\PC{0,25}", phone in "[0-9 +-]{0,14}"
        ) {
            let form = EmployerForm { first_name: first, email, phone, ..valid() };
            match (form.contact().parse(), form.parse(today())) {
                (Ok(c), Ok(e)) => prop_assert_eq!(c, e.contact),
                (Err(c), Err(e)) => prop_assert_eq!(c, e),
                (c, e) => prop_assert!(false, "alone {:?}, in the form {:?}", c, e),
            }
        }
    }
}
