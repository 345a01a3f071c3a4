//! The monthly activity report (aktivitetsrapport): every registered job seeker reports the
//! previous month between the 1st and the 14th. This module holds what the report's rules
//! are, free of I/O: which month is due when, its deadline to the second in Europe/Stockholm,
//! and the report's status and reminders.

pub mod follow_up;
pub mod period;
pub mod report;
