//! The panel of a meeting with an employer: the organisation and who booked, what the
//! meeting is about and the organisation's other open needs, its history, and the same
//! outcome and note forms as a seeker's meeting.

use super::{
    after::correct_form,
    change_forms,
    handling::{close_link, done_text, note_form, outcome_form, timeline_list},
};
use crate::{
    components::{
        meeting_words::{
            channel_icon, channel_name, is_swedish, status_name, time_range, when_text,
        },
        messages::I18n,
    },
    domain::{time::long_date, BookingStatus},
    i18n::*,
    views::employer_panel::{EmployerPanel, PanelNeed},
};
use leptos::prelude::*;

fn need_view(i18n: I18n, n: PanelNeed) -> impl IntoView {
    let swedish = is_swedish(i18n);
    let positions = if n.positions == 1 {
        t_string!(i18n, need_positions_one).to_owned()
    } else {
        t_string!(i18n, need_positions_count, count = n.positions).to_string()
    };
    let occupation = if swedish {
        n.occupation_sv
    } else {
        n.occupation_en
    };
    view! {
        <p>
            <strong>{n.headline}</strong>
            <br/>
            {format!("{occupation} · {positions} · {}", n.municipality)}
            <br/>
            {t_string!(i18n, need_apply_by_date, date = long_date(n.apply_by, swedish)).to_string()}
        </p>
        {(!n.description.trim().is_empty()).then(|| view! { <p class="timeline__body">{n.description}</p> })}
    }
}

#[component]
pub fn EmployerPanelView(panel: EmployerPanel, back: String) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let EmployerPanel {
        meeting,
        organisation,
        org_number,
        address,
        municipality,
        office,
        contact_name,
        contact_email,
        contact_phone,
        need,
        other_needs,
        timeline,
        may_handle,
        may_mark,
        correctable_until,
        suggested_day,
        refused,
        done,
        ..
    } = panel;
    let upcoming = meeting.status == BookingStatus::Booked && !may_mark;
    let status = meeting.status;
    let kind = if swedish {
        meeting.meeting_sv.clone()
    } else {
        meeting.meeting_en.clone()
    };
    let booking = meeting.id.to_string();
    view! {
        <p class="panel__close"><a href=close_link(&back)>{t!(i18n, case_close)}</a></p>
        <h2 id="mote-rubrik">
            <span aria-hidden="true">"🏢 "</span>
            {organisation}
        </h2>
        {done.map(|d| view! { <p class="notice notice--success" role="status">{done_text(i18n, d, true)}</p> })}
        <p>
            <strong>{kind}</strong> ", " {when_text(i18n, meeting.starts_at)} " "
            "(" {time_range(i18n, meeting.starts_at, meeting.ends_at)} ")"
            <br/>
            <span aria-hidden="true">{channel_icon(meeting.channel)}</span> " "
            {channel_name(i18n, meeting.channel)}
            {meeting.office.clone().map(|o| format!(", {o}"))}
            " · " {meeting.counsellor.clone()}
            " " <span class="tag">{status_name(i18n, meeting.status)}</span>
        </p>
        {super::video_start(i18n, &meeting)}
        <dl>
            <dt>{t!(i18n, emp_org_number)}</dt>
            <dd>{org_number}</dd>
            <dt>{t!(i18n, emp_address)}</dt>
            <dd>{address}</dd>
            <dt>{t!(i18n, emp_municipality)}</dt>
            <dd>{municipality}</dd>
            <dt>{t!(i18n, emp_office)}</dt>
            <dd>{office.unwrap_or_else(|| "–".to_owned())}</dd>
        </dl>

        <h3>{t!(i18n, case_contact)}</h3>
        <dl>
            <dt>{t!(i18n, emp_meeting_booked_by)}</dt>
            <dd>{contact_name}</dd>
            <dt>{t!(i18n, reg_phone)}</dt>
            <dd><a href=format!("tel:{}", contact_phone.replace(' ', ""))>{contact_phone.clone()}</a></dd>
            <dt>{t!(i18n, reg_email)}</dt>
            <dd><a href=format!("mailto:{contact_email}")>{contact_email.clone()}</a></dd>
        </dl>

        <h3>{t!(i18n, case_emp_need)}</h3>
        {match need {
            Some(n) => need_view(i18n, n).into_any(),
            None => view! { <p>{t!(i18n, emp_book_need_general)}</p> }.into_any(),
        }}
        {(!other_needs.is_empty()).then(|| view! {
            <h3>{t!(i18n, case_emp_other_needs)}</h3>
            {other_needs.into_iter().map(|n| need_view(i18n, n)).collect_view()}
        })}

        <h3 id="tidslinje">{t!(i18n, case_emp_history)}</h3>
        {timeline_list(i18n, timeline, meeting.id)}

        {may_handle.then(|| view! {
            {may_mark.then(|| outcome_form(i18n, &booking, &back, &refused, true))}
            {correctable_until.map(|until| correct_form(i18n, &booking, &back, status, until, &refused, true))}
            {note_form(i18n, &booking, &back, &refused)}
            {upcoming.then(|| change_forms(i18n, &booking, &back, &refused, suggested_day, true))}
        })}
    }
}
