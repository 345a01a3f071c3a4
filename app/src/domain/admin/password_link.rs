//! The one-time link a new or reset member of staff gets to set their own password. Nobody
//! else ever sees or types that password: an administrator only asks for the link.

use chrono::{DateTime, Duration, Utc};

/// How long a link works: long enough for a weekend, short enough to be worth little if an
/// old email is found.
pub const LINK_VALID_HOURS: i64 = 72;

/// When a link made at `now` stops working.
pub fn expires(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::hours(LINK_VALID_HOURS)
}

/// What a link can still do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Usable,
    Used,
    Expired,
}

/// A link's state at `now`: used once is used, whatever the time.
pub fn state(
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> LinkState {
    match used_at {
        Some(_) => LinkState::Used,
        None if now >= expires_at => LinkState::Expired,
        None => LinkState::Usable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_link_works_once_and_until_it_expires() {
        let made = Utc.with_ymd_and_hms(2026, 12, 4, 16, 0, 0).unwrap();
        let until = expires(made);
        assert_eq!(until, Utc.with_ymd_and_hms(2026, 12, 7, 16, 0, 0).unwrap());
        assert_eq!(state(until, None, made), LinkState::Usable);
        assert_eq!(
            state(until, None, until - Duration::seconds(1)),
            LinkState::Usable
        );
        assert_eq!(state(until, None, until), LinkState::Expired);
        assert_eq!(state(until, Some(made), made), LinkState::Used);
        assert_eq!(state(until, Some(made), until), LinkState::Used);
    }
}
