//! Booking endpoints: what the picker, the meeting page and Mina sidor show, and booking,
//! moving and cancelling. Every one needs a signed-in job seeker and touches only their own
//! bookings. Forms post here with or without JavaScript; the answer is a redirect to the
//! page that shows the outcome.

use crate::{
    domain::booking::CancelForm,
    error::AppError,
    views::booking::{CancelState, MeetingView, MyPagesView, PickerView},
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
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;

/// The picker: the offices, and once the seeker has said how to meet, the days and times.
/// `byt` names a booking of theirs to move; `upptagen` the start (Unix seconds) of a time
/// that was taken, to show the nearest free ones.
#[server(name = LoadPicker, prefix = "/api", endpoint = "boka/tider")]
pub async fn load_picker(
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
) -> Result<PickerView, AppError> {
    use crate::ssr::services::seeker_pages::{self as pages, own_booking, PickerQuery};
    let state = crate::ssr::AppState::from_context()?;
    let seeker = http::seeker(&state, paths::BOOK).await?;
    let moving = if moving.trim().is_empty() {
        None
    } else {
        Some(own_booking(&state.store, &seeker, &moving).await?)
    };
    let query = PickerQuery::from_address(&channel, &office, moving, &taken);
    pages::picker(&state.store, &seeker, query, Utc::now()).await
}

/// Books the chosen time (`tid`), or moves the booking `byt` to it. On success the browser
/// goes to the meeting's page; if the time was taken, back to the picker with the nearest
/// free times; a double-sent confirm books once.
#[server(name = BookTime, prefix = "/api", endpoint = "boka/bekrafta")]
pub async fn book_time(
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
    use crate::ssr::services::seeker_pages::{day_of, own_booking};
    use crate::{
        domain::booking::SlotChoice,
        paths::encode_query_value as enc,
        ssr::services::booking::{self as service, BookError},
    };
    let state = crate::ssr::AppState::from_context()?;
    let seeker = http::seeker(&state, paths::BOOK).await?;
    let now = Utc::now();
    let back = |extra: &str| {
        let mut q = format!(
            "{}?kanal={}&kontor={}",
            paths::BOOK,
            enc(&channel),
            enc(&office)
        );
        if !moving.is_empty() {
            q.push_str(&format!("&byt={}", enc(&moving)));
        }
        q.push_str(extra);
        q
    };
    let Some(channel) = channel.trim().parse().ok() else {
        http::redirect(&format!("{}?fel=kanal", paths::BOOK));
        return Err(AppError::Validation(FieldErrors::from([(
            "kanal".to_owned(),
            FieldError::Choice,
        )])));
    };
    let office_id = office.trim().parse().ok();
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
    state
        .store
        .set_message_language(seeker.id, http::message_language())
        .await?;
    let outcome = if moving.trim().is_empty() {
        service::book(&state.store, &seeker, channel, office_id, choice, now).await
    } else {
        let booking = own_booking(&state.store, &seeker, &moving).await?;
        service::reschedule(
            &state.store,
            &seeker,
            &booking,
            channel,
            office_id,
            choice,
            now,
        )
        .await
        .map(|()| booking.id)
    };
    match outcome {
        Ok(id) => {
            let flag = if moving.trim().is_empty() {
                "bokad"
            } else {
                "flyttad"
            };
            http::redirect(&format!("{}?{flag}=1", paths::meeting(id)));
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
        Err(BookError::AlreadyBooked(id)) => {
            http::redirect(&format!("{}?redan=1", paths::meeting(id)));
            Err(AppError::Conflict(Rule::AlreadyBooked))
        }
        // /boka says what comes after the first meeting, and whom to call.
        Err(BookError::FirstMeetingHeld) => {
            http::redirect(paths::BOOK);
            Err(AppError::Conflict(Rule::FirstMeetingHeld))
        }
        Err(BookError::Failed(e)) => Err(e),
    }
}

/// One meeting of the signed-in seeker: the confirmation page and the meeting's own page.
#[server(name = LoadMeeting, prefix = "/api", endpoint = "mote")]
pub async fn load_meeting(id: String) -> Result<MeetingView, AppError> {
    use crate::ssr::services::seeker_pages::{meeting_view, own_booking};
    let state = crate::ssr::AppState::from_context()?;
    let seeker = http::seeker(&state, &paths::meeting(id.trim())).await?;
    let booking = own_booking(&state.store, &seeker, &id).await?;
    meeting_view(&state.store, &state.video, &booking, &seeker, Utc::now()).await
}

/// "Jag är här": the signed-in seeker has arrived at the office for their visit (from an
/// hour before it until it ends). Back to the meeting's page, which then says so.
#[server(name = CheckInVisit, prefix = "/api", endpoint = "mote/jag-ar-har")]
pub async fn check_in_visit(
    #[server(default)]
    #[server(rename = "mote")]
    meeting: String,
) -> Result<(), AppError> {
    use crate::ssr::services::office;
    use crate::ssr::services::seeker_pages::own_booking;
    let state = crate::ssr::AppState::from_context()?;
    let seeker = http::seeker(&state, paths::MY_PAGES).await?;
    let booking = own_booking(&state.store, &seeker, &meeting).await?;
    let page = paths::meeting(booking.id);
    match office::check_in_seeker(&state.store, seeker.id, booking.id, Utc::now()).await {
        Ok(_) => {
            http::redirect(&format!("{page}?har-kommit=1#ankomst"));
            Ok(())
        }
        Err(AppError::Conflict(why)) => {
            http::redirect(&format!("{page}?inte-nu=1#ankomst"));
            Err(AppError::Conflict(why))
        }
        Err(e) => Err(e),
    }
}

/// Cancels a meeting of the signed-in seeker, with a reason.
#[server(name = CancelMeeting, prefix = "/api", endpoint = "mote/avboka")]
pub async fn cancel_meeting(
    #[server(default)]
    #[server(rename = "mote")]
    meeting: String,
    #[server(default)] form: CancelForm,
) -> Result<(), AppError> {
    use crate::ssr::services::booking as service;
    use crate::ssr::services::seeker_pages::own_booking;
    let state = crate::ssr::AppState::from_context()?;
    let seeker = http::seeker(&state, paths::MY_PAGES).await?;
    let booking = own_booking(&state.store, &seeker, &meeting).await?;
    match form.parse() {
        Ok(cancellation) => {
            state
                .store
                .set_message_language(seeker.id, http::message_language())
                .await?;
            service::cancel(
                &state.store,
                seeker.id,
                booking.id,
                &cancellation,
                Utc::now(),
            )
            .await?;
            http::redirect(&format!("{}?avbokad=1", paths::MY_PAGES));
            Ok(())
        }
        Err(errors) => {
            crate::ssr::form_post::leave(CancelState {
                form,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&format!("{}#fel", paths::cancel_meeting(booking.id)));
            Err(AppError::Validation(errors))
        }
    }
}

/// The cancel form as last posted with errors, once.
#[server(name = CancelFormState, prefix = "/api", endpoint = "mote/avboka/utkast")]
pub async fn cancel_form_state() -> Result<CancelState, AppError> {
    Ok(crate::ssr::form_post::take::<CancelState>()
        .await?
        .unwrap_or_default())
}

/// Mina sidor: the seeker's meetings and profile.
#[server(name = LoadMyPages, prefix = "/api", endpoint = "mina-sidor")]
pub async fn load_my_pages() -> Result<MyPagesView, AppError> {
    use crate::ssr::services::seeker_pages;
    let state = crate::ssr::AppState::from_context()?;
    let seeker = http::seeker(&state, paths::MY_PAGES).await?;
    seeker_pages::my_pages(&state.store, &seeker, Utc::now()).await
}
