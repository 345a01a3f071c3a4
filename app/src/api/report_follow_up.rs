//! `/personal/kontor/aktivitetsrapporter`: the office's job seekers and how far their report
//! for a month has come, for everyone working at the office. Every person listed is written
//! to the access log.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{error::AppError, views::report_follow_up::OfficeReportsView};
use leptos::prelude::*;

/// The list for the office `kontor` (an administrator's choice), the month `manad`
/// (`YYYY-MM`, the month due now when empty) and the counsellor `radgivare` (empty for all,
/// `ingen` for those without one).
#[server(name = LoadOfficeReports, prefix = "/api", endpoint = "personal/kontor/aktivitetsrapporter")]
pub async fn load_office_reports(
    #[server(default)]
    #[server(rename = "kontor")]
    office: Option<i64>,
    #[server(default)]
    #[server(rename = "radgivare")]
    counsellor: String,
    #[server(default)]
    #[server(rename = "manad")]
    month: String,
) -> Result<OfficeReportsView, AppError> {
    use crate::ssr::{http, services::report_follow_up as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::OFFICE_REPORTS).await?;
    service::office_list(
        &state.store,
        &me.member,
        office,
        &counsellor,
        &month,
        chrono::Utc::now(),
    )
    .await
}
