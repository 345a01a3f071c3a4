//! `/personal/admin/atkomstlogg`: the access log for administrators (all of it) and office
//! managers (their office's). Reading it is itself written to the audit trail.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{
    domain::access_log::AccessLogQuery, error::AppError, views::access_log::AccessLogView,
};
use leptos::prelude::*;

/// The access log as `query` searches it (the last 30 days when no period is given).
#[server(name = LoadAccessLog, prefix = "/api", endpoint = "personal/admin/atkomstlogg")]
pub async fn load_access_log(
    #[server(default)] query: AccessLogQuery,
) -> Result<AccessLogView, AppError> {
    use crate::ssr::{http, services::access_log, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::ACCESS_LOG).await?;
    access_log::search(
        &state.store,
        &me.member,
        &query,
        access_log::PAGE_LINES,
        chrono::Utc::now(),
    )
    .await
}
