//! Registering a person with staff: begin a draft at the desk, and send it, which creates
//! the person (marked as registered by staff) and emails them a link to make their own
//! password. The steps in between post to the same endpoints as online, with `utkast`.

#[cfg(feature = "ssr")]
use crate::{domain::registration::Step, paths};
use crate::{error::AppError, views::admin::PasswordLinkView};
use leptos::prelude::*;

/// Begins an empty draft at the staff member's office's desk and opens its first step.
#[server(name = StartAssisted, prefix = "/api", endpoint = "personal/registrera/ny")]
pub async fn start_assisted() -> Result<String, AppError> {
    use crate::ssr::{http, services::assisted_registration as assisted, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::PEOPLE).await?;
    let code = assisted::start(&state.store, &me.member, chrono::Utc::now()).await?;
    http::redirect(&paths::assisted_step(code.as_str(), Step::About));
    Ok(code.as_str().to_owned())
}

/// Continues an online draft at the desk: by the code the person reads out (`kod`), or,
/// found by their number, once their identity document is checked (`hur` = `id`, with the
/// number searched for, `nummer`, the draft's reference from that search, `utkast`, and
/// `id` = `ja`). Opens the step the draft goes on at; a refusal goes back to the people
/// page.
#[server(name = ContinueDraft, prefix = "/api", endpoint = "personal/registrera/fortsatt")]
pub async fn continue_draft(
    #[server(default)] kod: String,
    #[server(default)] hur: String,
    #[server(default)] id: String,
    #[server(default)] nummer: String,
    #[server(default)] utkast: String,
) -> Result<String, AppError> {
    use crate::{
        domain::field_error::FieldError,
        ssr::{form_post, http, services::assisted_registration as assisted, AppState},
        views::person_search::PersonSearchView,
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::PEOPLE).await?;
    let now = chrono::Utc::now();
    let continued = if hur == "id" {
        if id != "ja" {
            form_post::leave(PersonSearchView {
                id_unchecked: Some((nummer, utkast)),
                ..PersonSearchView::default()
            })
            .await?;
            http::redirect(&format!("{}#fortsatt", paths::PEOPLE));
            return Err(AppError::Validation(
                [("id".to_owned(), FieldError::Required)].into(),
            ));
        }
        assisted::continue_id_checked(&state.store, &me.member, &nummer, &utkast, now).await
    } else {
        assisted::continue_by_code(&state.store, &me.member, &kod, now).await
    };
    match continued {
        Ok((code, step)) => {
            http::redirect(&paths::assisted_step(code.as_str(), step));
            Ok(code.as_str().to_owned())
        }
        Err(AppError::Validation(errors)) => {
            form_post::leave(PersonSearchView {
                code: kod,
                code_error: errors.get("kod").copied(),
                ..PersonSearchView::default()
            })
            .await?;
            http::redirect(&format!("{}#fortsatt", paths::PEOPLE));
            Err(AppError::Validation(errors))
        }
        Err(e) => Err(e),
    }
}

/// Sends the draft `utkast` once the contact details are confirmed with the person
/// (`bekraftat` = `ja`): the person's id, or `None` when their details belong to someone
/// registered already (the review step says so, as it does online).
#[server(name = SubmitAssisted, prefix = "/api", endpoint = "personal/registrera/skicka")]
pub async fn submit_assisted(
    #[server(default)] utkast: String,
    #[server(default)] bekraftat: String,
) -> Result<Option<i64>, AppError> {
    use crate::{
        domain::field_error::{FieldError, FieldErrors},
        ssr::{
            form_post, http,
            services::{
                assisted_registration as assisted,
                registration::{self as reg, RegisterError},
            },
            AppState,
        },
        views::person_case::{CaseDone, CaseFlash},
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::PEOPLE).await?;
    let now = chrono::Utc::now();
    let key = assisted::held_key(&state.store, &me.member, &utkast, now).await?;
    let mut draft = reg::load_by_key(&state.store, &key, now).await?;
    draft.mark_submitted(Step::Review);
    draft.not_created = false;
    draft.contact_unconfirmed = bekraftat != "ja";
    let review = paths::assisted_step(&utkast, Step::Review);
    if draft.contact_unconfirmed {
        reg::save_by_key(&state.store, &key, &draft, now).await?;
        http::redirect(&review);
        return Err(AppError::Validation(FieldErrors::from([(
            "bekraftat".to_owned(),
            FieldError::Required,
        )])));
    }
    match assisted::register(&state.store, &me.member, &key, &draft, now).await {
        // On to their case, where the first meeting is booked next.
        Ok(seeker_id) => {
            form_post::leave(CaseFlash {
                person: seeker_id,
                done: Some(CaseDone::Registered),
                ..CaseFlash::default()
            })
            .await?;
            http::redirect(&format!("{}#klart", paths::person_case(seeker_id)));
            Ok(Some(seeker_id))
        }
        Err(RegisterError::NotCreated) => {
            draft.not_created = true;
            reg::save_by_key(&state.store, &key, &draft, now).await?;
            http::redirect(&review);
            Ok(None)
        }
        Err(RegisterError::Incomplete(steps)) => {
            let (first, errors) = steps
                .into_iter()
                .next()
                .unwrap_or((Step::About, FieldErrors::new()));
            for step in Step::ALL.into_iter().take_while(|s| *s <= first) {
                draft.mark_submitted(step);
            }
            reg::save_by_key(&state.store, &key, &draft, now).await?;
            http::redirect(&paths::assisted_step(&utkast, first));
            Err(AppError::Validation(errors))
        }
        // Staff set no password: nothing can refuse one.
        Err(RegisterError::Password(_)) => Err(AppError::internal("a password refused")),
        Err(RegisterError::Failed(err)) => Err(err),
    }
}

/// The page of the link a person registered by staff makes their password with.
#[server(name = LoadSeekerLink, prefix = "/api", endpoint = "konto/losenord/visa")]
pub async fn load_seeker_link(secret: String) -> Result<PasswordLinkView, AppError> {
    use crate::{
        ssr::{form_post, services::assisted_registration as assisted, AppState},
        views::admin::PasswordRefusal,
    };
    let state = AppState::from_context()?;
    let mut view = assisted::link_page(&state.store, &secret, chrono::Utc::now()).await?;
    if let (PasswordLinkView::Usable { errors, .. }, Some(refused)) =
        (&mut view, form_post::take::<PasswordRefusal>().await?)
    {
        *errors = refused.errors;
    }
    Ok(view)
}

/// Makes the person's password with the link, signs them in and opens booking.
#[server(name = SetSeekerPassword, prefix = "/api", endpoint = "konto/losenord/spara")]
pub async fn set_seeker_password(
    secret: String,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use crate::{
        ssr::{form_post, http, services::assisted_registration as assisted, AppState},
        views::admin::PasswordRefusal,
    };
    let state = AppState::from_context()?;
    match assisted::use_link(&state.store, &secret, &password, chrono::Utc::now()).await {
        Ok(seeker_id) => {
            http::sign_in(seeker_id).await?;
            http::redirect(paths::MY_PAGES);
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            form_post::leave(PasswordRefusal {
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&paths::seeker_password_link(&secret));
            Err(AppError::Validation(errors))
        }
        Err(AppError::NotFound) => {
            // Spent meanwhile: the page says so.
            http::redirect(&paths::seeker_password_link(&secret));
            Err(AppError::NotFound)
        }
        Err(e) => Err(e),
    }
}
