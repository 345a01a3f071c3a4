//! What pages are drawn from: the wire types server functions answer with. Leaves: built by
//! the services on the server, read by pages and islands in the browser, and importing
//! nothing but the domain, `paths` and the wire error `AppError` (a refusal kept for a form).

pub mod access_log;
pub mod accessibility;
pub mod account;
pub mod activity_report;
pub mod admin;
pub mod booking;
pub mod calendar;
pub mod case_file;
pub mod coverage;
pub mod employer;
pub mod employer_meeting;
pub mod employer_panel;
pub mod my_case;
pub mod office;
pub mod office_admin;
pub mod office_employers;
pub mod person_case;
pub mod person_search;
pub mod personal_data;
pub mod profile;
pub mod rating;
pub mod registration;
pub mod report_follow_up;
pub mod staff;
pub mod work_hours;
