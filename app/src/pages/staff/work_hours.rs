//! `/personal/arbetstider`: weekly working hours, laying them out as open time, and absences
//! and trainings. Plain forms; each comes back with a notice or with what was typed.

use super::{
    absences::{collision_list, released_notice, AbsenceList},
    meeting_panel::staff_error_text,
    require_staff, staff_load_failed,
};
use crate::paths;
use crate::{
    api::work_hours::{load_work_hours, AddAbsence, GenerateOpenTime, SaveWorkHours},
    components::{meeting_words::is_swedish, messages::I18n},
    domain::{
        field_error::FieldErrors,
        time::{iso_date, weekday_name},
        work_hours::AbsenceForm,
    },
    i18n::*,
    views::work_hours::{WorkHoursDone, WorkHoursView},
};
use chrono::{Days, NaiveDate};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn WorkHoursPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::WORK_HOURS);
    let counsellor =
        use_query_map().with_untracked(|q| q.get("radgivare").and_then(|c| c.parse::<i64>().ok()));
    let load = load_work_hours(counsellor);
    view! {
        <Title text=t_string!(i18n, wh_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <WorkHours view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, wh_title),
                    t_string!(i18n, cal_err_forbidden),
                ),
            }
        })}
    }
}

/// A labelled input with its error, named `name`, with id `id`. (Each call reads as one
/// field of the form; a builder would only spread it over more lines.)
#[allow(clippy::too_many_arguments)]
fn input(
    i18n: I18n,
    errors: &FieldErrors,
    key: &str,
    id: String,
    name: String,
    label: String,
    kind: &'static str,
    value: String,
) -> impl IntoView {
    let error = errors.get(key).map(|e| staff_error_text(i18n, *e));
    let error_id = format!("{id}-fel");
    view! {
        <div class="field" class:field--error=error.is_some()>
            <label for=id.clone()>{label}</label>
            <p class="field__error" id=error_id.clone()>{error}</p>
            <input
                id=id
                name=name
                type=kind
                step=(kind == "time").then_some("900")
                value=value
                aria-describedby=error_id
                aria-invalid=error.map(|_| "true")
            />
        </div>
    }
}

#[component]
fn WorkHours(view: WorkHoursView) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let id = view.counsellor_id.to_string();
    let refused = view.refused.clone().unwrap_or_default();
    let no_errors = FieldErrors::new();
    let hours_errors = if refused.hours.is_some() {
        &refused.errors
    } else {
        &no_errors
    }
    .clone();
    let absence_errors = if refused.absence.is_some() {
        &refused.errors
    } else {
        &no_errors
    }
    .clone();
    let generate_errors = if refused.generate.is_some() {
        &refused.errors
    } else {
        &no_errors
    }
    .clone();
    let mut hours = refused.hours.clone().unwrap_or_else(|| view.hours.clone());
    hours.days.resize(7, Default::default());
    let absence = refused.absence.clone().unwrap_or_else(|| AbsenceForm {
        kind: "absence".into(),
        from: iso_date(view.tomorrow.0),
        ..AbsenceForm::default()
    });
    let (from, weeks) = refused
        .generate
        .clone()
        .unwrap_or_else(|| (iso_date(view.tomorrow.0), "4".into()));
    // Monday 23 November 2026: any Monday names the weekdays.
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let heading = if view.own {
        t_string!(i18n, wh_title).to_owned()
    } else {
        t_string!(i18n, wh_of, name = view.counsellor_name.clone()).to_string()
    };
    let done = view.done.clone().map(|d| match d {
        WorkHoursDone::Saved => view! { <p>{t!(i18n, wh_saved)}</p> }.into_any(),
        WorkHoursDone::Generated(n) => {
            let text = if n == 1 {
                t_string!(i18n, wh_generated_single).to_string()
            } else {
                t_string!(i18n, wh_generated, n = n).to_string()
            };
            view! { <p>{text}</p> }.into_any()
        }
        WorkHoursDone::Absence {
            removed,
            collisions,
        } => view! {
            <p>
                {if removed == 1 {
                    t_string!(i18n, wh_absence_done_single).to_string()
                } else {
                    t_string!(i18n, wh_absence_done, n = removed).to_string()
                }}
            </p>
            {if collisions.is_empty() {
                view! { <p>{t!(i18n, wh_no_collisions)}</p> }.into_any()
            } else {
                view! {
                    <p><strong>{t!(i18n, wh_collisions)}</strong></p>
                    {collision_list(i18n, collisions)}
                }.into_any()
            }}
        }
        .into_any(),
        WorkHoursDone::Released {
            removed,
            freed,
            to_lay_out,
        } => released_notice(i18n, view.counsellor_id, removed, freed, to_lay_out).into_any(),
    });
    view! {
        <div class="page page--form work-hours">
            <h1>{heading}</h1>
            <p><a href=format!("{}?radgivare={id}", paths::CALENDAR)>{t!(i18n, wh_to_calendar)}</a></p>
            {done.map(|d| view! { <div class="notice notice--success" role="status" id="klart">{d}</div> })}
            {(!refused.errors.is_empty()).then(|| view! {
                <p class="notice notice--error" role="alert" id="fel">{t!(i18n, wh_fix)}</p>
            })}

            <h2>{t!(i18n, wh_hours)}</h2>
            <p class="field__hint">{t!(i18n, wh_hours_hint)}</p>
            <form method="post" action=SaveWorkHours::PATH>
                <input type="hidden" name="counsellor" value=id.clone()/>
                {hours.days.iter().enumerate().map(|(i, day)| {
                    let name = weekday_name(monday + Days::new(i as u64), swedish);
                    view! {
                        <fieldset class="field-row work-hours__day">
                            <legend>{name}</legend>
                            {input(i18n, &hours_errors, &format!("days.{i}.starts"), format!("f-wh-{i}-from"),
                                format!("hours[days][{i}][starts]"), t_string!(i18n, cal_form_starts).to_owned(), "time", day.starts.clone())}
                            {input(i18n, &hours_errors, &format!("days.{i}.ends"), format!("f-wh-{i}-to"),
                                format!("hours[days][{i}][ends]"), t_string!(i18n, cal_form_ends).to_owned(), "time", day.ends.clone())}
                        </fieldset>
                    }
                }).collect_view()}
                <fieldset class="field-row work-hours__day">
                    <legend>{t!(i18n, wh_lunch)}</legend>
                    {input(i18n, &hours_errors, "lunch_starts", "f-wh-lunch-from".into(), "hours[lunch_starts]".into(),
                        t_string!(i18n, cal_form_starts).to_owned(), "time", hours.lunch_starts.clone())}
                    {input(i18n, &hours_errors, "lunch_ends", "f-wh-lunch-to".into(), "hours[lunch_ends]".into(),
                        t_string!(i18n, cal_form_ends).to_owned(), "time", hours.lunch_ends.clone())}
                </fieldset>
                <button type="submit" class="button">{t!(i18n, wh_save)}</button>
            </form>

            <h2>{t!(i18n, wh_generate_title)}</h2>
            <p class="field__hint">{t!(i18n, wh_generate_hint)}</p>
            <form method="post" action=GenerateOpenTime::PATH>
                <input type="hidden" name="counsellor" value=id.clone()/>
                <div class="field-row">
                    {input(i18n, &generate_errors, "from", "f-wh-gen-from".into(), "from".into(),
                        t_string!(i18n, wh_generate_from).to_owned(), "date", from)}
                    <div class="field">
                        <label for="f-wh-weeks">{t!(i18n, wh_weeks)}</label>
                        <select id="f-wh-weeks" name="weeks">
                            {(1..=12).map(|w| view! {
                                <option value=w.to_string() selected=weeks == w.to_string()>{w}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <button type="submit" class="button">{t!(i18n, wh_generate)}</button>
            </form>

            <h2>{t!(i18n, wh_absence_title)}</h2>
            <form method="post" action=AddAbsence::PATH>
                <input type="hidden" name="counsellor" value=id.clone()/>
                <fieldset class="field">
                    <legend>{t!(i18n, wh_absence_kind)}</legend>
                    {[("absence", t_string!(i18n, wh_kind_absence)), ("training", t_string!(i18n, wh_kind_training))]
                        .into_iter()
                        .map(|(value, label)| {
                            let rid = format!("f-wh-kind-{value}");
                            view! {
                                <div>
                                    <input type="radio" id=rid.clone() name="absence[kind]" value=value checked=absence.kind == value/>
                                    " "
                                    <label for=rid>{label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="field-row">
                    {input(i18n, &absence_errors, "from", "f-wh-abs-from".into(), "absence[from]".into(),
                        t_string!(i18n, wh_absence_from).to_owned(), "date", absence.from.clone())}
                    {input(i18n, &absence_errors, "to", "f-wh-abs-to".into(), "absence[to]".into(),
                        t_string!(i18n, wh_absence_to).to_owned(), "date", absence.to.clone())}
                </div>
                {input(i18n, &absence_errors, "note", "f-wh-abs-note".into(), "absence[note]".into(),
                    t_string!(i18n, wh_absence_note).to_owned(), "text", absence.note.clone())}
                <button type="submit" class="button">{t!(i18n, wh_absence_save)}</button>
            </form>
            <h3>{t!(i18n, wh_upcoming)}</h3>
            <AbsenceList counsellor=view.counsellor_id absences=view.absences.clone() refused=refused.clone()/>
        </div>
    }
}
