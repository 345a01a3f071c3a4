//! Step 4: what you are looking for.

use crate::domain::{
    choices::{Extent, Region, Situation},
    field_error::{choice, Errors, FieldError, FieldErrors},
};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub const MAX_DESIRED_OCCUPATIONS: usize = 10;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WishesForm {
    /// Occupation codes from the taxonomy.
    pub occupations: Vec<String>,
    pub regions: Vec<String>,
    pub extent: String,
    /// `YYYY-MM-DD`, or empty for "as soon as possible".
    pub earliest_start: String,
    pub situation: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wishes {
    pub occupations: Vec<String>,
    pub regions: Vec<Region>,
    pub extent: Extent,
    pub earliest_start: Option<NaiveDate>,
    pub situation: Situation,
}

impl WishesForm {
    /// Checks the form; whether each occupation code exists is the server's to check
    /// against the taxonomy.
    pub fn parse(&self, today: NaiveDate) -> Result<Wishes, FieldErrors> {
        let mut errors = Errors::default();
        let mut occupations: Vec<String> = Vec::new();
        for code in &self.occupations {
            let code = code.trim();
            if !code.is_empty() && !occupations.iter().any(|c| c == code) {
                occupations.push(code.to_owned());
            }
        }
        if occupations.is_empty() {
            errors.add("occupations", FieldError::Required);
        } else if occupations.len() > MAX_DESIRED_OCCUPATIONS {
            errors.add("occupations", FieldError::TooMany);
        } else if occupations
            .iter()
            .any(|c| crate::domain::FieldCode::parse(c).is_err())
        {
            errors.add("occupations", FieldError::UnknownOccupation);
        }
        let mut regions = Vec::new();
        for code in &self.regions {
            match Region::parse(code) {
                Some(r) if !regions.contains(&r) => regions.push(r),
                Some(_) => {}
                None => errors.add("regions", FieldError::Choice),
            }
        }
        if regions.is_empty() && !errors.has("regions") {
            errors.add("regions", FieldError::Required);
        }
        regions.sort();
        let extent = errors.check("extent", choice(&self.extent, Extent::parse));
        let earliest_start = errors.check(
            "earliest_start",
            optional_future_date(&self.earliest_start, today),
        );
        let situation = errors.check("situation", choice(&self.situation, Situation::parse));
        errors.finish()?;
        Ok(Wishes {
            occupations,
            regions,
            extent: extent.unwrap(),
            earliest_start: earliest_start.unwrap(),
            situation: situation.unwrap(),
        })
    }
}

fn optional_future_date(input: &str, today: NaiveDate) -> Result<Option<NaiveDate>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let date = crate::domain::time::parse_iso_date(s).ok_or(FieldError::Date)?;
    if date < today {
        Err(FieldError::DateInPast)
    } else if date.year() > today.year() + 5 {
        Err(FieldError::Date)
    } else {
        Ok(Some(date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registration::tests::{today, valid_draft};

    #[test]
    fn wishes_need_an_occupation_a_region_an_extent_and_a_situation() {
        let errors = WishesForm::default().parse(today()).unwrap_err();
        assert_eq!(errors["occupations"], FieldError::Required);
        assert_eq!(errors["regions"], FieldError::Required);
        assert_eq!(errors["extent"], FieldError::Required);
        assert_eq!(errors["situation"], FieldError::Required);
        assert!(!errors.contains_key("earliest_start"));
        let form = WishesForm {
            earliest_start: "2026-11-22".into(),
            regions: vec!["atlantis".into()],
            ..valid_draft().wishes
        };
        let errors = form.parse(today()).unwrap_err();
        assert_eq!(errors["earliest_start"], FieldError::DateInPast);
        assert_eq!(errors["regions"], FieldError::Choice);
    }
}
