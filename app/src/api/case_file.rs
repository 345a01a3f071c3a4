//! A meeting's side panel in the staff calendar: the seeker's profile, contact details and
//! needs, the whole case timeline in every channel, and what staff do after the meeting
//! (outcome, note, follow-up, a new time). Every form is a plain post that comes back to the
//! panel, with what was typed and why it was refused when it was.

use crate::{
    domain::{
        booking::CancelForm,
        case::{FollowUpForm, FollowUpQuery, MoveForm},
    },
    error::AppError,
    views::case_file::{CaseFile, FollowUpTimes},
};
#[cfg(feature = "ssr")]
use crate::{
    paths,
    views::case_file::{PanelForm, PanelRefusal},
};
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;

/// The panel of booking `id`. Opening it writes to the access log (who, when, whom, why).
#[server(name = LoadCaseFile, prefix = "/api", endpoint = "personal/mote")]
pub async fn load_case_file(id: i64) -> Result<CaseFile, AppError> {
    use crate::{
        ssr::{form_post, http, services::case_file, AppState},
        views::case_file::PanelDone,
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::CALENDAR).await?;
    let refused = form_post::take::<PanelRefusal>().await?;
    let done = form_post::take::<PanelDone>().await?;
    let name = format!("{} {}", me.first_name, me.last_name);
    let viewer = case_file::Viewer {
        video: &state.video,
        name: &name,
    };
    let mut file = case_file::open(&state.store, &viewer, &me.member, id, Utc::now()).await?;
    file.refused = refused;
    file.done = done.map(|d| d.0);
    Ok(file)
}

/// The panel of booking `id`, with a job seeker or with an employer. Opening it writes to
/// the access log.
#[server(name = LoadMeetingPanel, prefix = "/api", endpoint = "personal/mote/panel")]
pub async fn load_meeting_panel(
    id: i64,
) -> Result<crate::views::employer_panel::MeetingPanelData, AppError> {
    use crate::{
        ssr::{form_post, http, services::case_file, AppState},
        views::{case_file::PanelDone, employer_panel::MeetingPanelData},
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::CALENDAR).await?;
    let refused = form_post::take::<PanelRefusal>().await?;
    let done = form_post::take::<PanelDone>().await?.map(|d| d.0);
    let name = format!("{} {}", me.first_name, me.last_name);
    let viewer = case_file::Viewer {
        video: &state.video,
        name: &name,
    };
    let mut panel =
        case_file::open_panel(&state.store, &viewer, &me.member, id, Utc::now()).await?;
    match &mut panel {
        MeetingPanelData::Employer(p) => (p.refused, p.done) = (refused, done),
        MeetingPanelData::Seeker(f) => (f.refused, f.done) = (refused, done),
    }
    Ok(panel)
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
    let me = http::staff(&state, paths::CALENDAR).await?;
    let result = case_file::mark(
        &state.store,
        &me.member,
        booking,
        &outcome,
        state.rating_delay,
        Utc::now(),
    )
    .await;
    come_back(&back, PanelForm::Outcome, result, PanelRefusal::default()).await
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
    let me = http::staff(&state, paths::CALENDAR).await?;
    let result = case_file::note(&state.store, &me.member, booking, &body, Utc::now()).await;
    let typed = PanelRefusal {
        note: body,
        ..PanelRefusal::default()
    };
    come_back(&back, PanelForm::Note, result.map(|_| ()), typed).await
}

/// The follow-up picker of `booking`: colleagues found by field and language, and the chosen
/// one's free times in the week asked for.
#[server(name = LoadFollowUpTimes, prefix = "/api", endpoint = "personal/mote/uppfoljning/tider")]
pub async fn load_follow_up_times(
    booking: i64,
    #[server(default)] query: FollowUpQuery,
) -> Result<FollowUpTimes, AppError> {
    use crate::ssr::{http, services::follow_up, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::CALENDAR).await?;
    follow_up::times(&state.store, &me.member, booking, &query, Utc::now()).await
}

/// Books a follow-up for the seeker of `booking`, with any counsellor, in any channel, at one
/// of the times the picker offers.
#[server(name = BookFollowUp, prefix = "/api", endpoint = "personal/mote/uppfoljning")]
pub async fn book_follow_up(
    booking: i64,
    #[server(default)] follow_up: FollowUpForm,
    #[server(default)] back: String,
) -> Result<i64, AppError> {
    use crate::ssr::{http, services::follow_up, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::CALENDAR).await?;
    let result = follow_up::book(&state.store, &me.member, booking, &follow_up, Utc::now()).await;
    let typed = PanelRefusal {
        follow_up,
        ..PanelRefusal::default()
    };
    come_back(&back, PanelForm::FollowUp, result, typed).await
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
    let me = http::staff(&state, paths::CALENDAR).await?;
    let result =
        case_file::move_meeting(&state.store, &me.member, booking, &move_to, Utc::now()).await;
    let typed = PanelRefusal {
        move_to,
        ..PanelRefusal::default()
    };
    come_back(&back, PanelForm::Move, result, typed).await
}

/// Cancels a booked meeting that has not begun, with staff's reason; the seeker is told by
/// email and text message and sees it on Mina sidor.
#[server(name = CancelMeetingByStaff, prefix = "/api", endpoint = "personal/mote/avboka")]
pub async fn cancel_meeting_by_staff(
    booking: i64,
    #[server(default)] cancel: CancelForm,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::case_changes, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::CALENDAR).await?;
    let result = case_changes::cancel(&state.store, &me.member, booking, &cancel, Utc::now()).await;
    let typed = PanelRefusal {
        cancel,
        ..PanelRefusal::default()
    };
    come_back(&back, PanelForm::Cancel, result, typed).await
}

/// Changes a recorded outcome (held ↔ no-show) until the end of the next working day; the
/// change is kept in the case.
#[server(name = CorrectOutcome, prefix = "/api", endpoint = "personal/mote/andra-utfall")]
pub async fn correct_outcome(
    booking: i64,
    #[server(default)] outcome: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::case_changes, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::CALENDAR).await?;
    let result = case_changes::correct(
        &state.store,
        &me.member,
        booking,
        &outcome,
        state.rating_delay,
        Utc::now(),
    )
    .await;
    come_back(&back, PanelForm::Correct, result, PanelRefusal::default()).await
}

/// A plain form post goes back to the panel it came from, with a notice of what was done or
/// the refused form; other callers just get the answer.
#[cfg(feature = "ssr")]
async fn come_back<T>(
    back: &str,
    form: PanelForm,
    result: Result<T, AppError>,
    typed: PanelRefusal,
) -> Result<T, AppError> {
    use crate::{
        ssr::form_post::{self, Back},
        views::case_file::PanelDone,
    };
    let back = form_post::return_to(back, paths::CALENDAR, || paths::CALENDAR.to_owned());
    form_post::come_back(result, |result| {
        let refused = |errors, conflict| PanelRefusal {
            form: Some(form),
            errors,
            conflict,
            ..typed
        };
        let again = format!("{back}#{}", form.anchor());
        Some(match result {
            Ok(_) => Back::to(format!("{back}#mote")).with(PanelDone(form)),
            Err(AppError::Validation(errors)) => {
                Back::to(again).with(refused(errors.clone(), None))
            }
            Err(AppError::Conflict(rule)) => {
                Back::to(again).with(refused(Default::default(), Some(*rule)))
            }
            // Forbidden, gone, or our fault: the page says so when it loads the panel again.
            Err(_) => Back::to(format!("{back}#mote")),
        })
    })
    .await
}
