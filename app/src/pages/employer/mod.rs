//! The employers' pages under `/arbetsgivare`: the door (what the service offers, signing
//! in), registering the organisation, the overview, a need's form, and an invitation.

mod book;
mod home;
mod invitation;
mod labels;
mod meeting;
mod need_form;
mod register;

pub use book::EmployerBookPage;
pub use home::EmployerHomePage;
pub use invitation::InvitationPage;
pub use meeting::EmployerMeetingPage;
pub use need_form::NeedFormPage;
pub use register::EmployerRegisterPage;

use crate::{
    api::employer::{employer_sign_in_state, EmployerSignIn},
    components::messages::I18n,
    error::AppError,
    i18n::*,
    pages::{my_pages::load_failed_at, sign_in::sign_in_form},
    paths,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/arbetsgivare` and `/arbetsgivare/logga-in`: what the service does for employers, and
/// the sign-in for those who have an account.
#[component]
pub fn EmployerStartPage() -> impl IntoView {
    let i18n = use_i18n();
    let (next, signed_out) = use_query_map().with_untracked(|q| {
        (
            q.get("nasta").unwrap_or_default(),
            q.get("utloggad").is_some(),
        )
    });
    let state = employer_sign_in_state();
    view! {
        <Title text=move || t_string!(i18n, emp_title).to_owned()/>
        <div class="page page--form">
            <h1>{t!(i18n, emp_title)}</h1>
            {signed_out.then(|| view! { <p class="notice" role="status">{t!(i18n, signed_out)}</p> })}
            <p class="lead">{t!(i18n, emp_lead)}</p>
            <ul class="plain-list">
                <li>{t!(i18n, emp_offer_needs)}</li>
                <li>{t!(i18n, emp_offer_colleagues)}</li>
                <li>{t!(i18n, emp_offer_meeting)}</li>
            </ul>
            <p>
                <a class="button" href=paths::EMPLOYER_REGISTER>{t!(i18n, emp_register_link)}</a>
            </p>
            <h2>{t!(i18n, emp_sign_in_title)}</h2>
            {Suspend::new(async move {
                let state = state.await.unwrap_or_default();
                sign_in_form(i18n, state, EmployerSignIn::PATH, next, t_string!(i18n, emp_email))
            })}
            <p class="muted">{t!(i18n, emp_seeker_hint)} " " <a href=paths::SIGN_IN>{t!(i18n, emp_seeker_link)}</a></p>
        </div>
    }
}

/// What an employer's page shows when its data could not be loaded.
pub(crate) fn employer_load_failed(i18n: I18n, error: AppError, title: &'static str) -> AnyView {
    load_failed_at(i18n, error, title, paths::EMPLOYER_SIGN_IN)
}

/// Sends someone not signed in as an employer to the employers' sign-in (before the page's
/// data is asked for, so the redirect is the first thing the response says).
pub(crate) fn require_employer(back: &str) {
    #[cfg(feature = "ssr")]
    if crate::ssr::http::employer_signed_in().is_none() {
        crate::ssr::http::redirect(&paths::employer_sign_in(back));
    }
    #[cfg(not(feature = "ssr"))]
    let _ = back;
}
