//! Administration: the forms administrators and office managers fill in for counsellors and
//! staff accounts, the rules those changes must keep, and the one-time links that let a new
//! member of staff set their own password. Free of I/O: the store and services apply them.

pub mod accounts;
pub mod counsellor;
pub mod meeting_type;
pub mod office;
pub mod password_link;

use serde::{Deserialize, Serialize};

/// The version of a record a form was drawn from. Saving names it, and a record changed by
/// someone else since is refused (`Rule::EditedMeanwhile`) instead of silently overwritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Version(i64);

impl Version {
    pub const FIRST: Version = Version(1);

    /// A version from a form's hidden field: a whole number from 1.
    pub fn parse(input: &str) -> Option<Self> {
        input
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|v| *v >= 1)
            .map(Version)
    }

    pub fn from_stored(value: i64) -> Self {
        Version(value.max(1))
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Version;

    #[test]
    fn a_version_is_a_whole_number_from_one() {
        assert_eq!(Version::parse(" 3 "), Some(Version::from_stored(3)));
        assert_eq!(Version::parse("1").map(Version::get), Some(1));
        for bad in ["", "0", "-2", "1.5", "två", "99999999999999999999"] {
            assert_eq!(Version::parse(bad), None, "{bad:?}");
        }
    }
}
