//! The counsellor's calendar (`/personal/kalender`): a week, a day, or an office's day with
//! one column per counsellor; meetings and open time, and the changes to open time made in it.

use crate::{
    domain::{open_time::OpenTimeForm, time::Day, Channel},
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const CALENDAR_PAGE: &str = "/personal/kalender";

/// What the calendar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CalendarMode {
    /// One counsellor, Monday to Friday (or Sunday).
    Week,
    /// One counsellor, one day.
    Day,
    /// Every counsellor of an office, one day, side by side.
    Office,
}

/// One column of the board: a counsellor's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardColumn {
    pub counsellor_id: i64,
    pub date: Day,
    /// The counsellor's name when the columns are counsellors (the office's day).
    pub counsellor_name: Option<String>,
    /// Whether the signed-in staff member may change this column's open time.
    pub editable: bool,
}

/// A meeting on the board. Times are minutes since midnight in Stockholm, computed by the
/// server so the browser needs no time-zone rules to draw them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardMeeting {
    pub id: i64,
    pub column: usize,
    pub starts: u32,
    pub ends: u32,
    pub seeker_name: String,
    pub meeting_sv: String,
    pub meeting_en: String,
    pub channel: Channel,
    pub status: String,
    /// The calendar with this meeting's side panel open.
    pub href: String,
    /// An office visitor who has arrived: since when (minute of the day) and how many
    /// minutes they have waited, or waited in all once fetched.
    pub arrival: Option<BoardArrival>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardArrival {
    pub at: u32,
    pub waited: i64,
    pub fetched: bool,
}

/// A span of open time on the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardOpen {
    pub id: i64,
    pub column: usize,
    pub starts: u32,
    pub ends: u32,
}

/// A change to open time that the server refused when it was posted without JavaScript:
/// what was typed, and why (an error key), so the form opens again with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedOpenTime {
    pub counsellor_id: i64,
    pub id: Option<i64>,
    pub form: OpenTimeForm,
    /// The field the error belongs to; empty when it is about the whole change.
    pub field: String,
    pub error: String,
}

/// Everything the interactive board draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub columns: Vec<BoardColumn>,
    pub meetings: Vec<BoardMeeting>,
    pub open: Vec<BoardOpen>,
    /// Where the now-line is (today, minute), read by the server once for the page.
    pub now: Option<(Day, u32)>,
    pub refused: Option<RefusedOpenTime>,
    /// This view's address, where a form posted without JavaScript comes back to.
    pub back: String,
}

/// A colleague whose calendar can be opened instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub counsellor_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarView {
    pub mode: CalendarMode,
    pub counsellor_id: i64,
    pub owner_name: String,
    /// Whether this is the signed-in counsellor's own calendar.
    pub own: bool,
    pub colleagues: Vec<Colleague>,
    /// The shown day (day views) or the week's Monday.
    pub day: Day,
    pub monday: Day,
    /// Today in Stockholm, read by the server once for the page (never while rendering).
    pub today: Day,
    pub weekend: bool,
    pub board: Board,
}

/// The view's address, the way the page reads it back.
pub fn calendar_href(
    mode: CalendarMode,
    day: chrono::NaiveDate,
    counsellor: i64,
    weekend: bool,
) -> String {
    use crate::domain::time::iso_date;
    let day = iso_date(day);
    match mode {
        CalendarMode::Week => {
            let weekend = if weekend { "&helg=1" } else { "" };
            format!("{CALENDAR_PAGE}?vecka={day}&radgivare={counsellor}{weekend}")
        }
        CalendarMode::Day => format!("{CALENDAR_PAGE}?dag={day}&radgivare={counsellor}"),
        CalendarMode::Office => {
            format!("{CALENDAR_PAGE}?dag={day}&radgivare={counsellor}&kontor=1")
        }
    }
}

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
    use crate::ssr::{http, services::calendar, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, CALENDAR_PAGE).await?;
    let refused: Option<RefusedOpenTime> = http::session()
        .await?
        .remove(REFUSED_KEY)
        .await
        .map_err(AppError::internal)?;
    let query = calendar::Query {
        week,
        day,
        counsellor,
        office,
        weekend,
    };
    calendar::view(&state.store, &me.member, query, refused, chrono::Utc::now()).await
}

/// The key the board tells a refusal by (in words, in its own locale strings): a rule of the
/// database, or what is wrong with the form.
pub fn refusal_key(error: &AppError) -> String {
    use crate::domain::field_error::FieldError;
    match error {
        AppError::Validation(fields) => match fields.values().next() {
            Some(FieldError::OpenTime(e)) => format!("{e:?}"),
            _ => "Malformed".into(),
        },
        AppError::Conflict(rule) => rule.clone(),
        AppError::Forbidden => "forbidden".into(),
        AppError::NotFound => "not_found".into(),
        AppError::Unauthorized => "signed_out".into(),
        AppError::Request => "network".into(),
        AppError::Internal => "internal".into(),
    }
}

#[cfg(feature = "ssr")]
const REFUSED_KEY: &str = "refused_open_time";

/// What the board gets back after a change: the span as saved.
pub type SavedOpenTime = BoardOpen;

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
    let me = http::staff(&state, CALENDAR_PAGE).await?;
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
    come_back(&back, result, || RefusedOpenTime {
        counsellor_id: counsellor,
        id,
        form: form.clone(),
        field: String::new(),
        error: String::new(),
    })
    .await
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
    let me = http::staff(&state, CALENDAR_PAGE).await?;
    let result = open_time::remove(&state.store, &me.member, id, chrono::Utc::now()).await;
    come_back(&back, result, || RefusedOpenTime {
        counsellor_id: counsellor,
        id: Some(id),
        form: form.clone(),
        field: String::new(),
        error: String::new(),
    })
    .await
}

/// A plain form post goes back to the calendar it came from (a refusal kept in the session
/// for the form to show); the board's own calls just get the answer.
#[cfg(feature = "ssr")]
async fn come_back<T>(
    back: &str,
    result: Result<T, AppError>,
    refused: impl FnOnce() -> RefusedOpenTime,
) -> Result<T, AppError> {
    use crate::ssr::http;
    if !http::is_form_post() {
        return result;
    }
    let back = if back.starts_with(CALENDAR_PAGE) && !back.contains("//") {
        back
    } else {
        CALENDAR_PAGE
    };
    match &result {
        Ok(_) => http::redirect(&format!("{back}#kalender")),
        Err(e) => {
            let error = refusal_key(e);
            let field = match e {
                AppError::Validation(fields) => fields.keys().next().cloned().unwrap_or_default(),
                _ => String::new(),
            };
            http::session()
                .await?
                .insert(
                    REFUSED_KEY,
                    RefusedOpenTime {
                        field,
                        error,
                        ..refused()
                    },
                )
                .await
                .map_err(AppError::internal)?;
            http::redirect(&format!("{back}#oppen-tid"));
        }
    }
    result
}
