//! `/personal/kontor/arbetsgivare`: the employers the office serves, and their open needs by
//! occupational field, each with the office's job seekers who want its occupation (how many,
//! and who). Matching is a list for the counsellor, not a decision; listing people writes
//! them to the access log, and the page says so.

use super::{office::office_choice, require_staff, staff_load_failed};
use crate::{
    api::office_employers::load_office_employers,
    components::meeting_words::is_swedish,
    domain::time::long_date,
    i18n::*,
    paths,
    views::office_employers::{OfficeEmployersView, OfficeNeed},
};
use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn OfficeEmployersPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::OFFICE_EMPLOYERS);
    let office = use_query_map().with_untracked(|q| q.get("kontor").and_then(|c| c.parse().ok()));
    let load = load_office_employers(office);
    view! {
        <Title text=t_string!(i18n, oemp_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <OfficeEmployers view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, oemp_title),
                    t_string!(i18n, oemp_err_forbidden),
                ),
            }
        })}
    }
}

#[component]
fn OfficeEmployers(view: OfficeEmployersView) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    view! {
        <div class="page page--wide office-employers">
            <h1>{format!("{}: {}", t_string!(i18n, oemp_title), view.office_name)}</h1>
            {office_choice(i18n, paths::OFFICE_EMPLOYERS, &view.offices, view.office_id)}
            <p class="lead">{t!(i18n, oemp_lead)}</p>

            <section aria-labelledby="oemp-behov">
                <h2 id="oemp-behov">{t!(i18n, oemp_needs)}</h2>
                <p class="muted">{t!(i18n, oemp_logged)}</p>
                {if view.fields.is_empty() {
                    view! { <p>{t!(i18n, oemp_no_needs)}</p> }.into_any()
                } else {
                    view.fields
                        .into_iter()
                        .map(|f| {
                            let field = if swedish { f.field_sv } else { f.field_en };
                            view! {
                                <h3>{field}</h3>
                                <ul class="card-list">
                                    {f.needs.into_iter().map(|n| view! { <Need need=n/> }).collect_view()}
                                </ul>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </section>

            <section aria-labelledby="oemp-arbetsgivare">
                <h2 id="oemp-arbetsgivare">{t!(i18n, oemp_employers)}</h2>
                {if view.employers.is_empty() {
                    view! { <p>{t!(i18n, oemp_no_employers)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll" role="region" aria-labelledby="oemp-arbetsgivare" tabindex="0">
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, oemp_col_name)}</th>
                                        <th scope="col">{t!(i18n, emp_org_number)}</th>
                                        <th scope="col">{t!(i18n, emp_municipality)}</th>
                                        <th scope="col">{t!(i18n, oemp_col_open)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {view.employers.into_iter().map(|e| view! {
                                        <tr>
                                            <th scope="row">{e.name}</th>
                                            <td>{e.org_number}</td>
                                            <td>{e.municipality}</td>
                                            <td>{e.open_needs}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                }}
            </section>
        </div>
    }
}

#[component]
fn Need(need: OfficeNeed) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let occupation = if swedish {
        need.occupation_sv
    } else {
        need.occupation_en
    };
    let positions = if need.positions == 1 {
        t_string!(i18n, need_positions_one).to_owned()
    } else {
        t_string!(i18n, need_positions_count, count = need.positions).to_string()
    };
    let count = need.matching.len();
    view! {
        <li class="card need-card">
            <h4 class="need-card__title">{need.headline}</h4>
            <p class="muted">{format!("{} · {occupation} · {positions} · {}", need.employer, need.municipality)}</p>
            <p>{t_string!(i18n, need_apply_by_date, date = long_date(need.apply_by, swedish)).to_string()}</p>
            <p>
                <strong>
                    {if count == 1 {
                        t_string!(i18n, oemp_matching_one).to_owned()
                    } else {
                        t_string!(i18n, oemp_matching, n = count).to_string()
                    }}
                </strong>
            </p>
            {(count > 0).then(|| view! {
                <ul class="plain-list">
                    {need.matching.into_iter().map(|m| view! { <li>{m.name}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}
