//! Where a booking stands. Stored, sent and compared as this enum; its snake_case names are
//! the ones the database's CHECK constraint allows.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Live: the meeting is ahead, or has passed without an outcome.
    Booked,
    Held,
    NoShow,
    Cancelled,
}

impl BookingStatus {
    pub const ALL: [BookingStatus; 4] = [
        BookingStatus::Booked,
        BookingStatus::Held,
        BookingStatus::NoShow,
        BookingStatus::Cancelled,
    ];

    /// The name in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Booked => "booked",
            BookingStatus::Held => "held",
            BookingStatus::NoShow => "no_show",
            BookingStatus::Cancelled => "cancelled",
        }
    }

    /// Still holds the counsellor's time (anything but cancelled).
    pub fn is_live(self) -> bool {
        self != BookingStatus::Cancelled
    }
}

impl fmt::Display for BookingStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown booking status {0:?}")]
pub struct UnknownStatus(pub String);

impl FromStr for BookingStatus {
    type Err = UnknownStatus;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BookingStatus::ALL
            .into_iter()
            .find(|b| b.as_str() == s)
            .ok_or_else(|| UnknownStatus(s.to_owned()))
    }
}

/// Lets a store row decode the column straight into the enum (`#[sqlx(try_from = "String")]`).
impl TryFrom<String> for BookingStatus {
    type Error = UnknownStatus;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_from_its_name() {
        for s in BookingStatus::ALL {
            assert_eq!(s.as_str().parse::<BookingStatus>(), Ok(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        assert!("arrived".parse::<BookingStatus>().is_err());
        assert!("Booked".parse::<BookingStatus>().is_err());
    }

    #[test]
    fn only_cancelled_lets_go_of_the_time() {
        let live: Vec<_> = BookingStatus::ALL
            .into_iter()
            .filter(|s| s.is_live())
            .collect();
        assert_eq!(
            live,
            [
                BookingStatus::Booked,
                BookingStatus::Held,
                BookingStatus::NoShow
            ]
        );
    }
}
