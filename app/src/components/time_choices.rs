//! The days and times a picker offers, in one form: days as links (grouped in weeks), each
//! day's times as radio buttons, and a confirm button. Plain links and a plain post, so it
//! works without JavaScript; the [`SlotPicker`] island makes choosing a day instant. Before
//! it, [`HowToMeet`]: the way of meeting and, for a visit, the office. The job seeker's
//! picker and the employer's share both.

use crate::{
    components::{
        meeting_words::{channel_hint, channel_icon, channel_name, is_swedish, when_text},
        messages::I18n,
        slot_picker::SlotPicker,
    },
    domain::{
        offer::monday_of,
        time::{clock, day_and_month, iso_date, long_date, weekday_name, Day},
        Channel,
    },
    i18n::*,
    views::booking::{DayView, OfficeChoice, TimeView, TimesView},
};
use chrono::Datelike;
use leptos::prelude::*;

/// Where the form posts and how its days link, and its words.
#[derive(Debug, Clone)]
pub struct TimesForm {
    /// The page's address with its query (how to meet, where); a day link adds `&dag=`.
    pub page: String,
    pub action: &'static str,
    /// Posted with the chosen time.
    pub hidden: Vec<(&'static str, String)>,
    pub confirm: String,
    /// The day asked for.
    pub day: Option<Day>,
    /// Confirm was pressed without a time.
    pub time_error: bool,
    /// The time wanted was taken: the nearest free ones are shown first.
    pub taken: bool,
    /// Said above the days when the times are with others than those who know the field.
    pub fallback: String,
    pub widened: String,
    /// Said instead when there are no times at all.
    pub no_times: String,
}

/// How to meet and, for a visit, which office: a form that reloads the page with the
/// times for that choice.
/// `hidden` fields go along (those left empty are left out); `children`, if any, come first.
#[component]
pub fn HowToMeet(
    action: &'static str,
    hidden: Vec<(&'static str, String)>,
    channels: Vec<Channel>,
    chosen: Option<Channel>,
    offices: Vec<OfficeChoice>,
    office_id: Option<i64>,
    error: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form class="how-to-meet" method="get" action=action>
            {hidden
                .into_iter()
                .filter(|(_, value)| !value.is_empty())
                .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
                .collect_view()}
            {children.map(|c| c())}
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
                    {channels
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
                    {offices
                        .iter()
                        .map(|o| {
                            let name = if o.nearest {
                                t_string!(i18n, book_office_nearest, name = o.name.clone())
                                    .to_string()
                            } else {
                                o.name.clone()
                            };
                            view! {
                                <option value=o.id.to_string() selected=office_id == Some(o.id)>
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
pub fn TimeChoices(times: TimesView, form: TimesForm) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let view = times;
    if view.days.is_empty() {
        return view! {
            <p class="notice" id="tider" role="status">{form.no_times}</p>
        }
        .into_any();
    }
    // The day shown: the one asked for if it has times, else the suggested (quieter) one.
    let shown = form
        .day
        .filter(|d| view.days.iter().any(|day| day.date == *d))
        .or(view.suggested_day)
        .or(view.days.first().map(|d| d.date));
    let base = form.page.clone();
    let time_error = form.time_error;
    let mut weeks: Vec<(chrono::NaiveDate, Vec<DayView>)> = Vec::new();
    for day in &view.days {
        let monday = monday_of(day.date.0);
        match weeks.last_mut() {
            Some((m, days)) if *m == monday => days.push(day.clone()),
            _ => weeks.push((monday, vec![day.clone()])),
        }
    }
    let confirm = form.confirm.clone();
    view! {
        <SlotPicker>
            <form
                class="slot-form"
                method="post"
                action=form.action
                data-sending-label=t_string!(i18n, book_sending)
            >
                {form
                    .hidden
                    .iter()
                    .map(|(name, value)| {
                        view! { <input type="hidden" name=*name value=value.clone()/> }
                    })
                    .collect_view()}
                {view.fallback.then(|| view! { <p class="notice">{form.fallback.clone()}</p> })}
                {view.widened.then(|| view! { <p class="notice">{form.widened.clone()}</p> })}
                {form.taken.then(|| view! { <Taken nearest=view.nearest.clone()/> })}
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
                                <DayTimes minutes=view.minutes day=d.clone() hidden=Some(d.date) != shown error=time_error/>
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
fn DayTimes(day: DayView, minutes: i64, hidden: bool, error: bool) -> impl IntoView {
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
            <p class="field__hint" id=format!("tider-{iso}-tips")>{t_string!(i18n, book_times_hint, minutes = minutes).to_string()}</p>
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
