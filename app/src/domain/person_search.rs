//! Staff looking a person up, to help someone at the desk or on the phone: by personal
//! identity number, or by name and date of birth. Every search, found or not, goes to the
//! access log with why it was made, so the form asks for that as well.

pub use super::choices::SearchReason;
use super::{
    field_error::{FieldError, FieldErrors},
    personnummer::PersonalNumber,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest note kept with a search.
pub const NOTE_MAX: usize = 200;

/// The search form as posted: `nummer`, or `namn` and `fodd`; `orsak` and `notering`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonSearchForm {
    pub nummer: String,
    pub namn: String,
    pub fodd: String,
    pub orsak: String,
    pub notering: String,
}

/// Whom a search looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonNeedle {
    Number(PersonalNumber),
    /// Part of the name, lower case, and the whole date of birth: a name alone finds too
    /// many people to show any of them.
    NameAndBirth {
        name: String,
        born: NaiveDate,
    },
}

impl PersonNeedle {
    /// How the search is kept in the access log: the number masked.
    pub fn logged(&self) -> String {
        match self {
            PersonNeedle::Number(n) => n.masked(),
            PersonNeedle::NameAndBirth { name, born } => format!("{name}, {born}"),
        }
    }
}

/// A search, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSearch {
    pub needle: PersonNeedle,
    pub reason: SearchReason,
    pub note: String,
}

impl PersonSearchForm {
    /// Reads the form; `today` decides a ten-digit number's century and rules out births
    /// in the future. A number wins over a name when both are given.
    pub fn parse(&self, today: NaiveDate) -> Result<PersonSearch, FieldErrors> {
        let mut errors = FieldErrors::new();
        let (number, name, born) = (self.nummer.trim(), self.namn.trim(), self.fodd.trim());
        let needle = if !number.is_empty() {
            match PersonalNumber::parse(number, today) {
                Ok(n) => Some(PersonNeedle::Number(n)),
                Err(e) => {
                    errors.insert("nummer".into(), FieldError::PersonalNumber(e));
                    None
                }
            }
        } else if name.is_empty() && born.is_empty() {
            errors.insert("nummer".into(), FieldError::Required);
            None
        } else {
            if name.chars().count() < 2 {
                errors.insert("namn".into(), FieldError::Required);
            } else if name.chars().count() > 100 {
                errors.insert("namn".into(), FieldError::TooLong);
            }
            let day = NaiveDate::parse_from_str(born, "%Y-%m-%d")
                .ok()
                .filter(|d| *d <= today);
            match (born.is_empty(), day) {
                (true, _) => {
                    errors.insert("fodd".into(), FieldError::Required);
                }
                (false, None) => {
                    errors.insert("fodd".into(), FieldError::Date);
                }
                (false, Some(_)) => {}
            }
            day.filter(|_| errors.is_empty())
                .map(|born| PersonNeedle::NameAndBirth {
                    name: name.to_lowercase(),
                    born,
                })
        };
        let reason = SearchReason::parse(self.orsak.trim());
        if reason.is_none() {
            let error = if self.orsak.trim().is_empty() {
                FieldError::Required
            } else {
                FieldError::Choice
            };
            errors.insert("orsak".into(), error);
        }
        let note = self.notering.trim().to_owned();
        if note.chars().count() > NOTE_MAX {
            errors.insert("notering".into(), FieldError::TooLong);
        } else if reason == Some(SearchReason::Other) && note.is_empty() {
            errors.insert("notering".into(), FieldError::Required);
        }
        match (needle, reason) {
            (Some(needle), Some(reason)) if errors.is_empty() => Ok(PersonSearch {
                needle,
                reason,
                note,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
    }

    fn form(nummer: &str, namn: &str, fodd: &str, orsak: &str, notering: &str) -> PersonSearchForm {
        PersonSearchForm {
            nummer: nummer.into(),
            namn: namn.into(),
            fodd: fodd.into(),
            orsak: orsak.into(),
            notering: notering.into(),
        }
    }

    #[test]
    fn a_number_is_found_by_and_logged_masked() {
        let s = form("19811218-9876", "", "", "besok", "")
            .parse(today())
            .unwrap();
        let PersonNeedle::Number(n) = &s.needle else {
            panic!("a number")
        };
        assert_eq!(n.as_digits(), "198112189876");
        assert_eq!(s.needle.logged(), n.masked());
        assert!(!s.needle.logged().contains("9876"));
        assert_eq!(s.reason, SearchReason::Visit);
    }

    #[test]
    fn a_name_needs_the_whole_date_of_birth() {
        let s = form("", " Anna Svensson ", "1990-04-02", "samtal", "")
            .parse(today())
            .unwrap();
        assert_eq!(
            s.needle,
            PersonNeedle::NameAndBirth {
                name: "anna svensson".into(),
                born: NaiveDate::from_ymd_opt(1990, 4, 2).unwrap()
            }
        );
        let e = form("", "Anna", "", "samtal", "")
            .parse(today())
            .unwrap_err();
        assert_eq!(e.get("fodd"), Some(&FieldError::Required));
        let e = form("", "Anna", "1990-02-30", "samtal", "")
            .parse(today())
            .unwrap_err();
        assert_eq!(e.get("fodd"), Some(&FieldError::Date));
        let e = form("", "Anna", "2027-01-01", "samtal", "")
            .parse(today())
            .unwrap_err();
        assert_eq!(e.get("fodd"), Some(&FieldError::Date), "not born yet");
        let e = form("", "A", "1990-04-02", "samtal", "")
            .parse(today())
            .unwrap_err();
        assert_eq!(e.get("namn"), Some(&FieldError::Required));
    }

    #[test]
    fn nothing_to_search_for_and_no_reason_are_named() {
        let e = form("", "", "", "", "").parse(today()).unwrap_err();
        assert_eq!(e.get("nummer"), Some(&FieldError::Required));
        assert_eq!(e.get("orsak"), Some(&FieldError::Required));
        let e = form("19811218-9876", "", "", "nyfiken", "")
            .parse(today())
            .unwrap_err();
        assert_eq!(e.get("orsak"), Some(&FieldError::Choice));
    }

    #[test]
    fn other_reasons_are_explained_briefly() {
        let e = form("19811218-9876", "", "", "annat", " ")
            .parse(today())
            .unwrap_err();
        assert_eq!(e.get("notering"), Some(&FieldError::Required));
        let long = "x".repeat(NOTE_MAX + 1);
        let e = form("19811218-9876", "", "", "besok", &long)
            .parse(today())
            .unwrap_err();
        assert_eq!(e.get("notering"), Some(&FieldError::TooLong));
        let s = form("19811218-9876", "", "", "annat", "Brev från personen")
            .parse(today())
            .unwrap();
        assert_eq!(s.note, "Brev från personen");
    }

    #[test]
    fn a_wrong_number_says_which_rule_failed() {
        let e = form("19811218-9875", "", "", "besok", "")
            .parse(today())
            .unwrap_err();
        assert!(matches!(
            e.get("nummer"),
            Some(FieldError::PersonalNumber(_))
        ));
    }

    proptest! {
        #[test]
        fn any_form_is_read_or_refused_with_named_fields(
            nummer in "[0-9 +-]{0,14}",
            namn in "\\PC{0,30}",
            fodd in "[0-9-]{0,10}",
            orsak in "(besok|samtal|annat|x)?",
            notering in "\\PC{0,20}",
        ) {
            match form(&nummer, &namn, &fodd, &orsak, &notering).parse(today()) {
                Ok(s) => prop_assert!(s.note.chars().count() <= NOTE_MAX),
                Err(e) => {
                    prop_assert!(!e.is_empty());
                    for key in e.keys() {
                        prop_assert!(["nummer", "namn", "fodd", "orsak", "notering"].contains(&key.as_str()));
                    }
                }
            }
        }
    }
}
