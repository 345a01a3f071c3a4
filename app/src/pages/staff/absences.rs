//! The work hours page's absences: each coming absence or training with the booked meetings
//! still in it (until each is moved or cancelled), a form to shorten or remove it, and, after
//! a change, which days came free and a button to lay the working hours out on them.

use super::meeting_panel::staff_error_text;
use crate::{
    api::work_hours::{ChangeAbsence, GenerateOpenTime},
    components::{
        meeting_words::{is_swedish, when_text},
        messages::I18n,
    },
    domain::time::{day_and_month, iso_date, long_date, Day},
    i18n::*,
    views::work_hours::{AbsenceView, Collision, WorkHoursRefusal},
};
use leptos::{prelude::*, server_fn::ServerFn};

/// `7 december` or `7 december – 9 december`.
fn days_text(i18n: I18n, (from, to): (Day, Day)) -> String {
    let swedish = is_swedish(i18n);
    if from == to {
        day_and_month(from.0, swedish)
    } else {
        format!(
            "{} – {}",
            day_and_month(from.0, swedish),
            day_and_month(to.0, swedish)
        )
    }
}

/// The booked meetings in an absence, each a link to its panel where it is moved or cancelled.
pub fn collision_list(i18n: I18n, collisions: Vec<Collision>) -> impl IntoView {
    view! {
        <ul>
            {collisions.into_iter().map(|c| view! {
                <li><a href=c.href>{format!("{}: {}", when_text(i18n, c.starts_at), c.seeker)}</a></li>
            }).collect_view()}
        </ul>
    }
}

/// What a shortened or removed absence leaves: the days that came free, and a button per
/// stretch to lay the working hours out on them (open time is never put back silently).
pub fn released_notice(
    i18n: I18n,
    counsellor: i64,
    removed: bool,
    freed: Vec<(Day, Day)>,
    to_lay_out: Vec<(Day, Day)>,
) -> impl IntoView {
    let days = freed
        .iter()
        .map(|d| days_text(i18n, *d))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <p>{if removed { t!(i18n, wh_absence_removed).into_any() } else { t!(i18n, wh_absence_shortened).into_any() }}</p>
        {(!freed.is_empty()).then(|| view! {
            <p>{t_string!(i18n, wh_freed, days = days).to_string()}</p>
        })}
        {to_lay_out.into_iter().map(|(from, to)| {
            let label = t_string!(i18n, wh_lay_out_freed, days = days_text(i18n, (from, to))).to_string();
            view! {
                <form method="post" action=GenerateOpenTime::PATH class="board__form-actions">
                    <input type="hidden" name="counsellor" value=counsellor.to_string()/>
                    <input type="hidden" name="from" value=iso_date(from.0)/>
                    <input type="hidden" name="last" value=iso_date(to.0)/>
                    <button type="submit" class="button button--secondary">{label}</button>
                </form>
            }
        }).collect_view()}
    }
}

/// The coming absences, each with what is still in its way and how to change it.
#[component]
pub fn AbsenceList(
    counsellor: i64,
    absences: Vec<AbsenceView>,
    refused: WorkHoursRefusal,
) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    if absences.is_empty() {
        return view! { <p>{t!(i18n, wh_none)}</p> }.into_any();
    }
    view! {
        <p class="field__hint">{t!(i18n, wh_change_hint)}</p>
        <ul class="absences">
            {absences.into_iter().map(|a| {
                let kind = if a.kind == "training" { t_string!(i18n, wh_kind_training) } else { t_string!(i18n, wh_kind_absence) };
                let days = if a.from == a.to {
                    long_date(a.from.0, swedish)
                } else {
                    format!("{} – {}", long_date(a.from.0, swedish), long_date(a.to.0, swedish))
                };
                let note = (!a.note.is_empty()).then(|| format!(" ({})", a.note));
                let typed = refused.shorten.clone().filter(|(id, _)| *id == a.id);
                let errors = typed.as_ref().map(|_| refused.errors.clone()).unwrap_or_default();
                let (from, to) = typed
                    .map(|(_, f)| (f.from, f.to))
                    .unwrap_or_else(|| (iso_date(a.from.0), iso_date(a.to.0)));
                let from_error = errors.get("from").map(|e| staff_error_text(i18n, *e));
                let to_error = errors.get("to").map(|e| staff_error_text(i18n, *e));
                let base = format!("f-abs-{}", a.id);
                let heading = format!("{kind}: {days}");
                view! {
                    <li class="absences__item">
                        <p><strong>{heading.clone()}</strong>{note}</p>
                        {if a.in_the_way.is_empty() {
                            view! { <p>{t!(i18n, wh_no_collisions)}</p> }.into_any()
                        } else {
                            view! {
                                <p class="notice notice--warning">{t!(i18n, wh_still_in_the_way)}</p>
                                {collision_list(i18n, a.in_the_way)}
                            }.into_any()
                        }}
                        <details open=!errors.is_empty()>
                            <summary>{t_string!(i18n, wh_change, what = heading).to_string()}</summary>
                            <form method="post" action=ChangeAbsence::PATH novalidate>
                                <input type="hidden" name="counsellor" value=counsellor.to_string()/>
                                <input type="hidden" name="absence" value=a.id.to_string()/>
                                <div class="field-row">
                                    <div class="field" class:field--error=from_error.is_some()>
                                        <label for=format!("{base}-from")>{t!(i18n, wh_absence_from)}</label>
                                        <p class="field__error" id=format!("{base}-from-fel")>{from_error}</p>
                                        <input id=format!("{base}-from") type="date" name="shorten[from]" value=from
                                            min=iso_date(a.from.0) max=iso_date(a.to.0)
                                            aria-describedby=format!("{base}-from-fel") aria-invalid=from_error.map(|_| "true")/>
                                    </div>
                                    <div class="field" class:field--error=to_error.is_some()>
                                        <label for=format!("{base}-to")>{t!(i18n, wh_absence_last)}</label>
                                        <p class="field__error" id=format!("{base}-to-fel")>{to_error}</p>
                                        <input id=format!("{base}-to") type="date" name="shorten[to]" value=to
                                            min=iso_date(a.from.0) max=iso_date(a.to.0)
                                            aria-describedby=format!("{base}-to-fel") aria-invalid=to_error.map(|_| "true")/>
                                    </div>
                                </div>
                                <div class="board__form-actions">
                                    <button type="submit" class="button">{t!(i18n, wh_shorten)}</button>
                                    <button type="submit" class="button button--danger" name="remove" value="1">{t!(i18n, wh_remove)}</button>
                                </div>
                            </form>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
