//! What a job seeker sends when booking, moving or cancelling a meeting, parsed into checked
//! values. The picker's choice names a counsellor and a start; the server still checks that
//! the time is free, and the database that nobody else took it meanwhile.

use super::{
    choices::{CancelReason, StaffCancelReason},
    field_error::{choice, optional_text, FieldError, FieldErrors},
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest note a cancellation may carry.
pub const MAX_CANCEL_NOTE: usize = 500;

/// One time offered in the picker: with whom and when. In a form it is the value
/// `COUNSELLOR-UNIXSECONDS`, so one radio button carries both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SlotChoice {
    pub counsellor_id: i64,
    pub start: DateTime<Utc>,
}

impl SlotChoice {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(FieldError::Required);
        }
        let (id, secs) = input.split_once('-').ok_or(FieldError::Choice)?;
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(id) || !digits(secs) {
            return Err(FieldError::Choice);
        }
        let counsellor_id: i64 = id.parse().map_err(|_| FieldError::Choice)?;
        let secs: i64 = secs.parse().map_err(|_| FieldError::Choice)?;
        let start = DateTime::from_timestamp(secs, 0).ok_or(FieldError::Choice)?;
        if counsellor_id <= 0 {
            return Err(FieldError::Choice);
        }
        Ok(SlotChoice {
            counsellor_id,
            start,
        })
    }

    pub fn as_value(&self) -> String {
        format!("{}-{}", self.counsellor_id, self.start.timestamp())
    }
}

/// A cancellation as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub note: String,
}

/// A checked cancellation: a reason from the list, and a note, which "other" requires.
/// The seeker's reasons (`CancelReason`) or staff's (`StaffCancelReason`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation<R = CancelReason> {
    pub reason: R,
    pub note: String,
}

impl CancelForm {
    /// A seeker's cancellation.
    pub fn parse(&self) -> Result<Cancellation, FieldErrors> {
        self.parse_with(CancelReason::parse, CancelReason::Other)
    }

    /// Staff's cancellation of a meeting.
    pub fn parse_by_staff(&self) -> Result<Cancellation<StaffCancelReason>, FieldErrors> {
        self.parse_with(StaffCancelReason::parse, StaffCancelReason::Other)
    }

    /// An employer's cancellation of a meeting with an employer counsellor.
    pub fn parse_by_employer(
        &self,
    ) -> Result<Cancellation<super::choices::EmployerCancelReason>, FieldErrors> {
        use super::choices::EmployerCancelReason as R;
        self.parse_with(R::parse, R::Other)
    }

    fn parse_with<R: Copy + PartialEq>(
        &self,
        parse: fn(&str) -> Option<R>,
        other: R,
    ) -> Result<Cancellation<R>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let reason = choice(&self.reason, parse);
        let note = optional_text(&self.note, MAX_CANCEL_NOTE);
        if let Err(e) = reason {
            errors.insert("reason".into(), e);
        }
        match &note {
            Err(e) => {
                errors.insert("note".into(), *e);
            }
            Ok(n) if n.is_empty() && reason == Ok(other) => {
                errors.insert("note".into(), FieldError::Required);
            }
            Ok(_) => {}
        }
        match (reason, note) {
            (Ok(reason), Ok(note)) if errors.is_empty() => Ok(Cancellation { reason, note }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_choice_is_a_counsellor_and_a_whole_second() {
        let c = SlotChoice::parse("12-1795510800").unwrap();
        assert_eq!(c.counsellor_id, 12);
        assert_eq!(c.start.to_rfc3339(), "2026-11-24T09:00:00+00:00");
        assert_eq!(c.as_value(), "12-1795510800");
        assert_eq!(SlotChoice::parse(" "), Err(FieldError::Required));
        for bad in [
            "12",
            "-1795510800",
            "12-",
            "x-1",
            "12-17954244.5",
            "0-1795510800",
            "12-99999999999999999",
            "12--5",
            "12-1795510800-3",
        ] {
            assert_eq!(SlotChoice::parse(bad), Err(FieldError::Choice), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_choice_survives_the_form(id in 1i64..1_000_000, secs in 0i64..4_000_000_000) {
            let choice = SlotChoice { counsellor_id: id, start: DateTime::from_timestamp(secs, 0).unwrap() };
            prop_assert_eq!(SlotChoice::parse(&choice.as_value()), Ok(choice));
        }

        #[test]
        fn no_input_panics(input in ".{0,40}") {
            let _ = SlotChoice::parse(&input);
        }
    }

    #[test]
    fn cancelling_needs_a_reason_and_other_needs_words() {
        let form = |reason: &str, note: &str| CancelForm {
            reason: reason.into(),
            note: note.into(),
        };
        assert_eq!(
            form("sjuk", "").parse(),
            Ok(Cancellation {
                reason: CancelReason::Illness,
                note: String::new()
            })
        );
        assert_eq!(
            form("", "").parse().unwrap_err().get("reason"),
            Some(&FieldError::Required)
        );
        assert_eq!(
            form("trott", "").parse().unwrap_err().get("reason"),
            Some(&FieldError::Choice)
        );
        assert_eq!(
            form("annat", " ").parse().unwrap_err().get("note"),
            Some(&FieldError::Required)
        );
        assert_eq!(form("annat", "Flyttar").parse().unwrap().note, "Flyttar");
        let long = "x".repeat(MAX_CANCEL_NOTE + 1);
        assert_eq!(
            form("sjuk", &long).parse().unwrap_err().get("note"),
            Some(&FieldError::TooLong)
        );
    }

    #[test]
    fn staff_cancel_with_their_own_reasons_and_other_needs_words() {
        let form = |reason: &str, note: &str| CancelForm {
            reason: reason.into(),
            note: note.into(),
        };
        assert_eq!(
            form("kontoret-stangt", "").parse_by_staff(),
            Ok(Cancellation {
                reason: StaffCancelReason::OfficeClosed,
                note: String::new()
            })
        );
        // The seeker's reasons are not staff's, nor the other way round.
        assert_eq!(
            form("fatt-arbete", "")
                .parse_by_staff()
                .unwrap_err()
                .get("reason"),
            Some(&FieldError::Choice)
        );
        assert_eq!(
            form("kontoret-stangt", "")
                .parse()
                .unwrap_err()
                .get("reason"),
            Some(&FieldError::Choice)
        );
        assert_eq!(
            form("annat", "").parse_by_staff().unwrap_err().get("note"),
            Some(&FieldError::Required)
        );
        assert_eq!(
            form("annat", " Lokalen vattenskadad ")
                .parse_by_staff()
                .unwrap()
                .note,
            "Lokalen vattenskadad"
        );
    }
}
