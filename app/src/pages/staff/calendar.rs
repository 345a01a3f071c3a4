//! `/personal/kalender`: a counsellor's week or day, or an office's day side by side, as the
//! interactive board. Links and a plain GET form move between weeks, days and colleagues,
//! so it works without JavaScript; `?mote=ID` opens a meeting's side panel beside it.

use super::{meeting_panel::MeetingPanel, require_staff};
use crate::paths;
use crate::{
    api::calendar::load_calendar_week,
    components::{
        calendar_board::CalendarBoard,
        live_refresh::LiveRefresh,
        meeting_words::{is_swedish, when_text},
    },
    domain::time::{day_and_month, iso_date, long_date},
    error::AppError,
    i18n::*,
    pages::my_pages::load_failed,
    paths::CalendarMode,
    views::calendar::CalendarView,
};
use chrono::Days;
use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn CalendarPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::CALENDAR);
    let (week, day, counsellor, weekend, office, meeting) = use_query_map().with_untracked(|q| {
        (
            q.get("vecka").unwrap_or_default(),
            q.get("dag").unwrap_or_default(),
            q.get("radgivare").and_then(|c| c.parse::<i64>().ok()),
            q.get("helg").is_some(),
            q.get("kontor").is_some(),
            q.get("mote").and_then(|c| c.parse::<i64>().ok()),
        )
    });
    let load = load_calendar_week(week, counsellor, day, office, weekend);
    view! {
        <Title text=t_string!(i18n, cal_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Calendar view meeting/> }.into_any(),
                Err(AppError::Forbidden) => view! {
                    <div class="page page--form">
                        <h1>{t!(i18n, cal_title)}</h1>
                        <p class="notice notice--error" role="alert">{t!(i18n, cal_forbidden)}</p>
                        <p><a href=paths::CALENDAR>{t!(i18n, cal_own)}</a></p>
                    </div>
                }
                .into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, cal_title)),
            }
        })}
    }
}

#[component]
fn Calendar(view: CalendarView, meeting: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let CalendarView {
        mode,
        counsellor_id: id,
        owner_name,
        own,
        colleagues,
        day,
        monday,
        today,
        weekend,
        board,
        to_report,
        office_id,
        pulse,
    } = view;
    let (day, monday, today) = (day.0, monday.0, today.0);
    let shown = if weekend { 7 } else { 5 };
    let heading = match (mode, own) {
        (CalendarMode::Office, _) => {
            t_string!(i18n, cal_office_of, day = long_date(day, swedish)).to_string()
        }
        (_, true) => t_string!(i18n, cal_title).to_owned(),
        (_, false) => t_string!(i18n, cal_of, name = owner_name.clone()).to_string(),
    };
    let period = match mode {
        CalendarMode::Week => t_string!(
            i18n,
            cal_week_of,
            from = day_and_month(monday, swedish),
            to = day_and_month(monday + Days::new(shown - 1), swedish)
        )
        .to_string(),
        _ => long_date(day, swedish),
    };
    let (step, previous, next) = match mode {
        CalendarMode::Week => (7, t_string!(i18n, cal_previous), t_string!(i18n, cal_next)),
        _ => (
            1,
            t_string!(i18n, cal_previous_day),
            t_string!(i18n, cal_next_day),
        ),
    };
    let at = |d: chrono::NaiveDate| paths::calendar(mode, d, id, weekend);
    let view_link = move |m: CalendarMode, label: &'static str| {
        let current = (m == mode).then_some("page");
        view! { <a href=paths::calendar(m, day, id, weekend) aria-current=current>{label}</a> }
    };
    let day_input = if mode == CalendarMode::Week {
        "vecka"
    } else {
        "dag"
    };
    view! {
        <div class="page page--wide calendar">
            <h1>{heading}</h1>
            <nav class="calendar__views" aria-label=t_string!(i18n, cal_views_label)>
                {view_link(CalendarMode::Week, t_string!(i18n, cal_view_week))}
                {view_link(CalendarMode::Day, t_string!(i18n, cal_view_day))}
                {view_link(CalendarMode::Office, t_string!(i18n, cal_view_office))}
            </nav>
            <nav class="calendar__nav" aria-label=t_string!(i18n, cal_nav_label)>
                <a href=at(day - Days::new(step)) rel="prev">{previous}</a>
                <a href=at(today)>{t!(i18n, cal_today)}</a>
                <a href=at(day + Days::new(step)) rel="next">{next}</a>
                {(mode == CalendarMode::Week).then(|| view! {
                    <a href=paths::calendar(mode, monday, id, !weekend)>
                        {if weekend { t!(i18n, cal_hide_weekend).into_any() } else { t!(i18n, cal_show_weekend).into_any() }}
                    </a>
                })}
            </nav>
            {(mode != CalendarMode::Office).then(|| view! {
                <form class="calendar__who" method="get" action=paths::CALENDAR>
                    <input type="hidden" name=day_input value=iso_date(day)/>
                    {weekend.then(|| view! { <input type="hidden" name="helg" value="1"/> })}
                    <label for="f-cal-counsellor">{t!(i18n, cal_counsellor)}</label>
                    <select id="f-cal-counsellor" name="radgivare">
                        {colleagues
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
            })}
            {(!to_report.is_empty()).then(|| view! {
                <section class="notice notice--warning calendar__to-report" aria-labelledby="att-rapportera">
                    <h2 id="att-rapportera">
                        {format!("{} ({})", t_string!(i18n, cal_to_report), to_report.len())}
                    </h2>
                    <p>{t!(i18n, cal_to_report_hint)}</p>
                    <ul>
                        {to_report.into_iter().map(|r| view! {
                            <li>
                                <a href=r.href>
                                    {format!(
                                        "{}, {}: {}",
                                        when_text(i18n, r.starts_at),
                                        if swedish { r.meeting_sv } else { r.meeting_en },
                                        r.who,
                                    )}
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <LiveRefresh office=office_id pulse href=paths::calendar(mode, day, id, weekend)/>
            <h2 class="calendar__week">{period}</h2>
            <div class="calendar__layout" class:calendar__layout--panel=meeting.is_some()>
                <CalendarBoard board/>
                {meeting.map(|m| view! { <MeetingPanel id=m/> })}
            </div>
        </div>
    }
}
