//! What the offices' administration pages are drawn from.

use crate::{
    domain::{
        admin::office::{ClosureForm, OfficeForm},
        capacity::CapacityForm,
        field_error::FieldErrors,
    },
    views::{admin::AdminNotice, work_hours::Collision},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One office on the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeItem {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub takes_visits: bool,
    /// Each weekday's spans as the form writes them, Monday first (empty when closed).
    pub hours: Vec<String>,
    pub areas: String,
    pub counsellors: usize,
    /// Closed days from today on.
    pub closed_ahead: usize,
}

/// `/personal/admin/kontor`: every office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficesView {
    pub offices: Vec<OfficeItem>,
    pub notice: Option<AdminNotice>,
}

/// A closed day from today on, with the meetings still booked then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedDay {
    pub day: NaiveDate,
    pub reason: String,
    pub in_the_way: Vec<Collision>,
}

/// `/personal/admin/kontor/{id}` and `…/ny`: the office form, and for an office that exists
/// its closed days and reception capacity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeEditView {
    /// `None` for a new office.
    pub id: Option<i64>,
    pub form: OfficeForm,
    pub errors: FieldErrors,
    pub closed: Vec<ClosedDay>,
    pub closure: ClosureForm,
    pub closure_errors: FieldErrors,
    /// Meetings booked on the day asked to be closed: the page asks to confirm.
    pub closure_in_the_way: Vec<Collision>,
    pub capacity: CapacityForm,
    pub capacity_errors: FieldErrors,
    pub capacity_saved: bool,
    pub notice: Option<AdminNotice>,
}

/// An office form refused, kept for the page it goes back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeRefusal {
    pub id: Option<i64>,
    pub form: OfficeForm,
    pub errors: FieldErrors,
}

/// A closed day refused, or waiting for a "close it anyway", kept for the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureRefusal {
    /// The office whose page it belongs to.
    pub office: i64,
    pub form: ClosureForm,
    pub errors: FieldErrors,
    pub in_the_way: Vec<Collision>,
}
