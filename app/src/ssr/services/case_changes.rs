//! Staff changing a meeting after the fact: cancelling it with a reason (the seeker is told
//! through the outbox) and correcting its outcome within the window the domain sets.

use super::case_file::{handled, parse_outcome};
use crate::{
    domain::{
        booking::CancelForm, case::outcome_correctable_until, closed_days::ClosedDays,
        staff::StaffMember, time::stockholm_date, BookingId, BookingStatus, Rule, StaffId,
    },
    error::AppError,
    ssr::store::{BookingRow, Store, StoreError},
};
use chrono::{DateTime, Days, Utc};

/// Cancels a booked meeting that has not begun, with staff's reason.
#[tracing::instrument(skip_all, fields(staff_id = me.id, booking_id = booking_id))]
pub async fn cancel(
    store: &Store,
    me: &StaffMember,
    booking_id: i64,
    form: &CancelForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (b, _) = handled(store, me, booking_id).await?;
    let why = form.parse_by_staff().map_err(AppError::Validation)?;
    if b.status != BookingStatus::Booked || b.starts_at <= now {
        return Err(AppError::Conflict(Rule::CancelNotNow));
    }
    match store
        .cancel_booking_by_staff(BookingId(b.id), StaffId(me.id), why.reason, &why.note, now)
        .await
    {
        Err(StoreError::NotFound) => Err(AppError::Conflict(Rule::CancelNotNow)),
        other => Ok(other?),
    }
}

/// Until when the outcome of `b` (at a counsellor of `office_id`) can be corrected: the
/// window counts from when the outcome was recorded, so a meeting reported late can still
/// be put right. `None` when it has no outcome.
pub async fn correctable_until(
    store: &Store,
    b: &BookingRow,
    office_id: i64,
) -> Result<Option<DateTime<Utc>>, AppError> {
    let Some(recorded) = b.outcome_at else {
        return Ok(None);
    };
    let day = stockholm_date(recorded);
    // Three weeks hold the longest run of closed days (Christmas) with room to spare.
    let closed = ClosedDays::new(
        store
            .office_closures(day, day + Days::new(21))
            .await?
            .into_iter()
            .map(|(office, day, _)| (office, day)),
    );
    outcome_correctable_until(recorded, office_id, &closed)
        .map(Some)
        .ok_or_else(|| AppError::internal("no working day after an outcome"))
}

/// Changes a recorded outcome (held ↔ no-show) until the end of the next working day.
#[tracing::instrument(skip_all, fields(staff_id = me.id, booking_id = booking_id))]
pub async fn correct(
    store: &Store,
    me: &StaffMember,
    booking_id: i64,
    outcome: &str,
    ask_after: chrono::Duration,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (b, office_id) = handled(store, me, booking_id).await?;
    let to = parse_outcome(outcome)?;
    if b.status == to.status() {
        // Sent twice, or by two people at once: it already says so.
        return Ok(());
    }
    let recorded = matches!(b.status, BookingStatus::Held | BookingStatus::NoShow);
    let open = match correctable_until(store, &b, office_id).await? {
        Some(until) => now < until,
        None => false,
    };
    if !recorded || !open {
        return Err(AppError::Conflict(Rule::CorrectionClosed));
    }
    // Found held after all: asked about (once); found not attended: not asked.
    let question = super::ratings::Question::new(ask_after, now);
    match store
        .correct_outcome(BookingId(b.id), to, StaffId(me.id), question.ask(), now)
        .await
    {
        Err(StoreError::NotFound) => Err(AppError::Conflict(Rule::CorrectionClosed)),
        other => Ok(other?),
    }
}
