//! `/mina-sidor/arende`: "Mitt ärende", the seeker's own case: the meetings ahead and the
//! report due, then what has happened, latest first, whether it happened on the web, on the
//! phone or at an office.

use super::{
    activity_report::words::{deadline_text, month_text},
    load_failed, require_sign_in,
};
use crate::{
    api::my_case::load_my_case,
    components::{
        meeting_words::{channel_name, is_swedish, when_text},
        messages::I18n,
    },
    domain::choices::ContactKind,
    i18n::*,
    paths,
    views::my_case::{CaseEvent, CaseMeeting, CaseStep, MyCaseView},
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyCasePage() -> impl IntoView {
    let i18n = use_i18n();
    require_sign_in(paths::MY_CASE);
    let load = load_my_case();
    view! {
        <Title text=t_string!(i18n, case_my_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <MyCase view/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, case_my_title)),
            }
        })}
    }
}

/// "Första möte med Emina Hodžić, tisdag 8 december kl. 10:00, telefon".
pub(crate) fn meeting_line(i18n: I18n, m: &CaseMeeting) -> String {
    let name = if is_swedish(i18n) {
        &m.meeting_sv
    } else {
        &m.meeting_en
    };
    t_string!(
        i18n,
        case_my_meeting,
        meeting = name.clone(),
        counsellor = m.counsellor.clone(),
        when = when_text(i18n, m.starts_at),
        how = channel_name(i18n, m.channel).to_lowercase()
    )
    .to_string()
}

#[component]
fn MyCase(view: MyCaseView) -> impl IntoView {
    let i18n = use_i18n();
    let nothing_next = view.coming.is_empty() && view.report_due.is_none();
    view! {
        <div class="page page--form">
            <p><a href=paths::MY_PAGES>{t!(i18n, case_my_back)}</a></p>
            <h1>{t!(i18n, case_my_title)}</h1>
            <p class="lead">{t!(i18n, case_my_lead)}</p>

            <section aria-labelledby="harnast">
                <h2 id="harnast">{t!(i18n, case_my_next)}</h2>
                <ul class="case-next">
                    {view.coming.iter().map(|m| view! {
                        <li>
                            <a href=paths::meeting(m.id)>{meeting_line(i18n, m)}</a>
                        </li>
                    }).collect_view()}
                    {view.report_due.clone().map(|due| {
                        let text = t_string!(i18n, case_my_report_due, month = month_text(i18n, due.period)).to_string();
                        let draft = due.draft.then(|| t_string!(i18n, case_my_report_draft));
                        view! {
                            <li>
                                <a href=paths::activity_report(due.period.code())>{text}</a>
                                " " {deadline_text(i18n, due.last_day)}
                                {draft.map(|d| view! { " " <span class="tag">{d}</span> })}
                            </li>
                        }
                    })}
                </ul>
                {nothing_next.then(|| view! { <p>{t!(i18n, case_my_nothing_next)}</p> })}
                {view.book_first.then(|| view! {
                    <p><a class="button" href=paths::BOOK>{t!(i18n, case_my_book)}</a></p>
                })}
            </section>

            <section aria-labelledby="hant">
                <h2 id="hant">{t!(i18n, case_my_history)}</h2>
                <ol class="case-history">
                    {view.history.iter().map(|s| step(i18n, s)).collect_view()}
                </ol>
            </section>
        </div>
    }
}

fn step(i18n: I18n, s: &CaseStep) -> impl IntoView {
    let (headline, detail): (String, Option<String>) = match &s.event {
        CaseEvent::Registered { with_staff: false } => {
            (t_string!(i18n, case_my_registered_online).into(), None)
        }
        CaseEvent::Registered { with_staff: true } => {
            (t_string!(i18n, case_my_registered_staff).into(), None)
        }
        CaseEvent::Booked {
            meeting,
            follow_up: true,
            ..
        } => (
            t_string!(i18n, case_my_follow_up).into(),
            Some(meeting_line(i18n, meeting)),
        ),
        CaseEvent::Booked {
            meeting, by_staff, ..
        } => {
            let text = if *by_staff {
                t_string!(i18n, case_my_booked_staff)
            } else {
                t_string!(i18n, case_my_booked)
            };
            (text.into(), Some(meeting_line(i18n, meeting)))
        }
        CaseEvent::Moved { meeting, by_staff } => {
            let text = if *by_staff {
                t_string!(i18n, case_my_moved_staff)
            } else {
                t_string!(i18n, case_my_moved)
            };
            (text.into(), Some(meeting_line(i18n, meeting)))
        }
        CaseEvent::Cancelled { meeting, by_staff } => {
            let text = if *by_staff {
                t_string!(i18n, case_my_cancelled_staff)
            } else {
                t_string!(i18n, case_my_cancelled)
            };
            (text.into(), Some(meeting_line(i18n, meeting)))
        }
        CaseEvent::Held { meeting } => (
            t_string!(i18n, case_my_held).into(),
            Some(meeting_line(i18n, meeting)),
        ),
        CaseEvent::NotAttended { meeting } => (
            t_string!(i18n, case_my_not_attended).into(),
            Some(meeting_line(i18n, meeting)),
        ),
        CaseEvent::Contact {
            kind: ContactKind::Call,
        } => (t_string!(i18n, case_my_call).into(), None),
        CaseEvent::Contact {
            kind: ContactKind::WalkIn,
        } => (t_string!(i18n, case_my_walk_in).into(), None),
        CaseEvent::ReportSent { period, on_time } => {
            let text =
                t_string!(i18n, case_my_report_sent, month = month_text(i18n, *period)).to_string();
            (
                text,
                (!on_time).then(|| t_string!(i18n, case_my_report_late).to_owned()),
            )
        }
        CaseEvent::ReportMissed { period } => (
            t_string!(
                i18n,
                case_my_report_missed,
                month = month_text(i18n, *period)
            )
            .to_string(),
            None,
        ),
    };
    view! {
        <li>
            <p class="case-history__when">
                <time datetime=s.at.to_rfc3339()>{when_text(i18n, s.at)}</time>
            </p>
            <p class="case-history__what">{headline}</p>
            {detail.map(|d| view! { <p class="case-history__detail">{d}</p> })}
        </li>
    }
}
