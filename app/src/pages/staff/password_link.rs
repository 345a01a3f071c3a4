//! `/personal/losenord/{secret}`: a member of staff sets their own password with the
//! one-time link they were emailed. No sign-in is needed: the link is the proof, works once,
//! and expires. A spent link says only that it no longer works.

use crate::{
    api::admin::{load_password_link, SetPasswordWithLink},
    components::{
        fields::{provide_shown_errors, ErrorSummary, Input, TextField},
        messages::I18n,
    },
    i18n::*,
    paths,
    views::admin::PasswordLinkView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Meta, Stylesheet, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn PasswordLinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let secret = use_params_map().with_untracked(|p| p.get("secret").unwrap_or_default());
    let load = load_password_link(secret.clone());
    view! {
        <Title text=t_string!(i18n, pwl_title).to_owned()/>
        // The address holds the secret: it is not passed on to any page this one links to.
        <Meta name="referrer" content="no-referrer"/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        <div class="page page--form">
            {Suspend::new(async move {
                match load.await {
                    Ok(PasswordLinkView::Usable { first_name, email, errors }) => {
                        let lead = t_string!(i18n, pwl_lead, name = first_name, email = email.clone()).to_string();
                        view! {
                            <h1>{t!(i18n, pwl_title)}</h1>
                            <SetPassword secret=secret.clone() action=SetPasswordWithLink::PATH lead email errors/>
                        }.into_any()
                    }
                    Ok(PasswordLinkView::Spent) => view! {
                        <h1>{t!(i18n, pwl_spent_title)}</h1>
                        <p>{t!(i18n, pwl_spent)}</p>
                        <p><a href=paths::STAFF_SIGN_IN>{t!(i18n, staff_signin_title)}</a></p>
                    }.into_any(),
                    Err(e) => crate::pages::my_pages::load_failed(i18n, e, t_string!(i18n, pwl_title)),
                }
            })}
        </div>
    }
}

fn label_of(i18n: I18n, _key: &str) -> String {
    t_string!(i18n, pwl_password).to_owned()
}

/// The form of a one-time link: a new password for `email`, posted to `action` with the
/// link's secret. For staff and for people registered by staff alike.
#[component]
pub(crate) fn SetPassword(
    secret: String,
    action: &'static str,
    lead: String,
    email: String,
    errors: crate::domain::field_error::FieldErrors,
) -> impl IntoView {
    let i18n = use_i18n();
    provide_shown_errors(errors, label_of);
    view! {
        <p>{lead}</p>
        <form method="post" action=action novalidate>
            <ErrorSummary/>
            <input type="hidden" name="secret" value=secret/>
            // For the browser's password manager: whose password this is.
            <input type="email" name="username" value=email autocomplete="username" hidden readonly/>
            <TextField
                key="password"
                label=t_string!(i18n, pwl_password)
                value=""
                input=Input::TEXT.kind("password").autocomplete("new-password")
                hint=t_string!(i18n, pwl_hint)
            />
            <button type="submit" class="button">{t!(i18n, pwl_save)}</button>
        </form>
    }
}
