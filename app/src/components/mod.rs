//! Reusable parts of pages.

pub mod calendar_board;
pub mod fields;
pub mod footer;
pub mod header;
pub mod language_switch;
pub mod live_refresh;
pub mod meeting_facts;
pub mod meeting_words;
pub mod messages;
pub mod occupation_picker;
pub mod slot_picker;
pub mod step_form;
pub mod time_choices;
