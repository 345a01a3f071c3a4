//! Password hashing with argon2id. Hashing is deliberately slow, so it runs on the blocking
//! thread pool and never stalls the async runtime's workers.

use crate::{domain::registration::Password, error::AppError};
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use std::sync::LazyLock;

/// argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommendation).
fn argon2() -> Argon2<'static> {
    Argon2::default()
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

#[cfg(test)]
mod tests {
    use super::*;

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
