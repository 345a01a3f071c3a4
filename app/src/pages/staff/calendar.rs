//! `/personal/kalender`: a counsellor's week, day by day: meetings with whom and how, and
//! the open time left. Links and a plain GET form move between weeks and colleagues, so it
//! works without JavaScript.

use super::require_staff;
use crate::{
    api::calendar::{load_calendar_week, CalendarDay, CalendarWeek, CALENDAR_PAGE},
    components::{
        meeting_words::{channel_icon, channel_name, is_swedish, status_name, time_range},
        messages::I18n,
    },
    domain::time::{day_and_month, iso_date, weekday_name},
    error::AppError,
    i18n::*,
    pages::my_pages::load_failed,
};
use chrono::Days;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CalendarPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(CALENDAR_PAGE);
    let (week, counsellor, weekend) = use_query_map().with_untracked(|q| {
        (
            q.get("vecka").unwrap_or_default(),
            q.get("radgivare").and_then(|c| c.parse::<i64>().ok()),
            q.get("helg").is_some(),
        )
    });
    let load = load_calendar_week(week, counsellor);
    view! {
        <Title text=t_string!(i18n, cal_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(week) => view! { <Week week weekend/> }.into_any(),
                Err(AppError::Forbidden) => view! {
                    <div class="page page--form">
                        <h1>{t!(i18n, cal_title)}</h1>
                        <p class="notice notice--error" role="alert">{t!(i18n, cal_forbidden)}</p>
                        <p><a href=CALENDAR_PAGE>{t!(i18n, cal_own)}</a></p>
                    </div>
                }
                .into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, cal_title)),
            }
        })}
    }
}

/// A link to another week or colleague, keeping the rest of the view.
fn calendar_link(monday: chrono::NaiveDate, counsellor: i64, weekend: bool) -> String {
    let weekend = if weekend { "&helg=1" } else { "" };
    format!(
        "{CALENDAR_PAGE}?vecka={}&radgivare={counsellor}{weekend}",
        iso_date(monday)
    )
}

#[component]
fn Week(week: CalendarWeek, weekend: bool) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let monday = week.monday.0;
    let id = week.counsellor_id;
    let shown = if weekend { 7 } else { 5 };
    let heading = if week.own {
        t_string!(i18n, cal_title).to_owned()
    } else {
        t_string!(i18n, cal_of, name = week.owner_name.clone()).to_string()
    };
    let week_label = t_string!(
        i18n,
        cal_week_of,
        from = day_and_month(monday, swedish),
        to = day_and_month(monday + Days::new(shown - 1), swedish)
    )
    .to_string();
    let today = week.today.0;
    view! {
        <div class="page page--wide calendar">
            <h1>{heading}</h1>
            <nav class="calendar__nav" aria-label=t_string!(i18n, cal_nav_label)>
                <a href=calendar_link(monday - Days::new(7), id, weekend)>{t!(i18n, cal_previous)}</a>
                <a href=calendar_link(today, id, weekend)>{t!(i18n, cal_today)}</a>
                <a href=calendar_link(monday + Days::new(7), id, weekend)>{t!(i18n, cal_next)}</a>
                <a href=calendar_link(monday, id, !weekend)>
                    {if weekend { t!(i18n, cal_hide_weekend).into_any() } else { t!(i18n, cal_show_weekend).into_any() }}
                </a>
            </nav>
            <form class="calendar__who" method="get" action=CALENDAR_PAGE>
                <input type="hidden" name="vecka" value=iso_date(monday)/>
                {weekend.then(|| view! { <input type="hidden" name="helg" value="1"/> })}
                <label for="f-cal-counsellor">{t!(i18n, cal_counsellor)}</label>
                <select id="f-cal-counsellor" name="radgivare">
                    {week
                        .colleagues
                        .iter()
                        .map(|c| {
                            view! {
                                <option value=c.counsellor_id.to_string() selected=c.counsellor_id == id>
                                    {c.name.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <button type="submit" class="button button--secondary">{t!(i18n, cal_show)}</button>
            </form>
            <h2 class="calendar__week">{week_label}</h2>
            <div class="calendar__days">
                {week
                    .days
                    .into_iter()
                    .take(shown as usize)
                    .map(|day| view! { <DayColumn day today/> })
                    .collect_view()}
            </div>
        </div>
    }
}

#[component]
fn DayColumn(day: CalendarDay, today: chrono::NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let date = day.date.0;
    let heading_id = format!("dag-{}", iso_date(date));
    let labelled_by = heading_id.clone();
    let is_today = date == today;
    view! {
        <section class="calendar__day" class:calendar__day--today=is_today aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {format!("{} {}", weekday_name(date, swedish), day_and_month(date, swedish))}
                {is_today.then(|| view! { " " <span class="tag">{t!(i18n, cal_today)}</span> })}
            </h3>
            {if day.meetings.is_empty() {
                view! { <p class="calendar__empty">{t!(i18n, cal_no_meetings)}</p> }.into_any()
            } else {
                view! {
                    <ul class="calendar__meetings" role="list">
                        {day.meetings.into_iter().map(|m| meeting_item(i18n, m, swedish)).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            {(!day.open.is_empty())
                .then(|| {
                    view! {
                        <p class="calendar__open">
                            {t!(i18n, cal_open)} " "
                            {day
                                .open
                                .iter()
                                .map(|o| time_range(i18n, o.starts_at, o.ends_at))
                                .collect::<Vec<_>>()
                                .join(", ")}
                        </p>
                    }
                })}
        </section>
    }
}

fn meeting_item(
    i18n: I18n,
    m: crate::api::calendar::CalendarMeetingView,
    swedish: bool,
) -> impl IntoView {
    let meeting = if swedish { m.meeting_sv } else { m.meeting_en };
    let status = (m.status != "booked").then(|| status_name(i18n, &m.status));
    view! {
        <li class=format!("calendar__meeting calendar__meeting--{}", m.channel.as_str())>
            <span class="calendar__time">{time_range(i18n, m.starts_at, m.ends_at)}</span>
            <span class="calendar__channel">
                <span aria-hidden="true">{channel_icon(m.channel)}</span>
                " "
                {channel_name(i18n, m.channel)}
            </span>
            <strong class="calendar__seeker">{m.seeker_name}</strong>
            <span class="calendar__type">{meeting}</span>
            {status.map(|s| view! { <span class="tag">{s}</span> })}
        </li>
    }
}
