//! Request and response details server functions share: cookies, the clock, redirects, and
//! the signed-in job seeker.

use super::form_post::{self, Flash};
use crate::{
    error::AppError,
    paths,
    views::account::{FailedSignIn, SignInView},
};
use axum::http::{header, request::Parts, HeaderValue};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// The browser's registration draft token.
pub const DRAFT_COOKIE: &str = "tidbok_utkast";
/// Where the signed-in job seeker's id is kept in the session.
pub const SEEKER_KEY: &str = "seeker_id";
/// Where the signed-in staff member's id is kept. A session holds one or the other, never
/// both: signing in as either removes the other.
pub const STAFF_KEY: &str = "staff_id";
/// The generation of the staff member's password the session was opened with: a session
/// from before a password change is over.
pub const STAFF_GENERATION_KEY: &str = "staff_password_generation";
/// Where the signed-in employer's user is kept; a session holds one kind of person only.
pub const EMPLOYER_KEY: &str = "employer_user_id";
/// The draft a new recruitment need is being typed into (saved in the background before
/// the page knows its id).
pub const NEW_NEED_DRAFT_KEY: &str = "new_need_draft";

/// A cookie of the current request.
pub fn cookie(name: &str) -> Option<String> {
    let parts = use_context::<Parts>()?;
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_owned())
}

/// The language the person uses the service in, for the messages sent to them: the language
/// switch's cookie, else the browser's first language, else Swedish.
pub fn message_language() -> crate::domain::notification::MessageLanguage {
    use crate::domain::notification::MessageLanguage;
    if let Some(locale) = cookie(crate::app::LANGUAGE_COOKIE) {
        return MessageLanguage::from_locale(&locale);
    }
    use_context::<Parts>()
        .and_then(|parts| {
            let accept = parts.headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
            accept.split(',').next().map(MessageLanguage::from_locale)
        })
        .unwrap_or_default()
}

/// Adds a `Set-Cookie` to the response: HttpOnly and SameSite=Lax always, Secure unless the
/// service runs in local development over plain HTTP.
pub fn set_cookie(name: &str, value: &str, max_age_seconds: i64, secure: bool) {
    let secure = if secure { "; Secure" } else { "" };
    let header = format!(
        "{name}={value}; Path=/; Max-Age={max_age_seconds}; HttpOnly; SameSite=Lax{secure}"
    );
    if let (Some(res), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&header),
    ) {
        res.append_header(header::SET_COOKIE, value);
    }
}

/// Sends the browser on to `path` after a form post. The path is always one of ours.
pub fn redirect(path: &str) {
    debug_assert!(path.starts_with('/') && !path.starts_with("//"));
    leptos_axum::redirect(path);
}

/// Whether the request is a plain HTML form post (no JavaScript), which expects to be sent
/// on to a page, rather than a call from an island, which expects data.
pub fn is_form_post() -> bool {
    use_context::<Parts>()
        .and_then(|parts| {
            let accept = parts.headers.get(header::ACCEPT)?.to_str().ok()?;
            Some(accept.contains("text/html"))
        })
        .unwrap_or(false)
}

/// The address the current request came from: the connection's, or, when a proxy in front
/// says so (`forwarded_for`), the last address in `X-Forwarded-For` (the one that proxy
/// added; earlier ones are the client's own word).
pub fn client_address(forwarded_for: bool) -> Option<std::net::IpAddr> {
    let parts = use_context::<Parts>()?;
    if forwarded_for {
        return parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .last()
            .and_then(|a| a.trim().parse().ok());
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip())
}

/// The current request's session.
pub async fn session() -> Result<tower_sessions::Session, AppError> {
    leptos_axum::extract::<tower_sessions::Session>()
        .await
        .map_err(|_| AppError::internal("session layer missing"))
}

/// The signed-in job seeker's id, if any.
pub async fn seeker_id() -> Result<Option<i64>, AppError> {
    session()
        .await?
        .get::<i64>(SEEKER_KEY)
        .await
        .map_err(AppError::internal)
}

/// The signed-in seeker's profile, or `Unauthorized` (and, for a browser, a redirect to
/// sign in and come back to `back`).
pub async fn seeker(
    state: &crate::ssr::AppState,
    back: &str,
) -> Result<crate::ssr::store::SeekerProfile, AppError> {
    let profile = match seeker_id().await? {
        Some(id) => state.store.seeker_profile(id).await?,
        None => None,
    };
    profile.ok_or_else(|| {
        redirect(&paths::sign_in(back));
        AppError::Unauthorized
    })
}

/// The signed-in member of staff on a staff page, as the session middleware found them.
pub fn staff_signed_in() -> Option<crate::views::staff::StaffSignedIn> {
    use_context::<Parts>()?
        .extensions
        .get::<crate::views::staff::StaffSignedIn>()
        .cloned()
}

/// The signed-in job seeker of the current request, as the session middleware found them
/// (see [`find_signed_in`]). Pages read it while rendering, without a resource of their own.
pub fn signed_in() -> Option<crate::views::account::SignedIn> {
    use_context::<Parts>()?
        .extensions
        .get::<crate::views::account::SignedIn>()
        .cloned()
}

/// Middleware (inside the session layer): looks up who is signed in, once per request, and
/// leaves it in the request for [`signed_in`].
pub async fn find_signed_in(
    axum::extract::State(state): axum::extract::State<crate::ssr::AppState>,
    session: tower_sessions::Session,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    // Only pages greet anyone: files, server functions and health checks skip the two
    // database reads.
    let path = request.uri().path();
    let is_page = !(path.starts_with("/pkg/")
        || path.starts_with("/api/")
        || path == "/health"
        || path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.')));
    if !is_page {
        return next.run(request).await;
    }
    if paths::is_staff(path) {
        match signed_in_staff(&state.store, &session).await {
            Ok(Some(row)) => {
                request
                    .extensions_mut()
                    .insert(crate::views::staff::StaffSignedIn {
                        first_name: row.first_name,
                        last_name: row.last_name,
                        role: row.member.role,
                    });
            }
            Ok(None) => {}
            Err(err) => tracing::warn!(%err, "signed-in staff could not be read"),
        }
        return next.run(request).await;
    }
    if paths::is_employer(path) {
        if let Ok(Some(id)) = session.get::<i64>(EMPLOYER_KEY).await {
            match state.store.employer_user_greeting(id).await {
                Ok(Some(greeting)) => {
                    request.extensions_mut().insert(greeting);
                }
                Ok(None) => {}
                Err(err) => tracing::warn!(%err, "signed-in employer could not be read"),
            }
        }
        return next.run(request).await;
    }
    let id = match session.get::<i64>(SEEKER_KEY).await {
        Ok(id) => id,
        Err(err) => {
            tracing::warn!(%err, "session could not be read");
            None
        }
    };
    if let Some(id) = id {
        match state.store.seeker_name(id).await {
            Ok(Some(name)) => {
                request
                    .extensions_mut()
                    .insert(crate::views::account::SignedIn {
                        first_name: name.first_name,
                        last_name: name.last_name,
                    });
            }
            Ok(None) => {}
            Err(err) => tracing::warn!(%err, "signed-in person could not be read"),
        }
    }
    next.run(request).await
}

/// Signs a job seeker in: a new session id (so one planted before cannot be used), then
/// their id in it.
pub async fn sign_in(seeker_id: i64) -> Result<(), AppError> {
    let session = session().await?;
    session.cycle_id().await.map_err(AppError::internal)?;
    for other in [STAFF_KEY, STAFF_GENERATION_KEY, EMPLOYER_KEY] {
        session
            .remove_value(other)
            .await
            .map_err(AppError::internal)?;
    }
    session
        .insert(SEEKER_KEY, seeker_id)
        .await
        .map_err(AppError::internal)
}

/// Signs a member of staff in, the same way (and out of any seeker's session), with the
/// generation of the password they signed in with.
pub async fn staff_sign_in(row: &crate::ssr::store::StaffRow) -> Result<(), AppError> {
    let session = session().await?;
    session.cycle_id().await.map_err(AppError::internal)?;
    for other in [SEEKER_KEY, EMPLOYER_KEY] {
        session
            .remove_value(other)
            .await
            .map_err(AppError::internal)?;
    }
    session
        .insert(STAFF_GENERATION_KEY, row.password_generation)
        .await
        .map_err(AppError::internal)?;
    session
        .insert(STAFF_KEY, row.member.id)
        .await
        .map_err(AppError::internal)
}

/// The member of staff this session belongs to: an active account whose password has not
/// changed since the session was opened. Every staff page and file reads it here.
pub async fn signed_in_staff(
    store: &crate::ssr::store::Store,
    session: &tower_sessions::Session,
) -> Result<Option<crate::ssr::store::StaffRow>, AppError> {
    let Some(id) = session
        .get::<i64>(STAFF_KEY)
        .await
        .map_err(AppError::internal)?
    else {
        return Ok(None);
    };
    let generation = session
        .get::<i64>(STAFF_GENERATION_KEY)
        .await
        .map_err(AppError::internal)?;
    let row = store.staff_by_id(id).await?;
    Ok(row.filter(|r| Some(r.password_generation) == generation))
}

/// Signs an employer's user in, the same way (and out of anyone else's session).
pub async fn employer_sign_in(user_id: i64) -> Result<(), AppError> {
    let session = session().await?;
    session.cycle_id().await.map_err(AppError::internal)?;
    for other in [
        SEEKER_KEY,
        STAFF_KEY,
        STAFF_GENERATION_KEY,
        NEW_NEED_DRAFT_KEY,
    ] {
        session
            .remove_value(other)
            .await
            .map_err(AppError::internal)?;
    }
    session
        .insert(EMPLOYER_KEY, user_id)
        .await
        .map_err(AppError::internal)
}

/// The signed-in employer's user, or `Unauthorized` (and, for a browser, a redirect to the
/// employers' sign-in and back to `back`). Nobody else's session passes.
pub async fn employer(
    state: &crate::ssr::AppState,
    back: &str,
) -> Result<crate::ssr::store::EmployerUserRow, AppError> {
    let id = session()
        .await?
        .get::<i64>(EMPLOYER_KEY)
        .await
        .map_err(AppError::internal)?;
    let row = match id {
        Some(id) => state.store.employer_user(id).await?,
        None => None,
    };
    row.ok_or_else(|| {
        redirect(&paths::employer_sign_in(back));
        AppError::Unauthorized
    })
}

/// The signed-in employer's user on an employer's page, as the session middleware found
/// them.
pub fn employer_signed_in() -> Option<crate::views::employer::EmployerSignedIn> {
    use_context::<Parts>()?
        .extensions
        .get::<crate::views::employer::EmployerSignedIn>()
        .cloned()
}

/// The signed-in member of staff, or `Unauthorized` (and, for a browser, a redirect to the
/// staff sign-in and back to `back`). A job seeker's session never passes.
pub async fn staff(
    state: &crate::ssr::AppState,
    back: &str,
) -> Result<crate::ssr::store::StaffRow, AppError> {
    let row = signed_in_staff(&state.store, &session().await?).await?;
    row.ok_or_else(|| {
        redirect(&paths::staff_sign_in(back));
        AppError::Unauthorized
    })
}

/// Remembers a failed sign-in at one door: the email tried, so the form need not be typed
/// again, that it failed, and how long to wait when it was refused for a while.
pub async fn remember_failed_sign_in<const STAFF: bool>(
    email: &str,
    wait_minutes: Option<u32>,
) -> Result<(), AppError>
where
    FailedSignIn<STAFF>: Flash,
{
    form_post::leave(FailedSignIn::<STAFF> {
        email: email.trim().to_owned(),
        wait_minutes,
    })
    .await
}

/// What [`remember_failed_sign_in`] kept, forgotten as it is read.
pub async fn take_sign_in_attempt<const STAFF: bool>() -> Result<SignInView, AppError>
where
    FailedSignIn<STAFF>: Flash,
{
    Ok(form_post::take::<FailedSignIn<STAFF>>()
        .await?
        .map(|f| SignInView {
            email: f.email,
            failed: true,
            wait_minutes: f.wait_minutes,
        })
        .unwrap_or_default())
}

pub async fn sign_out() -> Result<(), AppError> {
    session().await?.flush().await.map_err(AppError::internal)
}

/// A local path to return to after signing in, or `None` for anything that could lead
/// elsewhere (`//evil.example`, `https://…`, `/\evil`).
pub fn local_path(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    ok.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/boka?dag=1"), Some("/boka?dag=1"));
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "boka",
            "/a\nb",
        ] {
            assert_eq!(local_path(bad), None, "{bad}");
        }
    }
}
