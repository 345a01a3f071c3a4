//! `/mina-sidor/mote/{id}`: one meeting. Right after booking it is the confirmation: when,
//! how, with whom (name and direct number), what to prepare, a calendar file, and the ways
//! to change or cancel it.

use super::{load_failed, require_sign_in};
use crate::paths;
use crate::{
    api::booking::load_meeting,
    components::{
        meeting_facts::MeetingFacts,
        meeting_words::{is_swedish, staff_cancel_notice, tip_text},
    },
    domain::BookingStatus,
    i18n::*,
    views::booking::MeetingView,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn MeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    require_sign_in(&paths::meeting(&id));
    let flag = use_query_map().with_untracked(|q| {
        ["bokad", "flyttad", "redan", "har-kommit", "inte-nu"]
            .into_iter()
            .find(|f| q.get(f).is_some())
            .unwrap_or_default()
    });
    let load = load_meeting(id);
    view! {
        {Suspend::new(async move {
            match load.await {
                Ok(meeting) => view! { <Meeting meeting flag/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, meeting_title)),
            }
        })}
    }
}

#[component]
fn Meeting(meeting: MeetingView, flag: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let s = meeting.summary.clone();
    let title = if swedish {
        s.meeting_sv.clone()
    } else {
        s.meeting_en.clone()
    };
    let banner = match flag {
        "bokad" => Some((
            t_string!(i18n, meeting_booked),
            Some(t_string!(i18n, meeting_booked_text)),
        )),
        "flyttad" => Some((t_string!(i18n, meeting_moved), None)),
        "redan" => Some((t_string!(i18n, meeting_already), None)),
        "inte-nu" => Some((t_string!(i18n, checkin_not_now), None)),
        _ => None,
    };
    let heading = match flag {
        "bokad" | "flyttad" => banner.map(|(b, _)| b.to_owned()).unwrap_or_default(),
        _ => title.clone(),
    };
    let cancelled = s.status == BookingStatus::Cancelled;
    view! {
        <Title text=heading.clone()/>
        <div class="page page--form">
            {match flag {
                "bokad" | "flyttad" => {
                    view! {
                        <div class="notice notice--success" role="status">
                            <h1>{heading.clone()}</h1>
                            {banner.and_then(|(_, text)| text).map(|t| view! { <p>{t}</p> })}
                        </div>
                    }
                        .into_any()
                }
                _ => {
                    view! {
                        {banner.map(|(b, _)| view! { <p class="notice" role="status">{b}</p> })}
                        <h1>{heading.clone()}</h1>
                    }
                        .into_any()
                }
            }}
            {match (&s.staff_cancel, cancelled) {
                (Some(c), _) => Some(staff_cancel_notice(i18n, c).into_any()),
                (None, true) => {
                    Some(
                        view! { <p class="notice notice--warning">{t!(i18n, meeting_cancelled)}</p> }
                            .into_any(),
                    )
                }
                (None, false) => None,
            }}
            <dl class="facts">
                <MeetingFacts meeting=meeting.clone()/>
            </dl>
            {s
                .check_in
                .map(|state| {
                    view! {
                        <section id="ankomst" aria-labelledby="ankomst-rubrik" class="check-in-box">
                            <h2 id="ankomst-rubrik">{t!(i18n, checkin_heading)}</h2>
                            <super::check_in::CheckInBox id=s.id state/>
                        </section>
                    }
                })}
            {(s.moved_by_staff && s.upcoming)
                .then(|| view! { <p class="notice notice--warning">{t!(i18n, my_moved_by_staff)}</p> })}
            {(s.times_moved > 0)
                .then(|| {
                    view! {
                        <p class="muted">
                            {if s.times_moved == 1 {
                                t_string!(i18n, meeting_moved_once).to_string()
                            } else {
                                t_string!(i18n, meeting_moved_times, n = s.times_moved).to_string()
                            }}
                        </p>
                    }
                })}
            {(!cancelled)
                .then(|| {
                    view! {
                        <h2>{t!(i18n, meeting_prepare)}</h2>
                        <ul class="tips">
                            {meeting
                                .tips
                                .iter()
                                .map(|tip| view! { <li>{tip_text(i18n, *tip)}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
            <p class="actions">
                {(!cancelled)
                    .then(|| {
                        view! {
                            <a class="button" href=paths::meeting_calendar_file(s.id) download="tidbok-mote.ics">
                                {t!(i18n, meeting_add_calendar)}
                            </a>
                        }
                    })}
                {s
                    .upcoming
                    .then(|| {
                        view! {
                            <a class="button button--secondary" href=paths::book_moving(s.id)>
                                {t!(i18n, meeting_reschedule)}
                            </a>
                            <a class="button button--secondary" href=paths::cancel_meeting(s.id)>
                                {t!(i18n, meeting_cancel)}
                            </a>
                        }
                    })}
                <a class="button button--link" href=paths::MY_PAGES>{t!(i18n, meeting_to_my_pages)}</a>
            </p>
        </div>
    }
}
