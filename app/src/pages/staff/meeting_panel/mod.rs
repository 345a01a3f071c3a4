//! The side panel of a meeting in the calendar (`?mote=ID`): who the seeker is and what they
//! need, how to reach them, the whole case so far, and the forms for what comes after the
//! meeting (for a meeting with an employer, see [`employer`]). Drawn by the server; every form is a plain post, with or without JavaScript.

use crate::{
    api::{
        case_file::{load_meeting_panel, MoveMeeting},
        office::MarkReceived,
    },
    components::{
        meeting_words::{
            channel_icon, channel_name, is_swedish, status_name, time_range, when_text,
        },
        messages::{capacity_or_period_text, error_text, open_time_text, rule_text, I18n},
    },
    domain::{
        case::MoveForm,
        field_error::FieldError,
        time::{clock, iso_date, Day},
        BookingStatus,
    },
    error::AppError,
    i18n::*,
    views::{
        case_file::{CaseFile, PanelForm, PanelRefusal},
        employer_panel::MeetingPanelData,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_location;

mod after;
mod employer;
mod follow_up;
mod handling;
mod reports;
mod seeker_details;

use follow_up::FollowUpPicker;
pub(crate) use handling::timeline_list;
use handling::{close_link, done_text, note_form, outcome_form};
pub(crate) use seeker_details::seeker_details;

/// What is wrong with a field of a staff form, in words.
pub(crate) fn staff_error_text(i18n: I18n, error: FieldError) -> &'static str {
    match error {
        FieldError::OpenTime(e) => open_time_text(i18n, e),
        FieldError::DateInPast => t_string!(i18n, case_err_past),
        FieldError::MonthOrder => t_string!(i18n, wh_err_order),
        FieldError::OutsideRange => t_string!(i18n, wh_err_shorten),
        other => capacity_or_period_text(i18n, other).unwrap_or_else(|| error_text(i18n, other)),
    }
}

/// A refused form's message for a field (field errors) or for the whole form (rules).
fn field_error(
    i18n: I18n,
    refused: &Option<PanelRefusal>,
    form: PanelForm,
    field: &str,
) -> Option<&'static str> {
    let r = refused.as_ref().filter(|r| r.form == Some(form))?;
    r.errors.get(field).map(|e| staff_error_text(i18n, *e))
}

fn rule_error(i18n: I18n, refused: &Option<PanelRefusal>, form: PanelForm) -> Option<&'static str> {
    let rule = refused
        .as_ref()
        .filter(|r| r.form == Some(form))?
        .conflict?;
    Some(rule_text(i18n, rule))
}

#[component]
pub fn MeetingPanel(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let load = load_meeting_panel(id);
    // The address of the calendar with this panel open: where the forms come back to.
    let location = use_location();
    let back = format!(
        "{}?{}",
        location.pathname.get_untracked(),
        location.search.get_untracked()
    );
    view! {
        <aside class="panel" id="mote" aria-labelledby="mote-rubrik" tabindex="-1">
            {Suspend::new(async move {
                match load.await {
                    Ok(MeetingPanelData::Seeker(file)) => view! { <CaseFileView file back/> }.into_any(),
                    Ok(MeetingPanelData::Employer(panel)) => {
                        view! { <employer::EmployerPanelView panel back/> }.into_any()
                    }
                    Err(e) => {
                        let text = match e {
                            AppError::Forbidden => t_string!(i18n, case_forbidden),
                            AppError::NotFound => t_string!(i18n, case_not_found),
                            _ => t_string!(i18n, cal_err_other),
                        };
                        view! {
                            <h2 id="mote-rubrik">{t!(i18n, case_title)}</h2>
                            <p class="notice notice--error" role="alert">{text}</p>
                        }
                            .into_any()
                    }
                }
            })}
        </aside>
    }
}

#[component]
fn CaseFileView(file: CaseFile, back: String) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let CaseFile {
        meeting,
        seeker,
        timeline,
        may_handle,
        may_mark,
        correctable_until,
        suggested_day,
        refused,
        done,
    } = file;
    let close = close_link(&back);
    let kind = if swedish {
        meeting.meeting_sv.clone()
    } else {
        meeting.meeting_en.clone()
    };
    let done_text = done.map(|d| done_text(i18n, d, false));
    let booking = meeting.id.to_string();

    let upcoming = meeting.status == BookingStatus::Booked && !may_mark;

    view! {
        <p class="panel__close"><a href=close>{t!(i18n, case_close)}</a></p>
        <h2 id="mote-rubrik">{seeker.name.clone()}</h2>
        {done_text.map(|t| view! { <p class="notice notice--success" role="status">{t}</p> })}
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
        {video_start(i18n, &meeting)}

        {seeker_details(i18n, &seeker)}

        <h3 id="tidslinje">{t!(i18n, case_timeline)}</h3>
        {timeline_list(i18n, timeline, meeting.id)}

        {meeting.arrived_at.map(|at| {
            let waited = meeting.waited_minutes.unwrap_or(0);
            let text = if meeting.fetched {
                t_string!(i18n, office_received, min = waited).to_string()
            } else {
                t_string!(i18n, office_arrived, time = clock(at), min = waited).to_string()
            };
            view! {
                <p class="notice" class:notice--warning=!meeting.fetched role="status">{text}</p>
                {(!meeting.fetched && meeting.status == BookingStatus::Booked).then(|| view! {
                    <form method="post" action=MarkReceived::PATH class="board__form-actions">
                        <input type="hidden" name="besok" value=booking.clone()/>
                        <input type="hidden" name="tillbaka" value=back.clone()/>
                        <button type="submit" class="button">{t!(i18n, office_mark_received)}</button>
                    </form>
                })}
            }
        })}

        {may_handle.then(|| view! {
            {may_mark.then(|| outcome_form(i18n, &booking, &back, &refused, false))}

            {correctable_until.map(|until| {
                after::correct_form(i18n, &booking, &back, meeting.status, until, &refused, false)
            })}

            {note_form(i18n, &booking, &back, &refused)}

            <FollowUpPicker booking=meeting.id back=back.clone() refused=refused.clone()/>

            {upcoming.then(|| change_forms(i18n, &booking, &back, &refused, suggested_day, false))}
        })}
    }
}

/// A video meeting's room, opened in a new tab so the calendar stays where it was.
pub(super) fn video_start(
    i18n: I18n,
    meeting: &crate::views::case_file::PanelMeeting,
) -> Option<impl IntoView> {
    let link = meeting.video_link.clone()?;
    Some(view! {
        <p>
            <a class="button button--secondary" href=link target="_blank" rel="noopener noreferrer">
                {t!(i18n, panel_video_start)}
            </a>
        </p>
    })
}

/// Move the coming meeting to another time (same counsellor, same channel), or cancel it.
pub(super) fn change_forms(
    i18n: I18n,
    booking: &str,
    back: &str,
    refused: &Option<PanelRefusal>,
    suggested_day: Day,
    employer: bool,
) -> impl IntoView {
    let move_rule = rule_error(i18n, refused, PanelForm::Move);
    let mv = match refused {
        Some(r) if r.form == Some(PanelForm::Move) => r.move_to.clone(),
        _ => MoveForm {
            date: iso_date(suggested_day.0),
            time: "10:00".into(),
        },
    };
    view! {
        <h3 id="move">{t!(i18n, case_move)}</h3>
        <p class="field__hint">
            {if employer { t_string!(i18n, case_move_hint_employer) } else { t_string!(i18n, case_move_hint) }}
        </p>
        {move_rule.map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
        <form method="post" action=MoveMeeting::PATH>
            <input type="hidden" name="booking" value=booking.to_owned()/>
            <input type="hidden" name="back" value=back.to_owned()/>
            <div class="board__form-row">
                {date_time_fields(i18n, "f-mv", "move_to", &mv.date, &mv.time, refused, PanelForm::Move)}
            </div>
            <button type="submit" class="button">{t!(i18n, case_move_save)}</button>
        </form>
        {after::cancel_form(i18n, booking, back, refused, employer)}
    }
}

/// A day and a start time, named `{prefix}[date]` and `{prefix}[time]`.
fn date_time_fields(
    i18n: I18n,
    id: &str,
    prefix: &str,
    date: &str,
    time: &str,
    refused: &Option<PanelRefusal>,
    form: PanelForm,
) -> impl IntoView {
    let date_error = field_error(i18n, refused, form, "date");
    let time_error = field_error(i18n, refused, form, "time");
    let (date_id, time_id) = (format!("{id}-date"), format!("{id}-time"));
    let (date_err_id, time_err_id) = (format!("{id}-date-fel"), format!("{id}-time-fel"));
    view! {
        <div class="field" class:field--error=date_error.is_some()>
            <label for=date_id.clone()>{t!(i18n, cal_form_date)}</label>
            <p class="field__error" id=date_err_id.clone()>{date_error}</p>
            <input id=date_id type="date" name=format!("{prefix}[date]") value=date.to_owned()
                aria-describedby=date_err_id aria-invalid=date_error.map(|_| "true")/>
        </div>
        <div class="field" class:field--error=time_error.is_some()>
            <label for=time_id.clone()>{t!(i18n, case_time)}</label>
            <p class="field__error" id=time_err_id.clone()>{time_error}</p>
            <input id=time_id type="time" step="900" min="07:00" max="18:45" name=format!("{prefix}[time]") value=time.to_owned()
                aria-describedby=time_err_id aria-invalid=time_error.map(|_| "true")/>
        </div>
    }
}
