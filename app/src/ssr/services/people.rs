//! Keeping counsellors: the list, the form for a new one or a change, and deactivation.
//! An administrator keeps every office's counsellors; an office manager their own office's.
//! A new counsellor gets a staff account and a one-time link to set its password by email.

use super::{absences::in_the_way, passwords, staff::allow};
use crate::{
    domain::{
        admin::{
            counsellor::{Choices, CounsellorDraft, CounsellorForm},
            password_link, Version,
        },
        field_error::{FieldError, FieldErrors},
        staff::{LogScope, StaffMember},
        FieldCode, OfficeSummary, Rule,
    },
    error::AppError,
    ssr::{
        secret::SecretToken,
        store::{AuditEntry, CounsellorAdminRow, NewLink, Store, StoreError},
    },
    views::admin::{AdminNotice, Choice, CounsellorEditView, CounsellorItem, CounsellorsView},
};
use chrono::{DateTime, Duration, Utc};

/// How far ahead the meetings still booked with a counsellor are listed.
const BOOKED_AHEAD_YEARS: i64 = 2;

/// The offices `me` may place counsellors in (all for an administrator); refused for
/// anyone who keeps no counsellors.
async fn offices_kept(store: &Store, me: &StaffMember) -> Result<Vec<Choice>, AppError> {
    let scope = me.access_log_scope();
    allow(scope.is_some(), me, "keep counsellors")?;
    Ok(store
        .list_offices()
        .await?
        .into_iter()
        .filter(|o| match scope {
            Some(LogScope::Office(id)) => o.id == id,
            _ => true,
        })
        .map(office_choice)
        .collect())
}

/// An office as a choice in a drop-down (its name is the same in both languages).
pub(super) fn office_choice(o: OfficeSummary) -> Choice {
    Choice {
        code: o.id.to_string(),
        sv: o.name.clone(),
        en: o.name,
    }
}

async fn field_choices(store: &Store) -> Result<Vec<Choice>, AppError> {
    Ok(store
        .list_fields()
        .await?
        .into_iter()
        .map(|f| Choice {
            code: f.code.as_str().to_owned(),
            sv: f.name_sv,
            en: f.name_en,
        })
        .collect())
}

/// The counsellor `id`, if `me` keeps their office.
async fn kept_counsellor(
    store: &Store,
    me: &StaffMember,
    id: i64,
    now: DateTime<Utc>,
) -> Result<CounsellorAdminRow, AppError> {
    let row = store
        .admin_counsellor(id, now)
        .await?
        .ok_or(AppError::NotFound)?;
    allow(
        me.may_manage_office(row.office_id) && me.access_log_scope().is_some(),
        me,
        "keep counsellor",
    )?;
    Ok(row)
}

#[tracing::instrument(skip_all, fields(staff_id = me.id))]
pub async fn list(
    store: &Store,
    me: &StaffMember,
    now: DateTime<Utc>,
) -> Result<CounsellorsView, AppError> {
    let offices = offices_kept(store, me).await?;
    let office = match me.access_log_scope() {
        Some(LogScope::Office(id)) => Some(id),
        _ => None,
    };
    let fields = field_choices(store).await?;
    let name_of = |code: &str| {
        fields
            .iter()
            .find(|f| f.code == code)
            .map(|f| (f.sv.clone(), f.en.clone()))
            .unwrap_or_else(|| (code.to_owned(), code.to_owned()))
    };
    let counsellors = store
        .admin_counsellors(office, now)
        .await?
        .into_iter()
        .map(|c| CounsellorItem {
            id: c.id,
            name: format!("{} {}", c.first_name, c.last_name),
            title: c.title,
            office: c.office_name,
            active: c.active,
            serves_employers: c.serves_employers,
            fields: c.fields.iter().map(|f| name_of(f)).collect(),
            languages: c.languages,
            channels: c.channels.iter().filter_map(|ch| ch.parse().ok()).collect(),
            last_sign_in: c.last_sign_in_at,
            booked_ahead: c.booked_ahead,
        })
        .collect();
    Ok(CounsellorsView {
        counsellors,
        office: office.and_then(|id| {
            offices
                .into_iter()
                .find(|o| o.code == id.to_string())
                .map(|o| o.sv)
        }),
        notice: None,
    })
}

/// The form for counsellor `id`, or for a new one when `None`.
#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = id))]
pub async fn page(
    store: &Store,
    me: &StaffMember,
    id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<CounsellorEditView, AppError> {
    let offices = offices_kept(store, me).await?;
    let fields = field_choices(store).await?;
    let Some(id) = id else {
        // A manager's new counsellor works at the manager's office.
        let office = match offices.as_slice() {
            [only] => only.code.clone(),
            _ => String::new(),
        };
        return Ok(CounsellorEditView {
            id: None,
            name: String::new(),
            form: CounsellorForm {
                office,
                title: "Arbetsförmedlare".into(),
                title_en: "Employment counsellor".into(),
                languages: vec!["sv".into()],
                ..CounsellorForm::default()
            },
            errors: FieldErrors::new(),
            offices,
            fields,
            active: true,
            account_id: None,
            last_sign_in: None,
            booked: Vec::new(),
            notice: None,
        });
    };
    let row = kept_counsellor(store, me, id, now).await?;
    let form = row.to_draft().map(|d| d.to_form()).unwrap_or_default();
    let booked = in_the_way(
        store,
        id,
        now,
        now + Duration::days(365 * BOOKED_AHEAD_YEARS),
    )
    .await?;
    Ok(CounsellorEditView {
        id: Some(id),
        name: format!("{} {}", row.first_name, row.last_name),
        form,
        errors: FieldErrors::new(),
        offices,
        fields,
        active: row.active,
        account_id: row.staff_id,
        last_sign_in: row.last_sign_in_at,
        booked,
        notice: None,
    })
}

/// Saves the form: a new counsellor (with account and link) when `id` is `None`, else a
/// change. Refused fields come back as `Validation`; a record changed meanwhile as
/// `Conflict(EditedMeanwhile)`. Returns the counsellor's id.
#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = id))]
pub async fn save(
    store: &Store,
    me: &StaffMember,
    id: Option<i64>,
    form: &CounsellorForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let offices: Vec<i64> = offices_kept(store, me)
        .await?
        .iter()
        .filter_map(|o| o.code.parse().ok())
        .collect();
    let before = match id {
        Some(id) => Some(kept_counsellor(store, me, id, now).await?),
        None => None,
    };
    let codes: Vec<FieldCode> = store
        .list_fields()
        .await?
        .into_iter()
        .map(|f| f.code)
        .collect();
    let draft = form
        .parse(&Choices {
            offices: &offices,
            fields: &codes,
        })
        .map_err(AppError::Validation)?;
    let result = match before {
        None => {
            let unusable = passwords::unusable_hash().await?;
            create(store, me, &draft, &unusable, now).await
        }
        Some(before) => {
            let audit = AuditEntry {
                staff_id: me.id,
                action: "counsellor.update",
                subject: format!("counsellor:{}", before.id),
                before: before.to_draft().map(|d| d.summary()).unwrap_or_default(),
                after: draft.summary(),
            };
            let draft = CounsellorDraft {
                version: draft.version.or(Some(Version::from_stored(before.version))),
                ..draft
            };
            store
                .update_counsellor(before.id, &draft, &audit, now)
                .await
                .map(|()| before.id)
        }
    };
    result.map_err(|e| match e {
        StoreError::Conflict(Rule::StaffEmailTaken) => AppError::Validation(FieldErrors::from([(
            "email".to_owned(),
            FieldError::EmailInUse,
        )])),
        e => e.into(),
    })
}

/// Creates the counsellor with an account whose stored hash (`unusable`) matches no password
/// anyone knows, and queues the link to set one.
async fn create(
    store: &Store,
    me: &StaffMember,
    draft: &CounsellorDraft,
    unusable: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let link = new_link(now);
    let audit = AuditEntry {
        staff_id: me.id,
        action: "counsellor.create",
        subject: String::new(),
        before: String::new(),
        after: draft.summary(),
    };
    let (id, _) = store
        .create_counsellor(draft, unusable, &link, &audit, now)
        .await?;
    tracing::info!(
        counsellor_id = id,
        "counsellor created; password link queued"
    );
    Ok(id)
}

/// A fresh one-time link, valid from `now`.
pub fn new_link(now: DateTime<Utc>) -> NewLink {
    let token = SecretToken::generate();
    NewLink {
        token_key: token.key(),
        secret: token.as_str().to_owned(),
        expires_at: password_link::expires(now),
    }
}

/// Deactivates counsellor `id` (or takes them back), at the version the page showed.
#[tracing::instrument(skip_all, fields(staff_id = me.id, counsellor_id = id))]
pub async fn set_active(
    store: &Store,
    me: &StaffMember,
    id: i64,
    active: bool,
    version: Version,
    now: DateTime<Utc>,
) -> Result<AdminNotice, AppError> {
    let row = kept_counsellor(store, me, id, now).await?;
    let word = |a: bool| if a { "aktiv" } else { "avslutad" };
    let audit = AuditEntry {
        staff_id: me.id,
        action: if active {
            "counsellor.reactivate"
        } else {
            "counsellor.deactivate"
        },
        subject: format!("counsellor:{id}"),
        before: word(row.active).to_owned(),
        after: word(active).to_owned(),
    };
    store
        .set_counsellor_active(id, active, version, &audit, now)
        .await?;
    Ok(if active {
        AdminNotice::Reactivated
    } else {
        AdminNotice::Deactivated
    })
}
