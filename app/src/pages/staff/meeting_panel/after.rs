//! The panel's forms for changing a meeting after the fact: cancelling it with a reason,
//! and correcting its outcome while that is allowed; and how those changes read in the case.

use super::{field_error, rule_error};
use crate::{
    api::case_file::{CancelMeetingByStaff, CorrectOutcome},
    components::{
        meeting_words::{
            employer_reason_name, reason_name, staff_reason_name, status_name, when_text,
        },
        messages::I18n,
    },
    domain::{booking::CancelForm, case::Outcome, choices::StaffCancelReason, BookingStatus},
    i18n::*,
    views::case_file::{CancelledBy, PanelForm, PanelRefusal},
};
use chrono::{DateTime, Utc};
use leptos::{prelude::*, server_fn::ServerFn};

/// Cancel with a reason (staff's list) and an explanation the seeker reads.
pub fn cancel_form(
    i18n: I18n,
    booking: &str,
    back: &str,
    refused: &Option<PanelRefusal>,
    employer: bool,
) -> impl IntoView {
    let typed = refused
        .as_ref()
        .filter(|r| r.form == Some(PanelForm::Cancel))
        .map(|r| r.cancel.clone())
        .unwrap_or_default();
    let CancelForm { reason, note } = typed;
    let rule = rule_error(i18n, refused, PanelForm::Cancel);
    let reason_error = field_error(i18n, refused, PanelForm::Cancel, "reason");
    let note_error = field_error(i18n, refused, PanelForm::Cancel, "note");
    view! {
        <h3 id="cancel">{t!(i18n, case_cancel)}</h3>
        <p class="field__hint">
            {if employer { t_string!(i18n, case_cancel_hint_employer) } else { t_string!(i18n, case_cancel_hint) }}
        </p>
        {rule.map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
        <form method="post" action=CancelMeetingByStaff::PATH>
            <input type="hidden" name="booking" value=booking.to_owned()/>
            <input type="hidden" name="back" value=back.to_owned()/>
            <fieldset
                class="field"
                class:field--error=reason_error.is_some()
                aria-describedby="f-cx-reason-fel"
            >
                <legend>{t!(i18n, case_cancel_reason)}</legend>
                <p class="field__error" id="f-cx-reason-fel">{reason_error}</p>
                {StaffCancelReason::ALL
                    .iter()
                    .map(|r| {
                        let id = format!("f-cx-{}", r.as_str());
                        view! {
                            <div>
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name="cancel[reason]"
                                    value=r.as_str()
                                    checked=reason == r.as_str()
                                />
                                " "
                                <label for=id>{staff_reason_name(i18n, *r)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="field" class:field--error=note_error.is_some()>
                <label for="f-cx-note">
                    {if employer { t_string!(i18n, case_cancel_note_employer) } else { t_string!(i18n, case_cancel_note) }}
                </label>
                <p class="field__hint" id="f-cx-note-hint">
                    {if employer { t_string!(i18n, case_cancel_note_hint_employer) } else { t_string!(i18n, case_cancel_note_hint) }}
                </p>
                <p class="field__error" id="f-cx-note-fel">{note_error}</p>
                <textarea
                    id="f-cx-note"
                    name="cancel[note]"
                    rows="3"
                    aria-describedby="f-cx-note-hint f-cx-note-fel"
                    aria-invalid=note_error.map(|_| "true")
                >
                    {note}
                </textarea>
            </div>
            <button type="submit" class="button button--danger">{t!(i18n, case_cancel_save)}</button>
        </form>
    }
}

/// Change a recorded outcome to the other one, until `until`.
pub fn correct_form(
    i18n: I18n,
    booking: &str,
    back: &str,
    status: BookingStatus,
    until: DateTime<Utc>,
    refused: &Option<PanelRefusal>,
    employer: bool,
) -> impl IntoView {
    let rule = rule_error(i18n, refused, PanelForm::Correct);
    let (to, label) = if status == BookingStatus::Held {
        let label = if employer {
            t_string!(i18n, case_correct_to_no_show_employer)
        } else {
            t_string!(i18n, case_correct_to_no_show)
        };
        (Outcome::NoShow, label)
    } else {
        (Outcome::Held, t_string!(i18n, case_correct_to_held))
    };
    view! {
        <h3 id="correct">{t!(i18n, case_correct)}</h3>
        <p class="field__hint">
            {t_string!(i18n, case_correct_hint, until = when_text(i18n, until - chrono::Duration::minutes(1))).to_string()}
        </p>
        {rule.map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
        <form method="post" action=CorrectOutcome::PATH class="board__form-actions">
            <input type="hidden" name="booking" value=booking.to_owned()/>
            <input type="hidden" name="back" value=back.to_owned()/>
            <button type="submit" class="button button--secondary" name="outcome" value=to.as_str()>
                {label}
            </button>
        </form>
    }
}

/// A cancellation in the case: who, when, why.
pub fn cancelled_entry(
    i18n: I18n,
    at: DateTime<Utc>,
    meeting_starts_at: DateTime<Utc>,
    by: CancelledBy,
    note: String,
) -> impl IntoView {
    let when = when_text(i18n, meeting_starts_at);
    let (who, reason) = match by {
        CancelledBy::Staff { name, reason } => (
            t_string!(i18n, case_cancelled_by_staff, name = name, when = when).to_string(),
            reason.map(|r| staff_reason_name(i18n, r)),
        ),
        CancelledBy::Seeker(reason) => (
            t_string!(i18n, case_cancelled_by_seeker, when = when).to_string(),
            reason.map(|r| reason_name(i18n, r)),
        ),
        CancelledBy::Employer(reason) => (
            t_string!(i18n, case_cancelled_by_employer, when = when).to_string(),
            reason.map(|r| employer_reason_name(i18n, r)),
        ),
    };
    view! {
        <li class="timeline__note">
            <span class="timeline__when">{when_text(i18n, at)}</span>
            <p class="timeline__body">
                {who} " " <strong>{reason}</strong>
                {(!note.is_empty()).then(|| format!(" – {note}"))}
            </p>
        </li>
    }
}

/// A corrected outcome in the case: who, when, from → to.
pub fn corrected_entry(
    i18n: I18n,
    at: DateTime<Utc>,
    meeting_starts_at: DateTime<Utc>,
    by: String,
    from: BookingStatus,
    to: BookingStatus,
) -> impl IntoView {
    let text = t_string!(
        i18n,
        case_corrected,
        name = by,
        when = when_text(i18n, meeting_starts_at),
        from = status_name(i18n, from),
        to = status_name(i18n, to)
    )
    .to_string();
    view! {
        <li class="timeline__note">
            <span class="timeline__when">{when_text(i18n, at)}</span>
            <p class="timeline__body">{text}</p>
        </li>
    }
}
