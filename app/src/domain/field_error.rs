//! Why a field was refused: the one vocabulary every form's errors are told in (each error
//! has a sentence in the locale files), the limits on what may be typed, and the small checks
//! the forms share.

use super::{
    capacity::CapacityError, contact::ContactError, employer::org_number::OrgNumberError,
    figures::PeriodError, open_time::OpenTimeError, personnummer::PersonalNumberError,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The youngest a job seeker may register (years).
pub const MIN_SEEKER_AGE: u32 = 16;

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
    /// Younger than [`MIN_SEEKER_AGE`]: not yet someone who registers as a job seeker.
    TooYoung,
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
    /// Common, a pattern or made of the person's own details (checked by the server).
    PasswordGuessable,
    /// Changing one's email to one another account has.
    EmailInUse,
    /// A span of open time in the staff calendar.
    OpenTime(OpenTimeError),
    /// Outside the bounds it may take (an absence can only be shortened).
    OutsideRange,
    /// A field of an office's capacity form.
    Capacity(CapacityError),
    /// The period of the follow-up figures.
    Period(PeriodError),
    /// Opening hours not written like `09:00–12:00` (the office form).
    OpeningSpan,
    /// An opening span closes before it opens.
    ClosesFirst,
    /// Two opening spans of one day overlap.
    SpansOverlap,
    /// Not a postcode area of two or three digits.
    PostcodeArea,
    /// Another office serves the postcode area.
    PostcodeAreaTaken,
    /// An activity dated outside the month reported.
    DateOutsidePeriod,
    /// Days worked: not a whole number from 1 to the month's days.
    Days,
    /// Hours worked: not a whole number from 1 to 24 a day worked.
    Hours,
    /// A report with no activities and no reason given.
    NoActivities,
    /// An organisation number (the employer service), with the rule it broke.
    OrgNumber(OrgNumberError),
    /// Positions of a recruitment need: not a whole number from 1 to 999.
    Positions,
    /// The last day to apply falls after the work starts.
    ApplyAfterStart,
    /// A date further ahead than the form allows.
    DateTooFar,
    /// Not a registration draft's code (ten digits 0–9 and letters A–F).
    DraftCode,
    /// Not the password of the signed-in account (asked again before a lasting change).
    WrongPassword,
}

/// Field name → what is wrong with it. Names of list entries carry their index:
/// `entries.2.employer`.
pub type FieldErrors = BTreeMap<String, FieldError>;

pub const MAX_SHORT_TEXT: usize = 200;
pub const MAX_LONG_TEXT: usize = 2000;
pub const MAX_ENTRIES: usize = 30;

/// Collects one error per field while a step is checked.
#[derive(Default)]
pub(crate) struct Errors(FieldErrors);

impl Errors {
    pub(crate) fn check<T>(&mut self, field: &str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.add(field, error);
                None
            }
        }
    }

    pub(crate) fn add(&mut self, field: &str, error: FieldError) {
        self.0.entry(field.to_owned()).or_insert(error);
    }

    pub(crate) fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    pub(crate) fn finish(self) -> Result<(), FieldErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

pub(crate) fn required_text(input: &str, max: usize) -> Result<String, FieldError> {
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

pub(crate) fn choice<T>(input: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, FieldError> {
    if input.trim().is_empty() {
        Err(FieldError::Required)
    } else {
        parse(input).ok_or(FieldError::Choice)
    }
}
