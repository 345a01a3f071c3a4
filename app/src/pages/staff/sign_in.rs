//! `/personal/logga-in`: staff sign in with their work email and password.

use crate::{
    api::staff::{staff_sign_in_state, StaffSignIn},
    i18n::*,
    pages::sign_in::sign_in_form,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StaffSignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let (next, signed_out, password_set) = use_query_map().with_untracked(|q| {
        (
            q.get("nasta").unwrap_or_default(),
            q.get("utloggad").is_some(),
            q.get("losenord").is_some(),
        )
    });
    // Read once: reading forgets the failure it reports.
    let state = staff_sign_in_state();
    view! {
        <Title text=move || t_string!(i18n, staff_signin_title).to_owned()/>
        <div class="page page--form">
            <h1>{t!(i18n, staff_signin_title)}</h1>
            {signed_out.then(|| view! { <p class="notice" role="status">{t!(i18n, signed_out)}</p> })}
            {password_set.then(|| view! { <p class="notice notice--success" role="status">{t!(i18n, pwl_saved)}</p> })}
            <p>{t!(i18n, staff_signin_lead)}</p>
            {Suspend::new(async move {
                let state = state.await.unwrap_or_default();
                sign_in_form(i18n, state, StaffSignIn::PATH, next, t_string!(i18n, staff_signin_email))
            })}
        </div>
    }
}
