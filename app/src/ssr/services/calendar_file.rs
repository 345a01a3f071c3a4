//! A meeting as an iCalendar file (RFC 5545), for "add to my calendar". Times are written in
//! UTC (`…Z`), which every calendar turns into the reader's own zone: the meeting lands at
//! the right Stockholm time whatever device opens it. `SEQUENCE` counts moves, so opening a
//! newer file updates the entry instead of adding a second one.

use crate::{
    domain::{BookingStatus, Channel},
    ssr::{services::booking::VIDEO_BASE, store::BookingRow},
};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// The file's text. `swedish` picks the language of its summary and description.
pub fn meeting_ics(b: &BookingRow, swedish: bool) -> String {
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
    let channel = b.channel;
    let location = match channel {
        Channel::Office => match (&b.office_name, &b.office_street, &b.office_city) {
            (Some(name), Some(street), Some(city)) => format!("{name}, {street}, {city}"),
            _ => String::new(),
        },
        Channel::Video => b
            .video_room
            .as_ref()
            .map(|room| format!("{VIDEO_BASE}{room}"))
            .unwrap_or_default(),
        Channel::Phone if swedish => format!("{counsellor} ringer dig"),
        Channel::Phone => format!("{counsellor} calls you"),
    };
    let description = if swedish {
        format!(
            "{summary}, {}. Direktnummer: {}. Byt tid eller avboka på Mina sidor i Tidbok.",
            b.counsellor_title, b.counsellor_phone
        )
    } else {
        format!(
            "{summary}, {}. Direct number: {}. Change or cancel on My pages in Tidbok.",
            b.counsellor_title, b.counsellor_phone
        )
    };
    let mut event = Event::new();
    event
        .uid(&format!("booking-{}@tidbok.example", b.id))
        .summary(&summary)
        .description(&description)
        .starts(b.starts_at)
        .ends(b.ends_at)
        .timestamp(b.moved_at.unwrap_or(b.created_at))
        .sequence(u32::try_from(b.times_moved).unwrap_or(0))
        .status(if b.status == BookingStatus::Cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    if !location.is_empty() {
        event.location(&location);
    }
    let mut calendar = Calendar::new();
    calendar.name("Tidbok").push(event.done());
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use icalendar::{CalendarComponent, DatePerhapsTime};

    fn booking(channel: Channel) -> BookingRow {
        let start = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
        BookingRow {
            id: 7,
            seeker_id: 1,
            counsellor_id: 2,
            counsellor_first_name: "Emina".into(),
            counsellor_last_name: "Hodžić".into(),
            counsellor_title: "Arbetsförmedlare".into(),
            counsellor_phone: "+46102020112".into(),
            counsellor_email: "emina.hodzic@tidbok.example".into(),
            meeting_type: "first-meeting".into(),
            meeting_name_sv: "Första möte".into(),
            meeting_name_en: "First meeting".into(),
            channel,
            office_id: Some(2),
            office_name: Some("Kontor Göteborg Centrum".into()),
            office_street: Some("Drottninggatan 34".into()),
            office_postcode: Some(41114),
            office_city: Some("Göteborg".into()),
            office_phone: Some("+46102020200".into()),
            starts_at: start,
            ends_at: start + chrono::Duration::minutes(45),
            status: BookingStatus::Booked,
            is_first: true,
            video_room: Some("0123456789abcdef01234567".into()),
            cancel_reason: None,
            cancel_note: String::new(),
            cancelled_at: None,
            moved_at: None,
            times_moved: 2,
            created_at: start - chrono::Duration::days(1),
            moved_by_staff: false,
            follows_booking_id: None,
            arrived_at: None,
            received_at: None,
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
        let text = meeting_ics(&booking(Channel::Office), true);
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
        let e = event(&meeting_ics(&booking(Channel::Video), false));
        assert_eq!(e.get_summary(), Some("First meeting with Emina Hodžić"));
        assert_eq!(
            e.get_location(),
            Some("https://video.tidbok.example/m/0123456789abcdef01234567")
        );
        let mut cancelled = booking(Channel::Phone);
        cancelled.status = BookingStatus::Cancelled;
        let text = meeting_ics(&cancelled, true);
        assert!(text.contains("STATUS:CANCELLED"), "{text}");
    }
}
