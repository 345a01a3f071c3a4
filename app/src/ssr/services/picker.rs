//! What the picker offers a seeker: each counsellor's open time, less the days the service or
//! their office is closed and, for a visit, the hours the office is not open; less what is
//! booked and what the reception has no room for; ranked by field knowledge, widened to the
//! office's other counsellors when those who know the field cannot meet soon.

use super::{
    booking::FIRST_MEETING,
    free_times::{free_times, FreeTimes, SlotSearch},
};
use crate::{
    domain::{
        booking::SlotChoice,
        capacity::{local_hour, Capacity, VisitLoad},
        choices::LanguageCode,
        closed_days::working_days_after,
        matching::{rank, Counsellor, Wish},
        offer::{build_offer, Offer, OfferedTime},
        schedule::{SlotRules, Span},
        time::{stockholm_date, stockholm_to_utc, Day},
        Channel, FieldCode, OfficeSummary, OpeningHours, Rule,
    },
    error::AppError,
    ssr::store::{BookingRow, CounsellorRow, SeekerProfile, Store, VisitLimit},
    views::booking::{DayView, TimeView, TimesView},
};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// Working days within which the counsellors who know the seeker's field should have a time;
/// past that, the office's other counsellors are offered too.
pub const SOON_WORKING_DAYS: u32 = 3;

/// What the picker shows: the offer, and the counsellors' names.
#[derive(Debug, Clone)]
pub struct Picker {
    pub offer: Offer,
    pub names: HashMap<i64, String>,
    /// Every free slot of every counsellor who may meet the seeker this way: a time the
    /// offer gives to one counsellor may still be booked with another who is free then
    /// (the offer's choice can shift as other bookings change the week's load).
    free: HashMap<i64, Vec<Span>>,
    /// For a visit: the office, its capacity and the visits already booked there.
    office: Option<(i64, Capacity, VisitLoad)>,
    /// How the slots were cut (the meeting's length and buffer).
    pub rules: SlotRules,
}

impl Picker {
    /// The office's limit for a visit starting at `start`, checked again when booking.
    pub fn visit_limit(&self, start: DateTime<Utc>) -> Option<VisitLimit> {
        let (office_id, capacity, _) = self.office.as_ref()?;
        let (date, hour) = local_hour(start);
        let max = capacity.per_hour_on(chrono::Datelike::weekday(&date))?;
        let hour_start = stockholm_to_utc(date, chrono::NaiveTime::from_hms_opt(hour, 0, 0)?)?;
        Some(VisitLimit {
            office_id: *office_id,
            hour_start,
            hour_end: hour_start + Duration::hours(1),
            max: i64::from(max),
        })
    }

    /// The chosen time, if that counsellor may meet the seeker this way and is free then.
    pub fn bookable(&self, choice: SlotChoice) -> Option<OfferedTime> {
        self.free
            .get(&choice.counsellor_id)?
            .iter()
            .find(|s| s.start == choice.start)
            .map(|slot| OfferedTime {
                slot: *slot,
                counsellor_id: choice.counsellor_id,
            })
    }
}

/// The first meeting's rules, with its length and buffer as the meeting type says.
pub async fn first_meeting_rules(store: &Store) -> Result<SlotRules, AppError> {
    rules_of(store, FIRST_MEETING).await
}

/// The rules a meeting of type `code` is booked by: its length, buffer, notice and horizon.
pub async fn rules_of(store: &Store, code: &str) -> Result<SlotRules, AppError> {
    Ok(meeting_type(store, code).await?.0)
}

/// A meeting type's slot rules, as the administrator set them, and the ways of meeting it is
/// offered in.
pub async fn meeting_type(
    store: &Store,
    code: &str,
) -> Result<(SlotRules, Vec<Channel>), AppError> {
    let types = store.list_meeting_types().await?;
    let kind = types
        .iter()
        .find(|t| t.code == code)
        .ok_or_else(|| AppError::internal(format!("meeting type {code} is missing")))?;
    Ok((
        SlotRules {
            length: Duration::minutes(kind.minutes),
            buffer: Duration::minutes(kind.buffer_minutes),
            notice: Duration::minutes(kind.notice_minutes),
            horizon: Duration::days(kind.horizon_days),
            ..SlotRules::first_meeting()
        },
        kind.channels.clone(),
    ))
}

/// What the seeker asked for, in matching's terms.
pub fn wish(profile: &SeekerProfile, channel: Channel, office_id: Option<i64>) -> Wish {
    Wish {
        fields: profile
            .fields
            .iter()
            .filter_map(|f| FieldCode::parse(f).ok())
            .collect(),
        language: LanguageCode::parse(&profile.preferred_language).unwrap_or(LanguageCode::Sv),
        interpreter: profile
            .interpreter_language
            .as_deref()
            .and_then(LanguageCode::parse),
        channel,
        office_id: (channel == Channel::Office).then_some(office_id).flatten(),
    }
}

/// The times to offer the seeker for meeting this way. When `moving` names one of their
/// bookings, its own time counts as free and its counsellor is kept where possible; a
/// follow-up keeps its counsellor (and for a visit, their office) and its meeting type's
/// length.
#[tracing::instrument(skip_all, fields(seeker_id = profile.id, ?channel, ?office_id))]
pub async fn picker(
    store: &Store,
    profile: &SeekerProfile,
    channel: Channel,
    office_id: Option<i64>,
    moving: Option<&BookingRow>,
    now: DateTime<Utc>,
) -> Result<Picker, AppError> {
    let follow_up = moving.filter(|b| !b.is_first);
    let code = follow_up.map_or(FIRST_MEETING, |b| b.meeting_type.as_str());
    let mut rows = store.list_counsellors().await?;
    let mut office_id = office_id;
    if let Some(b) = follow_up {
        rows.retain(|c| c.id == b.counsellor_id);
        if channel == Channel::Office {
            office_id = rows.first().map(|c| c.office_id);
        }
    }
    let search = Search {
        code,
        wish: wish(profile, channel, office_id),
        rows,
        moving,
        // The follow-up's counsellor is the one to meet, whatever their fields.
        fixed: follow_up.is_some(),
    };
    offer_times(store, search, now).await
}

/// Whom and what a picker searches: the meeting type, what the person asked for (the way
/// of meeting, for a visit the office, the fields), the counsellors who may meet them, and
/// the booking being moved.
pub struct Search<'a> {
    pub code: &'a str,
    pub wish: Wish,
    pub rows: Vec<CounsellorRow>,
    pub moving: Option<&'a BookingRow>,
    /// Only these counsellors, whatever they know: no note that others were offered.
    pub fixed: bool,
}

/// The times the counsellors of `search` have for its meeting type, ranked by field
/// knowledge and widened to the others when those who know the field cannot meet soon.
pub async fn offer_times(
    store: &Store,
    search: Search<'_>,
    now: DateTime<Utc>,
) -> Result<Picker, AppError> {
    let Search {
        code,
        wish,
        mut rows,
        moving,
        fixed,
    } = search;
    let channel = wish.channel;
    let office_id = wish.office_id;
    let (rules, offered) = meeting_type(store, code).await?;
    if !offered.contains(&channel) {
        return Err(AppError::Conflict(Rule::ChannelNotOffered));
    }
    // An office that takes no visits offers no times to meet there.
    if channel == Channel::Office {
        let visits = store.visit_office_ids().await?;
        if !office_id.is_some_and(|o| visits.contains(&o)) {
            rows.clear();
        }
    }
    let counsellors: Vec<Counsellor> = rows
        .iter()
        .map(|c| Counsellor {
            id: c.id,
            office_id: c.office_id,
            fields: c
                .fields
                .iter()
                .filter_map(|f| FieldCode::parse(f).ok())
                .collect(),
            languages: c
                .languages
                .iter()
                .filter_map(|l| LanguageCode::parse(l))
                .collect(),
            channels: c.channels.clone(),
            week_bookings: 0,
        })
        .collect();
    // The reception's room is counted in, so that "soon" counts only times that can be booked.
    let FreeTimes {
        free,
        closed,
        starts,
        office,
    } = free_times(
        store,
        &rows,
        SlotSearch {
            channel,
            visit_office: office_id,
            rules,
            leave_out: moving.map(|b| b.id),
            now,
        },
    )
    .await?;
    let soon = working_days_after(
        stockholm_date(now),
        SOON_WORKING_DAYS,
        office_id.unwrap_or_default(),
        &closed,
    );
    let mut offer = build_offer(
        &wish,
        &counsellors,
        &free,
        &starts,
        moving.map(|b| b.counsellor_id),
        soon,
    );
    if let Some((_, capacity, load)) = &office {
        offer = capacity.apply(offer, load);
    }
    if fixed {
        offer.fallback = false;
    }
    let ranking = rank(&wish, &counsellors);
    let mut eligible = ranking.counsellors;
    if offer.widened {
        eligible.extend(ranking.others);
    }
    let free: HashMap<i64, Vec<Span>> = free
        .into_iter()
        .filter(|(id, _)| eligible.contains(id))
        .collect();
    let names = rows
        .into_iter()
        .map(|c| (c.id, format!("{} {}", c.first_name, c.last_name)))
        .collect();
    Ok(Picker {
        offer,
        names,
        free,
        office,
        rules,
    })
}

/// The picker's days and times as a page shows them; with `taken`, the nearest free times
/// to the one that was taken.
pub fn times_view(picker: &Picker, taken: Option<DateTime<Utc>>) -> TimesView {
    let time_view = |t: &OfferedTime| TimeView {
        value: SlotChoice {
            counsellor_id: t.counsellor_id,
            start: t.slot.start,
        }
        .as_value(),
        start: t.slot.start,
        counsellor: picker
            .names
            .get(&t.counsellor_id)
            .cloned()
            .unwrap_or_default(),
    };
    TimesView {
        days: picker
            .offer
            .days
            .iter()
            .map(|d| DayView {
                date: Day(d.date),
                quiet: d.quiet,
                times: d.times.iter().map(time_view).collect(),
            })
            .collect(),
        suggested_day: picker.offer.suggested_day().map(Day),
        minutes: picker.rules.length.num_minutes(),
        fallback: picker.offer.fallback,
        widened: picker.offer.widened,
        nearest: taken
            .map(|wanted| {
                picker
                    .offer
                    .nearest(wanted, super::booking::NEAREST)
                    .iter()
                    .map(time_view)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// An office's capacity and the visits booked there from a day before `from` to `to` (the
/// meeting being moved, if any, left out).
pub async fn office_load(
    store: &Store,
    office_id: i64,
    opening: &OpeningHours,
    leave_out: Option<i64>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<(Capacity, VisitLoad), AppError> {
    let setting = store.office_capacity(office_id).await?;
    let capacity = Capacity::new(setting.per_hour, setting.target_percent, opening);
    let moving_start = match leave_out {
        Some(id) => store.booking(id).await?.map(|b| b.starts_at),
        None => None,
    };
    let mut starts = store
        .office_visit_starts(office_id, from - Duration::days(1), to)
        .await?;
    if let Some(t) = moving_start {
        if let Some(i) = starts.iter().position(|s| *s == t) {
            starts.remove(i);
        }
    }
    Ok((capacity, VisitLoad::from_starts(starts)))
}

/// An office's weekly opening hours (none when there is no such office).
pub async fn opening_hours(store: &Store, office_id: i64) -> Result<OpeningHours, AppError> {
    Ok(store
        .list_offices()
        .await?
        .into_iter()
        .find(|o| o.id == office_id)
        .map(|o| o.opening_hours)
        .unwrap_or_default())
}

/// When the office of a visit opens on the visit's day (check-in opens no earlier), from the
/// offices a page has already read; `None` for a meeting that is not a visit, or an office
/// without hours that day.
pub fn visit_office_opens(b: &BookingRow, offices: &[OfficeSummary]) -> Option<DateTime<Utc>> {
    match (b.channel, b.office_id) {
        (Channel::Office, Some(office)) => offices
            .iter()
            .find(|o| o.id == office)?
            .opening_hours
            .opens_on(stockholm_date(b.starts_at)),
        _ => None,
    }
}
