//! The office's flow: its day at reception, its load against capacity, the capacity itself,
//! arrivals. Each function checks who is asking.

use crate::domain::{BookingStatus, Rule};
use crate::{
    domain::{
        arrival::{check_in, waited_minutes, CheckIn, Undo, UNDO_WITHIN},
        capacity::{load_grid, receives, shown_hours, CapacityForm, CapacitySetting},
        closed_days::ClosedDays,
        field_error::FieldErrors,
        staff::StaffMember,
        time::{iso_date, stockholm_date, stockholm_to_utc, Day},
        Channel,
    },
    error::AppError,
    paths,
    ssr::{
        services::{
            picker::{office_load, opening_hours, visit_office_opens},
            staff::allow,
        },
        store::{ArrivalBy, AuditEntry, Store, StoreError, VisitRow},
    },
    views::office::{LoadDay, OfficeView, ReceptionVisit},
};
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};

/// How many weeks ahead the load view shows.
pub const LOAD_WEEKS: u64 = 4;

/// The office the page is about: the member's own, or for an administrator the one asked
/// for (else the first). `Forbidden` for another office than one's own.
pub(super) async fn office_for(
    store: &Store,
    member: &StaffMember,
    requested: Option<i64>,
) -> Result<(i64, String, Vec<(i64, String)>), AppError> {
    let all = store.list_offices().await?;
    let id = match (requested, member.office_id) {
        (Some(id), _) => id,
        (None, Some(own)) => own,
        (None, None) => all.first().map(|o| o.id).ok_or(AppError::NotFound)?,
    };
    let name = all
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.name.clone())
        .ok_or(AppError::NotFound)?;
    allow(member.may_view_office(id), member, "view office")?;
    let choices = if member.office_id.is_none() {
        all.into_iter().map(|o| (o.id, o.name)).collect()
    } else {
        Vec::new()
    };
    Ok((id, name, choices))
}

/// Refuses unless `member` manages the office.
pub async fn may_manage(store: &Store, member: &StaffMember, office: i64) -> Result<(), AppError> {
    if !store.list_offices().await?.iter().any(|o| o.id == office) {
        return Err(AppError::NotFound);
    }
    allow(member.may_manage_office(office), member, "manage office")
}

pub(super) fn day_start(date: NaiveDate) -> Result<DateTime<Utc>, AppError> {
    stockholm_to_utc(date, NaiveTime::MIN)
        .ok_or_else(|| AppError::internal("a day without midnight"))
}

/// The fingerprint of today's visits at an office: each visit with its arrival and fetch.
/// Changes whenever reception, a visitor or a counsellor marks something.
fn pulse_of(visits: &[VisitRow]) -> String {
    visits
        .iter()
        .map(|v| {
            format!(
                "{}:{}:{}",
                v.id,
                v.arrived_at.map_or(0, |t| t.timestamp()),
                v.received_at.map_or(0, |t| t.timestamp())
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Today's visits at `office_id`, Stockholm time.
async fn todays_visits(
    store: &Store,
    office_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<VisitRow>, AppError> {
    let today = stockholm_date(now);
    let from = day_start(today)?;
    let tomorrow = day_start(today + Days::new(1))?;
    Ok(store.office_visits(office_id, from, tomorrow).await?)
}

/// The pulse of an office whose day `member` may see.
#[tracing::instrument(skip_all, fields(staff_id = member.id, office_id = office_id))]
pub async fn pulse(
    store: &Store,
    member: &StaffMember,
    office_id: i64,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    allow(member.may_view_office(office_id), member, "office pulse")?;
    Ok(pulse_of(&todays_visits(store, office_id, now).await?))
}

/// The pulse of an office, without an access check: for a page whose own check covers it
/// (a calendar of one of the office's counsellors).
pub async fn pulse_unchecked(
    store: &Store,
    office_id: i64,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    Ok(pulse_of(&todays_visits(store, office_id, now).await?))
}

#[tracing::instrument(skip_all, fields(staff_id = member.id, ?requested))]
pub async fn view(
    store: &Store,
    member: &StaffMember,
    requested: Option<i64>,
    now: DateTime<Utc>,
) -> Result<OfficeView, AppError> {
    let (office_id, office_name, offices) = office_for(store, member, requested).await?;
    let today = stockholm_date(now);
    let visits = todays_visits(store, office_id, now).await?;
    let pulse = pulse_of(&visits);
    let today_list = visits
        .into_iter()
        .map(|v| ReceptionVisit {
            id: v.id,
            starts_at: v.starts_at,
            visitor: format!("{} {}", v.visitor_first_name, v.visitor_last_name),
            organisation: v.organisation,
            counsellor: format!("{} {}", v.counsellor_first_name, v.counsellor_last_name),
            arrived_at: v.arrived_at,
            received_at: v.received_at,
            waited_minutes: v
                .arrived_at
                .map(|a| waited_minutes(a, v.starts_at, v.received_at.unwrap_or(now))),
            undo: Undo::open(v.arrived_at, v.received_at, now),
            href: format!(
                "{}?vy=dag&dag={}&radgivare={}&mote={}",
                paths::CALENDAR,
                iso_date(today),
                v.counsellor_id,
                v.id
            ),
        })
        .collect();
    // Weekdays from today, four weeks on: the days gone by this week are not "coming".
    let dates: Vec<NaiveDate> = (0..LOAD_WEEKS * 7)
        .map(|d| today + Days::new(d))
        .filter(|d| d.weekday().num_days_from_monday() < 5)
        .collect();
    let start = day_start(today)?;
    let end = day_start(today + Days::new(LOAD_WEEKS * 7))?;
    let opening = opening_hours(store, office_id).await?;
    let (capacity, load) =
        office_load(store, office_id, &opening, None, start + Days::new(1), end).await?;
    let closed = ClosedDays::new(
        store
            .office_closures(today, today + Days::new(LOAD_WEEKS * 7))
            .await?
            .into_iter()
            .map(|(office, day, _)| (office, day)),
    );
    let hours = shown_hours(&opening, &load, &dates);
    let grid = load_grid(&capacity, &load, &dates, hours.clone(), |d, h| {
        receives(&opening, &closed, office_id, d, h)
    });
    let days = dates
        .iter()
        .zip(grid)
        .map(|(date, cells)| {
            // A day the office is closed has no capacity to fill.
            let open = !closed.is_closed(office_id, *date);
            LoadDay {
                date: Day(*date),
                booked: cells.iter().map(|c| c.booked).sum(),
                target: capacity.day_target(*date).filter(|_| open),
                capacity: capacity.day_capacity(*date).filter(|_| open),
                cells,
            }
        })
        .collect();
    let setting = store.office_capacity(office_id).await?;
    Ok(OfficeView {
        office_id,
        office_name,
        offices,
        may_manage: member.may_manage_office(office_id),
        now,
        today: today_list,
        hours: hours.collect(),
        days,
        capacity: CapacityForm::from_setting(&setting),
        capacity_errors: FieldErrors::new(),
        saved: false,
        pulse,
    })
}

#[tracing::instrument(skip_all, fields(staff_id = member.id, office = office))]
pub async fn save_capacity(
    store: &Store,
    member: &StaffMember,
    office: i64,
    setting: &CapacitySetting,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    may_manage(store, member, office).await?;
    let before = store.office_capacity(office).await?;
    let audit = AuditEntry {
        staff_id: member.id,
        action: "office.capacity",
        subject: format!("office:{office}"),
        before: capacity_summary(&before),
        after: capacity_summary(setting),
    };
    store
        .set_office_capacity(office, setting, Some((&audit, now)))
        .await?;
    tracing::info!(staff = member.id, office, "office capacity changed");
    Ok(())
}

/// The office of a live office visit, if `member` may act on it.
async fn visit_office(
    store: &Store,
    member: &StaffMember,
    booking_id: i64,
) -> Result<i64, AppError> {
    let b = store.booking(booking_id).await?.ok_or(AppError::NotFound)?;
    let office = match (b.channel, b.office_id) {
        (Channel::Office, Some(office)) => office,
        _ => return Err(AppError::Conflict(Rule::NotAVisit)),
    };
    allow(member.may_mark_arrival(office), member, "mark arrival")?;
    Ok(office)
}

/// Reception marks the visitor as arrived; returns the office.
#[tracing::instrument(skip_all, fields(staff_id = member.id, booking_id = booking_id))]
pub async fn mark_arrival(
    store: &Store,
    member: &StaffMember,
    booking_id: i64,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let office = visit_office(store, member, booking_id).await?;
    match store
        .mark_arrived(booking_id, ArrivalBy::Staff(member.id), now)
        .await
    {
        Err(StoreError::NotFound) => Err(AppError::Conflict(Rule::NotAVisit)),
        other => other.map(drop).map_err(Into::into),
    }?;
    Ok(office)
}

/// The visitor was fetched; returns the office.
#[tracing::instrument(skip_all, fields(staff_id = member.id, booking_id = booking_id))]
pub async fn mark_received(
    store: &Store,
    member: &StaffMember,
    booking_id: i64,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let office = visit_office(store, member, booking_id).await?;
    match store.mark_received(booking_id, now).await {
        Err(StoreError::NotFound) => Err(AppError::Conflict(Rule::NotArrived)),
        other => other.map(drop).map_err(Into::into),
    }?;
    Ok(office)
}

/// Takes back a mark at reception made within the last minute; returns the office.
#[tracing::instrument(skip_all, fields(staff_id = member.id, booking_id = booking_id))]
pub async fn undo_mark(
    store: &Store,
    member: &StaffMember,
    booking_id: i64,
    what: Undo,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let office = visit_office(store, member, booking_id).await?;
    match store.undo_mark(booking_id, what, now - UNDO_WITHIN).await {
        Err(StoreError::NotFound) => Err(AppError::Conflict(Rule::UndoClosed)),
        other => other.map_err(Into::into),
    }?;
    Ok(office)
}

/// The seeker says "Jag är här" for their own visit; only within the hour before it and
/// until it ends.
#[tracing::instrument(skip_all, fields(seeker_id = seeker_id, booking_id = booking_id))]
pub async fn check_in_seeker(
    store: &Store,
    seeker_id: i64,
    booking_id: i64,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, AppError> {
    let b = store
        .booking(booking_id)
        .await?
        .filter(|b| b.seeker_id == Some(seeker_id))
        .ok_or(AppError::NotFound)?;
    if b.channel != Channel::Office || b.status != BookingStatus::Booked {
        return Err(AppError::Conflict(Rule::NotAVisit));
    }
    let office_opens = visit_office_opens(&b, &store.list_offices().await?);
    match check_in(b.starts_at, b.ends_at, None, office_opens, now) {
        CheckIn::Open => Ok(store
            .mark_arrived(booking_id, ArrivalBy::Seeker(seeker_id), now)
            .await?),
        _ => Err(AppError::Conflict(Rule::CheckInClosed)),
    }
}

/// A capacity in one line, for the audit trail: visitors an hour Monday to Sunday (– where
/// not limited) and the target.
fn capacity_summary(c: &CapacitySetting) -> String {
    let days: Vec<String> = c
        .per_hour
        .iter()
        .map(|n| n.map_or("–".to_owned(), |n| n.to_string()))
        .collect();
    format!("{} per timme; mål {} %", days.join("/"), c.target_percent)
}
