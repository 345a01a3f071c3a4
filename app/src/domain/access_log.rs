//! Searching the access log: who opened which job seeker's data, when and why. The seeker is
//! found by personal identity number (exactly) or by name; the staff member by account; the
//! period is whole days. What was searched for is kept in the audit trail, with the number
//! masked.

use super::choices::SearchReason;
use super::{
    field_error::{FieldError, FieldErrors},
    figures::parse_period,
    personnummer::PersonalNumber,
};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The search as the form (and the CSV link) sends it: `seeker`, `staff`, `fran`, `till`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccessLogQuery {
    pub seeker: String,
    pub staff: String,
    pub fran: String,
    pub till: String,
}

/// Whom a search looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeekerNeedle {
    Number(PersonalNumber),
    /// Part of the name, lower case.
    Name(String),
}

impl SeekerNeedle {
    /// How the search is written in the audit trail: a number masked.
    pub fn audit_text(&self) -> String {
        match self {
            SeekerNeedle::Number(n) => n.masked(),
            SeekerNeedle::Name(n) => n.clone(),
        }
    }
}

/// A search, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessLogFilter {
    pub seeker: Option<SeekerNeedle>,
    pub staff_id: Option<i64>,
    /// First and last day, both included.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The days shown when none are given: the last 30, today included.
pub const DEFAULT_DAYS: u64 = 30;

/// Why staff read a person's data, as the access log records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessReason {
    /// A meeting's panel was opened in the calendar.
    Meeting,
    /// The person was shown in the office's list of activity reports.
    ReportList,
    /// The person was shown as matching an employer's open need.
    NeedMatch,
    /// Staff looked the person up, for this reason (the line keeps what was searched for).
    Search(SearchReason),
    /// The person's case was opened on its own page (not from a meeting).
    Case,
}

impl AccessReason {
    pub const ALL: [AccessReason; 7] = [
        AccessReason::Meeting,
        AccessReason::Case,
        AccessReason::ReportList,
        AccessReason::NeedMatch,
        AccessReason::Search(SearchReason::Visit),
        AccessReason::Search(SearchReason::Call),
        AccessReason::Search(SearchReason::Other),
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccessReason::Meeting => "booking",
            AccessReason::ReportList => "report_list",
            AccessReason::NeedMatch => "need_match",
            AccessReason::Case => "case",
            AccessReason::Search(SearchReason::Visit) => "search_visit",
            AccessReason::Search(SearchReason::Call) => "search_call",
            AccessReason::Search(SearchReason::Other) => "search_other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl AccessLogQuery {
    /// The filter, or each refused field by name. A seeker written with digits must be a
    /// valid personal identity number; a name needs two letters.
    pub fn parse(&self, today: NaiveDate) -> Result<AccessLogFilter, FieldErrors> {
        let mut errors = FieldErrors::new();
        let text = self.seeker.trim();
        let seeker = if text.is_empty() {
            None
        } else if text.chars().any(|c| c.is_ascii_digit()) {
            match PersonalNumber::parse(text, today) {
                Ok(n) => Some(SeekerNeedle::Number(n)),
                Err(e) => {
                    errors.insert("seeker".into(), FieldError::PersonalNumber(e));
                    None
                }
            }
        } else if text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            errors.insert("seeker".into(), FieldError::Name);
            None
        } else if text.chars().count() > 100 {
            errors.insert("seeker".into(), FieldError::TooLong);
            None
        } else {
            Some(SeekerNeedle::Name(text.to_lowercase()))
        };
        let staff_id = match self.staff.trim() {
            "" => None,
            s => match s.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.insert("staff".into(), FieldError::Choice);
                    None
                }
            },
        };
        let (from, to) = if self.fran.trim().is_empty() && self.till.trim().is_empty() {
            Ok((today - Days::new(DEFAULT_DAYS - 1), today))
        } else {
            parse_period(&self.fran, &self.till)
        }
        .map_err(|e| errors.extend(e))
        .unwrap_or((today, today));
        if errors.is_empty() {
            Ok(AccessLogFilter {
                seeker,
                staff_id,
                from,
                to,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{figures::PeriodError, personnummer::PersonalNumberError};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    #[test]
    fn every_reason_is_stored_by_a_code_of_its_own() {
        for r in AccessReason::ALL {
            assert_eq!(AccessReason::parse(r.as_str()), Some(r));
        }
        let codes: std::collections::HashSet<_> =
            AccessReason::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(codes.len(), AccessReason::ALL.len());
        assert_eq!(AccessReason::parse("search"), None);
    }

    fn query(seeker: &str, staff: &str, fran: &str, till: &str) -> AccessLogQuery {
        AccessLogQuery {
            seeker: seeker.into(),
            staff: staff.into(),
            fran: fran.into(),
            till: till.into(),
        }
    }

    #[test]
    fn a_seeker_is_found_by_number_or_name() {
        let f = query("19850312-2387", "", "", "").parse(today()).unwrap();
        assert!(matches!(f.seeker, Some(SeekerNeedle::Number(_))));
        assert_eq!(f.seeker.unwrap().audit_text(), "19850312-****");
        let f = query("  Hodan ", "7", "", "").parse(today()).unwrap();
        assert_eq!(f.seeker, Some(SeekerNeedle::Name("hodan".into())));
        assert_eq!(f.staff_id, Some(7));
        assert_eq!((f.from, f.to), (today() - Days::new(29), today()));
    }

    #[test]
    fn every_mistake_is_named() {
        let e = query("19850312-2388", "x", "2026-12-01", "2026-11-01")
            .parse(today())
            .unwrap_err();
        assert!(matches!(
            e["seeker"],
            FieldError::PersonalNumber(PersonalNumberError::CheckDigit)
        ));
        assert_eq!(e["staff"], FieldError::Choice);
        assert_eq!(e["till"], FieldError::Period(PeriodError::Order));
        let e = query("H", "", "idag", "").parse(today()).unwrap_err();
        assert_eq!(e["seeker"], FieldError::Name);
        assert_eq!(e["fran"], FieldError::Period(PeriodError::Date));
    }
}
