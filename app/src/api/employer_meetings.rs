//! An employer's meetings with employer counsellors: the picker, booking and moving, a
//! meeting's page and cancelling. Every one needs a signed-in employer's user and touches
//! only their organisation's meetings. Forms post here with or without JavaScript; the
//! answer is a redirect to the page that shows the outcome.

use crate::{
    domain::booking::CancelForm,
    error::AppError,
    views::employer_meeting::{EmployerMeetingView, EmployerPickerView},
};
#[cfg(feature = "ssr")]
use crate::{
    domain::{
        field_error::{FieldError, FieldErrors},
        Rule,
    },
    paths,
    ssr::http,
};
use leptos::prelude::*;

/// Parses an id from a form or address: empty is none, anything else must be a number.
#[cfg(feature = "ssr")]
fn optional_id(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

/// The picker: the organisation's open needs, the ways of meeting and the offices, and once
/// the employer has said how to meet, the days and times. `byt` names a meeting of theirs
/// to move; `upptagen` the start (Unix seconds) of a time that was taken.
#[server(name = LoadEmployerPicker, prefix = "/api", endpoint = "arbetsgivare/boka/tider")]
pub async fn load_employer_picker(
    #[server(default)]
    #[server(rename = "behov")]
    need: String,
    #[server(default)]
    #[server(rename = "kanal")]
    channel: String,
    #[server(default)]
    #[server(rename = "kontor")]
    office: String,
    #[server(default)]
    #[server(rename = "byt")]
    moving: String,
    #[server(default)]
    #[server(rename = "upptagen")]
    taken: String,
) -> Result<EmployerPickerView, AppError> {
    use crate::ssr::services::employer_meetings::{self as service, EmployerPickerQuery};
    let state = crate::ssr::AppState::from_context()?;
    let me = http::employer(&state, paths::EMPLOYER_BOOK).await?;
    let moving = if moving.trim().is_empty() {
        None
    } else {
        Some(service::own_meeting(&state.store, &me, &moving).await?)
    };
    let query = EmployerPickerQuery {
        need: optional_id(&need),
        channel: channel.trim().parse().ok(),
        channel_given: !channel.is_empty(),
        office: optional_id(&office),
        moving,
        taken: optional_id(&taken).and_then(|s| chrono::DateTime::from_timestamp(s, 0)),
    };
    service::picker_view(&state.store, &me, query, chrono::Utc::now()).await
}

/// Books the chosen time (`tid`), or moves the meeting `byt` to it. On success the browser
/// goes to the meeting's page; if the time was taken, back to the picker with the nearest
/// free times; a double-sent confirm books once.
#[server(name = BookEmployerTime, prefix = "/api", endpoint = "arbetsgivare/boka/bekrafta")]
pub async fn book_employer_time(
    #[server(default)]
    #[server(rename = "behov")]
    need: String,
    #[server(default)]
    #[server(rename = "kanal")]
    channel: String,
    #[server(default)]
    #[server(rename = "kontor")]
    office: String,
    #[server(default)]
    #[server(rename = "tid")]
    time: String,
    #[server(default)]
    #[server(rename = "byt")]
    moving: String,
) -> Result<i64, AppError> {
    use crate::{
        domain::booking::SlotChoice,
        paths::encode_query_value as enc,
        ssr::services::{
            booking::BookError,
            employer_meetings::{self as service, EmployerBooking},
            seeker_pages::day_of,
        },
    };
    let state = crate::ssr::AppState::from_context()?;
    let me = http::employer(&state, paths::EMPLOYER_BOOK).await?;
    let now = chrono::Utc::now();
    let back = |extra: &str| {
        let mut q = format!(
            "{}?behov={}&kanal={}&kontor={}",
            paths::EMPLOYER_BOOK,
            enc(&need),
            enc(&channel),
            enc(&office)
        );
        if !moving.is_empty() {
            q.push_str(&format!("&byt={}", enc(&moving)));
        }
        q.push_str(extra);
        q
    };
    let Some(parsed_channel) = channel.trim().parse().ok() else {
        http::redirect(&back("&fel=kanal"));
        return Err(AppError::Validation(FieldErrors::from([(
            "kanal".to_owned(),
            FieldError::Choice,
        )])));
    };
    let choice = match SlotChoice::parse(&time) {
        Ok(c) => c,
        Err(e) => {
            http::redirect(&back("&fel=tid#tider"));
            return Err(AppError::Validation(FieldErrors::from([(
                "tid".to_owned(),
                e,
            )])));
        }
    };
    let wanted = EmployerBooking {
        need: optional_id(&need),
        channel: parsed_channel,
        office: optional_id(&office),
        choice,
    };
    state
        .store
        .set_employer_message_language(me.id, http::message_language())
        .await?;
    let outcome = if moving.trim().is_empty() {
        service::book(&state.store, &me, wanted, now).await
    } else {
        let meeting = service::own_meeting(&state.store, &me, &moving).await?;
        service::reschedule(&state.store, &me, &meeting, wanted, now)
            .await
            .map(|()| meeting.id)
    };
    match outcome {
        Ok(id) => {
            let flag = if moving.trim().is_empty() {
                "bokad"
            } else {
                "flyttad"
            };
            http::redirect(&format!("{}?{flag}=1", paths::employer_meeting(id)));
            Ok(id)
        }
        Err(BookError::Taken(_)) => {
            let day = crate::domain::time::iso_date(day_of(choice.start).0);
            http::redirect(&back(&format!(
                "&dag={day}&upptagen={}#upptagen",
                choice.start.timestamp()
            )));
            Err(AppError::Conflict(Rule::Taken))
        }
        // Seekers' refusals; an employer's meeting is never a first meeting.
        Err(BookError::AlreadyBooked(_) | BookError::FirstMeetingHeld) => Err(AppError::internal(
            "an employer's booking refused as a first meeting",
        )),
        Err(BookError::Failed(e)) => Err(e),
    }
}

/// One of the organisation's meetings: the confirmation page and the meeting's own page.
#[server(name = LoadEmployerMeeting, prefix = "/api", endpoint = "arbetsgivare/mote")]
pub async fn load_employer_meeting(id: String) -> Result<EmployerMeetingView, AppError> {
    use crate::ssr::services::employer_meetings as service;
    let state = crate::ssr::AppState::from_context()?;
    let me = http::employer(&state, &paths::employer_meeting(id.trim())).await?;
    let meeting = service::own_meeting(&state.store, &me, &id).await?;
    service::meeting_view(&state.store, &state.video, &meeting, chrono::Utc::now()).await
}

/// Cancels one of the organisation's meetings, with a reason; back to the overview, or to
/// the meeting's page with the form as typed and why it was refused.
#[server(name = CancelEmployerMeeting, prefix = "/api", endpoint = "arbetsgivare/mote/avboka")]
pub async fn cancel_employer_meeting(
    #[server(default)]
    #[server(rename = "mote")]
    meeting: String,
    #[server(default)] form: CancelForm,
) -> Result<(), AppError> {
    use crate::{ssr::services::employer_meetings as service, views::booking::CancelState};
    let state = crate::ssr::AppState::from_context()?;
    let me = http::employer(&state, paths::EMPLOYER_HOME).await?;
    let booking = service::own_meeting(&state.store, &me, &meeting).await?;
    match form.parse_by_employer() {
        Ok(cancellation) => {
            state
                .store
                .set_employer_message_language(me.id, http::message_language())
                .await?;
            service::cancel(
                &state.store,
                &me,
                booking.id,
                &cancellation,
                chrono::Utc::now(),
            )
            .await?;
            http::redirect(&format!("{}?klart=avbokat#moten", paths::EMPLOYER_HOME));
            Ok(())
        }
        Err(errors) => {
            crate::ssr::form_post::leave(CancelState {
                form,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&format!("{}#avboka", paths::employer_meeting(booking.id)));
            Err(AppError::Validation(errors))
        }
    }
}
