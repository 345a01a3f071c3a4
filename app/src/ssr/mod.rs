//! Everything that only exists on the server: state, services, storage and seed data.

pub mod seed;
pub mod state;
pub mod store;

pub use state::AppState;
