//! Plain HTTP routes beside the Leptos app.

use app::{app::language_cookie, ssr::AppState};
use axum::{
    extract::{Path, Query, State},
    http::{header, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Json,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub database: DatabaseHealth,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct DatabaseHealth {
    pub backend: String,
    pub reachable: bool,
}

/// `GET /health`: whether the service and its database answer. 503 when the database does
/// not, so a load balancer stops sending traffic.
pub async fn health(State(state): State<AppState>) -> impl IntoResponse {
    let reachable = state.store.ping().await;
    let body = Health {
        status: if reachable { "ok" } else { "unavailable" }.to_owned(),
        database: DatabaseHealth {
            backend: state.store.backend().name().to_owned(),
            reachable,
        },
    };
    let status = if reachable {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body))
}

/// `GET /mina-sidor/mote/{id}/kalender.ics`: the signed-in seeker's meeting as a calendar
/// file, in the language of the page. Someone else's meeting is not found.
pub async fn meeting_calendar(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
) -> Response {
    let seeker = match session.get::<i64>(app::ssr::http::SEEKER_KEY).await {
        Ok(Some(id)) => id,
        Ok(None) => {
            let back = app::paths::sign_in(&app::paths::meeting(id.trim()));
            return Redirect::to(&back).into_response();
        }
        Err(err) => return session_failed(err),
    };
    let booking = match id.trim().parse::<i64>() {
        Ok(id) => state.store.booking(id).await,
        Err(_) => Ok(None),
    };
    let booking = booking.map(|b| b.filter(|b| b.seeker_id == Some(seeker)));
    // The seeker's video link names them by first name, as their other links do.
    let name = match &booking {
        Ok(Some(b)) if b.channel == app::domain::Channel::Video => {
            match state.store.seeker_recipient(seeker).await {
                Ok(r) => r.map(|r| r.first_name).unwrap_or_default(),
                Err(err) => {
                    tracing::error!(%err, "seeker could not be read");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
            }
        }
        _ => String::new(),
    };
    calendar_file(booking, &headers, |b| {
        state.video.meeting_link(b, &name, false)
    })
}

/// `GET /arbetsgivare/mote/{id}/kalender.ics`: one of the signed-in employer's meetings as
/// a calendar file. Another organisation's meeting is not found.
pub async fn employer_meeting_calendar(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
) -> Response {
    let user = match session.get::<i64>(app::ssr::http::EMPLOYER_KEY).await {
        Ok(Some(id)) => state.store.employer_user(id).await,
        Ok(None) => Ok(None),
        Err(err) => return session_failed(err),
    };
    let employer = match user {
        Ok(Some(user)) => user.employer_id,
        Ok(None) => {
            let back = app::paths::employer_sign_in(&app::paths::employer_meeting(id.trim()));
            return Redirect::to(&back).into_response();
        }
        Err(err) => {
            tracing::error!(%err, "employer's user could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let booking = match id.trim().parse::<i64>() {
        Ok(id) => state.store.employer_meeting(employer, id).await,
        Err(_) => Ok(None),
    };
    calendar_file(booking, &headers, |b| {
        let name = b.employer_user_name.as_deref().unwrap_or_default();
        state.video.meeting_link(b, name, false)
    })
}

/// `GET /mina-sidor/personuppgifter.json`: everything Tidbok holds about the signed-in
/// seeker, as one JSON file made now (GDPR article 15). Nobody else's, ever.
pub async fn personal_data_file(
    State(state): State<AppState>,
    session: tower_sessions::Session,
) -> Response {
    let signed_in = match session.get::<i64>(app::ssr::http::SEEKER_KEY).await {
        Ok(id) => id,
        Err(err) => return session_failed(err),
    };
    // A session whose account was taken away since holds nobody.
    let seeker = match signed_in {
        Some(id) => match state.store.seeker_name(id).await {
            Ok(found) => found,
            Err(err) => {
                tracing::error!(%err, "seeker could not be read");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        },
        None => None,
    };
    let Some(seeker) = seeker else {
        let back = app::paths::sign_in(app::paths::PERSONAL_DATA);
        return Redirect::to(&back).into_response();
    };
    let now = chrono::Utc::now();
    match app::ssr::services::personal_data::download(&state.store, seeker.id, now).await {
        Ok(file) => {
            let name = format!(
                "attachment; filename=\"tidbok-personuppgifter-{}.json\"",
                now.format("%Y-%m-%d")
            );
            (
                [
                    (
                        header::CONTENT_TYPE,
                        "application/json; charset=utf-8".to_owned(),
                    ),
                    (header::CONTENT_DISPOSITION, name),
                ],
                Json(file),
            )
                .into_response()
        }
        Err(err) => {
            tracing::error!(?err, "personal data could not be gathered");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn session_failed(err: tower_sessions::session::Error) -> Response {
    tracing::error!(%err, "session could not be read");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// The meeting (if it was found, and is the asker's) as a calendar file to download.
fn calendar_file(
    booking: Result<Option<app::ssr::store::BookingRow>, app::ssr::store::StoreError>,
    headers: &axum::http::HeaderMap,
    video_link: impl FnOnce(&app::ssr::store::BookingRow) -> Option<String>,
) -> Response {
    let booking = match booking {
        Ok(Some(b)) => b,
        Ok(None) => {
            return (StatusCode::NOT_FOUND, "Mötet finns inte / No such meeting").into_response()
        }
        Err(err) => {
            tracing::error!(%err, "booking could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let link = video_link(&booking);
    let body = app::ssr::services::calendar_file::meeting_ics(
        &booking,
        swedish(headers),
        app::ssr::services::calendar_file::Delivery::Download,
        link.as_deref(),
    );
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"tidbok-mote.ics\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// Whether the request's language cookie leaves Swedish (the default) in place.
fn swedish(headers: &axum::http::HeaderMap) -> bool {
    !headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.contains(&format!("{}=en", app::app::LANGUAGE_COOKIE)))
}

/// The staff member of this session, if one is signed in.
async fn signed_in_staff(
    state: &AppState,
    session: &tower_sessions::Session,
) -> Option<app::ssr::store::StaffRow> {
    match app::ssr::http::signed_in_staff(&state.store, session).await {
        Ok(row) => row,
        Err(err) => {
            tracing::warn!(%err, "signed-in staff could not be read");
            None
        }
    }
}

/// A CSV file to download as `name`; personal data, so never stored by a cache.
fn csv_download(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

#[derive(Debug, Deserialize)]
pub struct FiguresQuery {
    kontor: Option<i64>,
    #[serde(default)]
    fran: String,
    #[serde(default)]
    till: String,
    /// `komma` for commas and decimal points; otherwise the form Swedish Excel opens.
    format: Option<String>,
}

/// `GET /personal/kontor/uppfoljning.csv`: the office's follow-up figures as a CSV file, for
/// its manager (or an administrator).
pub async fn figures_csv(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    headers: axum::http::HeaderMap,
    Query(query): Query<FiguresQuery>,
) -> Response {
    let Some(staff) = signed_in_staff(&state, &session).await else {
        let back = app::paths::staff_sign_in(app::paths::FIGURES);
        return Redirect::to(&back).into_response();
    };
    let view = app::ssr::services::figures::figures_view(
        &state.store,
        &staff.member,
        query.kontor,
        &query.fran,
        &query.till,
        chrono::Utc::now(),
    )
    .await;
    let view = match view {
        Ok(v) if v.errors.is_empty() => v,
        Ok(_) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                "Perioden är ogiltig (ÅÅÅÅ-MM-DD) / The period is invalid (YYYY-MM-DD)",
            )
                .into_response()
        }
        Err(app::error::AppError::Forbidden) => {
            return (StatusCode::FORBIDDEN, "Ingen åtkomst / Forbidden").into_response()
        }
        Err(app::error::AppError::NotFound) => {
            return (
                StatusCode::NOT_FOUND,
                "Kontoret finns inte / No such office",
            )
                .into_response()
        }
        Err(err) => {
            tracing::error!(?err, "figures could not be computed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let swedish = swedish(&headers);
    let style = app::domain::figures::CsvStyle::from_query(query.format.as_deref());
    match app::ssr::services::figures::figures_csv(&view, swedish, style) {
        Ok(body) => csv_download(
            &format!("tidbok-uppfoljning-{}-{}.csv", view.from, view.to),
            body,
        ),
        Err(err) => {
            tracing::error!(?err, "figures could not be written as CSV");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /personal/admin/atkomstlogg.csv`: the access log as the page searches it, for
/// administrators (all) and office managers (their office's); the search is audited.
pub async fn access_log_csv(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    headers: axum::http::HeaderMap,
    Query(query): Query<app::domain::access_log::AccessLogQuery>,
    Query(style): Query<CsvFormat>,
) -> Response {
    let Some(staff) = signed_in_staff(&state, &session).await else {
        let back = app::paths::staff_sign_in(app::paths::ACCESS_LOG);
        return Redirect::to(&back).into_response();
    };
    use app::ssr::services::access_log;
    let view = access_log::search(
        &state.store,
        &staff.member,
        &query,
        access_log::CSV_LINES,
        chrono::Utc::now(),
    )
    .await;
    let view = match view {
        Ok(v) if v.errors.is_empty() => v,
        Ok(_) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                "Sökningen är ogiltig: rätta den på sidan / The search is invalid: correct it on the page",
            )
                .into_response()
        }
        Err(app::error::AppError::Forbidden) => {
            return (StatusCode::FORBIDDEN, "Ingen åtkomst / Forbidden").into_response()
        }
        Err(err) => {
            tracing::error!(?err, "the access log could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let style = app::domain::figures::CsvStyle::from_query(style.format.as_deref());
    match access_log::csv(&view, swedish(&headers), style) {
        Ok(body) => csv_download(
            &format!(
                "tidbok-atkomstlogg-{}-{}.csv",
                app::domain::time::iso_date(view.from.0),
                app::domain::time::iso_date(view.to.0)
            ),
            body,
        ),
        Err(err) => {
            tracing::error!(?err, "the access log could not be written as CSV");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The CSV's form: `komma` for commas and decimal points, else Swedish Excel's.
#[derive(Debug, Deserialize)]
pub struct CsvFormat {
    format: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct SwitchQuery {
    till: Option<String>,
}

/// `GET /sprak/{locale}?till=/path`: the language switch without JavaScript. Sets the
/// language cookie and goes back to the page the person was on.
pub async fn switch_language(
    Path(locale): Path<String>,
    Query(query): Query<SwitchQuery>,
) -> Response {
    if !matches!(locale.as_str(), "sv" | "en") {
        return (StatusCode::NOT_FOUND, "Okänt språk / Unknown language").into_response();
    }
    let back = query
        .till
        .filter(|t| is_local_path(t))
        .unwrap_or_else(|| "/".to_owned());
    let cookie = language_cookie(&locale);
    ([(header::SET_COOKIE, cookie)], Redirect::to(&back)).into_response()
}

#[derive(Debug, Deserialize)]
pub struct DeliveryKey {
    nyckel: Option<String>,
}

/// A delivery report as 46elks posts it: the message's id, `delivered` or `failed`, and
/// when.
#[derive(Debug, Deserialize)]
pub struct DeliveryReport {
    id: String,
    status: String,
    delivered: Option<String>,
}

/// `POST /sms/leverans?nyckel=…`: the SMS gateway's delivery report of a text message. Only
/// with the key the gateway was given; a report for a message not known (yet) is answered
/// 404, so the gateway sends it again.
pub async fn sms_delivery(
    State(state): State<AppState>,
    Query(key): Query<DeliveryKey>,
    axum::Form(report): axum::Form<DeliveryReport>,
) -> Response {
    let (Some(expected), Some(given)) = (state.sms_delivery_key.as_deref(), key.nyckel) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !app::ssr::secret::same(expected.as_bytes(), given.as_bytes()) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let delivered = match report.status.as_str() {
        "delivered" => true,
        "failed" => false,
        // "sent" and the like: not an outcome yet.
        _ => return StatusCode::NO_CONTENT.into_response(),
    };
    // 46elks writes the time in UTC without a zone (`2026-12-07T10:00:00.123000`).
    let at = report
        .delivered
        .as_deref()
        .and_then(|t| {
            chrono::DateTime::parse_from_rfc3339(t)
                .map(|t| t.with_timezone(&chrono::Utc))
                .or_else(|_| {
                    chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f")
                        .map(|t| t.and_utc())
                })
                .ok()
        })
        .unwrap_or_else(chrono::Utc::now);
    match state.store.record_delivery(&report.id, delivered, at).await {
        Ok(true) => {
            tracing::info!(provider_id = %report.id, delivered, "text message delivery reported");
            StatusCode::NO_CONTENT.into_response()
        }
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(%err, "a delivery report could not be recorded");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /en/accessibility`: the accessibility statement's English address. The statement is
/// one page in both languages; this sets English and goes there.
pub async fn accessibility_in_english() -> Response {
    let cookie = language_cookie("en");
    (
        [(header::SET_COOKIE, cookie)],
        Redirect::to(app::paths::ACCESSIBILITY),
    )
        .into_response()
}

/// Only paths on this site: never `//host` or `https://…`, which would make the switch an
/// open redirect.
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/boka?dag=2026-11-24"));
        for bad in [
            "//evil.example",
            "https://evil.example",
            "evil",
            "/\\evil",
            "/a\nb",
            "",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}
