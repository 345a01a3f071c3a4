//! `/personal/admin/kontor`: every office with its address, opening hours, postcode areas,
//! whether it takes visits, its counsellors and its closed days ahead.

use super::notice_view;
use crate::{
    api::office_admin::load_offices,
    components::meeting_words::is_swedish,
    i18n::*,
    pages::staff::{require_staff, staff_load_failed},
    paths,
    views::office_admin::{OfficeItem, OfficesView},
};
use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};

#[component]
pub fn AdminOfficesPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::ADMIN_OFFICES);
    let load = load_offices();
    view! {
        <Title text=t_string!(i18n, ofa_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Offices view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, ofa_title),
                    t_string!(i18n, ofa_forbidden),
                ),
            }
        })}
    }
}

#[component]
fn Offices(view: OfficesView) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="page page--wide admin">
            <h1>{t!(i18n, ofa_title)}</h1>
            {notice_view(i18n, view.notice)}
            <p class="lead">{t!(i18n, ofa_lead)}</p>
            <p><a class="button" href=paths::ADMIN_NEW_OFFICE>{t!(i18n, ofa_new)}</a></p>
            <div class="table-scroll" role="region" aria-labelledby="kontor-rubrik" tabindex="0">
                <table class="admin__table">
                    <caption id="kontor-rubrik">{t!(i18n, ofa_title)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, ofa_col_office)}</th>
                            <th scope="col">{t!(i18n, ofa_col_hours)}</th>
                            <th scope="col">{t!(i18n, ofa_areas)}</th>
                            <th scope="col">{t!(i18n, ofa_col_counsellors)}</th>
                            <th scope="col">{t!(i18n, ofa_col_closed)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {view.offices.into_iter().map(|o| view! { <Row o/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// Monday to Sunday, short, in the page's language.
pub(super) fn short_weekdays(swedish: bool) -> [&'static str; 7] {
    if swedish {
        ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]
    } else {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    }
}

#[component]
fn Row(o: OfficeItem) -> impl IntoView {
    let i18n = use_i18n();
    let days = short_weekdays(is_swedish(i18n));
    let hours = o
        .hours
        .iter()
        .zip(days)
        .filter(|(h, _)| !h.is_empty())
        .map(|(h, d)| view! { <li>{d} " " {h.clone()}</li> })
        .collect_view();
    view! {
        <tr>
            <th scope="row">
                <a href=paths::admin_office(o.id)>{o.name.clone()}</a>
                <br/>
                <span class="muted">{o.address.clone()}</span>
                {(!o.takes_visits).then(|| view! { " " <span class="tag tag--closed">{t!(i18n, ofa_no_visits)}</span> })}
            </th>
            <td><ul class="admin__hours">{hours}</ul></td>
            <td>{if o.areas.is_empty() { t_string!(i18n, ofa_areas_none).to_owned() } else { o.areas.clone() }}</td>
            <td>{o.counsellors}</td>
            <td>{o.closed_ahead}</td>
        </tr>
    }
}
