//! The coverage view: for each office (an office manager's own, or every office for an
//! administrator) and each occupational field, who can take it, how and in which languages.

use super::staff::allow;
use crate::{
    domain::{
        coverage::{cover, Competence},
        staff::{LogScope, StaffMember},
    },
    error::AppError,
    ssr::store::Store,
    views::coverage::{CoverRow, CoverageView, OfficeCover},
};

#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn view(store: &Store, me: &StaffMember) -> Result<CoverageView, AppError> {
    // The same reach as the access log: all offices, or the manager's own.
    let scope = me.access_log_scope();
    allow(scope.is_some(), me, "coverage")?;
    let fields = store.list_fields().await?;
    let codes: Vec<String> = fields.iter().map(|f| f.code.as_str().to_owned()).collect();
    let staff: Vec<Competence> = store
        .list_counsellors()
        .await?
        .into_iter()
        .map(|c| Competence {
            office_id: c.office_id,
            fields: c.fields,
            languages: c.languages,
            channels: c.channels,
        })
        .collect();
    let offices = store
        .list_offices()
        .await?
        .into_iter()
        .filter(|o| match scope {
            Some(LogScope::Office(id)) => o.id == id,
            _ => true,
        })
        .map(|o| {
            let rows: Vec<CoverRow> = cover(o.id, &codes, &staff)
                .into_iter()
                .zip(&fields)
                .map(|(fc, f)| CoverRow {
                    field_sv: f.name_sv.clone(),
                    field_en: f.name_en.clone(),
                    counsellors: fc.counsellors,
                    by_channel: fc.by_channel,
                    channel_gaps: fc.channel_gaps(),
                    languages: fc.languages,
                })
                .collect();
            OfficeCover {
                office: o.name,
                uncovered: rows.iter().filter(|r| r.counsellors == 0).count(),
                rows,
            }
        })
        .collect();
    Ok(CoverageView { offices })
}
