//! A job seeker's activity reports in the case timeline: each month's report with a summary
//! and the whole report behind a disclosure, the months not reported in time, and the month
//! due now while it is still to be sent.

use crate::{
    components::{meeting_words::when_text, messages::I18n},
    domain::{
        activity_report::{
            period::ReportPeriod,
            report::{ActivityKind, ActivityReport},
        },
        time::day_and_month,
    },
    i18n::*,
    pages::my_pages::activity_report::words::{activity_line, kind_name, month_text},
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// "3 aktiviteter (2 Sökt jobb, 1 Utbildning eller kurs) · arbetat 15 timmar".
fn summary(i18n: I18n, report: &ActivityReport) -> String {
    let kinds: Vec<String> = ActivityKind::ALL
        .into_iter()
        .filter_map(|k| {
            let n = report.count_of(k);
            (n > 0).then(|| format!("{n} {}", kind_name(i18n, k)))
        })
        .collect();
    let held = report.meetings.iter().filter(|m| m.done).count();
    let mut text = t_string!(i18n, case_report_count, n = report.activities.len()).to_string();
    if !kinds.is_empty() {
        text.push_str(&format!(" ({})", kinds.join(", ")));
    }
    if !report.meetings.is_empty() {
        text.push_str(" · ");
        text.push_str(
            &t_string!(
                i18n,
                case_report_meetings,
                held = held,
                n = report.meetings.len()
            )
            .to_string(),
        );
    }
    text.push_str(" · ");
    match report.work {
        Some(w) => text.push_str(&t_string!(i18n, case_report_worked, hours = w.hours).to_string()),
        None => text.push_str(t_string!(i18n, ar_work_none)),
    }
    text
}

pub fn report_entry(
    i18n: I18n,
    period: ReportPeriod,
    version: i64,
    sent_at: DateTime<Utc>,
    on_time: bool,
    report: ActivityReport,
) -> impl IntoView {
    let title = t_string!(i18n, case_report_title, month = month_text(i18n, period)).to_string();
    let line = summary(i18n, &report);
    view! {
        <li class="timeline__note">
            <span class="timeline__when">{when_text(i18n, sent_at)}</span>
            <p class="timeline__body">
                <strong>{title}</strong> " "
                {if on_time {
                    view! { <span class="tag">{t!(i18n, ar_on_time)}</span> }.into_any()
                } else {
                    view! { <span class="tag tag--warning">{t!(i18n, ar_late)}</span> }.into_any()
                }}
                {(version > 1).then(|| view! { " " <span class="tag">{t_string!(i18n, case_report_version, n = version).to_string()}</span> })}
                <br/>
                {line}
            </p>
            <details class="timeline__details">
                <summary>{t!(i18n, case_report_full)}</summary>
                <ul>
                    {report.activities.iter().map(|a| view! { <li>{activity_line(i18n, a)}</li> }).collect_view()}
                </ul>
                {report.none_reason.clone().map(|r| view! { <p>{t!(i18n, ar_none_reason_short)} " " {r}</p> })}
            </details>
        </li>
    }
}

pub fn missed_entry(i18n: I18n, period: ReportPeriod, recorded_at: DateTime<Utc>) -> impl IntoView {
    let swedish = crate::components::meeting_words::is_swedish(i18n);
    let text = t_string!(
        i18n,
        case_report_missed,
        month = month_text(i18n, period),
        date = day_and_month(period.deadline_day(), swedish)
    )
    .to_string();
    view! {
        <li class="timeline__note">
            <span class="timeline__when">{when_text(i18n, recorded_at)}</span>
            <p class="timeline__body">
                <span class="tag tag--warning">{t!(i18n, ar_status_late)}</span> " " {text}
            </p>
        </li>
    }
}

/// The month due now, not sent yet: marked at its deadline, with whether a draft is saved.
pub fn due_entry(i18n: I18n, period: ReportPeriod, draft: bool) -> impl IntoView {
    let swedish = crate::components::meeting_words::is_swedish(i18n);
    let text = t_string!(
        i18n,
        case_report_due,
        month = month_text(i18n, period),
        date = day_and_month(period.deadline_day(), swedish)
    )
    .to_string();
    let status = if draft {
        t_string!(i18n, ar_status_draft)
    } else {
        t_string!(i18n, case_report_not_sent)
    };
    view! {
        <li class="timeline__note timeline__note--ahead">
            <span class="timeline__when">{t_string!(i18n, case_report_deadline, date = day_and_month(period.deadline_day(), swedish)).to_string()}</span>
            <p class="timeline__body">
                <span class="tag tag--to-report">{status}</span> " " {text}
            </p>
        </li>
    }
}
