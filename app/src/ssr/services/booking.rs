//! Booking the first meeting: what to offer a seeker, and making, moving and cancelling the
//! booking. The offer is computed fresh for every request from the store; the database has
//! the last word on whether a time is still free.

use crate::domain::{BookingId, Rule, SeekerId};
use crate::{
    domain::{
        booking::{Cancellation, SlotChoice},
        capacity::{local_hour, Capacity, VisitLoad},
        choices::LanguageCode,
        matching::{rank, Counsellor, Wish},
        offer::{build_offer, Offer, OfferedTime},
        schedule::{free_slots, SlotRules, Span},
        time::stockholm_to_utc,
        Channel, FieldCode,
    },
    error::AppError,
    ssr::store::{BookingRow, NewBooking, NewTime, SeekerProfile, Store, StoreError, VisitLimit},
};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// The meeting type a first booking is.
pub const FIRST_MEETING: &str = "first-meeting";
/// How many times are suggested when the chosen one was taken.
pub const NEAREST: usize = 4;
/// Where video meetings are held; the room name completes the link.
pub const VIDEO_BASE: &str = "https://video.tidbok.example/m/";

/// What the picker shows: the offer, and the counsellors' names.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub offer: Offer,
    pub names: HashMap<i64, String>,
    /// Every free slot of every counsellor who may meet the seeker this way: a time the
    /// offer gives to one counsellor may still be booked with another who is free then
    /// (the offer's choice can shift as other bookings change the week's load).
    free: HashMap<i64, Vec<Span>>,
    /// For a visit: the office, its capacity and the visits already booked there.
    office: Option<(i64, Capacity, VisitLoad)>,
}

impl Picker {
    /// The office's limit for a visit starting at `start`, checked again when booking.
    pub fn visit_limit(&self, start: DateTime<Utc>) -> Option<VisitLimit> {
        let (office_id, capacity, _) = self.office.as_ref()?;
        let (date, hour) = local_hour(start);
        let max = capacity.per_hour_on(chrono::Datelike::weekday(&date))?;
        let hour_start = stockholm_to_utc(date, chrono::NaiveTime::from_hms_opt(hour, 0, 0)?)?;
        Some(VisitLimit {
            office_id: *office_id,
            hour_start,
            hour_end: hour_start + Duration::hours(1),
            max: i64::from(max),
        })
    }

    /// The chosen time, if that counsellor may meet the seeker this way and is free then.
    pub fn bookable(&self, choice: SlotChoice) -> Option<OfferedTime> {
        self.free
            .get(&choice.counsellor_id)?
            .iter()
            .find(|s| s.start == choice.start)
            .map(|slot| OfferedTime {
                slot: *slot,
                counsellor_id: choice.counsellor_id,
            })
    }
}

/// Why a booking was not made.
#[derive(Debug)]
pub enum BookError {
    /// Someone else got the time (or it was never free): these are the nearest free ones.
    Taken(Vec<OfferedTime>),
    /// The seeker already has a first meeting booked; this is it.
    AlreadyBooked(i64),
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

/// The first meeting's rules, with its length and buffer as the meeting type says.
pub async fn first_meeting_rules(store: &Store) -> Result<SlotRules, AppError> {
    let types = store.list_meeting_types().await?;
    let kind = types
        .iter()
        .find(|t| t.code == FIRST_MEETING)
        .ok_or_else(|| AppError::internal("meeting type first-meeting is missing"))?;
    Ok(SlotRules {
        length: Duration::minutes(kind.minutes),
        buffer: Duration::minutes(kind.buffer_minutes),
        ..SlotRules::first_meeting()
    })
}

/// What the seeker asked for, in matching's terms.
pub fn wish(profile: &SeekerProfile, channel: Channel, office_id: Option<i64>) -> Wish {
    Wish {
        fields: profile
            .fields
            .iter()
            .filter_map(|f| FieldCode::parse(f).ok())
            .collect(),
        language: LanguageCode::parse(&profile.preferred_language).unwrap_or(LanguageCode::Sv),
        interpreter: profile
            .interpreter_language
            .as_deref()
            .and_then(LanguageCode::parse),
        channel,
        office_id: (channel == Channel::Office).then_some(office_id).flatten(),
    }
}

/// The times to offer the seeker for meeting this way. When `moving` names one of their
/// bookings, its own time counts as free and its counsellor is kept where possible.
#[tracing::instrument(skip_all, fields(seeker_id = profile.id, ?channel, ?office_id))]
pub async fn picker(
    store: &Store,
    profile: &SeekerProfile,
    channel: Channel,
    office_id: Option<i64>,
    moving: Option<&BookingRow>,
    now: DateTime<Utc>,
) -> Result<Picker, AppError> {
    let rules = first_meeting_rules(store).await?;
    let from = now;
    let to = now + rules.horizon + rules.length;
    let rows = store.list_counsellors().await?;
    let open = store.open_times(from, to).await?;
    let busy = store.busy_times(from - Duration::days(1), to).await?;
    let counsellors: Vec<Counsellor> = rows
        .iter()
        .map(|c| Counsellor {
            id: c.id,
            office_id: c.office_id,
            fields: c
                .fields
                .iter()
                .filter_map(|f| FieldCode::parse(f).ok())
                .collect(),
            languages: c
                .languages
                .iter()
                .filter_map(|l| LanguageCode::parse(l))
                .collect(),
            channels: c.channels.clone(),
            week_bookings: 0,
        })
        .collect();
    let moving_id = moving.map(|b| b.id);
    let busy: Vec<_> = busy
        .into_iter()
        .filter(|b| Some(b.id) != moving_id)
        .collect();
    let mut open_by: HashMap<i64, Vec<Span>> = HashMap::new();
    for a in &open {
        if let Some(s) = Span::new(a.starts_at, a.ends_at) {
            open_by.entry(a.counsellor_id).or_default().push(s);
        }
    }
    let mut busy_by: HashMap<i64, Vec<Span>> = HashMap::new();
    for b in &busy {
        if let Some(s) = Span::new(b.starts_at, b.clear_until) {
            busy_by.entry(b.counsellor_id).or_default().push(s);
        }
    }
    let free: HashMap<i64, Vec<Span>> = open_by
        .iter()
        .map(|(id, spans)| {
            let booked = busy_by.get(id).map(Vec::as_slice).unwrap_or_default();
            (*id, free_slots(spans, booked, &rules, now))
        })
        .collect();
    let starts: Vec<(i64, DateTime<Utc>)> = busy
        .iter()
        .map(|b| (b.counsellor_id, b.starts_at))
        .collect();
    let wish = wish(profile, channel, office_id);
    let mut offer = build_offer(
        &wish,
        &counsellors,
        &free,
        &starts,
        moving.map(|b| b.counsellor_id),
    );
    let eligible = rank(&wish, &counsellors).counsellors;
    let mut free: HashMap<i64, Vec<Span>> = free
        .into_iter()
        .filter(|(id, _)| eligible.contains(id))
        .collect();
    let office = match (channel, office_id) {
        (Channel::Office, Some(office)) => {
            let (capacity, load) = office_load(store, office, moving_id, from, to).await?;
            offer = capacity.apply(offer, &load);
            for slots in free.values_mut() {
                slots.retain(|s| capacity.has_room(&load, s.start));
            }
            Some((office, capacity, load))
        }
        _ => None,
    };
    let names = rows
        .into_iter()
        .map(|c| (c.id, format!("{} {}", c.first_name, c.last_name)))
        .collect();
    Ok(Picker {
        offer,
        names,
        free,
        office,
    })
}

/// An office's capacity and the visits booked there from a day before `from` to `to` (the
/// meeting being moved, if any, left out).
pub async fn office_load(
    store: &Store,
    office_id: i64,
    leave_out: Option<i64>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<(Capacity, VisitLoad), AppError> {
    let setting = store.office_capacity(office_id).await?;
    let opening = store
        .list_offices()
        .await?
        .into_iter()
        .find(|o| o.id == office_id)
        .map(|o| o.opening_hours)
        .unwrap_or_default();
    let capacity = Capacity::new(setting.per_hour, setting.target_percent, &opening);
    let moving_start = match leave_out {
        Some(id) => store.booking(id).await?.map(|b| b.starts_at),
        None => None,
    };
    let mut starts = store
        .office_visit_starts(office_id, from - Duration::days(1), to)
        .await?;
    if let Some(t) = moving_start {
        if let Some(i) = starts.iter().position(|s| *s == t) {
            starts.remove(i);
        }
    }
    Ok((capacity, VisitLoad::from_starts(starts)))
}

/// A random video room name.
pub(crate) fn video_room() -> String {
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
#[tracing::instrument(skip_all, fields(seeker_id = profile.id, ?channel, ?office_id))]
pub async fn book(
    store: &Store,
    profile: &SeekerProfile,
    channel: Channel,
    office_id: Option<i64>,
    choice: SlotChoice,
    now: DateTime<Utc>,
) -> Result<i64, BookError> {
    if let Some(existing) = same_booking(store, profile.id, choice).await? {
        return Ok(existing.id);
    }
    if let Some(existing) = store.live_first_meeting(profile.id).await? {
        return Err(BookError::AlreadyBooked(existing.id));
    }
    let picker = picker(store, profile, channel, office_id, None, now).await?;
    let Some(time) = picker.bookable(choice) else {
        return Err(BookError::Taken(
            picker.offer.nearest(choice.start, NEAREST),
        ));
    };
    let rules = first_meeting_rules(store).await?;
    let new = NewBooking {
        seeker_id: profile.id,
        counsellor_id: time.counsellor_id,
        meeting_type: FIRST_MEETING,
        channel,
        office_id: office_for(channel, office_id, store, time.counsellor_id).await?,
        starts_at: time.slot.start,
        ends_at: time.slot.end,
        clear_until: time.slot.end + rules.buffer,
        is_first: true,
        video_room: (channel == Channel::Video).then(video_room),
        now,
        visit_limit: picker.visit_limit(time.slot.start),
    };
    match store.insert_booking(&new).await {
        Ok(id) => Ok(id),
        Err(StoreError::Conflict(rule)) if rule.is_taken() => {
            let fresh = self::picker(store, profile, channel, office_id, None, now).await?;
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

/// Moves the seeker's booking to the chosen time. A repeated request for the time it
/// already has is a success.
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
    let picker = picker(store, profile, channel, office_id, Some(booking), now).await?;
    let Some(time) = picker.bookable(choice) else {
        return Err(BookError::Taken(
            picker.offer.nearest(choice.start, NEAREST),
        ));
    };
    let rules = first_meeting_rules(store).await?;
    let to = NewTime {
        counsellor_id: time.counsellor_id,
        channel,
        office_id: office_for(channel, office_id, store, time.counsellor_id).await?,
        video_room: match (channel, &booking.video_room) {
            (Channel::Video, Some(room)) => Some(room.clone()),
            (Channel::Video, None) => Some(video_room()),
            _ => None,
        },
        starts_at: time.slot.start,
        ends_at: time.slot.end,
        clear_until: time.slot.end + rules.buffer,
        visit_limit: picker.visit_limit(time.slot.start),
    };
    match store
        .move_booking(BookingId(booking.id), SeekerId(profile.id), to, now)
        .await
    {
        Ok(()) => Ok(()),
        Err(StoreError::Conflict(rule)) if rule.is_taken() => {
            let fresh =
                self::picker(store, profile, channel, office_id, Some(booking), now).await?;
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
async fn office_for(
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
