//! Changing what a registered job seeker told us about how to reach them and what they need.

use crate::{
    domain::{
        field_error::{FieldError, FieldErrors},
        registration::ContactDetails,
    },
    error::AppError,
    ssr::{services::registration::nearest_office, store::Store, store::StoreError},
};
use crate::{
    domain::{registration::ContactForm, PhoneNumber, Postcode, Rule},
    ssr::store::SeekerProfile,
    views::profile::{ProfileFormView, ProfileRefusal},
};
use chrono::{DateTime, Utc};

/// Saves the seeker's new contact details and needs; their office follows the postcode. An
/// email that belongs to another account is an error on that field.
#[tracing::instrument(skip_all, fields(seeker_id = seeker_id))]
pub async fn update_contact(
    store: &Store,
    seeker_id: i64,
    details: &ContactDetails,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let home_office_id = nearest_office(store, details.postcode).await?;
    match store
        .update_contact(seeker_id, details, home_office_id, now)
        .await
    {
        Ok(()) => {
            tracing::info!(seeker_id, "contact details changed");
            Ok(())
        }
        Err(StoreError::Conflict(Rule::SeekerEmailTaken)) => Err(AppError::Validation(
            FieldErrors::from([("email".to_owned(), FieldError::EmailInUse)]),
        )),
        Err(e) => Err(e.into()),
    }
}

/// The form as the seeker last sent it and had refused (once), else their details as saved.
pub fn form_view(seeker: SeekerProfile, refused: Option<ProfileRefusal>) -> ProfileFormView {
    let ProfileRefusal { form, errors } = refused.unwrap_or_else(|| ProfileRefusal {
        form: ContactForm {
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
        },
        errors: FieldErrors::new(),
    });
    ProfileFormView {
        first_name: seeker.first_name,
        last_name: seeker.last_name,
        form,
        errors,
    }
}
