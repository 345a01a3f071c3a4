//! Changing a counsellor's open time from the calendar: who may, what the change must be,
//! and what the database refuses (overlap with other open time, a booked meeting left
//! outside).

use crate::domain::Rule;
use crate::{
    domain::{
        field_error::{FieldError, FieldErrors},
        open_time::{OpenTime, OpenTimeForm},
        schedule::Span,
        staff::StaffMember,
    },
    error::AppError,
    ssr::{services::staff::may_plan, store::Store},
};
use chrono::{DateTime, Utc};

fn parse(form: &OpenTimeForm) -> Result<(OpenTime, Span), AppError> {
    let time = form.parse().map_err(|(error, field)| {
        AppError::Validation(FieldErrors::from([(
            field.to_owned(),
            FieldError::OpenTime(error),
        )]))
    })?;
    let span = time.span().ok_or(AppError::Internal)?;
    Ok((time, span))
}

/// Time that has begun is history: it is neither added nor changed.
fn not_begun(start: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), AppError> {
    if start < now {
        Err(AppError::Conflict(Rule::OpenTimePast))
    } else {
        Ok(())
    }
}

/// Adds open time (`id` is `None`) or moves/resizes the span `id`; returns the span's id
/// and the time as saved.
#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = counsellor_id, ?id))]
pub async fn save(
    store: &Store,
    me: &StaffMember,
    counsellor_id: i64,
    id: Option<i64>,
    form: &OpenTimeForm,
    now: DateTime<Utc>,
) -> Result<(i64, OpenTime), AppError> {
    may_plan(store, me, counsellor_id).await?;
    let (time, span) = parse(form)?;
    not_begun(span.start, now)?;
    match id {
        None => {
            let id = store
                .add_open_span(counsellor_id, span.start, span.end)
                .await?;
            Ok((id, time))
        }
        Some(id) => {
            let old = store
                .availability_by_id(id)
                .await?
                .filter(|a| a.counsellor_id == counsellor_id)
                .ok_or(AppError::NotFound)?;
            not_begun(old.starts_at, now)?;
            store
                .change_open_span(id, counsellor_id, Some((span.start, span.end)))
                .await?;
            Ok((id, time))
        }
    }
}

/// Removes the span `id`, unless a booked meeting lies in it.
#[tracing::instrument(skip_all, fields(staff_id = me.id, id = id))]
pub async fn remove(
    store: &Store,
    me: &StaffMember,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let old = store
        .availability_by_id(id)
        .await?
        .ok_or(AppError::NotFound)?;
    may_plan(store, me, old.counsellor_id).await?;
    not_begun(old.starts_at, now)?;
    Ok(store.change_open_span(id, old.counsellor_id, None).await?)
}
