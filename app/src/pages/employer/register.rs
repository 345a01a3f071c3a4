//! `/arbetsgivare/registrera`: the organisation and its first contact person, who gets an
//! account. One form, checked as it is typed; what was typed comes back when refused.

use super::labels::{employer_field_label, REGISTRATION_ORDER};
use crate::{
    api::employer::{load_employer_registration, RegisterEmployer},
    components::{
        fields::{provide_shown_errors_in_order, ErrorSummary, Input, TextField},
        step_form::StepForm,
    },
    domain::{
        employer::registration::{EmployerForm, EmployerFormKind},
        form_check::FormCheck,
    },
    i18n::*,
    pages::registration::NameFields,
    paths,
    views::employer::EmployerRegistrationView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

#[component]
pub fn EmployerRegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let load = load_employer_registration();
    view! {
        <Title text=move || t_string!(i18n, emp_register_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <RegisterForm view/> }.into_any(),
                Err(e) => super::employer_load_failed(i18n, e, t_string!(i18n, emp_register_title)),
            }
        })}
    }
}

#[component]
fn RegisterForm(view: EmployerRegistrationView) -> impl IntoView {
    let i18n = use_i18n();
    provide_shown_errors_in_order(view.errors, employer_field_label, REGISTRATION_ORDER);
    let EmployerRegistrationView {
        form,
        today,
        not_created,
        ..
    } = view;
    view! {
        <div class="page page--form">
            <h1>{t!(i18n, emp_register_title)}</h1>
            {not_created
                .then(|| {
                    view! {
                        <div class="notice" id="klart" role="status">
                            <p>{t!(i18n, emp_not_created)}</p>
                            <p><a href=paths::EMPLOYER_SIGN_IN>{t!(i18n, emp_sign_in_title)}</a></p>
                        </div>
                    }
                })}
            <p class="lead">{t!(i18n, emp_register_lead)}</p>
            <StepForm
                check=FormCheck::Employer(EmployerFormKind::Registration)
                today
                action=RegisterEmployer::PATH.to_owned()
                autosave=false
            >
                <ErrorSummary/>
                <OrganisationFields form=form.clone()/>
                <section class="form-section" aria-labelledby="kontakt-rubrik">
                    <h2 id="kontakt-rubrik">{t!(i18n, emp_contact_title)}</h2>
                    <p class="muted">{t!(i18n, emp_contact_intro)}</p>
                    <NameFields first_name=form.first_name last_name=form.last_name/>
                    <TextField
                        key="email"
                        label=t_string!(i18n, emp_email)
                        hint=t_string!(i18n, emp_email_hint)
                        value=form.email
                        input=Input::TEXT.kind("email").autocomplete("email")
                    />
                    <PhoneAndPassword phone=form.phone/>
                </section>
                <div class="form-actions">
                    <button type="submit" class="button" name="intent" value="next">
                        {t!(i18n, emp_register_submit)}
                    </button>
                </div>
            </StepForm>
            <p class="muted">
                {t!(i18n, emp_have_account)} " " <a href=paths::EMPLOYER_SIGN_IN>{t!(i18n, emp_sign_in_title)}</a>
            </p>
        </div>
    }
}

#[component]
fn OrganisationFields(form: EmployerForm) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="form-section" aria-labelledby="org-rubrik">
            <h2 id="org-rubrik">{t!(i18n, emp_org_title)}</h2>
            <TextField
                key="org_number"
                label=t_string!(i18n, emp_org_number)
                hint=t_string!(i18n, emp_org_number_hint)
                value=form.org_number
                input=Input::TEXT.inputmode("numeric").autocomplete("off")
            />
            <TextField
                key="name"
                label=t_string!(i18n, emp_org_name)
                value=form.name
                input=Input::TEXT.autocomplete("organization")
            />
            <TextField
                key="street"
                label=t_string!(i18n, emp_street)
                value=form.street
                input=Input::TEXT.autocomplete("street-address")
            />
            <div class="field-row">
                <TextField
                    key="postcode"
                    label=t_string!(i18n, reg_postcode)
                    value=form.postcode
                    input=Input::TEXT.inputmode("numeric").autocomplete("postal-code")
                />
                <TextField
                    key="city"
                    label=t_string!(i18n, emp_city)
                    value=form.city
                    input=Input::TEXT.autocomplete("address-level2")
                />
            </div>
            <TextField
                key="municipality"
                label=t_string!(i18n, emp_municipality)
                hint=t_string!(i18n, emp_municipality_hint)
                value=form.municipality
            />
        </section>
    }
}

/// A contact person's phone and their new password: the first contact's on registering,
/// an invited colleague's on accepting.
#[component]
pub(super) fn PhoneAndPassword(phone: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField
            key="phone"
            label=t_string!(i18n, emp_phone)
            hint=t_string!(i18n, emp_phone_hint)
            value=phone
            input=Input::TEXT.kind("tel").autocomplete("tel")
        />
        <TextField
            key="password"
            label=t_string!(i18n, reg_password)
            hint=t_string!(i18n, reg_password_hint)
            value=""
            input=Input::TEXT.kind("password").autocomplete("new-password")
        />
    }
}
