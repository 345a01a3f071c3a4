//! Every page's address and the links built to them, so a page moves in one place. The
//! route table (`app.rs`) declares the same paths for the router. A leaf: no leptos, no I/O.

use crate::domain::{registration::Step, time::iso_date};
use chrono::NaiveDate;
use std::fmt::Display;

pub const HOME: &str = "/";
pub const BOOK: &str = "/boka";
pub const SIGN_IN: &str = "/logga-in";
pub const REGISTER: &str = "/registrera";
pub const MY_PAGES: &str = "/mina-sidor";
/// The monthly activity reports: the month due, earlier months, receipts.
pub const ACTIVITY_REPORTS: &str = "/mina-sidor/aktivitetsrapport";
/// Mina sidor's form for contact details and needs.
pub const PROFILE: &str = "/mina-sidor/uppgifter";
/// "Mitt ärende": what has happened in the seeker's case and what happens next.
pub const MY_CASE: &str = "/mina-sidor/arende";
/// What Tidbok holds about the signed-in seeker, and the way to download it and to take the
/// account away.
pub const PERSONAL_DATA: &str = "/mina-sidor/personuppgifter";
/// All of it as one JSON file, generated on request.
pub const PERSONAL_DATA_FILE: &str = "/mina-sidor/personuppgifter.json";
pub const ERASE_ACCOUNT: &str = "/mina-sidor/personuppgifter/ta-bort-kontot";
/// Where someone lands once their account is gone (no sign-in: there is none any more).
pub const ACCOUNT_ERASED: &str = "/kontot-borttaget";
/// Mina sidor's question after a meeting (its anchor).
pub const MY_RATING: &str = "betyg";

/// The question after a meeting, by the secret its message carried (no sign-in).
pub fn rating(secret: &str) -> String {
    format!("/betyg/{secret}")
}

/// The accessibility statement, with its form for reporting a shortcoming (the form's
/// anchor follows).
pub const ACCESSIBILITY: &str = "/tillganglighet";
pub const ACCESSIBILITY_FORM: &str = "rapportera";
/// The statement in English: sets the language and goes to [`ACCESSIBILITY`].
pub const ACCESSIBILITY_EN: &str = "/en/accessibility";

/// The employers' door: what the service offers them, and signing in.
pub const EMPLOYER: &str = "/arbetsgivare";
pub const EMPLOYER_SIGN_IN: &str = "/arbetsgivare/logga-in";
pub const EMPLOYER_REGISTER: &str = "/arbetsgivare/registrera";
/// The organisation's overview: its people, invitations, needs and drafts.
pub const EMPLOYER_HOME: &str = "/arbetsgivare/oversikt";
pub const EMPLOYER_NEW_NEED: &str = "/arbetsgivare/behov/nytt";

/// The employers' sign-in, coming back to `next` afterwards.
pub fn employer_sign_in(next: &str) -> String {
    format!("{EMPLOYER_SIGN_IN}?nasta={}", encode_query_value(next))
}

/// A published need's page, where it is changed or closed.
pub fn employer_need(id: impl Display) -> String {
    format!("/arbetsgivare/behov/{id}")
}

/// A draft of a new need, to go on typing.
pub fn employer_need_draft(id: impl Display) -> String {
    format!("{EMPLOYER_NEW_NEED}?utkast={id}")
}

/// The page an invitation to a colleague opens.
pub fn employer_invitation(secret: &str) -> String {
    format!("/arbetsgivare/inbjudan/{secret}")
}

/// Where an employer books a meeting with an employer counsellor.
pub const EMPLOYER_BOOK: &str = "/arbetsgivare/boka";

/// The employer's picker for a meeting about need `id`.
pub fn employer_book_for_need(id: impl Display) -> String {
    format!("{EMPLOYER_BOOK}?behov={id}")
}

/// The employer's picker, moving their meeting `id`.
pub fn employer_book_moving(id: impl Display) -> String {
    format!("{EMPLOYER_BOOK}?byt={id}")
}

/// An employer's meeting.
pub fn employer_meeting(id: impl Display) -> String {
    format!("/arbetsgivare/mote/{id}")
}

/// An employer's meeting as a calendar file.
pub fn employer_meeting_calendar(id: impl Display) -> String {
    format!("/arbetsgivare/mote/{id}/kalender.ics")
}

/// An employer's page (`/arbetsgivare` or anything under it).
pub fn is_employer(path: &str) -> bool {
    path == EMPLOYER || path.starts_with("/arbetsgivare/")
}

/// Everything under it is for staff.
pub const STAFF: &str = "/personal/";
pub const STAFF_SIGN_IN: &str = "/personal/logga-in";
pub const CALENDAR: &str = "/personal/kalender";
/// Where staff land after signing in.
pub const STAFF_HOME: &str = CALENDAR;
pub const WORK_HOURS: &str = "/personal/arbetstider";
pub const OFFICE: &str = "/personal/kontor";
pub const FIGURES: &str = "/personal/kontor/uppfoljning";
/// The office's job seekers and how far their monthly reports have come.
pub const OFFICE_REPORTS: &str = "/personal/kontor/aktivitetsrapporter";
/// The office's employers, their open needs and the job seekers who match them.
pub const OFFICE_EMPLOYERS: &str = "/personal/kontor/arbetsgivare";
/// Finding a person to help at the desk or on the phone.
pub const PEOPLE: &str = "/personal/personer";
/// Staff booking a person's first meeting for them (`?person=ID`, then the picker's own
/// query): a fixed address, so the picker's how-to-meet form can go back to it.
pub const STAFF_BOOK: &str = "/personal/boka";
/// Who opened which job seeker's data: administrators, and office managers for their office.
pub const ACCESS_LOG: &str = "/personal/admin/atkomstlogg";
pub const ACCESS_LOG_CSV: &str = "/personal/admin/atkomstlogg.csv";
/// Which occupational fields each office covers: administrators, and office managers.
pub const COVERAGE: &str = "/personal/admin/tackning";

/// Administration: counsellors, and staff accounts with their roles.
pub const ADMIN_COUNSELLORS: &str = "/personal/admin/handlaggare";
pub const ADMIN_NEW_COUNSELLOR: &str = "/personal/admin/handlaggare/ny";
pub const ADMIN_ACCOUNTS: &str = "/personal/admin/konton";
/// Meeting types: length, pause after, notice, horizon and ways of meeting.
pub const ADMIN_MEETING_TYPES: &str = "/personal/admin/motestyper";
/// Offices: address, postcode areas, opening hours, closed days, capacity, visits.
pub const ADMIN_OFFICES: &str = "/personal/admin/kontor";
pub const ADMIN_NEW_OFFICE: &str = "/personal/admin/kontor/ny";
/// Reports of accessibility shortcomings sent from the statement page.
pub const ADMIN_ACCESSIBILITY: &str = "/personal/admin/tillganglighet";

/// One counsellor's administration page.
pub fn admin_counsellor(id: impl Display) -> String {
    format!("{ADMIN_COUNSELLORS}/{id}")
}

/// One office's administration page.
pub fn admin_office(id: impl Display) -> String {
    format!("{ADMIN_OFFICES}/{id}")
}

/// One staff account's administration page.
pub fn admin_account(id: impl Display) -> String {
    format!("{ADMIN_ACCOUNTS}/{id}")
}

/// The page where a member of staff sets their password with a one-time link.
pub fn password_link(secret: &str) -> String {
    format!("/personal/losenord/{secret}")
}

/// The one-time link a person registered by staff makes their own password with.
pub fn seeker_password_link(secret: &str) -> String {
    format!("/konto/losenord/{secret}")
}

/// A page for staff (`/personal` itself or anything under it).
pub fn is_staff(path: &str) -> bool {
    path.starts_with(STAFF) || path == STAFF.trim_end_matches('/')
}

/// A step of the registration.
pub fn registration_step(step: Step) -> String {
    format!("{REGISTER}/{}", step.slug())
}

/// Registering with staff: a step of the draft `code` held by the desk.
pub fn assisted_step(code: &str, step: Step) -> String {
    format!("{STAFF}registrera/{code}/{}", step.slug())
}

/// A person's case, for staff.
pub fn person_case(id: impl Display) -> String {
    format!("{PEOPLE}/{id}")
}

/// Staff's picker for a person's first meeting.
pub fn staff_book(person: impl Display) -> String {
    format!("{STAFF_BOOK}?person={person}")
}

/// A meeting's own page on Mina sidor (also the booking's confirmation).
pub fn meeting(id: impl Display) -> String {
    format!("/mina-sidor/mote/{id}")
}

/// A month's activity report: its form, or its receipt once sent.
pub fn activity_report(period: impl Display) -> String {
    format!("{ACTIVITY_REPORTS}/{period}")
}

/// The review of a month's report before it is sent.
pub fn activity_report_review(period: impl Display) -> String {
    format!("{ACTIVITY_REPORTS}/{period}/granska")
}

/// One sent version of a month's report, as a receipt.
pub fn activity_report_receipt(period: impl Display, version: i64) -> String {
    format!("{ACTIVITY_REPORTS}/{period}/version/{version}")
}

/// The form for cancelling a meeting.
pub fn cancel_meeting(id: impl Display) -> String {
    format!("/mina-sidor/mote/{id}/avboka")
}

/// The meeting's calendar file.
pub fn meeting_calendar_file(id: impl Display) -> String {
    format!("/mina-sidor/mote/{id}/kalender.ics")
}

/// The picker, to move the booking `id` to another time.
pub fn book_moving(id: impl Display) -> String {
    format!("{BOOK}?byt={id}")
}

/// The sign-in page, coming back to `back` afterwards.
pub fn sign_in(back: &str) -> String {
    format!(
        "{SIGN_IN}?nasta={}",
        encode_query_value(back).replace('/', "%2F")
    )
}

/// The staff sign-in page, coming back to `back` afterwards.
pub fn staff_sign_in(back: &str) -> String {
    format!(
        "{STAFF_SIGN_IN}?nasta={}",
        encode_query_value(back).replace('/', "%2F")
    )
}

/// What the calendar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CalendarMode {
    /// One counsellor, Monday to Friday (or Sunday).
    Week,
    /// One counsellor, one day.
    Day,
    /// Every counsellor of an office, one day, side by side.
    Office,
}

/// A calendar view's address, the way the page reads it back.
pub fn calendar(mode: CalendarMode, day: NaiveDate, counsellor: i64, weekend: bool) -> String {
    let day = iso_date(day);
    match mode {
        CalendarMode::Week => {
            let weekend = if weekend { "&helg=1" } else { "" };
            format!("{CALENDAR}?vecka={day}&radgivare={counsellor}{weekend}")
        }
        CalendarMode::Day => format!("{CALENDAR}?dag={day}&radgivare={counsellor}"),
        CalendarMode::Office => format!("{CALENDAR}?dag={day}&radgivare={counsellor}&kontor=1"),
    }
}

/// A meeting's panel, beside its day in its counsellor's calendar.
pub fn meeting_in_calendar(day: NaiveDate, counsellor: i64, booking: i64) -> String {
    format!(
        "{}&mote={booking}#mote",
        calendar(CalendarMode::Day, day, counsellor, false)
    )
}

/// A counsellor's working hours.
pub fn work_hours(counsellor: i64) -> String {
    format!("{WORK_HOURS}?radgivare={counsellor}")
}

/// An office's page (reception, load and capacity).
pub fn office(office: i64) -> String {
    format!("{OFFICE}?kontor={office}")
}

/// Percent-encodes a value for a query string (RFC 3986 unreserved characters and `/` kept).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_steps_and_staff_pages_have_their_addresses() {
        assert_eq!(
            registration_step(Step::Experience),
            "/registrera/erfarenhet"
        );
        assert!(is_staff("/personal") && is_staff("/personal/kalender"));
        assert!(!is_staff("/personalen") && !is_staff("/mina-sidor"));
    }

    #[test]
    fn encodes_what_would_break_the_query() {
        assert_eq!(
            encode_query_value("/boka?dag=2&x=å"),
            "/boka%3Fdag%3D2%26x%3D%C3%A5"
        );
        assert_eq!(encode_query_value("/"), "/");
    }

    #[test]
    fn sign_in_comes_back_to_the_page() {
        assert_eq!(sign_in("/boka?dag=2"), "/logga-in?nasta=%2Fboka%3Fdag%3D2");
        assert_eq!(
            staff_sign_in("/personal/kontor"),
            "/personal/logga-in?nasta=%2Fpersonal%2Fkontor"
        );
    }

    #[test]
    fn calendar_views_have_their_own_addresses() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(
            calendar(CalendarMode::Week, day, 7, true),
            "/personal/kalender?vecka=2026-11-24&radgivare=7&helg=1"
        );
        assert_eq!(
            calendar(CalendarMode::Office, day, 7, false),
            "/personal/kalender?dag=2026-11-24&radgivare=7&kontor=1"
        );
    }
}
