//! Meeting types (administrators): each type's length, pause after, notice, horizon and ways
//! of meeting. The slot engine reads them from the store on every search, so a change
//! applies to the next times anyone is offered.

use super::staff::allow;
use crate::{
    domain::{
        admin::{
            meeting_type::{MeetingTypeDraft, MeetingTypeForm},
            Version,
        },
        field_error::FieldErrors,
        staff::StaffMember,
    },
    error::AppError,
    ssr::store::{AuditEntry, MeetingTypeRow, Store},
    views::admin::{MeetingTypeItem, MeetingTypesView},
};
use chrono::{DateTime, Utc};

fn draft_of(row: &MeetingTypeRow) -> MeetingTypeDraft {
    MeetingTypeDraft {
        minutes: row.minutes,
        buffer_minutes: row.buffer_minutes,
        notice_minutes: row.notice_minutes,
        horizon_days: row.horizon_days,
        channels: row.channels.clone(),
        version: Version::from_stored(row.version),
    }
}

#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn list(store: &Store, me: &StaffMember) -> Result<MeetingTypesView, AppError> {
    allow(me.may_manage_staff(), me, "meeting types")?;
    let types = store
        .list_meeting_types()
        .await?
        .iter()
        .map(|t| MeetingTypeItem {
            code: t.code.clone(),
            name_sv: t.name_sv.clone(),
            name_en: t.name_en.clone(),
            form: draft_of(t).to_form(),
            errors: FieldErrors::new(),
        })
        .collect();
    Ok(MeetingTypesView {
        types,
        notice: None,
        changed: None,
    })
}

/// Gives meeting type `code` the rules of `form`.
#[tracing::instrument(skip_all, fields(staff_id = me.id, code))]
pub async fn save(
    store: &Store,
    me: &StaffMember,
    code: &str,
    form: &MeetingTypeForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    allow(me.may_manage_staff(), me, "meeting types")?;
    let types = store.list_meeting_types().await?;
    let before = types
        .iter()
        .find(|t| t.code == code)
        .ok_or(AppError::NotFound)?;
    let draft = form.parse().map_err(AppError::Validation)?;
    let audit = AuditEntry {
        staff_id: me.id,
        action: "meeting_type.update",
        subject: format!("meeting_type:{code}"),
        before: draft_of(before).summary(),
        after: draft.summary(),
    };
    store.update_meeting_type(code, &draft, &audit, now).await?;
    Ok(())
}
