//! Step 3: education and skills.

use crate::domain::{
    choices::{DrivingLicence, EducationLevel, LanguageCode, LanguageLevel},
    field_error::{
        choice, optional_text, required_text, Errors, FieldError, FieldErrors, MAX_ENTRIES,
        MAX_LONG_TEXT, MAX_SHORT_TEXT,
    },
};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EducationEntryForm {
    pub level: String,
    pub field: String,
    pub school: String,
    pub year: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LanguageEntryForm {
    pub language: String,
    pub level: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EducationForm {
    pub entries: Vec<EducationEntryForm>,
    pub languages: Vec<LanguageEntryForm>,
    /// Licence codes; checkboxes send one value each.
    pub licences: Vec<String>,
    pub other_skills: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Education {
    pub level: EducationLevel,
    pub field: String,
    pub school: String,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageSkill {
    pub language: LanguageCode,
    pub level: LanguageLevel,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skills {
    pub educations: Vec<Education>,
    pub languages: Vec<LanguageSkill>,
    pub licences: Vec<DrivingLicence>,
    pub other_skills: String,
}

impl EducationForm {
    pub fn parse(&self, today: NaiveDate) -> Result<Skills, FieldErrors> {
        let mut errors = Errors::default();
        if self.entries.len() > MAX_ENTRIES {
            errors.add("entries", FieldError::TooMany);
        }
        if self.languages.len() > LanguageCode::ALL.len() {
            errors.add("languages", FieldError::TooMany);
        }
        let mut educations = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let key = |f: &str| format!("entries.{i}.{f}");
            let level = errors.check(&key("level"), choice(&e.level, EducationLevel::parse));
            let field = errors.check(&key("field"), required_text(&e.field, MAX_SHORT_TEXT));
            let school = errors.check(&key("school"), optional_text(&e.school, MAX_SHORT_TEXT));
            let year = errors.check(&key("year"), optional_year(&e.year, today));
            if let (Some(level), Some(field), Some(school), Some(year)) =
                (level, field, school, year)
            {
                educations.push(Education {
                    level,
                    field,
                    school,
                    year,
                });
            }
        }
        let mut languages: Vec<LanguageSkill> = Vec::new();
        // Every language named so far, whether or not its level is filled in yet.
        let mut named: Vec<LanguageCode> = Vec::new();
        for (i, l) in self.languages.iter().enumerate() {
            let key = |f: &str| format!("languages.{i}.{f}");
            let language = choice(&l.language, LanguageCode::parse).and_then(|code| {
                if named.contains(&code) {
                    Err(FieldError::Duplicate)
                } else {
                    named.push(code);
                    Ok(code)
                }
            });
            let language = errors.check(&key("language"), language);
            let level = errors.check(&key("level"), choice(&l.level, LanguageLevel::parse));
            if let (Some(language), Some(level)) = (language, level) {
                languages.push(LanguageSkill { language, level });
            }
        }
        let mut licences = Vec::new();
        for code in &self.licences {
            match DrivingLicence::parse(code) {
                Some(l) if !licences.contains(&l) => licences.push(l),
                Some(_) => {}
                None => errors.add("licences", FieldError::Choice),
            }
        }
        licences.sort();
        let other_skills = errors.check(
            "other_skills",
            optional_text(&self.other_skills, MAX_LONG_TEXT),
        );
        errors.finish()?;
        Ok(Skills {
            educations,
            languages,
            licences,
            other_skills: other_skills.unwrap(),
        })
    }
}

fn optional_year(input: &str, today: NaiveDate) -> Result<Option<i32>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<i32>() {
        // Up to six years ahead: the expected end of an education under way.
        Ok(y) if s.len() == 4 && (1940..=today.year() + 6).contains(&y) => Ok(Some(y)),
        _ => Err(FieldError::Year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registration::tests::today;

    #[test]
    fn education_languages_and_licences_are_checked() {
        let form = EducationForm {
            entries: vec![EducationEntryForm {
                level: "magister".into(),
                field: String::new(),
                school: String::new(),
                year: "1850".into(),
            }],
            languages: vec![
                LanguageEntryForm {
                    language: "ar".into(),
                    level: "flytande".into(),
                },
                LanguageEntryForm {
                    language: "ar".into(),
                    level: "goda".into(),
                },
            ],
            licences: vec!["B".into(), "Z".into()],
            other_skills: String::new(),
        };
        let errors = form.parse(today()).unwrap_err();
        assert_eq!(errors["entries.0.level"], FieldError::Choice);
        assert_eq!(errors["entries.0.field"], FieldError::Required);
        assert_eq!(errors["entries.0.year"], FieldError::Year);
        assert_eq!(errors["languages.1.language"], FieldError::Duplicate);
        assert_eq!(errors["licences"], FieldError::Choice);
        assert!(!errors.contains_key("entries.0.school"));

        // A language named twice is a duplicate even while the first has no level yet.
        let form = EducationForm {
            languages: vec![
                LanguageEntryForm {
                    language: "sv".into(),
                    level: String::new(),
                },
                LanguageEntryForm {
                    language: "sv".into(),
                    level: "goda".into(),
                },
            ],
            ..EducationForm::default()
        };
        let errors = form.parse(today()).unwrap_err();
        assert_eq!(errors["languages.0.level"], FieldError::Required);
        assert_eq!(errors["languages.1.language"], FieldError::Duplicate);
    }
}
