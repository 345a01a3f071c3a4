//! How long browsers and proxies may keep each answer. Pages with personal data (Mina sidor,
//! the staff pages, the employers' pages, registration, server functions, calendar files and CSV) are never stored;
//! public pages and the built assets are kept but checked again on each use (the assets'
//! names carry no content hash yet, so they cannot be cached for long).

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

/// The `Cache-Control` an answer to `path` gets when its handler set none.
pub fn policy(path: &str) -> &'static str {
    const PERSONAL: [&str; 6] = [
        "/mina-sidor",
        "/personal",
        "/registrera",
        "/api",
        "/logga-in",
        // The question after a meeting names the meeting, behind its link's secret.
        "/betyg",
    ];
    let under = |base: &str| {
        path.strip_prefix(base)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with('.'))
    };
    // The employers' door is public; everything behind it (their overview, needs, meetings,
    // registering and signing in) is theirs alone.
    if PERSONAL.into_iter().any(under) || path.starts_with("/arbetsgivare/") {
        "no-store"
    } else {
        "no-cache"
    }
}

pub async fn set_cache_control(req: Request, next: Next) -> Response {
    let policy = policy(req.uri().path());
    let mut res = next.run(req).await;
    res.headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(policy));
    res
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn personal_answers_are_never_stored() {
        for path in [
            "/mina-sidor",
            "/mina-sidor/aktivitetsrapport/2026-11",
            "/mina-sidor/mote/3/kalender.ics",
            "/betyg/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "/arbetsgivare/oversikt",
            "/arbetsgivare/mote/3/kalender.ics",
            "/arbetsgivare/behov/4",
            "/personal/kalender",
            "/personal/kontor/uppfoljning.csv",
            "/personal/admin/atkomstlogg.csv",
            "/registrera/granska",
            "/api/konto/logga-in",
            "/logga-in",
        ] {
            assert_eq!(policy(path), "no-store", "{path}");
        }
    }

    #[test]
    fn public_pages_and_assets_are_checked_again_on_each_use() {
        for path in [
            "/",
            "/pkg/tidbok.wasm",
            "/staff/staff.css",
            "/favicon.svg",
            "/health",
            "/personalen",
            "/mina-sidorna",
            "/arbetsgivare",
        ] {
            assert_eq!(policy(path), "no-cache", "{path}");
        }
    }
}
