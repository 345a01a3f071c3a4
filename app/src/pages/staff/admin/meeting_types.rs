//! `/personal/admin/motestyper`: each meeting type's length, pause after, how soon and how far
//! ahead a job seeker may book it, and the ways of meeting it is offered in; `?typ=CODE` opens
//! that type's form. The slot engine reads these at the next search.

use super::notice_view;
use crate::{
    api::admin::{load_meeting_types, SaveMeetingType},
    components::{
        fields::{provide_shown_errors, CheckboxList, ErrorSummary, Input, TextField},
        meeting_words::{channel_name, is_swedish},
        messages::I18n,
    },
    domain::Channel,
    i18n::*,
    pages::staff::{require_staff, staff_load_failed},
    paths,
    views::admin::{MeetingTypeItem, MeetingTypesView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn MeetingTypesPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::ADMIN_MEETING_TYPES);
    let chosen = use_query_map().with_untracked(|q| q.get("typ"));
    let load = load_meeting_types();
    view! {
        <Title text=t_string!(i18n, mt_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            let chosen = chosen.clone();
            match load.await {
                Ok(view) => view! { <MeetingTypes view chosen/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, mt_title),
                    t_string!(i18n, adm_accounts_forbidden),
                ),
            }
        })}
    }
}

fn label_of(i18n: I18n, key: &str) -> String {
    match key {
        "minutes" => t_string!(i18n, mt_minutes),
        "buffer_minutes" => t_string!(i18n, mt_buffer),
        "notice_hours" => t_string!(i18n, mt_notice),
        "horizon_days" => t_string!(i18n, mt_horizon),
        "channels" => t_string!(i18n, adm_channels),
        _ => t_string!(i18n, adm_form),
    }
    .to_owned()
}

fn channels_text(i18n: I18n, codes: &[String]) -> String {
    codes
        .iter()
        .filter_map(|c| c.parse::<Channel>().ok())
        .map(|c| channel_name(i18n, c))
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn MeetingTypes(view: MeetingTypesView, chosen: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let chosen = view
        .changed
        .clone()
        .or(chosen)
        .filter(|c| view.types.iter().any(|t| &t.code == c))
        .or_else(|| view.types.first().map(|t| t.code.clone()));
    let name = move |t: &MeetingTypeItem| {
        if swedish {
            t.name_sv.clone()
        } else {
            t.name_en.clone()
        }
    };
    let form = view
        .types
        .iter()
        .find(|t| Some(&t.code) == chosen.as_ref())
        .cloned();
    view! {
        <div class="page page--wide admin">
            <h1>{t!(i18n, mt_title)}</h1>
            {notice_view(i18n, view.notice)}
            <p class="lead">{t!(i18n, mt_lead)}</p>
            <div class="table-scroll" role="region" aria-labelledby="motestyper-rubrik" tabindex="0">
                <table class="admin__table">
                    <caption id="motestyper-rubrik">{t!(i18n, mt_title)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, mt_type)}</th>
                            <th scope="col">{t!(i18n, mt_minutes)}</th>
                            <th scope="col">{t!(i18n, mt_buffer)}</th>
                            <th scope="col">{t!(i18n, mt_notice)}</th>
                            <th scope="col">{t!(i18n, mt_horizon)}</th>
                            <th scope="col">{t!(i18n, adm_channels)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {view.types.iter().map(|t| view! {
                            <tr>
                                <th scope="row">
                                    <a href=format!("{}?typ={}#formular", paths::ADMIN_MEETING_TYPES, t.code)>{name(t)}</a>
                                </th>
                                <td>{t!(i18n, mt_n_minutes, n = t.form.minutes.clone())}</td>
                                <td>{t!(i18n, mt_n_minutes, n = t.form.buffer_minutes.clone())}</td>
                                <td>{t!(i18n, mt_n_hours, n = t.form.notice_hours.clone())}</td>
                                <td>{t!(i18n, mt_n_days, n = t.form.horizon_days.clone())}</td>
                                <td>{channels_text(i18n, &t.form.channels)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {form.map(|t| view! { <TypeForm heading=name(&t) item=t/> })}
        </div>
    }
}

#[component]
fn TypeForm(heading: String, item: MeetingTypeItem) -> impl IntoView {
    let i18n = use_i18n();
    provide_shown_errors(item.errors, label_of);
    let channels: Vec<(String, String)> = Channel::ALL
        .iter()
        .map(|c| (c.as_str().to_owned(), channel_name(i18n, *c).to_owned()))
        .collect();
    let number = Input::TEXT.inputmode("numeric").autocomplete("off");
    view! {
        <section class="admin__section" aria-labelledby="formular-rubrik" id="formular">
            <h2 id="formular-rubrik">{t!(i18n, mt_change, name = heading)}</h2>
            <form method="post" action=SaveMeetingType::PATH novalidate>
                <ErrorSummary/>
                <input type="hidden" name="code" value=item.code.clone()/>
                <input type="hidden" name="form[version]" value=item.form.version.clone()/>
                <TextField key="minutes" label=t_string!(i18n, mt_minutes) value=item.form.minutes input=number hint=t_string!(i18n, mt_minutes_hint)/>
                <TextField key="buffer_minutes" label=t_string!(i18n, mt_buffer) value=item.form.buffer_minutes input=number hint=t_string!(i18n, mt_buffer_hint)/>
                <TextField key="notice_hours" label=t_string!(i18n, mt_notice) value=item.form.notice_hours input=number hint=t_string!(i18n, mt_notice_hint)/>
                <TextField key="horizon_days" label=t_string!(i18n, mt_horizon) value=item.form.horizon_days input=number hint=t_string!(i18n, mt_horizon_hint)/>
                <CheckboxList key="channels" legend=t_string!(i18n, adm_channels) values=item.form.channels options=channels hint=t_string!(i18n, mt_channels_hint)/>
                <button type="submit" class="button">{t!(i18n, adm_save)}</button>
            </form>
        </section>
    }
}
