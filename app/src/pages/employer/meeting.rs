//! `/arbetsgivare/mote/{id}`: one of the organisation's meetings. Right after booking it is
//! the confirmation: when, how, with whom (name and direct number), what about, a calendar
//! file, and the ways to change or cancel it (the cancel form is on the page itself, and
//! comes back with what was typed when it is refused). Also the overview's list of meetings.

use super::{employer_load_failed, require_employer};
use crate::{
    api::{
        booking::cancel_form_state,
        employer_meetings::{load_employer_meeting, CancelEmployerMeeting},
    },
    components::{
        fields::{provide_shown_errors, ErrorSummary, RadioGroup, TextArea},
        meeting_facts::MeetingFacts,
        meeting_words::{channel_name, employer_reason_name, status_name, when_text},
        messages::I18n,
    },
    domain::{choices::EmployerCancelReason, BookingStatus},
    i18n::*,
    paths,
    views::{
        booking::{CancelState, MeetingSummary},
        employer_meeting::{EmployerMeetingView, EmployerMeetings},
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn EmployerMeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    require_employer(&paths::employer_meeting(&id));
    let flag = use_query_map().with_untracked(|q| {
        ["bokad", "flyttad"]
            .into_iter()
            .find(|f| q.get(f).is_some())
            .unwrap_or_default()
    });
    let load = async move {
        let meeting = load_employer_meeting(id).await?;
        let cancel = cancel_form_state().await?;
        Ok::<_, crate::error::AppError>((meeting, cancel))
    };
    view! {
        {Suspend::new(async move {
            match load.await {
                Ok((view, cancel)) => view! { <Meeting view cancel flag/> }.into_any(),
                Err(e) => employer_load_failed(i18n, e, t_string!(i18n, emp_meeting_title)),
            }
        })}
    }
}

fn label(i18n: I18n, key: &str) -> String {
    match key {
        "reason" => t_string!(i18n, emp_cancel_reason),
        _ => t_string!(i18n, emp_cancel_note),
    }
    .to_owned()
}

#[component]
fn Meeting(view: EmployerMeetingView, cancel: CancelState, flag: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let meeting = view.meeting;
    let s = meeting.summary.clone();
    let cancelled = s.status == BookingStatus::Cancelled;
    let heading = match flag {
        "bokad" => t_string!(i18n, meeting_booked).to_owned(),
        "flyttad" => t_string!(i18n, meeting_moved).to_owned(),
        _ => t_string!(i18n, emp_meeting_title).to_owned(),
    };
    provide_shown_errors(cancel.errors.clone(), label);
    let options: Vec<(&'static str, &'static str)> = EmployerCancelReason::ALL
        .iter()
        .map(|r| (r.as_str(), employer_reason_name(i18n, *r)))
        .collect();
    view! {
        <Title text=heading.clone()/>
        <div class="page page--form">
            {if flag.is_empty() {
                view! { <h1>{heading.clone()}</h1> }.into_any()
            } else {
                view! {
                    <div class="notice notice--success" role="status">
                        <h1>{heading.clone()}</h1>
                        <p>{t!(i18n, emp_meeting_booked_text)}</p>
                    </div>
                }
                    .into_any()
            }}
            {cancelled
                .then(|| view! { <p class="notice notice--warning">{t!(i18n, meeting_cancelled)}</p> })}
            <dl class="facts">
                <MeetingFacts meeting=meeting.clone()/>
                <dt>{t!(i18n, emp_meeting_about)}</dt>
                <dd>
                    {match view.need.clone() {
                        Some(n) => view! { <a href=paths::employer_need(n.id)>{n.headline}</a> }.into_any(),
                        None => view! { {t!(i18n, emp_book_need_general)} }.into_any(),
                    }}
                </dd>
                <dt>{t!(i18n, emp_meeting_booked_by)}</dt>
                <dd>{view.booked_by.clone()}</dd>
            </dl>
            <p class="actions">
                {(!cancelled)
                    .then(|| {
                        view! {
                            <a class="button" href=paths::employer_meeting_calendar(s.id) download="tidbok-mote.ics">
                                {t!(i18n, meeting_add_calendar)}
                            </a>
                        }
                    })}
                {s
                    .upcoming
                    .then(|| {
                        view! {
                            <a class="button button--secondary" href=paths::employer_book_moving(s.id)>
                                {t!(i18n, meeting_reschedule)}
                            </a>
                        }
                    })}
                <a class="button button--link" href=paths::EMPLOYER_HOME>{t!(i18n, emp_to_home)}</a>
            </p>
            {s
                .upcoming
                .then(|| {
                    view! {
                        <section id="avboka" aria-labelledby="avboka-rubrik">
                            <h2 id="avboka-rubrik">{t!(i18n, emp_cancel_title)}</h2>
                            <form method="post" action=CancelEmployerMeeting::PATH class="cancel-form" novalidate>
                                <ErrorSummary/>
                                <input type="hidden" name="mote" value=s.id.to_string()/>
                                <RadioGroup
                                    key="reason"
                                    legend=t_string!(i18n, emp_cancel_reason)
                                    value=cancel.form.reason.clone()
                                    options
                                />
                                <TextArea
                                    key="note"
                                    label=t_string!(i18n, emp_cancel_note)
                                    hint=t_string!(i18n, emp_cancel_note_hint)
                                    value=cancel.form.note.clone()
                                    optional=true
                                />
                                <p class="actions">
                                    <button type="submit" class="button button--danger">
                                        {t!(i18n, cancel_submit)}
                                    </button>
                                </p>
                            </form>
                        </section>
                    }
                })}
        </div>
    }
}

/// The overview's meetings: coming ones, then earlier ones, and the way to book.
#[component]
pub fn MeetingsSection(meetings: EmployerMeetings) -> impl IntoView {
    let i18n = use_i18n();
    let item = move |m: MeetingSummary| {
        let what = format!(
            "{}, {}",
            when_text(i18n, m.starts_at),
            channel_name(i18n, m.channel)
        );
        let done = m.status != BookingStatus::Booked;
        view! {
            <li>
                <a href=paths::employer_meeting(m.id)>{what}</a>
                " "
                <span class="muted">{m.counsellor}</span>
                {done.then(|| view! { " " <span class="badge">{status_name(i18n, m.status)}</span> })}
            </li>
        }
    };
    let has_earlier = !meetings.earlier.is_empty();
    view! {
        <section id="moten" aria-labelledby="moten-rubrik">
            <h2 id="moten-rubrik">{t!(i18n, emp_meetings_title)}</h2>
            <p>{t!(i18n, emp_meetings_lead)}</p>
            <p><a class="button" href=paths::EMPLOYER_BOOK>{t!(i18n, emp_book_title)}</a></p>
            <h3>{t!(i18n, emp_meetings_upcoming)}</h3>
            {if meetings.upcoming.is_empty() {
                view! { <p class="muted">{t!(i18n, emp_meetings_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">{meetings.upcoming.into_iter().map(item).collect_view()}</ul>
                }
                    .into_any()
            }}
            {has_earlier
                .then(|| {
                    view! {
                        <h3>{t!(i18n, emp_meetings_earlier)}</h3>
                        <ul class="plain-list">{meetings.earlier.into_iter().map(item).collect_view()}</ul>
                    }
                })}
        </section>
    }
}
