//! Signing job seekers in and out, and who is signed in.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{error::AppError, views::account::SignInView};
use leptos::prelude::*;

/// The sign-in page's state for this browser; reading it forgets the failure.
#[server(name = SignInState, prefix = "/api", endpoint = "konto/inloggning")]
pub async fn sign_in_state() -> Result<SignInView, AppError> {
    crate::ssr::http::take_sign_in_attempt::<false>().await
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
        domain::{BookingStatus, Email},
        ssr::{
            http,
            services::{passwords, sign_in_guard},
            AppState,
        },
    };
    let state = AppState::from_context()?;
    let address = http::client_address(state.forwarded_for);
    let attempt = sign_in_guard::Attempt::new(sign_in_guard::Door::Seeker, &email, address);
    let checked = sign_in_guard::guarded(&state.store, &attempt, chrono::Utc::now(), async {
        let account = match Email::parse(&email) {
            Ok(email) => state.store.seeker_credentials(&email).await?,
            Err(_) => None,
        };
        passwords::account_if_right(account, |a| &a.password_hash, password).await
    })
    .await?;
    match checked {
        Ok(account) => {
            state
                .store
                .record_sign_in(account.seeker_id, chrono::Utc::now())
                .await?;
            http::sign_in(account.seeker_id).await?;
            // Someone with a meeting ahead or under way comes to see it; anyone else to book one.
            let now = chrono::Utc::now();
            let upcoming = state
                .store
                .seeker_bookings(account.seeker_id)
                .await?
                .iter()
                .any(|b| b.status == BookingStatus::Booked && b.ends_at > now);
            let home = if upcoming {
                paths::MY_PAGES
            } else {
                paths::BOOK
            };
            http::redirect(http::local_path(&next).unwrap_or(home));
            Ok(())
        }
        Err(refusal) => {
            tracing::info!(?refusal, "sign-in refused");
            http::remember_failed_sign_in::<false>(&email, refusal.wait_minutes()).await?;
            let back = match http::local_path(&next) {
                Some(next) => format!(
                    "{}?nasta={}",
                    paths::SIGN_IN,
                    paths::encode_query_value(next)
                ),
                None => paths::SIGN_IN.to_owned(),
            };
            http::redirect(&back);
            Err(refusal.error())
        }
    }
}

#[server(name = SignOut, prefix = "/api", endpoint = "konto/logga-ut")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::ssr::http;
    http::sign_out().await?;
    http::redirect(&format!("{}?utloggad=1", paths::SIGN_IN));
    Ok(())
}
