use crate::{domain::OfficeSummary, error::AppError};
use leptos::prelude::*;

/// The offices with addresses and opening hours. Public information: anyone may ask.
#[server(name = ListOffices, prefix = "/api", endpoint = "offices/list")]
pub async fn list_offices() -> Result<Vec<OfficeSummary>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    Ok(state.store.list_offices().await?)
}
