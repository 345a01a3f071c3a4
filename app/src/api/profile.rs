//! Mina sidor's form for changing contact details and needs. The form posts with or without
//! JavaScript; what was typed comes back with the errors through the session, so nothing is
//! lost when a field is wrong.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{domain::registration::ContactForm, error::AppError, views::profile::ProfileFormView};
use leptos::prelude::*;

/// The form's contents: a refused attempt (once), else the details as saved.
#[server(name = LoadProfileForm, prefix = "/api", endpoint = "mina-sidor/uppgifter/formular")]
pub async fn load_profile_form() -> Result<ProfileFormView, AppError> {
    use crate::{
        ssr::{form_post, http, services::profile, AppState},
        views::profile::ProfileRefusal,
    };
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, paths::PROFILE).await?;
    let refused = form_post::take::<ProfileRefusal>().await?;
    Ok(profile::form_view(seeker, refused))
}

/// Saves the changed details and goes back to Mina sidor, or back to the form with what was
/// typed and the errors next to their fields.
#[server(name = SaveProfile, prefix = "/api", endpoint = "mina-sidor/uppgifter")]
pub async fn save_profile(#[server(default)] form: ContactForm) -> Result<(), AppError> {
    use crate::{
        ssr::{form_post, http, services::profile, AppState},
        views::profile::ProfileRefusal,
    };
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, paths::PROFILE).await?;
    let saved = match form.parse() {
        Ok(details) => {
            profile::update_contact(&state.store, seeker.id, &details, chrono::Utc::now()).await
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match saved {
        Ok(()) => {
            http::redirect(&format!("{}?sparad=1#uppgifter", paths::MY_PAGES));
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            form_post::leave(ProfileRefusal {
                form,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&format!("{}#fel", paths::PROFILE));
            Err(AppError::Validation(errors))
        }
        Err(e) => Err(e),
    }
}
