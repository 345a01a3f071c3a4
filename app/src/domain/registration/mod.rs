//! Registration: what a job seeker types, step by step, and what it has to be before an
//! account is created. The forms hold exactly what was typed (so nothing is ever lost, and a
//! draft can be saved however wrong it is); `parse` turns a form into checked values or into
//! one error per field. The browser runs the same `parse` on input as the server does on save.

mod about;
mod code;
mod contact;
mod education;
mod experience;
mod password;
mod wishes;

pub(crate) use about::name as person_name;
pub use about::{AboutForm, AboutYou, MAX_NAME};
pub use code::DraftCode;
pub use contact::{ContactDetails, ContactForm};
pub use education::{
    Education, EducationEntryForm, EducationForm, LanguageEntryForm, LanguageSkill, Skills,
};
pub use experience::{ExperienceEntryForm, ExperienceForm, WorkExperience, YearMonth};
pub use password::{Password, MAX_PASSWORD, MIN_PASSWORD};
pub use wishes::{Wishes, WishesForm, MAX_DESIRED_OCCUPATIONS};

use super::field_error::{FieldError, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The five steps of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    About,
    Experience,
    Education,
    Wishes,
    Review,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::About,
        Step::Experience,
        Step::Education,
        Step::Wishes,
        Step::Review,
    ];

    /// 1 to 5, as the step indicator shows it.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    /// The step's address under `/registrera/`.
    pub fn slug(self) -> &'static str {
        match self {
            Step::About => "om-dig",
            Step::Experience => "erfarenhet",
            Step::Education => "utbildning",
            Step::Wishes => "onskemal",
            Step::Review => "granska",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self as usize + 1).copied()
    }

    pub fn previous(self) -> Option<Self> {
        (self as usize).checked_sub(1).map(|i| Self::ALL[i])
    }
}

/// Everything typed so far, kept on the server between steps. It never holds a password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationDraft {
    pub about: AboutForm,
    pub experience: ExperienceForm,
    pub education: EducationForm,
    pub wishes: WishesForm,
    /// Steps sent at least once: their errors are shown from then on.
    pub submitted: Vec<Step>,
    /// The last attempt to send created no account. Why is never said, to anyone who types
    /// another person's details: the review page answers neutrally, the account's owner is
    /// emailed.
    pub not_created: bool,
    /// Why the password was refused at the last attempt to send; the password itself is
    /// never kept.
    pub password_error: Option<FieldError>,
    /// Registering with staff: the last attempt to send had the contact details not yet
    /// confirmed with the person.
    pub contact_unconfirmed: bool,
}

/// A complete, checked registration: what creates the job seeker, the profile and the account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub about: AboutYou,
    pub experience: Vec<WorkExperience>,
    pub skills: Skills,
    pub wishes: Wishes,
}

impl RegistrationDraft {
    /// The errors of one step (none for the review step, whose password is not in here).
    pub fn errors(&self, step: Step, today: NaiveDate) -> FieldErrors {
        match step {
            Step::About => self.about.parse(today).err(),
            Step::Experience => self.experience.parse(today).err(),
            Step::Education => self.education.parse(today).err(),
            Step::Wishes => self.wishes.parse(today).err(),
            Step::Review => None,
        }
        .unwrap_or_default()
    }

    /// The first step that still has errors, if any.
    pub fn first_incomplete(&self, today: NaiveDate) -> Option<Step> {
        Step::ALL
            .into_iter()
            .find(|step| !self.errors(*step, today).is_empty())
    }

    /// Where someone carrying on this draft continues: the first step not yet sent, or
    /// sent with errors left; the review once every step is done.
    pub fn resume_at(&self, today: NaiveDate) -> Step {
        Step::ALL
            .into_iter()
            .filter(|step| *step != Step::Review)
            .find(|step| !self.was_submitted(*step) || !self.errors(*step, today).is_empty())
            .unwrap_or(Step::Review)
    }

    pub fn mark_submitted(&mut self, step: Step) {
        if !self.submitted.contains(&step) {
            self.submitted.push(step);
        }
    }

    pub fn was_submitted(&self, step: Step) -> bool {
        self.submitted.contains(&step)
    }

    /// The whole registration, or every step's errors.
    pub fn parse(&self, today: NaiveDate) -> Result<Registration, BTreeMap<Step, FieldErrors>> {
        let about = self.about.parse(today);
        let experience = self.experience.parse(today);
        let skills = self.education.parse(today);
        let wishes = self.wishes.parse(today);
        match (about, experience, skills, wishes) {
            (Ok(about), Ok(experience), Ok(skills), Ok(wishes)) => Ok(Registration {
                about,
                experience,
                skills,
                wishes,
            }),
            _ => Err(Step::ALL
                .into_iter()
                .map(|s| (s, self.errors(s, today)))
                .filter(|(_, e)| !e.is_empty())
                .collect()),
        }
    }
}

/// The errors of a step's form as posted, from its `(name, value)` pairs: what the browser
/// checks before it sends a step (the review step checks its password).
pub fn check_posted(step: Step, pairs: Vec<(String, String)>, today: NaiveDate) -> FieldErrors {
    use super::form_data::from_pairs;
    let malformed = || FieldErrors::from([("_".to_owned(), FieldError::Malformed)]);
    let result = match step {
        Step::About => from_pairs::<AboutForm>(pairs).map(|f| f.parse(today).err()),
        Step::Experience => from_pairs::<ExperienceForm>(pairs).map(|f| f.parse(today).err()),
        Step::Education => from_pairs::<EducationForm>(pairs).map(|f| f.parse(today).err()),
        Step::Wishes => from_pairs::<WishesForm>(pairs).map(|f| f.parse(today).err()),
        Step::Review => {
            let password = pairs
                .into_iter()
                .find(|(name, _)| name == "password")
                .map(|(_, value)| value)
                .unwrap_or_default();
            Some(
                Password::parse(&password)
                    .err()
                    .map(|e| FieldErrors::from([("password".to_owned(), e)])),
            )
        }
    };
    match result {
        Some(errors) => errors.unwrap_or_default(),
        None => malformed(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::choices::{DrivingLicence, Region};
    use proptest::prelude::*;

    pub(super) fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    pub(super) fn valid_about() -> AboutForm {
        AboutForm {
            first_name: "Leila".into(),
            last_name: "Ahmadi".into(),
            personal_number: "811218-9876".into(),
            email: "Leila.Ahmadi@example.se".into(),
            phone: "070-123 45 67".into(),
            postcode: "413 19".into(),
            preferred_language: "sv".into(),
            interpreter: "nej".into(),
            interpreter_language: String::new(),
            accessibility_needs: String::new(),
        }
    }

    pub(super) fn valid_draft() -> RegistrationDraft {
        RegistrationDraft {
            about: valid_about(),
            experience: ExperienceForm {
                entries: vec![ExperienceEntryForm {
                    employer: "Sahlgrenska".into(),
                    occupation: "Undersköterska".into(),
                    from: "2015-03".into(),
                    to: "2024-10".into(),
                    description: "Vård på medicinavdelning".into(),
                }],
            },
            education: EducationForm {
                entries: vec![EducationEntryForm {
                    level: "gymnasium".into(),
                    field: "Vård och omsorg".into(),
                    school: "Burgårdens gymnasium".into(),
                    year: "2014".into(),
                }],
                languages: vec![LanguageEntryForm {
                    language: "fa".into(),
                    level: "modersmal".into(),
                }],
                licences: vec!["B".into()],
                other_skills: String::new(),
            },
            wishes: WishesForm {
                occupations: vec!["underskoterska-sjukhus".into()],
                regions: vec!["vastra-gotaland".into()],
                extent: "full".into(),
                earliest_start: String::new(),
                situation: "uppsagd".into(),
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_draft_parses_into_normalised_values() {
        let reg = valid_draft().parse(today()).unwrap();
        assert_eq!(reg.about.personal_number.as_digits(), "198112189876");
        assert_eq!(reg.about.email.as_str(), "leila.ahmadi@example.se");
        assert_eq!(reg.about.phone.as_e164(), "+46701234567");
        assert_eq!(reg.about.postcode.value(), 41319);
        assert_eq!(reg.about.interpreter, None);
        assert_eq!(
            reg.experience[0].from,
            YearMonth {
                year: 2015,
                month: 3
            }
        );
        assert_eq!(reg.skills.licences, vec![DrivingLicence::B]);
        assert_eq!(reg.wishes.regions, vec![Region::VastraGotaland]);
    }

    #[test]
    fn the_draft_reports_the_first_step_left_to_do() {
        let mut draft = valid_draft();
        assert_eq!(draft.first_incomplete(today()), None);
        draft.wishes.situation.clear();
        assert_eq!(draft.first_incomplete(today()), Some(Step::Wishes));
    }

    /// A draft saved before registered details stopped being said at step 1 still reads,
    /// with everything typed in it (the old field is ignored).
    #[test]
    fn an_older_draft_with_conflicts_still_reads() {
        let json = r#"{"about":{"first_name":"Leila"},"conflicts":{"email":"EmailTaken"}}"#;
        let draft: RegistrationDraft = serde_json::from_str(json).unwrap();
        assert_eq!(draft.about.first_name, "Leila");
        assert!(!draft.not_created);
    }

    #[test]
    fn steps_go_forward_and_back_by_their_swedish_addresses() {
        assert_eq!(Step::from_slug("utbildning"), Some(Step::Education));
        assert_eq!(Step::About.previous(), None);
        assert_eq!(Step::Wishes.next(), Some(Step::Review));
        assert_eq!(Step::Review.next(), None);
        assert_eq!(Step::Review.number(), 5);
    }

    #[test]
    fn the_browser_check_of_posted_fields_matches_the_step() {
        let about = valid_about();
        let mut pairs: Vec<(String, String)> = [
            ("first_name", &about.first_name),
            ("last_name", &about.last_name),
            ("personal_number", &about.personal_number),
            ("email", &about.email),
            ("phone", &about.phone),
            ("postcode", &about.postcode),
            ("preferred_language", &about.preferred_language),
            ("interpreter", &about.interpreter),
        ]
        .into_iter()
        .map(|(k, v)| (super::super::form_data::field_name(k), v.clone()))
        .collect();
        assert_eq!(
            check_posted(Step::About, pairs.clone(), today()),
            FieldErrors::new()
        );
        pairs[3].1 = "not an email".into();
        pairs.push(("intent".into(), "next".into()));
        let errors = check_posted(Step::About, pairs, today());
        assert_eq!(errors.keys().collect::<Vec<_>>(), ["email"]);

        let short = vec![("password".to_owned(), "kort".to_owned())];
        assert_eq!(
            check_posted(Step::Review, short, today()).get("password"),
            Some(&FieldError::PasswordTooShort)
        );
        let none = check_posted(Step::Wishes, Vec::new(), today());
        assert_eq!(none.get("occupations"), Some(&FieldError::Required));
    }

    #[test]
    fn a_draft_resumes_at_the_first_step_not_done() {
        let mut draft = RegistrationDraft::default();
        assert_eq!(draft.resume_at(today()), Step::About);
        draft = valid_draft();
        assert_eq!(draft.resume_at(today()), Step::About, "nothing sent yet");
        draft.mark_submitted(Step::About);
        draft.mark_submitted(Step::Experience);
        assert_eq!(draft.resume_at(today()), Step::Education);
        draft.mark_submitted(Step::Education);
        draft.mark_submitted(Step::Wishes);
        assert_eq!(draft.resume_at(today()), Step::Review);
        // A step sent with errors left is where it goes on.
        draft.about.phone = "inte ett nummer".into();
        assert_eq!(draft.resume_at(today()), Step::About);
    }

    proptest! {
        /// A draft survives the trip to storage and back unchanged, whatever was typed.
        #[test]
        fn any_draft_round_trips_through_json(
            first in "\\PC{0,30}", pnr in "[0-9+ -]{0,14}", email in "\\PC{0,40}",
            employer in "\\PC{0,20}", from in "\\PC{0,8}",
        ) {
            let mut draft = RegistrationDraft::default();
            draft.about.first_name = first;
            draft.about.personal_number = pnr;
            draft.about.email = email;
            draft.experience.entries.push(ExperienceEntryForm { employer, from, ..Default::default() });
            draft.mark_submitted(Step::About);
            let json = serde_json::to_string(&draft).unwrap();
            let back: RegistrationDraft = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, draft);
        }

        /// Checking never panics, whatever is in the form.
        #[test]
        fn parsing_any_form_never_panics(
            a in "\\PC{0,20}", b in "\\PC{0,20}", c in "\\PC{0,20}", d in "\\PC{0,20}",
        ) {
            let about = AboutForm {
                first_name: a.clone(), last_name: b.clone(), personal_number: c.clone(),
                email: d.clone(), phone: a.clone(), postcode: b.clone(),
                preferred_language: c.clone(), interpreter: "ja".into(),
                interpreter_language: d.clone(), accessibility_needs: a.clone(),
            };
            let _ = about.parse(today());
            let exp = ExperienceForm { entries: vec![ExperienceEntryForm {
                employer: a.clone(), occupation: b.clone(), from: c.clone(), to: d.clone(), description: a.clone(),
            }]};
            let _ = exp.parse(today());
            let wishes = WishesForm {
                occupations: vec![a.clone()], regions: vec![b.clone()], extent: c.clone(),
                earliest_start: d.clone(), situation: a,
            };
            let _ = wishes.parse(today());
        }
    }
}
