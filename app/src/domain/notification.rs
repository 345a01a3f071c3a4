//! What the seeker is told about their meetings, and when: which event, by which medium, the
//! reminder's time and how long to wait before trying a failed message again. No I/O: the
//! store keeps the outbox, the server's worker sends it.

use chrono::{DateTime, Duration, Utc};

/// What happened to a booking that the seeker is told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageEvent {
    Booked,
    Moved,
    Cancelled,
    Reminder,
}

impl MessageEvent {
    pub const ALL: [MessageEvent; 4] = [
        MessageEvent::Booked,
        MessageEvent::Moved,
        MessageEvent::Cancelled,
        MessageEvent::Reminder,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MessageEvent::Booked => "booked",
            MessageEvent::Moved => "moved",
            MessageEvent::Cancelled => "cancelled",
            MessageEvent::Reminder => "reminder",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == s)
    }

    /// How the seeker hears of it. Every event goes by email (with the calendar file); the
    /// ones that change a day they may already have planned, and the reminder, also by text
    /// message. The confirmation of a new booking was just on their screen.
    pub fn media(self) -> &'static [Medium] {
        match self {
            MessageEvent::Booked => &[Medium::Email],
            MessageEvent::Moved | MessageEvent::Cancelled | MessageEvent::Reminder => {
                &[Medium::Email, Medium::Sms]
            }
        }
    }
}

/// What happened to an account that its owner is told about, by email only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountEvent {
    /// Someone tried to register with the owner's personal identity number or email. The
    /// person registering is told nothing of it (that would reveal who is registered); the
    /// owner learns of it here.
    RegistrationAttempt,
}

impl AccountEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountEvent::RegistrationAttempt => "registration_attempt",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        (s == "registration_attempt").then_some(AccountEvent::RegistrationAttempt)
    }
}

/// At most one such message per account in this long, so repeated attempts cannot flood
/// the owner's inbox.
pub const ACCOUNT_NOTICE_EVERY: Duration = Duration::hours(24);

/// How a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Medium {
    Email,
    Sms,
}

impl Medium {
    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Email => "email",
            Medium::Sms => "sms",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "email" => Some(Medium::Email),
            "sms" => Some(Medium::Sms),
            _ => None,
        }
    }
}

/// The language messages are written in: Swedish, or English for those who use the service
/// in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MessageLanguage {
    #[default]
    Sv,
    En,
}

impl MessageLanguage {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageLanguage::Sv => "sv",
            MessageLanguage::En => "en",
        }
    }

    /// Any other locale falls back to Swedish, the service's first language.
    pub fn from_locale(locale: &str) -> Self {
        if locale.trim().to_ascii_lowercase().starts_with("en") {
            MessageLanguage::En
        } else {
            MessageLanguage::Sv
        }
    }
}

/// How long before a meeting its reminder goes out.
pub const REMINDER_BEFORE: Duration = Duration::hours(24);

/// When the reminder for a meeting starting at `starts` is due, if there is still time for
/// one: a meeting booked less than a day ahead gets none, the confirmation is enough.
pub fn reminder_due(starts: DateTime<Utc>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let due = starts - REMINDER_BEFORE;
    (due > now).then_some(due)
}

/// Tries before a message is given up as failed (and logged as an error).
pub const MAX_ATTEMPTS: i64 = 8;

/// The wait before the next try after `attempts` failed ones: 30 s, 1 min, 2 min, … up to
/// an hour, so a mail server that is down for a while is not hammered, and eight tries span
/// about two hours. `None` once the message should be given up.
pub fn retry_after(attempts: i64) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let exponent = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    let seconds = 30i64.saturating_mul(1i64 << exponent);
    Some(Duration::seconds(seconds.min(3600)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    #[test]
    fn names_round_trip() {
        for e in MessageEvent::ALL {
            assert_eq!(MessageEvent::parse(e.as_str()), Some(e));
        }
        assert_eq!(MessageEvent::parse("sent"), None);
        let attempt = AccountEvent::RegistrationAttempt;
        assert_eq!(AccountEvent::parse(attempt.as_str()), Some(attempt));
        assert_eq!(MessageEvent::parse(attempt.as_str()), None);
        for m in [Medium::Email, Medium::Sms] {
            assert_eq!(Medium::parse(m.as_str()), Some(m));
        }
        assert_eq!(Medium::parse("fax"), None);
    }

    #[test]
    fn every_event_is_emailed_and_changes_are_also_texted() {
        for e in MessageEvent::ALL {
            assert!(e.media().contains(&Medium::Email));
        }
        assert!(!MessageEvent::Booked.media().contains(&Medium::Sms));
        assert!(MessageEvent::Reminder.media().contains(&Medium::Sms));
        assert!(MessageEvent::Moved.media().contains(&Medium::Sms));
    }

    #[test]
    fn english_locales_get_english_and_the_rest_swedish() {
        assert_eq!(MessageLanguage::from_locale("en"), MessageLanguage::En);
        assert_eq!(MessageLanguage::from_locale("en-GB"), MessageLanguage::En);
        assert_eq!(MessageLanguage::from_locale("sv"), MessageLanguage::Sv);
        assert_eq!(MessageLanguage::from_locale("ar"), MessageLanguage::Sv);
        assert_eq!(MessageLanguage::from_locale(""), MessageLanguage::Sv);
    }

    #[test]
    fn a_reminder_is_due_a_day_before_unless_that_has_passed() {
        let starts = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
        let monday = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        assert_eq!(
            reminder_due(starts, monday),
            Some(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap())
        );
        let late = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        assert_eq!(reminder_due(starts, late), None);
    }

    #[test]
    fn retries_back_off_and_give_up() {
        assert_eq!(retry_after(1), Some(Duration::seconds(30)));
        assert_eq!(retry_after(2), Some(Duration::seconds(60)));
        assert_eq!(retry_after(3), Some(Duration::seconds(120)));
        assert_eq!(retry_after(MAX_ATTEMPTS), None);
    }

    proptest! {
        /// The wait never shrinks from one try to the next, stays within an hour, and
        /// every try before the last has one.
        #[test]
        fn backoff_grows_and_is_bounded(attempts in 0i64..MAX_ATTEMPTS - 1) {
            let now = retry_after(attempts).unwrap();
            let next = retry_after(attempts + 1).unwrap();
            prop_assert!(now <= next);
            prop_assert!(next <= Duration::hours(1));
            prop_assert!(now >= Duration::seconds(30));
        }
    }
}
