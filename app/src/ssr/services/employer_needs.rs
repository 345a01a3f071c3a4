//! An employer's recruitment needs: the form (new, from a draft, or changes to a published
//! need), what its posts do, and closing a need. Whatever is typed is kept as a draft until
//! it is published or thrown away.

use crate::{
    domain::{
        employer::need::{NeedForm, NeedStatus},
        field_error::{FieldError, FieldErrors},
        time::Day,
        Occupation,
    },
    error::AppError,
    ssr::store::{EmployerUserRow, Store, StoreError},
    views::employer::{EmployerNotice, NeedFormView, NeedRefusal},
};
use chrono::{DateTime, Utc};

/// Which form: a new need (perhaps from draft `draft`) or changes to need `need`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    New { draft: Option<i64> },
    Need(i64),
}

/// The form's contents: a refused post (once), else the draft, else the need as published,
/// else an empty form.
#[tracing::instrument(skip_all, fields(employer_user_id = me.id))]
pub async fn form_view(
    store: &Store,
    me: &EmployerUserRow,
    which: Which,
    query: String,
    refused: Option<NeedRefusal>,
    now: DateTime<Utc>,
) -> Result<NeedFormView, AppError> {
    let (draft_id, need_id) = match which {
        Which::New { draft } => (draft, None),
        Which::Need(id) => (None, Some(id)),
    };
    let need = match need_id {
        Some(id) => Some(
            store
                .need(me.employer_id, id)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    let draft = store.need_draft(me.employer_id, draft_id, need_id).await?;
    if draft_id.is_some() && draft.is_none() {
        return Err(AppError::NotFound);
    }
    let (form, errors) = match (refused, &draft, &need) {
        (Some(r), _, _) => (r.form, r.errors),
        (None, Some(d), _) => (
            serde_json::from_str(&d.data).unwrap_or_default(),
            FieldErrors::new(),
        ),
        (None, None, Some(n)) => (need_form(n), FieldErrors::new()),
        // A new need is most often in the organisation's own municipality.
        (None, None, None) => {
            let employer = store
                .employer(me.employer_id)
                .await?
                .ok_or_else(|| AppError::internal("a user without an organisation"))?;
            (
                NeedForm {
                    municipality: employer.municipality,
                    ..NeedForm::default()
                },
                FieldErrors::new(),
            )
        }
    };
    let chosen = chosen(store, &form).await?;
    let folded = crate::domain::fold_for_search(&query);
    let results = if folded.chars().count() >= 2 {
        store.search_occupations(&folded, 12).await?
    } else {
        Vec::new()
    };
    Ok(NeedFormView {
        form,
        errors,
        today: Day(super::registration::today(now)),
        draft_id: draft.as_ref().filter(|d| d.need_id.is_none()).map(|d| d.id),
        need_id,
        status: need.map(|n| n.status),
        chosen,
        query,
        results,
    })
}

/// A published need as its form.
fn need_form(n: &crate::ssr::store::NeedRow) -> NeedForm {
    NeedForm {
        headline: n.headline.clone(),
        occupation: n.occupation_code.clone(),
        positions: n.positions.to_string(),
        employment: n.employment.clone(),
        extent: n.extent.clone(),
        municipality: n.municipality.clone(),
        earliest_start: n
            .earliest_start
            .map(crate::domain::time::iso_date)
            .unwrap_or_default(),
        apply_by: crate::domain::time::iso_date(n.apply_by),
        description: n.description.clone(),
    }
}

async fn chosen(store: &Store, form: &NeedForm) -> Result<Vec<Occupation>, AppError> {
    let code = form.occupation.trim();
    if code.is_empty() {
        return Ok(Vec::new());
    }
    Ok(store
        .occupations_by_codes(&[code.to_owned()])
        .await?
        .into_iter()
        .map(|(_, o)| o)
        .collect())
}

/// Keeps what was typed as the draft of `which`. Returns the draft's id.
pub async fn keep_draft(
    store: &Store,
    me: &EmployerUserRow,
    which: Which,
    form: &NeedForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let data = serde_json::to_string(form).map_err(AppError::internal)?;
    let (draft, need) = match which {
        Which::New { draft } => (draft, None),
        Which::Need(id) => (None, Some(id)),
    };
    match store
        .save_need_draft(me.employer_id, me.id, draft, need, &data, now)
        .await
    {
        Ok(id) => Ok(id),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// Publishes the form: a new need, or the changes to a published one. Refused fields come
/// back as `Validation` (the caller keeps the draft).
#[tracing::instrument(skip_all, fields(employer_user_id = me.id))]
pub async fn publish(
    store: &Store,
    me: &EmployerUserRow,
    which: Which,
    form: &NeedForm,
    now: DateTime<Utc>,
) -> Result<EmployerNotice, AppError> {
    let today = super::registration::today(now);
    let need = form.parse(today).map_err(AppError::Validation)?;
    let occupation_id = store
        .occupations_by_codes(std::slice::from_ref(&need.occupation))
        .await?
        .first()
        .map(|(id, _)| *id)
        .ok_or_else(|| {
            AppError::Validation(FieldErrors::from([(
                "occupation".to_owned(),
                FieldError::UnknownOccupation,
            )]))
        })?;
    match which {
        Which::New { draft } => {
            let id = store
                .add_need(me.employer_id, me.id, &need, occupation_id, draft, now)
                .await?;
            tracing::info!(need_id = id, "need published");
            Ok(EmployerNotice::Published)
        }
        Which::Need(id) => match store
            .update_need(me.employer_id, id, &need, occupation_id, now)
            .await
        {
            Ok(()) => {
                tracing::info!(need_id = id, "need changed");
                Ok(EmployerNotice::Saved)
            }
            Err(StoreError::NotFound) => Err(AppError::NotFound),
            Err(e) => Err(e.into()),
        },
    }
}

/// Closes an open need of the organisation as filled or withdrawn.
#[tracing::instrument(skip_all, fields(employer_user_id = me.id, need_id))]
pub async fn close(
    store: &Store,
    me: &EmployerUserRow,
    need_id: i64,
    status: NeedStatus,
    now: DateTime<Utc>,
) -> Result<EmployerNotice, AppError> {
    let notice = match status {
        NeedStatus::Filled => EmployerNotice::Filled,
        NeedStatus::Withdrawn => EmployerNotice::Withdrawn,
        NeedStatus::Open => return Err(AppError::NotFound),
    };
    match store.close_need(me.employer_id, need_id, status, now).await {
        Ok(()) => Ok(notice),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}
