//! `/personal/admin/kontor/ny` and `/personal/admin/kontor/{id}`: the form for a new office
//! or for changing one (address, opening hours one weekday per line, postcode areas, visits),
//! its closed days with the meetings booked on them, and the reception's capacity.

use super::{id_or_new, notice_view};
use crate::{
    api::office_admin::{load_office_admin, CloseOfficeDay, ReopenOfficeDay, SaveOffice},
    components::{
        fields::{provide_shown_errors_saying, ErrorSummary, Input, TextField},
        meeting_words::{is_swedish, when_text},
        messages::{error_text, I18n},
    },
    domain::{
        admin::office::WEEKDAYS,
        field_error::FieldError,
        time::{day_and_month, weekday_name},
    },
    i18n::*,
    pages::staff::{office::CapacitySection, require_staff, staff_load_failed},
    paths,
    views::{
        office_admin::{ClosedDay, OfficeEditView},
        work_hours::Collision,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};

#[component]
pub fn AdminOfficePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_or_new();
    let back = match &id {
        Ok(Some(id)) => paths::admin_office(id),
        _ => paths::ADMIN_NEW_OFFICE.to_owned(),
    };
    require_staff(&back);
    let load = Resource::new_blocking(
        || (),
        move |_| {
            let id = id.clone();
            async move {
                match id {
                    Ok(id) => load_office_admin(id).await,
                    Err(e) => Err(e),
                }
            }
        },
    );
    view! {
        <Title text=t_string!(i18n, ofa_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Office view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, ofa_title),
                    t_string!(i18n, ofa_forbidden),
                ),
            }
        })}
    }
}

fn label_of(i18n: I18n, key: &str) -> String {
    match key {
        "name" => t_string!(i18n, ofa_name),
        "street" => t_string!(i18n, ofa_street),
        "postcode" => t_string!(i18n, ofa_postcode),
        "city" => t_string!(i18n, ofa_city),
        "phone" => t_string!(i18n, ofa_phone),
        "email" => t_string!(i18n, ofa_email),
        "areas" => t_string!(i18n, ofa_areas),
        "mon" => t_string!(i18n, weekday_mon),
        "tue" => t_string!(i18n, weekday_tue),
        "wed" => t_string!(i18n, weekday_wed),
        "thu" => t_string!(i18n, weekday_thu),
        "fri" => t_string!(i18n, weekday_fri),
        "sat" => t_string!(i18n, weekday_sat),
        "sun" => t_string!(i18n, weekday_sun),
        _ => t_string!(i18n, adm_form),
    }
    .to_owned()
}

/// The office form's own words for its errors; the rest as everywhere.
fn text_of(i18n: I18n, error: FieldError) -> &'static str {
    match error {
        FieldError::OpeningSpan => t_string!(i18n, ofa_err_span),
        FieldError::ClosesFirst => t_string!(i18n, ofa_err_closes_first),
        FieldError::SpansOverlap => t_string!(i18n, ofa_err_overlap),
        FieldError::PostcodeArea => t_string!(i18n, ofa_err_area),
        FieldError::PostcodeAreaTaken => t_string!(i18n, ofa_err_area_taken),
        FieldError::TooMany => t_string!(i18n, ofa_err_too_many),
        other => error_text(i18n, other),
    }
}

#[component]
fn Office(view: OfficeEditView) -> impl IntoView {
    let i18n = use_i18n();
    let OfficeEditView {
        id,
        form,
        errors,
        closed,
        closure,
        closure_errors,
        closure_in_the_way,
        capacity,
        capacity_errors,
        capacity_saved,
        notice,
    } = view;
    provide_shown_errors_saying(errors, label_of, text_of);
    let heading = match id {
        Some(_) => form.name.clone(),
        None => t_string!(i18n, ofa_new).to_owned(),
    };
    let visits = !form.takes_visits.trim().is_empty();
    let days = WEEKDAYS
        .iter()
        .map(|(_, key)| {
            view! {
                <TextField
                    key=*key
                    label=label_of(i18n, key)
                    value=form.day(key).to_owned()
                    input=Input::TEXT.autocomplete("off")
                    optional=true
                />
            }
        })
        .collect_view();
    view! {
        <div class="page page--form admin">
            <p><a href=paths::ADMIN_OFFICES>"← " {t!(i18n, ofa_title)}</a></p>
            <h1>{heading}</h1>
            {notice_view(i18n, notice)}
            {id.is_none().then(|| view! { <p class="lead">{t!(i18n, ofa_new_lead)}</p> })}
            <form method="post" action=SaveOffice::PATH novalidate id="formular">
                <ErrorSummary/>
                {id.map(|id| view! { <input type="hidden" name="id" value=id.to_string()/> })}
                <input type="hidden" name="form[version]" value=form.version.clone()/>
                <TextField key="name" label=t_string!(i18n, ofa_name) value=form.name.clone() input=Input::TEXT.autocomplete("off")/>
                <TextField key="street" label=t_string!(i18n, ofa_street) value=form.street.clone() input=Input::TEXT.autocomplete("off")/>
                <TextField key="postcode" label=t_string!(i18n, ofa_postcode) value=form.postcode.clone() input=Input::TEXT.inputmode("numeric").autocomplete("off")/>
                <TextField key="city" label=t_string!(i18n, ofa_city) value=form.city.clone() input=Input::TEXT.autocomplete("off")/>
                <TextField key="phone" label=t_string!(i18n, ofa_phone) value=form.phone.clone() input=Input::TEXT.kind("tel").autocomplete("off")/>
                <TextField key="email" label=t_string!(i18n, ofa_email) value=form.email.clone() input=Input::TEXT.kind("email").autocomplete("off")/>
                <TextField key="areas" label=t_string!(i18n, ofa_areas) value=form.areas.clone() input=Input::TEXT.inputmode("numeric").autocomplete("off") optional=true hint=t_string!(i18n, ofa_areas_hint)/>
                <div class="field choice">
                    <input type="checkbox" id="f-takes_visits" name="form[takes_visits]" value="ja" checked=visits/>
                    <label for="f-takes_visits">{t!(i18n, ofa_takes_visits)}</label>
                </div>
                // The lead is the group's description: read once on entering it, not at
                // every weekday.
                <fieldset class="admin__hours-form" aria-describedby="oppettider-tips">
                    <legend>{t!(i18n, ofa_hours)}</legend>
                    <p class="field__hint" id="oppettider-tips">{t!(i18n, ofa_hours_lead)}</p>
                    {days}
                </fieldset>
                <button type="submit" class="button">
                    {if id.is_some() { t!(i18n, adm_save).into_any() } else { t!(i18n, ofa_create).into_any() }}
                </button>
            </form>
            {id.map(|id| view! {
                <Closures id closed form=closure errors=closure_errors in_the_way=closure_in_the_way/>
                <CapacitySection
                    office_id=id
                    form=capacity
                    errors=capacity_errors
                    saved=capacity_saved
                    may_manage=true
                    back=paths::admin_office(id)
                />
            })}
        </div>
    }
}

fn meetings_list(i18n: I18n, meetings: Vec<Collision>) -> impl IntoView {
    view! {
        <ul class="admin__meetings">
            {meetings.into_iter().map(|m| view! {
                <li><a href=m.href>{when_text(i18n, m.starts_at)} " – " {m.seeker}</a></li>
            }).collect_view()}
        </ul>
    }
}

/// The closed days ahead and the form that adds one. A day with meetings booked is closed
/// only after they are shown and it is asked again.
#[component]
fn Closures(
    id: i64,
    closed: Vec<ClosedDay>,
    form: crate::domain::admin::office::ClosureForm,
    errors: crate::domain::field_error::FieldErrors,
    in_the_way: Vec<Collision>,
) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let date_text = move |d: chrono::NaiveDate| {
        format!("{} {}", weekday_name(d, swedish), day_and_month(d, swedish))
    };
    let error = |key: &str| errors.get(key).map(|e| error_text(i18n, *e));
    let (day_error, reason_error) = (error("day"), error("reason"));
    let confirm = (!in_the_way.is_empty()).then(|| {
        let n = in_the_way.len();
        view! {
            <div class="notice notice--warning" role="alert" id="bekrafta">
                <p><strong>"⚠ " {t!(i18n, ofa_close_booked, n = n)}</strong></p>
                {meetings_list(i18n, in_the_way)}
                <p>{t!(i18n, ofa_close_confirm_lead)}</p>
                <form method="post" action=CloseOfficeDay::PATH>
                    <input type="hidden" name="office" value=id.to_string()/>
                    <input type="hidden" name="form[day]" value=form.day.clone()/>
                    <input type="hidden" name="form[reason]" value=form.reason.clone()/>
                    <input type="hidden" name="bekraftad" value="ja"/>
                    <button type="submit" class="button button--danger">{t!(i18n, ofa_close_anyway)}</button>
                </form>
            </div>
        }
    });
    let rows = closed
        .into_iter()
        .map(|c| {
            let n = c.in_the_way.len();
            view! {
                <li class="admin__closed">
                    <strong>{date_text(c.day)}</strong> " – " {c.reason.clone()}
                    {(n > 0).then(|| view! {
                        <p><strong>"⚠ " {t!(i18n, ofa_still_booked, n = n)}</strong></p>
                        {meetings_list(i18n, c.in_the_way.clone())}
                    })}
                    <form method="post" action=ReopenOfficeDay::PATH class="inline-form">
                        <input type="hidden" name="office" value=id.to_string()/>
                        <input type="hidden" name="dag" value=c.day.to_string()/>
                        <button type="submit" class="button button--secondary">
                            {t!(i18n, ofa_reopen)}
                            <span class="visually-hidden">" " {date_text(c.day)}</span>
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="admin__section" aria-labelledby="stangda-rubrik" id="stangda-dagar">
            <h2 id="stangda-rubrik">{t!(i18n, ofa_closed_heading)}</h2>
            <p>{t!(i18n, ofa_closed_lead)}</p>
            {confirm}
            <ul class="admin__closed-list">{rows}</ul>
            <form method="post" action=CloseOfficeDay::PATH novalidate>
                <input type="hidden" name="office" value=id.to_string()/>
                <div class="field" class:field--error=day_error.is_some()>
                    <label for="f-closure-day">{t!(i18n, ofa_close_day)}</label>
                    <p class="field__hint" id="f-closure-day-tips">{t!(i18n, ofa_close_day_hint)}</p>
                    <p class="field__error" id="f-closure-day-fel">{day_error}</p>
                    <input id="f-closure-day" name="form[day]" type="text" inputmode="numeric" value=form.day.clone()
                        autocomplete="off"
                        aria-describedby="f-closure-day-tips f-closure-day-fel"
                        aria-invalid=day_error.map(|_| "true")/>
                </div>
                <div class="field" class:field--error=reason_error.is_some()>
                    <label for="f-closure-reason">{t!(i18n, ofa_close_reason)}</label>
                    <p class="field__error" id="f-closure-reason-fel">{reason_error}</p>
                    <input id="f-closure-reason" name="form[reason]" type="text" value=form.reason.clone()
                        maxlength="200" autocomplete="off"
                        aria-describedby="f-closure-reason-fel"
                        aria-invalid=reason_error.map(|_| "true")/>
                </div>
                <button type="submit" class="button">{t!(i18n, ofa_close_button)}</button>
            </form>
        </section>
    }
}
