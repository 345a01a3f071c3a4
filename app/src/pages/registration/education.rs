//! Step 3: education, languages, driving licences and other skills.

use super::about::language_options;
use crate::{
    components::{
        fields::{CheckboxGroup, Input, IntentButton, SelectField, TextArea, TextField},
        messages::{education_level_name, language_level_name, licence_name},
    },
    domain::{
        choices::{DrivingLicence, EducationLevel, LanguageCode, LanguageLevel},
        field_error::MAX_ENTRIES,
        registration::EducationForm,
    },
    i18n::*,
};
use leptos::prelude::*;

#[component]
pub fn EducationStep(form: EducationForm) -> impl IntoView {
    let i18n = use_i18n();
    let levels: Vec<_> = EducationLevel::ALL
        .iter()
        .map(|l| (l.as_str(), education_level_name(i18n, *l)))
        .collect();
    let language_levels: Vec<_> = LanguageLevel::ALL
        .iter()
        .map(|l| (l.as_str(), language_level_name(i18n, *l)))
        .collect();
    let licences: Vec<_> = DrivingLicence::ALL
        .iter()
        .map(|l| (l.as_str(), licence_name(i18n, *l)))
        .collect();
    let educations = form.entries.len();
    let languages = form.languages.len();
    view! {
        <section class="form-section" aria-labelledby="utbildning-rubrik">
            <h3 id="utbildning-rubrik">{t!(i18n, reg_education_title)}</h3>
            <p>{t!(i18n, reg_education_intro)}</p>
            {(educations == 0).then(|| view! { <p class="muted">{t!(i18n, reg_education_none)}</p> })}
            {form
                .entries
                .into_iter()
                .enumerate()
                .map(|(i, entry)| {
                    let key = |f: &str| format!("entries.{i}.{f}");
                    let n = i + 1;
                    view! {
                        <fieldset class="entry" id=format!("utbildning-{i}") tabindex="-1">
                            <legend>{t_string!(i18n, reg_education_entry, n = n).to_string()}</legend>
                            <SelectField
                                key=key("level")
                                label=t_string!(i18n, reg_level)
                                value=entry.level
                                options=levels.clone()
                            />
                            <TextField
                                key=key("field")
                                label=t_string!(i18n, reg_field)
                                value=entry.field
                            />
                            <div class="field-row">
                                <TextField
                                    key=key("school")
                                    label=t_string!(i18n, reg_school)
                                    value=entry.school
                                    optional=true
                                />
                                <TextField
                                    key=key("year")
                                    label=t_string!(i18n, reg_year)
                                    hint=t_string!(i18n, reg_year_hint)
                                    value=entry.year
                                    input=Input::TEXT.inputmode("numeric")
                                    optional=true
                                />
                            </div>
                            <IntentButton
                                intent=format!("education-remove-{i}")
                                label=t_string!(i18n, reg_education_remove, n = n).to_string()
                                remove=true
                            />
                        </fieldset>
                    }
                })
                .collect_view()}
            {(educations < MAX_ENTRIES)
                .then(|| {
                    view! {
                        <p>
                            <IntentButton intent="education-add" label=t_string!(i18n, reg_education_add)/>
                        </p>
                    }
                })}
        </section>

        <section class="form-section" aria-labelledby="sprak-rubrik">
            <h3 id="sprak-rubrik">{t!(i18n, reg_languages_title)}</h3>
            <p>{t!(i18n, reg_languages_intro)}</p>
            {(languages == 0).then(|| view! { <p class="muted">{t!(i18n, reg_languages_none)}</p> })}
            {form
                .languages
                .into_iter()
                .enumerate()
                .map(|(i, entry)| {
                    let key = |f: &str| format!("languages.{i}.{f}");
                    let n = i + 1;
                    view! {
                        <fieldset class="entry" id=format!("sprak-{i}") tabindex="-1">
                            <legend>{t_string!(i18n, reg_language_entry, n = n).to_string()}</legend>
                            <div class="field-row">
                                <SelectField
                                    key=key("language")
                                    label=t_string!(i18n, reg_language)
                                    value=entry.language
                                    options=language_options(i18n)
                                />
                                <SelectField
                                    key=key("level")
                                    label=t_string!(i18n, reg_language_level)
                                    value=entry.level
                                    options=language_levels.clone()
                                />
                            </div>
                            <IntentButton
                                intent=format!("language-remove-{i}")
                                label=t_string!(i18n, reg_language_remove, n = n).to_string()
                                remove=true
                            />
                        </fieldset>
                    }
                })
                .collect_view()}
            {(languages < LanguageCode::ALL.len())
                .then(|| {
                    view! {
                        <p>
                            <IntentButton intent="language-add" label=t_string!(i18n, reg_language_add)/>
                        </p>
                    }
                })}
        </section>

        <CheckboxGroup
            key="licences"
            legend=t_string!(i18n, reg_licences)
            hint=t_string!(i18n, reg_licences_hint)
            values=form.licences
            options=licences
            optional=true
            columns=true
        />
        <TextArea
            key="other_skills"
            label=t_string!(i18n, reg_other_skills)
            hint=t_string!(i18n, reg_other_skills_hint)
            value=form.other_skills
            optional=true
        />
    }
}
