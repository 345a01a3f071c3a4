//! The question after a meeting, as its page (by link) and Mina sidor show it.

use crate::domain::{
    field_error::FieldErrors,
    rating::{RatingForm, TallyShown},
    Channel,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The meeting asked about (with the counsellor's first name), and until when it may be
/// answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatedMeeting {
    pub meeting: crate::views::my_case::CaseMeeting,
    pub closes_at: DateTime<Utc>,
}

/// Where a question stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RatingState {
    Open(RatedMeeting),
    /// Answered (by this visit or an earlier one): thanked.
    Answered,
    /// Closed after 14 days, or no such question: the same words, so a link tells nothing.
    Closed,
}

/// A question with the form as the last refused post left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingView {
    pub state: RatingState,
    pub form: RatingForm,
    pub errors: FieldErrors,
}

/// Left for the next page after a refused answer: which meeting, what was typed and why not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingRefusal {
    pub booking_id: i64,
    pub form: RatingForm,
    pub errors: FieldErrors,
}

/// Left for Mina sidor after an answer there: thanked once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingThanks;

/// Mina sidor's question: the newest open one, and whether one was just answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRatingView {
    pub open: Option<RatingView>,
    pub thanked: bool,
}

/// The ratings of an office's meetings in a period, in groups: each shows how many were
/// asked and answered, and results only from five answers on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RatingFigures {
    pub office: TallyShown,
    pub by_channel: Vec<(Channel, TallyShown)>,
    /// Swedish and English names of the kind of meeting.
    pub by_meeting_type: Vec<(String, String, TallyShown)>,
    /// What people wrote, newest first: only when (the month), never who or about whom.
    pub comments: Vec<RatingComment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingComment {
    pub written: DateTime<Utc>,
    pub text: String,
}
