//! The Tidbok server: configuration, telemetry and start-up, kept out of `main` so tests can
//! start the real application on a free port with a database of their own.

pub mod caching;
pub mod config;
pub mod error_status;
pub mod precompress;
pub mod request_span;
pub mod routes;
pub mod security;
pub mod site_check;
pub mod staff_cli;
pub mod startup;
pub mod telemetry;
