use tracing_subscriber::{fmt, EnvFilter};

/// Logs to stderr, filtered by `TIDBOK_LOG`. Called once by `main`; tests skip it.
pub fn init(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
}
