//! Staff sign-in and sign-out (`/personal/logga-in`). Separate from the job seekers' sign-in:
//! a session belongs to one or the other, and no seeker's session reaches a staff function.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{
    error::AppError,
    views::{account::SignInView, staff::StaffSignedIn},
};
use leptos::prelude::*;

/// The staff sign-in page's state for this browser; reading it forgets the failure.
#[server(name = StaffSignInState, prefix = "/api", endpoint = "personal/inloggning")]
pub async fn staff_sign_in_state() -> Result<SignInView, AppError> {
    crate::ssr::http::take_sign_in_attempt::<true>().await
}

/// Signs a member of staff in, then sends them to `next` (a local staff path) or to their
/// calendar. A wrong email or password gets the same answer, after the same work.
#[server(name = StaffSignIn, prefix = "/api", endpoint = "personal/logga-in")]
pub async fn staff_sign_in(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use crate::ssr::{
        http,
        services::{sign_in_guard, staff},
        AppState,
    };
    let state = AppState::from_context()?;
    let now = chrono::Utc::now();
    let address = http::client_address(state.forwarded_for);
    let attempt = sign_in_guard::Attempt::new(sign_in_guard::Door::Staff, &email, address);
    let checked = sign_in_guard::guarded(&state.store, &attempt, now, async {
        staff::sign_in(&state.store, &email, password, now).await
    })
    .await?;
    match checked {
        Ok(row) => {
            http::staff_sign_in(&row).await?;
            let next = http::local_path(&next).filter(|p| p.starts_with(paths::STAFF));
            http::redirect(next.unwrap_or(paths::STAFF_HOME));
            Ok(())
        }
        Err(refusal) => {
            tracing::info!(?refusal, "staff sign-in refused");
            http::remember_failed_sign_in::<true>(&email, refusal.wait_minutes()).await?;
            let back = match http::local_path(&next) {
                Some(next) => paths::staff_sign_in(next),
                None => paths::STAFF_SIGN_IN.to_owned(),
            };
            http::redirect(&back);
            Err(refusal.error())
        }
    }
}

#[server(name = StaffSignOut, prefix = "/api", endpoint = "personal/logga-ut")]
pub async fn staff_sign_out() -> Result<(), AppError> {
    use crate::ssr::http;
    http::sign_out().await?;
    http::redirect(&format!("{}?utloggad=1", paths::STAFF_SIGN_IN));
    Ok(())
}

/// Who is signed in, for staff pages and their islands; `Unauthorized` for anyone else,
/// job seekers included.
#[server(name = StaffMe, prefix = "/api", endpoint = "personal/jag")]
pub async fn staff_me() -> Result<StaffSignedIn, AppError> {
    use crate::ssr::{http, AppState};
    let state = AppState::from_context()?;
    let row = http::staff(&state, paths::STAFF_HOME).await?;
    Ok(StaffSignedIn {
        first_name: row.first_name,
        last_name: row.last_name,
        role: row.member.role,
    })
}
