//! Server functions answer every error with status 500, which would make a refused form or
//! a missing sign-in look like a failure of ours to browsers, proxies and logs. This reads
//! the error they return (a small JSON `AppError`) and gives the response the status that
//! says what happened; the body stays as it is.

use app::error::AppError;
use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// An error body is a few hundred bytes; anything larger is not one of ours.
const LIMIT: usize = 64 * 1024;

pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Request => StatusCode::BAD_REQUEST,
        AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
        AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub async fn server_fn_status(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !api || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, LIMIT).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = status_of(&error);
        if let AppError::TooManyAttempts(minutes) = error {
            parts
                .headers
                .insert(header::RETRY_AFTER, HeaderValue::from(minutes * 60));
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
