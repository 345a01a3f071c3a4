//! `/personal/kontor`: today's visits at reception (mark arrival, mark fetched), the load of
//! the coming four weeks as a day × hour table against capacity with the peaks marked, and
//! the capacity itself, edited right below it. Plain forms; all works without JavaScript.

use super::{require_staff, staff_load_failed};
use crate::{
    api::office::{load_office, MarkArrival, MarkReceived, SaveCapacity, UndoMark},
    components::{
        live_refresh::LiveRefresh,
        meeting_words::is_swedish,
        messages::{capacity_or_period_text, error_text},
    },
    domain::{
        arrival::Undo,
        capacity::{Level, LoadCell, WEEKDAY_KEYS},
        time::{clock, day_and_month, weekday_name},
    },
    i18n::*,
    paths,
    views::office::{LoadDay, OfficeView, ReceptionVisit},
};
use chrono::{Datelike, Days, NaiveDate};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn OfficePage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::OFFICE);
    let office = use_query_map().with_untracked(|q| q.get("kontor").and_then(|c| c.parse().ok()));
    let load = load_office(office);
    view! {
        <Title text=t_string!(i18n, office_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Office view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, office_title),
                    t_string!(i18n, office_err_forbidden),
                ),
            }
        })}
    }
}

/// A choice of office, for administrators (who belong to none).
pub(super) fn office_choice(
    i18n: crate::components::messages::I18n,
    action: &'static str,
    offices: &[(i64, String)],
    current: i64,
) -> impl IntoView {
    (!offices.is_empty()).then(|| {
        view! {
            <form method="get" action=action class="field-row office-choice">
                <div class="field">
                    <label for="f-kontor">{t!(i18n, office_choose)}</label>
                    <select id="f-kontor" name="kontor">
                        {offices
                            .iter()
                            .map(|(id, name)| {
                                view! {
                                    <option value=id.to_string() selected=*id == current>
                                        {name.clone()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button--secondary">{t!(i18n, office_show)}</button>
            </form>
        }
    })
}

#[component]
fn Office(view: OfficeView) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="page page--wide office">
            <h1>{view.office_name.clone()}</h1>
            {office_choice(i18n, paths::OFFICE, &view.offices, view.office_id)}
            <LiveRefresh
                office=view.office_id
                pulse=view.pulse.clone()
                href=paths::office(view.office_id)
            />
            <Reception visits=view.today.clone()/>
            <LoadTable days=view.days.clone() hours=view.hours.clone()/>
            <CapacitySection
                office_id=view.office_id
                form=view.capacity.clone()
                errors=view.capacity_errors.clone()
                saved=view.saved
                may_manage=view.may_manage
            />
        </div>
    }
}

#[component]
fn Reception(visits: Vec<ReceptionVisit>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="idag" class="office__today">
            <h2 id="idag">{t!(i18n, office_today)}</h2>
            {if visits.is_empty() {
                view! { <p>{t!(i18n, office_today_none)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="reception">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, office_col_time)}</th>
                                    <th scope="col">{t!(i18n, office_col_visitor)}</th>
                                    <th scope="col">{t!(i18n, office_col_counsellor)}</th>
                                    <th scope="col">{t!(i18n, office_col_status)}</th>
                                    <th scope="col">{t!(i18n, office_col_action)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {visits.into_iter().map(|v| view! { <VisitRow v/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn VisitRow(v: ReceptionVisit) -> impl IntoView {
    let i18n = use_i18n();
    let waited = v.waited_minutes.unwrap_or(0);
    let status = match (v.arrived_at, v.received_at) {
        (None, _) => t_string!(i18n, office_expected).to_owned(),
        (Some(at), None) => {
            t_string!(i18n, office_arrived, time = clock(at), min = waited).to_string()
        }
        (Some(_), Some(_)) => t_string!(i18n, office_received, min = waited).to_string(),
    };
    let action = match (v.arrived_at, v.received_at) {
        (None, _) => Some((
            MarkArrival::PATH,
            t_string!(i18n, office_mark_arrived).to_owned(),
            t_string!(i18n, office_mark_arrived_for, name = v.visitor.clone()).to_string(),
        )),
        (Some(_), None) => Some((
            MarkReceived::PATH,
            t_string!(i18n, office_mark_received).to_owned(),
            t_string!(i18n, office_mark_received_for, name = v.visitor.clone()).to_string(),
        )),
        _ => None,
    };
    view! {
        <tr id=format!("besok-{}", v.id) class:reception--waiting=v.arrived_at.is_some() && v.received_at.is_none()>
            <td>{clock(v.starts_at)}</td>
            <th scope="row">
                {v.visitor.clone()}
                {v.organisation.clone().map(|o| view! {
                    <br/>
                    <span class="muted">
                        <span aria-hidden="true">"🏢 "</span>
                        {t_string!(i18n, office_visitor_employer, name = o).to_string()}
                    </span>
                })}
            </th>
            <td>{v.counsellor.clone()}</td>
            <td>{status}</td>
            <td class="reception__actions">
                {action
                    .map(|(path, label, full)| {
                        view! {
                            <form method="post" action=path>
                                <input type="hidden" name="besok" value=v.id.to_string()/>
                                <button type="submit" class="button button--small" aria-label=full>
                                    {label}
                                </button>
                            </form>
                        }
                    })}
                {v.undo.map(|what| {
                    let full = match what {
                        Undo::Arrival => t_string!(i18n, office_undo_arrived_for, name = v.visitor.clone()),
                        Undo::Fetched => t_string!(i18n, office_undo_received_for, name = v.visitor.clone()),
                    }
                    .to_string();
                    view! {
                        <form method="post" action=UndoMark::PATH>
                            <input type="hidden" name="besok" value=v.id.to_string()/>
                            <input type="hidden" name="vad" value=what.as_str()/>
                            <button type="submit" class="button button--small button--secondary" aria-label=full>
                                {t!(i18n, office_undo)}
                            </button>
                        </form>
                    }
                })}
                <a href=v.href.clone()>{t!(i18n, office_open_calendar)}</a>
            </td>
        </tr>
    }
}

fn level_class(level: Level) -> &'static str {
    match level {
        Level::Empty => "heat heat--empty",
        Level::Low => "heat heat--low",
        Level::Medium => "heat heat--medium",
        Level::High => "heat heat--high",
        Level::Full => "heat heat--full",
    }
}

#[component]
fn LoadTable(days: Vec<LoadDay>, hours: Vec<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    // One table body per ISO week, headed by its number.
    let mut weeks: Vec<(u32, Vec<LoadDay>)> = Vec::new();
    for day in days {
        let week = day.date.0.iso_week().week();
        match weeks.last_mut() {
            Some((w, list)) if *w == week => list.push(day),
            _ => weeks.push((week, vec![day])),
        }
    }
    let columns = hours.len() + 2;
    view! {
        <section aria-labelledby="belastning" class="office__load">
            <h2 id="belastning">{t!(i18n, office_load)}</h2>
            <div class="table-scroll" role="region" aria-labelledby="belastning" tabindex="0">
                <table class="heatmap">
                    <caption>{t!(i18n, office_load_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, office_col_day)}</th>
                            {hours
                                .iter()
                                .map(|h| view! { <th scope="col">{format!("{h:02}")}</th> })
                                .collect_view()}
                            <th scope="col">{t!(i18n, office_col_total)}</th>
                        </tr>
                    </thead>
                    {weeks
                        .into_iter()
                        .map(|(week, days)| {
                            view! {
                                <tbody>
                                    <tr class="heatmap__week">
                                        <th scope="colgroup" colspan=columns.to_string()>
                                            {t_string!(i18n, office_week, n = week).to_string()}
                                        </th>
                                    </tr>
                                    {days
                                        .into_iter()
                                        .map(|d| {
                                            let name = format!(
                                                "{} {}",
                                                weekday_name(d.date.0, swedish),
                                                day_and_month(d.date.0, swedish),
                                            );
                                            let closed_day = d.cells.iter().all(|c| !c.open);
                                            let total = match (d.capacity, d.target) {
                                                (Some(cap), Some(target)) => t_string!(
                                                    i18n, office_day_total, booked = d.booked, cap = cap, target = target
                                                )
                                                .to_string(),
                                                _ if closed_day && d.booked == 0 => {
                                                    t_string!(i18n, office_closed).to_owned()
                                                }
                                                _ => d.booked.to_string(),
                                            };
                                            view! {
                                                <tr>
                                                    <th scope="row">{name}</th>
                                                    {d.cells.into_iter().map(|c| view! { <HeatCell c/> }).collect_view()}
                                                    <td class="heatmap__total">{total}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            }
                        })
                        .collect_view()}
                </table>
            </div>
            <p class="muted">{t!(i18n, office_legend)}</p>
        </section>
    }
}

#[component]
fn HeatCell(c: LoadCell) -> impl IntoView {
    let i18n = use_i18n();
    if !c.open && c.booked == 0 {
        // Not open then: no capacity to show, said in words for screen readers.
        return view! {
            <td class="heat heat--closed">
                <span aria-hidden="true">"–"</span>
                <span class="visually-hidden">{t!(i18n, office_closed)}</span>
            </td>
        }
        .into_any();
    }
    let text = match c.capacity {
        Some(cap) => t_string!(i18n, office_cell, booked = c.booked, cap = cap).to_string(),
        None => c.booked.to_string(),
    };
    let mark = match c.level {
        Level::Full => Some(t_string!(i18n, office_full)),
        Level::High => Some(t_string!(i18n, office_peak)),
        _ => None,
    };
    view! {
        <td class=level_class(c.level) class:heat--peak=c.peak()>
            {text}
            {mark
                .map(|m| {
                    view! {
                        " "
                        <span class="heat__mark" aria-hidden="true">"▲"</span>
                        <span class="visually-hidden">{format!("({m})")}</span>
                    }
                })}
        </td>
    }
    .into_any()
}

/// The reception's capacity, on the office page and on the office's administration page
/// (`back` names the page the form returns to).
#[component]
pub(crate) fn CapacitySection(
    office_id: i64,
    form: crate::domain::capacity::CapacityForm,
    errors: crate::domain::field_error::FieldErrors,
    saved: bool,
    may_manage: bool,
    #[prop(optional)] back: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    // Monday 23 November 2026: any Monday names the weekdays.
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let error_of = |key: &str| {
        errors
            .get(key)
            .map(|e| capacity_or_period_text(i18n, *e).unwrap_or_else(|| error_text(i18n, *e)))
    };
    let field = |key: &'static str, label: String, value: String| {
        // Text, not `number`: the browser would drop what is not a number, and a mistake must
        // come back as typed.
        let error = error_of(key);
        let id = format!("f-cap-{key}");
        let error_id = format!("{id}-fel");
        view! {
            <div class="field field--narrow" class:field--error=error.is_some()>
                <label for=id.clone()>{label}</label>
                <p class="field__error" id=error_id.clone()>{error}</p>
                <input
                    id=id
                    name=format!("capacity[{key}]")
                    type="text"
                    inputmode="numeric"
                    size="4"
                    value=value
                    readonly=!may_manage
                    aria-describedby=error_id
                    aria-invalid=error.map(|_| "true")
                />
            </div>
        }
    };
    let days = WEEKDAY_KEYS
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let day = weekday_name(monday + Days::new(i as u64), swedish);
            field(
                key,
                t_string!(i18n, office_per_hour, day = day).to_string(),
                form.field(key).to_owned(),
            )
        })
        .collect_view();
    let target = field(
        "target",
        t_string!(i18n, office_target).to_owned(),
        form.target.clone(),
    );
    view! {
        <section aria-labelledby="kapacitet-rubrik" class="office__capacity" id="kapacitet">
            <h2 id="kapacitet-rubrik">{t!(i18n, office_capacity)}</h2>
            {saved
                .then(|| view! { <p class="notice notice--success" role="status">{t!(i18n, office_saved)}</p> })}
            <p class="muted">{t!(i18n, office_capacity_help)}</p>
            <form method="post" action=SaveCapacity::PATH novalidate>
                <input type="hidden" name="office" value=office_id.to_string()/>
                {back.map(|b| view! { <input type="hidden" name="tillbaka" value=b/> })}
                <div class="capacity-grid">{days}</div>
                {target}
                {may_manage
                    .then(|| view! { <button type="submit" class="button">{t!(i18n, office_save)}</button> })}
            </form>
        </section>
    }
}
