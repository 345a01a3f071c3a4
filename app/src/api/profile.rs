//! Mina sidor's form for changing contact details and needs. The form posts with or without
//! JavaScript; what was typed comes back with the errors through the session, so nothing is
//! lost when a field is wrong.

use crate::{
    domain::{field_error::FieldErrors, registration::ContactForm},
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the form is drawn from: the saved details, or what was typed and why it was refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileFormView {
    pub first_name: String,
    pub last_name: String,
    pub form: ContactForm,
    pub errors: FieldErrors,
}

#[cfg(feature = "ssr")]
const PROFILE_KEY: &str = "profile_form";

/// Where the form lives, and where a signed-out visitor comes back to after signing in.
pub const PROFILE_PAGE: &str = "/mina-sidor/uppgifter";

/// The form's contents: a refused attempt (once), else the details as saved.
#[server(name = LoadProfileForm, prefix = "/api", endpoint = "mina-sidor/uppgifter/formular")]
pub async fn load_profile_form() -> Result<ProfileFormView, AppError> {
    use crate::{
        domain::{PhoneNumber, Postcode},
        ssr::{http, AppState},
    };
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, PROFILE_PAGE).await?;
    let refused: Option<(ContactForm, FieldErrors)> = http::session()
        .await?
        .remove(PROFILE_KEY)
        .await
        .map_err(AppError::internal)?;
    let (form, errors) = refused.unwrap_or_else(|| {
        let saved = ContactForm {
            email: seeker.email.clone(),
            phone: PhoneNumber::parse(&seeker.phone)
                .map(|p| p.display_national())
                .unwrap_or_else(|_| seeker.phone.clone()),
            postcode: Postcode::from_stored(seeker.postcode)
                .map_or_else(|| seeker.postcode.to_string(), |p| p.to_string()),
            preferred_language: seeker.preferred_language.clone(),
            interpreter: if seeker.interpreter_language.is_some() {
                "ja"
            } else {
                "nej"
            }
            .to_owned(),
            interpreter_language: seeker.interpreter_language.clone().unwrap_or_default(),
            accessibility_needs: seeker.accessibility_needs.clone(),
        };
        (saved, FieldErrors::new())
    });
    Ok(ProfileFormView {
        first_name: seeker.first_name,
        last_name: seeker.last_name,
        form,
        errors,
    })
}

/// Saves the changed details and goes back to Mina sidor, or back to the form with what was
/// typed and the errors next to their fields.
#[server(name = SaveProfile, prefix = "/api", endpoint = "mina-sidor/uppgifter")]
pub async fn save_profile(#[server(default)] form: ContactForm) -> Result<(), AppError> {
    use crate::ssr::{http, services::profile, AppState};
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, PROFILE_PAGE).await?;
    let saved = match form.parse() {
        Ok(details) => {
            profile::update_contact(&state.store, seeker.id, &details, chrono::Utc::now()).await
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match saved {
        Ok(()) => {
            http::redirect("/mina-sidor?sparad=1#uppgifter");
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            http::session()
                .await?
                .insert(PROFILE_KEY, (form, errors.clone()))
                .await
                .map_err(AppError::internal)?;
            http::redirect(&format!("{PROFILE_PAGE}#fel"));
            Err(AppError::Validation(errors))
        }
        Err(e) => Err(e),
    }
}
