//! Step 5: everything on one page to check, each part with a link back to its step, and the
//! password for the account.

use super::{place, step_name};
use crate::{
    components::{
        fields::{Checkbox, Input, TextField},
        messages::{
            education_level_name, extent_name, language_level_name, language_name, region_name,
            situation_name, I18n,
        },
    },
    domain::{
        choices::{EducationLevel, Extent, LanguageCode, LanguageLevel, Region, Situation},
        registration::{RegistrationDraft, Step},
        Email, Occupation, PersonalNumber, PhoneNumber, Postcode,
    },
    i18n::*,
};
use chrono::NaiveDate;
use leptos::prelude::*;

/// What a person typed, or "nothing given".
fn or_nothing(i18n: I18n, text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        t_string!(i18n, reg_review_nothing).to_owned()
    } else {
        text.to_owned()
    }
}

/// A code's words if it is one of the list's values, or what was typed.
fn named<T: Copy>(
    i18n: I18n,
    input: &str,
    parse: impl Fn(&str) -> Option<T>,
    name: impl Fn(I18n, T) -> &'static str,
) -> String {
    match parse(input) {
        Some(value) => name(i18n, value).to_owned(),
        None => or_nothing(i18n, input),
    }
}

#[component]
pub fn ReviewStep(
    draft: RegistrationDraft,
    today: NaiveDate,
    desired: Vec<Occupation>,
    suggested_office: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let place = place();
    let swedish = i18n.get_locale_untracked() == Locale::sv;
    let incomplete = draft.first_incomplete(today);
    let a = &draft.about;
    let personal_number = PersonalNumber::parse(&a.personal_number, today)
        .map(|p| p.formatted())
        .unwrap_or_else(|_| or_nothing(i18n, &a.personal_number));
    let email = Email::parse(&a.email)
        .map(|e| e.to_string())
        .unwrap_or_else(|_| or_nothing(i18n, &a.email));
    let phone = PhoneNumber::parse_mobile(&a.phone)
        .map(|p| p.display_national())
        .unwrap_or_else(|_| or_nothing(i18n, &a.phone));
    let postcode = Postcode::parse(&a.postcode)
        .map(|p| p.to_string())
        .unwrap_or_else(|_| or_nothing(i18n, &a.postcode));
    let interpreter = if a.wants_interpreter() {
        format!(
            "{}, {}",
            t_string!(i18n, yes),
            named(
                i18n,
                &a.interpreter_language,
                LanguageCode::parse,
                language_name
            )
        )
    } else {
        t_string!(i18n, no).to_owned()
    };
    let about = vec![
        (
            t_string!(i18n, reg_name),
            format!("{} {}", a.first_name.trim(), a.last_name.trim()),
        ),
        (t_string!(i18n, reg_personal_number), personal_number),
        (t_string!(i18n, reg_email), email),
        (t_string!(i18n, reg_phone), phone),
        (t_string!(i18n, reg_postcode), postcode),
        (
            t_string!(i18n, reg_nearest_office),
            or_nothing(i18n, suggested_office.as_deref().unwrap_or_default()),
        ),
        (
            t_string!(i18n, reg_preferred_language),
            named(
                i18n,
                &a.preferred_language,
                LanguageCode::parse,
                language_name,
            ),
        ),
        (t_string!(i18n, reg_interpreter), interpreter),
        (
            t_string!(i18n, reg_accessibility),
            or_nothing(i18n, &a.accessibility_needs),
        ),
    ];

    let jobs: Vec<String> = draft
        .experience
        .entries
        .iter()
        .map(|e| {
            let to = if e.to.trim().is_empty() {
                t_string!(i18n, reg_review_ongoing).to_owned()
            } else {
                e.to.trim().to_owned()
            };
            format!(
                "{} – {}, {} – {to}",
                e.occupation.trim(),
                e.employer.trim(),
                e.from.trim()
            )
        })
        .collect();

    let ed = &draft.education;
    let educations: Vec<String> = ed
        .entries
        .iter()
        .map(|e| {
            let mut parts = vec![
                named(i18n, &e.level, EducationLevel::parse, education_level_name),
                e.field.trim().to_owned(),
            ];
            parts.extend(
                [e.school.trim(), e.year.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
            parts.join(", ")
        })
        .collect();
    let languages: Vec<String> = ed
        .languages
        .iter()
        .map(|l| {
            format!(
                "{} – {}",
                named(i18n, &l.language, LanguageCode::parse, language_name),
                named(i18n, &l.level, LanguageLevel::parse, language_level_name)
            )
        })
        .collect();
    let skills = vec![
        (
            t_string!(i18n, reg_education_title),
            list_or_nothing(i18n, educations),
        ),
        (
            t_string!(i18n, reg_languages_title),
            list_or_nothing(i18n, languages),
        ),
        (
            t_string!(i18n, reg_licences),
            or_nothing(i18n, &ed.licences.join(", ")),
        ),
        (
            t_string!(i18n, reg_other_skills),
            or_nothing(i18n, &ed.other_skills),
        ),
    ];

    let w = &draft.wishes;
    let occupations: Vec<String> = desired
        .iter()
        .map(|o| format!("{} ({})", o.name(swedish), o.field_name(swedish)))
        .collect();
    let regions: Vec<&str> = w
        .regions
        .iter()
        .filter_map(|r| Region::parse(r))
        .map(|r| region_name(i18n, r))
        .collect();
    let start = if w.earliest_start.trim().is_empty() {
        t_string!(i18n, reg_review_asap).to_owned()
    } else {
        w.earliest_start.trim().to_owned()
    };
    let wishes = vec![
        (
            t_string!(i18n, reg_occupations),
            list_or_nothing(i18n, occupations),
        ),
        (
            t_string!(i18n, reg_regions),
            or_nothing(i18n, &regions.join(", ")),
        ),
        (
            t_string!(i18n, reg_extent),
            named(i18n, &w.extent, Extent::parse, extent_name),
        ),
        (t_string!(i18n, reg_earliest_start), start),
        (
            t_string!(i18n, reg_situation),
            named(i18n, &w.situation, Situation::parse, situation_name),
        ),
    ];

    view! {
        <p>{t!(i18n, reg_review_intro)}</p>
        // Worded for whoever sent it: it never says whether the details are registered.
        {(draft.not_created && place.assisted()).then(|| view! {
            <div class="notice notice--warning" role="alert">
                <h3>{t!(i18n, reg_not_created_title)}</h3>
                <p>{t!(i18n, reg_assisted_not_created)}</p>
                <p><a href=crate::paths::PEOPLE>{t!(i18n, reg_assisted_search)}</a></p>
            </div>
        })}
        {(draft.not_created && !place.assisted())
            .then(|| {
                view! {
                    <div class="notice notice--warning" role="alert">
                        <h3>{t!(i18n, reg_not_created_title)}</h3>
                        <p>{t!(i18n, reg_not_created_text)}</p>
                        <p>
                            <a href=crate::paths::sign_in(crate::paths::BOOK)>
                                {t!(i18n, reg_not_created_sign_in)}
                            </a>
                            " · "
                            <a href=place.step(Step::About)>
                                {t!(i18n, reg_not_created_change)}
                            </a>
                        </p>
                    </div>
                }
            })}
        {incomplete
            .map(|step| {
                view! {
                    <p class="notice notice--warning">
                        {t!(i18n, reg_incomplete)} " "
                        <a href=place.step(step)>{step_name(i18n, step)}</a>
                    </p>
                }
            })}
        <ReviewSection step=Step::About rows=about/>
        <ReviewSection
            step=Step::Experience
            rows=vec![(t_string!(i18n, reg_step_experience), list_or_nothing(i18n, jobs))]
        />
        <ReviewSection step=Step::Education rows=skills/>
        <ReviewSection step=Step::Wishes rows=wishes/>

        {if place.assisted() {
            view! {
                <section class="form-section" aria-labelledby="konto-rubrik">
                    <h3 id="konto-rubrik">{t!(i18n, reg_assisted_account_title)}</h3>
                    <p>{t!(i18n, reg_assisted_account_intro)}</p>
                    <Checkbox
                        key="bekraftat"
                        label=t_string!(i18n, reg_assisted_confirm)
                        checked=false
                    />
                </section>
            }
                .into_any()
        } else {
            view! {
                <section class="form-section" aria-labelledby="konto-rubrik">
                    <h3 id="konto-rubrik">{t!(i18n, reg_account_title)}</h3>
                    <p>{t!(i18n, reg_account_intro)}</p>
                    // The email is the user name: password managers store the pair.
                    <input type="hidden" name="username" autocomplete="username" value=draft.about.email.trim().to_owned()/>
                    <TextField
                        key="password"
                        label=t_string!(i18n, reg_password)
                        hint=t_string!(i18n, reg_password_hint)
                        value=""
                        input=Input::TEXT.kind("password").autocomplete("new-password")
                    />
                </section>
            }
                .into_any()
        }}
    }
}

fn list_or_nothing(i18n: I18n, items: Vec<String>) -> String {
    if items.is_empty() {
        t_string!(i18n, reg_review_nothing).to_owned()
    } else {
        items.join("\n")
    }
}

#[component]
fn ReviewSection(step: Step, rows: Vec<(&'static str, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let place = place();
    let heading = format!("granska-{}", step.slug());
    let labelled_by = heading.clone();
    view! {
        <section class="review" aria-labelledby=labelled_by>
            <div class="review__head">
                <h3 id=heading>{step_name(i18n, step)}</h3>
                <a href=place.step(step)>
                    {t!(i18n, reg_change)}
                    <span class="visually-hidden">" " {step_name(i18n, step)}</span>
                </a>
            </div>
            <dl class="review__list">
                {rows
                    .into_iter()
                    .map(|(label, value)| {
                        view! {
                            <div class="review__row">
                                <dt>{label}</dt>
                                <dd>{value}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}
