//! `/personal/boka?person=ID`: staff book a person's first meeting for them, at the desk or
//! on the phone, with the person's own picker (matching, spreading, capacity, opening hours
//! and holidays alike): how to meet, then a day, then a time with a named counsellor.

use super::{require_staff, staff_load_failed};
use crate::{
    api::person_case::{load_staff_picker, StaffBookFirst},
    components::{
        meeting_words::when_text,
        time_choices::{HowToMeet, TimeChoices, TimesForm},
    },
    domain::time::{parse_iso_date, Day},
    i18n::*,
    paths,
    views::person_case::{FirstMeeting, StaffPickerView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_query_map;

/// What the address asks for.
#[derive(Clone, Default)]
struct Query {
    person: String,
    kanal: String,
    kontor: String,
    upptagen: String,
    dag: Option<Day>,
    fel: String,
}

#[component]
pub fn StaffBookPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().with_untracked(|q| Query {
        person: q.get("person").unwrap_or_default(),
        kanal: q.get("kanal").unwrap_or_default(),
        kontor: q.get("kontor").unwrap_or_default(),
        upptagen: q.get("upptagen").unwrap_or_default(),
        dag: q.get("dag").and_then(|d| parse_iso_date(&d)).map(Day),
        fel: q.get("fel").unwrap_or_default(),
    });
    require_staff(&paths::staff_book(&query.person));
    let load = load_staff_picker(
        query.person.clone(),
        query.kanal.clone(),
        query.kontor.clone(),
        query.upptagen.clone(),
    );
    view! {
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Picker view query/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, sb_title),
                    t_string!(i18n, case_forbidden),
                ),
            }
        })}
    }
}

#[component]
fn Picker(view: StaffPickerView, query: Query) -> impl IntoView {
    let i18n = use_i18n();
    let StaffPickerView {
        id,
        name,
        picker,
        first,
    } = view;
    let title = t_string!(i18n, sb_title_for, name = name.clone()).to_string();
    let body = match first {
        FirstMeeting::Booked { starts_at, href } => view! {
            <p class="notice" role="status">
                {t_string!(i18n, pc_first_booked, when = when_text(i18n, starts_at)).to_string()} " "
                <a href=href>{t!(i18n, pc_open_meeting)}</a>
            </p>
        }
        .into_any(),
        FirstMeeting::Held { href } => view! {
            <p class="notice" role="status">
                {t!(i18n, pc_first_held)} " " <a href=href>{t!(i18n, pc_open_meeting)}</a>
            </p>
        }
        .into_any(),
        FirstMeeting::ToBook => {
            let channel = picker.channel;
            let office = match channel {
                Some(crate::domain::Channel::Office) => {
                    picker.office_id.map(|o| o.to_string()).unwrap_or_default()
                }
                _ => String::new(),
            };
            let mut page = format!("{}&kanal=", paths::staff_book(id));
            if let Some(ch) = channel {
                page.push_str(ch.as_str());
            }
            if !office.is_empty() {
                page.push_str(&format!("&kontor={office}"));
            }
            let form = TimesForm {
                page,
                action: StaffBookFirst::PATH,
                hidden: vec![
                    ("person", id.to_string()),
                    ("kanal", channel.map(|c| c.as_str().to_owned()).unwrap_or_default()),
                    ("kontor", office),
                ],
                confirm: t_string!(i18n, sb_confirm).to_owned(),
                day: query.dag,
                time_error: query.fel == "tid",
                taken: !query.upptagen.is_empty(),
                fallback: t_string!(i18n, book_fallback).to_owned(),
                widened: t_string!(i18n, book_widened).to_owned(),
                no_times: t_string!(i18n, book_no_times).to_owned(),
            };
            let times = picker.times.clone();
            view! {
                <p class="lead">{t!(i18n, sb_intro)}</p>
                <HowToMeet
                    action=paths::STAFF_BOOK
                    hidden=vec![("person", id.to_string())]
                    channels=picker.channels.clone()
                    chosen=channel
                    offices=picker.offices.clone()
                    office_id=picker.office_id
                    error=query.fel == "kanal"
                />
                {channel.map(|_| view! { <TimeChoices times form/> })}
            }
            .into_any()
        }
    };
    view! {
        <Title text=title.clone()/>
        <div class="page">
            <p><a href=paths::person_case(id)>{t_string!(i18n, sb_back, name = name).to_string()}</a></p>
            <h1>{title}</h1>
            {body}
        </div>
    }
}
