//! Staff sign-in and sign-out (`/personal/logga-in`). Separate from the job seekers' sign-in:
//! a session belongs to one or the other, and no seeker's session reaches a staff function.

use crate::{api::account::SignInView, domain::staff::Role, error::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where staff land after signing in.
pub const STAFF_HOME: &str = "/personal/kalender";
pub const STAFF_SIGN_IN_PAGE: &str = "/personal/logga-in";

/// The signed-in member of staff, as staff pages greet them (found by the session
/// middleware, `ssr::http::find_signed_in`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSignedIn {
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
}

#[cfg(feature = "ssr")]
const LAST_EMAIL_KEY: &str = "staff_sign_in_email";

/// The staff sign-in page's state for this browser; reading it forgets the failure.
#[server(name = StaffSignInState, prefix = "/api", endpoint = "personal/inloggning")]
pub async fn staff_sign_in_state() -> Result<SignInView, AppError> {
    crate::ssr::http::take_sign_in_attempt(LAST_EMAIL_KEY).await
}

/// Signs a member of staff in, then sends them to `next` (a local staff path) or to their
/// calendar. A wrong email or password gets the same answer, after the same work.
#[server(name = StaffSignIn, prefix = "/api", endpoint = "personal/logga-in")]
pub async fn staff_sign_in(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::staff, AppState};
    let state = AppState::from_context()?;
    match staff::sign_in(&state.store, &email, password, chrono::Utc::now()).await? {
        Some(row) => {
            http::staff_sign_in(row.member.id).await?;
            let next = http::local_path(&next).filter(|p| p.starts_with("/personal/"));
            http::redirect(next.unwrap_or(STAFF_HOME));
            Ok(())
        }
        None => {
            tracing::info!("staff sign-in refused");
            http::remember_failed_sign_in(LAST_EMAIL_KEY, &email).await?;
            let back = match http::local_path(&next) {
                Some(next) => http::staff_sign_in_path(next),
                None => STAFF_SIGN_IN_PAGE.to_owned(),
            };
            http::redirect(&back);
            Err(AppError::Unauthorized)
        }
    }
}

#[server(name = StaffSignOut, prefix = "/api", endpoint = "personal/logga-ut")]
pub async fn staff_sign_out() -> Result<(), AppError> {
    use crate::ssr::http;
    http::sign_out().await?;
    http::redirect("/personal/logga-in?utloggad=1");
    Ok(())
}

/// Who is signed in, for staff pages and their islands; `Unauthorized` for anyone else,
/// job seekers included.
#[server(name = StaffMe, prefix = "/api", endpoint = "personal/jag")]
pub async fn staff_me() -> Result<StaffSignedIn, AppError> {
    use crate::ssr::{http, AppState};
    let state = AppState::from_context()?;
    let row = http::staff(&state, STAFF_HOME).await?;
    Ok(StaffSignedIn {
        first_name: row.first_name,
        last_name: row.last_name,
        role: row.member.role,
    })
}
