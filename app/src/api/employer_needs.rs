//! An employer's recruitment needs: the form, its posts (search and pick an occupation
//! without JavaScript, keep a draft, publish), and closing a need.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{domain::employer::need::NeedForm, error::AppError, views::employer::NeedFormView};
use leptos::prelude::*;

/// The form of a new need (`draft`: go on with that draft) or of need `need`, with a
/// search without JavaScript (`query`).
#[server(name = LoadNeedForm, prefix = "/api", endpoint = "arbetsgivare/behov/formular")]
pub async fn load_need_form(
    #[server(default)] draft: Option<i64>,
    #[server(default)] need: Option<i64>,
    #[server(default)] query: String,
) -> Result<NeedFormView, AppError> {
    use crate::{
        ssr::{
            form_post, http,
            services::employer_needs::{self, Which},
            AppState,
        },
        views::employer::NeedRefusal,
    };
    let state = AppState::from_context()?;
    let back = match (need, draft) {
        (Some(id), _) => paths::employer_need(id),
        (None, Some(id)) => paths::employer_need_draft(id),
        (None, None) => paths::EMPLOYER_NEW_NEED.to_owned(),
    };
    let me = http::employer(&state, &back).await?;
    let which = match need {
        Some(id) => Which::Need(id),
        None => Which::New { draft },
    };
    let session = http::session().await?;
    if which == (Which::New { draft: None }) {
        // A fresh form starts a fresh draft.
        session
            .remove_value(http::NEW_NEED_DRAFT_KEY)
            .await
            .map_err(AppError::internal)?;
    }
    let refused = form_post::take::<NeedRefusal>().await?;
    employer_needs::form_view(&state.store, &me, which, query, refused, chrono::Utc::now()).await
}

/// The need form's post. `intent` says what for: `save` (in the background) and `draft`
/// keep what was typed; `search`, `add-CODE` and `remove-CODE` pick the occupation without
/// JavaScript; `delete-draft` throws the draft away; anything else (`next`) publishes, or
/// comes back to the form with the errors and everything typed kept.
#[server(name = SaveNeed, prefix = "/api", endpoint = "arbetsgivare/behov/spara")]
pub async fn save_need(
    #[server(default)] form: NeedForm,
    #[server(default)] draft: Option<i64>,
    #[server(default)] need: Option<i64>,
    #[server(default)] intent: String,
    #[server(default)] query: String,
) -> Result<(), AppError> {
    use crate::{
        ssr::{
            form_post, http,
            services::employer_needs::{self, Which},
            AppState,
        },
        views::employer::{EmployerNotice, NeedRefusal},
    };
    let state = AppState::from_context()?;
    let now = chrono::Utc::now();
    let me = http::employer(&state, paths::EMPLOYER_HOME).await?;
    let session = http::session().await?;
    // A new need's draft made by a background save is this session's, not yet on the page.
    let draft = match (need, draft) {
        (None, None) => session
            .get::<i64>(http::NEW_NEED_DRAFT_KEY)
            .await
            .map_err(AppError::internal)?,
        (_, draft) => draft,
    };
    let which = match need {
        Some(id) => Which::Need(id),
        None => Which::New { draft },
    };
    let home =
        |notice: EmployerNotice| format!("{}?klart={}#behov", paths::EMPLOYER_HOME, notice.slug());
    if intent == "delete-draft" {
        if let Some(id) = draft {
            state.store.delete_need_draft(me.employer_id, id).await?;
        }
        http::redirect(&home(EmployerNotice::DraftDeleted));
        return Ok(());
    }
    let mut form = form;
    let mut anchor = "";
    let mut query_part = String::new();
    if intent == "search" {
        query_part = format!("sok={}", paths::encode_query_value(query.trim()));
        anchor = "#yrken";
    } else if let Some(code) = intent.strip_prefix("add-") {
        form.occupation = code.to_owned();
        anchor = "#yrken";
    } else if intent.starts_with("remove-") {
        form.occupation.clear();
        anchor = "#yrken";
    }
    let publishing = !matches!(intent.as_str(), "save" | "draft" | "search")
        && !intent.starts_with("add-")
        && !intent.starts_with("remove-");
    if publishing {
        match employer_needs::publish(&state.store, &me, which, &form, now).await {
            Ok(notice) => {
                session
                    .remove_value(http::NEW_NEED_DRAFT_KEY)
                    .await
                    .map_err(AppError::internal)?;
                http::redirect(&home(notice));
                return Ok(());
            }
            Err(AppError::Validation(errors)) => {
                let id = employer_needs::keep_draft(&state.store, &me, which, &form, now).await?;
                remember_new_draft(&session, need, id).await?;
                form_post::leave(NeedRefusal {
                    form,
                    errors: errors.clone(),
                })
                .await?;
                http::redirect(&format!("{}#fel", form_path(need, id)));
                return Err(AppError::Validation(errors));
            }
            Err(e) => return Err(e),
        }
    }
    let id = employer_needs::keep_draft(&state.store, &me, which, &form, now).await?;
    remember_new_draft(&session, need, id).await?;
    match intent.as_str() {
        "save" => {}
        "draft" => http::redirect(&home(EmployerNotice::DraftKept)),
        _ => {
            let path = form_path(need, id);
            let joined = if query_part.is_empty() {
                path
            } else if path.contains('?') {
                format!("{path}&{query_part}")
            } else {
                format!("{path}?{query_part}")
            };
            http::redirect(&format!("{joined}{anchor}"));
        }
    }
    Ok(())
}

#[cfg(feature = "ssr")]
fn form_path(need: Option<i64>, draft: i64) -> String {
    match need {
        Some(id) => paths::employer_need(id),
        None => paths::employer_need_draft(draft),
    }
}

#[cfg(feature = "ssr")]
async fn remember_new_draft(
    session: &tower_sessions::Session,
    need: Option<i64>,
    draft: i64,
) -> Result<(), AppError> {
    if need.is_none() {
        session
            .insert(crate::ssr::http::NEW_NEED_DRAFT_KEY, draft)
            .await
            .map_err(AppError::internal)?;
    }
    Ok(())
}

/// Closes need `need` as `filled` or `withdrawn`, and back to the overview.
#[server(name = CloseNeed, prefix = "/api", endpoint = "arbetsgivare/behov/stang")]
pub async fn close_need(need: i64, status: String) -> Result<(), AppError> {
    use crate::{
        domain::{employer::need::NeedStatus, field_error::FieldError, field_error::FieldErrors},
        ssr::{http, services::employer_needs, AppState},
    };
    let state = AppState::from_context()?;
    let me = http::employer(&state, &paths::employer_need(need)).await?;
    let status = NeedStatus::parse(&status)
        .filter(|s| !s.is_open())
        .ok_or_else(|| {
            AppError::Validation(FieldErrors::from([(
                "status".to_owned(),
                FieldError::Choice,
            )]))
        })?;
    let notice = employer_needs::close(&state.store, &me, need, status, chrono::Utc::now()).await?;
    http::redirect(&format!(
        "{}?klart={}#behov",
        paths::EMPLOYER_HOME,
        notice.slug()
    ));
    Ok(())
}
