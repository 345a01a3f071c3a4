//! Step 5: the password for the new account.

use crate::domain::field_error::FieldError;

pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD: usize = 128;

/// A password for the new account: long enough, and bounded so that hashing stays cheap.
/// Never stored in a draft, never logged.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let chars = input.chars().count();
        if input.trim().is_empty() {
            Err(FieldError::Required)
        } else if chars < MIN_PASSWORD {
            Err(FieldError::PasswordTooShort)
        } else if chars > MAX_PASSWORD {
            Err(FieldError::PasswordTooLong)
        } else {
            Ok(Self(input.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_long_enough_and_never_printed() {
        assert_eq!(Password::parse("kort"), Err(FieldError::PasswordTooShort));
        assert_eq!(Password::parse(""), Err(FieldError::Required));
        assert_eq!(
            Password::parse(&"å".repeat(MAX_PASSWORD + 1)),
            Err(FieldError::PasswordTooLong)
        );
        // Twelve characters, counted as characters, not bytes.
        let pw = Password::parse("åäöåäöåäöåäö").unwrap();
        assert_eq!(format!("{pw:?}"), "Password(…)");
    }
}
