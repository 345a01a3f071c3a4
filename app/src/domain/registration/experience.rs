//! Step 2: work experience.

use crate::domain::field_error::{
    optional_text, required_text, Errors, FieldError, FieldErrors, MAX_ENTRIES, MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExperienceEntryForm {
    pub employer: String,
    /// An occupation's name from the taxonomy, or the person's own words.
    pub occupation: String,
    /// `YYYY-MM`.
    pub from: String,
    /// `YYYY-MM`, or empty while it lasts.
    pub to: String,
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExperienceForm {
    pub entries: Vec<ExperienceEntryForm>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkExperience {
    pub employer: String,
    pub occupation: String,
    pub from: YearMonth,
    pub to: Option<YearMonth>,
    pub description: String,
}

impl ExperienceForm {
    pub fn parse(&self, today: NaiveDate) -> Result<Vec<WorkExperience>, FieldErrors> {
        let mut errors = Errors::default();
        if self.entries.len() > MAX_ENTRIES {
            errors.add("entries", FieldError::TooMany);
        }
        let now = YearMonth::of(today);
        let mut out = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let key = |f: &str| format!("entries.{i}.{f}");
            let employer =
                errors.check(&key("employer"), required_text(&e.employer, MAX_SHORT_TEXT));
            let occupation = errors.check(
                &key("occupation"),
                required_text(&e.occupation, MAX_SHORT_TEXT),
            );
            let from = errors.check(&key("from"), YearMonth::parse_not_after(&e.from, now));
            let to = if e.to.trim().is_empty() {
                Some(None)
            } else {
                let to = YearMonth::parse_not_after(&e.to, now).and_then(|to| match from {
                    Some(from) if to < from => Err(FieldError::MonthOrder),
                    _ => Ok(to),
                });
                errors.check(&key("to"), to).map(Some)
            };
            let description = errors.check(
                &key("description"),
                optional_text(&e.description, MAX_LONG_TEXT),
            );
            if let (Some(employer), Some(occupation), Some(from), Some(to), Some(description)) =
                (employer, occupation, from, to, description)
            {
                out.push(WorkExperience {
                    employer,
                    occupation,
                    from,
                    to,
                    description,
                });
            }
        }
        errors.finish()?;
        Ok(out)
    }
}

/// A month of a year, as in a CV: `2019-08`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `YYYY-MM` (what `<input type="month">` sends), also with a one-digit month.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(FieldError::Required);
        }
        let (y, m) = s.split_once('-').ok_or(FieldError::Month)?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4 || !digits(y) || !(1..=2).contains(&m.len()) || !digits(m) {
            return Err(FieldError::Month);
        }
        let year: i32 = y.parse().map_err(|_| FieldError::Month)?;
        let month: u32 = m.parse().map_err(|_| FieldError::Month)?;
        if !(1940..=2200).contains(&year) || !(1..=12).contains(&month) {
            return Err(FieldError::Month);
        }
        Ok(Self { year, month })
    }

    fn parse_not_after(input: &str, now: YearMonth) -> Result<Self, FieldError> {
        let ym = Self::parse(input)?;
        if ym > now {
            Err(FieldError::MonthInFuture)
        } else {
            Ok(ym)
        }
    }

    /// `2019-08`, the form's own notation.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registration::tests::today;

    #[test]
    fn work_experience_is_checked_entry_by_entry() {
        let form = ExperienceForm {
            entries: vec![
                ExperienceEntryForm {
                    employer: "ICA".into(),
                    occupation: "Butikssäljare".into(),
                    from: "2020-05".into(),
                    to: String::new(),
                    description: String::new(),
                },
                ExperienceEntryForm {
                    employer: String::new(),
                    occupation: "Lagerarbetare".into(),
                    from: "2019-13".into(),
                    to: "2018-01".into(),
                    description: String::new(),
                },
                ExperienceEntryForm {
                    employer: "Volvo".into(),
                    occupation: "Montör".into(),
                    from: "2018-01".into(),
                    to: "2017-12".into(),
                    description: String::new(),
                },
                ExperienceEntryForm {
                    employer: "Framtiden AB".into(),
                    occupation: "Montör".into(),
                    from: "2027-01".into(),
                    to: String::new(),
                    description: String::new(),
                },
            ],
        };
        let errors = form.parse(today()).unwrap_err();
        assert_eq!(errors["entries.1.employer"], FieldError::Required);
        assert_eq!(errors["entries.1.from"], FieldError::Month);
        assert_eq!(errors["entries.2.to"], FieldError::MonthOrder);
        assert_eq!(errors["entries.3.from"], FieldError::MonthInFuture);
        assert!(!errors.keys().any(|k| k.starts_with("entries.0.")));
        // No entries at all is a valid answer: not everyone has worked before.
        assert_eq!(ExperienceForm::default().parse(today()), Ok(vec![]));
    }

    #[test]
    fn months_are_written_as_the_month_input_sends_them() {
        assert_eq!(
            YearMonth::parse("2019-8"),
            Ok(YearMonth {
                year: 2019,
                month: 8
            })
        );
        assert_eq!(YearMonth::parse("2019-08").unwrap().iso(), "2019-08");
        for bad in [
            "2019",
            "19-08",
            "2019-00",
            "2019-13",
            "aaaa-bb",
            "2019-08-01",
        ] {
            assert_eq!(YearMonth::parse(bad), Err(FieldError::Month), "{bad}");
        }
    }
}
