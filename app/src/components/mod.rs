//! Reusable parts of pages.

pub mod footer;
pub mod header;
pub mod language_switch;
