//! What every response says about how browsers may use it, and the refusal of state-changing
//! requests that another site made a browser send (cross-site request forgery).
//!
//! Forms post back to Tidbok itself, and browsers say where a request comes from: with
//! `Sec-Fetch-Site` (every current browser) and with `Origin` on every POST. A request that
//! another site started is refused before it reaches a form or a server function. Clients
//! that send neither header (scripts, the tests' HTTP client) are not browsers whose cookies
//! another site could borrow, and pass.

use axum::{
    extract::Request,
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The headers every response carries, and HSTS too when `production` (served over HTTPS).
pub fn headers(production: bool) -> Vec<(header::HeaderName, HeaderValue)> {
    let mut out = vec![
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ),
        // No other site may show Tidbok in a frame (clickjacking); X-Frame-Options for
        // browsers that do not read the policy.
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors 'none'"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
            ),
        ),
    ];
    if production {
        out.push((
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ));
    }
    out
}

/// Whether a request with these headers was started by another site. A browser's own word
/// (`Sec-Fetch-Site`) decides when it gives one; otherwise `Origin` must name the host the
/// request was sent to (as the client or a proxy in front of Tidbok says: `X-Forwarded-Host`
/// is not a header another site's page can set).
pub fn is_cross_site(headers: &HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match text("sec-fetch-site") {
        Some("cross-site") => return true,
        Some("same-origin" | "none") => return false,
        _ => {}
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    // `Origin: null` (a sandboxed frame, a redirect across sites) is never ours.
    let Some(origin_host) = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, authority)| authority)
    else {
        return true;
    };
    let ours = [text("x-forwarded-host"), text("host")];
    !ours
        .into_iter()
        .flatten()
        .any(|h| h.eq_ignore_ascii_case(origin_host))
}

/// Refuses a state-changing request that another site started, with 403 and a plain
/// sentence; everything else goes on.
pub async fn refuse_cross_site(req: Request, next: Next) -> Response {
    let safe = matches!(
        *req.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    );
    if !safe && is_cross_site(req.headers()) {
        tracing::warn!(
            method = %req.method(),
            path = req.uri().path(),
            origin = ?req.headers().get(header::ORIGIN),
            "cross-site request refused"
        );
        return (
            StatusCode::FORBIDDEN,
            "Begäran kom från en annan webbplats och togs inte emot. \
             / The request came from another site and was refused.",
        )
            .into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    #[test]
    fn another_site_is_told_apart_from_tidbok_itself() {
        let host = ("host", "tidbok.example:8443");
        for own in [
            with(&[host, ("origin", "https://tidbok.example:8443")]),
            with(&[
                host,
                ("origin", "http://TIDBOK.example:8443"),
                ("sec-fetch-site", "same-origin"),
            ]),
            with(&[host, ("sec-fetch-site", "same-origin")]),
            with(&[host, ("sec-fetch-site", "none")]),
            with(&[host]),
            // Behind a proxy that sends its own Host: the browser's word, or the forwarded host.
            with(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "https://tidbok.example"),
                ("sec-fetch-site", "same-origin"),
            ]),
            with(&[
                ("host", "127.0.0.1:3000"),
                ("x-forwarded-host", "tidbok.example"),
                ("origin", "https://tidbok.example"),
            ]),
        ] {
            assert!(!is_cross_site(&own), "{own:?}");
        }
        for other in [
            with(&[host, ("origin", "https://evil.example")]),
            with(&[host, ("origin", "https://tidbok.example")]),
            with(&[host, ("origin", "null")]),
            with(&[host, ("sec-fetch-site", "cross-site")]),
            with(&[
                host,
                ("origin", "https://tidbok.example:8443"),
                ("sec-fetch-site", "cross-site"),
            ]),
            with(&[("origin", "https://tidbok.example:8443")]),
            // A sibling site of the same registrable domain is another origin.
            with(&[
                host,
                ("origin", "https://evil.tidbok.example:8443"),
                ("sec-fetch-site", "same-site"),
            ]),
        ] {
            assert!(is_cross_site(&other), "{other:?}");
        }
    }

    #[test]
    fn hsts_only_where_served_over_https() {
        let has_hsts = |p| {
            headers(p)
                .iter()
                .any(|(n, _)| *n == header::STRICT_TRANSPORT_SECURITY)
        };
        assert!(has_hsts(true) && !has_hsts(false));
    }
}
