//! Redirect-after-post, once for every plain form: a browser posting without JavaScript is
//! sent back to a page with what happened (a notice, or the refused form as typed) left in
//! the session for that page to show once; an island calling the same server function gets
//! the result as it is.

use super::http;
use crate::error::AppError;
use serde::{de::DeserializeOwned, Serialize};

/// A value a page shows once after a post: what was typed and refused, or what was done.
/// Each kind has its own place in the session, so two parts of one page (the calendar and
/// its meeting panel) each find their own.
pub trait Flash: Serialize + DeserializeOwned + Send + Sync {
    const KEY: &'static str;
}

/// Leaves `value` for the next page that asks for its kind.
pub async fn leave<F: Flash>(value: F) -> Result<(), AppError> {
    http::session()
        .await?
        .insert(F::KEY, value)
        .await
        .map_err(AppError::internal)
}

/// The value of its kind left by the last post, forgotten as it is read. One that no longer
/// reads as its kind (left by an older release) is forgotten too: the page is drawn without
/// it rather than failing.
pub async fn take<F: Flash>() -> Result<Option<F>, AppError> {
    match http::session().await?.remove::<F>(F::KEY).await {
        Ok(value) => Ok(value),
        Err(err) => {
            tracing::warn!(%err, key = F::KEY, "a flash value could not be read; dropped");
            Ok(None)
        }
    }
}

/// Where a plain form post goes next, and what it leaves for that page.
pub struct Back {
    to: String,
    leave: Option<(&'static str, serde_json::Value)>,
}

impl Back {
    pub fn to(path: impl Into<String>) -> Self {
        Self {
            to: path.into(),
            leave: None,
        }
    }

    pub fn with<F: Flash>(mut self, value: F) -> Self {
        match serde_json::to_value(value) {
            Ok(v) => self.leave = Some((F::KEY, v)),
            // Only a type that cannot be written as JSON gets here: a bug, shown as nothing
            // left rather than a failed post.
            Err(err) => tracing::error!(%err, key = F::KEY, "a flash value could not be kept"),
        }
        self
    }
}

/// Answers a server function called by a form: a plain form post goes where `back` says
/// for this result (nowhere: the answer as it is), every other caller gets the result.
pub async fn come_back<T>(
    result: Result<T, AppError>,
    back: impl FnOnce(&Result<T, AppError>) -> Option<Back>,
) -> Result<T, AppError> {
    if !http::is_form_post() {
        return result;
    }
    if let Some(Back { to, leave }) = back(&result) {
        if let Some((key, value)) = leave {
            http::session()
                .await?
                .insert(key, value)
                .await
                .map_err(AppError::internal)?;
        }
        http::redirect(&to);
    }
    result
}

/// The page a form asked to go back to (`tillbaka`, `back`), when it is one of ours under
/// `within`; else `fallback`. Any `#fragment` is dropped, for the caller to add its own.
pub fn return_to(asked: &str, within: &str, fallback: impl FnOnce() -> String) -> String {
    http::local_path(asked)
        .filter(|p| p.starts_with(within))
        .map(|p| p.split('#').next().unwrap_or(p).to_owned())
        .unwrap_or_else(fallback)
}

// Every kind a page shows once, each in its own place in the session.
impl Flash for crate::views::activity_report::ReportRefusal {
    const KEY: &'static str = "report_refused";
}
impl Flash for crate::views::activity_report::ReportNotice {
    const KEY: &'static str = "report_notice";
}
impl Flash for crate::views::calendar::RefusedOpenTime {
    const KEY: &'static str = "refused_open_time";
}
impl Flash for crate::views::person_search::PersonSearchView {
    const KEY: &'static str = "person_search";
}
impl Flash for crate::views::person_case::CaseFlash {
    const KEY: &'static str = "person_case";
}
impl Flash for crate::views::case_file::PanelRefusal {
    const KEY: &'static str = "case_refused";
}
impl Flash for crate::views::case_file::PanelDone {
    const KEY: &'static str = "case_done";
}
impl Flash for crate::views::work_hours::WorkHoursRefusal {
    const KEY: &'static str = "work_hours_refused";
}
impl Flash for crate::views::work_hours::WorkHoursDone {
    const KEY: &'static str = "work_hours_done";
}
impl Flash for crate::views::profile::ProfileRefusal {
    const KEY: &'static str = "profile_form";
}
impl Flash for crate::views::office::CapacityRefusal {
    const KEY: &'static str = "capacity_refused";
}
impl Flash for crate::views::office::CapacitySaved {
    const KEY: &'static str = "capacity_saved";
}
impl Flash for crate::views::booking::CancelState {
    const KEY: &'static str = "cancel_form";
}
impl Flash for crate::views::account::FailedSignIn<false> {
    const KEY: &'static str = "sign_in_email";
}
impl Flash for crate::views::account::FailedSignIn<true> {
    const KEY: &'static str = "staff_sign_in_email";
}
impl Flash for crate::views::admin::AdminNotice {
    const KEY: &'static str = "admin_notice";
}
impl Flash for crate::views::admin::CounsellorRefusal {
    const KEY: &'static str = "admin_counsellor_refused";
}
impl Flash for crate::views::admin::AccountRefusal {
    const KEY: &'static str = "admin_account_refused";
}
impl Flash for crate::views::admin::NewAccountRefusal {
    const KEY: &'static str = "admin_new_account_refused";
}
impl Flash for crate::views::admin::MeetingTypeRefusal {
    const KEY: &'static str = "admin_meeting_type_refused";
}
impl Flash for crate::views::office_admin::OfficeRefusal {
    const KEY: &'static str = "admin_office_refused";
}
impl Flash for crate::views::office_admin::ClosureRefusal {
    const KEY: &'static str = "admin_closure_refused";
}
impl Flash for crate::views::admin::PasswordRefusal {
    const KEY: &'static str = "password_link_refused";
}

impl Flash for crate::views::employer::EmployerRegistrationRefusal {
    const KEY: &'static str = "employer_registration_refused";
}
impl Flash for crate::views::employer::EmployerFailedSignIn {
    const KEY: &'static str = "employer_sign_in_email";
}
impl Flash for crate::views::employer::NeedRefusal {
    const KEY: &'static str = "need_refused";
}
impl Flash for crate::views::employer::InvitationRefusal {
    const KEY: &'static str = "invitation_refused";
}
impl Flash for crate::views::employer::InviteRefusal {
    const KEY: &'static str = "invite_result";
}
impl Flash for crate::views::accessibility::AccessibilityFormView {
    const KEY: &'static str = "accessibility_report";
}
impl Flash for crate::views::accessibility::ReportMarked {
    const KEY: &'static str = "accessibility_report_marked";
}

impl Flash for crate::views::personal_data::EraseFormView {
    const KEY: &'static str = "erase_form";
}

impl Flash for crate::views::rating::RatingRefusal {
    const KEY: &'static str = "rating_refused";
}
impl Flash for crate::views::rating::RatingThanks {
    const KEY: &'static str = "rating_thanks";
}

#[cfg(test)]
mod tests {
    use super::return_to;

    #[test]
    fn only_our_own_pages_are_gone_back_to() {
        let fallback = || "/personal/kalender".to_owned();
        assert_eq!(
            return_to(
                "/personal/kalender?dag=2026-11-24#mote",
                "/personal/kalender",
                fallback
            ),
            "/personal/kalender?dag=2026-11-24"
        );
        for bad in [
            "//evil.example/personal/kalender",
            "https://evil.example",
            "/boka",
            "/\\evil",
            "",
        ] {
            assert_eq!(
                return_to(bad, "/personal/kalender", fallback),
                fallback(),
                "{bad}"
            );
        }
    }
}
