//! Absences and trainings: recording one takes the open time inside it away and lists the
//! booked meetings still in it; those meetings stay listed (and tagged in the calendar) until
//! each is moved or cancelled. An absence can be shortened or removed; the open time it took
//! is not put back silently: the page says which days came free and offers to lay the working
//! hours out on them.

use crate::paths;
use crate::{
    domain::{
        field_error::{FieldError, FieldErrors},
        staff::StaffMember,
        time::{stockholm_date, Day},
        work_hours::{freed_days, AbsenceForm, ShortenForm},
        BookingStatus,
    },
    error::AppError,
    ssr::{
        services::{staff::may_plan, work_hours::midnight},
        store::{Store, StoreError},
    },
    views::work_hours::Collision,
};
use chrono::{DateTime, Days, Utc};

/// The counsellor's booked meetings in `[from, to)`, each linked to its panel in the calendar.
pub async fn in_the_way(
    store: &Store,
    counsellor_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Collision>, AppError> {
    if from >= to {
        return Ok(Vec::new());
    }
    Ok(store
        .calendar_meetings(counsellor_id, from, to)
        .await?
        .into_iter()
        .filter(|m| m.status == BookingStatus::Booked)
        .map(|m| Collision {
            starts_at: m.starts_at,
            seeker: m.who.clone(),
            href: paths::meeting_in_calendar(stockholm_date(m.starts_at), counsellor_id, m.id),
        })
        .collect())
}

/// Records an absence (whole days), removes the open time in it, and lists the booked
/// meetings still in it.
#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = counsellor_id))]
pub async fn add(
    store: &Store,
    me: &StaffMember,
    counsellor_id: i64,
    form: &AbsenceForm,
    now: DateTime<Utc>,
) -> Result<(u64, Vec<Collision>), AppError> {
    may_plan(store, me, counsellor_id).await?;
    let absence = form.parse().map_err(AppError::Validation)?;
    if absence.to < stockholm_date(now) {
        return Err(AppError::Validation(FieldErrors::from([(
            "to".to_owned(),
            FieldError::DateInPast,
        )])));
    }
    let (start, end) = (
        midnight(absence.from)?,
        midnight(absence.to + Days::new(1))?,
    );
    let removed = store
        .add_absence(
            counsellor_id,
            absence.kind.as_str(),
            start,
            end,
            &absence.note,
            now,
        )
        .await?;
    let collisions = in_the_way(store, counsellor_id, start, end).await?;
    Ok((removed, collisions))
}

/// The days that came free, and those of them open time can still be laid out on (from
/// tomorrow).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freed {
    pub days: Vec<(Day, Day)>,
    pub to_lay_out: Vec<(Day, Day)>,
}

/// Shortens an absence to `form`'s days, or removes it (`remove`).
#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = counsellor_id, absence_id = absence_id))]
pub async fn change(
    store: &Store,
    me: &StaffMember,
    counsellor_id: i64,
    absence_id: i64,
    form: &ShortenForm,
    remove: bool,
    now: DateTime<Utc>,
) -> Result<Freed, AppError> {
    may_plan(store, me, counsellor_id).await?;
    let absence = store
        .absence_by_id(absence_id)
        .await?
        .filter(|a| a.counsellor_id == counsellor_id)
        .ok_or(AppError::NotFound)?;
    let old = (
        stockholm_date(absence.starts_at),
        stockholm_date(absence.ends_at) - Days::new(1),
    );
    let new = if remove {
        None
    } else {
        Some(form.parse(old.0, old.1).map_err(AppError::Validation)?)
    };
    let result = match new {
        None => store.remove_absence(absence_id).await,
        Some((from, to)) => {
            store
                .change_absence(absence_id, midnight(from)?, midnight(to + Days::new(1))?)
                .await
        }
    };
    match result {
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    }
    let tomorrow = stockholm_date(now) + Days::new(1);
    let days = freed_days(old, new);
    let to_lay_out = days
        .iter()
        .filter(|(_, to)| *to >= tomorrow)
        .map(|(from, to)| (Day((*from).max(tomorrow)), Day(*to)))
        .collect();
    Ok(Freed {
        days: days.into_iter().map(|(f, t)| (Day(f), Day(t))).collect(),
        to_lay_out,
    })
}
