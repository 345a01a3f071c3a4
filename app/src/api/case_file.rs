//! A meeting's side panel in the staff calendar: the seeker's profile, contact details and
//! needs, the whole case timeline in every channel, and what staff do after the meeting
//! (outcome, note, follow-up, a new time). Every form is a plain post that comes back to the
//! panel, with what was typed and why it was refused when it was.

use crate::{
    domain::{
        case::{FollowUpForm, MoveForm},
        field_error::FieldErrors,
        time::Day,
        Channel,
    },
    error::AppError,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The meeting the panel is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelMeeting {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub channel: Channel,
    pub status: String,
    pub meeting_sv: String,
    pub meeting_en: String,
    pub counsellor: String,
    pub office: Option<String>,
    /// An office visitor who has arrived: when, whether fetched, and minutes waited.
    pub arrived_at: Option<DateTime<Utc>>,
    pub fetched: bool,
    pub waited_minutes: Option<i64>,
}

/// The seeker as the counsellor prepares for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelSeeker {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub preferred_language: String,
    pub interpreter_language: Option<String>,
    pub accessibility_needs: String,
    /// Desired occupations, Swedish and English names.
    pub desired: Vec<(String, String)>,
    /// Occupational fields, Swedish and English names.
    pub fields: Vec<(String, String)>,
    /// Employer, occupation, from, to (`YYYY-MM`), description.
    pub experiences: Vec<(String, String, String, Option<String>, String)>,
    /// Level code, field of study, school, year.
    pub educations: Vec<(String, String, String, Option<i64>)>,
    /// Language code, level code.
    pub languages: Vec<(String, String)>,
    /// Extent, situation and other skills, when given.
    pub profile: Option<(String, String, String)>,
}

/// One thing that happened in the case, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimelineEntry {
    Meeting {
        id: i64,
        starts_at: DateTime<Utc>,
        channel: Channel,
        status: String,
        meeting_sv: String,
        meeting_en: String,
        counsellor: String,
        /// Booked by staff as a follow-up.
        follow_up: bool,
    },
    Note {
        at: DateTime<Utc>,
        author: String,
        body: String,
    },
}

/// A counsellor a follow-up can be booked with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpCounsellor {
    pub id: i64,
    pub name: String,
    pub office: String,
    pub channels: Vec<Channel>,
}

/// A form the server refused, typed values and errors, to draw again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelRefusal {
    /// `outcome`, `note`, `follow_up` or `move`.
    pub form: String,
    pub note: String,
    pub follow_up: FollowUpForm,
    pub move_to: MoveForm,
    pub errors: FieldErrors,
    /// A rule that refused it (e.g. `booking_overlap`, `not_open`), if not a field.
    pub conflict: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFile {
    pub meeting: PanelMeeting,
    pub seeker: PanelSeeker,
    pub timeline: Vec<TimelineEntry>,
    /// Whether the signed-in staff member may act on this meeting (its counsellor, their
    /// manager, an administrator), not only read it.
    pub may_handle: bool,
    /// Whether it can be marked held or no-show now (booked, and begun).
    pub may_mark: bool,
    pub counsellors: Vec<FollowUpCounsellor>,
    /// The counsellor of this meeting (chosen first for a follow-up).
    pub counsellor_id: i64,
    /// A default day for the forms: the day after the meeting, or today if later.
    pub suggested_day: Day,
    pub refused: Option<PanelRefusal>,
    /// What was just done, once: `outcome`, `note`, `follow_up` or `moved`.
    pub done: Option<String>,
}

#[cfg(feature = "ssr")]
const REFUSED_KEY: &str = "case_refused";
#[cfg(feature = "ssr")]
const DONE_KEY: &str = "case_done";

/// The panel of booking `id`. Opening it writes to the access log (who, when, whom, why).
#[server(name = LoadCaseFile, prefix = "/api", endpoint = "personal/mote")]
pub async fn load_case_file(id: i64) -> Result<CaseFile, AppError> {
    use crate::ssr::{http, services::case_file, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, crate::api::calendar::CALENDAR_PAGE).await?;
    let session = http::session().await?;
    let refused: Option<PanelRefusal> = session
        .remove(REFUSED_KEY)
        .await
        .map_err(AppError::internal)?;
    let done: Option<String> = session.remove(DONE_KEY).await.map_err(AppError::internal)?;
    let mut file = case_file::open(&state.store, &me.member, id, Utc::now()).await?;
    file.refused = refused;
    file.done = done;
    Ok(file)
}

/// Marks a meeting held (`held`) or missed (`no_show`).
#[server(name = MarkOutcome, prefix = "/api", endpoint = "personal/mote/utfall")]
pub async fn mark_outcome(
    booking: i64,
    #[server(default)] outcome: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::case_file, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, crate::api::calendar::CALENDAR_PAGE).await?;
    let result = case_file::mark(&state.store, &me.member, booking, &outcome, Utc::now()).await;
    come_back(&back, "outcome", result, PanelRefusal::default()).await
}

/// Adds a note to the case of the seeker of `booking`.
#[server(name = AddCaseNote, prefix = "/api", endpoint = "personal/mote/anteckning")]
pub async fn add_case_note(
    booking: i64,
    #[server(default)] body: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::case_file, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, crate::api::calendar::CALENDAR_PAGE).await?;
    let result = case_file::note(&state.store, &me.member, booking, &body, Utc::now()).await;
    let typed = PanelRefusal {
        note: body,
        ..PanelRefusal::default()
    };
    come_back(&back, "note", result.map(|_| ()), typed).await
}

/// Books a follow-up for the seeker of `booking`, with any counsellor, in any channel.
#[server(name = BookFollowUp, prefix = "/api", endpoint = "personal/mote/uppfoljning")]
pub async fn book_follow_up(
    booking: i64,
    #[server(default)] follow_up: FollowUpForm,
    #[server(default)] back: String,
) -> Result<i64, AppError> {
    use crate::ssr::{http, services::case_file, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, crate::api::calendar::CALENDAR_PAGE).await?;
    let result =
        case_file::follow_up(&state.store, &me.member, booking, &follow_up, Utc::now()).await;
    let typed = PanelRefusal {
        follow_up,
        ..PanelRefusal::default()
    };
    come_back(&back, "follow_up", result, typed).await
}

/// Gives `booking` a new time with the same counsellor; the seeker is told on Mina sidor.
#[server(name = MoveMeeting, prefix = "/api", endpoint = "personal/mote/flytta")]
pub async fn move_meeting(
    booking: i64,
    #[server(default)] move_to: MoveForm,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::case_file, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, crate::api::calendar::CALENDAR_PAGE).await?;
    let result =
        case_file::move_meeting(&state.store, &me.member, booking, &move_to, Utc::now()).await;
    let typed = PanelRefusal {
        move_to,
        ..PanelRefusal::default()
    };
    come_back(&back, "move", result, typed).await
}

/// A plain form post goes back to the panel it came from, with a notice of what was done or
/// the refused form; other callers just get the answer.
#[cfg(feature = "ssr")]
async fn come_back<T>(
    back: &str,
    form: &str,
    result: Result<T, AppError>,
    typed: PanelRefusal,
) -> Result<T, AppError> {
    use crate::{api::calendar::CALENDAR_PAGE, ssr::http};
    if !http::is_form_post() {
        return result;
    }
    let back = if back.starts_with(CALENDAR_PAGE) && !back.contains("//") {
        back.split('#').next().unwrap_or(CALENDAR_PAGE)
    } else {
        CALENDAR_PAGE
    };
    let session = http::session().await?;
    match &result {
        Ok(_) => {
            session
                .insert(DONE_KEY, if form == "move" { "moved" } else { form })
                .await
                .map_err(AppError::internal)?;
            http::redirect(&format!("{back}#mote"));
        }
        Err(AppError::Validation(errors)) => {
            let refused = PanelRefusal {
                form: form.to_owned(),
                errors: errors.clone(),
                ..typed
            };
            session
                .insert(REFUSED_KEY, refused)
                .await
                .map_err(AppError::internal)?;
            http::redirect(&format!("{back}#{form}"));
        }
        Err(AppError::Conflict(rule)) => {
            let refused = PanelRefusal {
                form: form.to_owned(),
                conflict: Some(rule.clone()),
                ..typed
            };
            session
                .insert(REFUSED_KEY, refused)
                .await
                .map_err(AppError::internal)?;
            http::redirect(&format!("{back}#{form}"));
        }
        // Forbidden, gone, or our fault: the page says so when it loads the panel again.
        Err(_) => http::redirect(&format!("{back}#mote")),
    }
    result
}
