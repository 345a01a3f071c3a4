//! What the account pages are drawn from.

use serde::{Deserialize, Serialize};

/// The signed-in job seeker, as pages greet them. Found once per request by the session
/// middleware (`ssr::http::find_signed_in`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub first_name: String,
    pub last_name: String,
}

/// What the sign-in page shows: the email tried last (so it need not be typed again) and
/// whether that attempt failed, or was refused for a while (the minutes to wait).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInView {
    pub email: String,
    pub failed: bool,
    pub wait_minutes: Option<u32>,
}

/// The email of a sign-in that failed, kept for the form so it need not be typed again:
/// at the job seekers' door (`false`) or the staff's (`true`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedSignIn<const STAFF: bool> {
    pub email: String,
    #[serde(default)]
    pub wait_minutes: Option<u32>,
}
