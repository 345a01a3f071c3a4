//! `/personal/logga-in`: staff sign in with their work email and password.

use crate::{
    api::staff::{staff_sign_in_state, StaffSignIn},
    i18n::*,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StaffSignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let (next, signed_out) = use_query_map().with_untracked(|q| {
        (
            q.get("nasta").unwrap_or_default(),
            q.get("utloggad").is_some(),
        )
    });
    // Read once: reading forgets the failure it reports.
    let state = staff_sign_in_state();
    view! {
        <Title text=move || t_string!(i18n, staff_signin_title).to_owned()/>
        <div class="page page--form">
            <h1>{t!(i18n, staff_signin_title)}</h1>
            {signed_out.then(|| view! { <p class="notice" role="status">{t!(i18n, signed_out)}</p> })}
            <p>{t!(i18n, staff_signin_lead)}</p>
            {Suspend::new(async move {
                let state = state.await.unwrap_or_default();
                let failed = state.failed;
                view! {
                    {failed
                        .then(|| {
                            view! {
                                <div class="error-summary" id="fel" role="alert">
                                    <p>{t!(i18n, signin_failed)}</p>
                                </div>
                            }
                        })}
                    <form class="step-form" method="post" action=StaffSignIn::PATH>
                        <input type="hidden" name="next" value=next/>
                        <div class="field">
                            <label for="f-staff-email">{t!(i18n, staff_signin_email)}</label>
                            <input
                                id="f-staff-email"
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
                            <label for="f-staff-password">{t!(i18n, signin_password)}</label>
                            <input
                                id="f-staff-password"
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
            })}
        </div>
    }
}
