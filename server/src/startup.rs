//! Builds the application from its configuration: database, reference and demo data, router.

use crate::{config::Config, routes};
use app::{
    shell,
    ssr::{
        seed::{self, DemoOutcome},
        store::Store,
        AppState,
    },
    App,
};
use axum::{routing::get, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("could not open the database: {0}")]
    Store(#[from] app::ssr::store::StoreError),
    #[error("could not load the shipped data: {0}")]
    Seed(#[from] seed::SeedError),
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
    if seed::sync_reference_data(&store).await? {
        tracing::info!("occupation taxonomy and meeting types updated");
    }
    if config.demo_data {
        load_demo_data(&store).await?;
    }
    let state = AppState {
        leptos_options: leptos_options(config),
        store,
    };
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartupError::Bind {
            addr: config.listen,
            source,
        })?;
    Ok(Application {
        listener,
        router: router(state.clone()),
        state,
    })
}

pub async fn load_demo_data(store: &Store) -> Result<DemoOutcome, StartupError> {
    let today = chrono::Utc::now()
        .with_timezone(&app::domain::time::ZONE)
        .date_naive();
    let outcome = seed::load_demo(store, today).await?;
    if let DemoOutcome::Loaded {
        offices,
        counsellors,
        availability_spans,
    } = &outcome
    {
        tracing::info!(offices, counsellors, availability_spans, "demo data loaded");
    }
    Ok(outcome)
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let context_state = state.clone();
    Router::new()
        .route("/health", get(routes::health))
        .route("/sprak/{locale}", get(routes::switch_language))
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
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
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
