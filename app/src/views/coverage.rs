//! What the coverage page is drawn from.

use crate::domain::Channel;
use serde::{Deserialize, Serialize};

/// One occupational field at one office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverRow {
    pub field_sv: String,
    pub field_en: String,
    pub counsellors: usize,
    /// Counsellors who know the field and meet each way, in `Channel::ALL` order.
    pub by_channel: [usize; 3],
    /// Language codes they speak between them.
    pub languages: Vec<String>,
    /// The ways of meeting nobody who knows the field offers.
    pub channel_gaps: Vec<Channel>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeCover {
    pub office: String,
    pub rows: Vec<CoverRow>,
    /// Fields nobody at the office knows.
    pub uncovered: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageView {
    pub offices: Vec<OfficeCover>,
}
