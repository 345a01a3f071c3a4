//! Contact details: email, Swedish phone numbers and postcodes, each parsed once at the
//! boundary and carried in normalised form afterwards.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a piece of contact data was refused. The UI turns each into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ContactError {
    #[error("required")]
    Empty,
    #[error("too long")]
    TooLong,
    #[error("not an email address")]
    InvalidEmail,
    #[error("not a Swedish phone number")]
    InvalidPhone,
    #[error("not a Swedish mobile number")]
    NotMobile,
    #[error("a postcode has five digits")]
    InvalidPostcode,
}

/// An email address, trimmed and lower-cased so that one person has one address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, ContactError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ContactError::Empty);
        }
        if s.len() > 254 {
            return Err(ContactError::TooLong);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(ContactError::InvalidEmail)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic));
        if local_ok && domain_ok {
            Ok(Self(s.to_lowercase()))
        } else {
            Err(ContactError::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Swedish phone number in E.164 form: `+46` and the national number without its 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Accepts the ways people write numbers: `070-123 45 67`, `+46 70 123 45 67`,
    /// `0046701234567`, `(08) 123 456 78`.
    pub fn parse(input: &str) -> Result<Self, ContactError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ContactError::Empty);
        }
        let mut digits = String::with_capacity(s.len());
        for (i, c) in s.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => digits.push_str("00"),
                ' ' | '-' | '(' | ')' | '.' => {}
                _ => return Err(ContactError::InvalidPhone),
            }
        }
        let national = if let Some(rest) = digits.strip_prefix("0046") {
            rest.strip_prefix('0').unwrap_or(rest)
        } else if let Some(rest) = digits.strip_prefix('0') {
            if rest.starts_with('0') {
                // Another country's international prefix.
                return Err(ContactError::InvalidPhone);
            }
            rest
        } else {
            return Err(ContactError::InvalidPhone);
        };
        if !(7..=9).contains(&national.len()) || national.starts_with('0') {
            return Err(ContactError::InvalidPhone);
        }
        Ok(Self(format!("+46{national}")))
    }

    /// A mobile number: 07x followed by seven digits, x one of 0, 2, 3, 6, 9.
    pub fn parse_mobile(input: &str) -> Result<Self, ContactError> {
        let phone = Self::parse(input)?;
        let n = phone.national();
        let mobile = n.len() == 9
            && n.starts_with('7')
            && matches!(n.as_bytes()[1], b'0' | b'2' | b'3' | b'6' | b'9');
        if mobile {
            Ok(phone)
        } else {
            Err(ContactError::NotMobile)
        }
    }

    pub fn as_e164(&self) -> &str {
        &self.0
    }

    fn national(&self) -> &str {
        &self.0[3..]
    }

    /// How a Swede writes it: `070-123 45 67`, `010-123 45 67`, `08-123 456 78`.
    pub fn display_national(&self) -> String {
        let n = format!("0{}", self.national());
        // Stockholm (08) is the one two-digit area code; mobiles and 010 use three.
        let area_len = if n.starts_with("08") { 2 } else { 3 };
        let (area, rest) = n.split_at(area_len);
        let groups: Vec<&str> = match rest.len() {
            5 => vec![&rest[..3], &rest[3..]],
            6 => vec![&rest[..2], &rest[2..4], &rest[4..]],
            7 => vec![&rest[..3], &rest[3..5], &rest[5..]],
            8 => vec![&rest[..3], &rest[3..6], &rest[6..]],
            _ => vec![rest],
        };
        format!("{area}-{}", groups.join(" "))
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Swedish postcode: five digits, the first not 0, shown as `123 45`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Postcode(u32);

impl Postcode {
    pub fn parse(input: &str) -> Result<Self, ContactError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ContactError::Empty);
        }
        let s = s
            .strip_prefix("SE-")
            .or_else(|| s.strip_prefix("SE "))
            .unwrap_or(s);
        let compact: String = s.chars().filter(|c| *c != ' ').collect();
        let spaces = s.len() - compact.len();
        let space_ok = spaces == 0 || (spaces == 1 && s.as_bytes().get(3) == Some(&b' '));
        if compact.len() != 5
            || !space_ok
            || !compact.bytes().all(|b| b.is_ascii_digit())
            || compact.starts_with('0')
        {
            return Err(ContactError::InvalidPostcode);
        }
        compact
            .parse()
            .map(Self)
            .map_err(|_| ContactError::InvalidPostcode)
    }

    pub fn value(self) -> u32 {
        self.0
    }

    /// A postcode as the database keeps it (a number), if it is one.
    pub fn from_stored(n: i64) -> Option<Self> {
        u32::try_from(n)
            .ok()
            .filter(|n| (10_000..=99_999).contains(n))
            .map(Self)
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03} {:02}", self.0 / 100, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn email_is_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Anna.Berg@Exempel.SE ").unwrap().as_str(),
            "anna.berg@exempel.se"
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@exempel.se",
            "anna@exempel",
            "an na@exempel.se",
            "anna..berg@exempel.se",
            "anna@-exempel.se",
            "anna@exempel.s3",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn phone_numbers_normalise_to_e164() {
        for (input, want) in [
            ("070-123 45 67", "+46701234567"),
            ("+46 70 123 45 67", "+46701234567"),
            ("+46 (0)70 123 45 67", "+46701234567"),
            ("0046701234567", "+46701234567"),
            ("08-123 456 78", "+46812345678"),
            ("010-123 45 67", "+46101234567"),
        ] {
            assert_eq!(
                PhoneNumber::parse(input).unwrap().as_e164(),
                want,
                "{input}"
            );
        }
        for bad in ["", "12345", "+4470123456", "0701234567890", "070 abc", "00"] {
            assert!(PhoneNumber::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            PhoneNumber::parse_mobile("08-123 456 78"),
            Err(ContactError::NotMobile)
        );
    }

    #[test]
    fn phone_numbers_display_as_swedes_write_them() {
        let p = PhoneNumber::parse("+46701234567").unwrap();
        assert_eq!(p.display_national(), "070-123 45 67");
        let p = PhoneNumber::parse("+46812345678").unwrap();
        assert_eq!(p.display_national(), "08-123 456 78");
    }

    #[test]
    fn postcodes() {
        assert_eq!(Postcode::parse("111 22").unwrap().to_string(), "111 22");
        assert_eq!(Postcode::parse("11122").unwrap().to_string(), "111 22");
        assert_eq!(Postcode::parse("SE-903 25").unwrap().value(), 90325);
        for bad in ["", "1112", "111222", "01122", "11 122", "1112a", "111  22"] {
            assert!(Postcode::parse(bad).is_err(), "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn any_mobile_number_round_trips(prefix in prop::sample::select(vec!['0','2','3','6','9']), rest in "[0-9]{7}") {
            let national = format!("07{prefix}{rest}");
            let parsed = PhoneNumber::parse_mobile(&national).unwrap();
            prop_assert_eq!(parsed.as_e164(), format!("+467{prefix}{rest}"));
            // The displayed form parses back to the same number.
            prop_assert_eq!(PhoneNumber::parse_mobile(&parsed.display_national()).unwrap(), parsed.clone());
            prop_assert_eq!(PhoneNumber::parse(parsed.as_e164()).unwrap(), parsed);
        }

        #[test]
        fn any_valid_postcode_round_trips(n in 10000u32..100000) {
            let p = Postcode::parse(&n.to_string()).unwrap();
            prop_assert_eq!(p.value(), n);
            prop_assert_eq!(Postcode::parse(&p.to_string()).unwrap(), p);
            prop_assert_eq!(Postcode::from_stored(i64::from(n)), Some(p));
        }

        #[test]
        fn stored_numbers_outside_five_digits_are_no_postcode(n in prop_oneof![i64::MIN..10_000i64, 100_000i64..i64::MAX]) {
            prop_assert_eq!(Postcode::from_stored(n), None);
        }

        #[test]
        fn postcodes_with_a_letter_are_refused(s in "[0-9]{0,4}[a-zA-Z][0-9]{0,4}") {
            prop_assert!(Postcode::parse(&s).is_err());
        }

        #[test]
        fn parsed_emails_are_lowercase_and_reparse(local in "[a-z0-9]{1,10}(\\.[a-z0-9]{1,5})?", domain in "[a-z]{1,10}\\.(se|com|nu)") {
            let e = Email::parse(&format!("{}@{}", local.to_uppercase(), domain)).unwrap();
            prop_assert_eq!(e.as_str(), format!("{local}@{domain}"));
            prop_assert_eq!(Email::parse(e.as_str()).unwrap(), e);
        }
    }
}
