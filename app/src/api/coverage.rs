//! `/personal/admin/tackning`: which occupational fields each office covers, how and in
//! which languages, with the gaps marked.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{error::AppError, views::coverage::CoverageView};
use leptos::prelude::*;

#[server(name = LoadCoverage, prefix = "/api", endpoint = "personal/admin/tackning")]
pub async fn load_coverage() -> Result<CoverageView, AppError> {
    use crate::ssr::{http, services::coverage, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::COVERAGE).await?;
    coverage::view(&state.store, &me.member).await
}
