//! What the job seeker's own pages are drawn from: the picker, a meeting, Mina sidor.
//! Built from the store's rows for the signed-in seeker only.

use super::picker::visit_office_opens;
use crate::{
    domain::{
        preparation::{tips, TipFacts},
        time::Day,
        BookingStatus, Channel, OfficeSummary, PersonalNumber,
    },
    error::AppError,
    ssr::{
        store::{BookingRow, SeekerProfile, Store},
        video::VideoService,
    },
    views::booking::{
        AfterFirst, MeetingSummary, MeetingView, MyPagesView, OfficeChoice, PickerView,
        ProfileView, TimesView,
    },
};
use chrono::{DateTime, Utc};

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
        .filter(|b| b.seeker_id == Some(seeker.id))
        .ok_or(AppError::NotFound)
}

/// A booking as the seeker's pages list it; `offices` (all of them, as the page read them)
/// tell when a visit's office opens that day.
pub fn summary(b: &BookingRow, offices: &[OfficeSummary], now: DateTime<Utc>) -> MeetingSummary {
    let office_opens = visit_office_opens(b, offices);
    MeetingSummary {
        id: b.id,
        starts_at: b.starts_at,
        ends_at: b.ends_at,
        channel: b.channel,
        counsellor: format!("{} {}", b.counsellor_first_name, b.counsellor_last_name),
        counsellor_phone: b.counsellor_phone.clone(),
        office: b.office_name.clone(),
        meeting_sv: b.meeting_name_sv.clone(),
        meeting_en: b.meeting_name_en.clone(),
        status: b.status,
        upcoming: b.status == BookingStatus::Booked && b.starts_at > now,
        times_moved: b.times_moved,
        moved_by_staff: b.moved_by_staff,
        is_first: b.is_first,
        staff_cancel: b
            .cancelled_by_staff
            .as_ref()
            .filter(|_| b.status == BookingStatus::Cancelled)
            .map(|_| crate::views::booking::StaffCancel {
                reason: b
                    .cancel_reason
                    .as_deref()
                    .and_then(crate::domain::choices::StaffCancelReason::parse),
                note: b.cancel_note.clone(),
            }),
        check_in: (b.channel == Channel::Office && b.status == BookingStatus::Booked).then(|| {
            crate::domain::arrival::check_in(
                b.starts_at,
                b.ends_at,
                b.arrived_at,
                office_opens,
                now,
            )
        }),
    }
}

pub async fn meeting_view(
    store: &Store,
    video: &VideoService,
    b: &BookingRow,
    seeker: &SeekerProfile,
    now: DateTime<Utc>,
) -> Result<MeetingView, AppError> {
    let summary = summary(b, &store.list_offices().await?, now);
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
    // The first name only: the video service need not know more of the person.
    Ok(meeting_facts(
        b,
        summary,
        seeker.phone.clone(),
        tips(&facts),
        (video, &seeker.first_name),
    ))
}

/// The meeting page's facts about booking `b`: `phone` is the number the counsellor calls
/// for a phone meeting (the seeker's, or the employer's user's), `tips` how to prepare, and
/// `who` the video service and the name the person is shown by in a video meeting.
pub fn meeting_facts(
    b: &BookingRow,
    summary: MeetingSummary,
    phone: String,
    tips: Vec<crate::domain::preparation::Tip>,
    (video, name): (&VideoService, &str),
) -> MeetingView {
    let office_address = match (&b.office_street, b.office_postcode, &b.office_city) {
        (Some(street), Some(code), Some(city)) => {
            let code = code.to_string();
            let (a, z) = code.split_at(code.len().min(3));
            Some(format!("{street}, {a} {z} {city}"))
        }
        _ => None,
    };
    MeetingView {
        counsellor_title: b.counsellor_title.clone(),
        counsellor_title_en: b.counsellor_title_en.clone(),
        counsellor_email: b.counsellor_email.clone(),
        office_address,
        office_phone: b.office_phone.clone(),
        seeker_phone: phone,
        video_link: video.meeting_link(b, name, false),
        video_demo: video.is_demo(),
        tips,
        cancel_reason: b.cancel_reason.clone(),
        cancel_note: b.cancel_note.clone(),
        summary,
    }
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

/// What the picker was asked for, parsed.
pub struct PickerQuery {
    pub channel: Option<Channel>,
    /// Whether a channel was asked for at all (else a booking being moved keeps its own).
    pub channel_given: bool,
    pub office: Option<i64>,
    /// The seeker's own booking to move.
    pub moving: Option<BookingRow>,
    /// A time that was taken: the nearest free ones are offered.
    pub taken: Option<DateTime<Utc>>,
}

impl PickerQuery {
    /// The picker's address as typed (`kanal`, `kontor`, `upptagen` in Unix seconds): what
    /// does not read is left out, as if not asked for.
    pub fn from_address(
        channel: &str,
        office: &str,
        moving: Option<BookingRow>,
        taken: &str,
    ) -> Self {
        PickerQuery {
            channel: channel.trim().parse().ok(),
            channel_given: !channel.is_empty(),
            office: office.trim().parse().ok(),
            moving,
            taken: taken
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|s| DateTime::from_timestamp(s, 0)),
        }
    }
}

/// The picker: the offices, and once the seeker has said how to meet, the days and times.
#[tracing::instrument(skip_all, fields(seeker_id = seeker.id))]
pub async fn picker(
    store: &Store,
    seeker: &SeekerProfile,
    query: PickerQuery,
    now: DateTime<Utc>,
) -> Result<PickerView, AppError> {
    let moving = query.moving.filter(|b| b.status == BookingStatus::Booked);
    let bookings = store.seeker_bookings(seeker.id).await?;
    let live = bookings
        .iter()
        .find(|b| b.is_first && b.status == BookingStatus::Booked)
        .cloned();
    let channel = query.channel.or(match (&moving, query.channel_given) {
        (Some(b), false) => Some(b.channel),
        _ => None,
    });
    // Visits are offered at the offices that take them.
    let visits = store.visit_office_ids().await?;
    let offices = store.list_offices().await?;
    let nearest_office = seeker.home_office_id.filter(|o| visits.contains(o));
    let office_id = query
        .office
        .filter(|id| visits.contains(id))
        .or(moving.as_ref().and_then(|b| b.office_id))
        .or(nearest_office)
        .or(offices.iter().map(|o| o.id).find(|o| visits.contains(o)));
    // A follow-up is moved with its counsellor: their ways of meeting, their office.
    let with = match moving.as_ref().filter(|b| !b.is_first) {
        Some(b) => store
            .list_counsellors()
            .await?
            .into_iter()
            .find(|c| c.id == b.counsellor_id),
        None => None,
    };
    let office_id = with.as_ref().map(|c| c.office_id).or(office_id);
    // The ways of meeting the meeting type is offered in (the administrator's choice), and
    // for a follow-up those its counsellor meets in too.
    let code = moving
        .as_ref()
        .filter(|b| !b.is_first)
        .map_or(super::booking::FIRST_MEETING, |b| b.meeting_type.as_str());
    let (_, offered) = super::picker::meeting_type(store, code).await?;
    let offered: Vec<Channel> = offered
        .into_iter()
        .filter(|ch| with.as_ref().is_none_or(|c| c.channels.contains(ch)))
        .collect();
    let channel = channel.filter(|ch| offered.contains(ch));
    let mut choices: Vec<OfficeChoice> = offices
        .iter()
        .filter(|o| visits.contains(&o.id))
        .filter(|o| with.as_ref().is_none_or(|c| c.office_id == o.id))
        .map(|o| OfficeChoice {
            id: o.id,
            name: o.name.clone(),
            nearest: Some(o.id) == nearest_office,
        })
        .collect();
    choices.sort_by_key(|o| !o.nearest);
    let after_first = match (&moving, &live) {
        (None, None) => after_first_of(&bookings, &offices, now),
        _ => None,
    };
    let mut view = PickerView {
        after_first: None,
        first_name: seeker.first_name.clone(),
        channel,
        office_id,
        offices: choices,
        times: TimesView::default(),
        live: live.as_ref().map(|b| summary(b, &offices, now)),
        moving: moving.as_ref().map(|b| summary(b, &offices, now)),
        channels: offered,
        with_counsellor: with
            .as_ref()
            .map(|c| format!("{} {}", c.first_name, c.last_name)),
    };
    if after_first.is_some() {
        view.after_first = after_first;
        return Ok(view);
    }
    let Some(channel) = channel else {
        return Ok(view);
    };
    let picker =
        super::picker::picker(store, seeker, channel, office_id, moving.as_ref(), now).await?;
    view.times = super::picker::times_view(&picker, query.taken);
    Ok(view)
}

/// What comes after a held first meeting: its counsellor and the follow-ups still to come;
/// `None` until the first meeting has been held.
fn after_first_of(
    bookings: &[BookingRow],
    offices: &[OfficeSummary],
    now: DateTime<Utc>,
) -> Option<AfterFirst> {
    let contact = bookings
        .iter()
        .find(|b| b.is_first && b.status == BookingStatus::Held)?;
    let mut follow_ups: Vec<MeetingSummary> = bookings
        .iter()
        .filter(|b| !b.is_first && b.status == BookingStatus::Booked && b.ends_at > now)
        .map(|b| summary(b, offices, now))
        .collect();
    follow_ups.sort_by_key(|m| m.starts_at);
    Some(AfterFirst {
        counsellor: format!(
            "{} {}",
            contact.counsellor_first_name, contact.counsellor_last_name
        ),
        counsellor_phone: contact.counsellor_phone.clone(),
        follow_ups,
    })
}

/// Mina sidor: the seeker's meetings, coming and past, and their profile.
#[tracing::instrument(skip_all, fields(seeker_id = seeker.id))]
pub async fn my_pages(
    store: &Store,
    seeker: &SeekerProfile,
    now: DateTime<Utc>,
) -> Result<MyPagesView, AppError> {
    let bookings = store.seeker_bookings(seeker.id).await?;
    let offices = store.list_offices().await?;
    let mut upcoming = Vec::new();
    let mut earlier = Vec::new();
    for b in &bookings {
        let s = summary(b, &offices, now);
        // A meeting under way stays with what is coming: the visitor at the office still
        // needs its card ("Jag är här"), though it can no longer be moved.
        if s.upcoming || (s.status == BookingStatus::Booked && s.ends_at > now) {
            upcoming.push(s);
        } else {
            earlier.push(s);
        }
    }
    // Soonest first for what is coming; latest first for what has been.
    upcoming.reverse();
    let home_office = seeker
        .home_office_id
        .and_then(|id| offices.iter().find(|o| o.id == id))
        .map(|o| o.name.clone());
    let after_first = after_first_of(&bookings, &offices, now);
    Ok(MyPagesView {
        after_first,
        upcoming,
        earlier,
        profile: profile_view(seeker, home_office),
    })
}
