//! Registration: what a job seeker types, step by step, and what it has to be before an
//! account is created. The forms hold exactly what was typed (so nothing is ever lost, and a
//! draft can be saved however wrong it is); `parse` turns a form into checked values or into
//! one error per field. The browser runs the same `parse` on input as the server does on save.

use super::{
    choices::{
        DrivingLicence, EducationLevel, Extent, LanguageCode, LanguageLevel, Region, Situation,
    },
    contact::ContactError,
    personnummer::{PersonalNumber, PersonalNumberError},
    Email, PhoneNumber, Postcode,
};
use chrono::{Datelike, NaiveDate};
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

    pub fn path(self) -> String {
        format!("/registrera/{}", self.slug())
    }

    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self as usize + 1).copied()
    }

    pub fn previous(self) -> Option<Self> {
        (self as usize).checked_sub(1).map(|i| Self::ALL[i])
    }
}

/// Why one field was refused. Each has a sentence in the locale files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldError {
    /// The request itself did not have the expected shape (a tampered or outdated form).
    Malformed,
    Required,
    TooLong,
    /// Digits or control characters in a name.
    Name,
    PersonalNumber(PersonalNumberError),
    Contact(ContactError),
    /// Not one of the values the form offers.
    Choice,
    /// An interpreter was asked for, but not for which language.
    InterpreterLanguage,
    /// Not a month written `YYYY-MM`.
    Month,
    MonthInFuture,
    /// The end lies before the start.
    MonthOrder,
    /// Not a year between 1940 and a few years ahead.
    Year,
    /// Not a date written `YYYY-MM-DD`.
    Date,
    DateInPast,
    /// The same language twice.
    Duplicate,
    TooMany,
    /// A desired occupation that is not in the taxonomy.
    UnknownOccupation,
    PasswordTooShort,
    PasswordTooLong,
    /// Registered already: sign in instead.
    PersonalNumberTaken,
    EmailTaken,
    /// Changing one's email to one another account has.
    EmailInUse,
    /// A span of open time in the staff calendar.
    OpenTime(super::open_time::OpenTimeError),
}

/// Field name → what is wrong with it. Names of list entries carry their index:
/// `entries.2.employer`.
pub type FieldErrors = BTreeMap<String, FieldError>;

pub const MAX_NAME: usize = 100;
pub const MAX_SHORT_TEXT: usize = 200;
pub const MAX_LONG_TEXT: usize = 2000;
pub const MAX_ENTRIES: usize = 30;
pub const MAX_DESIRED_OCCUPATIONS: usize = 10;
pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD: usize = 128;

// ---------------------------------------------------------------------------------------
// Step 1: about you and contact
// ---------------------------------------------------------------------------------------

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
            PersonalNumber::parse(&self.personal_number, today).map_err(FieldError::PersonalNumber),
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
    fn check(&self, errors: &mut Errors) -> Option<ContactDetails> {
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

// ---------------------------------------------------------------------------------------
// Step 2: work experience
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Step 3: education and skills
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Step 4: what you are looking for
// ---------------------------------------------------------------------------------------

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
            .any(|c| super::FieldCode::parse(c).is_err())
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
    let date = super::time::parse_iso_date(s).ok_or(FieldError::Date)?;
    if date < today {
        Err(FieldError::DateInPast)
    } else if date.year() > today.year() + 5 {
        Err(FieldError::Date)
    } else {
        Ok(Some(date))
    }
}

// ---------------------------------------------------------------------------------------
// Step 5 and the whole
// ---------------------------------------------------------------------------------------

/// A password for the new account: long enough, and bounded so that hashing stays cheap.
/// Never stored in a draft, never logged.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let chars = input.chars().count();
        if input.trim().is_empty() {
            Err(FieldError::Required)
        } else if chars < MIN_PASSWORD {
            Err(FieldError::PasswordTooShort)
        } else if chars > MAX_PASSWORD {
            Err(FieldError::PasswordTooLong)
        } else {
            Ok(Self(input.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
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
    /// What only the server can know, e.g. an email that is registered already. Cleared
    /// when the step is saved again.
    pub conflicts: FieldErrors,
    /// Why the password was refused at the last attempt to send; the password itself is
    /// never kept.
    pub password_error: Option<FieldError>,
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
        let mut errors = match step {
            Step::About => self.about.parse(today).err(),
            Step::Experience => self.experience.parse(today).err(),
            Step::Education => self.education.parse(today).err(),
            Step::Wishes => self.wishes.parse(today).err(),
            Step::Review => None,
        }
        .unwrap_or_default();
        if step == Step::About {
            for (field, error) in &self.conflicts {
                errors.entry(field.clone()).or_insert(*error);
            }
        }
        errors
    }

    /// The first step that still has errors, if any.
    pub fn first_incomplete(&self, today: NaiveDate) -> Option<Step> {
        Step::ALL
            .into_iter()
            .find(|step| !self.errors(*step, today).is_empty())
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
            (Ok(about), Ok(experience), Ok(skills), Ok(wishes)) if self.conflicts.is_empty() => {
                Ok(Registration {
                    about,
                    experience,
                    skills,
                    wishes,
                })
            }
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

// ---------------------------------------------------------------------------------------
// Small checks shared by the steps
// ---------------------------------------------------------------------------------------

/// Collects one error per field while a step is checked.
#[derive(Default)]
struct Errors(FieldErrors);

impl Errors {
    fn check<T>(&mut self, field: &str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.add(field, error);
                None
            }
        }
    }

    fn add(&mut self, field: &str, error: FieldError) {
        self.0.entry(field.to_owned()).or_insert(error);
    }

    fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    fn finish(self) -> Result<(), FieldErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

fn required_text(input: &str, max: usize) -> Result<String, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        Err(FieldError::Required)
    } else {
        optional_text(s, max)
    }
}

pub(crate) fn optional_text(input: &str, max: usize) -> Result<String, FieldError> {
    let s = input.trim();
    if s.chars().count() > max {
        Err(FieldError::TooLong)
    } else {
        Ok(s.to_owned())
    }
}

/// A first or last name: any letters, spaces, hyphens and apostrophes, no digits.
fn name(input: &str) -> Result<String, FieldError> {
    let s = required_text(input, MAX_NAME)?;
    if s.chars()
        .any(|c| c.is_ascii_digit() || c.is_control() || "<>@".contains(c))
    {
        Err(FieldError::Name)
    } else {
        Ok(s)
    }
}

pub(crate) fn choice<T>(input: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, FieldError> {
    if input.trim().is_empty() {
        Err(FieldError::Required)
    } else {
        parse(input).ok_or(FieldError::Choice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    pub fn valid_about() -> AboutForm {
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

    fn valid_draft() -> RegistrationDraft {
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

    #[test]
    fn passwords_are_long_enough_and_never_printed() {
        assert_eq!(Password::parse("kort"), Err(FieldError::PasswordTooShort));
        assert_eq!(Password::parse(""), Err(FieldError::Required));
        assert_eq!(
            Password::parse(&"å".repeat(MAX_PASSWORD + 1)),
            Err(FieldError::PasswordTooLong)
        );
        // Twelve characters, counted as characters, not bytes.
        let pw = Password::parse("åäöåäöåäöåäö").unwrap();
        assert_eq!(format!("{pw:?}"), "Password(…)");
    }

    #[test]
    fn the_draft_reports_conflicts_and_the_first_step_left_to_do() {
        let mut draft = valid_draft();
        assert_eq!(draft.first_incomplete(today()), None);
        draft
            .conflicts
            .insert("email".into(), FieldError::EmailTaken);
        assert_eq!(draft.first_incomplete(today()), Some(Step::About));
        let errors = draft.parse(today()).unwrap_err();
        assert_eq!(errors[&Step::About]["email"], FieldError::EmailTaken);
        draft.conflicts.clear();
        draft.wishes.situation.clear();
        assert_eq!(draft.first_incomplete(today()), Some(Step::Wishes));
    }

    #[test]
    fn steps_go_forward_and_back_by_their_swedish_addresses() {
        assert_eq!(Step::from_slug("utbildning"), Some(Step::Education));
        assert_eq!(Step::About.previous(), None);
        assert_eq!(Step::Wishes.next(), Some(Step::Review));
        assert_eq!(Step::Review.next(), None);
        assert_eq!(Step::Review.number(), 5);
        assert_eq!(Step::Experience.path(), "/registrera/erfarenhet");
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
}
