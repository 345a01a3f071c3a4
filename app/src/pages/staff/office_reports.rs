//! `/personal/kontor/aktivitetsrapporter`: the office's job seekers and how far their report
//! for a month has come (sent, sent late, draft, not started, not sent in time), filtered by
//! counsellor. A plain page with a plain filter form; opening it writes every person listed
//! to the access log, and the page says so.

use super::{office::office_choice, require_staff, staff_load_failed};
use crate::{
    api::report_follow_up::load_office_reports,
    components::{
        meeting_words::{is_swedish, when_text},
        messages::{error_text, I18n},
    },
    domain::{
        activity_report::{
            follow_up::{CounsellorFilter, StatusCounts},
            period::ReportStatus,
        },
        time::day_and_month,
    },
    i18n::*,
    pages::my_pages::activity_report::words::{month_text, status_text},
    paths,
    views::report_follow_up::{OfficeReportLine, OfficeReportsView},
};
use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn OfficeReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::OFFICE_REPORTS);
    let (office, counsellor, month) = use_query_map().with_untracked(|q| {
        (
            q.get("kontor").and_then(|c| c.parse().ok()),
            q.get("radgivare").unwrap_or_default(),
            q.get("manad").unwrap_or_default(),
        )
    });
    let load = load_office_reports(office, counsellor, month);
    view! {
        <Title text=t_string!(i18n, orep_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <OfficeReports view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, orep_title),
                    t_string!(i18n, orep_err_forbidden),
                ),
            }
        })}
    }
}

fn status_class(status: ReportStatus) -> &'static str {
    match status {
        ReportStatus::Sent => "tag tag--arrived",
        ReportStatus::SentLate | ReportStatus::Late => "tag tag--waiting",
        ReportStatus::Draft | ReportStatus::NotStarted => "tag",
    }
}

#[component]
fn OfficeReports(view: OfficeReportsView) -> impl IntoView {
    let i18n = use_i18n();
    let error_of = |key: &str| view.errors.get(key).map(|e| error_text(i18n, *e));
    let month_error = error_of("manad");
    let counsellor_error = error_of("radgivare");
    let chosen = view.filter;
    let period = view.period;
    let choose_counsellor = |value: String, label: String| {
        let selected = CounsellorFilter::parse(&value) == Some(chosen);
        view! { <option value=value selected=selected>{label}</option> }
    };
    view! {
        <div class="page page--wide office-reports">
            <h1>{format!("{}: {}", t_string!(i18n, orep_title), view.office_name)}</h1>
            {office_choice(i18n, paths::OFFICE_REPORTS, &view.offices, view.office_id)}
            <p class="lead">
                {
                    let (month, date) = (
                        month_text(i18n, period),
                        day_and_month(view.deadline, is_swedish(i18n)),
                    );
                    if view.deadline_passed {
                        t_string!(i18n, orep_lead_past, month = month, date = date).to_string()
                    } else {
                        t_string!(i18n, orep_lead, month = month, date = date).to_string()
                    }
                }
            </p>
            <form method="get" action=paths::OFFICE_REPORTS class="field-row" novalidate>
                {(!view.offices.is_empty())
                    .then(|| view! { <input type="hidden" name="kontor" value=view.office_id.to_string()/> })}
                <div class="field" class:field--error=month_error.is_some()>
                    <label for="f-manad">{t!(i18n, orep_month)}</label>
                    <p class="field__error" id="f-manad-fel">{month_error}</p>
                    <select id="f-manad" name="manad" aria-describedby="f-manad-fel"
                        aria-invalid=month_error.map(|_| "true")>
                        {view.months.iter().map(|m| view! {
                            <option value=m.code() selected=*m == period>{month_text(i18n, *m)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:field--error=counsellor_error.is_some()>
                    <label for="f-radgivare">{t!(i18n, orep_counsellor)}</label>
                    <p class="field__error" id="f-radgivare-fel">{counsellor_error}</p>
                    <select id="f-radgivare" name="radgivare" aria-describedby="f-radgivare-fel"
                        aria-invalid=counsellor_error.map(|_| "true")>
                        {choose_counsellor(String::new(), t_string!(i18n, orep_everyone).to_owned())}
                        {view.counsellors.iter().map(|(id, name)| choose_counsellor(id.to_string(), name.clone())).collect_view()}
                        {choose_counsellor("ingen".into(), t_string!(i18n, orep_no_counsellor).to_owned())}
                    </select>
                </div>
                <button type="submit" class="button button--secondary">{t!(i18n, orep_show)}</button>
            </form>
            {view.errors.is_empty().then(|| view! {
                <Counts counts=view.counts/>
                <p class="muted">{t!(i18n, orep_logged)}</p>
                <Lines lines=view.lines.clone()/>
            })}
        </div>
    }
}

#[component]
fn Counts(counts: StatusCounts) -> impl IntoView {
    let i18n = use_i18n();
    let item = |label: &'static str, n: u32| view! { <div><dt>{label}</dt> <dd>{n}</dd></div> };
    view! {
        <section aria-labelledby="orep-lage">
            <h2 id="orep-lage">{t_string!(i18n, orep_counts, n = counts.total()).to_string()}</h2>
            <dl class="office-reports__counts">
                {item(status_text(i18n, ReportStatus::Sent), counts.sent)}
                {item(status_text(i18n, ReportStatus::SentLate), counts.sent_late)}
                {item(status_text(i18n, ReportStatus::Draft), counts.draft)}
                {item(status_text(i18n, ReportStatus::NotStarted), counts.not_started)}
                {item(status_text(i18n, ReportStatus::Late), counts.late)}
            </dl>
        </section>
    }
}

#[component]
fn Lines(lines: Vec<OfficeReportLine>) -> impl IntoView {
    let i18n = use_i18n();
    if lines.is_empty() {
        return view! { <p>{t!(i18n, orep_nobody)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll" role="region" aria-labelledby="orep-lage" tabindex="0">
            <table class="office-reports__table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, orep_col_seeker)}</th>
                        <th scope="col">{t!(i18n, orep_col_counsellor)}</th>
                        <th scope="col">{t!(i18n, orep_col_status)}</th>
                        <th scope="col">{t!(i18n, orep_col_sent)}</th>
                        <th scope="col">{t!(i18n, orep_col_case)}</th>
                    </tr>
                </thead>
                <tbody>
                    {lines.into_iter().map(|l| line(i18n, l)).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn line(i18n: I18n, l: OfficeReportLine) -> impl IntoView {
    let sent = l.sent.map(|(version, at)| {
        let when = when_text(i18n, at);
        if version > 1 {
            t_string!(i18n, orep_sent_version, when = when, n = version).to_string()
        } else {
            when
        }
    });
    view! {
        <tr>
            <th scope="row">{l.seeker} <span class="muted">" " {l.number}</span></th>
            <td>{l.counsellor.unwrap_or_else(|| "–".into())}</td>
            <td><span class=status_class(l.status)>{status_text(i18n, l.status)}</span></td>
            <td>{sent.unwrap_or_else(|| "–".into())}</td>
            <td>
                {match l.case_href {
                    Some(href) => view! { <a href=href>{t!(i18n, orep_open_case)}</a> }.into_any(),
                    None => "–".into_any(),
                }}
            </td>
        </tr>
    }
}
