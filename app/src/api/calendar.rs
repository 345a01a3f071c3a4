//! The counsellor's calendar (`/personal/kalender`): a week, a day, or an office's day with
//! one column per counsellor; meetings and open time, and the changes to open time made in it.

use crate::{
    domain::open_time::OpenTimeForm,
    error::AppError,
    views::calendar::{CalendarView, SavedOpenTime},
};
#[cfg(feature = "ssr")]
use crate::{
    paths,
    views::calendar::{BoardOpen, RefusedOpenTime},
};
use leptos::prelude::*;

/// A calendar view: the signed-in counsellor's own unless `counsellor` names a colleague
/// they may see (managers and administrators start with the office's first counsellor);
/// the week of `week`, or the day `day` (alone, or with the whole office side by side when
/// `office`), any unreadable date being today.
#[server(name = LoadCalendarWeek, prefix = "/api", endpoint = "personal/kalender/vecka")]
pub async fn load_calendar_week(
    #[server(default)] week: String,
    #[server(default)] counsellor: Option<i64>,
    #[server(default)] day: String,
    #[server(default)] office: bool,
    #[server(default)] weekend: bool,
) -> Result<CalendarView, AppError> {
    use crate::ssr::{form_post, http, services::calendar, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::CALENDAR).await?;
    let refused = form_post::take::<RefusedOpenTime>().await?;
    let query = calendar::Query {
        week,
        day,
        counsellor,
        office,
        weekend,
    };
    calendar::view(&state.store, &me.member, query, refused, chrono::Utc::now()).await
}

/// Adds open time to `counsellor`'s calendar (`id` empty), or moves or resizes the span `id`.
/// From the board in the browser it answers with the span; posted as a plain form it goes
/// back to `back`, with what was typed and why it was refused when it was.
#[server(name = SaveOpenTime, prefix = "/api", endpoint = "personal/oppen-tid")]
pub async fn save_open_time(
    counsellor: i64,
    #[server(default)] id: Option<i64>,
    #[server(default)] form: OpenTimeForm,
    #[server(default)] column: usize,
    #[server(default)] back: String,
) -> Result<SavedOpenTime, AppError> {
    use crate::ssr::{http, services::open_time, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::CALENDAR).await?;
    let result = open_time::save(
        &state.store,
        &me.member,
        counsellor,
        id,
        &form,
        chrono::Utc::now(),
    )
    .await;
    let result = result.map(|t| BoardOpen {
        id: t.0,
        column,
        starts: t.1.starts,
        ends: t.1.ends,
    });
    come_back(&back, result, counsellor, id, form).await
}

/// Removes the span `id` of open time, unless a booked meeting lies in it.
#[server(name = RemoveOpenTime, prefix = "/api", endpoint = "personal/oppen-tid/ta-bort")]
pub async fn remove_open_time(
    id: i64,
    #[server(default)] counsellor: i64,
    #[server(default)] form: OpenTimeForm,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::open_time, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::CALENDAR).await?;
    let result = open_time::remove(&state.store, &me.member, id, chrono::Utc::now()).await;
    come_back(&back, result, counsellor, Some(id), form).await
}

/// A plain form post goes back to the calendar it came from (a refusal kept in the session
/// for the form to show, with what was typed); the board's own calls just get the answer.
#[cfg(feature = "ssr")]
async fn come_back<T>(
    back: &str,
    result: Result<T, AppError>,
    counsellor: i64,
    id: Option<i64>,
    form: OpenTimeForm,
) -> Result<T, AppError> {
    use crate::ssr::form_post::{self, Back};
    let back = form_post::return_to(back, paths::CALENDAR, || paths::CALENDAR.to_owned());
    form_post::come_back(result, |result| {
        Some(match result {
            Ok(_) => Back::to(format!("{back}#kalender")),
            Err(error) => {
                let field = match error {
                    AppError::Validation(fields) => {
                        fields.keys().next().cloned().unwrap_or_default()
                    }
                    _ => String::new(),
                };
                Back::to(format!("{back}#oppen-tid")).with(RefusedOpenTime {
                    counsellor_id: counsellor,
                    id,
                    form,
                    field,
                    error: error.clone(),
                })
            }
        })
    })
    .await
}
