//! `/konto/losenord/{secret}`: a person registered by staff makes their own password for
//! Mina sidor with the one-time link they were emailed, and is signed in. The link is the
//! proof, works once, and expires; a spent one says only that it no longer works.

use crate::{
    api::assisted_registration::{load_seeker_link, SetSeekerPassword},
    i18n::*,
    pages::staff::SetPassword,
    views::admin::PasswordLinkView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn SeekerPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let secret = use_params_map().with_untracked(|p| p.get("secret").unwrap_or_default());
    let load = load_seeker_link(secret.clone());
    view! {
        <Title text=t_string!(i18n, spw_title).to_owned()/>
        // The address holds the secret: it is not passed on to any page this one links to.
        <Meta name="referrer" content="no-referrer"/>
        <div class="page page--form">
            {Suspend::new(async move {
                match load.await {
                    Ok(PasswordLinkView::Usable { first_name, email, errors }) => {
                        let lead = t_string!(i18n, spw_lead, name = first_name, email = email.clone()).to_string();
                        view! {
                            <h1>{t!(i18n, spw_title)}</h1>
                            <SetPassword secret=secret.clone() action=SetSeekerPassword::PATH lead email errors/>
                        }.into_any()
                    }
                    Ok(PasswordLinkView::Spent) => view! {
                        <h1>{t!(i18n, pwl_spent_title)}</h1>
                        <p>{t!(i18n, spw_spent)}</p>
                        <p><a href=crate::paths::sign_in(crate::paths::MY_PAGES)>{t!(i18n, spw_sign_in)}</a></p>
                    }.into_any(),
                    Err(e) => crate::pages::my_pages::load_failed(i18n, e, t_string!(i18n, spw_title)),
                }
            })}
        </div>
    }
}
