//! Staff finding a person to help at the desk or on the phone. Every search is written to
//! the access log with its reason, whether it found anyone or not; the page shows only the
//! people the staff member may see, and says nothing of anyone else.

use super::staff::{allow, reach_of};
use crate::{
    domain::{
        access_log::AccessReason,
        case::ContactNoteForm,
        person_search::{PersonNeedle, PersonSearchForm},
        personnummer::PersonalNumber,
        staff::StaffMember,
        time::stockholm_date,
        BookingStatus, SeekerId, StaffId,
    },
    error::AppError,
    ssr::store::{FoundPerson, Store},
    views::person_search::{PersonHit, PersonSearchView},
};
use chrono::{DateTime, Utc};

/// The most people one search shows.
pub const MAX_HITS: usize = 20;

#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn search(
    store: &Store,
    me: &StaffMember,
    form: PersonSearchForm,
    now: DateTime<Utc>,
) -> Result<PersonSearchView, AppError> {
    let search = match form.parse(stockholm_date(now)) {
        Ok(s) => s,
        Err(errors) => {
            return Ok(PersonSearchView {
                form,
                errors,
                ..PersonSearchView::default()
            })
        }
    };
    let found: Vec<FoundPerson> = match &search.needle {
        PersonNeedle::Number(n) => store
            .find_by_number(n.as_digits())
            .await?
            .into_iter()
            .collect(),
        PersonNeedle::NameAndBirth { name, born } => store
            .find_by_birth(*born)
            .await?
            .into_iter()
            .filter(|p| {
                format!("{} {}", p.first_name, p.last_name)
                    .to_lowercase()
                    .contains(name.as_str())
            })
            .collect(),
    };
    let reason = AccessReason::Search(search.reason);
    let logged = search.needle.logged();
    if found.is_empty() {
        store
            .log_search(StaffId(me.id), None, reason, &logged, &search.note, now)
            .await?;
    }
    let mut hits = Vec::new();
    for person in found {
        // Each person found is in the log, also those the staff member may not see: that
        // someone looked for them is theirs to know.
        store
            .log_search(
                StaffId(me.id),
                Some(person.id),
                reason,
                &logged,
                &search.note,
                now,
            )
            .await?;
        if hits.len() >= MAX_HITS || !me.may_see_seeker(&reach_of(store, person.id).await?) {
            continue;
        }
        hits.push(hit(store, person, now).await?);
    }
    // Someone who began registering online is found by the number in their draft.
    let drafts = match &search.needle {
        PersonNeedle::Number(n) => {
            super::assisted_registration::drafts_with_number(store, n, now).await?
        }
        PersonNeedle::NameAndBirth { .. } => Vec::new(),
    };
    Ok(PersonSearchView {
        form,
        searched: true,
        hits,
        drafts,
        ..PersonSearchView::default()
    })
}

/// Writes a contact without a meeting (a call, a visit without a booking) into the case of
/// `seeker_id`, whom `me` may see; returns their name.
#[tracing::instrument(skip_all, fields(staff_id = me.id, seeker_id))]
pub async fn contact_note(
    store: &Store,
    me: &StaffMember,
    seeker_id: i64,
    form: &ContactNoteForm,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    allow(
        me.may_see_seeker(&reach_of(store, seeker_id).await?),
        me,
        "contact note",
    )?;
    let (kind, body) = form.parse().map_err(AppError::Validation)?;
    store
        .add_contact_note(SeekerId(seeker_id), kind, StaffId(me.id), &body, now)
        .await?;
    let name = store
        .seeker_name(seeker_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(format!("{} {}", name.first_name, name.last_name))
}

/// The person `seeker_id` as a search lists them, for `me` who may see them (to show a
/// refused note again beside them).
pub async fn one_hit(
    store: &Store,
    me: &StaffMember,
    seeker_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<PersonHit>, AppError> {
    if !me.may_see_seeker(&reach_of(store, seeker_id).await?) {
        return Ok(None);
    }
    match store.found_person(seeker_id).await? {
        Some(p) => Ok(Some(hit(store, p, now).await?)),
        None => Ok(None),
    }
}

async fn hit(store: &Store, p: FoundPerson, now: DateTime<Utc>) -> Result<PersonHit, AppError> {
    let number = PersonalNumber::from_stored(&p.personal_number)
        .ok_or_else(|| AppError::internal("a stored personal number does not read"))?;
    // The next meeting, else the latest held or missed one: where the case is opened.
    let bookings = store.seeker_bookings(p.id).await?;
    let live = |b: &&crate::ssr::store::BookingRow| b.status != BookingStatus::Cancelled;
    let meeting = bookings
        .iter()
        .filter(live)
        .filter(|b| b.starts_at >= now)
        .min_by_key(|b| b.starts_at)
        .or_else(|| bookings.iter().find(live));
    Ok(PersonHit {
        id: p.id,
        name: format!("{} {}", p.first_name, p.last_name),
        number: number.masked(),
        born: number.date_of_birth(),
        office: p.office_name,
        registered_online: p.registered_online,
        registered_at: p.created_at,
        meeting_href: meeting.map(super::assisted_booking::panel_href),
    })
}
