//! Taking away a job seeker's account (GDPR article 17, within what a public authority must
//! keep): what goes, what stays and until when. Decided from counts of the person's records,
//! so the page that explains it and the store that does it follow one rule.

use super::field_error::{Errors, FieldError, FieldErrors};
use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};

/// How long the authority keeps a person's case after the account is taken away: held
/// meetings, notes and activity reports are public records the agency must keep, then weeds
/// out.
pub const KEEP_YEARS: u32 = 5;

/// What the person has, counted when they ask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holdings {
    /// Meetings held or not attended: both are decisions in the case.
    pub meetings_done: u32,
    /// Meetings booked and not yet begun: cancelled first, so the counsellor sees it.
    pub meetings_ahead: u32,
    /// Every booking, cancelled ones included.
    pub bookings: u32,
    /// Notes staff wrote in the case (calls, visits, meeting notes).
    pub notes: u32,
    /// Activity reports sent, and months recorded as missed.
    pub reports: u32,
}

impl Holdings {
    /// Whether anything is a record the authority must keep.
    pub fn has_records(&self) -> bool {
        self.meetings_done > 0 || self.notes > 0 || self.reports > 0
    }
}

/// What taking away the account does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Erasure {
    /// Nothing booked and nothing to keep: everything about the person goes (their row
    /// stays, naming nobody, so its id is never anyone else's).
    Everything,
    /// Bookings were made but none held: they stay on the counsellors' calendars as
    /// cancelled, naming nobody; everything else about the person goes.
    Anonymised,
    /// Records the authority must keep stay, with the name and personal identity number
    /// they are about, until `keep_until`; the account, contact details and drafts go. The
    /// profile stays when a meeting was held (it prepared that meeting), else it goes.
    Kept {
        keep_until: DateTime<Utc>,
        keep_profile: bool,
    },
}

impl Erasure {
    pub fn of(holdings: &Holdings, now: DateTime<Utc>) -> Self {
        if holdings.has_records() {
            Erasure::Kept {
                keep_until: keep_until(now),
                keep_profile: holdings.meetings_done > 0,
            }
        } else if holdings.bookings > 0 || holdings.meetings_ahead > 0 {
            Erasure::Anonymised
        } else {
            Erasure::Everything
        }
    }

    /// Whether the person's name and number stay with the kept records.
    pub fn keeps_identity(&self) -> bool {
        matches!(self, Erasure::Kept { .. })
    }
}

/// The last day kept records are held, counted from the day the account was taken away.
pub fn keep_until(from: DateTime<Utc>) -> DateTime<Utc> {
    from.checked_add_months(Months::new(12 * KEEP_YEARS))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// What stands in for a taken-away person's personal identity number, so the real one is
/// free for a new registration: twelve characters (as the column requires) that no personal
/// identity number can be, unique by the row's id.
pub fn placeholder_number(seeker_id: i64) -> String {
    format!("X{:011}", seeker_id.rem_euclid(100_000_000_000))
}

/// What stands in for a taken-away person's email address: unique, and in the `.invalid`
/// domain, which never receives mail (RFC 2606).
pub fn placeholder_email(seeker_id: i64) -> String {
    format!("borttagen-{seeker_id}@tidbok.invalid")
}

/// The request to take the account away, as posted: the password again (whoever finds a
/// signed-in browser cannot do it) and the box that says they understand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    /// Named apart from the registration's `password`, which is an argument of its own.
    pub current_password: String,
    /// `ja` when ticked.
    pub confirm: String,
}

/// The longest password looked at; longer ones are not anyone's.
const MAX_PASSWORD: usize = 1024;

impl EraseForm {
    /// The password to check, when both are there.
    pub fn parse(&self) -> Result<&str, FieldErrors> {
        let mut errors = Errors::default();
        if self.current_password.is_empty() {
            errors.add("current_password", FieldError::Required);
        } else if self.current_password.chars().count() > MAX_PASSWORD {
            errors.add("current_password", FieldError::WrongPassword);
        }
        if self.confirm != "ja" {
            errors.add("confirm", FieldError::Required);
        }
        errors.finish()?;
        Ok(&self.current_password)
    }

    /// What comes back to the form after a refusal: never the password.
    pub fn without_password(&self) -> Self {
        Self {
            current_password: String::new(),
            confirm: self.confirm.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PersonalNumber;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
    }

    #[test]
    fn nothing_booked_and_nothing_kept_takes_everything() {
        assert_eq!(
            Erasure::of(&Holdings::default(), at(2026, 12, 7)),
            Erasure::Everything
        );
    }

    #[test]
    fn cancelled_or_coming_meetings_leave_rows_that_name_nobody() {
        let booked = Holdings {
            meetings_ahead: 1,
            bookings: 2,
            ..Holdings::default()
        };
        assert_eq!(Erasure::of(&booked, at(2026, 12, 7)), Erasure::Anonymised);
        assert!(!Erasure::Anonymised.keeps_identity());
    }

    #[test]
    fn a_held_meeting_keeps_the_case_and_its_profile_five_years() {
        let held = Holdings {
            meetings_done: 1,
            bookings: 1,
            ..Holdings::default()
        };
        let e = Erasure::of(&held, at(2026, 12, 7));
        assert_eq!(
            e,
            Erasure::Kept {
                keep_until: at(2031, 12, 7),
                keep_profile: true
            }
        );
        assert!(e.keeps_identity());
    }

    #[test]
    fn a_report_alone_keeps_the_case_but_not_the_unused_profile() {
        let reported = Holdings {
            reports: 2,
            ..Holdings::default()
        };
        assert!(matches!(
            Erasure::of(&reported, at(2026, 12, 7)),
            Erasure::Kept {
                keep_profile: false,
                ..
            }
        ));
    }

    #[test]
    fn keeping_ends_on_the_same_day_five_years_on_and_a_leap_day_falls_back() {
        assert_eq!(keep_until(at(2028, 2, 29)), at(2033, 2, 28));
        assert_eq!(keep_until(at(2026, 1, 31)), at(2031, 1, 31));
    }

    #[test]
    fn placeholders_fit_the_columns_and_are_never_a_personal_number_or_mail_address() {
        let n = placeholder_number(42);
        assert_eq!(n, "X00000000042");
        assert_eq!(n.len(), 12);
        assert!(PersonalNumber::from_stored(&n).is_none());
        assert!(placeholder_email(42).ends_with(".invalid"));
    }

    #[test]
    fn taking_away_needs_the_password_and_the_box_ticked() {
        let form = |password: &str, confirm: &str| EraseForm {
            current_password: password.into(),
            confirm: confirm.into(),
        };
        assert_eq!(
            form("hemligt lösenord", "ja").parse(),
            Ok("hemligt lösenord")
        );
        let errors = form("", "").parse().unwrap_err();
        assert_eq!(errors.get("current_password"), Some(&FieldError::Required));
        assert_eq!(errors.get("confirm"), Some(&FieldError::Required));
        assert_eq!(
            form(&"x".repeat(2000), "ja")
                .parse()
                .unwrap_err()
                .get("current_password"),
            Some(&FieldError::WrongPassword)
        );
        assert_eq!(
            form("hemligt", "ja").without_password().current_password,
            ""
        );
    }

    proptest! {
        #[test]
        fn records_always_keep_and_keeping_is_never_shorter_than_the_rule(
            done in 0u32..5, ahead in 0u32..5, notes in 0u32..5, reports in 0u32..5,
            extra in 0u32..5, days in 0i64..4000,
        ) {
            let now = at(2026, 12, 7) + chrono::Duration::days(days);
            let h = Holdings {
                meetings_done: done,
                meetings_ahead: ahead,
                bookings: done + ahead + extra,
                notes,
                reports,
            };
            match Erasure::of(&h, now) {
                Erasure::Kept { keep_until: until, keep_profile } => {
                    prop_assert!(h.has_records());
                    prop_assert_eq!(until, keep_until(now));
                    prop_assert!(until > now);
                    prop_assert_eq!(keep_profile, done > 0);
                }
                Erasure::Anonymised => prop_assert!(!h.has_records() && h.bookings > 0),
                Erasure::Everything => prop_assert!(!h.has_records() && h.bookings == 0),
            }
        }

        #[test]
        fn placeholders_are_unique_per_row(a in 1i64..99_999_999_999, b in 1i64..99_999_999_999) {
            prop_assume!(a != b);
            prop_assert_ne!(placeholder_number(a), placeholder_number(b));
            prop_assert_ne!(placeholder_email(a), placeholder_email(b));
        }
    }
}
