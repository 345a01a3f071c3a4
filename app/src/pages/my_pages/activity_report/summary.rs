//! A month's report as it will be sent (the review) and as it was sent (the receipt, one per
//! version, printable). Both show the same summary.

use super::words::{activity_line, deadline_text, month_text, notice_text};
use crate::{
    api::activity_report::{load_receipt, load_report_review, SendReport},
    components::meeting_words::{channel_name, is_swedish, when_text},
    domain::{activity_report::report::ActivityReport, time::day_and_month},
    i18n::*,
    pages::my_pages::{load_failed, require_sign_in},
    paths,
    views::activity_report::{MonthMeeting, ReceiptView, ReportNotice, ReviewView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let period = use_params_map().with_untracked(|p| p.get("manad").unwrap_or_default());
    require_sign_in(&paths::activity_report_review(&period));
    let load = load_report_review(period);
    view! {
        <Title text=t_string!(i18n, ar_review_heading).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Review view/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, ar_review_heading)),
            }
        })}
    }
}

#[component]
fn Review(view: ReviewView) -> impl IntoView {
    let i18n = use_i18n();
    let code = view.period.code();
    let month = month_text(i18n, view.period);
    view! {
        <div class="page page--form">
            <p class="breadcrumb"><a href=paths::ACTIVITY_REPORTS>{t!(i18n, ar_title)}</a></p>
            <h1>{t_string!(i18n, ar_review_title, month = month).to_string()}</h1>
            <p class="lead">{t!(i18n, ar_review_lead)}</p>
            {view.late.then(|| view! {
                <p class="notice notice--warning">
                    {t_string!(i18n, ar_late_warning, date = day_and_month(view.deadline, is_swedish(i18n))).to_string()}
                </p>
            })}
            <ReportSummary report=view.report meetings=view.meetings/>
            <form method="post" action=SendReport::PATH class="actions">
                <input type="hidden" name="period" value=code.clone()/>
                <button type="submit" class="button">{t!(i18n, ar_send)}</button>
                <a class="button button--secondary" href=paths::activity_report(&code)>{t!(i18n, ar_edit)}</a>
            </form>
        </div>
    }
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let i18n = use_i18n();
    let (period, version) = use_params_map().with_untracked(|p| {
        (
            p.get("manad").unwrap_or_default(),
            p.get("version").unwrap_or_default(),
        )
    });
    let version: i64 = version.parse().unwrap_or(0);
    require_sign_in(&paths::activity_report_receipt(&period, version));
    let load = load_receipt(period, version);
    view! {
        <Title text=t_string!(i18n, ar_receipt_heading).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok((view, notice)) => view! { <Receipt view notice/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, ar_receipt_heading)),
            }
        })}
    }
}

#[component]
fn Receipt(view: ReceiptView, notice: Option<ReportNotice>) -> impl IntoView {
    let i18n = use_i18n();
    let code = view.period.code();
    let month = month_text(i18n, view.period);
    view! {
        <div class="page page--form receipt">
            <p class="breadcrumb no-print"><a href=paths::ACTIVITY_REPORTS>{t!(i18n, ar_title)}</a></p>
            {notice.map(|n| view! { <p class="notice notice--success no-print" role="status">{notice_text(i18n, n)}</p> })}
            <h1>{t_string!(i18n, ar_receipt_title, month = month).to_string()}</h1>
            <dl class="facts">
                <dt>{t!(i18n, my_name)}</dt>
                <dd>{view.name.clone()}</dd>
                <dt>{t!(i18n, my_personal_number)}</dt>
                <dd>{view.personal_number_masked.clone()}</dd>
                <dt>{t!(i18n, ar_receipt_sent)}</dt>
                <dd>{when_text(i18n, view.sent_at)}</dd>
                <dt>{t!(i18n, ar_receipt_deadline)}</dt>
                <dd>
                    {deadline_text(i18n, view.period.deadline_day())}
                    " · "
                    {if view.on_time { t_string!(i18n, ar_on_time) } else { t_string!(i18n, ar_late) }}
                </dd>
                <dt>{t!(i18n, ar_receipt_version)}</dt>
                <dd>{view.version.to_string()}</dd>
            </dl>
            {view.corrected_by.map(|v| view! {
                <p class="notice notice--warning">
                    {t_string!(i18n, ar_corrected_by, n = v).to_string()} " "
                    <a href=paths::activity_report_receipt(&code, v)>{t!(i18n, ar_show_version)}</a>
                </p>
            })}
            <ReportSummary report=view.report meetings=view.meetings/>
            <p class="muted no-print">{t!(i18n, ar_print_hint)}</p>
            {(view.corrected_by.is_none())
                .then(|| {
                    let label = if view.correcting { t_string!(i18n, ar_continue_correction) } else { t_string!(i18n, ar_correct) };
                    let href = if view.correcting { paths::activity_report(&code) } else { format!("{}?ratta=1", paths::activity_report(&code)) };
                    view! { <p class="no-print"><a class="button button--secondary" href=href>{label}</a></p> }
                })}
        </div>
    }
}

/// The report's content: meetings confirmed, activities, work and the reason for none.
#[component]
fn ReportSummary(report: ActivityReport, meetings: Vec<MonthMeeting>) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let answers = report.meetings.clone();
    view! {
        <section aria-labelledby="sammanfattning-moten" class="report-section">
            <h2 id="sammanfattning-moten">{t!(i18n, ar_meetings_heading)}</h2>
            {if meetings.is_empty() {
                view! { <p class="muted">{t!(i18n, ar_meetings_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="report-list">
                        {meetings
                            .into_iter()
                            .map(|m| {
                                let done = answers.iter().any(|a| a.booking_id == m.booking_id && a.done);
                                let kind = if swedish { m.meeting_sv.clone() } else { m.meeting_en.clone() };
                                view! {
                                    <li>
                                        {format!("{kind}, {} ({})", when_text(i18n, m.starts_at), channel_name(i18n, m.channel))}
                                        ": "
                                        <strong>{if done { t_string!(i18n, ar_meeting_yes) } else { t_string!(i18n, ar_meeting_no) }}</strong>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <section aria-labelledby="sammanfattning-aktiviteter" class="report-section">
            <h2 id="sammanfattning-aktiviteter">{t!(i18n, ar_activities_heading)}</h2>
            {if report.activities.is_empty() {
                view! { <p>{t!(i18n, ar_no_activities)}</p> }.into_any()
            } else {
                view! {
                    <ol class="report-list">
                        {report.activities.iter().map(|a| view! { <li>{activity_line(i18n, a)}</li> }).collect_view()}
                    </ol>
                }
                    .into_any()
            }}
            {report.none_reason.clone().map(|r| view! {
                <p><strong>{t!(i18n, ar_none_reason_short)}</strong> " " {r}</p>
            })}
        </section>
        <section aria-labelledby="sammanfattning-arbete" class="report-section">
            <h2 id="sammanfattning-arbete">{t!(i18n, ar_work_heading)}</h2>
            <p>
                {match report.work {
                    Some(w) => t_string!(i18n, ar_work_done, days = w.days, hours = w.hours).to_string(),
                    None => t_string!(i18n, ar_work_none).to_owned(),
                }}
            </p>
        </section>
    }
}
