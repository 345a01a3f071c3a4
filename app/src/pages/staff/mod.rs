//! `/personal/…`: the staff side. Every page checks the staff session itself; a job seeker's
//! session is never enough.

mod calendar;
mod figures;
mod meeting_panel;
mod office;
mod sign_in;
mod work_hours;

pub use calendar::CalendarPage;
pub use figures::FiguresPage;
pub use office::OfficePage;
pub use sign_in::StaffSignInPage;
pub use work_hours::WorkHoursPage;

/// Sends anyone who is not signed in as staff to the staff sign-in, and back to `back`
/// afterwards. Checked while rendering, from what the session middleware found.
pub(crate) fn require_staff(back: &str) {
    #[cfg(feature = "ssr")]
    if crate::ssr::http::staff_signed_in().is_none() {
        crate::ssr::http::redirect(&crate::ssr::http::staff_sign_in_path(back));
    }
    #[cfg(not(feature = "ssr"))]
    let _ = back;
}
