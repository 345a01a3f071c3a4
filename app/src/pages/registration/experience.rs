//! Step 2: work experience, any number of entries, added and removed in place.

use crate::{
    components::fields::{Input, IntentButton, TextArea, TextField},
    domain::{field_error::MAX_ENTRIES, registration::ExperienceForm},
    i18n::*,
};
use leptos::prelude::*;

/// The id of the list of occupation names offered while typing an occupation.
const NAMES_LIST: &str = "yrkesnamn";

#[component]
pub fn ExperienceStep(form: ExperienceForm, occupation_names: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let count = form.entries.len();
    view! {
        <p>{t!(i18n, reg_experience_intro)}</p>
        {(count == 0).then(|| view! { <p class="muted">{t!(i18n, reg_experience_none)}</p> })}
        {form
            .entries
            .into_iter()
            .enumerate()
            .map(|(i, entry)| {
                let key = |f: &str| format!("entries.{i}.{f}");
                let n = i + 1;
                view! {
                    <fieldset class="entry" id=format!("erfarenhet-{i}") tabindex="-1">
                        <legend>{t_string!(i18n, reg_experience_entry, n = n).to_string()}</legend>
                        <TextField
                            key=key("employer")
                            label=t_string!(i18n, reg_employer)
                            value=entry.employer
                            input=Input::TEXT.autocomplete("organization")
                        />
                        <TextField
                            key=key("occupation")
                            label=t_string!(i18n, reg_occupation)
                            hint=t_string!(i18n, reg_occupation_hint)
                            value=entry.occupation
                            input=Input::TEXT.autocomplete("off").list(NAMES_LIST)
                        />
                        <div class="field-row">
                            <TextField
                                key=key("from")
                                label=t_string!(i18n, reg_from)
                                hint=t_string!(i18n, reg_month_hint)
                                value=entry.from
                                input=Input::TEXT.inputmode("numeric")
                            />
                            <TextField
                                key=key("to")
                                label=t_string!(i18n, reg_to)
                                hint=t_string!(i18n, reg_to_hint)
                                value=entry.to
                                input=Input::TEXT.inputmode("numeric")
                                optional=true
                            />
                        </div>
                        <TextArea
                            key=key("description")
                            label=t_string!(i18n, reg_description)
                            value=entry.description
                            optional=true
                        />
                        <IntentButton
                            intent=format!("remove-{i}")
                            label=t_string!(i18n, reg_experience_remove, n = n).to_string()
                            remove=true
                        />
                    </fieldset>
                }
            })
            .collect_view()}
        {(count < MAX_ENTRIES)
            .then(|| {
                view! {
                    <p>
                        <IntentButton intent="add" label=t_string!(i18n, reg_experience_add)/>
                    </p>
                }
            })}
        <datalist id=NAMES_LIST>
            {occupation_names
                .into_iter()
                .map(|n| view! { <option value=n></option> })
                .collect_view()}
        </datalist>
    }
}
