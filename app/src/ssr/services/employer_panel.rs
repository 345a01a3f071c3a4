//! A meeting with an employer as its panel in the staff calendar shows it: the organisation,
//! who booked and how to reach them, the need it is about and the organisation's other open
//! needs, and its history. Opening it is written to the access log, as a seeker's case is.

use super::case_file::{change_window, history, panel_meeting};
use crate::{
    domain::{
        access_log::AccessReason, employer::need::NeedStatus, staff::StaffMember, BookingId,
        BookingStatus, PhoneNumber, Postcode, StaffId,
    },
    error::AppError,
    ssr::store::{BookingRow, CaseOf, NeedRow, Store},
    views::employer_panel::{EmployerPanel, PanelNeed},
};
use chrono::{DateTime, Utc};

fn need_view(n: NeedRow) -> PanelNeed {
    PanelNeed {
        id: n.id,
        headline: n.headline,
        occupation_sv: n.occupation_sv,
        occupation_en: n.occupation_en,
        positions: n.positions,
        employment: n.employment,
        extent: n.extent,
        municipality: n.municipality,
        earliest_start: n.earliest_start,
        apply_by: n.apply_by,
        description: n.description,
    }
}

/// The panel of meeting `b` (found by [`super::case_file::open_panel`], which checked who
/// may see it).
pub(super) async fn open(
    store: &Store,
    viewer: &super::case_file::Viewer<'_>,
    me: &StaffMember,
    (b, office_id, may_handle): (BookingRow, i64, bool),
    now: DateTime<Utc>,
) -> Result<EmployerPanel, AppError> {
    let (Some(employer_id), Some(user_id)) = (b.employer_id, b.employer_user_id) else {
        return Err(AppError::NotFound);
    };
    store
        .log_employer_access(
            StaffId(me.id),
            employer_id,
            Some(BookingId(b.id)),
            AccessReason::Meeting,
            now,
        )
        .await?;
    let employer = store
        .employer(employer_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let contact = store
        .employer_user(user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut need = None;
    let mut other_needs = Vec::new();
    for n in store.needs(employer_id).await? {
        if Some(n.id) == b.need_id {
            need = Some(need_view(n));
        } else if n.status() == Some(NeedStatus::Open) {
            other_needs.push(need_view(n));
        }
    }
    let meetings = store.employer_meetings(employer_id).await?;
    let corrections = store
        .outcome_corrections(CaseOf::Employer(employer_id))
        .await?;
    let notes = store.employer_notes(employer_id).await?;
    let mut timeline = history(&meetings, corrections, notes);
    let (correctable_until, suggested_day) =
        change_window(store, &b, office_id, may_handle, now).await?;
    timeline.sort_by_key(|(at, _)| *at);
    Ok(EmployerPanel {
        meeting: crate::views::case_file::PanelMeeting {
            video_link: viewer.video_link(me, &b),
            ..panel_meeting(&b, now)
        },
        organisation: employer.name.clone(),
        org_number: employer.org_number_shown(),
        address: format!(
            "{}, {} {}",
            employer.street,
            Postcode::from_stored(employer.postcode)
                .map(|p| p.to_string())
                .unwrap_or_default(),
            employer.city
        ),
        municipality: employer.municipality.clone(),
        office: employer.office_name.clone(),
        contact_name: format!("{} {}", contact.first_name, contact.last_name),
        contact_email: contact.email,
        contact_phone: PhoneNumber::parse(&contact.phone)
            .map(|p| p.display_national())
            .unwrap_or(contact.phone),
        need,
        other_needs,
        timeline: timeline.into_iter().map(|(_, e)| e).collect(),
        may_handle,
        may_mark: may_handle && b.status == BookingStatus::Booked && b.starts_at <= now,
        correctable_until,
        suggested_day,
        refused: None,
        done: None,
        registered_at: employer.registered_at,
    })
}
