//! The short code a registration draft is known by at a desk: the person reads it out from
//! their own draft page, and staff type it to continue the draft with them. Ten hex digits
//! (40 bits) of the draft's key, shown in groups; no letter that reads like a digit.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Ten lower-case hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DraftCode(String);

/// How many hex digits of the key the code holds.
pub const CODE_DIGITS: usize = 10;

impl DraftCode {
    /// The code of a draft known by `key` (its token's hash, 64 hex digits).
    pub fn of_key(key: &str) -> Option<Self> {
        Self::parse(key.get(..CODE_DIGITS)?)
    }

    /// A code as typed or read out: any case, with spaces or dashes between the groups.
    pub fn parse(input: &str) -> Option<Self> {
        let digits: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        (digits.len() == CODE_DIGITS && digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .then_some(Self(digits))
    }

    /// For addresses and lookups.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `3F9A-C2E1-7B`: upper case in groups of four, easy to read out.
impl fmt::Display for DraftCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let upper = self.0.to_ascii_uppercase();
        let groups: Vec<&str> = [&upper[..4], &upper[4..8], &upper[8..]].into();
        f.write_str(&groups.join("-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_code_is_shown_in_groups_and_read_back_however_typed() {
        let c = DraftCode::of_key(&"3f9ac2e17b".repeat(7)[..64]).unwrap();
        assert_eq!(c.to_string(), "3F9A-C2E1-7B");
        assert_eq!(DraftCode::parse("3f9a c2e1 7b"), Some(c.clone()));
        assert_eq!(DraftCode::parse(" 3F9A-C2E1-7B "), Some(c.clone()));
        assert_eq!(DraftCode::parse("3F9AC2E17B"), Some(c));
    }

    #[test]
    fn anything_else_is_no_code() {
        for bad in [
            "",
            "3F9A-C2E1",
            "3F9A-C2E1-7BX",
            "GF9A-C2E1-7B",
            "3F9A_C2E1_7B",
        ] {
            assert_eq!(DraftCode::parse(bad), None, "{bad}");
        }
        assert_eq!(DraftCode::of_key("abc"), None);
    }

    proptest! {
        #[test]
        fn every_key_has_a_code_that_reads_back(key in "[0-9a-f]{64}") {
            let code = DraftCode::of_key(&key).unwrap();
            prop_assert_eq!(DraftCode::parse(&code.to_string()), Some(code.clone()));
            prop_assert!(key.starts_with(code.as_str()));
        }
    }
}
