//! Password hashing with argon2id, and the server's check that a password is not easy to
//! guess. Hashing is deliberately slow, so it runs on the blocking thread pool and never
//! stalls the async runtime's workers.

use crate::{
    domain::{field_error::FieldError, registration::Password},
    error::AppError,
};
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use std::sync::LazyLock;

/// argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommendation).
fn argon2() -> Argon2<'static> {
    Argon2::default()
}

/// Words of the service itself, which a guesser tries first with everyone's passwords.
const SERVICE_WORDS: [&str; 5] = [
    "tidbok",
    "arbetsförmedlingen",
    "arbetsformedlingen",
    "arbetsförmedlare",
    "jobbsökare",
];

/// NIST SP 800-63B asks a verifier to refuse passwords found in lists of common or breached
/// ones, repeated or sequential characters and words from the context, and to ask for nothing
/// else (no composition rules). zxcvbn carries those lists (the 30,000 most common passwords,
/// common names and words) and recognises repeats, sequences, keyboard patterns and dates;
/// its score below 3 means fewer than 10^10 guesses, which its authors call too weak.
/// `personal` holds what the person has told us (name, email, identity number): a password
/// made of those is refused too. The browser checks the length only: the lists stay here.
pub fn refuse_guessable(password: &Password, personal: &[&str]) -> Result<(), FieldError> {
    // zxcvbn compares its dictionaries in lower case: so must the person's words be, and
    // an email counts by its parts too ("amira.hassan@…" holds "amira" and "hassan").
    let mut words: Vec<String> = SERVICE_WORDS.iter().map(|w| (*w).to_owned()).collect();
    for given in personal {
        let given = given.trim().to_lowercase();
        words.extend(
            given
                .split(|c: char| !c.is_alphanumeric())
                .filter(|part| part.chars().count() >= 3)
                .map(str::to_owned),
        );
        if !given.is_empty() {
            words.push(given);
        }
    }
    // zxcvbn rates any password of three parts at 10^8 guesses or more, so "name, name,
    // digits" would pass: a password holding one of these words (four letters or more, so
    // short names do not rule out ordinary words; digits are left to zxcvbn, so four digits
    // of the identity number do not) is refused outright.
    let lowered = password.expose().to_lowercase();
    let holds_own_word = words.iter().any(|w| {
        w.chars().count() >= 4 && w.chars().any(char::is_alphabetic) && lowered.contains(w.as_str())
    });
    let context: Vec<&str> = words.iter().map(String::as_str).collect();
    let estimate = zxcvbn::zxcvbn(password.expose(), &context);
    if holds_own_word || estimate.score() < zxcvbn::Score::Three {
        Err(FieldError::PasswordGuessable)
    } else {
        Ok(())
    }
}

/// A PHC string: algorithm, parameters, salt and hash.
pub async fn hash(password: Password) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)
}

/// A hash that matches no password anyone knows (that of a random secret nobody is told):
/// what a new account holds until its owner sets a password with their one-time link.
pub async fn unusable_hash() -> Result<String, AppError> {
    let secret = crate::ssr::secret::SecretToken::generate();
    let password = Password::parse(secret.as_str()).map_err(|_| AppError::Internal)?;
    hash(password).await
}

/// Whether the password matches the stored hash. Without a stored hash (no such account) a
/// hash is still checked, so the answer takes as long either way and does not reveal which
/// emails have accounts.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    static DUMMY: LazyLock<String> = LazyLock::new(|| {
        let salt = SaltString::generate(&mut OsRng);
        argon2()
            .hash_password(b"no account has this password", &salt)
            .expect("hashing a constant works")
            .to_string()
    });
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let phc = stored.unwrap_or_else(|| DUMMY.clone());
        let parsed = PasswordHash::new(&phc).map_err(AppError::internal)?;
        let matches = argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await
    .map_err(AppError::internal)?
}

/// `account` when `password` is its password (`hash` names where it keeps the hash); `None`
/// otherwise. No account is checked against a hash all the same, in the same time.
pub async fn account_if_right<A>(
    account: Option<A>,
    hash: impl FnOnce(&A) -> &str,
    password: String,
) -> Result<Option<A>, AppError> {
    let stored = account.as_ref().map(|a| hash(a).to_owned());
    let right = verify(password, stored).await?;
    Ok(account.filter(|_| right))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(password: &str, personal: &[&str]) -> Result<(), FieldError> {
        refuse_guessable(&Password::parse(password).expect("long enough"), personal)
    }

    #[test]
    fn common_repeated_sequential_and_personal_passwords_are_refused() {
        for weak in [
            "aaaaaaaaaaaa",
            "password1234",
            "123456789012",
            "qwertyuiopasdf",
            "abcdefghijkl",
            "iloveyou1234",
            "tidbok123456",
            "Arbetsformedlingen1",
        ] {
            assert_eq!(
                verdict(weak, &[]),
                Err(FieldError::PasswordGuessable),
                "{weak}"
            );
        }
        assert_eq!(
            verdict("amirahassan1990", &["Amira", "Hassan", "amira@example.se"]),
            Err(FieldError::PasswordGuessable)
        );
        assert_eq!(
            verdict("sommar med hassan", &["Amira", "Hassan", "a.h@example.se"]),
            Err(FieldError::PasswordGuessable),
            "the last name inside a phrase"
        );
        assert_eq!(
            verdict(
                "sommar med hassan",
                &["Leila", "Ahmadi", "leila@example.se"]
            ),
            Ok(()),
            "someone else's name is just a word"
        );
        assert_eq!(
            verdict("kaffe 9876 cykel fönster", &["Leila", "19811218-9876"]),
            Ok(()),
            "four digits of the identity number inside a long phrase"
        );
    }

    #[test]
    fn long_unusual_passwords_pass_without_composition_rules() {
        for fine in [
            "ett långt lösenord",
            "kaffe cykel fönster moln",
            "gurkan dansar på taket",
            "Xk3!vR9#qL2@",
        ] {
            assert_eq!(verdict(fine, &["Amira", "Hassan"]), Ok(()), "{fine}");
        }
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let phc = hash(Password::parse("ett långt lösenord").unwrap())
            .await
            .unwrap();
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(!phc.contains("långt"));
        assert!(verify("ett långt lösenord".into(), Some(phc.clone()))
            .await
            .unwrap());
        assert!(!verify("ett annat lösenord".into(), Some(phc))
            .await
            .unwrap());
        assert!(!verify("ett långt lösenord".into(), None).await.unwrap());
    }
}
