//! The employer's account: registering the organisation, signing in and out, the overview,
//! inviting colleagues and accepting an invitation. Every form posts with or without
//! JavaScript; what was typed comes back with the errors (never a password).

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{
    domain::employer::registration::{ContactPersonForm, EmployerForm, InviteForm},
    error::AppError,
    views::{
        account::SignInView,
        employer::{EmployerHomeView, EmployerRegistrationView, InvitationView},
    },
};
use leptos::prelude::*;

/// The registration form: a refused attempt (once), else empty.
#[server(name = LoadEmployerRegistration, prefix = "/api", endpoint = "arbetsgivare/registrering")]
pub async fn load_employer_registration() -> Result<EmployerRegistrationView, AppError> {
    use crate::{
        domain::time::Day,
        ssr::{form_post, services::registration::today},
        views::employer::EmployerRegistrationRefusal,
    };
    let refused = form_post::take::<EmployerRegistrationRefusal>()
        .await?
        .unwrap_or_default();
    Ok(EmployerRegistrationView {
        form: refused.form,
        errors: refused.errors,
        today: Day(today(chrono::Utc::now())),
        not_created: refused.not_created,
    })
}

/// Registers the organisation and its first contact person, who is signed in and sent to
/// the overview; or back to the form with what was typed and why.
#[server(name = RegisterEmployer, prefix = "/api", endpoint = "arbetsgivare/registrera")]
pub async fn register_employer(
    #[server(default)] form: EmployerForm,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use crate::{
        ssr::{
            form_post, http,
            services::employers::{self, EmployerRegisterError},
            AppState,
        },
        views::employer::EmployerRegistrationRefusal,
    };
    let state = AppState::from_context()?;
    match employers::register(&state.store, &form, &password, chrono::Utc::now()).await {
        Ok(user_id) => {
            http::employer_sign_in(user_id).await?;
            http::redirect(&format!("{}?klart=registrerad", paths::EMPLOYER_HOME));
            Ok(())
        }
        Err(EmployerRegisterError::Invalid(errors)) => {
            form_post::leave(EmployerRegistrationRefusal {
                form,
                errors: errors.clone(),
                not_created: false,
            })
            .await?;
            http::redirect(&format!("{}#fel", paths::EMPLOYER_REGISTER));
            Err(AppError::Validation(errors))
        }
        Err(EmployerRegisterError::NotCreated) => {
            form_post::leave(EmployerRegistrationRefusal {
                form,
                errors: Default::default(),
                not_created: true,
            })
            .await?;
            http::redirect(&format!("{}#klart", paths::EMPLOYER_REGISTER));
            Ok(())
        }
        Err(EmployerRegisterError::Failed(e)) => Err(e),
    }
}

/// The employers' sign-in form for this browser; reading it forgets the failure.
#[server(name = EmployerSignInState, prefix = "/api", endpoint = "arbetsgivare/inloggning")]
pub async fn employer_sign_in_state() -> Result<SignInView, AppError> {
    use crate::{ssr::form_post, views::employer::EmployerFailedSignIn};
    Ok(form_post::take::<EmployerFailedSignIn>()
        .await?
        .map(|f| SignInView {
            email: f.email,
            failed: true,
            wait_minutes: f.wait_minutes,
        })
        .unwrap_or_default())
}

/// Signs an employer's user in and sends them to `next` (a local path under
/// `/arbetsgivare`) or the overview. A wrong email or password gets the same answer, after
/// the same work.
#[server(name = EmployerSignIn, prefix = "/api", endpoint = "arbetsgivare/logga-in")]
pub async fn employer_sign_in(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use crate::{
        domain::Email,
        ssr::{
            form_post, http,
            services::{passwords, sign_in_guard},
            AppState,
        },
        views::employer::EmployerFailedSignIn,
    };
    let state = AppState::from_context()?;
    let now = chrono::Utc::now();
    let address = http::client_address(state.forwarded_for);
    let attempt = sign_in_guard::Attempt::new(sign_in_guard::Door::Employer, &email, address);
    let checked = sign_in_guard::guarded(&state.store, &attempt, now, async {
        let account = match Email::parse(&email) {
            Ok(email) => state.store.employer_credentials(&email).await?,
            Err(_) => None,
        };
        passwords::account_if_right(account, |a| &a.password_hash, password).await
    })
    .await?;
    let next = http::local_path(&next).filter(|n| paths::is_employer(n));
    match checked {
        Ok(account) => {
            state
                .store
                .record_employer_sign_in(account.user_id, chrono::Utc::now())
                .await?;
            http::employer_sign_in(account.user_id).await?;
            http::redirect(next.unwrap_or(paths::EMPLOYER_HOME));
            Ok(())
        }
        Err(refusal) => {
            tracing::info!(?refusal, "employer sign-in refused");
            form_post::leave(EmployerFailedSignIn {
                email: email.trim().to_owned(),
                wait_minutes: refusal.wait_minutes(),
            })
            .await?;
            http::redirect(&match next {
                Some(next) => paths::employer_sign_in(next),
                None => paths::EMPLOYER_SIGN_IN.to_owned(),
            });
            Err(refusal.error())
        }
    }
}

#[server(name = EmployerSignOut, prefix = "/api", endpoint = "arbetsgivare/logga-ut")]
pub async fn employer_sign_out() -> Result<(), AppError> {
    use crate::ssr::http;
    http::sign_out().await?;
    http::redirect(&format!("{}?utloggad=1", paths::EMPLOYER_SIGN_IN));
    Ok(())
}

/// The overview of the signed-in user's organisation, with what the last post did.
#[server(name = LoadEmployerHome, prefix = "/api", endpoint = "arbetsgivare/oversikt")]
pub async fn load_employer_home(
    #[server(default)] notice: String,
) -> Result<EmployerHomeView, AppError> {
    use crate::{
        ssr::{form_post, http, services::employers, AppState},
        views::employer::{EmployerNotice, InviteRefusal},
    };
    let state = AppState::from_context()?;
    let me = http::employer(&state, paths::EMPLOYER_HOME).await?;
    let now = chrono::Utc::now();
    let mut view =
        employers::home(&state.store, &me, EmployerNotice::from_slug(&notice), now).await?;
    if let Some(refused) = form_post::take::<InviteRefusal>().await? {
        if refused.errors.is_empty() {
            view.invited = Some(refused.email);
        } else {
            view.invite_email = refused.email;
            view.invite_errors = refused.errors;
        }
    }
    Ok(view)
}

/// Invites a colleague by email; back to the overview saying so, or with the error.
#[server(name = InviteColleague, prefix = "/api", endpoint = "arbetsgivare/bjud-in")]
pub async fn invite_colleague(#[server(default)] form: InviteForm) -> Result<String, AppError> {
    use crate::{
        ssr::{form_post, http, services::employers, AppState},
        views::employer::InviteRefusal,
    };
    let state = AppState::from_context()?;
    let me = http::employer(&state, paths::EMPLOYER_HOME).await?;
    let result = employers::invite(&state.store, &me, &form, chrono::Utc::now()).await;
    let kept = match &result {
        Ok(email) => InviteRefusal {
            email: email.clone(),
            errors: Default::default(),
        },
        Err(AppError::Validation(errors)) => InviteRefusal {
            email: form.email.clone(),
            errors: errors.clone(),
        },
        Err(_) => return result,
    };
    form_post::leave(kept).await?;
    http::redirect(&format!("{}#kollegor", paths::EMPLOYER_HOME));
    result
}

/// The page an invitation opens: whose organisation, for which address; a refused
/// acceptance (once) comes back as typed.
#[server(name = LoadInvitation, prefix = "/api", endpoint = "arbetsgivare/inbjudan")]
pub async fn load_invitation(secret: String) -> Result<InvitationView, AppError> {
    use crate::{
        ssr::{form_post, services::employers, AppState},
        views::employer::InvitationRefusal,
    };
    let state = AppState::from_context()?;
    let mut view = employers::invitation_page(&state.store, &secret, chrono::Utc::now()).await?;
    if let (InvitationView::Usable { form, errors, .. }, Some(refused)) =
        (&mut view, form_post::take::<InvitationRefusal>().await?)
    {
        *form = refused.form;
        *errors = refused.errors;
    }
    Ok(view)
}

/// Accepts an invitation: the colleague's account is created and they are signed in.
#[server(name = AcceptInvitation, prefix = "/api", endpoint = "arbetsgivare/inbjudan/svara")]
pub async fn accept_invitation(
    secret: String,
    #[server(default)] form: ContactPersonForm,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use crate::{
        ssr::{form_post, http, services::employers, AppState},
        views::employer::InvitationRefusal,
    };
    let state = AppState::from_context()?;
    let back = paths::employer_invitation(&secret);
    match employers::accept(&state.store, &secret, &form, &password, chrono::Utc::now()).await {
        Ok(user_id) => {
            http::employer_sign_in(user_id).await?;
            http::redirect(&format!("{}?klart=valkommen", paths::EMPLOYER_HOME));
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            form_post::leave(InvitationRefusal {
                form,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&format!("{back}#fel"));
            Err(AppError::Validation(errors))
        }
        Err(AppError::NotFound) => {
            http::redirect(&back);
            Err(AppError::NotFound)
        }
        Err(e) => Err(e),
    }
}
