//! `/personal/…`: the staff side. Every page checks the staff session itself; a job seeker's
//! session is never enough.

mod absences;
mod access_log;
mod admin;
mod calendar;
mod coverage;
mod figures;
mod meeting_panel;
mod office;
mod office_employers;
mod office_reports;
mod password_link;
mod people;
mod person_case;
mod rating_figures;
mod sign_in;
mod staff_book;
mod work_hours;

pub use access_log::AccessLogPage;
pub use admin::{
    AccessibilityReportsPage, AccountPage, AccountsPage, AdminOfficePage, AdminOfficesPage,
    CounsellorPage, CounsellorsPage, MeetingTypesPage,
};
pub use calendar::CalendarPage;
pub use coverage::CoveragePage;
pub use figures::FiguresPage;
pub use office::OfficePage;
pub use office_employers::OfficeEmployersPage;
pub use office_reports::OfficeReportsPage;
pub use password_link::PasswordLinkPage;
pub(crate) use password_link::SetPassword;
pub use people::PeoplePage;
pub use person_case::PersonCasePage;
pub use sign_in::StaffSignInPage;
pub use staff_book::StaffBookPage;
pub use work_hours::WorkHoursPage;

/// Sends anyone who is not signed in as staff to the staff sign-in, and back to `back`
/// afterwards. Checked while rendering, from what the session middleware found.
pub(crate) fn require_staff(back: &str) {
    #[cfg(feature = "ssr")]
    if crate::ssr::http::staff_signed_in().is_none() {
        crate::ssr::http::redirect(&crate::paths::staff_sign_in(back));
    }
    #[cfg(not(feature = "ssr"))]
    let _ = back;
}

/// A staff page that could not be drawn: refused (with the page's own sentence, `refused`),
/// or failed as any page does.
pub(crate) fn staff_load_failed(
    i18n: crate::components::messages::I18n,
    error: crate::error::AppError,
    title: &'static str,
    refused: &'static str,
) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    match error {
        crate::error::AppError::Forbidden => view! {
            <div class="page page--form">
                <h1>{title}</h1>
                <p class="notice notice--error" role="alert">{refused}</p>
            </div>
        }
        .into_any(),
        e => crate::pages::my_pages::load_failed(i18n, e, title),
    }
}
