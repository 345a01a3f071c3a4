//! What the administration pages for counsellors, staff accounts and the one-time password
//! link are drawn from.

use crate::{
    domain::{
        admin::{
            accounts::{AccountForm, NewAccountForm},
            counsellor::CounsellorForm,
        },
        field_error::FieldErrors,
        staff::Role,
        Channel,
    },
    views::work_hours::Collision,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A choice in a drop-down or a list of checkboxes: the code sent, the words shown (Swedish
/// and English).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub sv: String,
    pub en: String,
}

/// What was just done, shown once at the top of the page it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdminNotice {
    Created,
    AccountCreated,
    Saved,
    Deactivated,
    Reactivated,
    LinkSent,
    /// Someone else changed the record meanwhile: the form shows it as it is now.
    EditedMeanwhile,
    /// The change would have left no administrator.
    LastAdmin,
    OfficeCreated,
    /// An office closed for a day, or opened again.
    DayClosed,
    DayReopened,
}

/// One counsellor on the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounsellorItem {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub office: String,
    pub active: bool,
    pub serves_employers: bool,
    /// Occupational fields' names, in Swedish and English.
    pub fields: Vec<(String, String)>,
    pub languages: Vec<String>,
    pub channels: Vec<Channel>,
    pub last_sign_in: Option<DateTime<Utc>>,
    pub booked_ahead: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounsellorsView {
    pub counsellors: Vec<CounsellorItem>,
    /// The office an office manager keeps, or `None` for an administrator (every office).
    pub office: Option<String>,
    pub notice: Option<AdminNotice>,
}

/// The form for a new counsellor or for changing one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounsellorEditView {
    /// `None` for a new counsellor.
    pub id: Option<i64>,
    pub name: String,
    pub form: CounsellorForm,
    pub errors: FieldErrors,
    pub offices: Vec<Choice>,
    pub fields: Vec<Choice>,
    pub active: bool,
    pub account_id: Option<i64>,
    pub last_sign_in: Option<DateTime<Utc>>,
    /// Meetings still booked with them, each linked to where it can be moved.
    pub booked: Vec<Collision>,
    pub notice: Option<AdminNotice>,
}

/// A staff account on the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountItem {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub office: Option<String>,
    pub counsellor_id: Option<i64>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub last_sign_in: Option<DateTime<Utc>>,
    pub link_waiting: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsView {
    pub accounts: Vec<AccountItem>,
    pub notice: Option<AdminNotice>,
    /// The form for an office manager's or administrator's account, as typed last.
    pub new_account: NewAccountForm,
    pub errors: FieldErrors,
    pub offices: Vec<Choice>,
}

/// One account's page: its role and office, closing it, and a new password link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountEditView {
    pub account: AccountItem,
    pub form: AccountForm,
    pub errors: FieldErrors,
    pub offices: Vec<Choice>,
    pub notice: Option<AdminNotice>,
}

/// The page a one-time link opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordLinkView {
    /// The link works: whose account it is, and what was refused last time.
    Usable {
        first_name: String,
        email: String,
        errors: FieldErrors,
    },
    /// Used, expired, replaced by a newer one, or never made: the page says to ask for a
    /// new one, without saying which (nor whether the account exists).
    Spent,
}

/// A counsellor form refused, kept for the page it goes back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounsellorRefusal {
    pub id: Option<i64>,
    pub form: CounsellorForm,
    pub errors: FieldErrors,
}

/// An account form refused, kept for the page it goes back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRefusal {
    pub id: i64,
    pub form: AccountForm,
    pub errors: FieldErrors,
}

/// A new account's form refused, kept for the list page it goes back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccountRefusal {
    pub form: NewAccountForm,
    pub errors: FieldErrors,
}

/// A password refused on the one-time link's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordRefusal {
    pub errors: FieldErrors,
}

/// One meeting type with its form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingTypeItem {
    pub code: String,
    pub name_sv: String,
    pub name_en: String,
    pub form: crate::domain::admin::meeting_type::MeetingTypeForm,
    pub errors: FieldErrors,
}

/// `/personal/admin/motestyper`: every meeting type's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingTypesView {
    pub types: Vec<MeetingTypeItem>,
    pub notice: Option<AdminNotice>,
    /// The type the notice is about (the page opens at it).
    pub changed: Option<String>,
}

/// A meeting type's form refused, kept for the page it goes back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingTypeRefusal {
    pub code: String,
    pub form: crate::domain::admin::meeting_type::MeetingTypeForm,
    pub errors: FieldErrors,
}
