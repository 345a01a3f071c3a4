//! What the staff pages are drawn from.

use crate::domain::staff::Role;
use serde::{Deserialize, Serialize};

/// The signed-in member of staff, as staff pages greet them (found by the session
/// middleware, `ssr::http::find_signed_in`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSignedIn {
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
}
