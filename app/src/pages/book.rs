//! `/boka`: where a registered job seeker books the first meeting, or moves it (`?byt=ID`).
//! First how to meet (and for a visit, where), then a day, then a time with a named
//! counsellor. Every step is a plain form or link, so it works without JavaScript; the
//! [`SlotPicker`] island makes choosing a day instant and keyboard-friendly.

use crate::paths;
use crate::{
    api::booking::{load_picker, BookTime},
    components::{
        meeting_words::{after_first_contact, channel_name, is_swedish, when_text},
        time_choices::{HowToMeet, TimeChoices, TimesForm},
    },
    domain::{
        time::{parse_iso_date, Day},
        Channel,
    },
    error::AppError,
    i18n::*,
    pages::not_found::NotFound,
    views::booking::{AfterFirst, MeetingSummary, PickerView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What the address asks for.
#[derive(Clone, Default)]
struct Query {
    kanal: String,
    kontor: String,
    byt: String,
    upptagen: String,
    dag: Option<Day>,
    /// `tid` when confirm was pressed without a time, `kanal` without a way to meet.
    fel: String,
}

#[component]
pub fn BookPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::pages::my_pages::require_sign_in(paths::BOOK);
    let query = use_query_map().with_untracked(|q| Query {
        kanal: q.get("kanal").unwrap_or_default(),
        kontor: q.get("kontor").unwrap_or_default(),
        byt: q.get("byt").unwrap_or_default(),
        upptagen: q.get("upptagen").unwrap_or_default(),
        dag: q.get("dag").and_then(|d| parse_iso_date(&d)).map(Day),
        fel: q.get("fel").unwrap_or_default(),
    });
    let load = load_picker(
        query.kanal.clone(),
        query.kontor.clone(),
        query.byt.clone(),
        query.upptagen.clone(),
    );
    view! {
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Picker view query/> }.into_any(),
                Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                Err(AppError::Unauthorized) => {
                    view! {
                        <div class="page page--form">
                            <h1>{t!(i18n, book_title)}</h1>
                            <p>
                                <a href=paths::sign_in(paths::BOOK)>{t!(i18n, nav_sign_in)}</a>
                            </p>
                        </div>
                    }
                        .into_any()
                }
                Err(_) => {
                    view! {
                        <div class="page page--form">
                            <h1>{t!(i18n, book_title)}</h1>
                            <p class="notice notice--error" role="alert">
                                {t!(i18n, err_internal)}
                            </p>
                        </div>
                    }
                        .into_any()
                }
            }
        })}
    }
}

#[component]
fn Picker(view: PickerView, query: Query) -> impl IntoView {
    let i18n = use_i18n();
    let moving = view.moving.clone();
    let title = if moving.is_some() {
        t_string!(i18n, book_move_title)
    } else {
        t_string!(i18n, book_title)
    };
    let channel_error = query.fel == "kanal";
    if let Some(after) = view.after_first.clone() {
        return view! { <AfterFirstMeeting after/> }.into_any();
    }
    view! {
        <Title text=title.to_owned()/>
        <div class="page">
            <h1>{title}</h1>
            {match (&moving, &view.live) {
                (Some(m), _) => {
                    let when = when_text(i18n, m.starts_at);
                    let text = match view.with_counsellor.clone() {
                        Some(name) => t_string!(i18n, book_moving_follow_up, when = when, name = name).to_string(),
                        None => t_string!(i18n, book_moving, when = when, name = m.counsellor.clone()).to_string(),
                    };
                    view! { <p class="notice">{text}</p> }.into_any()
                }
                (None, Some(live)) => view! { <HasMeeting live=live.clone()/> }.into_any(),
                (None, None) => {
                    view! {
                        <p class="lead">
                            {t_string!(i18n, book_welcome, name = view.first_name.clone()).to_string()}
                            " "
                            {t!(i18n, book_intro)}
                        </p>
                    }
                        .into_any()
                }
            }}
            {(moving.is_some() || view.live.is_none())
                .then(|| {
                    view! {
                        <HowToMeet
                            action=paths::BOOK
                            hidden=vec![("byt", query.byt.clone())]
                            channels=view.channels.clone()
                            chosen=view.channel
                            offices=view.offices.clone()
                            office_id=view.office_id
                            error=channel_error
                        />
                        {view
                            .channel
                            .map(|channel| {
                                view! { <DaysAndTimes view=view.clone() channel query=query.clone()/> }
                            })}
                    }
                })}
        </div>
    }
    .into_any()
}

/// After the first meeting: what comes next is planned with the counsellor; the follow-ups
/// booked so far, and whom to call.
#[component]
fn AfterFirstMeeting(after: AfterFirst) -> impl IntoView {
    let i18n = use_i18n();
    let (title, text) = (
        t_string!(i18n, after_first_title),
        t_string!(i18n, after_first_text),
    );
    let contact = after_first_contact(i18n, &after);
    view! {
        <Title text=title.to_owned()/>
        <div class="page page--form">
            <h1>{title}</h1>
            <p class="lead">{text}</p>
            <p class="notice">{contact}</p>
            <h2>{t!(i18n, after_first_follow_ups)}</h2>
            {if after.follow_ups.is_empty() {
                view! { <p>{t!(i18n, after_first_none)}</p> }.into_any()
            } else {
                view! {
                    <ul role="list" class="meetings">
                        {after
                            .follow_ups
                            .iter()
                            .map(|m| {
                                view! {
                                    <li>
                                        <a href=paths::meeting(m.id)>
                                            {format!(
                                                "{}: {}",
                                                if is_swedish(i18n) { m.meeting_sv.clone() } else { m.meeting_en.clone() },
                                                when_text(i18n, m.starts_at),
                                            )}
                                        </a>
                                        {format!(" · {} · {}", channel_name(i18n, m.channel), m.counsellor)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <p><a class="button button--secondary" href=paths::MY_PAGES>{t!(i18n, meeting_to_my_pages)}</a></p>
        </div>
    }
}

/// The seeker already has a first meeting: show it, with the ways to change it.
#[component]
fn HasMeeting(live: MeetingSummary) -> impl IntoView {
    let i18n = use_i18n();
    let text = t_string!(
        i18n,
        book_has_meeting,
        when = when_text(i18n, live.starts_at),
        name = live.counsellor.clone()
    )
    .to_string();
    view! {
        <div class="notice" role="status">
            <p>{text}</p>
            <p class="actions">
                <a class="button" href=paths::meeting(live.id)>
                    {t!(i18n, my_show)}
                </a>
                <a class="button button--secondary" href=paths::book_moving(live.id)>
                    {t!(i18n, meeting_reschedule)}
                </a>
                <a class="button button--link" href=paths::cancel_meeting(live.id)>
                    {t!(i18n, meeting_cancel)}
                </a>
            </p>
        </div>
    }
}

/// The days and times, in one form that confirms the booking (or the move).
#[component]
fn DaysAndTimes(view: PickerView, channel: Channel, query: Query) -> impl IntoView {
    let i18n = use_i18n();
    let office = if channel == Channel::Office {
        view.office_id.map(|id| id.to_string()).unwrap_or_default()
    } else {
        String::new()
    };
    let mut page = format!("{}?kanal={}", paths::BOOK, channel.as_str());
    if !office.is_empty() {
        page.push_str(&format!("&kontor={office}"));
    }
    if !query.byt.is_empty() {
        page.push_str(&format!("&byt={}", query.byt));
    }
    let form = TimesForm {
        page,
        action: BookTime::PATH,
        hidden: vec![
            ("kanal", channel.as_str().to_owned()),
            ("kontor", office),
            ("byt", query.byt.clone()),
        ],
        confirm: if query.byt.is_empty() {
            t_string!(i18n, book_confirm).to_owned()
        } else {
            t_string!(i18n, book_confirm_move).to_owned()
        },
        day: query.dag,
        time_error: query.fel == "tid",
        taken: !query.upptagen.is_empty(),
        fallback: t_string!(i18n, book_fallback).to_owned(),
        widened: t_string!(i18n, book_widened).to_owned(),
        no_times: t_string!(i18n, book_no_times).to_owned(),
    };
    view! { <TimeChoices times=view.times form/> }
}
