//! Everything that only exists on the server: state, services, storage and seed data.

pub mod content_policy;
pub mod form_post;
pub mod http;
pub mod notifications;
pub mod secret;
pub mod seed;
pub mod services;
pub mod state;
pub mod store;
pub mod video;

pub use state::AppState;
