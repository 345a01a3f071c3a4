//! The meeting type form: how long a meeting is, the pause after it, how soon before its
//! start and how far ahead a job seeker may book it, and the ways of meeting it is offered
//! in. Numbers are whole and carry their unit in the label: minutes, hours, days.

use super::Version;
use crate::domain::{
    field_error::{Errors, FieldError, FieldErrors},
    Channel,
};
use serde::{Deserialize, Serialize};

/// Lengths are whole quarters of an hour: times are offered on that grid.
pub const LENGTH_MINUTES: (i64, i64) = (15, 240);
pub const BUFFER_MINUTES: (i64, i64) = (0, 120);
/// Notice in hours, up to two weeks.
pub const NOTICE_HOURS: (i64, i64) = (0, 336);
/// Horizon in days, up to a year.
pub const HORIZON_DAYS: (i64, i64) = (1, 365);

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingTypeForm {
    pub minutes: String,
    pub buffer_minutes: String,
    pub notice_hours: String,
    pub horizon_days: String,
    pub channels: Vec<String>,
    pub version: String,
}

/// A meeting type's rules as saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingTypeDraft {
    pub minutes: i64,
    pub buffer_minutes: i64,
    pub notice_minutes: i64,
    pub horizon_days: i64,
    pub channels: Vec<Channel>,
    pub version: Version,
}

/// A whole number within `(low, high)`, both included, and a multiple of `step`.
fn number(input: &str, (low, high): (i64, i64), step: i64) -> Result<i64, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    let n: i64 = s.parse().map_err(|_| FieldError::Malformed)?;
    if n < low || n > high || n % step != 0 {
        Err(FieldError::OutsideRange)
    } else {
        Ok(n)
    }
}

impl MeetingTypeForm {
    pub fn parse(&self) -> Result<MeetingTypeDraft, FieldErrors> {
        let mut errors = Errors::default();
        let minutes = errors.check("minutes", number(&self.minutes, LENGTH_MINUTES, 15));
        let buffer = errors.check(
            "buffer_minutes",
            number(&self.buffer_minutes, BUFFER_MINUTES, 5),
        );
        let notice = errors.check("notice_hours", number(&self.notice_hours, NOTICE_HOURS, 1));
        let horizon = errors.check("horizon_days", number(&self.horizon_days, HORIZON_DAYS, 1));
        let mut channels: Vec<Channel> = Vec::new();
        for c in self.channels.iter().filter(|c| !c.trim().is_empty()) {
            match c.trim().parse::<Channel>() {
                Ok(ch) if !channels.contains(&ch) => channels.push(ch),
                Ok(_) => {}
                Err(_) => errors.add("channels", FieldError::Choice),
            }
        }
        if channels.is_empty() {
            errors.add("channels", FieldError::Required);
        }
        channels.sort();
        let version = errors.check(
            "_",
            Version::parse(&self.version).ok_or(FieldError::Malformed),
        );
        errors.finish()?;
        match (minutes, buffer, notice, horizon, version) {
            (Some(minutes), Some(buffer), Some(notice), Some(horizon), Some(version)) => {
                Ok(MeetingTypeDraft {
                    minutes,
                    buffer_minutes: buffer,
                    notice_minutes: notice * 60,
                    horizon_days: horizon,
                    channels,
                    version,
                })
            }
            _ => Err(FieldErrors::from([("_".to_owned(), FieldError::Malformed)])),
        }
    }
}

impl MeetingTypeDraft {
    /// The form again, as the page shows a saved type.
    pub fn to_form(&self) -> MeetingTypeForm {
        MeetingTypeForm {
            minutes: self.minutes.to_string(),
            buffer_minutes: self.buffer_minutes.to_string(),
            notice_hours: (self.notice_minutes / 60).to_string(),
            horizon_days: self.horizon_days.to_string(),
            channels: self
                .channels
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            version: self.version.get().to_string(),
        }
    }

    /// The rules in one line, for the audit trail's "from → to".
    pub fn summary(&self) -> String {
        let channels: Vec<&str> = self.channels.iter().map(|c| c.as_str()).collect();
        format!(
            "{} min; paus {} min; senast {} h före; högst {} dagar fram; {}",
            self.minutes,
            self.buffer_minutes,
            self.notice_minutes / 60,
            self.horizon_days,
            channels.join(",")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn form() -> MeetingTypeForm {
        MeetingTypeForm {
            minutes: "60".into(),
            buffer_minutes: "10".into(),
            notice_hours: "24".into(),
            horizon_days: "42".into(),
            channels: vec!["video".into(), "phone".into(), "video".into()],
            version: "3".into(),
        }
    }

    #[test]
    fn a_complete_form_is_the_rules_in_their_units() {
        let m = form().parse().unwrap();
        assert_eq!(
            (
                m.minutes,
                m.buffer_minutes,
                m.notice_minutes,
                m.horizon_days
            ),
            (60, 10, 1440, 42)
        );
        assert_eq!(m.channels, vec![Channel::Phone, Channel::Video]);
        assert_eq!(m.version.get(), 3);
    }

    #[test]
    fn each_wrong_number_is_named() {
        let bad = MeetingTypeForm {
            minutes: "50".into(),
            buffer_minutes: "".into(),
            notice_hours: "en dag".into(),
            horizon_days: "0".into(),
            channels: vec![],
            ..form()
        };
        let e = bad.parse().unwrap_err();
        assert_eq!(
            e.get("minutes"),
            Some(&FieldError::OutsideRange),
            "not on the quarter-hour grid"
        );
        assert_eq!(e.get("buffer_minutes"), Some(&FieldError::Required));
        assert_eq!(e.get("notice_hours"), Some(&FieldError::Malformed));
        assert_eq!(e.get("horizon_days"), Some(&FieldError::OutsideRange));
        assert_eq!(e.get("channels"), Some(&FieldError::Required));
        let e = MeetingTypeForm {
            channels: vec!["brev".into()],
            minutes: "255".into(),
            ..form()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("channels"), Some(&FieldError::Choice));
        assert_eq!(e.get("minutes"), Some(&FieldError::OutsideRange));
    }

    proptest! {
        /// Whatever is saved shows in the form as the same rules.
        #[test]
        fn saved_rules_read_back_the_same(
            quarters in 1i64..=16, buffer in 0i64..=24, notice in 0i64..=336, horizon in 1i64..=365,
            chans in proptest::sample::subsequence(vec!["office", "phone", "video"], 1..=3),
        ) {
            let m = MeetingTypeForm {
                minutes: (quarters * 15).to_string(),
                buffer_minutes: (buffer * 5).to_string(),
                notice_hours: notice.to_string(),
                horizon_days: horizon.to_string(),
                channels: chans.iter().map(|c| c.to_string()).collect(),
                version: "1".into(),
            }.parse().unwrap();
            prop_assert_eq!(m.to_form().parse().unwrap(), m);
        }
    }
}
