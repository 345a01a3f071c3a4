//! `/personal/arbetstider`: a counsellor's weekly working hours, the open time they generate,
//! and absences and trainings that take it away (listing the booked meetings in the way).
//! Plain forms that work without JavaScript; what was typed comes back with the errors.

use crate::{
    domain::work_hours::{AbsenceForm, ShortenForm, WorkHoursForm},
    error::AppError,
    views::work_hours::WorkHoursView,
};
#[cfg(feature = "ssr")]
use crate::{
    paths,
    views::work_hours::{WorkHoursDone, WorkHoursRefusal},
};
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;

#[server(name = LoadWorkHours, prefix = "/api", endpoint = "personal/arbetstider")]
pub async fn load_work_hours(
    #[server(default)] counsellor: Option<i64>,
) -> Result<WorkHoursView, AppError> {
    use crate::ssr::{form_post, http, services::work_hours, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::WORK_HOURS).await?;
    let refused = form_post::take::<WorkHoursRefusal>().await?;
    let done = form_post::take::<WorkHoursDone>().await?;
    let mut view = work_hours::view(&state.store, &me.member, counsellor, Utc::now()).await?;
    view.refused = refused;
    view.done = done;
    Ok(view)
}

#[server(name = SaveWorkHours, prefix = "/api", endpoint = "personal/arbetstider/spara")]
pub async fn save_work_hours(
    counsellor: i64,
    #[server(default)] hours: WorkHoursForm,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::work_hours, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::WORK_HOURS).await?;
    let result = work_hours::save(&state.store, &me.member, counsellor, &hours).await;
    let typed = WorkHoursRefusal {
        hours: Some(hours),
        ..Default::default()
    };
    come_back(counsellor, result.map(|_| WorkHoursDone::Saved), typed).await
}

/// Makes open time from the working hours for `weeks` weeks from `from`, or up to and with
/// `last` when given (the days an absence no longer covers).
#[server(name = GenerateOpenTime, prefix = "/api", endpoint = "personal/arbetstider/lagg-ut")]
pub async fn generate_open_time(
    counsellor: i64,
    #[server(default)] from: String,
    #[server(default)] weeks: String,
    #[server(default)] last: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::work_hours, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::WORK_HOURS).await?;
    let result = work_hours::generate(
        &state.store,
        &me.member,
        counsellor,
        &from,
        &weeks,
        (!last.is_empty()).then_some(last.as_str()),
        Utc::now(),
    )
    .await;
    let typed = WorkHoursRefusal {
        generate: Some((from, weeks)),
        ..Default::default()
    };
    come_back(counsellor, result.map(WorkHoursDone::Generated), typed).await
}

#[server(name = AddAbsence, prefix = "/api", endpoint = "personal/arbetstider/franvaro")]
pub async fn add_absence(
    counsellor: i64,
    #[server(default)] absence: AbsenceForm,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::absences, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::WORK_HOURS).await?;
    let result = absences::add(&state.store, &me.member, counsellor, &absence, Utc::now()).await;
    let typed = WorkHoursRefusal {
        absence: Some(absence),
        ..Default::default()
    };
    come_back(
        counsellor,
        result.map(|(removed, collisions)| WorkHoursDone::Absence {
            removed,
            collisions,
        }),
        typed,
    )
    .await
}

/// Shortens an absence to `shorten`'s days, or removes it when `remove` is sent. The open time
/// it took is not put back; the answer says which days came free.
#[server(name = ChangeAbsence, prefix = "/api", endpoint = "personal/arbetstider/franvaro/andra")]
pub async fn change_absence(
    counsellor: i64,
    absence: i64,
    #[server(default)] shorten: ShortenForm,
    #[server(default)] remove: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::absences, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::WORK_HOURS).await?;
    let removing = !remove.is_empty();
    let result = absences::change(
        &state.store,
        &me.member,
        counsellor,
        absence,
        &shorten,
        removing,
        Utc::now(),
    )
    .await;
    let typed = WorkHoursRefusal {
        shorten: Some((absence, shorten)),
        ..Default::default()
    };
    let done = result.map(|freed| WorkHoursDone::Released {
        removed: removing,
        freed: freed.days,
        to_lay_out: freed.to_lay_out,
    });
    come_back(counsellor, done, typed).await
}

/// Plain form posts go back to the page with a notice or the refused form; other callers get
/// the answer (what was done).
#[cfg(feature = "ssr")]
async fn come_back(
    counsellor: i64,
    result: Result<WorkHoursDone, AppError>,
    typed: WorkHoursRefusal,
) -> Result<(), AppError> {
    use crate::ssr::form_post::{self, Back};
    let page = paths::work_hours(counsellor);
    form_post::come_back(result, |result| match result {
        Ok(done) => Some(Back::to(format!("{page}#klart")).with(done.clone())),
        Err(AppError::Validation(errors)) => {
            Some(Back::to(format!("{page}#fel")).with(WorkHoursRefusal {
                errors: errors.clone(),
                ..typed
            }))
        }
        Err(_) => None,
    })
    .await
    .map(|_| ())
}
