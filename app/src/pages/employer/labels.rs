//! The employer's fields by name and in the order they come, for the error summary.

use crate::{components::messages::I18n, i18n::*};

pub fn employer_field_label(i18n: I18n, key: &str) -> String {
    match key {
        "org_number" => t_string!(i18n, emp_org_number),
        "name" => t_string!(i18n, emp_org_name),
        "street" => t_string!(i18n, emp_street),
        "postcode" => t_string!(i18n, reg_postcode),
        "city" => t_string!(i18n, emp_city),
        "municipality" => t_string!(i18n, emp_municipality),
        "first_name" => t_string!(i18n, reg_first_name),
        "last_name" => t_string!(i18n, reg_last_name),
        "email" => t_string!(i18n, emp_email),
        "phone" => t_string!(i18n, emp_phone),
        "password" => t_string!(i18n, reg_password),
        "headline" => t_string!(i18n, need_headline),
        "occupation" => t_string!(i18n, need_occupation),
        "positions" => t_string!(i18n, need_positions),
        "employment" => t_string!(i18n, need_employment),
        "extent" => t_string!(i18n, need_extent),
        "earliest_start" => t_string!(i18n, need_earliest_start),
        "apply_by" => t_string!(i18n, need_apply_by),
        "description" => t_string!(i18n, need_description),
        _ => t_string!(i18n, emp_title),
    }
    .to_owned()
}

/// The registration form's fields, top to bottom.
pub const REGISTRATION_ORDER: &[&str] = &[
    "org_number",
    "name",
    "street",
    "postcode",
    "city",
    "municipality",
    "first_name",
    "last_name",
    "email",
    "phone",
    "password",
];

/// The need form's fields, top to bottom.
pub const NEED_ORDER: &[&str] = &[
    "headline",
    "occupation",
    "positions",
    "employment",
    "extent",
    "municipality",
    "earliest_start",
    "apply_by",
    "description",
];
