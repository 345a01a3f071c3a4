//! `/mina-sidor/personuppgifter`: what Tidbok holds about the signed-in seeker (the download
//! itself is a plain route, `PERSONAL_DATA_FILE`), and taking the account away. Plain forms
//! that work without JavaScript.

use crate::{domain::erasure::EraseForm, error::AppError, views::personal_data::PersonalDataView};
use leptos::prelude::*;

/// The page: counts per kind and what taking the account away would do now; with the erase
/// form as the last refused post left it.
#[server(name = LoadPersonalData, prefix = "/api", endpoint = "mina-sidor/personuppgifter")]
pub async fn load_personal_data() -> Result<PersonalDataView, AppError> {
    use crate::{
        paths,
        ssr::{form_post, http, services::personal_data, AppState},
        views::personal_data::EraseFormView,
    };
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, paths::PERSONAL_DATA).await?;
    let erase = form_post::take::<EraseFormView>()
        .await?
        .unwrap_or_default();
    personal_data::page(&state.store, seeker.id, erase, chrono::Utc::now()).await
}

/// Takes the signed-in seeker's account away, after their password: signed out and on to
/// the receipt; refused, back to the form (without the password) and why.
#[server(name = EraseAccount, prefix = "/api", endpoint = "mina-sidor/personuppgifter/ta-bort")]
pub async fn erase_account(#[server(default)] form: EraseForm) -> Result<(), AppError> {
    use crate::{
        paths,
        ssr::{
            form_post::{self, Back},
            http,
            services::personal_data,
            AppState,
        },
        views::personal_data::EraseFormView,
    };
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, paths::ERASE_ACCOUNT).await?;
    let result = personal_data::erase(&state.store, seeker.id, &form, chrono::Utc::now())
        .await
        .map(|_| ());
    if result.is_ok() {
        http::sign_out().await?;
    }
    form_post::come_back(result, |result| match result {
        Ok(()) => Some(Back::to(paths::ACCOUNT_ERASED)),
        Err(AppError::Validation(errors)) => {
            Some(Back::to(paths::ERASE_ACCOUNT).with(EraseFormView {
                form: form.without_password(),
                errors: errors.clone(),
            }))
        }
        Err(_) => None,
    })
    .await
}
