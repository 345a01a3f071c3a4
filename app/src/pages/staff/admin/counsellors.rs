//! `/personal/admin/handlaggare`: every counsellor an administrator keeps (or an office
//! manager's own office's), with what they know, how they meet and whether they are active.

use super::{last_sign_in_text, notice_view};
use crate::{
    api::admin::load_counsellors,
    components::{
        meeting_words::{channel_name, is_swedish},
        messages::language_name,
    },
    domain::choices::LanguageCode,
    i18n::*,
    pages::staff::{require_staff, staff_load_failed},
    paths,
    views::admin::{CounsellorItem, CounsellorsView},
};
use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title};

#[component]
pub fn CounsellorsPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::ADMIN_COUNSELLORS);
    let load = load_counsellors();
    view! {
        <Title text=t_string!(i18n, adm_counsellors_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Counsellors view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, adm_counsellors_title),
                    t_string!(i18n, adm_forbidden),
                ),
            }
        })}
    }
}

#[component]
fn Counsellors(view: CounsellorsView) -> impl IntoView {
    let i18n = use_i18n();
    let empty = view.counsellors.is_empty();
    view! {
        <div class="page page--wide admin">
            <h1>{t!(i18n, adm_counsellors_title)}</h1>
            {notice_view(i18n, view.notice)}
            <p class="lead">{t!(i18n, adm_counsellors_lead)}</p>
            {view.office.map(|o| view! { <p>{t!(i18n, adm_office_only, office = o)}</p> })}
            <p><a class="button" href=paths::ADMIN_NEW_COUNSELLOR>{t!(i18n, adm_new_counsellor)}</a></p>
            {if empty {
                view! { <p>{t!(i18n, adm_no_counsellors)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="handlaggare-rubrik" tabindex="0">
                        <table class="admin__table">
                            <caption id="handlaggare-rubrik">{t!(i18n, adm_counsellors_title)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, adm_col_name)}</th>
                                    <th scope="col">{t!(i18n, adm_col_office)}</th>
                                    <th scope="col">{t!(i18n, adm_col_fields)}</th>
                                    <th scope="col">{t!(i18n, adm_col_languages)}</th>
                                    <th scope="col">{t!(i18n, adm_col_channels)}</th>
                                    <th scope="col">{t!(i18n, adm_col_signin)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {view.counsellors.into_iter().map(|c| view! { <Row c/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </div>
    }
}

#[component]
fn Row(c: CounsellorItem) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let fields = c
        .fields
        .iter()
        .map(|(sv, en)| if swedish { sv.as_str() } else { en.as_str() })
        .collect::<Vec<_>>()
        .join(", ");
    let languages = c
        .languages
        .iter()
        .filter_map(|l| LanguageCode::parse(l))
        .map(|l| language_name(i18n, l))
        .collect::<Vec<_>>()
        .join(", ");
    let channels = c
        .channels
        .iter()
        .map(|ch| channel_name(i18n, *ch))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <tr class:admin__inactive=!c.active>
            <th scope="row">
                <a href=paths::admin_counsellor(c.id)>{c.name.clone()}</a>
                <br/>
                <span class="muted">{c.title.clone()}</span>
                {(!c.active).then(|| view! { " " <span class="tag tag--closed">{t!(i18n, adm_inactive)}</span> })}
                {c.serves_employers.then(|| view! { " " <span class="tag">{t!(i18n, adm_employers)}</span> })}
                {(c.booked_ahead > 0 && !c.active).then(|| view! {
                    <br/>
                    <strong>"⚠ " {t!(i18n, adm_booked_ahead, n = c.booked_ahead)}</strong>
                })}
            </th>
            <td>{c.office.clone()}</td>
            <td>{fields}</td>
            <td>{languages}</td>
            <td>{channels}</td>
            <td>{last_sign_in_text(i18n, c.last_sign_in)}</td>
        </tr>
    }
}
