//! `/personal/kontor/uppfoljning`: the office's follow-up figures for a chosen period, as
//! bar charts with their numbers beside them (tables underneath, so screen readers read the
//! numbers), and as a CSV file.

use super::{office::office_choice, require_staff, staff_load_failed};
use crate::{
    api::office::load_figures,
    components::{
        meeting_words::{channel_name, is_swedish},
        messages::{capacity_or_period_text, error_text, I18n},
    },
    domain::{
        activity_report::{follow_up::ReportCounts, period::ReportPeriod},
        figures::{Figures, Spread},
    },
    i18n::*,
    pages::my_pages::activity_report::words::month_text,
    paths,
    views::office::{CounsellorFigures, FiguresView},
};
use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn FiguresPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::FIGURES);
    let (office, from, to) = use_query_map().with_untracked(|q| {
        (
            q.get("kontor").and_then(|c| c.parse().ok()),
            q.get("fran").unwrap_or_default(),
            q.get("till").unwrap_or_default(),
        )
    });
    let load = load_figures(office, from, to);
    view! {
        <Title text=t_string!(i18n, fig_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <FiguresBody view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, fig_title),
                    t_string!(i18n, fig_err_forbidden),
                ),
            }
        })}
    }
}

/// One decimal, with the decimal sign of the page's language ("3,5" in Swedish).
pub(super) fn one_decimal(i18n: I18n, v: Option<f64>) -> String {
    match v {
        Some(v) if is_swedish(i18n) => format!("{v:.1}").replace('.', ","),
        Some(v) => format!("{v:.1}"),
        None => "–".into(),
    }
}

/// What a spread is counted in.
#[derive(Clone, Copy)]
enum Unit {
    Days,
    Minutes,
}

fn unit_word(i18n: I18n, unit: Unit) -> &'static str {
    match unit {
        Unit::Days => t_string!(i18n, fig_unit_days),
        Unit::Minutes => t_string!(i18n, fig_unit_minutes),
    }
}

/// "3,5 dagar (n = 12)": a median with its unit and how many it is of.
fn median_text(i18n: I18n, s: Spread, unit: Unit) -> String {
    match s.median {
        Some(_) => format!(
            "{} {} (n = {})",
            one_decimal(i18n, s.median),
            unit_word(i18n, unit),
            s.count
        ),
        None => "–".into(),
    }
}

/// A bar of `value` out of `max`, drawn beside its number; the bar is decoration.
fn bar(value: f64, max: f64, text: String) -> impl IntoView {
    let width = if max > 0.0 {
        (value / max * 100.0).clamp(0.0, 100.0)
    } else {
        0.0
    };
    view! {
        <span class="chart__cell">
            <span class="chart__bar" aria-hidden="true">
                <span class="chart__fill" style=format!("width:{width:.0}%")></span>
            </span>
            <span class="chart__value">{text}</span>
        </span>
    }
}

#[component]
fn FiguresBody(view: FiguresView) -> impl IntoView {
    let i18n = use_i18n();
    let error_of = |key: &str| {
        view.errors
            .get(key)
            .map(|e| capacity_or_period_text(i18n, *e).unwrap_or_else(|| error_text(i18n, *e)))
    };
    let date_field = |key: &'static str, label: &'static str, value: String| {
        let error = error_of(key);
        let id = format!("f-fig-{key}");
        let error_id = format!("{id}-fel");
        view! {
            <div class="field" class:field--error=error.is_some()>
                <label for=id.clone()>{label}</label>
                <p class="field__error" id=error_id.clone()>{error}</p>
                <input
                    id=id
                    name=key
                    type="date"
                    value=value
                    aria-describedby=error_id
                    aria-invalid=error.map(|_| "true")
                />
            </div>
        }
    };
    let f = view.office.clone();
    let spread = |s: Spread, unit: Unit| {
        if s.count == 0 {
            t_string!(i18n, fig_none).to_owned()
        } else {
            t_string!(
                i18n,
                fig_median_mean,
                median = one_decimal(i18n, s.median),
                mean = one_decimal(i18n, s.mean),
                unit = unit_word(i18n, unit),
                n = s.count
            )
            .to_string()
        }
    };
    let share = |p: Option<u32>, part: u32, whole: u32, of_key: bool| match p {
        Some(p) => {
            let of = if of_key {
                t_string!(i18n, fig_self_service_of, part = part, whole = whole).to_string()
            } else {
                t_string!(i18n, fig_no_show_of, part = part, whole = whole).to_string()
            };
            format!("{p} % ({of})")
        }
        None => t_string!(i18n, fig_none).to_owned(),
    };
    let ok = view.errors.is_empty();
    view! {
        <div class="page page--wide figures">
            <h1>{format!("{}: {}", t_string!(i18n, fig_title), view.office_name)}</h1>
            {office_choice(i18n, paths::FIGURES, &view.offices, view.office_id)}
            <form method="get" action=paths::FIGURES class="field-row" novalidate>
                {(!view.offices.is_empty())
                    .then(|| view! { <input type="hidden" name="kontor" value=view.office_id.to_string()/> })}
                {date_field("fran", t_string!(i18n, fig_from), view.from.clone())}
                {date_field("till", t_string!(i18n, fig_to), view.to.clone())}
                <button type="submit" class="button button--secondary">{t!(i18n, fig_show)}</button>
            </form>
            {ok.then(|| view! {
                <p class="figures__downloads">
                    <a class="button button--link" href=view.csv_href.clone() download="">{t!(i18n, fig_csv)}</a>
                    " "
                    <a class="button button--link" href=format!("{}&format=komma", view.csv_href) download="">
                        {t!(i18n, fig_csv_plain)}
                    </a>
                </p>
                <section aria-labelledby="fig-kontor">
                    <h2 id="fig-kontor">{t!(i18n, fig_office)}</h2>
                    <dl class="facts figures__key">
                        <dt>{t!(i18n, fig_self_service)}</dt>
                        <dd>{bar(f64::from(f.self_service_percent().unwrap_or(0)), 100.0,
                            share(f.self_service_percent(), f.self_service, f.first_meetings, true))}</dd>
                        <dt>{t!(i18n, fig_with_staff)}</dt>
                        <dd>{
                            let (n, p) = f.registered_with_staff();
                            bar(f64::from(p.unwrap_or(0)), 100.0, share(p, n, f.first_meetings, true))
                        }</dd>
                        <dt>{t!(i18n, fig_no_show)}</dt>
                        <dd>{bar(f64::from(f.no_show_percent().unwrap_or(0)), 100.0,
                            share(f.no_show_percent(), f.no_shows, f.held + f.no_shows, false))}</dd>
                        <dt>{t!(i18n, fig_days)}</dt>
                        <dd>{spread(f.days_to_first, Unit::Days)}</dd>
                        <dt>{t!(i18n, fig_waiting)}</dt>
                        <dd>{spread(f.waiting_minutes, Unit::Minutes)}</dd>
                    </dl>
                </section>
                <ByChannel figures=f.clone()/>
                <Reports months=view.report_months.clone() counts=view.reports/>
                <PerCounsellor rows=view.counsellors.clone()/>
                <EmployerMeetings rows=view.employer_meetings.clone()/>
                <super::rating_figures::Ratings
                    figures=view.ratings.clone()
                    counsellors=view.counsellors.iter().map(|c| (c.name.clone(), c.rating)).collect()
                />
                <Hours figures=f.clone()/>
            })}
        </div>
    }
}

/// Meetings with employers in the period, by the field of the need they were about.
#[component]
fn EmployerMeetings(rows: Vec<crate::views::office::EmployerMeetingFigures>) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = i18n.get_locale_untracked() == Locale::sv;
    view! {
        <section aria-labelledby="fig-arbetsgivare">
            <h2 id="fig-arbetsgivare">{t!(i18n, fig_employer_meetings)}</h2>
            {if rows.is_empty() {
                view! { <p>{t!(i18n, fig_employer_none)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="fig-arbetsgivare" tabindex="0">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, fig_employer_field)}</th>
                                    <th scope="col">{t!(i18n, fig_employer_held)}</th>
                                    <th scope="col">{t!(i18n, fig_employer_booked)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let field = match r.field {
                                        Some((sv, en)) => if swedish { sv } else { en },
                                        None => t_string!(i18n, emp_book_need_general).to_owned(),
                                    };
                                    view! {
                                        <tr>
                                            <th scope="row">{field}</th>
                                            <td>{r.held}</td>
                                            <td>{r.booked}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}

/// A share that says what it is of: "40 % (2 av 5)".
fn part_of(i18n: I18n, p: Option<u32>, part: u32, whole: u32) -> String {
    p.map(|p| {
        format!(
            "{p} % ({})",
            t_string!(i18n, fig_part_of, part = part, whole = whole)
        )
    })
    .unwrap_or_else(|| "–".into())
}

/// The first meetings of each way of meeting: how the people registered (online, or with
/// staff at the desk or on the phone) and who booked.
#[component]
fn ByChannel(figures: Figures) -> impl IntoView {
    let i18n = use_i18n();
    let pct = |p: Option<u32>, part: u32, whole: u32| part_of(i18n, p, part, whole);
    view! {
        <section aria-labelledby="fig-kanal">
            <h2 id="fig-kanal">{t!(i18n, fig_by_channel)}</h2>
            <div class="table-scroll" role="region" aria-labelledby="fig-kanal" tabindex="0">
                <table class="chart">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, fig_col_channel)}</th>
                            <th scope="col">{t!(i18n, fig_col_first)}</th>
                            <th scope="col">{t!(i18n, fig_col_registered_online)}</th>
                            <th scope="col">{t!(i18n, fig_col_registered_staff)}</th>
                            <th scope="col">{t!(i18n, fig_col_booked_staff)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {figures.by_channel.into_iter().map(|c| {
                            let n = c.first_meetings;
                            view! {
                                <tr>
                                    <th scope="row">{channel_name(i18n, c.channel)}</th>
                                    <td>{n}</td>
                                    <td>{bar(f64::from(c.registered_online_percent().unwrap_or(0)), 100.0, pct(c.registered_online_percent(), c.registered_online, n))}</td>
                                    <td>{bar(f64::from(c.registered_with_staff_percent().unwrap_or(0)), 100.0, pct(c.registered_with_staff_percent(), c.registered_with_staff, n))}</td>
                                    <td>{bar(f64::from(c.booked_by_staff_percent().unwrap_or(0)), 100.0, pct(c.booked_by_staff_percent(), c.booked_by_staff, n))}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The office's activity reports whose deadline fell in the period.
#[component]
fn Reports(months: Vec<ReportPeriod>, counts: ReportCounts) -> impl IntoView {
    let i18n = use_i18n();
    let names = months
        .iter()
        .map(|m| month_text(i18n, *m))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section aria-labelledby="fig-rapporter">
            <h2 id="fig-rapporter">{t!(i18n, fig_reports)}</h2>
            {if months.is_empty() {
                view! { <p>{t!(i18n, fig_reports_none)}</p> }.into_any()
            } else if counts.due == 0 {
                view! {
                    <p>{t_string!(i18n, fig_reports_months, months = names).to_string()}</p>
                    <p>{t!(i18n, fig_reports_none_due)}</p>
                }
                .into_any()
            } else {
                view! {
                    <p>{t_string!(i18n, fig_reports_months, months = names).to_string()}</p>
                    <dl class="facts figures__key">
                        <dt>{t!(i18n, fig_reports_online)}</dt>
                        <dd>{bar(f64::from(counts.online_percent().unwrap_or(0)), 100.0,
                            part_of(i18n, counts.online_percent(), counts.online, counts.due))}</dd>
                        <dt>{t!(i18n, fig_reports_on_time)}</dt>
                        <dd>{bar(f64::from(counts.on_time_percent().unwrap_or(0)), 100.0,
                            part_of(i18n, counts.on_time_percent(), counts.on_time, counts.due))}</dd>
                    </dl>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn PerCounsellor(rows: Vec<CounsellorFigures>) -> impl IntoView {
    let i18n = use_i18n();
    let most_first = rows
        .iter()
        .map(|c| c.meetings.first_meetings)
        .max()
        .unwrap_or(0);
    let pct = |p: Option<u32>, part: u32, whole: u32| part_of(i18n, p, part, whole);
    view! {
        <section aria-labelledby="fig-per">
            <h2 id="fig-per">{t!(i18n, fig_per_counsellor)}</h2>
            <div class="table-scroll" role="region" aria-labelledby="fig-per" tabindex="0">
                <table class="chart">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, fig_col_name)}</th>
                            <th scope="col">{t!(i18n, fig_col_first)}</th>
                            <th scope="col">{t!(i18n, fig_col_self)}</th>
                            <th scope="col">{t!(i18n, fig_col_no_show)}</th>
                            <th scope="col">{t!(i18n, fig_col_days)}</th>
                            <th scope="col">{t!(i18n, fig_col_wait)}</th>
                            <th scope="col">{t!(i18n, fig_col_reports_due)}</th>
                            <th scope="col">{t!(i18n, fig_col_reports_online)}</th>
                            <th scope="col">{t!(i18n, fig_col_reports_on_time)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|c| {
                                let (name, f, r) = (c.name, c.meetings, c.reports);
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td>{bar(f64::from(f.first_meetings), f64::from(most_first), f.first_meetings.to_string())}</td>
                                        <td>{bar(f64::from(f.self_service_percent().unwrap_or(0)), 100.0, pct(f.self_service_percent(), f.self_service, f.first_meetings))}</td>
                                        <td>{bar(f64::from(f.no_show_percent().unwrap_or(0)), 100.0, pct(f.no_show_percent(), f.no_shows, f.held + f.no_shows))}</td>
                                        <td>{median_text(i18n, f.days_to_first, Unit::Days)}</td>
                                        <td>{median_text(i18n, f.waiting_minutes, Unit::Minutes)}</td>
                                        <td>{r.due}</td>
                                        <td>{pct(r.online_percent(), r.online, r.due)}</td>
                                        <td>{pct(r.on_time_percent(), r.on_time, r.due)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Hours(figures: Figures) -> impl IntoView {
    let i18n = use_i18n();
    let most = figures.visits_by_hour.iter().copied().max().unwrap_or(0);
    view! {
        <section aria-labelledby="fig-timmar">
            <h2 id="fig-timmar">{t!(i18n, fig_hours)}</h2>
            {match figures.busy_hours() {
                None => view! { <p>{t!(i18n, fig_no_visits)}</p> }.into_any(),
                Some((first, last)) => view! {
                    <table class="chart chart--hours">
                        <caption>{t!(i18n, fig_hours_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, fig_col_hour)}</th>
                                <th scope="col">{t!(i18n, fig_col_visits)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {(first..=last)
                                .map(|h| {
                                    let n = figures.visits_by_hour[h];
                                    view! {
                                        <tr>
                                            <th scope="row">{format!("{h:02}–{:02}", h + 1)}</th>
                                            <td>{bar(f64::from(n), f64::from(most), n.to_string())}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any(),
            }}
        </section>
    }
}
