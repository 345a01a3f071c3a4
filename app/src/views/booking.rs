//! What the booking pages are drawn from.

use crate::domain::{booking::CancelForm, preparation::Tip, time::Day, BookingStatus, Channel};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One time in the picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeView {
    /// The radio button's value: counsellor and start.
    pub value: String,
    pub start: DateTime<Utc>,
    pub counsellor: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayView {
    pub date: Day,
    pub quiet: bool,
    pub times: Vec<TimeView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeChoice {
    pub id: i64,
    pub name: String,
    /// The office nearest the seeker's home, offered first.
    pub nearest: bool,
}

/// A meeting in a list, or at the top of the picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub channel: Channel,
    pub counsellor: String,
    pub counsellor_phone: String,
    pub office: Option<String>,
    pub meeting_sv: String,
    pub meeting_en: String,
    /// `booked`, `held`, `no_show` or `cancelled`.
    pub status: BookingStatus,
    /// Booked and not yet begun.
    pub upcoming: bool,
    pub times_moved: i64,
    /// Staff gave it its present time.
    pub moved_by_staff: bool,
    /// For a booked office visit: whether "Jag är här" may be pressed (or was).
    pub check_in: Option<crate::domain::arrival::CheckIn>,
    /// Cancelled by the employment service: its reason (when known) and explanation.
    pub staff_cancel: Option<StaffCancel>,
    /// The first meeting (which the seeker books and moves themselves); a follow-up is
    /// moved with the counsellor.
    pub is_first: bool,
}

/// Why the employment service cancelled a meeting, as the seeker is told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffCancel {
    pub reason: Option<crate::domain::choices::StaffCancelReason>,
    pub note: String,
}

/// The days and times a picker offers, once it knows how to meet (the seeker's and the
/// employer's alike).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimesView {
    pub days: Vec<DayView>,
    /// The day the picker opens on: a quieter one.
    pub suggested_day: Option<Day>,
    /// Nobody who knows the field can meet this way: the times are with others.
    pub fallback: bool,
    /// Those who know the field cannot meet soon: other counsellors' times are shown too.
    pub widened: bool,
    /// The time wanted was taken: the nearest free ones.
    pub nearest: Vec<TimeView>,
    /// How long the meeting takes, in minutes.
    pub minutes: i64,
}

/// What the picker at `/boka` is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickerView {
    pub first_name: String,
    /// `None` until the seeker has said how to meet.
    pub channel: Option<Channel>,
    pub office_id: Option<i64>,
    pub offices: Vec<OfficeChoice>,
    pub times: TimesView,
    /// The seeker's booked first meeting, if any.
    pub live: Option<MeetingSummary>,
    /// The booking being moved.
    pub moving: Option<MeetingSummary>,
    /// The first meeting has been held: what comes next is planned with the counsellor, so
    /// no picker is shown.
    pub after_first: Option<AfterFirst>,
    /// The ways of meeting the seeker may choose (a follow-up: its counsellor's).
    pub channels: Vec<Channel>,
    /// Moving a follow-up: the counsellor whose times these are.
    pub with_counsellor: Option<String>,
}

/// What comes after the first meeting: the counsellor who held it, how to reach them, and
/// the follow-ups booked so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AfterFirst {
    pub counsellor: String,
    pub counsellor_phone: String,
    pub follow_ups: Vec<MeetingSummary>,
}

/// Everything the meeting page (and the confirmation) shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingView {
    pub summary: MeetingSummary,
    pub counsellor_title: String,
    pub counsellor_title_en: String,
    pub counsellor_email: String,
    pub office_address: Option<String>,
    pub office_phone: Option<String>,
    /// The number the counsellor calls, for a phone meeting.
    pub seeker_phone: String,
    pub video_link: Option<String>,
    /// No video service is configured: the link leads nowhere, and the page says so.
    pub video_demo: bool,
    pub tips: Vec<Tip>,
    pub cancel_reason: Option<String>,
    pub cancel_note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileView {
    pub first_name: String,
    pub last_name: String,
    pub personal_number_masked: String,
    pub email: String,
    pub phone: String,
    pub postcode: String,
    pub preferred_language: String,
    pub interpreter_language: Option<String>,
    pub accessibility_needs: String,
    pub desired: Vec<(String, String)>,
    pub home_office: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyPagesView {
    pub upcoming: Vec<MeetingSummary>,
    pub earlier: Vec<MeetingSummary>,
    pub profile: ProfileView,
    /// The first meeting has been held: who to call about what comes next.
    pub after_first: Option<AfterFirst>,
}

/// The cancel form as last posted, when it had errors: shown again as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelState {
    pub form: CancelForm,
    pub errors: crate::domain::field_error::FieldErrors,
}
