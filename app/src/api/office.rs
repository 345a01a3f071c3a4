//! `/personal/kontor`: the office's day (who is expected, who has arrived, for how long they
//! have waited), the load of the coming four weeks against the reception's capacity, the
//! capacity itself, and `/personal/kontor/uppfoljning`, the follow-up figures. Plain forms
//! that work without JavaScript.

use crate::{
    domain::{
        capacity::{CapacityForm, LoadCell},
        field_error::FieldErrors,
        figures::Figures,
        time::Day,
    },
    error::AppError,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const OFFICE_PAGE: &str = "/personal/kontor";
pub const FIGURES_PAGE: &str = "/personal/kontor/uppfoljning";

/// A visit on today's reception list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceptionVisit {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub seeker: String,
    pub counsellor: String,
    pub arrived_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
    /// Minutes waited so far (or in all, once fetched), for those who have arrived.
    pub waited_minutes: Option<i64>,
    /// The meeting in its counsellor's calendar.
    pub href: String,
}

/// One day of the load view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadDay {
    pub date: Day,
    pub cells: Vec<LoadCell>,
    pub booked: u32,
    /// Visits the day should hold before later days are offered first.
    pub target: Option<u32>,
    pub capacity: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeView {
    pub office_id: i64,
    pub office_name: String,
    /// Every office, for an administrator to choose among (empty for others).
    pub offices: Vec<(i64, String)>,
    /// May set the capacity and read the figures.
    pub may_manage: bool,
    pub now: DateTime<Utc>,
    pub today: Vec<ReceptionVisit>,
    pub hours: Vec<u32>,
    pub days: Vec<LoadDay>,
    pub capacity: CapacityForm,
    /// The capacity form as last posted with these errors, by field.
    pub capacity_errors: FieldErrors,
    pub saved: bool,
}

/// The follow-up figures of one office for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiguresView {
    pub office_id: i64,
    pub office_name: String,
    pub offices: Vec<(i64, String)>,
    /// As typed; `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    pub errors: FieldErrors,
    pub office: Figures,
    /// Each counsellor's name and figures.
    pub counsellors: Vec<(String, Figures)>,
    /// The same figures as a CSV file.
    pub csv_href: String,
}

#[cfg(feature = "ssr")]
const CAPACITY_REFUSED_KEY: &str = "capacity_refused";
#[cfg(feature = "ssr")]
const CAPACITY_SAVED_KEY: &str = "capacity_saved";

/// The office page's data for `office` (an administrator's choice; others see their own).
#[server(name = LoadOffice, prefix = "/api", endpoint = "personal/kontor")]
pub async fn load_office(#[server(default)] office: Option<i64>) -> Result<OfficeView, AppError> {
    use crate::ssr::{http, services::office, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, OFFICE_PAGE).await?;
    let session = http::session().await?;
    let refused: Option<(CapacityForm, FieldErrors)> = session
        .remove(CAPACITY_REFUSED_KEY)
        .await
        .map_err(AppError::internal)?;
    let saved: Option<bool> = session
        .remove(CAPACITY_SAVED_KEY)
        .await
        .map_err(AppError::internal)?;
    let mut view = office::view(&state.store, &me.member, office, Utc::now()).await?;
    if let Some((form, errors)) = refused {
        view.capacity = form;
        view.capacity_errors = errors;
    }
    view.saved = saved.unwrap_or(false);
    Ok(view)
}

/// Sets the office's capacity. Refused fields come back next to what was typed.
#[server(name = SaveCapacity, prefix = "/api", endpoint = "personal/kontor/kapacitet")]
pub async fn save_capacity(
    office: i64,
    #[server(default)] capacity: CapacityForm,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::office as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, OFFICE_PAGE).await?;
    let session = http::session().await?;
    let back = format!("{OFFICE_PAGE}?kontor={office}#kapacitet");
    match capacity.parse() {
        Ok(setting) => {
            service::save_capacity(&state.store, &me.member, office, &setting).await?;
            session
                .insert(CAPACITY_SAVED_KEY, true)
                .await
                .map_err(AppError::internal)?;
            http::redirect(&back);
            Ok(())
        }
        Err(errors) => {
            // Checked before saving, so a colleague of another office learns nothing.
            service::may_manage(&state.store, &me.member, office).await?;
            session
                .insert(CAPACITY_REFUSED_KEY, (capacity, errors.clone()))
                .await
                .map_err(AppError::internal)?;
            http::redirect(&back);
            // A caller that wants data gets 422 naming the refused fields; the sentences
            // are the page's.
            Err(AppError::Validation(
                errors
                    .into_keys()
                    .map(|k| (k, crate::domain::field_error::FieldError::Choice))
                    .collect(),
            ))
        }
    }
}

/// Reception marks a visitor as arrived.
#[server(name = MarkArrival, prefix = "/api", endpoint = "personal/kontor/ankomst")]
pub async fn mark_arrival(besok: i64) -> Result<(), AppError> {
    use crate::ssr::{http, services::office as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, OFFICE_PAGE).await?;
    let office = service::mark_arrival(&state.store, &me.member, besok, Utc::now()).await?;
    http::redirect(&format!("{OFFICE_PAGE}?kontor={office}#besok-{besok}"));
    Ok(())
}

/// The counsellor has fetched the visitor: their wait is over. `tillbaka` is the staff
/// page to return to.
#[server(name = MarkReceived, prefix = "/api", endpoint = "personal/kontor/hamtad")]
pub async fn mark_received(
    besok: i64,
    #[server(default)] tillbaka: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::office as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, OFFICE_PAGE).await?;
    let office = service::mark_received(&state.store, &me.member, besok, Utc::now()).await?;
    let back = http::local_path(&tillbaka)
        .filter(|p| p.starts_with("/personal/"))
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{OFFICE_PAGE}?kontor={office}#besok-{besok}"));
    http::redirect(&back);
    Ok(())
}

/// The follow-up figures for the period `fran`–`till` (the last four weeks when empty).
#[server(name = LoadFigures, prefix = "/api", endpoint = "personal/kontor/uppfoljning")]
pub async fn load_figures(
    #[server(default)] office: Option<i64>,
    #[server(default)] fran: String,
    #[server(default)] till: String,
) -> Result<FiguresView, AppError> {
    use crate::ssr::{http, services::office as service, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, FIGURES_PAGE).await?;
    service::figures_view(&state.store, &me.member, office, &fran, &till, Utc::now()).await
}
