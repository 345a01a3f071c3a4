use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// How a meeting happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// A visit at an office.
    Office,
    Phone,
    Video,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Office, Channel::Phone, Channel::Video];

    /// The stable name used in storage, URLs and forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Office => "office",
            Channel::Phone => "phone",
            Channel::Video => "video",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown channel")]
pub struct UnknownChannel;

impl FromStr for Channel {
    type Err = UnknownChannel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or(UnknownChannel)
    }
}

/// Lets a store row decode the column straight into the enum (`#[sqlx(try_from = "String")]`).
impl TryFrom<String> for Channel {
    type Error = UnknownChannel;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_its_name() {
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>(), Ok(c));
        }
        assert_eq!("Office".parse::<Channel>(), Err(UnknownChannel));
    }
}
