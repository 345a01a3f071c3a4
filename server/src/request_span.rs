//! A span for every request, with an id the response carries back (`x-request-id`), so each
//! log line of a request (an internal error's included) says which request it belongs to.
//! Only the method and path are recorded: query strings and bodies may hold personal data.

use axum::{extract::Request, Router};
use std::sync::{
    atomic::{AtomicU64, Ordering},
    Arc,
};
use tower_http::{
    request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    trace::TraceLayer,
};

/// Request ids: this process's start (so ids from two processes rarely meet) and a count.
#[derive(Clone)]
struct Counter {
    start: u32,
    next: Arc<AtomicU64>,
}

impl MakeRequestId for Counter {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let id = format!("{:08x}-{n}", self.start);
        axum::http::HeaderValue::from_str(&id)
            .ok()
            .map(RequestId::new)
    }
}

/// Wraps `router` in the request span; an id a proxy in front already set is kept.
pub fn layer(router: Router) -> Router {
    let counter = Counter {
        start: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as u32),
        next: Arc::new(AtomicU64::new(1)),
    };
    router
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            // A proxy's id is logged only when it looks like one: short, no spaces or quotes.
            let id = req
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .filter(|id| {
                    id.len() <= 64
                        && id
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
                })
                .unwrap_or("-");
            let path = loggable_path(req.uri().path());
            tracing::info_span!("request", id, method = %req.method(), path = %path)
        }))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(counter))
}

/// The path as it may be written to the log: a one-time link's secret is cut off, since
/// whoever reads the log could otherwise set that account's password.
fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    const SECRET_AFTER: &str = "/personal/losenord/";
    match path.strip_prefix(SECRET_AFTER) {
        Some(rest) if !rest.is_empty() => format!("{SECRET_AFTER}…").into(),
        _ => path.into(),
    }
}

#[cfg(test)]
mod loggable_tests {
    use super::loggable_path;

    #[test]
    fn a_links_secret_never_reaches_the_log() {
        let secret = "ab".repeat(32);
        let path = format!("/personal/losenord/{secret}");
        let logged = loggable_path(&path);
        assert!(!logged.contains(&secret));
        assert_eq!(logged, "/personal/losenord/…");
        assert_eq!(loggable_path("/personal/kalender"), "/personal/kalender");
        assert_eq!(loggable_path("/personal/losenord/"), "/personal/losenord/");
    }
}
