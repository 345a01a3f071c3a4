//! What every meeting's panel shows and offers alike, with a job seeker or an employer: the
//! case's timeline, and the forms for the outcome and a note.

use super::{after, field_error, reports, rule_error};
use crate::{
    components::{
        meeting_words::{channel_icon, channel_name, is_swedish, status_name, when_text},
        messages::I18n,
    },
    domain::{case::Outcome, choices::ContactKind},
    i18n::*,
    views::case_file::{PanelForm, PanelRefusal, TimelineEntry},
};
use leptos::prelude::*;

/// The calendar's address without the panel: `back` less its `mote=`.
pub fn close_link(back: &str) -> String {
    back.split('&')
        .filter(|p| !p.starts_with("mote="))
        .collect::<Vec<_>>()
        .join("&")
}

/// What the form just sent did, said once; who is told depends on whom the meeting is with.
pub fn done_text(i18n: I18n, done: PanelForm, employer: bool) -> &'static str {
    match (done, employer) {
        (PanelForm::Outcome, _) => t_string!(i18n, case_done_outcome),
        (PanelForm::Note, _) => t_string!(i18n, case_done_note),
        (PanelForm::FollowUp, _) => t_string!(i18n, case_done_follow_up),
        (PanelForm::Move, false) => t_string!(i18n, case_done_moved),
        (PanelForm::Move, true) => t_string!(i18n, case_done_moved_employer),
        (PanelForm::Cancel, false) => t_string!(i18n, case_done_cancelled),
        (PanelForm::Cancel, true) => t_string!(i18n, case_done_cancelled_employer),
        (PanelForm::Correct, _) => t_string!(i18n, case_done_corrected),
    }
}

/// The case so far, oldest first, with meeting `current` marked.
pub fn timeline_list(i18n: I18n, timeline: Vec<TimelineEntry>, current: i64) -> impl IntoView {
    let swedish = is_swedish(i18n);
    view! {
        <ol class="timeline" aria-labelledby="tidslinje">
            {timeline.into_iter().map(|entry| match entry {
                TimelineEntry::Meeting { id, starts_at, channel, status, meeting_sv, meeting_en, counsellor, follow_up, booked_by } => {
                    let this = id == current;
                    view! {
                        <li aria-current=this.then_some("true")>
                            <span class="timeline__when">{when_text(i18n, starts_at)}</span>
                            <span aria-hidden="true">{channel_icon(channel)}</span> " "
                            <strong>{if swedish { meeting_sv } else { meeting_en }}</strong>
                            {format!(" · {} · {counsellor} ", channel_name(i18n, channel))}
                            <span class="tag">{status_name(i18n, status)}</span>
                            {follow_up.then(|| view! { " " <span class="tag">{t!(i18n, case_follow_up_tag)}</span> })}
                            {this.then(|| view! { " " <span class="tag">{t!(i18n, case_this_meeting)}</span> })}
                            {booked_by.map(|name| view! {
                                <br/><span class="muted">{t_string!(i18n, case_booked_by, name = name).to_string()}</span>
                            })}
                        </li>
                    }.into_any()
                }
                TimelineEntry::Cancelled { at, meeting_starts_at, by, note } => {
                    after::cancelled_entry(i18n, at, meeting_starts_at, by, note).into_any()
                }
                TimelineEntry::Corrected { at, meeting_starts_at, by, from, to } => {
                    after::corrected_entry(i18n, at, meeting_starts_at, by, from, to).into_any()
                }
                TimelineEntry::Report { period, version, sent_at, on_time, report } => {
                    reports::report_entry(i18n, period, version, sent_at, on_time, report).into_any()
                }
                TimelineEntry::ReportMissed { period, recorded_at } => {
                    reports::missed_entry(i18n, period, recorded_at).into_any()
                }
                TimelineEntry::ReportDue { period, draft } => {
                    reports::due_entry(i18n, period, draft).into_any()
                }
                TimelineEntry::Registered { at, by } => {
                    let text = match by {
                        Some(name) => t_string!(i18n, case_registered_by, name = name).to_string(),
                        None => t_string!(i18n, case_registered_online).to_owned(),
                    };
                    view! {
                        <li>
                            <span class="timeline__when">{when_text(i18n, at)}</span>
                            {text}
                        </li>
                    }.into_any()
                }
                TimelineEntry::Note { at, author, body, contact } => {
                    let kind = contact.map(|k| match k {
                        ContactKind::Call => t_string!(i18n, case_contact_call),
                        ContactKind::WalkIn => t_string!(i18n, case_contact_walk_in),
                    });
                    view! {
                        <li class="timeline__note">
                            <span class="timeline__when">
                                {when_text(i18n, at)} " · "
                                {kind.map(|k| view! { <strong>{k}</strong> " · " })}
                                {t!(i18n, case_note_by)} " " {author}
                            </span>
                            <p class="timeline__body">{body}</p>
                        </li>
                    }.into_any()
                }
            }).collect_view()}
        </ol>
    }
}

/// Held or not come: for a meeting that is booked and has begun. `employer`: the meeting
/// is with an employer (who, not "the person", did not come).
pub fn outcome_form(
    i18n: I18n,
    booking: &str,
    back: &str,
    refused: &Option<PanelRefusal>,
    employer: bool,
) -> impl IntoView {
    let no_show = if employer {
        t_string!(i18n, case_mark_no_show_employer)
    } else {
        t_string!(i18n, case_mark_no_show)
    };
    let outcome_error = rule_error(i18n, refused, PanelForm::Outcome);
    view! {
        <h3 id="outcome">{t!(i18n, case_outcome)}</h3>
        {outcome_error.map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
        <form method="post" action="/api/personal/mote/utfall" class="board__form-actions">
            <input type="hidden" name="booking" value=booking.to_owned()/>
            <input type="hidden" name="back" value=back.to_owned()/>
            <button type="submit" class="button" name="outcome" value=Outcome::Held.as_str()>{t!(i18n, case_mark_held)}</button>
            <button type="submit" class="button button--secondary" name="outcome" value=Outcome::NoShow.as_str()>{no_show}</button>
        </form>
    }
}

/// A note in the case, about this meeting; what was typed comes back when it is refused.
pub fn note_form(
    i18n: I18n,
    booking: &str,
    back: &str,
    refused: &Option<PanelRefusal>,
) -> impl IntoView {
    let note_error = field_error(i18n, refused, PanelForm::Note, "body");
    let typed = refused
        .as_ref()
        .filter(|r| r.form == Some(PanelForm::Note))
        .map(|r| r.note.clone());
    view! {
        <h3 id="note">{t!(i18n, case_add_note)}</h3>
        <form method="post" action="/api/personal/mote/anteckning">
            <input type="hidden" name="booking" value=booking.to_owned()/>
            <input type="hidden" name="back" value=back.to_owned()/>
            <div class="field" class:field--error=note_error.is_some()>
                <label for="f-note">{t!(i18n, case_note_label)}</label>
                <p class="field__hint" id="f-note-hint">{t!(i18n, case_note_hint)}</p>
                <p class="field__error" id="f-note-fel">{note_error}</p>
                <textarea
                    id="f-note"
                    name="body"
                    rows="4"
                    maxlength="4000"
                    aria-describedby="f-note-hint f-note-fel"
                    aria-invalid=note_error.map(|_| "true")
                >
                    {typed}
                </textarea>
            </div>
            <button type="submit" class="button">{t!(i18n, case_save_note)}</button>
        </form>
    }
}
