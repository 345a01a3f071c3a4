//! Working hours, the open time they generate, and absences, for whoever may plan the
//! counsellor's calendar.

use crate::paths;
use crate::{
    domain::{
        field_error::{FieldError, FieldErrors},
        open_time::{clock_text, parse_clock},
        schedule::Span,
        staff::StaffMember,
        time::{parse_iso_date, stockholm_date, stockholm_to_utc, Day},
        work_hours::{AbsenceForm, WorkHours, WorkHoursForm},
        BookingStatus,
    },
    error::AppError,
    ssr::{services::staff::may_plan, store::Store},
    views::work_hours::{AbsenceView, Collision, WorkHoursView},
};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

/// The most weeks one generation covers.
pub const MAX_WEEKS: u64 = 12;

async fn stored_hours(store: &Store, counsellor_id: i64) -> Result<WorkHours, AppError> {
    let rows = store.work_hours(counsellor_id).await?;
    let spans = rows
        .iter()
        .filter_map(|(d, s, e)| Some((u32::try_from(*d).ok()?, parse_clock(s)?, parse_clock(e)?)))
        .collect();
    Ok(WorkHours { spans })
}

fn midnight(date: NaiveDate) -> Result<DateTime<Utc>, AppError> {
    stockholm_to_utc(date, NaiveTime::MIN).ok_or(AppError::Internal)
}

#[tracing::instrument(skip_all, fields(staff_id = me.id, ?counsellor))]
pub async fn view(
    store: &Store,
    me: &StaffMember,
    counsellor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<WorkHoursView, AppError> {
    let counsellor_id = super::staff::counsellor_to_show(store, me, counsellor).await?;
    let owner = may_plan(store, me, counsellor_id).await?;
    let hours = stored_hours(store, counsellor_id).await?.form();
    let absences = store
        .absences(counsellor_id, now)
        .await?
        .into_iter()
        .map(|a| AbsenceView {
            kind: a.kind,
            from: Day(stockholm_date(a.starts_at)),
            to: Day(stockholm_date(a.ends_at) - Days::new(1)),
            note: a.note,
        })
        .collect();
    Ok(WorkHoursView {
        counsellor_id,
        counsellor_name: format!("{} {}", owner.first_name, owner.last_name),
        own: me.counsellor_id == Some(counsellor_id),
        hours,
        absences,
        tomorrow: Day(stockholm_date(now) + Days::new(1)),
        refused: None,
        done: None,
    })
}

#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = counsellor_id))]
pub async fn save(
    store: &Store,
    me: &StaffMember,
    counsellor_id: i64,
    form: &WorkHoursForm,
) -> Result<(), AppError> {
    may_plan(store, me, counsellor_id).await?;
    let hours = form.parse().map_err(AppError::Validation)?;
    let rows: Vec<(i64, String, String)> = hours
        .spans
        .iter()
        .map(|(d, s, e)| (i64::from(*d), clock_text(*s), clock_text(*e)))
        .collect();
    Ok(store.replace_work_hours(counsellor_id, &rows).await?)
}

/// Open time from the working hours for `weeks` weeks from `from`, around what is there
/// already and around absences. Returns how many spans were made.
#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = counsellor_id))]
pub async fn generate(
    store: &Store,
    me: &StaffMember,
    counsellor_id: i64,
    from: &str,
    weeks: &str,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    may_plan(store, me, counsellor_id).await?;
    let tomorrow = stockholm_date(now) + Days::new(1);
    let mut errors = FieldErrors::new();
    let from = match parse_iso_date(from) {
        None => {
            errors.insert("from".into(), FieldError::Date);
            None
        }
        Some(d) if d < tomorrow => {
            errors.insert("from".into(), FieldError::DateInPast);
            None
        }
        d => d,
    };
    let weeks = match weeks.trim().parse::<u64>() {
        Ok(w) if (1..=MAX_WEEKS).contains(&w) => Some(w),
        _ => {
            errors.insert("weeks".into(), FieldError::Choice);
            None
        }
    };
    let (Some(from), Some(weeks)) = (from, weeks) else {
        return Err(AppError::Validation(errors));
    };
    let hours = stored_hours(store, counsellor_id).await?;
    let until = from + Days::new(weeks * 7);
    let (start, end) = (midnight(from)?, midnight(until)?);
    let mut taken: Vec<Span> = store
        .list_availability(counsellor_id, start, end)
        .await?
        .iter()
        .filter_map(|a| Span::new(a.starts_at, a.ends_at))
        .collect();
    taken.extend(
        store
            .absences(counsellor_id, start)
            .await?
            .iter()
            .filter_map(|a| Span::new(a.starts_at, a.ends_at)),
    );
    let plan = hours.plan(from.iter_days().take_while(|d| *d < until), &taken);
    let spans: Vec<_> = plan
        .iter()
        .map(|s| (counsellor_id, s.start, s.end))
        .collect();
    store.insert_availability(&spans).await?;
    Ok(spans.len())
}

/// Records an absence (whole days), removes the open time in it, and lists the booked
/// meetings still in it.
#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = counsellor_id))]
pub async fn absence(
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
    let collisions = store
        .calendar_meetings(counsellor_id, start, end)
        .await?
        .into_iter()
        .filter(|m| m.status == BookingStatus::Booked)
        .map(|m| Collision {
            starts_at: m.starts_at,
            seeker: format!("{} {}", m.seeker_first_name, m.seeker_last_name),
            href: format!(
                "{}?dag={}&radgivare={counsellor_id}&mote={}#mote",
                paths::CALENDAR,
                stockholm_date(m.starts_at),
                m.id
            ),
        })
        .collect();
    Ok((removed, collisions))
}
