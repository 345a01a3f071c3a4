//! Swedish organisation numbers ("organisationsnummer"), and the personal identity number a
//! sole trader ("enskild firma") uses in its place. Parsed from the ways people write them;
//! a refusal says which rule failed.

use crate::domain::personnummer::{luhn_check_digit, PersonalNumber, PersonalNumberError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why an organisation number was refused. The UI turns each into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum OrgNumberError {
    #[error("required")]
    Empty,
    /// Not ten digits (or twelve with the `16` prefix), with at most one `-` before the last
    /// four.
    #[error("not 10 digits")]
    Format,
    /// The last digit does not match the others (Luhn over all ten).
    #[error("check digit does not match")]
    CheckDigit,
    /// The third and fourth digits are below 20, so it is no organisation's number, and it
    /// is not a personal identity number either (for a sole trader).
    #[error("neither an organisation's number nor a sole trader's personal number")]
    NotAnOrganisation,
    /// Twelve digits that begin with `16` belong to organisations only: a sole trader writes
    /// their personal identity number.
    #[error("the 16 prefix is for organisations")]
    PrefixOnPersonalNumber,
}

/// A valid organisation number: a legal entity's ten digits, or a sole trader's personal
/// identity number.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrganisationNumber {
    /// `NNNNNNNNNN`, the third and fourth digits 20 or more.
    Legal(String),
    /// A sole trader, known by their personal identity number.
    SoleTrader(PersonalNumber),
}

impl OrganisationNumber {
    /// Accepts `NNNNNN-NNNN`, `NNNNNNNNNN`, `16NNNNNN-NNNN` and `16NNNNNNNNNN` for a legal
    /// entity, and any way of writing a personal identity number for a sole trader. `today`
    /// is for the personal number's date of birth (passed in, so browser and server agree).
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, OrgNumberError> {
        let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if s.is_empty() {
            return Err(OrgNumberError::Empty);
        }
        let (digits, plus) = digits_with_one_dash(&s).ok_or(OrgNumberError::Format)?;
        let ten = match digits.len() {
            10 => digits.as_str(),
            12 if digits.starts_with("16") => {
                if group(&digits[2..]) < 20 {
                    return Err(OrgNumberError::PrefixOnPersonalNumber);
                }
                &digits[2..]
            }
            // Twelve digits that do not begin with 16: a personal number with its century.
            12 => return sole_trader(&s, today),
            _ => return Err(OrgNumberError::Format),
        };
        if group(ten) < 20 {
            return sole_trader(&s, today);
        }
        // `+` marks a personal number of someone over a hundred, never an organisation's.
        if plus {
            return Err(OrgNumberError::Format);
        }
        if luhn_check_digit(&ten[..9]) != ten.as_bytes()[9] - b'0' {
            return Err(OrgNumberError::CheckDigit);
        }
        Ok(Self::Legal(ten.to_owned()))
    }

    /// What is stored and compared: ten digits for a legal entity, twelve for a sole trader.
    pub fn as_digits(&self) -> &str {
        match self {
            Self::Legal(ten) => ten,
            Self::SoleTrader(p) => p.as_digits(),
        }
    }

    /// Restores a number read back from storage.
    pub fn from_stored(digits: &str) -> Option<Self> {
        match digits.len() {
            10 if digits.bytes().all(|b| b.is_ascii_digit()) && group(digits) >= 20 => {
                Some(Self::Legal(digits.to_owned()))
            }
            12 => PersonalNumber::from_stored(digits).map(Self::SoleTrader),
            _ => None,
        }
    }

    pub fn is_sole_trader(&self) -> bool {
        matches!(self, Self::SoleTrader(_))
    }

    /// `556036-0793`; a sole trader's number masked, as anywhere others might look.
    pub fn formatted(&self) -> String {
        match self {
            Self::Legal(ten) => format!("{}-{}", &ten[..6], &ten[6..]),
            Self::SoleTrader(p) => p.masked(),
        }
    }
}

impl fmt::Display for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

impl fmt::Debug for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OrganisationNumber({})", self.formatted())
    }
}

/// The digits, if the input is digits with at most one `-` (or a personal number's `+`)
/// before the last four; and whether that was a `+`.
fn digits_with_one_dash(s: &str) -> Option<(String, bool)> {
    let mut digits = String::with_capacity(12);
    let mut separator = None;
    for (i, c) in s.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            '-' | '+' if separator.is_none() && i + 5 == s.len() => separator = Some(c),
            _ => return None,
        }
    }
    Some((digits, separator == Some('+')))
}

/// The third and fourth digits, which are 20 or more for every legal entity.
fn group(ten: &str) -> u32 {
    ten[2..4].parse().unwrap_or(0)
}

fn sole_trader(input: &str, today: NaiveDate) -> Result<OrganisationNumber, OrgNumberError> {
    PersonalNumber::parse(input, today)
        .map(OrganisationNumber::SoleTrader)
        .map_err(|e| match e {
            PersonalNumberError::Empty => OrgNumberError::Empty,
            PersonalNumberError::Format => OrgNumberError::Format,
            PersonalNumberError::CheckDigit => OrgNumberError::CheckDigit,
            PersonalNumberError::Date | PersonalNumberError::Serial => {
                OrgNumberError::NotAnOrganisation
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn parse(s: &str) -> Result<OrganisationNumber, OrgNumberError> {
        OrganisationNumber::parse(s, today())
    }

    #[test]
    fn the_published_vectors_are_valid_however_written() {
        for input in [
            "212000-0142",
            "2120000142",
            "16212000-0142",
            "162120000142",
            " 212000 - 0142 ",
        ] {
            let n = parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(n.as_digits(), "2120000142", "{input}");
            assert_eq!(n.formatted(), "212000-0142");
            assert!(!n.is_sole_trader());
        }
        assert_eq!(parse("556036-0793").unwrap().as_digits(), "5560360793");
    }

    #[test]
    fn each_refusal_names_its_rule() {
        assert_eq!(parse(""), Err(OrgNumberError::Empty));
        assert_eq!(parse("   "), Err(OrgNumberError::Empty));
        for bad in [
            "556036-079",
            "55603607931",
            "556036-07a3",
            "5560-360793",
            "556036--0793",
            "abc",
            "556036+0793",
        ] {
            assert_eq!(parse(bad), Err(OrgNumberError::Format), "{bad}");
        }
        // A wrong last digit.
        assert_eq!(parse("556036-0794"), Err(OrgNumberError::CheckDigit));
        assert_eq!(parse("16556036-0790"), Err(OrgNumberError::CheckDigit));
        // Third digit below 2 and no date of birth: neither kind.
        assert_eq!(parse("551336-0793"), Err(OrgNumberError::NotAnOrganisation));
        // 16 before a personal number.
        assert_eq!(
            parse("16811218-9876"),
            Err(OrgNumberError::PrefixOnPersonalNumber)
        );
    }

    #[test]
    fn a_sole_trader_uses_their_personal_number() {
        // Skatteverket's test number 811218-9876.
        for input in ["811218-9876", "8112189876", "19811218-9876", "198112189876"] {
            let n = parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert!(n.is_sole_trader(), "{input}");
            assert_eq!(n.as_digits(), "198112189876");
            assert_eq!(n.formatted(), "19811218-****", "masked");
        }
        assert_eq!(parse("811218-9875"), Err(OrgNumberError::CheckDigit));
        assert_eq!(
            format!("{:?}", parse("811218-9876").unwrap()),
            "OrganisationNumber(19811218-****)"
        );
    }

    #[test]
    fn stored_numbers_come_back_as_they_were() {
        for input in ["556036-0793", "811218-9876"] {
            let n = parse(input).unwrap();
            assert_eq!(OrganisationNumber::from_stored(n.as_digits()), Some(n));
        }
        assert_eq!(OrganisationNumber::from_stored("5513360793"), None);
        assert_eq!(OrganisationNumber::from_stored("55603607"), None);
    }

    /// Ten digits with the third at least 2 (so digits 3–4 are 20 or more) and the right
    /// check digit.
    fn legal() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec(0u32..10, 2),
            2u32..10,
            proptest::collection::vec(0u32..10, 6),
        )
            .prop_map(|(first, third, rest)| {
                let nine: String = first
                    .into_iter()
                    .chain(std::iter::once(third))
                    .chain(rest)
                    .map(|d| char::from_digit(d, 10).unwrap())
                    .collect();
                format!("{nine}{}", luhn_check_digit(&nine))
            })
    }

    proptest! {
        #[test]
        fn every_legal_number_parses_in_every_form_and_a_changed_last_digit_does_not(ten in legal(), other in 0u8..9) {
            let dashed = format!("{}-{}", &ten[..6], &ten[6..]);
            for input in [ten.clone(), dashed.clone(), format!("16{ten}"), format!("16{dashed}")] {
                let n = parse(&input).unwrap();
                prop_assert_eq!(n.as_digits(), ten.as_str());
            }
            let last = ten.as_bytes()[9] - b'0';
            let wrong = (last + 1 + other) % 10;
            let changed = format!("{}{wrong}", &ten[..9]);
            prop_assert_eq!(parse(&changed), Err(OrgNumberError::CheckDigit));
        }

        #[test]
        fn nothing_typed_panics(input in "\\PC{0,20}") {
            let _ = parse(&input);
        }
    }
}
