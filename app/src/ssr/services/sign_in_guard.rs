//! Sign-in throttling at the three doors (job seekers, staff, employers): a try that must
//! wait is refused before the password is checked, failures are counted per account and
//! per address in the database (so every process agrees), and a successful sign-in forgets
//! the account's. `domain::sign_in_throttle` holds the rule.

use crate::{
    domain::sign_in_throttle::{self as throttle, Limits},
    error::AppError,
    ssr::store::Store,
};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::net::IpAddr;

/// Which sign-in form: the same email may be an account at more than one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Door {
    Seeker,
    Staff,
    Employer,
}

impl Door {
    fn name(self) -> &'static str {
        match self {
            Door::Seeker => "seeker",
            Door::Staff => "staff",
            Door::Employer => "employer",
        }
    }
}

/// One try to sign in, known by the keys its failures are counted under.
pub struct Attempt {
    account: String,
    address: Option<String>,
}

impl Attempt {
    /// The email is counted as typed (trimmed, any case), whether or not it has an account,
    /// so the answer never tells which addresses are registered. An IPv6 client is counted
    /// by its /64 network: one connection commonly holds all of those addresses.
    pub fn new(door: Door, email: &str, address: Option<IpAddr>) -> Self {
        let account = key(&format!("{}:{}", door.name(), email.trim().to_lowercase()));
        let address = address.map(|a| match a {
            IpAddr::V4(v4) => key(&format!("address:{v4}")),
            IpAddr::V6(v6) => {
                let s = v6.segments();
                key(&format!(
                    "address:{:x}:{:x}:{:x}:{:x}::/64",
                    s[0], s[1], s[2], s[3]
                ))
            }
        });
        Attempt { account, address }
    }

    fn keys(&self) -> impl Iterator<Item = (&str, Limits)> {
        std::iter::once((self.account.as_str(), throttle::ACCOUNT)).chain(
            self.address
                .as_deref()
                .map(|address| (address, throttle::ADDRESS)),
        )
    }
}

/// Neither the email nor the address is kept, only this.
fn key(text: &str) -> String {
    Sha256::digest(format!("tidbok-sign-in:{text}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why a sign-in did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The email or the password is wrong (never which).
    Wrong,
    /// Too many failures: try again in this many minutes. The password was not checked.
    Wait(u32),
}

impl Refusal {
    /// The minutes to wait, for the form to say.
    pub fn wait_minutes(self) -> Option<u32> {
        match self {
            Refusal::Wrong => None,
            Refusal::Wait(minutes) => Some(minutes),
        }
    }

    /// What a script calling the endpoint gets (401, or 429 with Retry-After).
    pub fn error(self) -> AppError {
        match self {
            Refusal::Wrong => AppError::Unauthorized,
            Refusal::Wait(minutes) => AppError::TooManyAttempts(minutes),
        }
    }
}

/// Checks a sign-in with `verify` (the account when email and password are right) unless
/// the account or address must wait; counts a failure, forgets the account's failures on
/// success.
pub async fn guarded<T>(
    store: &Store,
    attempt: &Attempt,
    now: DateTime<Utc>,
    verify: impl std::future::Future<Output = Result<Option<T>, AppError>>,
) -> Result<Result<T, Refusal>, AppError> {
    if let Err(minutes) = check(store, attempt, now).await? {
        return Ok(Err(Refusal::Wait(minutes)));
    }
    match verify.await? {
        Some(account) => {
            succeeded(store, attempt).await?;
            Ok(Ok(account))
        }
        None => {
            failed(store, attempt, now).await?;
            Ok(Err(Refusal::Wrong))
        }
    }
}

/// `Err` with the minutes to wait when the account or the address must wait.
async fn check(
    store: &Store,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> Result<Result<(), u32>, AppError> {
    let mut longest = None;
    for (key, limits) in attempt.keys() {
        let wait = throttle::wait(store.sign_in_failures(key).await?, limits, now);
        longest = longest.max(wait);
    }
    match longest {
        Some(wait) => {
            tracing::warn!(
                wait_seconds = wait.num_seconds(),
                "sign-in refused: too many failures"
            );
            Ok(Err(throttle::minutes_to_say(wait)))
        }
        None => Ok(Ok(())),
    }
}

/// Counts a wrong email or password for the account and the address.
async fn failed(store: &Store, attempt: &Attempt, now: DateTime<Utc>) -> Result<(), AppError> {
    for (key, _) in attempt.keys() {
        store
            .count_sign_in_failure(key, now, throttle::forgotten_before(now))
            .await?;
    }
    Ok(())
}

/// Forgets the account's failures; the address's stay (one's own account must not clear
/// the way for guessing others').
async fn succeeded(store: &Store, attempt: &Attempt) -> Result<(), AppError> {
    Ok(store.forget_sign_in_failures(&attempt.account).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hide_the_email_and_address_and_tell_doors_apart() {
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        let a = Attempt::new(Door::Seeker, " Anna@Example.se ", Some(v4));
        let b = Attempt::new(Door::Seeker, "anna@example.se", None);
        let staff = Attempt::new(Door::Staff, "anna@example.se", None);
        assert_eq!(a.account, b.account);
        assert_ne!(a.account, staff.account);
        assert!(!a.account.contains("anna") && a.account.len() == 64);
        assert_eq!(b.keys().count(), 1);
        let one: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let elsewhere: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        let at = |ip| Attempt::new(Door::Seeker, "x@y.se", Some(ip)).address;
        assert_eq!(at(one), at(other));
        assert_ne!(at(one), at(elsewhere));
    }
}
