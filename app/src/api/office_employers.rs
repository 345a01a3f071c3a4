//! `/personal/kontor/arbetsgivare`: the office's employers and their open needs by
//! occupational field, with the office's job seekers who want each need's occupation. For
//! everyone working at the office; every person listed is written to the access log.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{error::AppError, views::office_employers::OfficeEmployersView};
use leptos::prelude::*;

/// The list for the office `kontor` (an administrator's choice; one's own otherwise).
#[server(name = LoadOfficeEmployers, prefix = "/api", endpoint = "personal/kontor/arbetsgivare")]
pub async fn load_office_employers(
    #[server(default)]
    #[server(rename = "kontor")]
    office: Option<i64>,
) -> Result<OfficeEmployersView, AppError> {
    use crate::ssr::{http, services::office_employers as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::OFFICE_EMPLOYERS).await?;
    service::office_list(&state.store, &me.member, office, chrono::Utc::now()).await
}
