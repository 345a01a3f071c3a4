//! What staff write into a case after a meeting: a note, the outcome, a follow-up meeting in
//! any channel with any counsellor, or a new time for the meeting. Parsed the same way in
//! the browser and on the server.

use super::{
    choices::LanguageCode,
    closed_days::{working_days_after, ClosedDays},
    field_error::{FieldError, FieldErrors},
    open_time::{parse_clock, DAY_ENDS, DAY_STARTS, GRID_MINUTES},
    time::{parse_iso_date, stockholm_date},
    BookingStatus, Channel, FieldCode,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The longest note (the database holds the same limit).
pub const MAX_NOTE: usize = 4000;

/// How a meeting went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Held,
    NoShow,
}

impl Outcome {
    /// The booking status it sets.
    pub fn status(self) -> BookingStatus {
        match self {
            Outcome::Held => BookingStatus::Held,
            Outcome::NoShow => BookingStatus::NoShow,
        }
    }

    /// The form value: the name of the status it sets.
    pub fn as_str(self) -> &'static str {
        self.status().as_str()
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Outcome::Held, Outcome::NoShow]
            .into_iter()
            .find(|o| o.as_str() == text)
    }
}

/// Until when a recorded outcome can still be corrected (held ↔ no-show): the end of the
/// next working day after the day it was `recorded` (Monday to Friday, not a public holiday
/// or a day its office is closed), so a slip on Friday can be put right on Monday.
pub fn outcome_correctable_until(
    recorded: DateTime<Utc>,
    office_id: i64,
    closed: &ClosedDays,
) -> Option<DateTime<Utc>> {
    working_days_after(stockholm_date(recorded), 1, office_id, closed)
}

/// A case note, trimmed, 1 to 4000 characters.
pub fn parse_note(text: &str) -> Result<String, FieldErrors> {
    let body = text.trim();
    let error = if body.is_empty() {
        FieldError::Required
    } else if body.chars().count() > MAX_NOTE {
        FieldError::TooLong
    } else {
        return Ok(body.to_owned());
    };
    Err(FieldErrors::from([("body".to_owned(), error)]))
}

/// A note of a contact without a meeting, as posted: `kind` (`samtal` or `besok`) and
/// `body`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactNoteForm {
    pub kind: String,
    pub body: String,
}

impl ContactNoteForm {
    /// The kind and the text, or each refused field by name.
    pub fn parse(&self) -> Result<(super::choices::ContactKind, String), FieldErrors> {
        let kind = super::choices::ContactKind::parse(&self.kind);
        let body = parse_note(&self.body);
        match (kind, body) {
            (Some(kind), Ok(body)) => Ok((kind, body)),
            (kind, body) => {
                let mut errors = body.err().unwrap_or_default();
                if kind.is_none() {
                    let e = if self.kind.trim().is_empty() {
                        FieldError::Required
                    } else {
                        FieldError::Choice
                    };
                    errors.insert("kind".to_owned(), e);
                }
                Err(errors)
            }
        }
    }
}

/// A day and a start time on the quarter-hour grid within the calendar's hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingTime {
    pub date: NaiveDate,
    /// Minutes since midnight, Stockholm.
    pub starts: u32,
}

fn meeting_time(date: &str, time: &str, errors: &mut FieldErrors) -> Option<MeetingTime> {
    use super::open_time::OpenTimeError as E;
    let date = parse_iso_date(date);
    if date.is_none() {
        errors.insert("date".into(), FieldError::Date);
    }
    let starts = match parse_clock(time) {
        None => Err(E::Clock),
        Some(m) if m % GRID_MINUTES != 0 => Err(E::Grid),
        Some(m) if !(DAY_STARTS..DAY_ENDS).contains(&m) => Err(E::OutsideDay),
        Some(m) => Ok(m),
    };
    if let Err(e) = starts {
        errors.insert("time".into(), FieldError::OpenTime(e));
    }
    Some(MeetingTime {
        date: date?,
        starts: starts.ok()?,
    })
}

/// A new time for a meeting, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    pub date: String,
    pub time: String,
}

impl MoveForm {
    pub fn parse(&self) -> Result<MeetingTime, FieldErrors> {
        let mut errors = FieldErrors::new();
        match meeting_time(&self.date, &self.time, &mut errors) {
            Some(t) if errors.is_empty() => Ok(t),
            _ => Err(errors),
        }
    }
}

/// A follow-up meeting, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUpForm {
    pub counsellor: String,
    pub channel: String,
    /// A time chosen in the picker, `YYYY-MM-DD HH:MM` in Stockholm; when given, it stands
    /// for `date` and `time`.
    pub slot: String,
    pub date: String,
    pub time: String,
}

/// A follow-up meeting: with whom, how and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUp {
    pub counsellor_id: i64,
    pub channel: Channel,
    pub at: MeetingTime,
}

impl FollowUpForm {
    pub fn parse(&self) -> Result<FollowUp, FieldErrors> {
        let mut errors = FieldErrors::new();
        let counsellor = self.counsellor.trim().parse::<i64>().ok();
        if counsellor.is_none() {
            errors.insert("counsellor".into(), FieldError::Choice);
        }
        let channel = self.channel.parse::<Channel>().ok();
        if channel.is_none() {
            errors.insert("channel".into(), FieldError::Choice);
        }
        let at = match self.slot.trim().split_once(' ') {
            Some((date, time)) => meeting_time(date, time, &mut errors),
            None if !self.slot.trim().is_empty() => {
                errors.insert("slot".into(), FieldError::Choice);
                None
            }
            None if self.date.is_empty() && self.time.is_empty() => {
                // Nothing chosen in the picker (and no time typed).
                errors.insert("slot".into(), FieldError::Required);
                None
            }
            None => meeting_time(&self.date, &self.time, &mut errors),
        };
        match (counsellor, channel, at) {
            (Some(counsellor_id), Some(channel), Some(at)) if errors.is_empty() => Ok(FollowUp {
                counsellor_id,
                channel,
                at,
            }),
            _ => Err(errors),
        }
    }
}

/// Whom and what the follow-up picker looks for, as the address says it
/// (`uppf_handl`, `uppf_kanal`, `uppf_omr`, `uppf_sprak`, `uppf_fran`). Anything unreadable is
/// left out, and the picker falls back to its defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUpQuery {
    pub counsellor: String,
    pub channel: String,
    pub field: String,
    pub language: String,
    pub from: String,
}

/// The follow-up picker's search, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpSearch {
    pub counsellor_id: Option<i64>,
    pub channel: Option<Channel>,
    pub field: Option<FieldCode>,
    pub language: Option<LanguageCode>,
    pub from: Option<NaiveDate>,
}

impl FollowUpQuery {
    pub fn parse(&self) -> FollowUpSearch {
        FollowUpSearch {
            counsellor_id: self.counsellor.trim().parse().ok(),
            channel: self.channel.parse().ok(),
            field: FieldCode::parse(self.field.trim()).ok(),
            language: LanguageCode::parse(self.language.trim()),
            from: parse_iso_date(&self.from),
        }
    }
}

/// The picker's value for a slot starting at `at`: `YYYY-MM-DD HH:MM`, Stockholm time.
pub fn slot_value(at: DateTime<Utc>) -> String {
    super::time::in_stockholm(at)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::open_time::OpenTimeError;
    use proptest::prelude::*;

    #[test]
    fn a_follow_up_is_read_with_every_mistake_named() {
        let form = FollowUpForm {
            counsellor: "12".into(),
            channel: "video".into(),
            slot: String::new(),
            date: "2026-12-01".into(),
            time: "13:30".into(),
        };
        let f = form.parse().unwrap();
        assert_eq!(
            (f.counsellor_id, f.channel, f.at.starts),
            (12, Channel::Video, 810)
        );
        let errors = FollowUpForm {
            counsellor: "".into(),
            channel: "brev".into(),
            slot: String::new(),
            date: "1/12".into(),
            time: "13:20".into(),
        }
        .parse()
        .unwrap_err();
        assert_eq!(errors["counsellor"], FieldError::Choice);
        assert_eq!(errors["channel"], FieldError::Choice);
        assert_eq!(errors["date"], FieldError::Date);
        assert_eq!(errors["time"], FieldError::OpenTime(OpenTimeError::Grid));
        let late = MoveForm {
            date: "2026-12-01".into(),
            time: "19:00".into(),
        };
        assert_eq!(
            late.parse().unwrap_err()["time"],
            FieldError::OpenTime(OpenTimeError::OutsideDay)
        );
    }

    #[test]
    fn notes_are_trimmed_and_bounded() {
        assert_eq!(
            parse_note("  Sökte tre jobb.\n").unwrap(),
            "Sökte tre jobb."
        );
        assert_eq!(
            parse_note(" \n ").unwrap_err()["body"],
            FieldError::Required
        );
        let note = |kind: &str, body: &str| ContactNoteForm {
            kind: kind.into(),
            body: body.into(),
        };
        assert_eq!(
            note("samtal", " Ringde om tolk. ").parse().unwrap(),
            (
                super::super::choices::ContactKind::Call,
                "Ringde om tolk.".to_owned()
            )
        );
        let refused = note("", "").parse().unwrap_err();
        assert_eq!(refused["kind"], FieldError::Required);
        assert_eq!(refused["body"], FieldError::Required);
        assert_eq!(
            note("brev", "x").parse().unwrap_err()["kind"],
            FieldError::Choice
        );
        assert_eq!(
            parse_note(&"å".repeat(4001)).unwrap_err()["body"],
            FieldError::TooLong
        );
        assert!(parse_note(&"å".repeat(4000)).is_ok());
        assert_eq!(Outcome::parse("no_show"), Some(Outcome::NoShow));
        assert_eq!(Outcome::parse("cancelled"), None);
    }

    proptest! {
        #[test]
        fn any_text_either_parses_within_limits_or_names_the_field(text in ".{0,4100}") {
            match parse_note(&text) {
                Ok(body) => {
                    prop_assert!(!body.is_empty() && body.chars().count() <= MAX_NOTE);
                    prop_assert_eq!(body.trim(), body.as_str());
                }
                Err(e) => prop_assert!(e.contains_key("body")),
            }
        }
    }

    #[test]
    fn an_outcome_can_be_corrected_until_the_end_of_the_next_working_day() {
        use crate::domain::time::stockholm_to_utc;
        use chrono::NaiveTime;
        let at = |m: u32, d: u32, h: u32| {
            stockholm_to_utc(
                NaiveDate::from_ymd_opt(2026, m, d).unwrap(),
                NaiveTime::from_hms_opt(h, 0, 0).unwrap(),
            )
            .unwrap()
        };
        let none = ClosedDays::default();
        // Tuesday → the end of Wednesday.
        assert_eq!(
            outcome_correctable_until(at(12, 1, 10), 1, &none),
            Some(at(12, 3, 0))
        );
        // Friday → the end of Monday.
        assert_eq!(
            outcome_correctable_until(at(12, 4, 15), 1, &none),
            Some(at(12, 8, 0))
        );
        // Wednesday 23 December → julafton and juldagen are closed, then the weekend (with
        // annandag jul): the end of Monday 28 December.
        assert_eq!(
            outcome_correctable_until(at(12, 23, 9), 1, &none),
            Some(at(12, 29, 0))
        );
        // The office's own closed day counts too, only for that office.
        let planning = ClosedDays::new([(1, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap())]);
        assert_eq!(
            outcome_correctable_until(at(12, 1, 10), 1, &planning),
            Some(at(12, 4, 0))
        );
        assert_eq!(
            outcome_correctable_until(at(12, 1, 10), 2, &planning),
            Some(at(12, 3, 0))
        );
    }

    proptest! {
        /// The window always ends after the meeting's own day and lasts at most a fortnight
        /// (the longest run of closed days, Christmas to trettondedag, is shorter).
        #[test]
        fn the_correction_window_ends_after_the_meeting_day(secs in 1_700_000_000i64..2_200_000_000) {
            let starts = DateTime::from_timestamp(secs, 0).unwrap();
            let until = outcome_correctable_until(starts, 1, &ClosedDays::default()).unwrap();
            prop_assert!(until > starts);
            prop_assert!(stockholm_date(until - chrono::Duration::seconds(1)) > stockholm_date(starts));
            prop_assert!(until - starts < chrono::Duration::days(14));
        }
    }

    #[test]
    fn a_slot_chosen_in_the_picker_stands_for_date_and_time() {
        let form = FollowUpForm {
            counsellor: "3".into(),
            channel: "phone".into(),
            slot: "2026-12-08 09:45".into(),
            ..FollowUpForm::default()
        };
        let f = form.parse().unwrap();
        assert_eq!(
            (f.at.date.to_string(), f.at.starts),
            ("2026-12-08".to_owned(), 585)
        );
        let nothing = FollowUpForm {
            slot: String::new(),
            ..form.clone()
        };
        assert_eq!(nothing.parse().unwrap_err()["slot"], FieldError::Required);
        let garbled = FollowUpForm {
            slot: "imorgon".into(),
            ..form.clone()
        };
        assert_eq!(garbled.parse().unwrap_err()["slot"], FieldError::Choice);
        let off_grid = FollowUpForm {
            slot: "2026-12-08 09:50".into(),
            ..form
        };
        assert_eq!(
            off_grid.parse().unwrap_err()["time"],
            FieldError::OpenTime(OpenTimeError::Grid)
        );
    }

    #[test]
    fn the_picker_address_is_read_leaving_out_what_is_unreadable() {
        let q = FollowUpQuery {
            counsellor: "12".into(),
            channel: "video".into(),
            field: "data-it".into(),
            language: "ar".into(),
            from: "2026-12-14".into(),
        };
        let s = q.parse();
        assert_eq!(s.counsellor_id, Some(12));
        assert_eq!(s.channel, Some(Channel::Video));
        assert_eq!(s.field, FieldCode::parse("data-it").ok());
        assert_eq!(s.language, Some(LanguageCode::Ar));
        assert_eq!(s.from, NaiveDate::from_ymd_opt(2026, 12, 14));
        let bad = FollowUpQuery {
            counsellor: "x".into(),
            channel: "brev".into(),
            field: "Data IT".into(),
            language: "zz".into(),
            from: "14/12".into(),
        };
        assert_eq!(bad.parse(), FollowUpSearch::default());
    }

    #[test]
    fn a_slot_value_is_stockholm_wall_time() {
        let at = crate::domain::time::stockholm_to_utc(
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            chrono::NaiveTime::from_hms_opt(10, 15, 0).unwrap(),
        )
        .unwrap();
        assert_eq!(slot_value(at), "2026-07-01 10:15");
    }
}
