//! `/logga-in`: job seekers sign in with email and password.

use crate::paths;
use crate::{
    api::account::{sign_in_state, SignIn},
    i18n::*,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let (next, signed_out) = use_query_map().with_untracked(|q| {
        (
            q.get("nasta").unwrap_or_default(),
            q.get("utloggad").is_some(),
        )
    });
    // A plain future, not a resource: see `pages::registration`. Read once, as it forgets
    // the failure it reports.
    let state = sign_in_state();
    view! {
        <Title text=move || t_string!(i18n, signin_title).to_owned()/>
        <div class="page page--form">
            <h1>{t!(i18n, signin_title)}</h1>
            {signed_out.then(|| view! { <p class="notice" role="status">{t!(i18n, signed_out)}</p> })}
            <p>{t!(i18n, signin_lead)}</p>
            {Suspend::new(async move {
                let state = state.await.unwrap_or_default();
                sign_in_form(i18n, state, SignIn::PATH, next, t_string!(i18n, signin_email))
            })}
            <p>
                {t!(i18n, signin_no_account)} " "
                <a href=paths::REGISTER>{t!(i18n, signin_register)}</a>
            </p>
        </div>
    }
}

/// The email and password form of every sign-in (job seekers', staff's, employers'), with
/// the failure of the last attempt (or the wait after too many) and the email tried.
pub(crate) fn sign_in_form(
    i18n: crate::components::messages::I18n,
    state: crate::views::account::SignInView,
    action: &'static str,
    next: String,
    email_label: &'static str,
) -> impl IntoView {
    let failed = state.failed;
    let wait = state.wait_minutes;
    view! {
        {failed
            .then(|| {
                view! {
                    <div class="error-summary" id="fel" role="alert">
                        <p>
                            {match wait {
                                Some(minutes) => t!(i18n, signin_wait, minutes).into_any(),
                                None => t!(i18n, signin_failed).into_any(),
                            }}
                        </p>
                    </div>
                }
            })}
        <form class="step-form" method="post" action=action>
            <input type="hidden" name="next" value=next/>
            <div class="field">
                <label for="f-signin-email">{email_label}</label>
                <input
                    id="f-signin-email"
                    name="email"
                    type="email"
                    autocomplete="username"
                    required
                    value=state.email
                    aria-describedby=failed.then_some("fel")
                    autofocus=failed
                />
            </div>
            <div class="field">
                <label for="f-signin-password">{t!(i18n, signin_password)}</label>
                <input
                    id="f-signin-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                />
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, signin_submit)}</button>
            </div>
        </form>
    }
}
