//! `/personal/admin/handlaggare/ny` and `/personal/admin/handlaggare/{id}`: the form for a
//! new counsellor (who gets a staff account and a one-time link to set its password) or for
//! changing one, and deactivating them, with the meetings still booked with them listed
//! and linked to where they can be moved.

use super::{id_or_new, last_sign_in_text, notice_view};
use crate::{
    api::admin::{load_counsellor, SaveCounsellor, SetCounsellorActive},
    components::{
        fields::{provide_shown_errors, CheckboxList, ErrorSummary, Input, SelectList, TextField},
        meeting_words::{channel_name, is_swedish, when_text},
        messages::{language_name, I18n},
    },
    domain::{choices::LanguageCode, Channel},
    i18n::*,
    pages::staff::{require_staff, staff_load_failed},
    paths,
    views::admin::{Choice, CounsellorEditView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};

#[component]
pub fn CounsellorPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_or_new();
    let back = match &id {
        Ok(Some(id)) => paths::admin_counsellor(id),
        _ => paths::ADMIN_NEW_COUNSELLOR.to_owned(),
    };
    require_staff(&back);
    let load = Resource::new_blocking(
        || (),
        move |_| {
            let id = id.clone();
            async move {
                match id {
                    Ok(id) => load_counsellor(id).await,
                    Err(e) => Err(e),
                }
            }
        },
    );
    view! {
        <Title text=t_string!(i18n, adm_counsellors_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Counsellor view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, adm_counsellors_title),
                    t_string!(i18n, adm_forbidden),
                ),
            }
        })}
    }
}

fn label_of(i18n: I18n, key: &str) -> String {
    match key {
        "first_name" => t_string!(i18n, adm_first_name),
        "last_name" => t_string!(i18n, adm_last_name),
        "title" => t_string!(i18n, adm_title_sv),
        "title_en" => t_string!(i18n, adm_title_en),
        "phone" => t_string!(i18n, adm_phone),
        "email" => t_string!(i18n, adm_email),
        "office" => t_string!(i18n, adm_office),
        "fields" => t_string!(i18n, adm_fields),
        "languages" => t_string!(i18n, adm_languages),
        "channels" => t_string!(i18n, adm_channels),
        _ => t_string!(i18n, adm_form),
    }
    .to_owned()
}

fn words(i18n: I18n, choices: Vec<Choice>) -> Vec<(String, String)> {
    let swedish = is_swedish(i18n);
    choices
        .into_iter()
        .map(|c| (c.code, if swedish { c.sv } else { c.en }))
        .collect()
}

#[component]
fn Counsellor(view: CounsellorEditView) -> impl IntoView {
    let i18n = use_i18n();
    let CounsellorEditView {
        id,
        name,
        form,
        errors,
        offices,
        fields,
        active,
        account_id,
        last_sign_in,
        booked,
        notice,
    } = view;
    provide_shown_errors(errors, label_of);
    let heading = match id {
        Some(_) => name.clone(),
        None => t_string!(i18n, adm_new_counsellor).to_owned(),
    };
    let languages: Vec<(String, String)> = LanguageCode::ALL
        .iter()
        .map(|l| (l.as_str().to_owned(), language_name(i18n, *l).to_owned()))
        .collect();
    let channels: Vec<(String, String)> = Channel::ALL
        .iter()
        .map(|c| (c.as_str().to_owned(), channel_name(i18n, *c).to_owned()))
        .collect();
    let version = form.version.clone();
    let deactivate_version = version.clone();
    let employers = !form.serves_employers.trim().is_empty();
    view! {
        <div class="page page--form admin">
            <p><a href=paths::ADMIN_COUNSELLORS>"← " {t!(i18n, adm_counsellors_title)}</a></p>
            <h1>{heading}</h1>
            {notice_view(i18n, notice)}
            {id.map(|_| view! {
                <p>
                    {if active { t!(i18n, adm_active).into_any() } else { view! { <span class="tag tag--closed">{t!(i18n, adm_inactive)}</span> }.into_any() }}
                    " · " {t!(i18n, adm_col_signin)} ": " {last_sign_in_text(i18n, last_sign_in)}
                    {account_id.map(|a| view! { " · " <a href=paths::admin_account(a)>{t!(i18n, adm_account_link)}</a> })}
                </p>
            })}
            {id.is_none().then(|| view! { <p class="lead">{t!(i18n, adm_new_lead)}</p> })}
            <form method="post" action=SaveCounsellor::PATH novalidate id="formular">
                <ErrorSummary/>
                {id.map(|id| view! { <input type="hidden" name="id" value=id.to_string()/> })}
                <input type="hidden" name="form[version]" value=version/>
                <TextField key="first_name" label=t_string!(i18n, adm_first_name) value=form.first_name input=Input::TEXT.autocomplete("off")/>
                <TextField key="last_name" label=t_string!(i18n, adm_last_name) value=form.last_name input=Input::TEXT.autocomplete("off")/>
                <TextField key="title" label=t_string!(i18n, adm_title_sv) value=form.title/>
                <TextField key="title_en" label=t_string!(i18n, adm_title_en) value=form.title_en optional=true hint=t_string!(i18n, adm_title_en_hint)/>
                <TextField key="phone" label=t_string!(i18n, adm_phone) value=form.phone input=Input::TEXT.kind("tel").autocomplete("off")/>
                <TextField key="email" label=t_string!(i18n, adm_email) value=form.email input=Input::TEXT.kind("email").autocomplete("off") hint=t_string!(i18n, adm_email_hint)/>
                <SelectList key="office" label=t_string!(i18n, adm_office) value=form.office options=words(i18n, offices)/>
                <CheckboxList key="fields" legend=t_string!(i18n, adm_fields) values=form.fields options=words(i18n, fields) hint=t_string!(i18n, adm_fields_hint) columns=true/>
                <CheckboxList key="languages" legend=t_string!(i18n, adm_languages) values=form.languages options=languages columns=true/>
                <CheckboxList key="channels" legend=t_string!(i18n, adm_channels) values=form.channels options=channels/>
                <div class="field choice">
                    <input type="checkbox" id="f-serves_employers" name="form[serves_employers]" value="ja" checked=employers/>
                    <label for="f-serves_employers">{t!(i18n, adm_serves_employers)}</label>
                </div>
                <button type="submit" class="button">
                    {if id.is_some() { t!(i18n, adm_save).into_any() } else { t!(i18n, adm_create).into_any() }}
                </button>
            </form>
            {id.map(|id| view! { <Deactivate id active version=deactivate_version.clone() booked/> })}
        </div>
    }
}

/// Deactivating (or taking back) the counsellor, after the meetings still booked with them.
#[component]
fn Deactivate(
    id: i64,
    active: bool,
    version: String,
    booked: Vec<crate::views::work_hours::Collision>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = booked.len();
    view! {
        <section class="admin__section" aria-labelledby="avsluta-rubrik">
            <h2 id="avsluta-rubrik">{if active { t!(i18n, adm_deactivate_heading).into_any() } else { t!(i18n, adm_reactivate_heading).into_any() }}</h2>
            {if n == 0 {
                view! { <p>{t!(i18n, adm_booked_none)}</p> }.into_any()
            } else {
                view! {
                    <p><strong>"⚠ " {t!(i18n, adm_booked_lead, n = n)}</strong></p>
                    <ul class="admin__meetings">
                        {booked.into_iter().map(|m| view! {
                            <li><a href=m.href>{when_text(i18n, m.starts_at)} " – " {m.seeker}</a></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {active.then(|| view! { <p>{t!(i18n, adm_deactivate_lead)}</p> })}
            <form method="post" action=SetCounsellorActive::PATH>
                <input type="hidden" name="id" value=id.to_string()/>
                <input type="hidden" name="aktiv" value=if active { "nej" } else { "ja" }/>
                <input type="hidden" name="version" value=version/>
                <button type="submit" class=if active { "button button--danger" } else { "button" }>
                    {if active { t!(i18n, adm_deactivate_button).into_any() } else { t!(i18n, adm_reactivate_button).into_any() }}
                </button>
            </form>
        </section>
    }
}
