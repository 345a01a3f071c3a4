//! Working hours, the open time they generate, and absences, for whoever may plan the
//! counsellor's calendar.

use crate::{
    domain::{
        field_error::{FieldError, FieldErrors},
        open_time::{clock_text, parse_clock},
        schedule::Span,
        staff::StaffMember,
        time::{parse_iso_date, stockholm_date, stockholm_to_utc, Day},
        work_hours::{merge_adjacent, WorkHours, WorkHoursForm},
    },
    error::AppError,
    ssr::{services::staff::may_plan, store::Store},
    views::work_hours::{AbsenceView, WorkHoursView},
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

pub(super) fn midnight(date: NaiveDate) -> Result<DateTime<Utc>, AppError> {
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
    let mut absences = Vec::new();
    for a in store.absences(counsellor_id, now).await? {
        absences.push(AbsenceView {
            id: a.id,
            kind: a.kind,
            from: Day(stockholm_date(a.starts_at)),
            to: Day(stockholm_date(a.ends_at) - Days::new(1)),
            note: a.note,
            in_the_way: super::absences::in_the_way(
                store,
                counsellor_id,
                a.starts_at.max(now),
                a.ends_at,
            )
            .await?,
        });
    }
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
/// already (joining the open time it touches) and around absences. Returns how many spans
/// were made or grown.
#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = counsellor_id))]
pub async fn generate(
    store: &Store,
    me: &StaffMember,
    counsellor_id: i64,
    from: &str,
    weeks: &str,
    last: Option<&str>,
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
    // Either whole weeks, or up to a last day (the days an absence no longer covers).
    let until = match last.map(parse_iso_date) {
        Some(Some(last))
            if from.is_some_and(|f| f <= last && last < f + Days::new(MAX_WEEKS * 7)) =>
        {
            Some(last + Days::new(1))
        }
        Some(_) => {
            errors.insert("weeks".into(), FieldError::Choice);
            None
        }
        None => match weeks.trim().parse::<u64>() {
            Ok(w) if (1..=MAX_WEEKS).contains(&w) => from.map(|f| f + Days::new(w * 7)),
            _ => {
                errors.insert("weeks".into(), FieldError::Choice);
                None
            }
        },
    };
    let (Some(from), Some(until)) = (from, until) else {
        return Err(AppError::Validation(errors));
    };
    let hours = stored_hours(store, counsellor_id).await?;
    let (start, end) = (midnight(from)?, midnight(until)?);
    // The open time there, from a day either side, so that new time beside it joins it.
    let existing: Vec<(i64, Span)> = store
        .list_availability(
            counsellor_id,
            start - chrono::Duration::days(1),
            end + chrono::Duration::days(1),
        )
        .await?
        .iter()
        .filter_map(|a| Some((a.id, Span::new(a.starts_at, a.ends_at)?)))
        .collect();
    let mut taken: Vec<Span> = existing.iter().map(|(_, s)| *s).collect();
    taken.extend(
        store
            .absences(counsellor_id, start)
            .await?
            .iter()
            .filter_map(|a| Span::new(a.starts_at, a.ends_at)),
    );
    let plan = hours.plan(from.iter_days().take_while(|d| *d < until), &taken);
    let merged = merge_adjacent(&existing, &plan);
    store.merge_open_time(counsellor_id, &merged).await?;
    Ok(merged.grow.len() + merged.insert.len())
}
