//! Signing job seekers in and out, and who is signed in.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The signed-in job seeker, as pages greet them. Found once per request by the session
/// middleware (`ssr::http::find_signed_in`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub first_name: String,
    pub last_name: String,
}

/// What the sign-in page shows: the email tried last (so it need not be typed again) and
/// whether that attempt failed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInView {
    pub email: String,
    pub failed: bool,
}

#[cfg(feature = "ssr")]
const LAST_EMAIL_KEY: &str = "sign_in_email";

/// The sign-in page's state for this browser; reading it forgets the failure.
#[server(name = SignInState, prefix = "/api", endpoint = "konto/inloggning")]
pub async fn sign_in_state() -> Result<SignInView, AppError> {
    crate::ssr::http::take_sign_in_attempt(LAST_EMAIL_KEY).await
}

/// Signs a job seeker in with email and password, then sends them to `next` (a local path)
/// or to booking. A wrong email or password gets the same answer, after the same work.
#[server(name = SignIn, prefix = "/api", endpoint = "konto/logga-in")]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use crate::{
        domain::Email,
        ssr::{http, services::passwords, AppState},
    };
    let state = AppState::from_context()?;
    let account = match Email::parse(&email) {
        Ok(email) => state.store.seeker_credentials(&email).await?,
        Err(_) => None,
    };
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let verified = passwords::verify(password, stored).await?;
    match account.filter(|_| verified) {
        Some(account) => {
            state
                .store
                .record_sign_in(account.seeker_id, chrono::Utc::now())
                .await?;
            http::sign_in(account.seeker_id).await?;
            // Someone with a meeting ahead comes to see it; anyone else to book one.
            let now = chrono::Utc::now();
            let upcoming = state
                .store
                .seeker_bookings(account.seeker_id)
                .await?
                .iter()
                .any(|b| b.status == "booked" && b.starts_at > now);
            let home = if upcoming { "/mina-sidor" } else { "/boka" };
            http::redirect(http::local_path(&next).unwrap_or(home));
            Ok(())
        }
        None => {
            tracing::info!("sign-in refused");
            http::remember_failed_sign_in(LAST_EMAIL_KEY, &email).await?;
            let back = match http::local_path(&next) {
                Some(next) => format!(
                    "/logga-in?nasta={}",
                    crate::components::language_switch::encode_query_value(next)
                ),
                None => "/logga-in".to_owned(),
            };
            http::redirect(&back);
            Err(AppError::Unauthorized)
        }
    }
}

#[server(name = SignOut, prefix = "/api", endpoint = "konto/logga-ut")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::ssr::http;
    http::sign_out().await?;
    http::redirect("/logga-in?utloggad=1");
    Ok(())
}
