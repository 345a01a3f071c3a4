//! Data the product ships with: the occupation taxonomy and meeting types (always kept up to
//! date), and the demo offices and counsellors (loaded into an empty database on request).

pub mod busy_week;
pub mod demo;
mod demo_assisted;
mod demo_employer_meetings;
mod demo_employers;
mod demo_people;
mod demo_reports;
mod demo_trust;
mod reference;
mod tsv;

pub use busy_week::{BUSY_COUNSELLOR, BUSY_MEETINGS, DEMO_SEEKER_PASSWORD};
pub use demo::{load_demo, DemoOutcome, DEMO_ADMIN_EMAIL, DEMO_STAFF_PASSWORD};
pub use demo_assisted::REGISTERED_AT_DESK;
pub use demo_employers::DEMO_EMPLOYER_PASSWORD;
pub use reference::{sync_reference_data, FIELDS_TSV, OCCUPATIONS_TSV};

/// A seed file that does not parse is a bug in the shipped data; the message names the file,
/// the line and the column so it can be fixed.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("{file}:{line}: {message}")]
    Data {
        file: &'static str,
        line: usize,
        message: String,
    },
    #[error(transparent)]
    Store(#[from] super::store::StoreError),
    #[error("demo staff account: {0}")]
    Staff(String),
}
