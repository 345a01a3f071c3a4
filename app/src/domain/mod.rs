//! The domain: plain Rust types shared by the browser and the server. No leptos, no I/O.
//! Every type that crosses a trust boundary has a `parse` that returns it or says why not.

pub mod access_log;
pub mod accessibility;
pub mod activity_report;
pub mod admin;
pub mod arrival;
pub mod booking;
pub mod booking_status;
pub mod capacity;
pub mod case;
pub mod channel;
pub mod choices;
pub mod closed_days;
pub mod contact;
pub mod coverage;
pub mod employer;
pub mod field_error;
pub mod figures;
pub mod form_check;
pub mod form_data;
pub mod geo;
pub mod holidays;
pub mod ids;
pub mod matching;
pub mod notification;
pub mod offer;
pub mod office;
pub mod open_time;
pub mod person_search;
pub mod personnummer;
pub mod preparation;
pub mod registration;
pub mod rule;
pub mod schedule;
pub mod staff;
pub mod taxonomy;
pub mod time;
pub mod work_hours;

pub use booking_status::BookingStatus;
pub use channel::Channel;
pub use contact::{Email, PhoneNumber, Postcode};
pub use ids::{BookingId, CounsellorId, SeekerId, StaffId};
pub use office::{Address, OfficeSummary, OpeningHours, OpeningSpan};
pub use personnummer::PersonalNumber;
pub use rule::Rule;
pub use taxonomy::{fold_for_search, FieldCode, Occupation, OccupationalField};
