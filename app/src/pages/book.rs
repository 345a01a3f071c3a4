//! `/boka`: where a registered job seeker books the first meeting, or moves it (`?byt=ID`).
//! First how to meet (and for a visit, where), then a day, then a time with a named
//! counsellor. Every step is a plain form or link, so it works without JavaScript; the
//! [`SlotPicker`] island makes choosing a day instant and keyboard-friendly.

use crate::paths;
use crate::{
    api::booking::{load_picker, BookTime},
    components::{
        meeting_words::{
            after_first_contact, channel_hint, channel_icon, channel_name, is_swedish, when_text,
        },
        messages::I18n,
        slot_picker::SlotPicker,
    },
    domain::{
        offer::monday_of,
        time::{clock, day_and_month, iso_date, long_date, parse_iso_date, weekday_name, Day},
        Channel,
    },
    error::AppError,
    i18n::*,
    pages::not_found::NotFound,
    views::booking::{AfterFirst, DayView, MeetingSummary, PickerView, TimeView},
};
use chrono::Datelike;
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
                        <HowToMeet view=view.clone() byt=query.byt.clone() error=channel_error/>
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

/// How to meet and, for a visit, which office: a form that reloads the page with the
/// times for that choice.
#[component]
fn HowToMeet(view: PickerView, byt: String, error: bool) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = view.channel;
    view! {
        <form class="how-to-meet" method="get" action=paths::BOOK>
            {(!byt.is_empty()).then(|| view! { <input type="hidden" name="byt" value=byt.clone()/> })}
            <fieldset
                class="field choices"
                class:field--error=error
                id="kanal"
                aria-describedby="kanal-fel"
            >
                <legend>{t!(i18n, book_how)}</legend>
                <p class="field__error" id="kanal-fel">
                    {error.then(|| t_string!(i18n, book_choose_channel))}
                </p>
                <div class="choices__list choices__list--cards">
                    {view
                        .channels
                        .clone()
                        .into_iter()
                        .enumerate()
                        .map(|(i, channel)| {
                            let id = format!("kanal-{}", channel.as_str());
                            let hint_id = format!("{id}-tips");
                            view! {
                                <div class="choice choice--card">
                                    <input
                                        type="radio"
                                        name="kanal"
                                        id=id.clone()
                                        value=channel.as_str()
                                        checked=chosen == Some(channel)
                                        aria-describedby=hint_id.clone()
                                        autofocus=error && i == 0
                                    />
                                    <label for=id>
                                        <span aria-hidden="true" class="icon">
                                            {channel_icon(channel)}
                                        </span>
                                        " "
                                        {channel_name(i18n, channel)}
                                    </label>
                                    <p class="choice__hint" id=hint_id>
                                        {channel_hint(i18n, channel)}
                                    </p>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label for="kontor">{t!(i18n, book_office)}</label>
                <p class="field__hint" id="kontor-tips">{t!(i18n, book_office_hint)}</p>
                <select id="kontor" name="kontor" aria-describedby="kontor-tips">
                    {view
                        .offices
                        .iter()
                        .map(|o| {
                            let name = if o.nearest {
                                t_string!(i18n, book_office_nearest, name = o.name.clone())
                                    .to_string()
                            } else {
                                o.name.clone()
                            };
                            view! {
                                <option value=o.id.to_string() selected=view.office_id == Some(o.id)>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button button--secondary">
                {t!(i18n, book_show_times)}
            </button>
        </form>
    }
}

/// The days (grouped in weeks) and each day's times, in one form that confirms.
#[component]
fn DaysAndTimes(view: PickerView, channel: Channel, query: Query) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let office = if channel == Channel::Office {
        view.office_id.map(|id| id.to_string()).unwrap_or_default()
    } else {
        String::new()
    };
    if view.days.is_empty() {
        return view! {
            <p class="notice" id="tider" role="status">{t!(i18n, book_no_times)}</p>
        }
        .into_any();
    }
    // The day shown: the one asked for if it has times, else the suggested (quieter) one.
    let shown = query
        .dag
        .filter(|d| view.days.iter().any(|day| day.date == *d))
        .or(view.suggested_day)
        .or(view.days.first().map(|d| d.date));
    let base = {
        let mut q = format!("{}?kanal={}", paths::BOOK, channel.as_str());
        if !office.is_empty() {
            q.push_str(&format!("&kontor={office}"));
        }
        if !query.byt.is_empty() {
            q.push_str(&format!("&byt={}", query.byt));
        }
        q
    };
    let time_error = query.fel == "tid";
    let mut weeks: Vec<(chrono::NaiveDate, Vec<DayView>)> = Vec::new();
    for day in &view.days {
        let monday = monday_of(day.date.0);
        match weeks.last_mut() {
            Some((m, days)) if *m == monday => days.push(day.clone()),
            _ => weeks.push((monday, vec![day.clone()])),
        }
    }
    let confirm = if query.byt.is_empty() {
        t_string!(i18n, book_confirm)
    } else {
        t_string!(i18n, book_confirm_move)
    };
    view! {
        <SlotPicker>
            <form
                class="slot-form"
                method="post"
                action=BookTime::PATH
                data-sending-label=t_string!(i18n, book_sending)
            >
                <input type="hidden" name="kanal" value=channel.as_str()/>
                <input type="hidden" name="kontor" value=office.clone()/>
                <input type="hidden" name="byt" value=query.byt.clone()/>
                {view.fallback.then(|| view! { <p class="notice">{t!(i18n, book_fallback)}</p> })}
                {view.widened.then(|| view! { <p class="notice">{t!(i18n, book_widened)}</p> })}
                {(!query.upptagen.is_empty())
                    .then(|| view! { <Taken nearest=view.nearest.clone()/> })}
                <h2 id="dagar">{t!(i18n, book_days)}</h2>
                {view.days.iter().any(|d| d.quiet)
                    .then(|| view! { <p class="field__hint">{t!(i18n, book_quiet_explain)}</p> })}
                <nav class="days" aria-labelledby="dagar">
                    {weeks
                        .into_iter()
                        .map(|(monday, days)| {
                            let week = t_string!(i18n, book_week, n = monday.iso_week().week())
                                .to_string();
                            view! {
                                <h3 class="days__week">{week}</h3>
                                <ul class="days__list" role="list">
                                    {days
                                        .into_iter()
                                        .map(|d| {
                                            view! {
                                                <li>
                                                    <DayLink day=d base=base.clone() current=shown swedish/>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })
                        .collect_view()}
                </nav>
                <div id="tider" class="times">
                    {view
                        .days
                        .iter()
                        .map(|d| {
                            view! {
                                <DayTimes day=d.clone() hidden=Some(d.date) != shown error=time_error/>
                            }
                        })
                        .collect_view()}
                </div>
                <p id="vald-tid" class="chosen" role="status" aria-live="polite">
                    {t!(i18n, book_nothing_selected)}
                </p>
                <button type="submit" class="button">{confirm}</button>
            </form>
        </SlotPicker>
    }
        .into_any()
}

#[component]
fn DayLink(day: DayView, base: String, current: Option<Day>, swedish: bool) -> impl IntoView {
    let i18n = use_i18n();
    let date = day.date.0;
    let iso = iso_date(date);
    let n = day.times.len();
    let long = long_date(date, swedish);
    let announce = t_string!(i18n, book_day_announce, day = long.clone(), n = n).to_string();
    view! {
        <a
            class="day"
            class:day--quiet=day.quiet
            href=format!("{base}&dag={iso}#tider")
            data-day=iso
            data-announce=announce
            aria-current=(current == Some(day.date)).then_some("date")
        >
            <span class="day__name">{weekday_name(date, swedish)}</span>
            <span class="day__date">{day_and_month(date, swedish)}</span>
            <span class="day__count">{t_string!(i18n, book_times_count, n = n).to_string()}</span>
            {day.quiet.then(|| view! { <span class="day__quiet">{t!(i18n, book_quiet)}</span> })}
        </a>
    }
}

#[component]
fn DayTimes(day: DayView, hidden: bool, error: bool) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let iso = iso_date(day.date.0);
    let legend = t_string!(i18n, book_times_for, day = long_date(day.date.0, swedish)).to_string();
    let error_id = format!("tider-{iso}-fel");
    let described = format!("tider-{iso}-tips {error_id}");
    view! {
        <fieldset
            class="field times__day"
            class:field--error=error && !hidden
            data-day-times=iso.clone()
            hidden=hidden
            aria-describedby=described
        >
            <legend>{legend}</legend>
            <p class="field__hint" id=format!("tider-{iso}-tips")>{t!(i18n, book_times_hint)}</p>
            <p class="field__error" id=error_id>
                {(error && !hidden).then(|| t_string!(i18n, book_choose_time))}
            </p>
            <div class="times__list">
                {day
                    .times
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| {
                        view! { <TimeChoice time=t focus=error && !hidden && i == 0/> }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn TimeChoice(time: TimeView, focus: bool) -> impl IntoView {
    let i18n: I18n = use_i18n();
    let id = format!("tid-{}", time.value);
    let announce = t_string!(
        i18n,
        book_selected,
        when = when_text(i18n, time.start),
        name = time.counsellor.clone()
    )
    .to_string();
    view! {
        <div class="time">
            <input
                type="radio"
                name="tid"
                id=id.clone()
                value=time.value
                data-announce=announce
                autofocus=focus
            />
            <label for=id>
                <span class="time__clock">{clock(time.start)}</span>
                <span class="time__who">{time.counsellor}</span>
            </label>
        </div>
    }
}

/// The chosen time was taken: say so, and offer the nearest free ones right here.
#[component]
fn Taken(nearest: Vec<TimeView>) -> impl IntoView {
    let i18n = use_i18n();
    let none = nearest.is_empty();
    view! {
        <div class="notice notice--warning" id="upptagen" role="alert" tabindex="-1">
            <h2>{t!(i18n, book_taken_title)}</h2>
            {if none {
                view! { <p>{t!(i18n, book_taken_none)}</p> }.into_any()
            } else {
                view! {
                    <fieldset class="field">
                        <legend>{t!(i18n, book_taken)}</legend>
                        <div class="times__list">
                            {nearest
                                .into_iter()
                                .map(|t| {
                                    let label = format!("{}, {}", when_text(i18n, t.start), t.counsellor);
                                    let id = format!("nara-{}", t.value);
                                    view! {
                                        <div class="time time--wide">
                                            <input type="radio" name="tid" id=id.clone() value=t.value/>
                                            <label for=id>{label}</label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                }
                    .into_any()
            }}
        </div>
    }
}
