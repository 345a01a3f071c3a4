//! What the employer's pages are drawn from.

use crate::domain::{
    employer::{need::NeedForm, registration::EmployerForm},
    field_error::FieldErrors,
    time::Day,
    Occupation,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The signed-in employer's user, as pages greet them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerSignedIn {
    pub first_name: String,
    pub organisation: String,
}

/// The registration form: as typed when it was refused (never the password), with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerRegistrationView {
    pub form: EmployerForm,
    pub errors: FieldErrors,
    pub today: Day,
    /// The details were taken (or matched an account) and nothing was created: the page
    /// says what happens next without telling whether anyone is registered.
    pub not_created: bool,
}

/// A refused registration, kept for the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerRegistrationRefusal {
    pub form: EmployerForm,
    pub errors: FieldErrors,
    pub not_created: bool,
}

/// The email of a failed sign-in at the employers' door.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerFailedSignIn {
    pub email: String,
    #[serde(default)]
    pub wait_minutes: Option<u32>,
}

/// The organisation's overview: who acts for it, who is invited, its needs and drafts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerHomeView {
    pub organisation: String,
    pub org_number: String,
    pub address: String,
    pub municipality: String,
    /// The office that serves the organisation, if one does.
    pub office: Option<String>,
    pub me: i64,
    pub users: Vec<ColleagueItem>,
    pub invitations: Vec<InvitationItem>,
    pub meetings: crate::views::employer_meeting::EmployerMeetings,
    pub needs: Vec<NeedItem>,
    pub drafts: Vec<DraftItem>,
    /// The invitation form as typed when refused, with why; or the address just invited.
    pub invite_email: String,
    pub invite_errors: FieldErrors,
    pub invited: Option<String>,
    /// A notice after a change ("saved", "closed").
    pub notice: Option<EmployerNotice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColleagueItem {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationItem {
    pub email: String,
    pub expires_at: DateTime<Utc>,
}

/// A need on the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedItem {
    pub id: i64,
    pub headline: String,
    pub occupation_sv: String,
    pub occupation_en: String,
    pub positions: i64,
    pub municipality: String,
    pub apply_by: NaiveDate,
    /// `open`, `filled` or `withdrawn`.
    pub status: String,
    /// Changes typed and not yet saved.
    pub has_draft: bool,
}

/// A need typed and not yet published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftItem {
    pub id: i64,
    pub headline: String,
    pub updated_at: DateTime<Utc>,
}

/// What happened, said once on the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmployerNotice {
    /// The organisation was just registered.
    Registered,
    /// A colleague just accepted their invitation.
    Welcome,
    Published,
    Saved,
    DraftKept,
    DraftDeleted,
    Filled,
    Withdrawn,
    Invited,
    /// A meeting was cancelled.
    MeetingCancelled,
}

impl EmployerNotice {
    pub fn slug(self) -> &'static str {
        match self {
            Self::Registered => "registrerad",
            Self::Welcome => "valkommen",
            Self::Published => "publicerat",
            Self::Saved => "sparat",
            Self::DraftKept => "utkast",
            Self::DraftDeleted => "utkast-borttaget",
            Self::Filled => "tillsatt",
            Self::Withdrawn => "aterkallat",
            Self::Invited => "inbjuden",
            Self::MeetingCancelled => "avbokat",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        [
            Self::Registered,
            Self::Welcome,
            Self::Published,
            Self::Saved,
            Self::DraftKept,
            Self::DraftDeleted,
            Self::Filled,
            Self::Withdrawn,
            Self::Invited,
            Self::MeetingCancelled,
        ]
        .into_iter()
        .find(|n| n.slug() == slug)
    }
}

/// The need form: a new need (from a draft, or empty) or changes to a published one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedFormView {
    pub form: NeedForm,
    pub errors: FieldErrors,
    pub today: Day,
    /// The draft being typed in, once one is kept.
    pub draft_id: Option<i64>,
    /// The published need being changed.
    pub need_id: Option<i64>,
    /// `open`, `filled` or `withdrawn` for a published need.
    pub status: Option<String>,
    /// The chosen occupation, named.
    pub chosen: Vec<Occupation>,
    /// A search without JavaScript, and what it found.
    pub query: String,
    pub results: Vec<Occupation>,
}

/// A need form post that was not published: what was typed, with why (kept for the form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedRefusal {
    pub form: NeedForm,
    pub errors: FieldErrors,
}

/// The page an invitation's link opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationView {
    Usable {
        organisation: String,
        email: String,
        form: crate::domain::employer::registration::ContactPersonForm,
        errors: FieldErrors,
        today: Day,
    },
    /// Used, expired or never made: the page says to ask for a new one.
    Spent,
}

/// A refused acceptance, kept for the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationRefusal {
    pub form: crate::domain::employer::registration::ContactPersonForm,
    pub errors: FieldErrors,
}

/// The refused invitation form on the overview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteRefusal {
    pub email: String,
    pub errors: FieldErrors,
}
