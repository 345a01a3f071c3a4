//! The counsellor's calendar (`/personal/kalender`): a week of meetings and open time.

use crate::{
    domain::{time::Day, Channel},
    error::AppError,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A meeting as the calendar shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarMeetingView {
    pub id: i64,
    pub seeker_name: String,
    pub meeting_sv: String,
    pub meeting_en: String,
    pub channel: Channel,
    pub status: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSpan {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub date: Day,
    pub meetings: Vec<CalendarMeetingView>,
    pub open: Vec<OpenSpan>,
}

/// A colleague whose calendar can be opened instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub counsellor_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarWeek {
    pub counsellor_id: i64,
    pub owner_name: String,
    /// Whether this is the signed-in counsellor's own calendar.
    pub own: bool,
    pub colleagues: Vec<Colleague>,
    pub monday: Day,
    /// Today in Stockholm, read by the server once for the page (never while rendering).
    pub today: Day,
    /// Monday to Sunday.
    pub days: Vec<CalendarDay>,
}

pub const CALENDAR_PAGE: &str = "/personal/kalender";

/// A week of a counsellor's calendar: the signed-in counsellor's own unless `counsellor`
/// names a colleague they may see; the week of `week` (any day of it, `YYYY-MM-DD`) or this
/// week. An unreadable `week` is this week.
#[server(name = LoadCalendarWeek, prefix = "/api", endpoint = "personal/kalender/vecka")]
pub async fn load_calendar_week(
    #[server(default)] week: String,
    #[server(default)] counsellor: Option<i64>,
) -> Result<CalendarWeek, AppError> {
    use crate::{
        domain::{
            staff::CalendarOwner,
            time::{parse_iso_date, stockholm_date, stockholm_to_utc},
        },
        ssr::{http, services::staff::allow, AppState},
    };
    use chrono::{Datelike, Days, NaiveTime};

    let state = AppState::from_context()?;
    let me = http::staff(&state, CALENDAR_PAGE).await?;
    let store = &state.store;
    let office = me.member.office_id;
    let counsellor_id = match (counsellor, me.member.counsellor_id, office) {
        (Some(id), _, _) => id,
        (None, Some(own), _) => own,
        // Managers and administrators start with the office's first counsellor.
        (None, None, Some(office)) => store
            .office_counsellors(office)
            .await?
            .first()
            .map(|c| c.id)
            .ok_or(AppError::NotFound)?,
        (None, None, None) => return Err(AppError::NotFound),
    };
    let owner = store
        .calendar_owner(counsellor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    allow(
        me.member.may_view_calendar(CalendarOwner {
            counsellor_id,
            office_id: owner.office_id,
        }),
        &me.member,
        "calendar",
    )?;

    let today = stockholm_date(Utc::now());
    let day = parse_iso_date(&week).unwrap_or(today);
    let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
    let midnight = NaiveTime::MIN;
    let from = stockholm_to_utc(monday, midnight).ok_or(AppError::NotFound)?;
    let to = stockholm_to_utc(monday + Days::new(7), midnight).ok_or(AppError::NotFound)?;
    let meetings = store.calendar_meetings(counsellor_id, from, to).await?;
    let open = store.list_availability(counsellor_id, from, to).await?;

    let days = (0..7)
        .map(|offset| {
            let date = monday + Days::new(offset);
            CalendarDay {
                date: Day(date),
                meetings: meetings
                    .iter()
                    .filter(|m| stockholm_date(m.starts_at) == date)
                    .filter_map(|m| {
                        Some(CalendarMeetingView {
                            id: m.id,
                            seeker_name: format!("{} {}", m.seeker_first_name, m.seeker_last_name),
                            meeting_sv: m.meeting_name_sv.clone(),
                            meeting_en: m.meeting_name_en.clone(),
                            channel: m.channel.parse().ok()?,
                            status: m.status.clone(),
                            starts_at: m.starts_at,
                            ends_at: m.ends_at,
                        })
                    })
                    .collect(),
                open: open
                    .iter()
                    .filter(|a| stockholm_date(a.starts_at) == date)
                    .map(|a| OpenSpan {
                        id: a.id,
                        starts_at: a.starts_at,
                        ends_at: a.ends_at,
                    })
                    .collect(),
            }
        })
        .collect();
    let colleagues = store
        .office_counsellors(owner.office_id)
        .await?
        .into_iter()
        .map(|c| Colleague {
            counsellor_id: c.id,
            name: format!("{} {}", c.first_name, c.last_name),
        })
        .collect();
    Ok(CalendarWeek {
        counsellor_id,
        owner_name: format!("{} {}", owner.first_name, owner.last_name),
        own: me.member.counsellor_id == Some(counsellor_id),
        colleagues,
        monday: Day(monday),
        today: Day(today),
        days,
    })
}
