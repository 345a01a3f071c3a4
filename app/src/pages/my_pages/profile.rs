//! `/mina-sidor/uppgifter`: change how we reach you and what you need at meetings. Name and
//! personal identity number are shown, not changed: they identify the person.

use super::{load_failed, require_sign_in};
use crate::paths;
use crate::{
    api::profile::{load_profile_form, SaveProfile},
    components::fields::{provide_shown_errors, ErrorSummary},
    i18n::*,
    pages::registration::{field_label, ContactFields},
    views::profile::ProfileFormView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    require_sign_in(paths::PROFILE);
    let load = load_profile_form();
    view! {
        <Title text=t_string!(i18n, profile_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <ProfileForm view/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, profile_title)),
            }
        })}
    }
}

#[component]
fn ProfileForm(view: ProfileFormView) -> impl IntoView {
    let i18n = use_i18n();
    provide_shown_errors(view.errors, field_label);
    view! {
        <div class="page page--form">
            <h1>{t!(i18n, profile_title)}</h1>
            <p class="lead">
                {t_string!(i18n, profile_lead, name = format!("{} {}", view.first_name, view.last_name))
                    .to_string()}
            </p>
            <form method="post" action=SaveProfile::PATH class="profile-form" novalidate>
                <ErrorSummary/>
                <ContactFields form=view.form suggested_office=None/>
                <p class="actions">
                    <button type="submit" class="button">{t!(i18n, profile_save)}</button>
                    <a class="button button--link" href=format!("{}#uppgifter", paths::MY_PAGES)>
                        {t!(i18n, profile_back)}
                    </a>
                </p>
            </form>
        </div>
    }
}
