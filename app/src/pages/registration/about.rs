//! Step 1: about you and contact.

use crate::{
    components::{
        fields::{Input, RadioGroup, SelectField, TextArea, TextField},
        messages::{language_name, I18n},
    },
    domain::{
        choices::LanguageCode,
        registration::{AboutForm, ContactForm},
    },
    i18n::*,
};
use leptos::prelude::*;

pub fn language_options(i18n: I18n) -> Vec<(&'static str, &'static str)> {
    LanguageCode::ALL
        .iter()
        .map(|l| (l.as_str(), language_name(i18n, *l)))
        .collect()
}

#[component]
pub fn AboutStep(form: AboutForm, suggested_office: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let contact = form.contact();
    view! {
        <NameFields first_name=form.first_name last_name=form.last_name/>
        <TextField
            key="personal_number"
            label=t_string!(i18n, reg_personal_number)
            hint=t_string!(i18n, reg_personal_number_hint)
            value=form.personal_number
            input=Input::TEXT.inputmode("numeric").autocomplete("off")
        />
        <ContactFields form=contact suggested_office/>
    }
}

/// A person's first and last name, side by side where there is room: the job seeker's, and
/// an employer's contact person's.
#[component]
pub fn NameFields(first_name: String, last_name: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field-row">
            <TextField
                key="first_name"
                label=t_string!(i18n, reg_first_name)
                value=first_name
                input=Input::TEXT.autocomplete("given-name")
            />
            <TextField
                key="last_name"
                label=t_string!(i18n, reg_last_name)
                value=last_name
                input=Input::TEXT.autocomplete("family-name")
            />
        </div>
    }
}

/// How to reach the person and what they need at meetings: step 1's second half, and the
/// whole of the form on Mina sidor that changes them.
#[component]
pub fn ContactFields(form: ContactForm, suggested_office: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let yes_no = vec![("ja", t_string!(i18n, yes)), ("nej", t_string!(i18n, no))];
    view! {
        <TextField
            key="email"
            label=t_string!(i18n, reg_email)
            hint=t_string!(i18n, reg_email_hint)
            value=form.email
            input=Input::TEXT.kind("email").autocomplete("email")
        />
        <TextField
            key="phone"
            label=t_string!(i18n, reg_phone)
            hint=t_string!(i18n, reg_phone_hint)
            value=form.phone
            input=Input::TEXT.kind("tel").autocomplete("tel")
        />
        <TextField
            key="postcode"
            label=t_string!(i18n, reg_postcode)
            hint=t_string!(i18n, reg_postcode_hint)
            value=form.postcode
            input=Input::TEXT.inputmode("numeric").autocomplete("postal-code")
        />
        {suggested_office
            .map(|office| {
                view! {
                    <p class="notice">
                        {t_string!(i18n, reg_suggested_office, office = office).to_string()}
                    </p>
                }
            })}
        <SelectField
            key="preferred_language"
            label=t_string!(i18n, reg_preferred_language)
            value=form.preferred_language
            options=language_options(i18n)
        />
        <RadioGroup
            key="interpreter"
            legend=t_string!(i18n, reg_interpreter)
            hint=t_string!(i18n, reg_interpreter_hint)
            value=form.interpreter
            options=yes_no
        />
        <SelectField
            key="interpreter_language"
            label=t_string!(i18n, reg_interpreter_language)
            hint=t_string!(i18n, reg_interpreter_language_hint)
            value=form.interpreter_language
            options=language_options(i18n)
            conditional=true
        />
        <TextArea
            key="accessibility_needs"
            label=t_string!(i18n, reg_accessibility)
            hint=t_string!(i18n, reg_accessibility_hint)
            value=form.accessibility_needs
            optional=true
        />
    }
}
