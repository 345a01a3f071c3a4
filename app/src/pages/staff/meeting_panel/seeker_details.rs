//! Who a job seeker is and what they need, as staff read it: how to reach them, language and
//! needs, what they look for, experience, education and languages. The meeting's panel and
//! the person's case page show it alike.

use crate::{
    components::meeting_words::is_swedish,
    components::messages::{
        education_level_name, extent_name, language_level_name, language_name, licence_name,
        region_name, situation_name, I18n,
    },
    domain::choices::{EducationLevel, LanguageCode, LanguageLevel},
    i18n::*,
    views::case_file::PanelSeeker,
};
use leptos::prelude::*;

pub(crate) fn seeker_details(i18n: I18n, seeker: &PanelSeeker) -> impl IntoView {
    let swedish = is_swedish(i18n);
    let seeker = seeker.clone();
    let interpreter = seeker
        .interpreter_language
        .as_deref()
        .and_then(LanguageCode::parse)
        .map(|l| language_name(i18n, l));
    let spoken = LanguageCode::parse(&seeker.preferred_language).map(|l| language_name(i18n, l));
    view! {
        <h3>{t!(i18n, case_contact)}</h3>
        <dl>
            <dt>{t!(i18n, reg_phone)}</dt>
            <dd><a href=format!("tel:{}", seeker.phone.replace(' ', ""))>{seeker.phone.clone()}</a></dd>
            <dt>{t!(i18n, reg_email)}</dt>
            <dd><a href=format!("mailto:{}", seeker.email)>{seeker.email.clone()}</a></dd>
            <dt>{t!(i18n, case_language)}</dt>
            <dd>{spoken.unwrap_or_default()}</dd>
        </dl>

        <h3>{t!(i18n, case_needs)}</h3>
        <ul>
            {match interpreter {
                Some(l) => view! { <li><strong>{t_string!(i18n, case_interpreter, language = l).to_string()}</strong></li> }.into_any(),
                None => view! { <li>{t!(i18n, case_no_interpreter)}</li> }.into_any(),
            }}
            {if seeker.accessibility_needs.trim().is_empty() {
                view! { <li>{t!(i18n, case_no_accessibility)}</li> }.into_any()
            } else {
                view! { <li><strong>{t!(i18n, case_accessibility)}</strong> " " {seeker.accessibility_needs.clone()}</li> }.into_any()
            }}
        </ul>

        <h3>{t!(i18n, case_looking_for)}</h3>
        <p>
            {seeker.desired.iter().map(|(sv, en)| if swedish { sv.clone() } else { en.clone() }).collect::<Vec<_>>().join(", ")}
        </p>
        {(!seeker.fields.is_empty()).then(|| view! {
            <p class="muted">
                {t!(i18n, case_fields)} " "
                {seeker.fields.iter().map(|(sv, en)| if swedish { sv.clone() } else { en.clone() }).collect::<Vec<_>>().join(", ")}
            </p>
        })}
        {seeker.profile.clone().map(|p| {
            let wish = [
                p.extent.map(|e| extent_name(i18n, e)),
                p.situation.map(|s| situation_name(i18n, s)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            let regions = p.regions.iter().map(|r| region_name(i18n, *r)).collect::<Vec<_>>().join(", ");
            let licences = p.licences.iter().map(|l| licence_name(i18n, *l)).collect::<Vec<_>>().join(", ");
            view! {
                {(!wish.is_empty()).then(|| view! { <p>{wish}</p> })}
                <dl>
                    {(!regions.is_empty()).then(|| view! {
                        <dt>{t!(i18n, case_regions)}</dt>
                        <dd>{regions}</dd>
                    })}
                    <dt>{t!(i18n, reg_licences)}</dt>
                    <dd>{if licences.is_empty() { t_string!(i18n, case_no_licence).to_owned() } else { licences }}</dd>
                </dl>
                {(!p.skills.trim().is_empty()).then(|| view! { <p>{p.skills.clone()}</p> })}
            }
        })}

        <h3>{t!(i18n, case_experience)}</h3>
        {if seeker.experiences.is_empty() {
            view! { <p>{t!(i18n, case_none_given)}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {seeker.experiences.iter().map(|(employer, job, from, to, description)| view! {
                        <li>
                            {format!("{job}, {employer} ({from}–{})", to.clone().unwrap_or_default())}
                            {(!description.trim().is_empty()).then(|| view! {
                                <p class="timeline__body">{description.clone()}</p>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h3>{t!(i18n, case_education)}</h3>
        {if seeker.educations.is_empty() {
            view! { <p>{t!(i18n, case_none_given)}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {seeker.educations.iter().map(|(level, field, school, year)| {
                        let level = EducationLevel::parse(level).map(|l| education_level_name(i18n, l)).unwrap_or_default();
                        let year = year.map(|y| format!(" {y}")).unwrap_or_default();
                        view! { <li>{format!("{level}: {field}, {school}{year}")}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h3>{t!(i18n, case_languages)}</h3>
        <p>
            {if seeker.languages.is_empty() {
                t_string!(i18n, case_none_given).to_owned()
            } else {
                seeker.languages.iter().map(|(code, level)| {
                    let name = LanguageCode::parse(code).map(|l| language_name(i18n, l)).unwrap_or_default();
                    let level = LanguageLevel::parse(level).map(|l| language_level_name(i18n, l)).unwrap_or_default();
                    format!("{name} ({level})")
                }).collect::<Vec<_>>().join(", ")
            }}
        </p>

    }
}
