//! Swedish personal identity numbers ("personnummer") and co-ordination numbers
//! ("samordningsnummer", the day of birth plus 60). Parsed from the ways people write them
//! and carried as twelve digits; shown masked wherever a list or a log could leak them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a personal identity number was refused. The UI turns each into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum PersonalNumberError {
    #[error("required")]
    Empty,
    /// Not 10 or 12 digits with at most one `-` or `+` before the last four.
    #[error("not 10 or 12 digits")]
    Format,
    /// The date part is not a date that exists (or lies in the future).
    #[error("no such date of birth")]
    Date,
    /// The last digit does not match the others (Luhn).
    #[error("check digit does not match")]
    CheckDigit,
    /// Serial number 000, which is never issued.
    #[error("serial number 000 is never issued")]
    Serial,
}

/// A valid personal identity number or co-ordination number, normalised to `YYYYMMDDNNNC`.
/// `Debug` and `Display` mask the last four digits; [`PersonalNumber::as_digits`] is for
/// storage and comparison only.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonalNumber(String);

impl PersonalNumber {
    /// Accepts `YYYYMMDDNNNC`, `YYYYMMDD-NNNC`, `YYYYMMDD+NNNC`, `YYMMDDNNNC`, `YYMMDD-NNNC`
    /// and `YYMMDD+NNNC` (the `+` of someone who has turned 100; with the century written
    /// out it changes nothing). `today` decides the century of a ten-digit
    /// number and rules out dates of birth in the future; it is passed in, never read here,
    /// so the browser and the server agree.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, PersonalNumberError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(PersonalNumberError::Empty);
        }
        let (digits, separator) = split_separator(s)?;
        let full = match digits.len() {
            12 => digits,
            10 => with_century(&digits, separator == Some('+'), today)?,
            _ => return Err(PersonalNumberError::Format),
        };
        let birth = date_part(&full).ok_or(PersonalNumberError::Date)?;
        if birth > today {
            return Err(PersonalNumberError::Date);
        }
        if !luhn_ok(&full[2..]) {
            return Err(PersonalNumberError::CheckDigit);
        }
        if &full[8..11] == "000" {
            return Err(PersonalNumberError::Serial);
        }
        Ok(Self(full))
    }

    /// The twelve digits, for storage and lookups.
    pub fn as_digits(&self) -> &str {
        &self.0
    }

    /// Restores a number read back from storage, which holds only numbers that parsed.
    pub fn from_stored(digits: &str) -> Option<Self> {
        let ok = digits.len() == 12
            && digits.bytes().all(|b| b.is_ascii_digit())
            && date_part(digits).is_some()
            && luhn_ok(&digits[2..]);
        ok.then(|| Self(digits.to_owned()))
    }

    /// Whether this is a co-ordination number (day of birth plus 60).
    pub fn is_coordination_number(&self) -> bool {
        self.0[6..8].parse::<u32>().is_ok_and(|d| d > 60)
    }

    pub fn date_of_birth(&self) -> NaiveDate {
        date_part(&self.0).expect("a parsed number has a valid date")
    }

    /// `YYYYMMDD-NNNC` in full: for the person themselves, e.g. on their own review page.
    pub fn formatted(&self) -> String {
        format!("{}-{}", &self.0[..8], &self.0[8..])
    }

    /// `YYYYMMDD-****`: for lists, logs and anywhere someone else might look.
    pub fn masked(&self) -> String {
        format!("{}-****", &self.0[..8])
    }
}

impl fmt::Display for PersonalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for PersonalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonalNumber({})", self.masked())
    }
}

/// Splits off one `-` or `+` placed before the last four digits; spaces are ignored.
fn split_separator(s: &str) -> Result<(String, Option<char>), PersonalNumberError> {
    let compact: String = s.chars().filter(|c| *c != ' ').collect();
    let mut digits = String::with_capacity(12);
    let mut separator = None;
    for (i, c) in compact.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            '-' | '+' if separator.is_none() && i + 5 == compact.len() => separator = Some(c),
            _ => return Err(PersonalNumberError::Format),
        }
    }
    Ok((digits, separator))
}

/// Adds the century to `YYMMDDNNNC`: the most recent year that ends in YY and puts the birth
/// date on or before today; a hundred years earlier with `+`.
fn with_century(digits: &str, plus: bool, today: NaiveDate) -> Result<String, PersonalNumberError> {
    let yy: i32 = digits[..2]
        .parse()
        .map_err(|_| PersonalNumberError::Format)?;
    let month: u32 = digits[2..4]
        .parse()
        .map_err(|_| PersonalNumberError::Format)?;
    let day: u32 = digits[4..6]
        .parse()
        .map_err(|_| PersonalNumberError::Format)?;
    let day = if day > 60 { day - 60 } else { day };
    let mut year = today.year() - (today.year() - yy).rem_euclid(100);
    // Compare month and day only, so that 29 February does not decide the century.
    if (month, day) > (today.month(), today.day()) && year == today.year() {
        year -= 100;
    }
    if plus {
        year -= 100;
    }
    Ok(format!("{year:04}{}", &digits[2..]))
}

/// The date in `YYYYMMDD…`, with the co-ordination number's +60 on the day taken away.
fn date_part(full: &str) -> Option<NaiveDate> {
    let year: i32 = full.get(..4)?.parse().ok()?;
    let month: u32 = full.get(4..6)?.parse().ok()?;
    let day: u32 = full.get(6..8)?.parse().ok()?;
    let day = if day > 60 { day - 60 } else { day };
    if year < 1850 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The Luhn check over the ten digits `YYMMDDNNNC`.
fn luhn_ok(ten: &str) -> bool {
    ten.len() == 10 && luhn_check_digit(&ten[..9]) == ten.as_bytes()[9].wrapping_sub(b'0')
}

/// The check digit for nine digits: every other digit doubled from the first, digit sums
/// added, and what is missing up to the next ten.
pub fn luhn_check_digit(nine: &str) -> u8 {
    let sum: u32 = nine
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            let d = if i % 2 == 0 { d * 2 } else { d };
            d / 10 + d % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn parse(s: &str) -> Result<PersonalNumber, PersonalNumberError> {
        PersonalNumber::parse(s, today())
    }

    #[test]
    fn accepts_every_common_way_of_writing_it() {
        // Skatteverket's published test number 811218-9876.
        for input in [
            "198112189876",
            "19811218-9876",
            "8112189876",
            "811218-9876",
            " 811218 - 9876 ",
            // The `+` with the century written out (someone over 100 may write it so).
            "19811218+9876",
        ] {
            let pnr = parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(pnr.as_digits(), "198112189876", "{input}");
        }
    }

    #[test]
    fn ten_digits_take_the_century_from_today_and_plus_from_the_age() {
        assert_eq!(parse("121212-1212").unwrap().as_digits(), "201212121212");
        assert_eq!(parse("121212+1212").unwrap().as_digits(), "191212121212");
        // Born later in the year than today's date, in a year ending in 26: last century.
        let nine = "261224123";
        let number = format!("{nine}{}", luhn_check_digit(nine));
        assert_eq!(&parse(&number).unwrap().as_digits()[..8], "19261224");
        // Today's date in a year ending in 26: a newborn, or 100 years old with `+`.
        let nine = "261123123";
        let number = format!("{nine}{}", luhn_check_digit(nine));
        assert_eq!(&parse(&number).unwrap().as_digits()[..4], "2026");
        let plus = format!("{}+{}", &number[..6], &number[6..]);
        assert_eq!(&parse(&plus).unwrap().as_digits()[..4], "1926");
    }

    #[test]
    fn accepts_coordination_numbers() {
        // Day 18 + 60 = 78.
        let nine = "811278987";
        let number = format!("{nine}{}", luhn_check_digit(nine));
        let pnr = parse(&number).unwrap();
        assert!(pnr.is_coordination_number());
        assert_eq!(
            pnr.date_of_birth(),
            NaiveDate::from_ymd_opt(1981, 12, 18).unwrap()
        );
    }

    #[test]
    fn refuses_what_is_not_a_number_that_exists() {
        assert_eq!(parse(""), Err(PersonalNumberError::Empty));
        assert_eq!(parse("81121898"), Err(PersonalNumberError::Format));
        assert_eq!(parse("8112-189876"), Err(PersonalNumberError::Format));
        assert_eq!(parse("811218--9876"), Err(PersonalNumberError::Format));
        assert_eq!(parse("abcdefghij"), Err(PersonalNumberError::Format));
        // 30 February.
        let nine = "810230987";
        assert_eq!(
            parse(&format!("{nine}{}", luhn_check_digit(nine))),
            Err(PersonalNumberError::Date)
        );
        assert_eq!(parse("198112189875"), Err(PersonalNumberError::CheckDigit));
        // Serial 000 is never issued, even with a matching check digit.
        let nine = "811218000";
        assert_eq!(
            parse(&format!("{nine}{}", luhn_check_digit(nine))),
            Err(PersonalNumberError::Serial)
        );
        // Born in the future.
        let nine = "271212121";
        assert_eq!(
            parse(&format!("20{nine}{}", luhn_check_digit(nine))),
            Err(PersonalNumberError::Date)
        );
    }

    #[test]
    fn masks_itself_in_display_and_debug() {
        let pnr = parse("811218-9876").unwrap();
        assert_eq!(pnr.to_string(), "19811218-****");
        assert_eq!(format!("{pnr:?}"), "PersonalNumber(19811218-****)");
        assert_eq!(pnr.formatted(), "19811218-9876");
        assert!(!format!("{pnr:?}").contains("9876"));
    }

    #[test]
    fn restores_only_what_could_have_been_stored() {
        assert!(PersonalNumber::from_stored("198112189876").is_some());
        assert!(PersonalNumber::from_stored("198112189875").is_none());
        assert!(PersonalNumber::from_stored("8112189876").is_none());
    }

    /// Valid numbers: any real date of birth from 1900 until today, with or without the
    /// +60 of a co-ordination number, any serial but 000, and the right check digit.
    fn valid_number() -> impl Strategy<Value = String> {
        (
            0i64..(today() - NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()).num_days(),
            any::<bool>(),
            1u32..1000,
        )
            .prop_map(|(offset, coordination, serial)| {
                let birth =
                    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(offset);
                let day = birth.day() + if coordination { 60 } else { 0 };
                let nine = format!(
                    "{:02}{:02}{:02}{:03}",
                    birth.year() % 100,
                    birth.month(),
                    day,
                    serial
                );
                format!("{}{nine}{}", birth.year() / 100, luhn_check_digit(&nine))
            })
    }

    proptest! {
        #[test]
        fn every_valid_number_is_accepted_in_every_form(number in valid_number()) {
            let pnr = parse(&number).unwrap();
            prop_assert_eq!(pnr.as_digits(), number.as_str());
            let hyphenated = format!("{}-{}", &number[..8], &number[8..]);
            prop_assert_eq!(parse(&hyphenated).unwrap(), pnr.clone());
            // Ten digits: `-` under 100 years of age, `+` from 100.
            let age_100 = pnr.date_of_birth().with_year(pnr.date_of_birth().year() + 100);
            let sep = if age_100.is_some_and(|d| d <= today()) { '+' } else { '-' };
            let short = format!("{}{sep}{}", &number[2..8], &number[8..]);
            prop_assert_eq!(parse(&short).unwrap(), pnr);
        }

        #[test]
        fn changing_any_one_of_the_last_ten_digits_is_caught(
            number in valid_number(),
            position in 2usize..12,
            bump in 1u8..10,
        ) {
            let mut bytes = number.clone().into_bytes();
            bytes[position] = b'0' + (bytes[position] - b'0' + bump) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert!(parse(&changed).is_err(), "{} was accepted", changed);
        }

        #[test]
        fn never_panics_on_any_input(input in "\\PC{0,20}") {
            let _ = parse(&input);
        }
    }
}
