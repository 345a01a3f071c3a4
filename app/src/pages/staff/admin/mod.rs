//! `/personal/admin/…`: keeping counsellors (administrators, and office managers for their
//! office) and staff accounts (administrators). Server-drawn plain forms: they work without
//! JavaScript, and every change comes back as a notice or as the form with its messages.

mod accessibility_reports;
mod account;
mod accounts;
mod counsellor;
mod counsellors;
mod meeting_types;
mod office;
mod offices;

pub use accessibility_reports::AccessibilityReportsPage;
pub use account::AccountPage;
pub use accounts::AccountsPage;
pub use counsellor::CounsellorPage;
pub use counsellors::CounsellorsPage;
pub use meeting_types::MeetingTypesPage;
pub use office::AdminOfficePage;
pub use offices::AdminOfficesPage;

use crate::{components::messages::I18n, domain::staff::Role, i18n::*, views::admin::AdminNotice};
use leptos::prelude::*;

/// The record a page's `{id}` names: `ny` is the form for a new one; anything else must be a
/// record's number.
pub(super) fn id_or_new() -> Result<Option<i64>, crate::error::AppError> {
    let param =
        leptos_router::hooks::use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    match param.as_str() {
        "ny" => Ok(None),
        other => other
            .parse::<i64>()
            .map(Some)
            .map_err(|_| crate::error::AppError::NotFound),
    }
}

/// What was just done, or why it was not, at the top of the page.
pub(super) fn notice_view(i18n: I18n, notice: Option<AdminNotice>) -> Option<AnyView> {
    let notice = notice?;
    let (text, error) = match notice {
        AdminNotice::Created => (t_string!(i18n, adm_notice_created), false),
        AdminNotice::AccountCreated => (t_string!(i18n, adm_notice_account_created), false),
        AdminNotice::Saved => (t_string!(i18n, adm_notice_saved), false),
        AdminNotice::Deactivated => (t_string!(i18n, adm_notice_deactivated), false),
        AdminNotice::Reactivated => (t_string!(i18n, adm_notice_reactivated), false),
        AdminNotice::LinkSent => (t_string!(i18n, adm_notice_link), false),
        AdminNotice::EditedMeanwhile => (t_string!(i18n, adm_notice_stale), true),
        AdminNotice::LastAdmin => (t_string!(i18n, adm_notice_last_admin), true),
        AdminNotice::OfficeCreated => (t_string!(i18n, ofa_notice_created), false),
        AdminNotice::DayClosed => (t_string!(i18n, ofa_notice_closed), false),
        AdminNotice::DayReopened => (t_string!(i18n, ofa_notice_reopened), false),
    };
    Some(if error {
        view! { <p class="notice notice--error" role="alert" id="meddelande">{text}</p> }.into_any()
    } else {
        view! { <p class="notice notice--success" role="status" id="meddelande">{text}</p> }
            .into_any()
    })
}

pub(super) fn role_name(i18n: I18n, role: Role) -> &'static str {
    match role {
        Role::Counsellor => t_string!(i18n, adm_role_counsellor),
        Role::OfficeManager => t_string!(i18n, adm_role_office_manager),
        Role::Admin => t_string!(i18n, adm_role_admin),
    }
}

/// When someone last signed in, or that they never have.
pub(super) fn last_sign_in_text(i18n: I18n, at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    match at {
        Some(at) => crate::components::meeting_words::when_text(i18n, at),
        None => t_string!(i18n, adm_never).to_owned(),
    }
}
