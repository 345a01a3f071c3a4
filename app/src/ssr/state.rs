use super::store::Store;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

/// Built once at start-up and handed to the router and, through context, to every server
/// function. Tests build their own, each with its own database.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    /// Whether cookies carry `Secure`: everywhere but local development over plain HTTP.
    pub secure_cookies: bool,
    /// Where video meetings are held, and how their links are made.
    pub video: super::video::VideoService,
    /// The key the SMS gateway's delivery reports carry, when a gateway is configured.
    pub sms_delivery_key: Option<String>,
    /// How long after a meeting is marked held the question about it goes out.
    pub rating_delay: chrono::Duration,
    /// Whether the client's address is the last one in `X-Forwarded-For` (set by a proxy in
    /// front) rather than the connection's.
    #[from_ref(skip)]
    pub forwarded_for: bool,
}

impl AppState {
    /// The state of the current request, for server functions.
    pub fn from_context() -> Result<Self, crate::error::AppError> {
        leptos::prelude::use_context::<Self>().ok_or_else(|| {
            tracing::error!("AppState missing from the server function context");
            crate::error::AppError::Internal
        })
    }
}
