//! `/personal/admin/handlaggare`, `/personal/admin/konton` and `/personal/admin/motestyper`:
//! counsellors (administrators, and office managers for their office), staff accounts and
//! meeting types (administrators), as plain forms that work without JavaScript; and `/personal/losenord/…`, where a member of staff sets
//! their password with a one-time link. Each function checks who asks itself.

use crate::{
    domain::admin::{
        accounts::{AccountForm, NewAccountForm},
        counsellor::CounsellorForm,
        meeting_type::MeetingTypeForm,
    },
    error::AppError,
    views::admin::{
        AccountEditView, AccountsView, CounsellorEditView, CounsellorsView, MeetingTypesView,
        PasswordLinkView,
    },
};
#[cfg(feature = "ssr")]
use crate::{
    domain::{
        admin::Version,
        field_error::{FieldError, FieldErrors},
        Rule,
    },
    paths,
    views::admin::{
        AccountRefusal, AdminNotice, CounsellorRefusal, NewAccountRefusal, PasswordRefusal,
    },
};
#[cfg(feature = "ssr")]
use chrono::Utc;
use leptos::prelude::*;

/// The version a plain form sent back, or a refusal of the request.
#[cfg(feature = "ssr")]
fn parse_version(input: &str) -> Result<Version, AppError> {
    Version::parse(input).ok_or_else(|| {
        AppError::Validation(FieldErrors::from([("_".to_owned(), FieldError::Malformed)]))
    })
}

/// After a refused change: a record changed meanwhile, or the last administrator, is said at
/// the top of the page it goes back to (drawn as the record now is).
#[cfg(feature = "ssr")]
pub(crate) async fn leave_rule(error: &AppError) -> Result<(), AppError> {
    use crate::ssr::form_post;
    match error {
        AppError::Conflict(Rule::EditedMeanwhile) => {
            form_post::leave(AdminNotice::EditedMeanwhile).await
        }
        AppError::Conflict(Rule::LastAdmin) => form_post::leave(AdminNotice::LastAdmin).await,
        _ => Ok(()),
    }
}

#[server(name = LoadCounsellors, prefix = "/api", endpoint = "personal/admin/handlaggare")]
pub async fn load_counsellors() -> Result<CounsellorsView, AppError> {
    use crate::ssr::{form_post, http, services::people, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::ADMIN_COUNSELLORS).await?;
    let mut view = people::list(&state.store, &me.member, Utc::now()).await?;
    view.notice = form_post::take::<AdminNotice>().await?;
    Ok(view)
}

/// The form for counsellor `id`, or for a new one without it.
#[server(name = LoadCounsellor, prefix = "/api", endpoint = "personal/admin/handlaggare/visa")]
pub async fn load_counsellor(
    #[server(default)] id: Option<i64>,
) -> Result<CounsellorEditView, AppError> {
    use crate::ssr::{form_post, http, services::people, AppState};
    let state = AppState::from_context()?;
    let back = id
        .map(paths::admin_counsellor)
        .unwrap_or_else(|| paths::ADMIN_NEW_COUNSELLOR.to_owned());
    let me = http::staff(&state, &back).await?;
    let mut view = people::page(&state.store, &me.member, id, Utc::now()).await?;
    view.notice = form_post::take::<AdminNotice>().await?;
    if let Some(refused) = form_post::take::<CounsellorRefusal>()
        .await?
        .filter(|r| r.id == id)
    {
        // What was typed, on the record's current version: saving again is a fresh try.
        let version = std::mem::take(&mut view.form.version);
        view.form = CounsellorForm {
            version,
            ..refused.form
        };
        view.errors = refused.errors;
    }
    Ok(view)
}

/// Creates a counsellor (without `id`) or changes one. Refused fields come back next to
/// what was typed.
#[server(name = SaveCounsellor, prefix = "/api", endpoint = "personal/admin/handlaggare/spara")]
pub async fn save_counsellor(
    #[server(default)] id: Option<i64>,
    #[server(default)] form: CounsellorForm,
) -> Result<(), AppError> {
    use crate::ssr::{form_post, http, services::people, AppState};
    let state = AppState::from_context()?;
    let page = id
        .map(paths::admin_counsellor)
        .unwrap_or_else(|| paths::ADMIN_NEW_COUNSELLOR.to_owned());
    let me = http::staff(&state, &page).await?;
    match people::save(&state.store, &me.member, id, &form, Utc::now()).await {
        Ok(saved) => {
            let notice = if id.is_some() {
                AdminNotice::Saved
            } else {
                AdminNotice::Created
            };
            form_post::leave(notice).await?;
            http::redirect(&paths::admin_counsellor(saved));
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            form_post::leave(CounsellorRefusal {
                id,
                form,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&format!("{page}#formular"));
            Err(AppError::Validation(errors))
        }
        Err(e) => {
            leave_rule(&e).await?;
            if matches!(e, AppError::Conflict(_)) {
                form_post::leave(CounsellorRefusal {
                    id,
                    form,
                    errors: FieldErrors::new(),
                })
                .await?;
                http::redirect(&page);
            }
            Err(e)
        }
    }
}

/// Deactivates counsellor `id` (`aktiv=nej`) or takes them back (`aktiv=ja`).
#[server(name = SetCounsellorActive, prefix = "/api", endpoint = "personal/admin/handlaggare/aktiv")]
pub async fn set_counsellor_active(
    id: i64,
    #[server(rename = "aktiv")] active: String,
    #[server(default)] version: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::people, AppState};
    let state = AppState::from_context()?;
    let page = paths::admin_counsellor(id);
    let me = http::staff(&state, &page).await?;
    let active = yes_no(&active)?;
    let result = people::set_active(
        &state.store,
        &me.member,
        id,
        active,
        parse_version(&version)?,
        Utc::now(),
    )
    .await;
    back_to(&page, &result).await?;
    result.map(drop)
}

/// After closing or opening a record: what was done (or why not) for the page, and back to
/// it; a caller that wants data gets the refusal as it is.
#[cfg(feature = "ssr")]
async fn back_to(page: &str, result: &Result<AdminNotice, AppError>) -> Result<(), AppError> {
    use crate::ssr::{form_post, http};
    match result {
        Ok(notice) => form_post::leave(*notice).await?,
        Err(e) => leave_rule(e).await?,
    }
    if matches!(result, Ok(_) | Err(AppError::Conflict(_))) {
        http::redirect(page);
    }
    Ok(())
}

/// `ja` or `nej` from a plain form's hidden field.
#[cfg(feature = "ssr")]
fn yes_no(input: &str) -> Result<bool, AppError> {
    match input.trim() {
        "ja" => Ok(true),
        "nej" => Ok(false),
        _ => Err(AppError::Validation(FieldErrors::from([(
            "aktiv".to_owned(),
            FieldError::Choice,
        )]))),
    }
}

#[server(name = LoadAccounts, prefix = "/api", endpoint = "personal/admin/konton")]
pub async fn load_accounts() -> Result<AccountsView, AppError> {
    use crate::ssr::{form_post, http, services::accounts, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::ADMIN_ACCOUNTS).await?;
    let mut view = accounts::list(&state.store, &me.member, Utc::now()).await?;
    view.notice = form_post::take::<AdminNotice>().await?;
    if let Some(refused) = form_post::take::<NewAccountRefusal>().await? {
        view.new_account = refused.form;
        view.errors = refused.errors;
    }
    Ok(view)
}

/// Creates an office manager's or administrator's account; its owner gets a link by email.
#[server(name = CreateAccount, prefix = "/api", endpoint = "personal/admin/konton/ny")]
pub async fn create_account(#[server(default)] form: NewAccountForm) -> Result<(), AppError> {
    use crate::ssr::{form_post, http, services::accounts, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::ADMIN_ACCOUNTS).await?;
    match accounts::create(&state.store, &me.member, &form, Utc::now()).await {
        Ok(id) => {
            form_post::leave(AdminNotice::AccountCreated).await?;
            http::redirect(&paths::admin_account(id));
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            form_post::leave(NewAccountRefusal {
                form,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&format!("{}#nytt-konto", paths::ADMIN_ACCOUNTS));
            Err(AppError::Validation(errors))
        }
        Err(e) => Err(e),
    }
}

#[server(name = LoadAccount, prefix = "/api", endpoint = "personal/admin/konton/visa")]
pub async fn load_account(id: i64) -> Result<AccountEditView, AppError> {
    use crate::ssr::{form_post, http, services::accounts, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, &paths::admin_account(id)).await?;
    let mut view = accounts::page(&state.store, &me.member, id, Utc::now()).await?;
    view.notice = form_post::take::<AdminNotice>().await?;
    if let Some(refused) = form_post::take::<AccountRefusal>()
        .await?
        .filter(|r| r.id == id)
    {
        let version = std::mem::take(&mut view.form.version);
        view.form = AccountForm {
            version,
            ..refused.form
        };
        view.errors = refused.errors;
    }
    Ok(view)
}

/// Gives account `id` a role and an office.
#[server(name = SaveAccount, prefix = "/api", endpoint = "personal/admin/konton/spara")]
pub async fn save_account(id: i64, #[server(default)] form: AccountForm) -> Result<(), AppError> {
    use crate::ssr::{form_post, http, services::accounts, AppState};
    let state = AppState::from_context()?;
    let page = paths::admin_account(id);
    let me = http::staff(&state, &page).await?;
    let result = accounts::save(&state.store, &me.member, id, &form, Utc::now()).await;
    match &result {
        Ok(()) => form_post::leave(AdminNotice::Saved).await?,
        Err(AppError::Validation(errors)) => {
            form_post::leave(AccountRefusal {
                id,
                form,
                errors: errors.clone(),
            })
            .await?
        }
        Err(e) => leave_rule(e).await?,
    }
    if matches!(
        result,
        Ok(()) | Err(AppError::Validation(_) | AppError::Conflict(_))
    ) {
        http::redirect(&page);
    }
    result
}

/// Closes account `id` (`aktiv=nej`) or opens it again (`aktiv=ja`).
#[server(name = SetAccountActive, prefix = "/api", endpoint = "personal/admin/konton/aktiv")]
pub async fn set_account_active(
    id: i64,
    #[server(rename = "aktiv")] active: String,
    #[server(default)] version: String,
) -> Result<(), AppError> {
    use crate::ssr::{http, services::accounts, AppState};
    let state = AppState::from_context()?;
    let page = paths::admin_account(id);
    let me = http::staff(&state, &page).await?;
    let active = yes_no(&active)?;
    let result = accounts::set_active(
        &state.store,
        &me.member,
        id,
        active,
        parse_version(&version)?,
        Utc::now(),
    )
    .await;
    back_to(&page, &result).await?;
    result.map(drop)
}

/// Emails account `id` a new one-time link to set its password.
#[server(name = SendPasswordLink, prefix = "/api", endpoint = "personal/admin/konton/lank")]
pub async fn send_password_link(id: i64) -> Result<(), AppError> {
    use crate::ssr::{form_post, http, services::accounts, AppState};
    let state = AppState::from_context()?;
    let page = paths::admin_account(id);
    let me = http::staff(&state, &page).await?;
    accounts::send_link(&state.store, &me.member, id, Utc::now()).await?;
    form_post::leave(AdminNotice::LinkSent).await?;
    http::redirect(&page);
    Ok(())
}

#[server(name = LoadMeetingTypes, prefix = "/api", endpoint = "personal/admin/motestyper")]
pub async fn load_meeting_types() -> Result<MeetingTypesView, AppError> {
    use crate::{
        ssr::{form_post, http, services::meeting_types, AppState},
        views::admin::MeetingTypeRefusal,
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::ADMIN_MEETING_TYPES).await?;
    let mut view = meeting_types::list(&state.store, &me.member).await?;
    view.notice = form_post::take::<AdminNotice>().await?;
    if let Some(refused) = form_post::take::<MeetingTypeRefusal>().await? {
        if let Some(item) = view.types.iter_mut().find(|t| t.code == refused.code) {
            let version = std::mem::take(&mut item.form.version);
            item.form = MeetingTypeForm {
                version,
                ..refused.form
            };
            item.errors = refused.errors;
        }
        view.changed = Some(refused.code);
    }
    Ok(view)
}

/// Gives meeting type `code` new rules; the slot engine reads them at the next search.
#[server(name = SaveMeetingType, prefix = "/api", endpoint = "personal/admin/motestyper/spara")]
pub async fn save_meeting_type(
    code: String,
    #[server(default)] form: MeetingTypeForm,
) -> Result<(), AppError> {
    use crate::{
        ssr::{form_post, http, services::meeting_types, AppState},
        views::admin::MeetingTypeRefusal,
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::ADMIN_MEETING_TYPES).await?;
    let back = format!("{}#typ-{code}", paths::ADMIN_MEETING_TYPES);
    let result = meeting_types::save(&state.store, &me.member, &code, &form, Utc::now()).await;
    match &result {
        Ok(()) => form_post::leave(AdminNotice::Saved).await?,
        Err(AppError::Validation(errors)) => {
            let errors = errors.clone();
            form_post::leave(MeetingTypeRefusal {
                code: code.clone(),
                form,
                errors,
            })
            .await?
        }
        Err(e @ AppError::Conflict(_)) => {
            leave_rule(e).await?;
            form_post::leave(MeetingTypeRefusal {
                code: code.clone(),
                form,
                errors: FieldErrors::new(),
            })
            .await?
        }
        Err(_) => {}
    }
    if matches!(
        result,
        Ok(()) | Err(AppError::Validation(_) | AppError::Conflict(_))
    ) {
        http::redirect(&back);
    }
    result
}

/// The one-time link's page: whose account, if the link still works.
#[server(name = LoadPasswordLink, prefix = "/api", endpoint = "personal/losenord/visa")]
pub async fn load_password_link(secret: String) -> Result<PasswordLinkView, AppError> {
    use crate::ssr::{form_post, services::accounts, AppState};
    let state = AppState::from_context()?;
    let mut view = accounts::link_page(&state.store, &secret, Utc::now()).await?;
    if let (PasswordLinkView::Usable { errors, .. }, Some(refused)) =
        (&mut view, form_post::take::<PasswordRefusal>().await?)
    {
        *errors = refused.errors;
    }
    Ok(view)
}

/// Sets the password with the link, then sends its owner to sign in.
#[server(name = SetPasswordWithLink, prefix = "/api", endpoint = "personal/losenord/spara")]
pub async fn set_password_with_link(
    secret: String,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use crate::ssr::{form_post, http, services::accounts, AppState};
    let state = AppState::from_context()?;
    match accounts::use_link(&state.store, &secret, &password, Utc::now()).await {
        Ok(_) => {
            http::redirect(&format!("{}?losenord=1", paths::STAFF_SIGN_IN));
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            form_post::leave(PasswordRefusal {
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&paths::password_link(&secret));
            Err(AppError::Validation(errors))
        }
        Err(AppError::NotFound) => {
            // Spent meanwhile: the page says so.
            http::redirect(&paths::password_link(&secret));
            Err(AppError::NotFound)
        }
        Err(e) => Err(e),
    }
}
