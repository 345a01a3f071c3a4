//! `/mina-sidor/arende`: the signed-in seeker's own case ("Mitt ärende").

use crate::{error::AppError, views::my_case::MyCaseView};
use leptos::prelude::*;

/// The seeker's case: what happens next and what has happened. Only their own.
#[server(name = LoadMyCase, prefix = "/api", endpoint = "mina-sidor/arende")]
pub async fn load_my_case() -> Result<MyCaseView, AppError> {
    use crate::{
        paths,
        ssr::{http, services::my_case, AppState},
    };
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, paths::MY_CASE).await?;
    my_case::my_case(&state.store, &seeker, chrono::Utc::now()).await
}
