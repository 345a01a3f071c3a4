//! `/personal/kontor`: the office's day (who is expected, who has arrived, for how long they
//! have waited), the load of the coming four weeks against the reception's capacity, the
//! capacity itself, and `/personal/kontor/uppfoljning`, the follow-up figures. Plain forms
//! that work without JavaScript.

use crate::{
    domain::capacity::CapacityForm,
    error::AppError,
    views::office::{FiguresView, OfficeView},
};
#[cfg(feature = "ssr")]
use crate::{
    domain::field_error::FieldErrors,
    paths,
    views::office::{CapacityRefusal, CapacitySaved},
};
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;

/// The office page's data for `office` (an administrator's choice; others see their own).
#[server(name = LoadOffice, prefix = "/api", endpoint = "personal/kontor")]
pub async fn load_office(#[server(default)] office: Option<i64>) -> Result<OfficeView, AppError> {
    use crate::ssr::{form_post, http, services::office, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::OFFICE).await?;
    let refused = form_post::take::<CapacityRefusal>().await?;
    let saved = form_post::take::<CapacitySaved>().await?;
    let mut view = office::view(&state.store, &me.member, office, Utc::now()).await?;
    if let Some(CapacityRefusal { form, errors }) = refused {
        view.capacity = form;
        view.capacity_errors = errors;
    }
    view.saved = saved.is_some();
    Ok(view)
}

/// A short fingerprint of today's visits at `office` (who has arrived, who is fetched):
/// the office page and calendars ask for it every few seconds and reload when it changes.
#[server(name = OfficePulse, prefix = "/api", endpoint = "personal/kontor/puls")]
pub async fn office_pulse(office: i64) -> Result<String, AppError> {
    use crate::ssr::{http, services::office, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::OFFICE).await?;
    office::pulse(&state.store, &me.member, office, Utc::now()).await
}

/// Sets the office's capacity. Refused fields come back next to what was typed.
#[server(name = SaveCapacity, prefix = "/api", endpoint = "personal/kontor/kapacitet")]
pub async fn save_capacity(
    office: i64,
    #[server(default)] capacity: CapacityForm,
    /// The page the form is on: the office page, or the office's administration page.
    #[server(default)]
    tillbaka: String,
) -> Result<(), AppError> {
    use crate::ssr::{form_post, http, services::office as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::OFFICE).await?;
    let page = form_post::return_to(&tillbaka, paths::ADMIN_OFFICES, || paths::office(office));
    let back = format!("{page}#kapacitet");
    match capacity.parse() {
        Ok(setting) => {
            service::save_capacity(&state.store, &me.member, office, &setting, Utc::now()).await?;
            form_post::leave(CapacitySaved).await?;
            http::redirect(&back);
            Ok(())
        }
        Err(errors) => {
            // Checked before saving, so a colleague of another office learns nothing.
            service::may_manage(&state.store, &me.member, office).await?;
            form_post::leave(CapacityRefusal {
                form: capacity,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&back);
            // A caller that wants data gets 422 naming the refused fields; the sentences
            // are the page's.
            Err(AppError::Validation(
                errors
                    .into_keys()
                    .map(|k| (k, crate::domain::field_error::FieldError::Choice))
                    .collect::<FieldErrors>(),
            ))
        }
    }
}

/// Reception marks a visitor as arrived.
#[server(name = MarkArrival, prefix = "/api", endpoint = "personal/kontor/ankomst")]
pub async fn mark_arrival(#[server(rename = "besok")] visit: i64) -> Result<(), AppError> {
    use crate::ssr::{http, services::office as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::OFFICE).await?;
    let office = service::mark_arrival(&state.store, &me.member, visit, Utc::now()).await?;
    http::redirect(&format!("{}#besok-{visit}", paths::office(office)));
    Ok(())
}

/// The counsellor has fetched the visitor: their wait is over. `tillbaka` is the staff
/// page to return to.
#[server(name = MarkReceived, prefix = "/api", endpoint = "personal/kontor/hamtad")]
pub async fn mark_received(
    #[server(rename = "besok")] visit: i64,
    #[server(default)]
    #[server(rename = "tillbaka")]
    back: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::office as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::OFFICE).await?;
    let office = service::mark_received(&state.store, &me.member, visit, Utc::now()).await?;
    let back = crate::ssr::form_post::return_to(&back, paths::STAFF, || {
        format!("{}#besok-{visit}", paths::office(office))
    });
    http::redirect(&back);
    Ok(())
}

/// Takes back "har kommit" (`vad=ankomst`) or "hämtad" (`vad=hamtad`) within a minute of
/// it; `tillbaka` is the staff page to return to.
#[server(name = UndoMark, prefix = "/api", endpoint = "personal/kontor/angra")]
pub async fn undo_mark(
    #[server(rename = "besok")] visit: i64,
    #[server(default)]
    #[server(rename = "vad")]
    what: String,
    #[server(default)]
    #[server(rename = "tillbaka")]
    back: String,
) -> Result<(), AppError> {
    use crate::{
        domain::{arrival::Undo, field_error::FieldError},
        ssr::{http, services::office as service, AppState},
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::OFFICE).await?;
    let what = Undo::parse(&what).ok_or_else(|| {
        AppError::Validation(FieldErrors::from([("vad".to_owned(), FieldError::Choice)]))
    })?;
    let result = service::undo_mark(&state.store, &me.member, visit, what, Utc::now()).await;
    // Done, or the minute has passed: either way a form post goes back to the page, which
    // shows the visit as it stands (callers that want data get the refusal).
    if matches!(result, Ok(_) | Err(AppError::Conflict(_))) {
        let here = result.as_ref().ok().copied();
        let back = crate::ssr::form_post::return_to(&back, paths::STAFF, || match here {
            Some(office) => format!("{}#besok-{visit}", paths::office(office)),
            None => paths::OFFICE.to_owned(),
        });
        http::redirect(&back);
    }
    result.map(drop)
}

/// The follow-up figures for the period `fran`–`till` (the last four weeks when empty).
#[server(name = LoadFigures, prefix = "/api", endpoint = "personal/kontor/uppfoljning")]
pub async fn load_figures(
    #[server(default)] office: Option<i64>,
    #[server(default)]
    #[server(rename = "fran")]
    from: String,
    #[server(default)]
    #[server(rename = "till")]
    to: String,
) -> Result<FiguresView, AppError> {
    use crate::ssr::{http, services::figures as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::FIGURES).await?;
    service::figures_view(&state.store, &me.member, office, &from, &to, Utc::now()).await
}
