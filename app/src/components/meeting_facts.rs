//! How a meeting happens, as its page says it: the office's address and phone for a visit,
//! who calls whom for a phone meeting, the link for a video meeting. The job seeker's and the
//! employer's meeting pages share it.

use crate::{
    components::meeting_words::phone_text, domain::Channel, i18n::*, views::booking::MeetingView,
};
use leptos::prelude::*;

#[component]
pub fn MeetingHow(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let s = meeting.summary.clone();
    match s.channel {
        Channel::Office => view! {
            <p>{s.office.clone()}</p>
            {meeting.office_address.clone().map(|a| view! { <p>{a}</p> })}
            {meeting
                .office_phone
                .clone()
                .map(|p| {
                    view! {
                        <p>{t_string!(i18n, meeting_office_phone, phone = phone_text(&p)).to_string()}</p>
                    }
                })}
        }
            .into_any(),
        Channel::Phone => {
            let text = t_string!(
                i18n, meeting_phone_call, name = s.counsellor.clone(), phone = phone_text(&meeting.seeker_phone)
            )
                .to_string();
            view! { <p>{text}</p> }.into_any()
        }
        Channel::Video => view! {
            <p>{t!(i18n, meeting_video_text)}</p>
            {meeting
                .video_link
                .clone()
                .map(|link| {
                    view! {
                        <p>
                            <a href=link.clone()>{t!(i18n, meeting_video_join)}</a>
                            <br/>
                            <span class="muted">{link}</span>
                        </p>
                    }
                })}
        }
            .into_any(),
    }
}
