//! Puts a calendar view together: which counsellor and days, their meetings and open time,
//! and what the signed-in staff member may change.

use crate::paths;
use crate::{
    domain::{
        arrival::waited_minutes,
        holidays::holiday_on,
        open_time::{minute_of_day, DAY_ENDS, DAY_STARTS},
        staff::{CalendarOwner, StaffMember},
        time::{parse_iso_date, stockholm_date, stockholm_to_utc, Day},
        BookingStatus,
    },
    error::AppError,
    paths::CalendarMode,
    ssr::{services::staff::allow, store::Store},
    views::calendar::{
        Away, Board, BoardArrival, BoardColumn, BoardMeeting, BoardOpen, CalendarView, ClosedDay,
        Colleague, RefusedOpenTime, ToReport,
    },
};
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};

/// The calendar page's address, read.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Any day of the week to show (`YYYY-MM-DD`).
    pub week: String,
    /// The day to show (`YYYY-MM-DD`); set, it makes a day view.
    pub day: String,
    pub counsellor: Option<i64>,
    /// With `day`: the whole office side by side.
    pub office: bool,
    pub weekend: bool,
}

#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn view(
    store: &Store,
    me: &StaffMember,
    q: Query,
    refused: Option<RefusedOpenTime>,
    now: DateTime<Utc>,
) -> Result<CalendarView, AppError> {
    let counsellor_id = super::staff::counsellor_to_show(store, me, q.counsellor).await?;
    let owner = store
        .calendar_owner(counsellor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let office_id = owner.office_id;
    allow(
        me.may_view_calendar(CalendarOwner {
            counsellor_id,
            office_id,
        }),
        me,
        "calendar",
    )?;

    let today = stockholm_date(now);
    let (mode, day) = match (parse_iso_date(&q.day), q.day.is_empty()) {
        (day, false) => (
            if q.office {
                CalendarMode::Office
            } else {
                CalendarMode::Day
            },
            day.unwrap_or(today),
        ),
        (_, true) => (CalendarMode::Week, parse_iso_date(&q.week).unwrap_or(today)),
    };
    let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
    let colleagues = store.office_counsellors(office_id).await?;
    let may_plan = |id: i64| {
        me.may_plan_calendar(CalendarOwner {
            counsellor_id: id,
            office_id,
        })
    };
    let mut columns: Vec<BoardColumn> = match mode {
        CalendarMode::Week => (0..if q.weekend { 7 } else { 5 })
            .map(|offset| BoardColumn {
                counsellor_id,
                date: Day(monday + Days::new(offset)),
                counsellor_name: None,
                editable: may_plan(counsellor_id),
                closed: None,
                away: None,
            })
            .collect(),
        CalendarMode::Day => vec![BoardColumn {
            counsellor_id,
            date: Day(day),
            counsellor_name: None,
            editable: may_plan(counsellor_id),
            closed: None,
            away: None,
        }],
        CalendarMode::Office => colleagues
            .iter()
            .map(|c| BoardColumn {
                counsellor_id: c.id,
                date: Day(day),
                counsellor_name: Some(format!("{} {}", c.first_name, c.last_name)),
                editable: may_plan(c.id),
                closed: None,
                away: None,
            })
            .collect(),
    };
    mark_closed_days(store, office_id, &mut columns).await?;
    mark_absences(store, &mut columns).await?;

    let back = paths::calendar(mode, day, counsellor_id, q.weekend);
    let mut board = Board {
        columns,
        meetings: Vec::new(),
        open: Vec::new(),
        now: (DAY_STARTS..DAY_ENDS)
            .contains(&minute_of_day(now))
            .then(|| (Day(today), minute_of_day(now))),
        refused,
        back: back.clone(),
    };
    fill(store, &mut board, &back, now).await?;
    let to_report = store
        .unreported(counsellor_id, now)
        .await?
        .into_iter()
        .map(|b| ToReport {
            starts_at: b.starts_at,
            who: b.who.clone(),
            meeting_sv: b.meeting_name_sv,
            meeting_en: b.meeting_name_en,
            href: format!(
                "{}&mote={}#mote",
                paths::calendar(
                    CalendarMode::Day,
                    stockholm_date(b.starts_at),
                    counsellor_id,
                    false
                ),
                b.id
            ),
        })
        .collect();

    Ok(CalendarView {
        mode,
        counsellor_id,
        owner_name: format!("{} {}", owner.first_name, owner.last_name),
        own: me.counsellor_id == Some(counsellor_id),
        colleagues: colleagues
            .into_iter()
            .map(|c| Colleague {
                counsellor_id: c.id,
                name: format!("{} {}", c.first_name, c.last_name),
            })
            .collect(),
        day: Day(day),
        monday: Day(monday),
        today: Day(today),
        weekend: q.weekend,
        board,
        to_report,
        office_id,
        pulse: super::office::pulse_unchecked(store, office_id, now).await?,
    })
}

/// Midnight to midnight of a Stockholm day, in UTC.
fn whole_day(date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    Some((
        stockholm_to_utc(date, NaiveTime::MIN)?,
        stockholm_to_utc(date + Days::new(1), NaiveTime::MIN)?,
    ))
}

/// Minutes since midnight, kept within the hours the board shows.
fn on_board(instant: DateTime<Utc>, date: NaiveDate) -> u32 {
    if stockholm_date(instant) < date {
        DAY_STARTS
    } else if stockholm_date(instant) > date {
        DAY_ENDS
    } else {
        minute_of_day(instant).clamp(DAY_STARTS, DAY_ENDS)
    }
}

/// Each column's meetings and open time, read once per counsellor for all their days.
async fn fill(
    store: &Store,
    board: &mut Board,
    back: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut counsellors: Vec<i64> = board.columns.iter().map(|c| c.counsellor_id).collect();
    counsellors.dedup();
    let dates: Vec<NaiveDate> = board.columns.iter().map(|c| c.date.0).collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return Ok(());
    };
    let (from, _) = whole_day(*first).ok_or(AppError::NotFound)?;
    let (_, to) = whole_day(*last).ok_or(AppError::NotFound)?;
    for counsellor in counsellors {
        let meetings = store.calendar_meetings(counsellor, from, to).await?;
        let open = store.list_availability(counsellor, from, to).await?;
        for (column, col) in board.columns.iter().enumerate() {
            if col.counsellor_id != counsellor {
                continue;
            }
            let date = col.date.0;
            for m in meetings
                .iter()
                .filter(|m| stockholm_date(m.starts_at) == date)
            {
                board.meetings.push(BoardMeeting {
                    id: m.id,
                    column,
                    starts: on_board(m.starts_at, date),
                    ends: on_board(m.ends_at, date),
                    who: m.who.clone(),
                    employer: m.employer_id.is_some(),
                    meeting_sv: m.meeting_name_sv.clone(),
                    meeting_en: m.meeting_name_en.clone(),
                    channel: m.channel,
                    status: m.status,
                    href: format!("{back}&mote={}#mote", m.id),
                    awaiting_outcome: m.status == BookingStatus::Booked && m.ends_at <= now,
                    in_absence: col.away.is_some() && m.status == BookingStatus::Booked,
                    arrival: m.arrived_at.map(|at| BoardArrival {
                        at: minute_of_day(at),
                        waited: waited_minutes(at, m.starts_at, m.received_at.unwrap_or(now)),
                        fetched: m.received_at.is_some(),
                    }),
                });
            }
            for a in open.iter().filter(|a| stockholm_date(a.starts_at) == date) {
                board.open.push(BoardOpen {
                    id: a.id,
                    column,
                    starts: on_board(a.starts_at, date),
                    ends: on_board(a.ends_at, date),
                });
            }
        }
    }
    Ok(())
}

/// Marks the columns whose counsellor is away that day (absences are whole days).
async fn mark_absences(store: &Store, columns: &mut [BoardColumn]) -> Result<(), AppError> {
    let (Some(first), Some(last)) = (
        columns.iter().map(|c| c.date.0).min(),
        columns.iter().map(|c| c.date.0).max(),
    ) else {
        return Ok(());
    };
    let (from, _) = whole_day(first).ok_or(AppError::NotFound)?;
    let (_, to) = whole_day(last).ok_or(AppError::NotFound)?;
    let absences = store.absences_between(from, to).await?;
    for col in columns.iter_mut() {
        let Some((start, end)) = whole_day(col.date.0) else {
            continue;
        };
        col.away = absences
            .iter()
            .find(|a| {
                a.counsellor_id == col.counsellor_id && a.starts_at < end && start < a.ends_at
            })
            .map(|a| Away {
                training: a.kind == "training",
                note: a.note.clone(),
            });
    }
    Ok(())
}

/// Names the days on the board that nothing is offered: public holidays and the office's own
/// closed days.
async fn mark_closed_days(
    store: &Store,
    office_id: i64,
    columns: &mut [BoardColumn],
) -> Result<(), AppError> {
    let (Some(first), Some(last)) = (
        columns.iter().map(|c| c.date.0).min(),
        columns.iter().map(|c| c.date.0).max(),
    ) else {
        return Ok(());
    };
    let closures = store.office_closures(first, last).await?;
    for col in columns.iter_mut() {
        col.closed = holiday_on(col.date.0).map(ClosedDay::Holiday).or_else(|| {
            closures
                .iter()
                .find(|(office, day, _)| *office == office_id && *day == col.date.0)
                .map(|(_, _, reason)| ClosedDay::Office(reason.clone()))
        });
    }
    Ok(())
}
