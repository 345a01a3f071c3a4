//! Changing what a registered job seeker told us about how to reach them and what they need.

use crate::{
    domain::{
        field_error::{FieldError, FieldErrors},
        registration::ContactDetails,
    },
    error::AppError,
    ssr::{services::registration::nearest_office, store::Store, store::StoreError},
};
use chrono::{DateTime, Utc};

/// Saves the seeker's new contact details and needs; their office follows the postcode. An
/// email that belongs to another account is an error on that field.
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
        Err(StoreError::Conflict(rule)) if rule.contains("email") => Err(AppError::Validation(
            FieldErrors::from([("email".to_owned(), FieldError::EmailInUse)]),
        )),
        Err(e) => Err(e.into()),
    }
}
