//! Server functions: public HTTP endpoints with stable names. Each checks who is asking,
//! parses its input into domain types and calls the store or a service; nothing more.

pub mod access_log;
pub mod accessibility;
pub mod account;
pub mod activity_report;
pub mod admin;
pub mod assisted_registration;
pub mod booking;
pub mod calendar;
pub mod case_file;
pub mod coverage;
pub mod employer;
pub mod employer_meetings;
pub mod employer_needs;
pub mod my_case;
pub mod office;
pub mod office_admin;
pub mod office_employers;
pub mod offices;
pub mod person_case;
pub mod person_search;
pub mod personal_data;
pub mod profile;
pub mod rating;
pub mod registration;
pub mod report_follow_up;
pub mod staff;
pub mod work_hours;
