//! Employers' meetings with employer counsellors: the picker, booking, moving and
//! cancelling. Only counsellors who serve employers are offered; for phone and video those
//! at the organisation's own office when any of them meets that way, and among them those
//! who know the need's occupational field first. The seekers' slot engine, the office's
//! capacity and the database's rules against double booking apply as they do to seekers.

use super::{
    booking::{BookError, NEAREST},
    picker::{meeting_type, offer_times, times_view, Picker, Search},
    seeker_pages::{meeting_facts, summary},
};
use crate::{
    domain::{
        booking::{Cancellation, SlotChoice},
        choices::{EmployerCancelReason, LanguageCode},
        employer::need::NeedStatus,
        geo::distance_km,
        matching::Wish,
        BookingId, BookingStatus, Channel, FieldCode, Postcode,
    },
    error::AppError,
    ssr::store::{
        BookingRow, EmployerRow, EmployerUserRow, NeedRow, NewBooking, NewTime, Party, Store,
        StoreError,
    },
    views::{
        booking::{OfficeChoice, TimesView},
        employer_meeting::{EmployerMeetingView, EmployerMeetings, EmployerPickerView, NeedChoice},
    },
};
use chrono::{DateTime, Utc};

/// The meeting type employers book.
pub const EMPLOYER_MEETING: &str = "employer-meeting";

/// What the employer's picker was asked for, parsed.
#[derive(Debug, Clone, Default)]
pub struct EmployerPickerQuery {
    pub need: Option<i64>,
    pub channel: Option<Channel>,
    /// Whether a channel was asked for at all (else a meeting being moved keeps its own).
    pub channel_given: bool,
    pub office: Option<i64>,
    /// The organisation's own meeting to move.
    pub moving: Option<BookingRow>,
    /// A time that was taken: the nearest free ones are offered.
    pub taken: Option<DateTime<Utc>>,
}

/// What a booking asks for: the need it is about (if any), how and where to meet, and the
/// chosen time.
#[derive(Debug, Clone, Copy)]
pub struct EmployerBooking {
    pub need: Option<i64>,
    pub channel: Channel,
    pub office: Option<i64>,
    pub choice: SlotChoice,
}

/// The organisation's own meeting, or `NotFound` (another organisation's is not found either).
pub async fn own_meeting(
    store: &Store,
    me: &EmployerUserRow,
    id: &str,
) -> Result<BookingRow, AppError> {
    let id: i64 = id.trim().parse().map_err(|_| AppError::NotFound)?;
    store
        .employer_meeting(me.employer_id, id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn organisation(store: &Store, me: &EmployerUserRow) -> Result<EmployerRow, AppError> {
    store
        .employer(me.employer_id)
        .await?
        .ok_or_else(|| AppError::internal("a user without an organisation"))
}

/// The organisation's open need `id`; a closed one, or another organisation's, is not found.
async fn open_need(
    store: &Store,
    employer_id: i64,
    id: Option<i64>,
) -> Result<Option<NeedRow>, AppError> {
    let Some(id) = id else {
        return Ok(None);
    };
    match store.need(employer_id, id).await? {
        Some(n) if n.status() == Some(NeedStatus::Open) => Ok(Some(n)),
        _ => Err(AppError::NotFound),
    }
}

/// The times employer counsellors have for meeting the organisation this way, and the
/// office whose counsellors alone they are with (for phone and video), if so.
async fn employer_picker(
    store: &Store,
    employer: &EmployerRow,
    need: Option<&NeedRow>,
    channel: Channel,
    office_id: Option<i64>,
    moving: Option<&BookingRow>,
    now: DateTime<Utc>,
) -> Result<(Picker, Option<i64>), AppError> {
    let mut rows = store.list_counsellors().await?;
    rows.retain(|c| c.serves_employers);
    let mut local = None;
    if channel != Channel::Office {
        if let Some(home) = employer.office_id {
            if rows
                .iter()
                .any(|c| c.office_id == home && c.channels.contains(&channel))
            {
                rows.retain(|c| c.office_id == home);
                local = Some(home);
            }
        }
    }
    let wish = Wish {
        fields: need
            .and_then(|n| FieldCode::parse(&n.field_code).ok())
            .into_iter()
            .collect(),
        language: LanguageCode::Sv,
        interpreter: None,
        channel,
        office_id: office_id.filter(|_| channel == Channel::Office),
    };
    let search = Search {
        code: EMPLOYER_MEETING,
        wish,
        rows,
        moving,
        // Without a need there is no field to know: nobody is "another" counsellor.
        fixed: need.is_none(),
    };
    Ok((offer_times(store, search, now).await?, local))
}

/// The picker: the organisation's open needs, the ways of meeting and the offices, and once
/// the employer has said how to meet, the days and times.
#[tracing::instrument(skip_all, fields(employer_user_id = me.id))]
pub async fn picker_view(
    store: &Store,
    me: &EmployerUserRow,
    query: EmployerPickerQuery,
    now: DateTime<Utc>,
) -> Result<EmployerPickerView, AppError> {
    let employer = organisation(store, me).await?;
    let moving = query.moving.filter(|b| b.status == BookingStatus::Booked);
    let open: Vec<NeedRow> = store
        .needs(me.employer_id)
        .await?
        .into_iter()
        .filter(|n| n.status() == Some(NeedStatus::Open))
        .collect();
    let need_id = query
        .need
        .or(moving.as_ref().and_then(|b| b.need_id))
        .filter(|id| open.iter().any(|n| n.id == *id));
    let (_, offered) = meeting_type(store, EMPLOYER_MEETING).await?;
    let channel = query
        .channel
        .or(match (&moving, query.channel_given) {
            (Some(b), false) => Some(b.channel),
            _ => None,
        })
        .filter(|ch| offered.contains(ch));
    // Visits are at the offices that take them and have an employer counsellor who meets
    // visitors; the one nearest the organisation first (its own office may meet employers
    // by phone and video only).
    let visits = store.visit_office_ids().await?;
    let counsellors = store.list_counsellors().await?;
    let offices = store.list_offices().await?;
    let here = Postcode::from_stored(employer.postcode).map(|p| p.approximate_location());
    let mut choices: Vec<(f64, OfficeChoice)> = offices
        .iter()
        .filter(|o| visits.contains(&o.id))
        .filter(|o| {
            counsellors.iter().any(|c| {
                c.serves_employers && c.office_id == o.id && c.channels.contains(&Channel::Office)
            })
        })
        .map(|o| {
            let away = here.map_or(0.0, |h| {
                distance_km(h, o.address.postcode.approximate_location())
            });
            let choice = OfficeChoice {
                id: o.id,
                name: o.name.clone(),
                nearest: false,
            };
            (away, choice)
        })
        .collect();
    choices.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut choices: Vec<OfficeChoice> = choices.into_iter().map(|(_, c)| c).collect();
    if let (Some(first), Some(_)) = (choices.first_mut(), here) {
        first.nearest = true;
    }
    let office_id = query
        .office
        .or(moving.as_ref().and_then(|b| b.office_id))
        .filter(|id| choices.iter().any(|o| o.id == *id))
        .or(choices.first().map(|o| o.id));
    let mut view = EmployerPickerView {
        needs: open
            .iter()
            .map(|n| NeedChoice {
                id: n.id,
                headline: n.headline.clone(),
            })
            .collect(),
        need_id,
        channels: offered,
        channel,
        offices: choices,
        office_id,
        local_office: None,
        times: TimesView::default(),
        moving: moving.as_ref().map(|b| employer_summary(b, &offices, now)),
    };
    let Some(channel) = channel else {
        return Ok(view);
    };
    let need = open.iter().find(|n| Some(n.id) == need_id);
    let (picker, local) = employer_picker(
        store,
        &employer,
        need,
        channel,
        office_id,
        moving.as_ref(),
        now,
    )
    .await?;
    view.times = times_view(&picker, query.taken);
    view.local_office =
        local.and_then(|id| offices.iter().find(|o| o.id == id).map(|o| o.name.clone()));
    Ok(view)
}

/// A meeting as the employer's pages list it: like a seeker's, without "Jag är här" (the
/// counsellor meets the employer's people at the reception).
fn employer_summary(
    b: &BookingRow,
    offices: &[crate::domain::OfficeSummary],
    now: DateTime<Utc>,
) -> crate::views::booking::MeetingSummary {
    let mut s = summary(b, offices, now);
    s.check_in = None;
    s
}

/// Books the chosen time for the organisation, once however often it is sent.
#[tracing::instrument(skip_all, fields(employer_user_id = me.id, channel = ?wanted.channel))]
pub async fn book(
    store: &Store,
    me: &EmployerUserRow,
    wanted: EmployerBooking,
    now: DateTime<Utc>,
) -> Result<i64, BookError> {
    let choice = wanted.choice;
    // A repeated confirm (a double click, a resent form) finds the meeting the first made.
    let meetings = store.employer_meetings(me.employer_id).await?;
    if let Some(b) = meetings.iter().find(|b| {
        b.status == BookingStatus::Booked
            && b.counsellor_id == choice.counsellor_id
            && b.starts_at == choice.start
    }) {
        return Ok(b.id);
    }
    let employer = organisation(store, me).await?;
    let need = open_need(store, me.employer_id, wanted.need).await?;
    let office = wanted.office.filter(|_| wanted.channel == Channel::Office);
    let search = |store| {
        employer_picker(
            store,
            &employer,
            need.as_ref(),
            wanted.channel,
            office,
            None,
            now,
        )
    };
    let (picker, _) = search(store).await?;
    let Some(time) = picker.bookable(choice) else {
        return Err(BookError::Taken(
            picker.offer.nearest(choice.start, NEAREST),
        ));
    };
    let new = NewBooking {
        with: Party::Employer {
            employer_id: me.employer_id,
            user_id: me.id,
            need_id: need.as_ref().map(|n| n.id),
        },
        counsellor_id: time.counsellor_id,
        meeting_type: EMPLOYER_MEETING,
        channel: wanted.channel,
        office_id: office,
        starts_at: time.slot.start,
        ends_at: time.slot.end,
        clear_until: time.slot.end + picker.rules.buffer,
        is_first: false,
        video_room: (wanted.channel == Channel::Video).then(crate::ssr::video::new_room),
        now,
        visit_limit: picker.visit_limit(time.slot.start),
    };
    match store.insert_booking(&new).await {
        Ok(id) => Ok(id),
        Err(StoreError::Conflict(rule)) if rule.is_taken() => {
            let (fresh, _) = search(store).await?;
            Err(BookError::Taken(fresh.offer.nearest(choice.start, NEAREST)))
        }
        Err(e) => Err(e.into()),
    }
}

/// Moves the organisation's meeting to the chosen time. A repeated request for the time it
/// already has is a success.
#[tracing::instrument(skip_all, fields(employer_user_id = me.id, booking_id = meeting.id))]
pub async fn reschedule(
    store: &Store,
    me: &EmployerUserRow,
    meeting: &BookingRow,
    wanted: EmployerBooking,
    now: DateTime<Utc>,
) -> Result<(), BookError> {
    let choice = wanted.choice;
    if meeting.counsellor_id == choice.counsellor_id
        && meeting.starts_at == choice.start
        && meeting.channel == wanted.channel
    {
        return Ok(());
    }
    let employer = organisation(store, me).await?;
    // The need it is about stays (it may have closed since).
    let need = match meeting.need_id {
        Some(id) => store.need(me.employer_id, id).await?,
        None => None,
    };
    let office = wanted.office.filter(|_| wanted.channel == Channel::Office);
    let search = |store| {
        employer_picker(
            store,
            &employer,
            need.as_ref(),
            wanted.channel,
            office,
            Some(meeting),
            now,
        )
    };
    let (picker, _) = search(store).await?;
    let Some(time) = picker.bookable(choice) else {
        return Err(BookError::Taken(
            picker.offer.nearest(choice.start, NEAREST),
        ));
    };
    let to = NewTime {
        counsellor_id: time.counsellor_id,
        channel: wanted.channel,
        office_id: office,
        video_room: match (wanted.channel, &meeting.video_room) {
            (Channel::Video, Some(room)) => Some(room.clone()),
            (Channel::Video, None) => Some(crate::ssr::video::new_room()),
            _ => None,
        },
        starts_at: time.slot.start,
        ends_at: time.slot.end,
        clear_until: time.slot.end + picker.rules.buffer,
        visit_limit: picker.visit_limit(time.slot.start),
    };
    match store
        .move_employer_meeting(BookingId(meeting.id), me.employer_id, to, now)
        .await
    {
        Ok(()) => Ok(()),
        Err(StoreError::Conflict(rule)) if rule.is_taken() => {
            let (fresh, _) = search(store).await?;
            Err(BookError::Taken(fresh.offer.nearest(choice.start, NEAREST)))
        }
        Err(e) => Err(e.into()),
    }
}

/// Cancels the organisation's meeting, with the reason given.
#[tracing::instrument(skip_all, fields(employer_user_id = me.id, booking_id = booking_id))]
pub async fn cancel(
    store: &Store,
    me: &EmployerUserRow,
    booking_id: i64,
    cancellation: &Cancellation<EmployerCancelReason>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    Ok(store
        .cancel_employer_meeting(
            BookingId(booking_id),
            me.employer_id,
            cancellation.reason,
            &cancellation.note,
            now,
        )
        .await?)
}

/// A meeting's page: its facts, the need it is about and who booked it. A phone meeting's
/// counsellor calls the user who booked it.
pub async fn meeting_view(
    store: &Store,
    video: &crate::ssr::video::VideoService,
    b: &BookingRow,
    now: DateTime<Utc>,
) -> Result<EmployerMeetingView, AppError> {
    let offices = store.list_offices().await?;
    let phone = match b.employer_user_id {
        Some(id) => store.employer_user(id).await?.map(|u| u.phone),
        None => None,
    }
    .unwrap_or_default();
    let summary = employer_summary(b, &offices, now);
    Ok(EmployerMeetingView {
        meeting: meeting_facts(
            b,
            summary,
            phone,
            Vec::new(),
            (video, b.employer_user_name.as_deref().unwrap_or_default()),
        ),
        need: b
            .need_id
            .zip(b.need_headline.clone())
            .map(|(id, headline)| NeedChoice { id, headline }),
        booked_by: b.employer_user_name.clone().unwrap_or_default(),
    })
}

/// The organisation's meetings for its overview: coming soonest first, earlier latest first.
pub async fn meetings(
    store: &Store,
    employer_id: i64,
    now: DateTime<Utc>,
) -> Result<EmployerMeetings, AppError> {
    let offices = store.list_offices().await?;
    let mut all = EmployerMeetings::default();
    for b in store.employer_meetings(employer_id).await? {
        let s = employer_summary(&b, &offices, now);
        if s.status == BookingStatus::Booked && s.ends_at > now {
            all.upcoming.push(s);
        } else {
            all.earlier.push(s);
        }
    }
    all.upcoming.reverse();
    Ok(all)
}
