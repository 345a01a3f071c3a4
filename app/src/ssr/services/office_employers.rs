//! The office's employers and their open needs by occupational field, with the office's job
//! seekers whose desired occupations match each need: a count and a list for the counsellor
//! to act on, never a decision made for anyone. Every person listed is written to the access
//! log.

use super::office::office_for;
use crate::{
    domain::{
        access_log::AccessReason, employer::org_number::OrganisationNumber, staff::StaffMember,
        SeekerId, StaffId,
    },
    error::AppError,
    ssr::store::Store,
    views::office_employers::{
        FieldNeeds, MatchingSeeker, OfficeEmployer, OfficeEmployersView, OfficeNeed,
    },
};
use chrono::{DateTime, Utc};

#[tracing::instrument(skip_all, fields(staff_id = me.id, ?office))]
pub async fn office_list(
    store: &Store,
    me: &StaffMember,
    office: Option<i64>,
    now: DateTime<Utc>,
) -> Result<OfficeEmployersView, AppError> {
    let (office_id, office_name, offices) = office_for(store, me, office).await?;
    let employers = store
        .office_employers(office_id)
        .await?
        .into_iter()
        .map(|e| OfficeEmployer {
            org_number: OrganisationNumber::from_stored(&e.org_number)
                .map(|o| o.formatted())
                .unwrap_or_default(),
            name: e.name,
            municipality: e.municipality,
            open_needs: e.open_needs,
        })
        .collect();
    let matches = store.office_need_matches(office_id).await?;
    let mut shown: Vec<SeekerId> = matches.iter().map(|m| SeekerId(m.seeker_id)).collect();
    shown.sort_by_key(|s| s.0);
    shown.dedup();
    store
        .log_list_access(StaffId(me.id), &shown, AccessReason::NeedMatch, now)
        .await?;
    let mut fields: Vec<(String, FieldNeeds)> = Vec::new();
    for n in store.office_open_needs(office_id).await? {
        let need = OfficeNeed {
            matching: matches
                .iter()
                .filter(|m| m.need_id == n.id)
                .map(|m| MatchingSeeker {
                    name: format!("{} {}", m.first_name, m.last_name),
                })
                .collect(),
            employer: n.employer_name,
            headline: n.headline,
            occupation_sv: n.occupation_sv,
            occupation_en: n.occupation_en,
            positions: n.positions,
            municipality: n.municipality,
            apply_by: n.apply_by,
        };
        match fields.last_mut() {
            Some((code, group)) if *code == n.field_code => group.needs.push(need),
            _ => fields.push((
                n.field_code,
                FieldNeeds {
                    field_sv: n.field_sv,
                    field_en: n.field_en,
                    needs: vec![need],
                },
            )),
        }
    }
    Ok(OfficeEmployersView {
        office_id,
        office_name,
        offices,
        employers,
        fields: fields.into_iter().map(|(_, f)| f).collect(),
    })
}
