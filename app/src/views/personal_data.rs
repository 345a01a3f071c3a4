//! "Dina personuppgifter": what Tidbok holds about the signed-in seeker, and taking their
//! account away.

use crate::domain::{
    erasure::{EraseForm, Erasure, Holdings},
    field_error::FieldErrors,
};
use serde::{Deserialize, Serialize};

/// The kinds of data the page explains, each with what, why, how long and who sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataKind {
    Identity,
    Profile,
    Meetings,
    Messages,
    Reports,
    Ratings,
    SignIns,
    AccessLog,
}

impl DataKind {
    pub const ALL: [DataKind; 8] = [
        DataKind::Identity,
        DataKind::Profile,
        DataKind::Meetings,
        DataKind::Messages,
        DataKind::Reports,
        DataKind::Ratings,
        DataKind::SignIns,
        DataKind::AccessLog,
    ];
}

/// One kind and how many entries of it Tidbok holds about the person now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataCount {
    pub kind: DataKind,
    pub entries: u32,
}

/// The pages: the counts per kind, what taking the account away would do today, and the
/// erase form as the last post left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalDataView {
    pub counts: Vec<DataCount>,
    pub holdings: Holdings,
    pub erasure: Erasure,
    pub erase: EraseFormView,
}

/// The erase form as the last post left it (refused, without the password).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EraseFormView {
    pub form: EraseForm,
    pub errors: FieldErrors,
}
