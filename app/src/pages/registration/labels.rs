//! What each registration field is called in the error summary: "Job 2 – Employer".

use crate::{components::messages::I18n, i18n::*};

pub fn field_label(i18n: I18n, key: &str) -> String {
    let mut parts = key.split('.');
    let first = parts.next().unwrap_or_default();
    let index = parts.next().and_then(|i| i.parse::<usize>().ok());
    let inner = parts.next();
    match (first, index, inner) {
        ("entries", Some(i), Some(field)) => {
            let n = i + 1;
            let (entry, label) = match field {
                "level" | "field" | "school" | "year" => (
                    t_string!(i18n, reg_education_entry, n = n).to_string(),
                    simple_label(i18n, field),
                ),
                _ => (
                    t_string!(i18n, reg_experience_entry, n = n).to_string(),
                    simple_label(i18n, field),
                ),
            };
            format!("{entry} – {label}")
        }
        ("languages", Some(i), Some(field)) => format!(
            "{} – {}",
            t_string!(i18n, reg_language_entry, n = i + 1),
            match field {
                "level" => t_string!(i18n, reg_language_level),
                _ => t_string!(i18n, reg_language),
            }
        ),
        _ => simple_label(i18n, first).to_owned(),
    }
}

fn simple_label(i18n: I18n, key: &str) -> &'static str {
    match key {
        "first_name" => t_string!(i18n, reg_first_name),
        "last_name" => t_string!(i18n, reg_last_name),
        "personal_number" => t_string!(i18n, reg_personal_number),
        "email" => t_string!(i18n, reg_email),
        "phone" => t_string!(i18n, reg_phone),
        "postcode" => t_string!(i18n, reg_postcode),
        "preferred_language" => t_string!(i18n, reg_preferred_language),
        "interpreter" => t_string!(i18n, reg_interpreter),
        "interpreter_language" => t_string!(i18n, reg_interpreter_language),
        "accessibility_needs" => t_string!(i18n, reg_accessibility),
        "employer" => t_string!(i18n, reg_employer),
        "occupation" => t_string!(i18n, reg_occupation),
        "from" => t_string!(i18n, reg_from),
        "to" => t_string!(i18n, reg_to),
        "description" => t_string!(i18n, reg_description),
        "level" => t_string!(i18n, reg_level),
        "field" => t_string!(i18n, reg_field),
        "school" => t_string!(i18n, reg_school),
        "year" => t_string!(i18n, reg_year),
        "entries" => t_string!(i18n, reg_step_experience),
        "languages" => t_string!(i18n, reg_languages_title),
        "licences" => t_string!(i18n, reg_licences),
        "other_skills" => t_string!(i18n, reg_other_skills),
        "occupations" => t_string!(i18n, reg_occupations),
        "regions" => t_string!(i18n, reg_regions),
        "extent" => t_string!(i18n, reg_extent),
        "earliest_start" => t_string!(i18n, reg_earliest_start),
        "situation" => t_string!(i18n, reg_situation),
        "password" => t_string!(i18n, reg_password),
        "bekraftat" => t_string!(i18n, reg_assisted_confirm_short),
        _ => t_string!(i18n, reg_title),
    }
}
