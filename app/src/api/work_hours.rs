//! `/personal/arbetstider`: a counsellor's weekly working hours, the open time they generate,
//! and absences and trainings that take it away (listing the booked meetings in the way).
//! Plain forms that work without JavaScript; what was typed comes back with the errors.

use crate::{
    domain::{
        field_error::FieldErrors,
        time::Day,
        work_hours::{AbsenceForm, WorkHoursForm},
    },
    error::AppError,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const WORK_HOURS_PAGE: &str = "/personal/arbetstider";

/// A booked meeting an absence collides with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collision {
    pub starts_at: DateTime<Utc>,
    pub seeker: String,
    /// The meeting's panel in the calendar, where it can be moved.
    pub href: String,
}

/// What was just done, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkHoursDone {
    Saved,
    /// How many spans of open time were made.
    Generated(usize),
    /// Open time removed, and the booked meetings still in the way.
    Absence {
        removed: u64,
        collisions: Vec<Collision>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsenceView {
    pub kind: String,
    pub from: Day,
    pub to: Day,
    pub note: String,
}

/// A form the server refused: which one, what was typed, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkHoursRefusal {
    pub hours: Option<WorkHoursForm>,
    pub absence: Option<AbsenceForm>,
    pub generate: Option<(String, String)>,
    pub errors: FieldErrors,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkHoursView {
    pub counsellor_id: i64,
    pub counsellor_name: String,
    pub own: bool,
    pub hours: WorkHoursForm,
    pub absences: Vec<AbsenceView>,
    /// The first day open time can be generated from: tomorrow.
    pub tomorrow: Day,
    pub refused: Option<WorkHoursRefusal>,
    pub done: Option<WorkHoursDone>,
}

#[cfg(feature = "ssr")]
const REFUSED_KEY: &str = "work_hours_refused";
#[cfg(feature = "ssr")]
const DONE_KEY: &str = "work_hours_done";

#[server(name = LoadWorkHours, prefix = "/api", endpoint = "personal/arbetstider")]
pub async fn load_work_hours(
    #[server(default)] counsellor: Option<i64>,
) -> Result<WorkHoursView, AppError> {
    use crate::ssr::{http, services::work_hours, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, WORK_HOURS_PAGE).await?;
    let session = http::session().await?;
    let refused = session
        .remove(REFUSED_KEY)
        .await
        .map_err(AppError::internal)?;
    let done = session.remove(DONE_KEY).await.map_err(AppError::internal)?;
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
    let me = http::staff(&state, WORK_HOURS_PAGE).await?;
    let result = work_hours::save(&state.store, &me.member, counsellor, &hours).await;
    let typed = WorkHoursRefusal {
        hours: Some(hours),
        ..Default::default()
    };
    come_back(counsellor, result.map(|_| WorkHoursDone::Saved), typed).await
}

/// Makes open time from the working hours for `weeks` weeks from `from`.
#[server(name = GenerateOpenTime, prefix = "/api", endpoint = "personal/arbetstider/lagg-ut")]
pub async fn generate_open_time(
    counsellor: i64,
    #[server(default)] from: String,
    #[server(default)] weeks: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::work_hours, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, WORK_HOURS_PAGE).await?;
    let result = work_hours::generate(
        &state.store,
        &me.member,
        counsellor,
        &from,
        &weeks,
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
    use crate::ssr::{http, services::work_hours, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, WORK_HOURS_PAGE).await?;
    let result =
        work_hours::absence(&state.store, &me.member, counsellor, &absence, Utc::now()).await;
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

/// Plain form posts go back to the page with a notice or the refused form; other callers get
/// the answer (what was done).
#[cfg(feature = "ssr")]
async fn come_back(
    counsellor: i64,
    result: Result<WorkHoursDone, AppError>,
    typed: WorkHoursRefusal,
) -> Result<(), AppError> {
    use crate::ssr::http;
    if !http::is_form_post() {
        return result.map(|_| ());
    }
    let page = format!("{WORK_HOURS_PAGE}?radgivare={counsellor}");
    let session = http::session().await?;
    match result {
        Ok(done) => {
            session
                .insert(DONE_KEY, done)
                .await
                .map_err(AppError::internal)?;
            http::redirect(&format!("{page}#klart"));
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            let refused = WorkHoursRefusal {
                errors: errors.clone(),
                ..typed
            };
            session
                .insert(REFUSED_KEY, refused)
                .await
                .map_err(AppError::internal)?;
            http::redirect(&format!("{page}#fel"));
            Err(AppError::Validation(errors))
        }
        Err(e) => Err(e),
    }
}
