//! Workflows that span several store calls or need more than the store: hashing, tokens,
//! the clock. Server functions call these; these call the store.

pub mod absences;
pub mod access_log;
pub mod accounts;
pub mod activity_reports;
pub mod assisted_registration;
pub mod booking;
pub mod calendar;
pub mod calendar_file;
pub mod case_changes;
pub mod case_file;
pub mod coverage;
pub mod employer_meetings;
pub mod employer_needs;
pub mod employer_panel;
pub mod employers;
pub mod figures;
pub mod follow_up;
pub mod free_times;
pub mod meeting_types;
pub mod office;
pub mod office_admin;
pub mod office_employers;
pub mod open_time;
pub mod passwords;
pub mod people;
pub mod person_search;
pub mod picker;
pub mod profile;
pub mod registration;
pub mod report_follow_up;
pub mod seeker_pages;
pub mod staff;
pub mod work_hours;
