//! `/mina-sidor/aktivitetsrapport`: the monthly activity report. The overview lists the month
//! due and earlier months; each month has its form (`form`), the review before sending and
//! the receipt of each version sent (`summary`).

mod form;
mod summary;
pub(crate) mod words;

pub use form::ReportFormPage;
pub use summary::{ReceiptPage, ReviewPage};

use super::{load_failed, require_sign_in};
use crate::{
    api::activity_report::load_reports,
    components::meeting_words::when_text,
    domain::activity_report::period::ReportStatus,
    i18n::*,
    paths,
    views::activity_report::{PeriodLine, ReportNotice, ReportsView},
};
use leptos::prelude::*;
use leptos_meta::Title;
use words::{deadline_text, month_text, notice_text, status_text};

#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    require_sign_in(paths::ACTIVITY_REPORTS);
    let load = load_reports();
    view! {
        <Title text=t_string!(i18n, ar_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok((view, notice)) => view! { <Reports view notice/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, ar_title)),
            }
        })}
    }
}

#[component]
fn Reports(view: ReportsView, notice: Option<ReportNotice>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="page page--form">
            <p class="breadcrumb"><a href=paths::MY_PAGES>{t!(i18n, my_title)}</a></p>
            <h1>{t!(i18n, ar_title)}</h1>
            {notice.map(|n| view! { <p class="notice notice--success" role="status">{notice_text(i18n, n)}</p> })}
            <p class="lead">{t!(i18n, ar_lead)}</p>
            <section aria-labelledby="att-rapportera">
                <h2 id="att-rapportera">{t!(i18n, ar_due_heading)}</h2>
                {match view.due {
                    Some(line) => view! { <DueCard line/> }.into_any(),
                    None => view! { <p>{t!(i18n, ar_none_due)}</p> }.into_any(),
                }}
            </section>
            {(!view.earlier.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="tidigare-manader">
                            <h2 id="tidigare-manader">{t!(i18n, ar_earlier)}</h2>
                            <ul class="reports" role="list">
                                {view
                                    .earlier
                                    .into_iter()
                                    .map(|line| view! { <li><PeriodRow line/></li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
        </div>
    }
}

/// The month due: its deadline, where it stands and the one thing to do next.
#[component]
fn DueCard(line: PeriodLine) -> impl IntoView {
    let i18n = use_i18n();
    let period = line.period.code();
    view! {
        <article class="report-card">
            <h3>{month_text(i18n, line.period)}</h3>
            <p>
                {deadline_text(i18n, line.deadline)} " · "
                <span class=status_class(line.status)>{status_text(i18n, line.status)}</span>
            </p>
            {line.sent.map(|(_, at)| view! { <p>{t_string!(i18n, ar_sent_at, when = when_text(i18n, at)).to_string()}</p> })}
            <p class="actions"><MonthAction line=line.clone() period/></p>
        </article>
    }
}

#[component]
fn PeriodRow(line: PeriodLine) -> impl IntoView {
    let i18n = use_i18n();
    let period = line.period.code();
    view! {
        <div class="report-row">
            <span class="report-row__month">{month_text(i18n, line.period)}</span>
            <span class=status_class(line.status)>{status_text(i18n, line.status)}</span>
            <MonthAction line=line.clone() period/>
        </div>
    }
}

/// Start, go on with the draft, send a late one, or see the receipt.
#[component]
fn MonthAction(line: PeriodLine, period: String) -> impl IntoView {
    let i18n = use_i18n();
    let month = month_text(i18n, line.period);
    match (line.draft, line.sent) {
        (true, _) => view! {
            <a class="button" href=paths::activity_report(&period)>
                {t!(i18n, ar_continue)}
                <span class="visually-hidden">{format!(" – {month}")}</span>
            </a>
        }
        .into_any(),
        (false, Some((version, _))) => view! {
            <a class="button button--secondary" href=paths::activity_report_receipt(&period, version)>
                {t!(i18n, ar_show_receipt)}
                <span class="visually-hidden">{format!(" – {month}")}</span>
            </a>
        }
        .into_any(),
        (false, None) => view! {
            <a class="button" href=paths::activity_report(&period)>
                {if line.status == ReportStatus::Late {
                    t_string!(i18n, ar_send_late)
                } else {
                    t_string!(i18n, ar_start)
                }}
                <span class="visually-hidden">{format!(" – {month}")}</span>
            </a>
        }
        .into_any(),
    }
}

fn status_class(status: ReportStatus) -> &'static str {
    match status {
        ReportStatus::Sent => "badge badge--ok",
        ReportStatus::SentLate | ReportStatus::Late => "badge badge--warning",
        ReportStatus::Draft | ReportStatus::NotStarted => "badge",
    }
}
