//! The slot engine as every picker uses it: each counsellor's open time, less the days the
//! service or their office is closed and, for a visit, the hours the office is not open; less
//! what is booked; and for a visit, less the hours the reception has no room for. The seeker's
//! picker ranks the result; the follow-up picker and a follow-up's move show one counsellor's.

use crate::{
    domain::{
        capacity::{Capacity, VisitLoad},
        closed_days::{offerable, ClosedDays},
        schedule::{free_slots, SlotRules, Span},
        time::stockholm_date,
        Channel,
    },
    error::AppError,
    ssr::{
        services::picker::{office_load, opening_hours},
        store::{CounsellorRow, Store},
    },
};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// What to look for.
#[derive(Debug, Clone, Copy)]
pub struct SlotSearch {
    pub channel: Channel,
    /// The office of a visit (its hours and reception count); `None` for phone and video.
    pub visit_office: Option<i64>,
    pub rules: SlotRules,
    /// A booking being moved: its own time counts as free.
    pub leave_out: Option<i64>,
    pub now: DateTime<Utc>,
}

/// What was found, with what the seeker's picker needs to rank it.
#[derive(Debug, Clone, Default)]
pub struct FreeTimes {
    /// Each counsellor's free slots, sorted.
    pub free: HashMap<i64, Vec<Span>>,
    /// The days closed in the window, per office.
    pub closed: ClosedDays,
    /// When each counsellor's booked meetings start (for spreading the week's load).
    pub starts: Vec<(i64, DateTime<Utc>)>,
    /// For a visit: the office, its capacity and the visits already booked there.
    pub office: Option<(i64, Capacity, VisitLoad)>,
}

/// The free slots of `counsellors` that the search allows.
#[tracing::instrument(skip_all, fields(counsellors = counsellors.len(), channel = ?search.channel))]
pub async fn free_times(
    store: &Store,
    counsellors: &[CounsellorRow],
    search: SlotSearch,
) -> Result<FreeTimes, AppError> {
    let SlotSearch {
        channel,
        visit_office,
        rules,
        leave_out,
        now,
    } = search;
    let from = now;
    let to = now + rules.horizon + rules.length;
    let wanted: HashMap<i64, i64> = counsellors.iter().map(|c| (c.id, c.office_id)).collect();
    let open = store.open_times(from, to).await?;
    let busy: Vec<_> = store
        .busy_times(from - Duration::days(1), to)
        .await?
        .into_iter()
        .filter(|b| Some(b.id) != leave_out)
        .collect();
    let closed = ClosedDays::new(
        store
            .office_closures(stockholm_date(from), stockholm_date(to))
            .await?
            .into_iter()
            .map(|(office, day, _)| (office, day)),
    );
    let visit = match (channel, visit_office) {
        (Channel::Office, Some(office)) => Some((office, opening_hours(store, office).await?)),
        _ => None,
    };
    let mut open_by: HashMap<i64, Vec<Span>> = HashMap::new();
    for a in open
        .iter()
        .filter(|a| wanted.contains_key(&a.counsellor_id))
    {
        if let Some(s) = Span::new(a.starts_at, a.ends_at) {
            open_by.entry(a.counsellor_id).or_default().push(s);
        }
    }
    for (id, spans) in open_by.iter_mut() {
        let office = wanted.get(id).copied().unwrap_or_default();
        *spans = offerable(spans, office, &closed, visit.as_ref().map(|(_, h)| h));
    }
    let mut busy_by: HashMap<i64, Vec<Span>> = HashMap::new();
    for b in &busy {
        if let Some(s) = Span::new(b.starts_at, b.clear_until) {
            busy_by.entry(b.counsellor_id).or_default().push(s);
        }
    }
    let mut free: HashMap<i64, Vec<Span>> = open_by
        .iter()
        .map(|(id, spans)| {
            let booked = busy_by.get(id).map(Vec::as_slice).unwrap_or_default();
            (*id, free_slots(spans, booked, &rules, now))
        })
        .collect();
    let starts = busy
        .iter()
        .map(|b| (b.counsellor_id, b.starts_at))
        .collect();
    let office = match visit {
        Some((office, hours)) => {
            let (capacity, load) = office_load(store, office, &hours, leave_out, from, to).await?;
            for slots in free.values_mut() {
                slots.retain(|s| capacity.has_room(&load, s.start));
            }
            Some((office, capacity, load))
        }
        None => None,
    };
    Ok(FreeTimes {
        free,
        closed,
        starts,
        office,
    })
}
