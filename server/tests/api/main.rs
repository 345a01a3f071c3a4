//! The server's integration tests, in one binary so that it is linked once: the real
//! application on a free port, the store and its services, on SQLite and PostgreSQL, and the
//! binary's command line. `support` makes a fresh database per test and drops it afterwards.

#[macro_use]
mod support;

mod absences_http;
mod access_log_http;
mod accessibility_http;
mod accounts_http;
mod activity_report_http;
mod activity_reports_store;
mod admin_http;
mod assets_http;
mod assisted_booking_http;
mod assisted_registration_http;
mod booking_http;
mod booking_store;
mod calendar_facts;
mod calendar_http;
mod capacity;
mod case_changes_http;
mod cli;
mod employer_http;
mod employer_meetings_http;
mod employer_meetings_store;
mod employers_store;
mod follow_up_http;
mod http;
mod meeting_types_http;
mod my_case_http;
mod office_admin_http;
mod office_employers_http;
mod office_http;
mod outbox;
mod people_store;
mod person_search_http;
mod personal_data_http;
mod personal_data_store;
mod processes;
mod profile_http;
mod ratings_http;
mod registration_http;
mod registration_store;
mod report_follow_up_http;
mod report_follow_up_store;
mod retry_store;
mod rules;
mod security_http;
mod sign_in_throttle_http;
mod sms_46elks;
mod staff_http;
mod store_contract;
mod video_http;
