//! `/personal/admin/kontor`: offices for administrators, as plain forms that work without
//! JavaScript. Each function checks who asks itself.

use crate::{
    domain::admin::office::{ClosureForm, OfficeForm},
    error::AppError,
    views::office_admin::{OfficeEditView, OfficesView},
};
#[cfg(feature = "ssr")]
use crate::{
    domain::field_error::{FieldError, FieldErrors},
    paths,
    views::{
        admin::AdminNotice,
        office_admin::{ClosureRefusal, OfficeRefusal},
    },
};
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;

#[server(name = LoadOffices, prefix = "/api", endpoint = "personal/admin/kontor")]
pub async fn load_offices() -> Result<OfficesView, AppError> {
    use crate::ssr::{form_post, http, services::office_admin, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::ADMIN_OFFICES).await?;
    let mut view = office_admin::list(&state.store, &me.member, Utc::now()).await?;
    view.notice = form_post::take::<AdminNotice>().await?;
    Ok(view)
}

/// The page of office `id`, or of a new office without it.
#[server(name = LoadOfficeAdmin, prefix = "/api", endpoint = "personal/admin/kontor/visa")]
pub async fn load_office_admin(
    #[server(default)] id: Option<i64>,
) -> Result<OfficeEditView, AppError> {
    use crate::{
        ssr::{form_post, http, services::office_admin, AppState},
        views::office::{CapacityRefusal, CapacitySaved},
    };
    let state = AppState::from_context()?;
    let page = id
        .map(paths::admin_office)
        .unwrap_or_else(|| paths::ADMIN_NEW_OFFICE.to_owned());
    let me = http::staff(&state, &page).await?;
    let mut view = office_admin::page(&state.store, &me.member, id, Utc::now()).await?;
    view.notice = form_post::take::<AdminNotice>().await?;
    if let Some(refused) = form_post::take::<OfficeRefusal>()
        .await?
        .filter(|r| r.id == id)
    {
        // What was typed, on the record's current version: saving again is a fresh try.
        let version = std::mem::take(&mut view.form.version);
        view.form = OfficeForm {
            version,
            ..refused.form
        };
        view.errors = refused.errors;
    }
    if let Some(refused) = form_post::take::<ClosureRefusal>()
        .await?
        .filter(|r| Some(r.office) == id)
    {
        view.closure = refused.form;
        view.closure_errors = refused.errors;
        view.closure_in_the_way = refused.in_the_way;
    }
    if let Some(CapacityRefusal { form, errors }) = form_post::take::<CapacityRefusal>().await? {
        view.capacity = form;
        view.capacity_errors = errors;
    }
    view.capacity_saved = form_post::take::<CapacitySaved>().await?.is_some();
    Ok(view)
}

/// Creates an office (without `id`) or changes one. Refused fields come back next to what
/// was typed.
#[server(name = SaveOffice, prefix = "/api", endpoint = "personal/admin/kontor/spara")]
pub async fn save_office(
    #[server(default)] id: Option<i64>,
    #[server(default)] form: OfficeForm,
) -> Result<(), AppError> {
    use crate::ssr::{form_post, http, services::office_admin, AppState};
    let state = AppState::from_context()?;
    let page = id
        .map(paths::admin_office)
        .unwrap_or_else(|| paths::ADMIN_NEW_OFFICE.to_owned());
    let me = http::staff(&state, &page).await?;
    let now = Utc::now();
    let result = match id {
        Some(id) => office_admin::save(&state.store, &me.member, id, &form, now)
            .await
            .map(|()| (id, AdminNotice::Saved)),
        None => office_admin::create(&state.store, &me.member, &form, now)
            .await
            .map(|id| (id, AdminNotice::OfficeCreated)),
    };
    match result {
        Ok((saved, notice)) => {
            form_post::leave(notice).await?;
            http::redirect(&paths::admin_office(saved));
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            form_post::leave(OfficeRefusal {
                id,
                form,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&format!("{page}#formular"));
            Err(AppError::Validation(errors))
        }
        Err(e) => {
            super::admin::leave_rule(&e).await?;
            if matches!(e, AppError::Conflict(_)) {
                form_post::leave(OfficeRefusal {
                    id,
                    form,
                    errors: FieldErrors::new(),
                })
                .await?;
                http::redirect(&page);
            }
            Err(e)
        }
    }
}

/// Closes office `office` for a day. With meetings booked then the page lists them and asks
/// again; `bekraftad=ja` closes it anyway (the meetings stay, to be moved).
#[server(name = CloseOfficeDay, prefix = "/api", endpoint = "personal/admin/kontor/stang")]
pub async fn close_office_day(
    office: i64,
    #[server(default)] form: ClosureForm,
    #[server(default)] bekraftad: String,
) -> Result<(), AppError> {
    use crate::ssr::{
        form_post, http,
        services::office_admin::{self, Closing},
        AppState,
    };
    let state = AppState::from_context()?;
    let page = paths::admin_office(office);
    let me = http::staff(&state, &page).await?;
    let confirmed = bekraftad == "ja";
    let result = office_admin::close_day(
        &state.store,
        &me.member,
        office,
        &form,
        confirmed,
        Utc::now(),
    )
    .await;
    let (refusal, outcome) = match result {
        Ok(Closing::Closed) => {
            form_post::leave(AdminNotice::DayClosed).await?;
            (None, Ok(()))
        }
        Ok(Closing::Confirm(in_the_way)) => (
            Some(ClosureRefusal {
                office,
                form,
                errors: FieldErrors::new(),
                in_the_way,
            }),
            Ok(()),
        ),
        Err(AppError::Validation(errors)) => (
            Some(ClosureRefusal {
                office,
                form,
                errors: errors.clone(),
                in_the_way: Vec::new(),
            }),
            Err(AppError::Validation(errors)),
        ),
        Err(e) => return Err(e),
    };
    if let Some(refusal) = refusal {
        form_post::leave(refusal).await?;
    }
    http::redirect(&format!("{page}#stangda-dagar"));
    outcome
}

/// Opens office `office` again on `dag` (`YYYY-MM-DD`).
#[server(name = ReopenOfficeDay, prefix = "/api", endpoint = "personal/admin/kontor/oppna")]
pub async fn reopen_office_day(office: i64, dag: String) -> Result<(), AppError> {
    use crate::ssr::{form_post, http, services::office_admin, AppState};
    let state = AppState::from_context()?;
    let page = paths::admin_office(office);
    let me = http::staff(&state, &page).await?;
    let day = chrono::NaiveDate::parse_from_str(&dag, "%Y-%m-%d").map_err(|_| {
        AppError::Validation(FieldErrors::from([("dag".to_owned(), FieldError::Date)]))
    })?;
    office_admin::reopen_day(&state.store, &me.member, office, day, Utc::now()).await?;
    form_post::leave(AdminNotice::DayReopened).await?;
    http::redirect(&format!("{page}#stangda-dagar"));
    Ok(())
}
