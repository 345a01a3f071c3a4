//! A person's case for staff (`/personal/personer/{id}`), and booking their first meeting for
//! them (`/personal/boka?person=ID`) or seating a walk-in now. Every endpoint checks that the
//! staff member may see the person; forms work with or without JavaScript.

#[cfg(feature = "ssr")]
use crate::{
    domain::{
        booking::SlotChoice,
        field_error::{FieldError, FieldErrors},
        Rule,
    },
    paths,
    ssr::{form_post, http, AppState},
    views::person_case::{CaseDone, CaseFlash, SeatRefusal},
};
use crate::{
    error::AppError,
    views::person_case::{PersonCase, StaffPickerView},
};
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;

/// The person's id from the address or a form, or `NotFound`.
#[cfg(feature = "ssr")]
fn person_id(text: &str) -> Result<i64, AppError> {
    text.trim().parse().map_err(|_| AppError::NotFound)
}

/// The case page, with what the last post on it did (once).
#[server(name = LoadPersonCase, prefix = "/api", endpoint = "personal/person")]
pub async fn load_person_case(id: String) -> Result<PersonCase, AppError> {
    use crate::ssr::services::person_case;
    let state = AppState::from_context()?;
    let me = http::staff(&state, &paths::person_case(id.trim())).await?;
    let id = person_id(&id)?;
    let mut case = person_case::open(&state.store, &me.member, id, Utc::now()).await?;
    if let Some(flash) = form_post::take::<CaseFlash>()
        .await?
        .filter(|f| f.person == id)
    {
        case.done = flash.done;
        case.note = flash.note;
        case.note_errors = flash.note_errors;
        case.seat_refused = flash.seat_refused;
    }
    Ok(case)
}

/// The picker for the person's first meeting, as on `/boka`.
#[server(name = LoadStaffPicker, prefix = "/api", endpoint = "personal/boka/tider")]
pub async fn load_staff_picker(
    #[server(default)] person: String,
    #[server(default)]
    #[server(rename = "kanal")]
    channel: String,
    #[server(default)]
    #[server(rename = "kontor")]
    office: String,
    #[server(default)]
    #[server(rename = "upptagen")]
    taken: String,
) -> Result<StaffPickerView, AppError> {
    use crate::ssr::services::{assisted_booking, seeker_pages::PickerQuery};
    let state = AppState::from_context()?;
    let me = http::staff(&state, &paths::staff_book(person.trim())).await?;
    let query = PickerQuery::from_address(&channel, &office, None, &taken);
    assisted_booking::picker(
        &state.store,
        &me.member,
        person_id(&person)?,
        query,
        Utc::now(),
    )
    .await
}

/// Books the chosen time (`tid`) as the person's first meeting; back to their case, or to
/// the picker with the nearest free times when it was taken.
#[server(name = StaffBookFirst, prefix = "/api", endpoint = "personal/boka/bekrafta")]
pub async fn staff_book_first(
    #[server(default)] person: String,
    #[server(default)]
    #[server(rename = "kanal")]
    channel: String,
    #[server(default)]
    #[server(rename = "kontor")]
    office: String,
    #[server(default)]
    #[server(rename = "tid")]
    time: String,
) -> Result<i64, AppError> {
    use crate::{
        paths::encode_query_value as enc,
        ssr::services::{assisted_booking, booking::BookError, seeker_pages::day_of},
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, &paths::staff_book(person.trim())).await?;
    let id = person_id(&person)?;
    let back = |extra: &str| {
        format!(
            "{}&kanal={}&kontor={}{extra}",
            paths::staff_book(id),
            enc(&channel),
            enc(&office)
        )
    };
    let Some(channel) = channel.trim().parse().ok() else {
        http::redirect(&format!("{}&fel=kanal", paths::staff_book(id)));
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
    let office_id = office.trim().parse().ok();
    let now = Utc::now();
    match assisted_booking::book(
        &state.store,
        &me.member,
        id,
        channel,
        office_id,
        choice,
        now,
    )
    .await
    {
        Ok(booking) => {
            form_post::leave(CaseFlash {
                person: id,
                done: Some(CaseDone::Booked),
                ..CaseFlash::default()
            })
            .await?;
            http::redirect(&format!("{}#klart", paths::person_case(id)));
            Ok(booking)
        }
        Err(BookError::Taken(_)) => {
            let day = crate::domain::time::iso_date(day_of(choice.start).0);
            http::redirect(&back(&format!(
                "&dag={day}&upptagen={}#upptagen",
                choice.start.timestamp()
            )));
            Err(AppError::Conflict(Rule::Taken))
        }
        Err(BookError::AlreadyBooked(_)) | Err(BookError::FirstMeetingHeld) => {
            http::redirect(paths::staff_book(id).as_str());
            Err(AppError::Conflict(Rule::AlreadyBooked))
        }
        Err(BookError::Failed(e)) => Err(e),
    }
}

/// Seats a walk-in now with the counsellor and time chosen (`tid`), the arrival recorded;
/// back to the case either way.
#[server(name = SeatWalkIn, prefix = "/api", endpoint = "personal/personer/direkt")]
pub async fn seat_walk_in(
    #[server(default)] person: String,
    #[server(default)]
    #[server(rename = "tid")]
    time: String,
) -> Result<i64, AppError> {
    use crate::ssr::services::assisted_booking;
    let state = AppState::from_context()?;
    let me = http::staff(&state, &paths::person_case(person.trim())).await?;
    let id = person_id(&person)?;
    let page = paths::person_case(id);
    let choice = match SlotChoice::parse(&time) {
        Ok(c) => c,
        Err(_) => {
            form_post::leave(CaseFlash {
                person: id,
                seat_refused: Some(SeatRefusal::NoChoice),
                ..CaseFlash::default()
            })
            .await?;
            http::redirect(&format!("{page}#direkt"));
            return Err(AppError::Validation(FieldErrors::from([(
                "tid".to_owned(),
                FieldError::Required,
            )])));
        }
    };
    match assisted_booking::seat(&state.store, &me.member, id, choice, Utc::now()).await {
        Ok(booking) => {
            form_post::leave(CaseFlash {
                person: id,
                done: Some(CaseDone::Seated),
                ..CaseFlash::default()
            })
            .await?;
            http::redirect(&format!("{page}#klart"));
            Ok(booking)
        }
        Err(AppError::Conflict(rule)) => {
            form_post::leave(CaseFlash {
                person: id,
                seat_refused: Some(SeatRefusal::Taken),
                ..CaseFlash::default()
            })
            .await?;
            http::redirect(&format!("{page}#direkt"));
            Err(AppError::Conflict(rule))
        }
        Err(e) => Err(e),
    }
}

/// Sends the person a new link to make their own sign-in to Mina sidor; back to their case
/// with a notice.
#[server(name = SendSeekerLink, prefix = "/api", endpoint = "personal/personer/ny-lank")]
pub async fn send_seeker_link(#[server(default)] person: String) -> Result<(), AppError> {
    use crate::ssr::services::assisted_registration;
    let state = AppState::from_context()?;
    let me = http::staff(&state, &paths::person_case(person.trim())).await?;
    let id = person_id(&person)?;
    assisted_registration::send_new_link(&state.store, &me.member, id, Utc::now()).await?;
    form_post::leave(CaseFlash {
        person: id,
        done: Some(CaseDone::LinkSent),
        ..CaseFlash::default()
    })
    .await?;
    http::redirect(&format!("{}#klart", paths::person_case(id)));
    Ok(())
}
