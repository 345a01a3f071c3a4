//! A meeting as an iCalendar file (RFC 5545), for "add to my calendar" and attached to each
//! email. Times are written in UTC (`…Z`), which every calendar turns into the reader's own
//! zone: the meeting lands at the right Stockholm time whatever device opens it.
//!
//! Emails carry iTIP messages (RFC 5546): one UID per meeting, `METHOD:REQUEST` when it is
//! booked or moved and `METHOD:CANCEL` with `STATUS:CANCELLED` when it is cancelled, and a
//! `SEQUENCE` that grows with each change, so calendar programs update or remove the entry
//! they have instead of keeping it or adding a second one. A download from the meeting page
//! is `METHOD:PUBLISH`: a copy for the person's own calendar, not an invitation.

use crate::{
    domain::{BookingStatus, Channel},
    ssr::store::BookingRow,
};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

/// How the file reaches the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery<'a> {
    /// Downloaded from the meeting page.
    Download,
    /// Attached to an email to this address.
    Email { attendee: &'a str },
}

/// The iTIP method of the file, also named in the email part's content type.
pub fn method(b: &BookingRow, delivery: Delivery<'_>) -> &'static str {
    match delivery {
        Delivery::Download => "PUBLISH",
        Delivery::Email { .. } if b.status == BookingStatus::Cancelled => "CANCEL",
        Delivery::Email { .. } => "REQUEST",
    }
}

/// One more than the last file's for each change: every move, and the cancellation.
pub fn sequence(b: &BookingRow) -> u32 {
    let cancelled = u32::from(b.status == BookingStatus::Cancelled);
    u32::try_from(b.times_moved)
        .unwrap_or(0)
        .saturating_add(cancelled)
}

/// The file's text. `swedish` picks the language of its summary and description;
/// `video_link` is the reader's link to a video meeting's room.
pub fn meeting_ics(
    b: &BookingRow,
    swedish: bool,
    delivery: Delivery<'_>,
    video_link: Option<&str>,
) -> String {
    let counsellor = format!("{} {}", b.counsellor_first_name, b.counsellor_last_name);
    let meeting = if swedish {
        &b.meeting_name_sv
    } else {
        &b.meeting_name_en
    };
    let summary = if swedish {
        format!("{meeting} med {counsellor}")
    } else {
        format!("{meeting} with {counsellor}")
    };
    let cancelled = b.status == BookingStatus::Cancelled;
    let location = match b.channel {
        Channel::Office => match (&b.office_name, &b.office_street, &b.office_city) {
            (Some(name), Some(street), Some(city)) => format!("{name}, {street}, {city}"),
            _ => String::new(),
        },
        Channel::Video if cancelled => String::new(),
        Channel::Video => video_link.unwrap_or_default().to_owned(),
        Channel::Phone if swedish => "Telefonmöte".to_owned(),
        Channel::Phone => "Phone meeting".to_owned(),
    };
    let title = if swedish {
        &b.counsellor_title
    } else {
        &b.counsellor_title_en
    };
    // Where the person changes it: a seeker on Mina sidor, an employer on its own pages.
    let (pages_sv, pages_en) = if b.with_employer() {
        (
            "era sidor för arbetsgivare i Tidbok",
            "your employer pages in Tidbok",
        )
    } else {
        ("Mina sidor i Tidbok", "My pages in Tidbok")
    };
    let description = match (cancelled, swedish) {
        (true, true) => {
            format!("{summary} är avbokat. Boka en ny tid på {pages_sv} när du vill.")
        }
        (true, false) => {
            format!("{summary} is cancelled. Book a new time on {pages_en} whenever you like.")
        }
        (false, true) => format!(
            "{summary}, {title}. Direktnummer: {}. Byt tid eller avboka på {pages_sv}.",
            b.counsellor_phone
        ),
        (false, false) => format!(
            "{summary}, {title}. Direct number: {}. Change or cancel on {pages_en}.",
            b.counsellor_phone
        ),
    };
    let mut event = Event::new();
    event
        .uid(&format!("booking-{}@tidbok.example", b.id))
        .summary(&summary)
        .description(&description)
        .starts(b.starts_at)
        .ends(b.ends_at)
        .timestamp(b.cancelled_at.or(b.moved_at).unwrap_or(b.created_at))
        .sequence(sequence(b))
        .status(if cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    if !location.is_empty() {
        event.location(&location);
    }
    if let Delivery::Email { attendee } = delivery {
        // iTIP needs both: who arranges the meeting (replies are not read, so the
        // counsellor's own address) and whom it is for.
        let mut organizer = Property::new("ORGANIZER", format!("mailto:{}", b.counsellor_email));
        organizer.add_parameter("CN", &counsellor);
        event.append_property(organizer);
        let mut guest = Property::new("ATTENDEE", format!("mailto:{attendee}"));
        guest
            .add_parameter("ROLE", "REQ-PARTICIPANT")
            .add_parameter("PARTSTAT", "ACCEPTED");
        event.append_property(guest);
    }
    let mut calendar = Calendar::new();
    calendar
        .name("Tidbok")
        .append_property(Property::new("METHOD", method(b, delivery)))
        .push(event.done());
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use icalendar::{CalendarComponent, DatePerhapsTime};

    /// The example booking, at 09:00 Stockholm time at Göteborg Centrum, moved twice.
    fn booking(channel: Channel) -> BookingRow {
        let start = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
        BookingRow {
            counsellor_phone: "+46102020112".into(),
            office_id: Some(2),
            office_name: Some("Kontor Göteborg Centrum".into()),
            office_street: Some("Drottninggatan 34".into()),
            office_postcode: Some(41114),
            office_city: Some("Göteborg".into()),
            office_phone: Some("+46102020200".into()),
            starts_at: start,
            ends_at: start + chrono::Duration::minutes(45),
            video_room: Some("0123456789abcdef01234567".into()),
            times_moved: 2,
            created_at: start - chrono::Duration::days(1),
            ..BookingRow::example(channel)
        }
    }

    fn event(text: &str) -> icalendar::Event {
        let calendar: Calendar = text.parse().expect("a calendar we can read back");
        calendar
            .components
            .into_iter()
            .find_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .expect("one event")
    }

    #[test]
    fn a_visit_is_at_the_right_instant_and_place() {
        let text = meeting_ics(&booking(Channel::Office), true, Delivery::Download, None);
        // 09:00 in Stockholm is 08:00 UTC in November; written in UTC, read right anywhere.
        assert!(text.contains("DTSTART:20261124T080000Z"), "{text}");
        assert!(text.contains("DTEND:20261124T084500Z"), "{text}");
        let e = event(&text);
        assert_eq!(e.get_summary(), Some("Första möte med Emina Hodžić"));
        assert_eq!(
            e.get_location(),
            Some("Kontor Göteborg Centrum, Drottninggatan 34, Göteborg")
        );
        assert_eq!(
            e.get_sequence(),
            Some(2),
            "moved twice: calendars update the entry"
        );
        assert_eq!(e.get_uid(), Some("booking-7@tidbok.example"));
        assert!(matches!(e.get_start(), Some(DatePerhapsTime::DateTime(_))));
        assert!(e.get_description().unwrap().contains("+46102020112"));
    }

    #[test]
    fn a_video_meeting_carries_its_link_and_english_words() {
        let link = "https://meet.example.se/0123456789abcdef0123456789abcdef?jwt=a.b.c";
        let e = event(&meeting_ics(
            &booking(Channel::Video),
            false,
            Delivery::Download,
            Some(link),
        ));
        assert_eq!(e.get_summary(), Some("First meeting with Emina Hodžić"));
        assert_eq!(e.get_location(), Some(link));
        assert!(e
            .get_description()
            .unwrap()
            .contains("Employment counsellor"));
    }

    fn read(text: &str) -> (Calendar, icalendar::Event) {
        let calendar: Calendar = text.parse().expect("a calendar we can read back");
        let e = event(text);
        (calendar, e)
    }

    /// The emails of one meeting's life, read back by a parser: one UID throughout, REQUEST
    /// while it stands, CANCEL at the end, and a SEQUENCE that grows with every change.
    #[test]
    fn booked_moved_and_cancelled_are_one_event_in_the_calendar() {
        let to = Delivery::Email {
            attendee: "amira@example.se",
        };
        let mut b = booking(Channel::Phone);
        b.times_moved = 0;
        let (booked_cal, booked) = read(&meeting_ics(&b, true, to, None));
        b.times_moved = 1;
        b.moved_at = Some(b.created_at + chrono::Duration::hours(3));
        b.starts_at += chrono::Duration::days(1);
        b.ends_at += chrono::Duration::days(1);
        let (moved_cal, moved) = read(&meeting_ics(&b, true, to, None));
        b.status = BookingStatus::Cancelled;
        b.cancelled_at = Some(b.created_at + chrono::Duration::hours(5));
        let text = meeting_ics(&b, true, to, None);
        let (cancel_cal, cancelled) = read(&text);

        assert_eq!(booked_cal.property_value("METHOD"), Some("REQUEST"));
        assert_eq!(moved_cal.property_value("METHOD"), Some("REQUEST"));
        assert_eq!(cancel_cal.property_value("METHOD"), Some("CANCEL"));
        let uids: Vec<_> = [&booked, &moved, &cancelled]
            .iter()
            .map(|e| e.get_uid().map(str::to_owned))
            .collect();
        assert!(uids
            .iter()
            .all(|u| u.as_deref() == Some("booking-7@tidbok.example")));
        let sequences: Vec<_> = [&booked, &moved, &cancelled]
            .iter()
            .map(|e| e.get_sequence())
            .collect();
        assert_eq!(sequences, [Some(0), Some(1), Some(2)]);
        assert_eq!(booked.get_status(), Some(EventStatus::Confirmed));
        assert_eq!(cancelled.get_status(), Some(EventStatus::Cancelled));
        for e in [&booked, &moved, &cancelled] {
            assert!(e
                .property_value("ORGANIZER")
                .is_some_and(|o| o == "mailto:emina.hodzic@tidbok.example"));
        }
        // ATTENDEE may appear more than once, so parsers keep it apart: read the unfolded text.
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains("ATTENDEE;")
                && unfolded.contains("ROLE=REQ-PARTICIPANT")
                && unfolded.contains(":mailto:amira@example.se"),
            "{unfolded}"
        );
        // A cancelled phone meeting no longer promises a call.
        assert!(!text.contains("ringer dig"), "{text}");
        assert_eq!(cancelled.get_location(), Some("Telefonmöte"));
        assert!(cancelled.get_description().unwrap().contains("avbokat"));
    }

    #[test]
    fn a_download_is_published_not_an_invitation() {
        let text = meeting_ics(&booking(Channel::Office), true, Delivery::Download, None);
        let (calendar, e) = read(&text);
        assert_eq!(calendar.property_value("METHOD"), Some("PUBLISH"));
        assert_eq!(e.property_value("ORGANIZER"), None);
    }
}
