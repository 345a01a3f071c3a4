//! `/mina-sidor/mote/{id}/avboka`: cancel a meeting, with a reason. Offers to change the time
//! instead. Errors come back next to their fields with what was typed.

use super::{load_failed, require_sign_in};
use crate::paths;
use crate::{
    api::booking::{cancel_form_state, load_meeting, CancelMeeting},
    components::{
        fields::{provide_shown_errors, ErrorSummary, RadioGroup, TextArea},
        meeting_words::{reason_name, when_text},
        messages::I18n,
    },
    domain::choices::CancelReason,
    i18n::*,
    views::booking::{CancelState, MeetingView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CancelPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    require_sign_in(&paths::cancel_meeting(&id));
    let load = async move {
        let meeting = load_meeting(id).await?;
        let state = cancel_form_state().await?;
        Ok::<_, crate::error::AppError>((meeting, state))
    };
    view! {
        {Suspend::new(async move {
            match load.await {
                Ok((meeting, state)) => view! { <CancelForm meeting state/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, cancel_title)),
            }
        })}
    }
}

fn label(i18n: I18n, key: &str) -> String {
    match key {
        "reason" => t_string!(i18n, cancel_reason),
        _ => t_string!(i18n, cancel_note),
    }
    .to_owned()
}

#[component]
fn CancelForm(meeting: MeetingView, state: CancelState) -> impl IntoView {
    let i18n = use_i18n();
    let s = meeting.summary;
    provide_shown_errors(state.errors, label);
    let lead = t_string!(
        i18n,
        cancel_lead,
        when = when_text(i18n, s.starts_at),
        name = s.counsellor.clone()
    )
    .to_string();
    let options: Vec<(&'static str, &'static str)> = CancelReason::ALL
        .iter()
        .map(|r| (r.as_str(), reason_name(i18n, *r)))
        .collect();
    view! {
        <Title text=t_string!(i18n, cancel_title).to_owned()/>
        <div class="page page--form">
            <h1>{t!(i18n, cancel_title)}</h1>
            {if s.upcoming {
                view! {
                    <p class="lead">{lead}</p>
                    <p>
                        {t!(i18n, cancel_instead)} " "
                        <a href=paths::book_moving(s.id)>{t!(i18n, meeting_reschedule)}</a>
                    </p>
                    <form method="post" action=CancelMeeting::PATH class="cancel-form" novalidate>
                        <ErrorSummary/>
                        <input type="hidden" name="mote" value=s.id.to_string()/>
                        <RadioGroup
                            key="reason"
                            legend=t_string!(i18n, cancel_reason)
                            value=state.form.reason.clone()
                            options
                        />
                        <TextArea
                            key="note"
                            label=t_string!(i18n, cancel_note)
                            hint=t_string!(i18n, cancel_note_hint)
                            value=state.form.note.clone()
                            optional=true
                        />
                        <p class="actions">
                            <button type="submit" class="button button--danger">
                                {t!(i18n, cancel_submit)}
                            </button>
                            <a class="button button--link" href=paths::meeting(s.id)>
                                {t!(i18n, cancel_keep)}
                            </a>
                        </p>
                    </form>
                }
                    .into_any()
            } else {
                view! {
                    <p class="notice">{t!(i18n, meeting_cancelled)}</p>
                    <p><a href=paths::MY_PAGES>{t!(i18n, meeting_to_my_pages)}</a></p>
                }
                    .into_any()
            }}
        </div>
    }
}
