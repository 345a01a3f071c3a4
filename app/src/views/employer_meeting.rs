//! What the employer's meeting pages are drawn from: the picker at `/arbetsgivare/boka` and
//! a meeting's own page.

use crate::{
    domain::Channel,
    views::booking::{MeetingSummary, MeetingView, OfficeChoice, TimesView},
};
use serde::{Deserialize, Serialize};

/// One of the organisation's open needs, to say what a meeting is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedChoice {
    pub id: i64,
    pub headline: String,
}

/// The employer's picker: what the meeting is about, how to meet, and the times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployerPickerView {
    pub needs: Vec<NeedChoice>,
    /// The need chosen; `None` for a meeting about recruiting in general.
    pub need_id: Option<i64>,
    /// The ways of meeting an employer meeting is offered in.
    pub channels: Vec<Channel>,
    /// `None` until the employer has said how to meet.
    pub channel: Option<Channel>,
    /// Offices where employer counsellors meet visitors; the organisation's own first.
    pub offices: Vec<OfficeChoice>,
    pub office_id: Option<i64>,
    /// For phone and video: the office whose employer counsellors the times are with, when
    /// they are the organisation's own office's.
    pub local_office: Option<String>,
    pub times: TimesView,
    /// The meeting being moved.
    pub moving: Option<MeetingSummary>,
}

/// A meeting's page for the employer: its facts, what it is about and who booked it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployerMeetingView {
    pub meeting: MeetingView,
    pub need: Option<NeedChoice>,
    pub booked_by: String,
}

/// The organisation's meetings, for its overview: coming (soonest first) and earlier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerMeetings {
    pub upcoming: Vec<MeetingSummary>,
    pub earlier: Vec<MeetingSummary>,
}
