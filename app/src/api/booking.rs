//! Booking endpoints: what the picker, the meeting page and Mina sidor show, and booking,
//! moving and cancelling. Every one needs a signed-in job seeker and touches only their own
//! bookings. Forms post here with or without JavaScript; the answer is a redirect to the
//! page that shows the outcome.

#[cfg(feature = "ssr")]
use crate::{
    domain::field_error::{FieldError, FieldErrors},
    ssr::http,
};
use crate::{
    domain::{booking::CancelForm, preparation::Tip, time::Day, Channel},
    error::AppError,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
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
    pub status: String,
    /// Booked and not yet begun.
    pub upcoming: bool,
    pub times_moved: i64,
    /// Staff gave it its present time.
    pub moved_by_staff: bool,
    /// For a booked office visit: whether "Jag är här" may be pressed (or was).
    pub check_in: Option<crate::domain::arrival::CheckIn>,
}

/// What the picker at `/boka` is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickerView {
    pub first_name: String,
    /// `None` until the seeker has said how to meet.
    pub channel: Option<Channel>,
    pub office_id: Option<i64>,
    pub offices: Vec<OfficeChoice>,
    pub days: Vec<DayView>,
    /// The day the picker opens on: a quieter one.
    pub suggested_day: Option<Day>,
    /// Nobody in the seeker's field can meet this way: the times are with others.
    pub fallback: bool,
    /// The seeker's booked first meeting, if any.
    pub live: Option<MeetingSummary>,
    /// The booking being moved.
    pub moving: Option<MeetingSummary>,
    /// The time the seeker wanted was taken: the nearest free ones.
    pub nearest: Vec<TimeView>,
}

/// Everything the meeting page (and the confirmation) shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingView {
    pub summary: MeetingSummary,
    pub counsellor_title: String,
    pub counsellor_email: String,
    pub office_address: Option<String>,
    pub office_phone: Option<String>,
    /// The number the counsellor calls, for a phone meeting.
    pub seeker_phone: String,
    pub video_link: Option<String>,
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
}

/// The cancel form as last posted, when it had errors: shown again as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelState {
    pub form: CancelForm,
    pub errors: crate::domain::field_error::FieldErrors,
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::{
        domain::{
            booking::SlotChoice,
            offer::OfferedTime,
            preparation::{tips, TipFacts},
            time::Day,
            PersonalNumber,
        },
        ssr::{
            services::booking as service,
            store::{BookingRow, SeekerProfile, Store},
        },
    };
    use std::collections::HashMap;

    pub use crate::ssr::http::seeker;

    /// The seeker's own booking, or `NotFound` (someone else's is not found either).
    pub async fn own_booking(
        store: &Store,
        seeker: &SeekerProfile,
        id: &str,
    ) -> Result<BookingRow, AppError> {
        let id: i64 = id.trim().parse().map_err(|_| AppError::NotFound)?;
        store
            .booking(id)
            .await?
            .filter(|b| b.seeker_id == seeker.id)
            .ok_or(AppError::NotFound)
    }

    pub fn summary(b: &BookingRow, now: DateTime<Utc>) -> Result<MeetingSummary, AppError> {
        Ok(MeetingSummary {
            id: b.id,
            starts_at: b.starts_at,
            ends_at: b.ends_at,
            channel: b.channel()?,
            counsellor: format!("{} {}", b.counsellor_first_name, b.counsellor_last_name),
            counsellor_phone: b.counsellor_phone.clone(),
            office: b.office_name.clone(),
            meeting_sv: b.meeting_name_sv.clone(),
            meeting_en: b.meeting_name_en.clone(),
            status: b.status.clone(),
            upcoming: b.status == "booked" && b.starts_at > now,
            times_moved: b.times_moved,
            moved_by_staff: b.moved_by_staff,
            check_in: (b.channel == "office" && b.status == "booked").then(|| {
                crate::domain::arrival::check_in(b.starts_at, b.ends_at, b.arrived_at, now)
            }),
        })
    }

    pub fn time_view(t: &OfferedTime, names: &HashMap<i64, String>) -> TimeView {
        TimeView {
            value: SlotChoice {
                counsellor_id: t.counsellor_id,
                start: t.slot.start,
            }
            .as_value(),
            start: t.slot.start,
            counsellor: names.get(&t.counsellor_id).cloned().unwrap_or_default(),
        }
    }

    pub fn parse_channel(input: &str) -> Option<Channel> {
        input.trim().parse().ok()
    }

    pub fn parse_office(input: &str) -> Option<i64> {
        input.trim().parse().ok()
    }

    pub fn meeting_view(
        b: &BookingRow,
        seeker: &SeekerProfile,
        now: DateTime<Utc>,
    ) -> Result<MeetingView, AppError> {
        let summary = summary(b, now)?;
        let facts = TipFacts {
            channel: summary.channel,
            first_meeting: b.is_first,
            has_experience: seeker.experiences > 0,
            interpreter: seeker
                .interpreter_language
                .as_deref()
                .and_then(crate::domain::choices::LanguageCode::parse),
            accessibility_needs: !seeker.accessibility_needs.trim().is_empty(),
        };
        let office_address = match (&b.office_street, b.office_postcode, &b.office_city) {
            (Some(street), Some(code), Some(city)) => {
                let code = code.to_string();
                let (a, z) = code.split_at(code.len().min(3));
                Some(format!("{street}, {a} {z} {city}"))
            }
            _ => None,
        };
        Ok(MeetingView {
            counsellor_title: b.counsellor_title.clone(),
            counsellor_email: b.counsellor_email.clone(),
            office_address,
            office_phone: b.office_phone.clone(),
            seeker_phone: seeker.phone.clone(),
            video_link: b
                .video_room
                .as_ref()
                .map(|room| format!("{}{room}", service::VIDEO_BASE)),
            tips: tips(&facts),
            cancel_reason: b.cancel_reason.clone(),
            cancel_note: b.cancel_note.clone(),
            summary,
        })
    }

    pub fn profile_view(p: &SeekerProfile, home_office: Option<String>) -> ProfileView {
        let masked = PersonalNumber::from_stored(&p.personal_number)
            .map(|n| n.masked())
            .unwrap_or_else(|| "************".to_owned());
        ProfileView {
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            personal_number_masked: masked,
            email: p.email.clone(),
            phone: p.phone.clone(),
            postcode: crate::domain::Postcode::from_stored(p.postcode)
                .map_or_else(|| p.postcode.to_string(), |n| n.to_string()),
            preferred_language: p.preferred_language.clone(),
            interpreter_language: p.interpreter_language.clone(),
            accessibility_needs: p.accessibility_needs.clone(),
            desired: p.desired.clone(),
            home_office,
        }
    }

    pub fn day_of(t: DateTime<Utc>) -> Day {
        Day(crate::domain::time::stockholm_date(t))
    }
}

/// The picker: the offices, and once the seeker has said how to meet, the days and times.
/// `byt` names a booking of theirs to move; `upptagen` the start (Unix seconds) of a time
/// that was taken, to show the nearest free ones.
#[server(name = LoadPicker, prefix = "/api", endpoint = "boka/tider")]
pub async fn load_picker(
    #[server(default)] kanal: String,
    #[server(default)] kontor: String,
    #[server(default)] byt: String,
    #[server(default)] upptagen: String,
) -> Result<PickerView, AppError> {
    use crate::ssr::services::booking as service;
    use server::*;
    let state = crate::ssr::AppState::from_context()?;
    let seeker = seeker(&state, "/boka").await?;
    let now = Utc::now();
    let moving = if byt.trim().is_empty() {
        None
    } else {
        Some(own_booking(&state.store, &seeker, &byt).await?)
    }
    .filter(|b| b.status == "booked");
    let live = state.store.live_first_meeting(seeker.id).await?;
    let channel = parse_channel(&kanal).or(match (&moving, kanal.is_empty()) {
        (Some(b), true) => b.channel().ok(),
        _ => None,
    });
    let offices = state.store.list_offices().await?;
    let nearest_office = seeker.home_office_id;
    let office_id = parse_office(&kontor)
        .filter(|id| offices.iter().any(|o| o.id == *id))
        .or(moving.as_ref().and_then(|b| b.office_id))
        .or(nearest_office)
        .or(offices.first().map(|o| o.id));
    let mut choices: Vec<OfficeChoice> = offices
        .iter()
        .map(|o| OfficeChoice {
            id: o.id,
            name: o.name.clone(),
            nearest: Some(o.id) == nearest_office,
        })
        .collect();
    choices.sort_by_key(|o| !o.nearest);
    let mut view = PickerView {
        first_name: seeker.first_name.clone(),
        channel,
        office_id,
        offices: choices,
        days: Vec::new(),
        suggested_day: None,
        fallback: false,
        live: live.as_ref().map(|b| summary(b, now)).transpose()?,
        moving: moving.as_ref().map(|b| summary(b, now)).transpose()?,
        nearest: Vec::new(),
    };
    let Some(channel) = channel else {
        return Ok(view);
    };
    let picker = service::picker(
        &state.store,
        &seeker,
        channel,
        office_id,
        moving.as_ref(),
        now,
    )
    .await?;
    view.fallback = picker.offer.fallback;
    view.suggested_day = picker.offer.suggested_day().map(Day);
    if let Some(wanted) = upptagen
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| DateTime::from_timestamp(s, 0))
    {
        view.nearest = picker
            .offer
            .nearest(wanted, service::NEAREST)
            .iter()
            .map(|t| time_view(t, &picker.names))
            .collect();
    }
    view.days = picker
        .offer
        .days
        .iter()
        .map(|d| DayView {
            date: Day(d.date),
            quiet: d.quiet,
            times: d
                .times
                .iter()
                .map(|t| time_view(t, &picker.names))
                .collect(),
        })
        .collect();
    Ok(view)
}

/// Books the chosen time (`tid`), or moves the booking `byt` to it. On success the browser
/// goes to the meeting's page; if the time was taken, back to the picker with the nearest
/// free times; a double-sent confirm books once.
#[server(name = BookTime, prefix = "/api", endpoint = "boka/bekrafta")]
pub async fn book_time(
    #[server(default)] kanal: String,
    #[server(default)] kontor: String,
    #[server(default)] tid: String,
    #[server(default)] byt: String,
) -> Result<i64, AppError> {
    use crate::{
        components::language_switch::encode_query_value as enc,
        domain::booking::SlotChoice,
        ssr::services::booking::{self as service, BookError},
    };
    use server::*;
    let state = crate::ssr::AppState::from_context()?;
    let seeker = seeker(&state, "/boka").await?;
    let now = Utc::now();
    let back = |extra: &str| {
        let mut q = format!("/boka?kanal={}&kontor={}", enc(&kanal), enc(&kontor));
        if !byt.is_empty() {
            q.push_str(&format!("&byt={}", enc(&byt)));
        }
        q.push_str(extra);
        q
    };
    let Some(channel) = parse_channel(&kanal) else {
        http::redirect("/boka?fel=kanal");
        return Err(AppError::Validation(FieldErrors::from([(
            "kanal".to_owned(),
            FieldError::Choice,
        )])));
    };
    let office_id = parse_office(&kontor);
    let choice = match SlotChoice::parse(&tid) {
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
    let outcome = if byt.trim().is_empty() {
        service::book(&state.store, &seeker, channel, office_id, choice, now).await
    } else {
        let booking = own_booking(&state.store, &seeker, &byt).await?;
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
            let flag = if byt.trim().is_empty() {
                "bokad"
            } else {
                "flyttad"
            };
            http::redirect(&format!("/mina-sidor/mote/{id}?{flag}=1"));
            Ok(id)
        }
        Err(BookError::Taken(_)) => {
            let day = crate::domain::time::iso_date(day_of(choice.start).0);
            http::redirect(&back(&format!(
                "&dag={day}&upptagen={}#upptagen",
                choice.start.timestamp()
            )));
            Err(AppError::Conflict("taken".to_owned()))
        }
        Err(BookError::AlreadyBooked(id)) => {
            http::redirect(&format!("/mina-sidor/mote/{id}?redan=1"));
            Err(AppError::Conflict("already_booked".to_owned()))
        }
        Err(BookError::Failed(e)) => Err(e),
    }
}

/// One meeting of the signed-in seeker: the confirmation page and the meeting's own page.
#[server(name = LoadMeeting, prefix = "/api", endpoint = "mote")]
pub async fn load_meeting(id: String) -> Result<MeetingView, AppError> {
    use server::*;
    let state = crate::ssr::AppState::from_context()?;
    let seeker = seeker(&state, &format!("/mina-sidor/mote/{}", id.trim())).await?;
    let booking = own_booking(&state.store, &seeker, &id).await?;
    meeting_view(&booking, &seeker, Utc::now())
}

/// "Jag är här": the signed-in seeker has arrived at the office for their visit (from an
/// hour before it until it ends). Back to the meeting's page, which then says so.
#[server(name = CheckInVisit, prefix = "/api", endpoint = "mote/jag-ar-har")]
pub async fn check_in_visit(#[server(default)] mote: String) -> Result<(), AppError> {
    use crate::ssr::services::office;
    use server::*;
    let state = crate::ssr::AppState::from_context()?;
    let seeker = seeker(&state, "/mina-sidor").await?;
    let booking = own_booking(&state.store, &seeker, &mote).await?;
    let page = format!("/mina-sidor/mote/{}", booking.id);
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
    #[server(default)] mote: String,
    #[server(default)] form: CancelForm,
) -> Result<(), AppError> {
    use crate::ssr::services::booking as service;
    use server::*;
    let state = crate::ssr::AppState::from_context()?;
    let seeker = seeker(&state, "/mina-sidor").await?;
    let booking = own_booking(&state.store, &seeker, &mote).await?;
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
            http::redirect("/mina-sidor?avbokad=1");
            Ok(())
        }
        Err(errors) => {
            http::session()
                .await?
                .insert(
                    CANCEL_KEY,
                    CancelState {
                        form,
                        errors: errors.clone(),
                    },
                )
                .await
                .map_err(AppError::internal)?;
            http::redirect(&format!("/mina-sidor/mote/{}/avboka#fel", booking.id));
            Err(AppError::Validation(errors))
        }
    }
}

#[cfg(feature = "ssr")]
const CANCEL_KEY: &str = "cancel_form";

/// The cancel form as last posted with errors, once.
#[server(name = CancelFormState, prefix = "/api", endpoint = "mote/avboka/utkast")]
pub async fn cancel_form_state() -> Result<CancelState, AppError> {
    let session = crate::ssr::http::session().await?;
    Ok(session
        .remove::<CancelState>(CANCEL_KEY)
        .await
        .map_err(AppError::internal)?
        .unwrap_or_default())
}

/// Mina sidor: the seeker's meetings and profile.
#[server(name = LoadMyPages, prefix = "/api", endpoint = "mina-sidor")]
pub async fn load_my_pages() -> Result<MyPagesView, AppError> {
    use server::*;
    let state = crate::ssr::AppState::from_context()?;
    let seeker = seeker(&state, "/mina-sidor").await?;
    let now = Utc::now();
    let bookings = state.store.seeker_bookings(seeker.id).await?;
    let mut upcoming = Vec::new();
    let mut earlier = Vec::new();
    for b in &bookings {
        let s = summary(b, now)?;
        if s.upcoming {
            upcoming.push(s);
        } else {
            earlier.push(s);
        }
    }
    // Soonest first for what is coming; latest first for what has been.
    upcoming.reverse();
    let home_office = match seeker.home_office_id {
        Some(id) => state.store.office_name(id).await?,
        None => None,
    };
    Ok(MyPagesView {
        upcoming,
        earlier,
        profile: profile_view(&seeker, home_office),
    })
}
