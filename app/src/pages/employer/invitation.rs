//! `/arbetsgivare/inbjudan/{nyckel}`: a colleague invited by email creates their own
//! account for the organisation: their name, phone and password (the address is the one
//! invited).

use super::{
    labels::{employer_field_label, REGISTRATION_ORDER},
    register::PhoneAndPassword,
};
use crate::{
    api::employer::{load_invitation, AcceptInvitation},
    components::{
        fields::{provide_shown_errors_in_order, ErrorSummary},
        step_form::StepForm,
    },
    domain::{employer::registration::EmployerFormKind, form_check::FormCheck},
    i18n::*,
    pages::registration::NameFields,
    paths,
    views::employer::InvitationView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let secret = use_params_map().with_untracked(|p| p.get("nyckel").unwrap_or_default());
    let load = load_invitation(secret.clone());
    view! {
        <Title text=move || t_string!(i18n, emp_invitation_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Invitation view secret/> }.into_any(),
                Err(e) => super::employer_load_failed(i18n, e, t_string!(i18n, emp_invitation_title)),
            }
        })}
    }
}

#[component]
fn Invitation(view: InvitationView, secret: String) -> impl IntoView {
    let i18n = use_i18n();
    let InvitationView::Usable {
        organisation,
        email,
        form,
        errors,
        today,
    } = view
    else {
        return view! {
            <div class="page page--form">
                <h1>{t!(i18n, emp_invitation_title)}</h1>
                <p class="notice" role="status">{t!(i18n, emp_invitation_spent)}</p>
                <p><a href=paths::EMPLOYER_SIGN_IN>{t!(i18n, emp_sign_in_title)}</a></p>
            </div>
        }
        .into_any();
    };
    provide_shown_errors_in_order(errors, employer_field_label, REGISTRATION_ORDER);
    view! {
        <div class="page page--form">
            <h1>{t!(i18n, emp_invitation_title)}</h1>
            <p class="lead">
                {t_string!(i18n, emp_invitation_lead, organisation = organisation).to_string()}
            </p>
            <StepForm
                check=FormCheck::Employer(EmployerFormKind::Colleague)
                today
                action=AcceptInvitation::PATH.to_owned()
                autosave=false
            >
                <ErrorSummary/>
                <input type="hidden" name="secret" value=secret/>
                // The address is fixed by the invitation; it travels along for the check.
                <input type="hidden" name="form[email]" value=email.clone()/>
                <p>
                    <strong>{t!(i18n, emp_email)}</strong> ": " {email.clone()}
                </p>
                <input type="hidden" name="username" autocomplete="username" value=email/>
                <NameFields first_name=form.first_name last_name=form.last_name/>
                <PhoneAndPassword phone=form.phone/>
                <div class="form-actions">
                    <button type="submit" class="button" name="intent" value="next">
                        {t!(i18n, emp_invitation_submit)}
                    </button>
                </div>
            </StepForm>
        </div>
    }
    .into_any()
}
