//! Words for meetings: when, how, their status, the tips and cancel reasons. Used by the
//! pages the server draws; times are always written in Stockholm time.

use super::messages::{language_name, I18n};
use crate::{
    domain::{
        choices::{CancelReason, EmployerCancelReason, StaffCancelReason},
        preparation::Tip,
        time::{clock, long_date, stockholm_date},
        BookingStatus, Channel, PhoneNumber,
    },
    i18n::*,
};
use chrono::{DateTime, Utc};

pub fn is_swedish(i18n: I18n) -> bool {
    i18n.get_locale_untracked() == Locale::sv
}

/// `tisdag 24 november 2026 kl. 09:00`.
pub fn when_text(i18n: I18n, t: DateTime<Utc>) -> String {
    let day = long_date(stockholm_date(t), is_swedish(i18n));
    t_string!(i18n, book_at, day = day, time = clock(t)).to_string()
}

/// `09:00–09:45`.
pub fn time_range(i18n: I18n, from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    t_string!(i18n, meeting_time_range, from = clock(from), to = clock(to)).to_string()
}

pub fn channel_name(i18n: I18n, channel: Channel) -> &'static str {
    match channel {
        Channel::Office => t_string!(i18n, channel_office),
        Channel::Phone => t_string!(i18n, channel_phone),
        Channel::Video => t_string!(i18n, channel_video),
    }
}

pub fn channel_hint(i18n: I18n, channel: Channel) -> &'static str {
    match channel {
        Channel::Office => t_string!(i18n, channel_office_hint),
        Channel::Phone => t_string!(i18n, channel_phone_hint),
        Channel::Video => t_string!(i18n, channel_video_hint),
    }
}

/// A channel's icon: a sign beside the words, never instead of them.
pub fn channel_icon(channel: Channel) -> &'static str {
    match channel {
        Channel::Office => "🏢",
        Channel::Phone => "📞",
        Channel::Video => "💻",
    }
}

pub fn status_name(i18n: I18n, status: BookingStatus) -> &'static str {
    match status {
        BookingStatus::Booked => t_string!(i18n, status_booked),
        BookingStatus::Held => t_string!(i18n, status_held),
        BookingStatus::NoShow => t_string!(i18n, status_no_show),
        BookingStatus::Cancelled => t_string!(i18n, status_cancelled),
    }
}

pub fn reason_name(i18n: I18n, reason: CancelReason) -> &'static str {
    match reason {
        CancelReason::Illness => t_string!(i18n, cancel_sjuk),
        CancelReason::GotWork => t_string!(i18n, cancel_fatt_arbete),
        CancelReason::TimeDoesNotSuit => t_string!(i18n, cancel_passar_inte),
        CancelReason::NoLongerNeeded => t_string!(i18n, cancel_behovs_inte),
        CancelReason::Other => t_string!(i18n, cancel_annat),
    }
}

/// An employer's reason for cancelling.
pub fn employer_reason_name(i18n: I18n, r: EmployerCancelReason) -> &'static str {
    match r {
        EmployerCancelReason::TimeDoesNotSuit => t_string!(i18n, cancel_passar_inte),
        EmployerCancelReason::Filled => t_string!(i18n, emp_cancel_filled),
        EmployerCancelReason::NoLongerNeeded => t_string!(i18n, emp_cancel_not_needed),
        EmployerCancelReason::Other => t_string!(i18n, cancel_annat),
    }
}

/// Staff's reason for cancelling, as staff read it.
pub fn staff_reason_name(i18n: I18n, reason: StaffCancelReason) -> &'static str {
    match reason {
        StaffCancelReason::SeekerIll => t_string!(i18n, staff_cancel_sokande_sjuk),
        StaffCancelReason::OfficeClosed => t_string!(i18n, staff_cancel_kontoret_stangt),
        StaffCancelReason::CounsellorAbsent => {
            t_string!(i18n, staff_cancel_handlaggare_franvarande)
        }
        StaffCancelReason::Other => t_string!(i18n, staff_cancel_annat),
    }
}

/// Staff's reason for cancelling, as the seeker reads it ("Orsak: …"); for "other", the
/// explanation staff wrote follows.
pub fn staff_reason_for_seeker(i18n: I18n, reason: StaffCancelReason) -> &'static str {
    match reason {
        StaffCancelReason::SeekerIll => t_string!(i18n, my_cancel_why_sokande_sjuk),
        StaffCancelReason::OfficeClosed => t_string!(i18n, my_cancel_why_kontoret_stangt),
        StaffCancelReason::CounsellorAbsent => {
            t_string!(i18n, my_cancel_why_handlaggare_franvarande)
        }
        StaffCancelReason::Other => t_string!(i18n, my_cancel_why_annat),
    }
}

pub fn tip_text(i18n: I18n, tip: Tip) -> String {
    match tip {
        Tip::FirstMeetingCovers => t_string!(i18n, tip_first_meeting).to_owned(),
        Tip::BringId => t_string!(i18n, tip_bring_id).to_owned(),
        Tip::ArriveEarly => t_string!(i18n, tip_arrive_early).to_owned(),
        Tip::KeepPhoneOn => t_string!(i18n, tip_keep_phone_on).to_owned(),
        Tip::QuietPlace => t_string!(i18n, tip_quiet_place).to_owned(),
        Tip::TestVideo => t_string!(i18n, tip_test_video).to_owned(),
        Tip::BringCv => t_string!(i18n, tip_bring_cv).to_owned(),
        Tip::NoCvYet => t_string!(i18n, tip_no_cv_yet).to_owned(),
        Tip::ThinkAboutWishes => t_string!(i18n, tip_think_about_wishes).to_owned(),
        Tip::Interpreter(language) => {
            let language = language_name(i18n, language);
            t_string!(i18n, tip_interpreter, language = language).to_string()
        }
        Tip::Accessibility => t_string!(i18n, tip_accessibility).to_owned(),
    }
}

/// A stored E.164 number as Swedes write it (`010-201 01 11`), or as stored if it is not one.
pub fn phone_text(e164: &str) -> String {
    PhoneNumber::parse(e164)
        .map(|p| p.display_national())
        .unwrap_or_else(|_| e164.to_owned())
}

/// The employment service cancelled the meeting: says so, with the reason and explanation.
pub fn staff_cancel_notice(
    i18n: I18n,
    cancel: &crate::views::booking::StaffCancel,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let why = cancel.reason.map(|r| staff_reason_for_seeker(i18n, r));
    let note = (!cancel.note.is_empty()).then(|| format!(" {}", cancel.note));
    view! {
        <p class="notice notice--warning">
            {t!(i18n, my_cancelled_by_staff)} " " {why} {note}
        </p>
    }
}

/// "Frågor, eller vill du byta tid? Ring … på …": whom to call after the first meeting.
pub fn after_first_contact(i18n: I18n, after: &crate::views::booking::AfterFirst) -> String {
    t_string!(
        i18n,
        after_first_contact,
        name = after.counsellor.clone(),
        phone = phone_text(&after.counsellor_phone)
    )
    .to_string()
}
