//! Booking the first meeting: making, moving and cancelling the booking. What is offered is
//! computed fresh for every request (`picker`); the database has the last word on whether a
//! time is still free.

use super::picker::{self as offers, first_meeting_rules};
use crate::domain::{BookingId, BookingStatus, Rule, SeekerId, StaffId};
use crate::{
    domain::{
        booking::{Cancellation, SlotChoice},
        offer::OfferedTime,
        Channel,
    },
    error::AppError,
    ssr::store::{
        BookingRow, ByStaff, NewBooking, NewTime, Party, SeekerProfile, Store, StoreError,
    },
};
use chrono::{DateTime, Utc};

/// The meeting type a first booking is.
pub const FIRST_MEETING: &str = "first-meeting";
/// How many times are suggested when the chosen one was taken.
pub const NEAREST: usize = 4;

/// Why a booking was not made.
#[derive(Debug)]
pub enum BookError {
    /// Someone else got the time (or it was never free): these are the nearest free ones.
    Taken(Vec<OfferedTime>),
    /// The seeker already has a first meeting booked; this is it.
    AlreadyBooked(i64),
    /// The seeker's first meeting has been held: what comes next is booked with the
    /// counsellor, not as another first meeting.
    FirstMeetingHeld,
    Failed(AppError),
}

impl From<AppError> for BookError {
    fn from(e: AppError) -> Self {
        BookError::Failed(e)
    }
}

impl From<StoreError> for BookError {
    fn from(e: StoreError) -> Self {
        BookError::Failed(e.into())
    }
}

/// The seeker's live first meeting if it is exactly this choice: a repeated confirm (a
/// double click, a resent form) finds the booking the first one made.
async fn same_booking(
    store: &Store,
    seeker_id: i64,
    choice: SlotChoice,
) -> Result<Option<BookingRow>, StoreError> {
    Ok(store
        .live_first_meeting(seeker_id)
        .await?
        .filter(|b| b.counsellor_id == choice.counsellor_id && b.starts_at == choice.start))
}

/// Books the chosen time as the seeker's first meeting, once, however often it is sent.
pub async fn book(
    store: &Store,
    profile: &SeekerProfile,
    channel: Channel,
    office_id: Option<i64>,
    choice: SlotChoice,
    now: DateTime<Utc>,
) -> Result<i64, BookError> {
    book_as(store, profile, None, channel, office_id, choice, now).await
}

/// `book`, by the person themselves (`staff` is `None`) or by staff on their behalf, with
/// the same picker and rules.
#[tracing::instrument(skip_all, fields(seeker_id = profile.id, ?staff, ?channel, ?office_id))]
pub async fn book_as(
    store: &Store,
    profile: &SeekerProfile,
    staff: Option<StaffId>,
    channel: Channel,
    office_id: Option<i64>,
    choice: SlotChoice,
    now: DateTime<Utc>,
) -> Result<i64, BookError> {
    if let Some(existing) = same_booking(store, profile.id, choice).await? {
        return Ok(existing.id);
    }
    let bookings = store.seeker_bookings(profile.id).await?;
    let first = |status| bookings.iter().find(|b| b.is_first && b.status == status);
    if let Some(existing) = first(BookingStatus::Booked) {
        return Err(BookError::AlreadyBooked(existing.id));
    }
    if first(BookingStatus::Held).is_some() {
        return Err(BookError::FirstMeetingHeld);
    }
    let picker = offers::picker(store, profile, channel, office_id, None, now).await?;
    let Some(time) = picker.bookable(choice) else {
        return Err(BookError::Taken(
            picker.offer.nearest(choice.start, NEAREST),
        ));
    };
    let rules = first_meeting_rules(store).await?;
    let new = NewBooking {
        with: Party::Seeker(profile.id),
        counsellor_id: time.counsellor_id,
        meeting_type: FIRST_MEETING,
        channel,
        office_id: office_for(channel, office_id, store, time.counsellor_id).await?,
        starts_at: time.slot.start,
        ends_at: time.slot.end,
        clear_until: time.slot.end + rules.buffer,
        is_first: true,
        video_room: (channel == Channel::Video).then(crate::ssr::video::new_room),
        now,
        visit_limit: picker.visit_limit(time.slot.start),
    };
    let inserted = match staff {
        None => store.insert_booking(&new).await,
        Some(by) => {
            let by = ByStaff {
                by,
                follows: None,
                arrived_at: None,
            };
            store.insert_booking_by(&new, by).await
        }
    };
    match inserted {
        Ok(id) => Ok(id),
        // Taken meanwhile, or the person has another meeting then: either way, other times.
        Err(StoreError::Conflict(rule)) if rule.is_taken() || rule == Rule::SeekerOverlap => {
            let fresh = offers::picker(store, profile, channel, office_id, None, now).await?;
            Err(BookError::Taken(fresh.offer.nearest(choice.start, NEAREST)))
        }
        Err(StoreError::Conflict(Rule::OneFirstMeeting)) => {
            // Two confirms raced each other: the other one booked. If it booked this very
            // time, this one succeeded too, as far as the person can tell.
            match store.live_first_meeting(profile.id).await? {
                Some(b)
                    if b.counsellor_id == choice.counsellor_id && b.starts_at == choice.start =>
                {
                    Ok(b.id)
                }
                Some(b) => Err(BookError::AlreadyBooked(b.id)),
                None => Err(BookError::Failed(AppError::internal(
                    "first-meeting rule refused a booking, but none is live",
                ))),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// Moves the seeker's booking to the chosen time (a follow-up only among its counsellor's
/// times). A repeated request for the time it already has is a success.
#[tracing::instrument(skip_all, fields(seeker_id = profile.id, booking_id = booking.id, ?channel))]
pub async fn reschedule(
    store: &Store,
    profile: &SeekerProfile,
    booking: &BookingRow,
    channel: Channel,
    office_id: Option<i64>,
    choice: SlotChoice,
    now: DateTime<Utc>,
) -> Result<(), BookError> {
    if booking.counsellor_id == choice.counsellor_id
        && booking.starts_at == choice.start
        && booking.channel == channel
    {
        return Ok(());
    }
    let picker = offers::picker(store, profile, channel, office_id, Some(booking), now).await?;
    let Some(time) = picker.bookable(choice) else {
        return Err(BookError::Taken(
            picker.offer.nearest(choice.start, NEAREST),
        ));
    };
    let to = NewTime {
        counsellor_id: time.counsellor_id,
        channel,
        // A follow-up's visit is at its counsellor's office, whatever the form said.
        office_id: office_for(
            channel,
            office_id.filter(|_| booking.is_first),
            store,
            time.counsellor_id,
        )
        .await?,
        video_room: match (channel, &booking.video_room) {
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
        .move_booking(BookingId(booking.id), SeekerId(profile.id), to, now)
        .await
    {
        Ok(()) => Ok(()),
        // Taken meanwhile, or the person has another meeting then: either way, other times.
        Err(StoreError::Conflict(rule)) if rule.is_taken() || rule == Rule::SeekerOverlap => {
            let fresh =
                offers::picker(store, profile, channel, office_id, Some(booking), now).await?;
            Err(BookError::Taken(fresh.offer.nearest(choice.start, NEAREST)))
        }
        Err(e) => Err(e.into()),
    }
}

#[tracing::instrument(skip_all, fields(seeker_id = seeker_id, booking_id = booking_id))]
pub async fn cancel(
    store: &Store,
    seeker_id: i64,
    booking_id: i64,
    cancellation: &Cancellation,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    Ok(store
        .cancel_booking(
            BookingId(booking_id),
            SeekerId(seeker_id),
            cancellation.reason,
            &cancellation.note,
            now,
        )
        .await?)
}

/// A visit is at the counsellor's office (which is the one chosen); other meetings have none.
pub(super) async fn office_for(
    channel: Channel,
    chosen: Option<i64>,
    store: &Store,
    counsellor_id: i64,
) -> Result<Option<i64>, AppError> {
    if channel != Channel::Office {
        return Ok(None);
    }
    if chosen.is_some() {
        return Ok(chosen);
    }
    let rows = store.list_counsellors().await?;
    Ok(rows
        .iter()
        .find(|c| c.id == counsellor_id)
        .map(|c| c.office_id))
}
