//! Accessibility reports: anyone sends one from the statement page (no sign-in: the law asks
//! that everyone can); administrators read them and mark them handled.

use super::staff::allow;
use crate::{
    domain::{
        accessibility::AccessibilityReportForm, notification::MessageLanguage, staff::StaffMember,
        StaffId,
    },
    error::AppError,
    ssr::store::{AccessibilityReportRow, Store},
    views::accessibility::{AccessibilityReportItem, AccessibilityReportsView},
};
use chrono::{DateTime, Utc};

/// How many handled reports the administrators' list shows below those waiting.
const HANDLED_SHOWN: i64 = 50;

/// Keeps a report written in `language`; the fields refused otherwise.
#[tracing::instrument(skip_all, fields(report_id))]
pub async fn send(
    store: &Store,
    form: &AccessibilityReportForm,
    language: MessageLanguage,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let report = form.parse().map_err(AppError::Validation)?;
    let id = store
        .insert_accessibility_report(&report, language.as_str(), now)
        .await?;
    tracing::Span::current().record("report_id", id);
    tracing::info!(
        answer_wanted = report.email.is_some(),
        "accessibility report received"
    );
    Ok(())
}

fn item(row: AccessibilityReportRow) -> AccessibilityReportItem {
    AccessibilityReportItem {
        id: row.id,
        place: row.place,
        description: row.description,
        email: row.email,
        language: row.language,
        received_at: row.created_at,
        handled: row.handled_at.zip(row.handled_by),
    }
}

/// The reports, for administrators only.
#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn list(store: &Store, me: &StaffMember) -> Result<AccessibilityReportsView, AppError> {
    allow(me.may_manage_staff(), me, "accessibility reports")?;
    let (handled, waiting) = store
        .accessibility_reports(HANDLED_SHOWN)
        .await?
        .into_iter()
        .map(item)
        .partition(|r| r.handled.is_some());
    Ok(AccessibilityReportsView {
        waiting,
        handled,
        marked: false,
    })
}

/// Marks report `id` handled; `NotFound` when there is none waiting with that id.
#[tracing::instrument(skip_all, fields(staff_id = me.id, report_id = id))]
pub async fn mark_handled(
    store: &Store,
    me: &StaffMember,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    allow(me.may_manage_staff(), me, "accessibility reports")?;
    if store
        .handle_accessibility_report(id, StaffId(me.id), now)
        .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
