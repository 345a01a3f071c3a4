//! Builds the application from its configuration: database, reference and demo data, router.

use crate::{
    config::{Config, Environment, SmsSettings},
    routes,
};
use app::{
    shell,
    ssr::{
        notifications::{elks::ElksSms, LogSms, Mailer, Notifier, SmsProvider},
        seed::{self, DemoOutcome},
        services::registration,
        store::{SessionBackend, Store},
        AppState,
    },
    App,
};
use axum::{routing::get, serve::ListenerExt, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::{net::SocketAddr, sync::Arc};
use tokio::net::TcpListener;
use tower_http::{compression::CompressionLayer, set_header::SetResponseHeaderLayer};
use tower_sessions::{
    cookie::{time::Duration as SessionDuration, Key, SameSite},
    session_store::ExpiredDeletion,
    Expiry, SessionManagerLayer,
};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("could not open the database: {0}")]
    Store(#[from] app::ssr::store::StoreError),
    #[error("could not load the shipped data: {0}")]
    Seed(#[from] seed::SeedError),
    /// The mail settings do not work; the message names the variable.
    #[error("{0}")]
    Mail(String),
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// A started application: a bound listener and the router to serve on it.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    notifications: Option<Notifications>,
}

/// The running notification worker and how to stop it.
struct Notifications {
    stop: tokio::sync::watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

/// How often the worker looks for due messages.
const OUTBOX_POLL: std::time::Duration = std::time::Duration::from_secs(2);

/// The notification worker for this configuration: SMTP when configured (the server must
/// answer, or start-up stops), otherwise `.eml` files; text messages go to the log.
pub async fn notifier(config: &Config, store: Store) -> Result<Notifier, StartupError> {
    let variable = if config.mail.smtp_url.is_some() {
        "TIDBOK_SMTP_URL"
    } else {
        "TIDBOK_MAIL_DIR"
    };
    let mailer = Mailer::connect(&config.mail)
        .await
        .map_err(|e| StartupError::Mail(format!("{variable}: {e}")))?;
    if config.mail.smtp_url.is_none() && config.environment == Environment::Production {
        tracing::warn!("TIDBOK_SMTP_URL is not set: emails are written to files, not sent");
    }
    let sms: Arc<dyn SmsProvider> = match &config.sms {
        SmsSettings::Log => Arc::new(LogSms),
        SmsSettings::Elks(settings) => Arc::new(
            ElksSms::new(settings.clone())
                .map_err(|e| StartupError::Mail(format!("TIDBOK_SMS_PROVIDER: {e}")))?,
        ),
    };
    Ok(Notifier::new(
        store,
        mailer,
        sms,
        config.mail.from.clone(),
        &config.public_url,
        Notifier::worker_name(),
    )
    .with_video(config.video.clone()))
}

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("tidbok")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        .build()
}

/// Connects to the database, brings its schema and reference data up to date, loads the demo
/// data into an empty database when asked to, and binds the listener.
pub async fn build(config: &Config) -> Result<Application, StartupError> {
    let store = Store::connect(&config.database_url).await?;
    // Processes sharing the database get it ready one after the other.
    let start = store.lock_start().await?;
    if seed::sync_reference_data(&store).await? {
        tracing::info!("occupation taxonomy and meeting types updated");
    }
    if config.demo_data {
        load_demo_data(&store).await?;
    }
    let sessions = store.sessions().await?;
    start.release().await?;
    crate::site_check::warn_if_scripts_missing(std::path::Path::new(&config.site_root));
    let state = AppState {
        leptos_options: leptos_options(config),
        store,
        secure_cookies: config.environment == Environment::Production,
        video: config.video.clone(),
        sms_delivery_key: match &config.sms {
            SmsSettings::Elks(elks) => Some(elks.delivery_key()),
            SmsSettings::Log => None,
        },
        rating_delay: config.rating_delay,
        forwarded_for: config.forwarded_for,
    };
    tracing::info!(video = %state.video.describe(), "video meetings");
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartupError::Bind {
            addr: config.listen,
            source,
        })?;
    spawn_housekeeping(state.store.clone(), sessions.clone());
    let session_layer = SessionManagerLayer::new(sessions)
        .with_name(session_cookie_name(state.secure_cookies))
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.secure_cookies)
        .with_expiry(Expiry::OnInactivity(SessionDuration::hours(8)))
        .with_signed(Key::from(config.session_secret.bytes()));
    let mut router = router(state.clone())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            app::ssr::http::find_signed_in,
        ))
        .layer(session_layer)
        // Before the session is read: a request another site started never reaches it.
        .layer(axum::middleware::from_fn(
            crate::security::refuse_cross_site,
        ))
        .layer(axum::middleware::from_fn(crate::caching::set_cache_control));
    for (name, value) in crate::security::headers(state.secure_cookies) {
        router = router.layer(SetResponseHeaderLayer::if_not_present(name, value));
    }
    Ok(Application {
        listener,
        router: crate::request_span::layer(router),
        state,
        notifications: None,
    })
}

/// The session cookie's name. Over HTTPS it carries the `__Host-` prefix: browsers then keep
/// it only when it is Secure, for the whole site and for this host alone, so a sibling
/// subdomain cannot plant or overwrite it.
pub fn session_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-tidbok_session"
    } else {
        "tidbok_session"
    }
}

pub async fn load_demo_data(store: &Store) -> Result<DemoOutcome, StartupError> {
    let outcome = seed::load_demo(store, chrono::Utc::now()).await?;
    if let DemoOutcome::Loaded {
        offices,
        counsellors,
        availability_spans,
        staff_accounts,
        demo_meetings,
    } = &outcome
    {
        tracing::info!(
            offices,
            counsellors,
            availability_spans,
            staff_accounts,
            demo_meetings,
            "demo data loaded"
        );
    }
    Ok(outcome)
}

/// Once an hour: registration drafts past their 30 days, sign-ins past a year, failed
/// sign-ins no longer counted and expired sessions are deleted.
fn spawn_housekeeping(store: Store, sessions: SessionBackend) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            match registration::sweep_drafts(&store, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(drafts = n, "old registration drafts deleted"),
                Err(err) => tracing::warn!(%err, "could not delete old registration drafts"),
            }
            let a_year_ago = chrono::Utc::now() - chrono::Duration::days(365);
            if let Err(err) = store.sweep_sign_ins(a_year_ago).await {
                tracing::warn!(%err, "could not delete sign-ins older than a year");
            }
            let now = chrono::Utc::now();
            let forgotten = app::domain::sign_in_throttle::forgotten_before(now);
            if let Err(err) = store.sweep_sign_in_failures(forgotten).await {
                tracing::warn!(%err, "could not delete forgotten sign-in failures");
            }
            if let Err(err) = sessions.delete_expired().await {
                tracing::warn!(%err, "could not delete expired sessions");
            }
        }
    });
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let context_state = state.clone();
    Router::new()
        .route("/health", get(routes::health))
        .route("/sprak/{locale}", get(routes::switch_language))
        .route(
            app::ssr::notifications::elks::DELIVERY_PATH,
            axum::routing::post(routes::sms_delivery),
        )
        .route(
            app::paths::ACCESSIBILITY_EN,
            get(routes::accessibility_in_english),
        )
        .route(
            "/mina-sidor/mote/{id}/kalender.ics",
            get(routes::meeting_calendar),
        )
        .route(
            app::paths::PERSONAL_DATA_FILE,
            get(routes::personal_data_file),
        )
        .route(
            "/arbetsgivare/mote/{id}/kalender.ics",
            get(routes::employer_meeting_calendar),
        )
        .route("/personal/kontor/uppfoljning.csv", get(routes::figures_csv))
        .route(
            "/personal/admin/atkomstlogg.csv",
            get(routes::access_log_csv),
        )
        .leptos_routes(&state, routes, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || provide_context(context_state.clone()), shell
        ))
        // Inside compression: it reads error bodies as the server functions wrote them.
        .layer(axum::middleware::from_fn(
            crate::error_status::server_fn_status,
        ))
        .layer(CompressionLayer::new())
        .with_state(state)
}

impl Application {
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until ctrl-c (or SIGTERM), then lets requests in flight finish.
    /// Starts sending the outbox's messages in the background, until the server stops.
    pub async fn start_notifications(&mut self, config: &Config) -> Result<(), StartupError> {
        let notifier = notifier(config, self.state.store.clone()).await?;
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let task = tokio::spawn(notifier.run(OUTBOX_POLL, stopped));
        self.notifications = Some(Notifications { stop, task });
        Ok(())
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        // Without TCP_NODELAY a response written in pieces waits for the client's delayed
        // ACK (about 40 ms) on a kept-alive connection: every asset fetch paid it.
        let listener = self.listener.tap_io(|tcp| {
            if let Err(err) = tcp.set_nodelay(true) {
                tracing::debug!(%err, "could not set TCP_NODELAY");
            }
        });
        // The connection's address is the client's for sign-in throttling (unless a proxy
        // in front names it, see TIDBOK_FORWARDED_FOR).
        let app = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        // The worker finishes the message it is sending; what is left waits in the outbox.
        if let Some(n) = self.notifications {
            let _ = n.stop.send(true);
            let _ = n.task.await;
        }
        self.state.store.close().await;
        Ok(())
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
