//! A meeting's facts as its page says them: when, how (the office's address and phone for a
//! visit, who calls whom for a phone meeting, the link for a video meeting) and with whom.
//! The job seeker's and the employer's meeting pages share them.

use crate::{
    components::meeting_words::{
        channel_icon, channel_name, is_swedish, phone_text, status_name, time_range,
    },
    domain::{
        time::{long_date, stockholm_date},
        BookingStatus, Channel,
    },
    i18n::*,
    views::booking::MeetingView,
};
use leptos::prelude::*;

/// When, how and with whom, as `dt`/`dd` pairs for the page's `dl`.
#[component]
pub fn MeetingFacts(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let s = meeting.summary.clone();
    let day = long_date(stockholm_date(s.starts_at), swedish);
    let cancelled = s.status == BookingStatus::Cancelled;
    let title = if swedish {
        meeting.counsellor_title.clone()
    } else {
        meeting.counsellor_title_en.clone()
    };
    view! {
        <dt>{t!(i18n, meeting_when)}</dt>
        <dd>
            <span class="facts__day">{day}</span>
            " "
            <span class="facts__time">{time_range(i18n, s.starts_at, s.ends_at)}</span>
            {(!cancelled).then(|| view! { " " <span class="badge">{status_name(i18n, s.status)}</span> })}
        </dd>
        <dt>{t!(i18n, meeting_how)}</dt>
        <dd>
            <p>
                <span aria-hidden="true" class="icon">{channel_icon(s.channel)}</span>
                " "
                {channel_name(i18n, s.channel)}
            </p>
            <MeetingHow meeting=meeting.clone()/>
        </dd>
        <dt>{t!(i18n, meeting_who)}</dt>
        <dd>
            <p class="facts__name">{s.counsellor.clone()}</p>
            <p>{title}</p>
            <p>{t_string!(i18n, meeting_direct_phone, phone = phone_text(&s.counsellor_phone)).to_string()}</p>
        </dd>
    }
}

/// How the meeting happens, for its channel.
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
                    // A token, when the service asks for one, is no help to read.
                    let room = link.split('?').next().unwrap_or_default().to_owned();
                    view! {
                        <p>
                            <a href=link>{t!(i18n, meeting_video_join)}</a>
                            <br/>
                            <span class="muted">{room}</span>
                        </p>
                        {meeting.video_demo.then(|| view! { <p class="notice">{t!(i18n, meeting_video_demo)}</p> })}
                    }
                })}
        }
            .into_any(),
    }
}
