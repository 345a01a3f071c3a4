//! `/personal/admin/atkomstlogg`: who opened which job seeker's data, when and why, searched
//! by seeker (personal identity number or name) and staff member over a period; personal
//! numbers masked; downloadable as CSV. A plain GET form: works without JavaScript.

use super::{meeting_panel::staff_error_text, require_staff, staff_load_failed};
use crate::{
    api::access_log::load_access_log,
    components::{meeting_words::when_text, messages::I18n},
    domain::{
        access_log::{AccessLogQuery, AccessReason},
        choices::SearchReason,
        field_error::FieldErrors,
        time::iso_date,
    },
    i18n::*,
    paths::{self, encode_query_value as enc},
    views::access_log::AccessLogView,
};
use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccessLogPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::ACCESS_LOG);
    let query = use_query_map().with_untracked(|q| AccessLogQuery {
        seeker: q.get("seeker").unwrap_or_default(),
        staff: q.get("staff").unwrap_or_default(),
        fran: q.get("fran").unwrap_or_default(),
        till: q.get("till").unwrap_or_default(),
    });
    let load = load_access_log(query);
    view! {
        <Title text=t_string!(i18n, log_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <AccessLog view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, log_title),
                    t_string!(i18n, log_forbidden),
                ),
            }
        })}
    }
}

fn error_of(i18n: I18n, errors: &FieldErrors, key: &str) -> Option<&'static str> {
    errors.get(key).map(|e| staff_error_text(i18n, *e))
}

#[component]
fn AccessLog(view: AccessLogView) -> impl IntoView {
    let i18n = use_i18n();
    let AccessLogView {
        query,
        errors,
        from,
        to,
        staff,
        lines,
        truncated,
        office,
    } = view;
    let (from, to) = (iso_date(from.0), iso_date(to.0));
    let csv = |format: &str| {
        format!(
            "{}?seeker={}&staff={}&fran={from}&till={to}{format}",
            paths::ACCESS_LOG_CSV,
            enc(&query.seeker),
            enc(&query.staff)
        )
    };
    let seeker_error = error_of(i18n, &errors, "seeker");
    let staff_error = error_of(i18n, &errors, "staff");
    let from_error = error_of(i18n, &errors, "fran");
    let to_error = error_of(i18n, &errors, "till");
    let scope = match office {
        Some(o) => t_string!(i18n, log_scope_office, office = o).to_string(),
        None => t_string!(i18n, log_scope_all).to_owned(),
    };
    let n = lines.len();
    view! {
        <div class="page page--wide access-log">
            <h1>{t!(i18n, log_title)}</h1>
            <p class="lead">{scope}</p>
            <p class="field__hint">{t!(i18n, log_hint)}</p>
            {(!errors.is_empty()).then(|| view! {
                <p class="notice notice--error" role="alert" id="fel">{t!(i18n, wh_fix)}</p>
            })}
            <form method="get" action=paths::ACCESS_LOG class="access-log__search" novalidate>
                <div class="field-row">
                    <div class="field" class:field--error=seeker_error.is_some()>
                        <label for="f-log-seeker">{t!(i18n, log_seeker)}</label>
                        <p class="field__hint" id="f-log-seeker-hint">{t!(i18n, log_seeker_hint)}</p>
                        <p class="field__error" id="f-log-seeker-fel">{seeker_error}</p>
                        <input id="f-log-seeker" name="seeker" type="search" value=query.seeker.clone()
                            autocomplete="off" aria-describedby="f-log-seeker-hint f-log-seeker-fel"
                            aria-invalid=seeker_error.map(|_| "true")/>
                    </div>
                    <div class="field" class:field--error=staff_error.is_some()>
                        <label for="f-log-staff">{t!(i18n, log_staff)}</label>
                        <p class="field__error" id="f-log-staff-fel">{staff_error}</p>
                        <select id="f-log-staff" name="staff" aria-describedby="f-log-staff-fel">
                            <option value="" selected=query.staff.is_empty()>{t!(i18n, fu_any)}</option>
                            {staff.into_iter().map(|(id, name)| view! {
                                <option value=id.to_string() selected=query.staff == id.to_string()>{name}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field-row">
                    <div class="field" class:field--error=from_error.is_some()>
                        <label for="f-log-from">{t!(i18n, fig_from)}</label>
                        <p class="field__error" id="f-log-from-fel">{from_error}</p>
                        <input id="f-log-from" name="fran" type="date" value=if query.fran.is_empty() { from.clone() } else { query.fran.clone() }
                            aria-describedby="f-log-from-fel" aria-invalid=from_error.map(|_| "true")/>
                    </div>
                    <div class="field" class:field--error=to_error.is_some()>
                        <label for="f-log-to">{t!(i18n, fig_to)}</label>
                        <p class="field__error" id="f-log-to-fel">{to_error}</p>
                        <input id="f-log-to" name="till" type="date" value=if query.till.is_empty() { to.clone() } else { query.till.clone() }
                            aria-describedby="f-log-to-fel" aria-invalid=to_error.map(|_| "true")/>
                    </div>
                </div>
                <button type="submit" class="button">{t!(i18n, log_search)}</button>
            </form>

            {errors.is_empty().then(|| view! {
                <h2 id="handelser">
                    {match (truncated, n) {
                        (true, _) => t_string!(i18n, log_count_truncated, n = n).to_string(),
                        (false, 1) => t_string!(i18n, log_count_one).to_owned(),
                        (false, _) => t_string!(i18n, log_count, n = n).to_string(),
                    }}
                </h2>
                <p>
                    <a href=csv("")>{t!(i18n, log_csv)}</a>
                    " · "
                    <a href=csv("&format=komma")>{t!(i18n, log_csv_plain)}</a>
                </p>
                {if lines.is_empty() {
                    view! { <p>{t!(i18n, log_none)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll" role="region" aria-labelledby="handelser" tabindex="0">
                            <table class="access-log__table">
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, log_col_when)}</th>
                                        <th scope="col">{t!(i18n, log_col_staff)}</th>
                                        <th scope="col">{t!(i18n, log_col_seeker)}</th>
                                        <th scope="col">{t!(i18n, log_col_why)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {lines.into_iter().map(|l| {
                                        let why = match (l.reason, l.booking_id) {
                                            (Some(AccessReason::Meeting), Some(b)) => t_string!(i18n, log_why_booking, id = b).to_string(),
                                            (Some(AccessReason::ReportList), _) => t_string!(i18n, log_why_report_list).to_owned(),
                                            (Some(AccessReason::NeedMatch), _) => t_string!(i18n, log_why_need_match).to_owned(),
                                            (Some(AccessReason::Case), _) => t_string!(i18n, log_why_case).to_owned(),
                                            (Some(AccessReason::Search(r)), _) => {
                                                let searched = l.search.clone().unwrap_or_default();
                                                let mut text = match r {
                                                    SearchReason::Visit => t_string!(i18n, log_why_search_visit, what = searched).to_string(),
                                                    SearchReason::Call => t_string!(i18n, log_why_search_call, what = searched).to_string(),
                                                    SearchReason::Other => t_string!(i18n, log_why_search_other, what = searched).to_string(),
                                                };
                                                if !l.note.is_empty() {
                                                    text.push_str(&format!(" ({})", l.note));
                                                }
                                                text
                                            }
                                            _ => "–".to_owned(),
                                        };
                                        let whom = if l.seeker.is_empty() {
                                            t_string!(i18n, log_found_nobody).to_owned()
                                        } else {
                                            l.seeker.clone()
                                        };
                                        view! {
                                            <tr>
                                                <td>{when_text(i18n, l.at)}</td>
                                                <td>{l.staff}{(!l.staff_office.is_empty()).then(|| format!(", {}", l.staff_office))}</td>
                                                <td>{whom} " " <span class="muted">{l.seeker_number}</span></td>
                                                <td>{why}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
            })}
        </div>
    }
}
