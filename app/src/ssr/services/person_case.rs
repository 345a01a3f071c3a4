//! A person's case as staff open it on its own page (`/personal/personer/{id}`): for someone
//! who has no meeting yet (registered at the desk, or who phones), or to see the whole case
//! without going through a meeting's panel. Opening it is written to the access log.

use super::assisted_booking::{first_meeting, free_now, panel_href, person};
use crate::{
    domain::{access_log::AccessReason, staff::StaffMember, BookingStatus, SeekerId, StaffId},
    error::AppError,
    ssr::store::Store,
    views::person_case::{ComingMeeting, FirstMeeting, OwnSignIn, PersonCase},
};
use chrono::{DateTime, Utc};

#[tracing::instrument(skip_all, fields(staff_id = me.id, seeker_id = seeker_id))]
pub async fn open(
    store: &Store,
    me: &StaffMember,
    seeker_id: i64,
    now: DateTime<Utc>,
) -> Result<PersonCase, AppError> {
    let profile = person(store, me, seeker_id).await?;
    store
        .log_access(
            StaffId(me.id),
            SeekerId(seeker_id),
            None,
            AccessReason::Case,
            now,
        )
        .await?;
    let person = store
        .found_person(seeker_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let number = crate::domain::PersonalNumber::from_stored(&person.personal_number)
        .ok_or_else(|| AppError::internal("a stored personal number does not read"))?;
    let (seeker, timeline) = super::seeker_case::seeker_case(store, seeker_id, now).await?;
    let bookings = store.seeker_bookings(seeker_id).await?;
    let mut coming: Vec<ComingMeeting> = bookings
        .iter()
        .filter(|b| b.status == BookingStatus::Booked && b.ends_at > now)
        .map(|b| ComingMeeting {
            starts_at: b.starts_at,
            channel: b.channel,
            meeting_sv: b.meeting_name_sv.clone(),
            meeting_en: b.meeting_name_en.clone(),
            counsellor: format!("{} {}", b.counsellor_first_name, b.counsellor_last_name),
            href: panel_href(b),
        })
        .collect();
    coming.sort_by_key(|m| m.starts_at);
    let first = first_meeting(&bookings);
    let sign_in = match store.seeker_sign_in_state(seeker_id).await? {
        (true, _) => OwnSignIn::Made,
        (false, Some((until, false))) if until > now => OwnSignIn::Waiting { until },
        (false, _) => OwnSignIn::Lapsed,
    };
    let visit_office = match me.office_id {
        Some(office) if store.visit_office_ids().await?.contains(&office) => Some(office),
        _ => None,
    };
    let free_now = match (visit_office, &first) {
        (Some(office), FirstMeeting::ToBook) => free_now(store, office, &profile, now).await?,
        _ => Vec::new(),
    };
    Ok(PersonCase {
        id: seeker_id,
        seeker,
        number: number.masked(),
        office: person.office_name,
        registered_online: person.registered_online,
        registered_by: person.registered_by,
        registered_at: person.created_at,
        sign_in,
        timeline,
        coming,
        first,
        may_seat: visit_office.is_some(),
        free_now,
        done: None,
        note: Default::default(),
        note_errors: Default::default(),
        seat_refused: None,
    })
}
