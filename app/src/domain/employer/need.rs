//! A recruitment need: what an employer is looking for, as they describe it to the agency.
//! The form as typed (kept as a draft, nothing lost), its parse into a need, and where a need
//! stands (open, filled, withdrawn).

use crate::domain::{
    choices::{EmploymentType, Extent},
    field_error::{choice, optional_text, required_text, Errors, FieldError, FieldErrors},
    time::parse_iso_date,
    FieldCode,
};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub const MAX_HEADLINE: usize = 120;
pub const MAX_MUNICIPALITY: usize = 60;
pub const MAX_DESCRIPTION: usize = 2000;
pub const MAX_POSITIONS: u32 = 999;

/// Where a need stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NeedStatus {
    Open,
    /// Closed: the positions were filled.
    Filled,
    /// Closed: the employer no longer recruits.
    Withdrawn,
}

impl NeedStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Filled => "filled",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Open, Self::Filled, Self::Withdrawn]
            .into_iter()
            .find(|t| t.as_str() == s)
    }

    pub fn is_open(self) -> bool {
        self == Self::Open
    }
}

/// The need form as typed: every field a string, so nothing typed is ever lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedForm {
    pub headline: String,
    /// An occupation code from the taxonomy.
    pub occupation: String,
    pub positions: String,
    pub employment: String,
    pub extent: String,
    pub municipality: String,
    /// `YYYY-MM-DD`, or empty for "as soon as possible".
    pub earliest_start: String,
    /// `YYYY-MM-DD`.
    pub apply_by: String,
    pub description: String,
}

/// A need as checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub headline: String,
    pub occupation: String,
    pub positions: u32,
    pub employment: EmploymentType,
    /// Full or part time (either, when both suit).
    pub extent: Extent,
    pub municipality: String,
    pub earliest_start: Option<NaiveDate>,
    pub apply_by: NaiveDate,
    pub description: String,
}

impl NeedForm {
    /// Checks the form on `today`; whether the occupation exists is the server's to check
    /// against the taxonomy.
    pub fn parse(&self, today: NaiveDate) -> Result<Need, FieldErrors> {
        let mut errors = Errors::default();
        let headline = errors.check("headline", required_text(&self.headline, MAX_HEADLINE));
        let occupation = errors.check("occupation", occupation(&self.occupation));
        let positions = errors.check("positions", positions(&self.positions));
        let employment = errors.check(
            "employment",
            choice(&self.employment, EmploymentType::parse),
        );
        let extent = errors.check("extent", choice(&self.extent, Extent::parse));
        let municipality = errors.check(
            "municipality",
            required_text(&self.municipality, MAX_MUNICIPALITY).and_then(place_name),
        );
        let earliest_start =
            errors.check("earliest_start", coming_date(&self.earliest_start, today));
        let apply_by = errors.check(
            "apply_by",
            match coming_date(&self.apply_by, today) {
                Ok(None) => Err(FieldError::Required),
                Ok(Some(d)) => Ok(d),
                Err(e) => Err(e),
            },
        );
        let description = errors.check(
            "description",
            optional_text(&self.description, MAX_DESCRIPTION),
        );
        // The last day to apply comes before the work starts.
        if let (Some(Some(start)), Some(apply_by)) = (earliest_start, apply_by) {
            if apply_by > start {
                errors.add("apply_by", FieldError::ApplyAfterStart);
            }
        }
        errors.finish()?;
        Ok(Need {
            headline: headline.unwrap(),
            occupation: occupation.unwrap(),
            positions: positions.unwrap(),
            employment: employment.unwrap(),
            extent: extent.unwrap(),
            municipality: municipality.unwrap(),
            earliest_start: earliest_start.unwrap(),
            apply_by: apply_by.unwrap(),
            description: description.unwrap(),
        })
    }
}

impl Need {
    /// The form showing this need, to edit it.
    pub fn to_form(&self) -> NeedForm {
        NeedForm {
            headline: self.headline.clone(),
            occupation: self.occupation.clone(),
            positions: self.positions.to_string(),
            employment: self.employment.as_str().into(),
            extent: self.extent.as_str().into(),
            municipality: self.municipality.clone(),
            earliest_start: self
                .earliest_start
                .map(crate::domain::time::iso_date)
                .unwrap_or_default(),
            apply_by: crate::domain::time::iso_date(self.apply_by),
            description: self.description.clone(),
        }
    }
}

fn occupation(input: &str) -> Result<String, FieldError> {
    let code = input.trim();
    if code.is_empty() {
        Err(FieldError::Required)
    } else if FieldCode::parse(code).is_err() {
        Err(FieldError::UnknownOccupation)
    } else {
        Ok(code.to_owned())
    }
}

/// A whole number of positions, 1 to [`MAX_POSITIONS`].
fn positions(input: &str) -> Result<u32, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    s.parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_POSITIONS).contains(n))
        .ok_or(FieldError::Positions)
}

/// A municipality's name: letters, spaces and hyphens ("Upplands Väsby", "Malung-Sälen").
fn place_name(name: String) -> Result<String, FieldError> {
    if name
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        Ok(name)
    } else {
        Err(FieldError::Name)
    }
}

/// An optional date from today up to two years ahead.
fn coming_date(input: &str, today: NaiveDate) -> Result<Option<NaiveDate>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let date = parse_iso_date(s).ok_or(FieldError::Date)?;
    if date < today {
        Err(FieldError::DateInPast)
    } else if date.year() > today.year() + 2 {
        Err(FieldError::DateTooFar)
    } else {
        Ok(Some(date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn valid() -> NeedForm {
        NeedForm {
            headline: "Undersköterskor till hemtjänsten".into(),
            occupation: "underskoterska".into(),
            positions: "3".into(),
            employment: "tillsvidare".into(),
            extent: "full".into(),
            municipality: "Malung-Sälen".into(),
            earliest_start: "2027-02-01".into(),
            apply_by: "2027-01-10".into(),
            description: "Körkort B är meriterande.".into(),
        }
    }

    #[test]
    fn a_complete_need_is_read_and_shown_again_as_typed() {
        let need = valid().parse(today()).unwrap();
        assert_eq!(need.positions, 3);
        assert_eq!(need.employment, EmploymentType::Permanent);
        assert_eq!(need.earliest_start, NaiveDate::from_ymd_opt(2027, 2, 1));
        assert_eq!(need.to_form(), valid());
        // As soon as possible: no start date.
        let soon = NeedForm {
            earliest_start: String::new(),
            ..valid()
        };
        assert_eq!(soon.parse(today()).unwrap().earliest_start, None);
    }

    #[test]
    fn every_mistake_is_named_on_its_field() {
        let errors = NeedForm::default().parse(today()).unwrap_err();
        for field in [
            "headline",
            "occupation",
            "positions",
            "employment",
            "extent",
            "municipality",
            "apply_by",
        ] {
            assert_eq!(errors[field], FieldError::Required, "{field}");
        }
        assert!(!errors.contains_key("earliest_start") && !errors.contains_key("description"));
        let bad = NeedForm {
            headline: "x".repeat(MAX_HEADLINE + 1),
            occupation: "Snickare!".into(),
            positions: "0".into(),
            employment: "fast".into(),
            extent: "mycket".into(),
            municipality: "Växjö 2".into(),
            earliest_start: "2026-12-05".into(),
            apply_by: "2029-01-01".into(),
            description: "y".repeat(MAX_DESCRIPTION + 1),
        };
        let errors = bad.parse(today()).unwrap_err();
        assert_eq!(errors["headline"], FieldError::TooLong);
        assert_eq!(errors["occupation"], FieldError::UnknownOccupation);
        assert_eq!(errors["positions"], FieldError::Positions);
        assert_eq!(errors["employment"], FieldError::Choice);
        assert_eq!(errors["extent"], FieldError::Choice);
        assert_eq!(errors["municipality"], FieldError::Name);
        assert_eq!(errors["earliest_start"], FieldError::DateInPast);
        assert_eq!(errors["apply_by"], FieldError::DateTooFar);
        assert_eq!(errors["description"], FieldError::TooLong);
        for p in ["1000", "2,5", "-1", "tre"] {
            let e = NeedForm {
                positions: p.into(),
                ..valid()
            }
            .parse(today())
            .unwrap_err();
            assert_eq!(e["positions"], FieldError::Positions, "{p}");
        }
    }

    #[test]
    fn the_last_day_to_apply_comes_before_the_start() {
        let late = NeedForm {
            apply_by: "2027-02-02".into(),
            ..valid()
        };
        assert_eq!(
            late.parse(today()).unwrap_err()["apply_by"],
            FieldError::ApplyAfterStart
        );
        // The same day is fine; today is fine.
        let same = NeedForm {
            apply_by: "2027-02-01".into(),
            ..valid()
        };
        assert!(same.parse(today()).is_ok());
        let now = NeedForm {
            apply_by: "2026-12-06".into(),
            ..valid()
        };
        assert!(now.parse(today()).is_ok());
    }

    #[test]
    fn kinds_and_statuses_read_back_what_they_write() {
        for t in EmploymentType::ALL {
            assert_eq!(EmploymentType::parse(t.as_str()), Some(*t));
        }
        for s in [NeedStatus::Open, NeedStatus::Filled, NeedStatus::Withdrawn] {
            assert_eq!(NeedStatus::parse(s.as_str()), Some(s));
        }
        assert!(NeedStatus::Open.is_open() && !NeedStatus::Filled.is_open());
    }

    proptest! {
        #[test]
        fn any_typing_is_read_or_refused_never_lost(
            headline in "\\PC{0,130}", positions in "\\PC{0,5}", apply_by in "\\PC{0,12}"
        ) {
            let form = NeedForm { headline, positions, apply_by, ..valid() };
            if let Ok(need) = form.parse(today()) {
                // What was read shows again as what was typed (trimmed).
                let again = need.to_form().parse(today()).unwrap();
                prop_assert_eq!(again, need);
            }
        }
    }
}
