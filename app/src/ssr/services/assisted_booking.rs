//! Staff booking a person's first meeting for them, at the desk or on the phone: the same
//! picker, rules and confirmation as the person's own booking, with the staff member
//! recorded as the one who booked it. Or, for a walk-in, a seat right away with a
//! counsellor of the office who has open time within the hour, the arrival recorded at once.

use super::{
    booking::{self, BookError, FIRST_MEETING},
    free_times::{free_times, SlotSearch},
    picker::first_meeting_rules,
    seeker_pages::{self as pages, PickerQuery},
    staff::{allow, reach_of},
};
use crate::{
    domain::{
        access_log::AccessReason,
        booking::SlotChoice,
        staff::StaffMember,
        time::{iso_date, stockholm_date},
        BookingStatus, Channel, Rule, SeekerId, StaffId,
    },
    error::AppError,
    paths,
    ssr::store::{BookingRow, ByStaff, NewBooking, Party, SeekerProfile, Store, StoreError},
    views::person_case::{FirstMeeting, FreeNow, StaffPickerView},
};
use chrono::{DateTime, Duration, Utc};

/// How soon a counsellor must be free for a walk-in to be seated with them.
pub const WALK_IN_WITHIN: Duration = Duration::hours(1);

/// The calendar, on the meeting's day, with its panel open.
pub fn panel_href(b: &BookingRow) -> String {
    format!(
        "{}?vy=dag&dag={}&radgivare={}&mote={}",
        paths::CALENDAR,
        iso_date(stockholm_date(b.starts_at)),
        b.counsellor_id,
        b.id
    )
}

/// Where the person's first meeting stands.
pub fn first_meeting(bookings: &[BookingRow]) -> FirstMeeting {
    let first = |status| bookings.iter().find(|b| b.is_first && b.status == status);
    match (first(BookingStatus::Booked), first(BookingStatus::Held)) {
        (Some(b), _) => FirstMeeting::Booked {
            starts_at: b.starts_at,
            href: panel_href(b),
        },
        (None, Some(b)) => FirstMeeting::Held {
            href: panel_href(b),
        },
        (None, None) => FirstMeeting::ToBook,
    }
}

/// The person `seeker_id`, when `me` may see them (their case, and booking for them).
pub async fn person(
    store: &Store,
    me: &StaffMember,
    seeker_id: i64,
) -> Result<SeekerProfile, AppError> {
    allow(
        me.may_see_seeker(&reach_of(store, seeker_id).await?),
        me,
        "book for a person",
    )?;
    store
        .seeker_profile(seeker_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The picker for the person's first meeting, as they would see it themselves.
#[tracing::instrument(skip_all, fields(staff_id = me.id, seeker_id = seeker_id))]
pub async fn picker(
    store: &Store,
    me: &StaffMember,
    seeker_id: i64,
    query: PickerQuery,
    now: DateTime<Utc>,
) -> Result<StaffPickerView, AppError> {
    let profile = person(store, me, seeker_id).await?;
    // The picker is drawn from the person's profile (their fields, language, home office).
    store
        .log_access(
            StaffId(me.id),
            SeekerId(seeker_id),
            None,
            AccessReason::Case,
            now,
        )
        .await?;
    let first = first_meeting(&store.seeker_bookings(seeker_id).await?);
    let picker = pages::picker(store, &profile, query, now).await?;
    Ok(StaffPickerView {
        id: seeker_id,
        name: format!("{} {}", profile.first_name, profile.last_name),
        picker,
        first,
    })
}

/// Books the chosen time as the person's first meeting, on their behalf.
#[tracing::instrument(skip_all, fields(staff_id = me.id, seeker_id = seeker_id, ?channel))]
pub async fn book(
    store: &Store,
    me: &StaffMember,
    seeker_id: i64,
    channel: Channel,
    office_id: Option<i64>,
    choice: SlotChoice,
    now: DateTime<Utc>,
) -> Result<i64, BookError> {
    let profile = person(store, me, seeker_id).await?;
    booking::book_as(
        store,
        &profile,
        Some(StaffId(me.id)),
        channel,
        office_id,
        choice,
        now,
    )
    .await
}

/// The counsellors of `office_id` who meet visitors and have open time starting within the
/// hour, each at their first such time; those who know the person's field first.
pub async fn free_now(
    store: &Store,
    office_id: i64,
    profile: &SeekerProfile,
    now: DateTime<Utc>,
) -> Result<Vec<FreeNow>, AppError> {
    let mut rules = first_meeting_rules(store).await?;
    // The person is at the desk: no notice, and nothing beyond today is needed.
    rules.notice = Duration::zero();
    rules.horizon = Duration::hours(2);
    let rows: Vec<_> = store
        .list_counsellors()
        .await?
        .into_iter()
        .filter(|c| c.office_id == office_id && c.channels.contains(&Channel::Office))
        .collect();
    let found = free_times(
        store,
        &rows,
        SlotSearch {
            channel: Channel::Office,
            visit_office: Some(office_id),
            rules,
            leave_out: None,
            now,
        },
    )
    .await?;
    let mut out: Vec<FreeNow> = rows
        .iter()
        .filter_map(|c| {
            let slot = found
                .free
                .get(&c.id)?
                .iter()
                .find(|s| s.start >= now && s.start <= now + WALK_IN_WITHIN)?;
            Some(FreeNow {
                value: SlotChoice {
                    counsellor_id: c.id,
                    start: slot.start,
                }
                .as_value(),
                start: slot.start,
                counsellor: format!("{} {}", c.first_name, c.last_name),
                knows_field: c.fields.iter().any(|f| profile.fields.contains(f)),
            })
        })
        .collect();
    out.sort_by_key(|f| (!f.knows_field, f.start));
    Ok(out)
}

/// Seats a walk-in with the counsellor and time chosen among those free now, as their first
/// meeting at `me`'s office, the arrival recorded at once. A time taken meanwhile is refused
/// as `Conflict(Rule::BookingOverlap)`.
#[tracing::instrument(skip_all, fields(staff_id = me.id, seeker_id = seeker_id))]
pub async fn seat(
    store: &Store,
    me: &StaffMember,
    seeker_id: i64,
    choice: SlotChoice,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let profile = person(store, me, seeker_id).await?;
    let office_id = me.office_id.ok_or(AppError::Forbidden)?;
    if first_meeting(&store.seeker_bookings(seeker_id).await?) != FirstMeeting::ToBook {
        return Err(AppError::Conflict(Rule::AlreadyBooked));
    }
    let free = free_now(store, office_id, &profile, now).await?;
    if !free.iter().any(|f| f.value == choice.as_value()) {
        return Err(AppError::Conflict(Rule::BookingOverlap));
    }
    let rules = first_meeting_rules(store).await?;
    let new = NewBooking {
        with: Party::Seeker(seeker_id),
        counsellor_id: choice.counsellor_id,
        meeting_type: FIRST_MEETING,
        channel: Channel::Office,
        office_id: Some(office_id),
        starts_at: choice.start,
        ends_at: choice.start + rules.length,
        clear_until: choice.start + rules.length + rules.buffer,
        is_first: true,
        video_room: None,
        now,
        // The person is already at the desk: no load the reception's limit is there to spread.
        visit_limit: None,
    };
    let by = ByStaff {
        by: StaffId(me.id),
        follows: None,
        arrived_at: Some(now),
    };
    match store.insert_booking_by(&new, by).await {
        Ok(id) => Ok(id),
        Err(StoreError::Conflict(rule)) if rule.is_taken() || rule == Rule::SeekerOverlap => {
            Err(AppError::Conflict(Rule::BookingOverlap))
        }
        Err(StoreError::Conflict(Rule::OneFirstMeeting)) => {
            Err(AppError::Conflict(Rule::AlreadyBooked))
        }
        Err(e) => Err(e.into()),
    }
}
