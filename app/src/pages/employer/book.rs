//! `/arbetsgivare/boka`: an employer books a meeting with a counsellor who works with
//! employers, about one of its needs or about recruiting in general, or moves one
//! (`?byt=ID`). First what about and how to meet (for a visit, where), then a day and a time
//! with a named counsellor: the seekers' picker, with the employer's words.

use super::{employer_load_failed, require_employer};
use crate::{
    api::employer_meetings::{load_employer_picker, BookEmployerTime},
    components::{
        meeting_words::when_text,
        time_choices::{HowToMeet, TimeChoices, TimesForm},
    },
    domain::{
        time::{parse_iso_date, Day},
        Channel,
    },
    i18n::*,
    paths,
    views::employer_meeting::EmployerPickerView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What the address asks for.
#[derive(Clone, Default)]
struct Query {
    behov: String,
    kanal: String,
    kontor: String,
    byt: String,
    upptagen: String,
    dag: Option<Day>,
    /// `tid` when confirm was pressed without a time, `kanal` without a way to meet.
    fel: String,
}

#[component]
pub fn EmployerBookPage() -> impl IntoView {
    let i18n = use_i18n();
    require_employer(paths::EMPLOYER_BOOK);
    let query = use_query_map().with_untracked(|q| Query {
        behov: q.get("behov").unwrap_or_default(),
        kanal: q.get("kanal").unwrap_or_default(),
        kontor: q.get("kontor").unwrap_or_default(),
        byt: q.get("byt").unwrap_or_default(),
        upptagen: q.get("upptagen").unwrap_or_default(),
        dag: q.get("dag").and_then(|d| parse_iso_date(&d)).map(Day),
        fel: q.get("fel").unwrap_or_default(),
    });
    let load = load_employer_picker(
        query.behov.clone(),
        query.kanal.clone(),
        query.kontor.clone(),
        query.byt.clone(),
        query.upptagen.clone(),
    );
    view! {
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Picker view query/> }.into_any(),
                Err(e) => employer_load_failed(i18n, e, t_string!(i18n, emp_book_title)),
            }
        })}
    }
}

#[component]
fn Picker(view: EmployerPickerView, query: Query) -> impl IntoView {
    let i18n = use_i18n();
    let title = if view.moving.is_some() {
        t_string!(i18n, book_move_title)
    } else {
        t_string!(i18n, emp_book_title)
    };
    let need = view.need_id.map(|id| id.to_string()).unwrap_or_default();
    let need_choice = {
        let need = need.clone();
        let needs = view.needs.clone();
        let moving = view.moving.is_some();
        move || {
            // A meeting being moved stays about what it was about.
            (!moving).then(|| {
                view! {
                    <div class="field">
                        <label for="behov">{t!(i18n, emp_book_need)}</label>
                        <p class="field__hint" id="behov-tips">{t!(i18n, emp_book_need_hint)}</p>
                        <select id="behov" name="behov" aria-describedby="behov-tips">
                            <option value="" selected=need.is_empty()>
                                {t!(i18n, emp_book_need_general)}
                            </option>
                            {needs
                                .iter()
                                .map(|n| {
                                    view! {
                                        <option value=n.id.to_string() selected=need == n.id.to_string()>
                                            {n.headline.clone()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                }
            })
        }
    };
    view! {
        <Title text=title.to_owned()/>
        <div class="page">
            <h1>{title}</h1>
            {match &view.moving {
                Some(m) => {
                    let text = t_string!(
                        i18n, book_moving, when = when_text(i18n, m.starts_at), name = m.counsellor.clone()
                    )
                        .to_string();
                    view! { <p class="notice">{text}</p> }.into_any()
                }
                None => view! { <p class="lead">{t!(i18n, emp_book_lead)}</p> }.into_any(),
            }}
            <HowToMeet
                action=paths::EMPLOYER_BOOK
                hidden=vec![("byt", query.byt.clone())]
                channels=view.channels.clone()
                chosen=view.channel
                offices=view.offices.clone()
                office_id=view.office_id
                error=query.fel == "kanal"
            >
                {need_choice()}
            </HowToMeet>
            {view
                .channel
                .map(|channel| {
                    view! { <Times view=view.clone() channel need=need.clone() query=query.clone()/> }
                })}
        </div>
    }
}

/// The days and times, in one form that confirms the booking (or the move).
#[component]
fn Times(view: EmployerPickerView, channel: Channel, need: String, query: Query) -> impl IntoView {
    let i18n = use_i18n();
    let office = if channel == Channel::Office {
        view.office_id.map(|id| id.to_string()).unwrap_or_default()
    } else {
        String::new()
    };
    let mut page = format!(
        "{}?behov={need}&kanal={}&kontor={office}",
        paths::EMPLOYER_BOOK,
        channel.as_str()
    );
    if !query.byt.is_empty() {
        page.push_str(&format!("&byt={}", query.byt));
    }
    let form = TimesForm {
        page,
        action: BookEmployerTime::PATH,
        hidden: vec![
            ("behov", need),
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
        fallback: t_string!(i18n, emp_book_fallback).to_owned(),
        widened: t_string!(i18n, emp_book_widened).to_owned(),
        no_times: t_string!(i18n, emp_book_no_times).to_owned(),
    };
    view! {
        {view
            .local_office
            .clone()
            .map(|office| {
                view! {
                    <p class="muted">{t_string!(i18n, emp_book_local, office = office).to_string()}</p>
                }
            })}
        <TimeChoices times=view.times form/>
    }
}
