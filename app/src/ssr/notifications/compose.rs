//! The words of each message, in the seeker's language. Only what the seeker needs to find
//! their meeting: their first name, the time, the place or how contact happens, the
//! counsellor's name and direct number, and a link to Mina sidor. Never the identity number
//! and never anything from the profile.

use crate::{
    domain::{
        notification::{AccountEvent, MessageEvent, MessageLanguage},
        time::{clock, day_and_month, long_date, stockholm_date, weekday_name},
        Channel, Postcode,
    },
    ssr::{
        services::calendar_file::{self, meeting_ics, Delivery},
        store::{BookingRow, Recipient},
        video::VideoService,
    },
};

/// One message, ready for either medium.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub subject: String,
    /// The email's plain text.
    pub text: String,
    /// The text message: short, and the same facts.
    pub sms: String,
    /// The calendar file attached to the email.
    pub ics: String,
    /// Its iTIP method (`REQUEST`, `CANCEL`), which the email names too.
    pub ics_method: &'static str,
}

/// Where a message's links lead: the service's public address (without a trailing slash)
/// and the video service.
#[derive(Debug, Clone, Copy)]
pub struct Links<'a> {
    pub site: &'a str,
    pub video: &'a VideoService,
}

/// Writes the message about `event` for the booking as it is now.
pub fn compose(
    event: MessageEvent,
    b: &BookingRow,
    to: &Recipient,
    language: MessageLanguage,
    links: Links<'_>,
) -> Composed {
    let site = links.site;
    let sv = language == MessageLanguage::Sv;
    let date = stockholm_date(b.starts_at);
    let when_long = format!(
        "{}, {} {}–{}",
        long_date(date, sv),
        if sv { "kl." } else { "at" },
        clock(b.starts_at),
        clock(b.ends_at)
    );
    let when_short = format!(
        "{} {} {} {}",
        weekday_name(date, sv).chars().take(3).collect::<String>(),
        day_and_month(date, sv),
        if sv { "kl." } else { "at" },
        clock(b.starts_at)
    );
    let counsellor = format!("{} {}", b.counsellor_first_name, b.counsellor_last_name);
    // An employer's user finds the meeting on the employers' pages, and books anew there.
    let employer = b.with_employer();
    let (link, book_again) = if employer {
        (
            format!("{site}{}", crate::paths::employer_meeting(b.id)),
            format!("{site}{}", crate::paths::EMPLOYER_BOOK),
        )
    } else {
        (
            format!("{site}{}", crate::paths::meeting(b.id)),
            format!("{site}{}", crate::paths::BOOK),
        )
    };
    let channel = b.channel;
    let office = match (
        &b.office_name,
        &b.office_street,
        b.office_postcode,
        &b.office_city,
    ) {
        (Some(name), Some(street), Some(postcode), Some(city)) => {
            let code = Postcode::parse(&postcode.to_string())
                .map(|p| p.to_string())
                .unwrap_or_else(|_| postcode.to_string());
            Some(format!("{name}, {street}, {code} {city}"))
        }
        _ => None,
    };
    let cancelled = event == MessageEvent::Cancelled;
    // The room's link names the person by first name (an employer's user by their name).
    let name = match &b.employer_user_name {
        Some(name) if employer => name.as_str(),
        _ => to.first_name.as_str(),
    };
    let video = links.video.meeting_link(b, name, false);
    let demo = match (links.video.is_demo(), sv) {
        (false, _) => "",
        (true, true) => {
            "\n(En demolänk: i demonstrationsversionen finns inget videomöte att ansluta till.)"
        }
        (true, false) => "\n(A demo link: the demonstration version has no video meeting to join.)",
    };
    let how = match (channel, sv) {
        // A cancelled meeting promises nothing: no call, no link.
        (Channel::Phone, true) if cancelled => "Telefonmöte".to_owned(),
        (Channel::Phone, false) if cancelled => "Phone meeting".to_owned(),
        (Channel::Video, true) if cancelled => "Videomöte".to_owned(),
        (Channel::Video, false) if cancelled => "Video meeting".to_owned(),
        (Channel::Office, true) => format!(
            "Besök på {}",
            office.clone().unwrap_or_else(|| "kontoret".into())
        ),
        (Channel::Office, false) => format!(
            "Visit at {}",
            office.clone().unwrap_or_else(|| "the office".into())
        ),
        (Channel::Video, true) => {
            format!("Videomöte: {}{demo}", video.as_deref().unwrap_or_default())
        }
        (Channel::Video, false) => {
            format!(
                "Video meeting: {}{demo}",
                video.as_deref().unwrap_or_default()
            )
        }
        (Channel::Phone, true) => {
            format!("Telefon: {counsellor} ringer dig på det nummer du har gett oss")
        }
        (Channel::Phone, false) => {
            format!("Phone: {counsellor} calls you on the number you gave us")
        }
    };
    // The meeting type's name is the counsellor's word ("möte med arbetsgivare"); the
    // employer is told what it is about.
    let meeting = match (employer, sv) {
        (true, true) => "möte om rekrytering".to_owned(),
        (true, false) => "meeting about recruitment".to_owned(),
        (false, true) => b.meeting_name_sv.to_lowercase(),
        (false, false) => b.meeting_name_en.to_lowercase(),
    };
    // Swedish nouns have a gender: "ett första möte", "en uppföljning".
    let common_gender = b.meeting_type == "follow-up";
    let (a, your, cancelled_word) = if common_gender {
        ("en", "din", "avbokad")
    } else {
        ("ett", "ditt", "avbokat")
    };
    let your_capital = if common_gender { "Din" } else { "Ditt" };
    let (subject, lead, sms_lead) = match (event, sv) {
        // Booked for them at the desk or on the phone (or as a follow-up): not "you booked".
        (MessageEvent::Booked, true) if b.booked_by_staff.is_some() => (
            format!("Bokat: {meeting} {when_short}"),
            format!("Arbetsförmedlingen har bokat {a} {meeting} åt dig med {counsellor}."),
            "Bokat".to_owned(),
        ),
        (MessageEvent::Booked, false) if b.booked_by_staff.is_some() => (
            format!("Booked: {meeting} {when_short}"),
            format!("The employment service has booked a {meeting} for you with {counsellor}."),
            "Booked".to_owned(),
        ),
        (MessageEvent::Booked, true) => (
            format!("Bokat: {meeting} {when_short}"),
            format!("Du har bokat {a} {meeting} med {counsellor}."),
            "Bokat".to_owned(),
        ),
        (MessageEvent::Booked, false) => (
            format!("Booked: {meeting} {when_short}"),
            format!("You have booked a {meeting} with {counsellor}."),
            "Booked".to_owned(),
        ),
        (MessageEvent::Moved, true) => (
            format!("Ny tid: {meeting} {when_short}"),
            format!("{your_capital} {meeting} med {counsellor} har en ny tid."),
            "Ny tid".to_owned(),
        ),
        (MessageEvent::Moved, false) => (
            format!("New time: {meeting} {when_short}"),
            format!("Your {meeting} with {counsellor} has a new time."),
            "New time".to_owned(),
        ),
        // The employment service cancelled it: say so, and why.
        (MessageEvent::Cancelled, true) if b.cancelled_by_staff.is_some() => (
            format!("Avbokat: {meeting} {when_short}"),
            format!(
                "Arbetsförmedlingen har avbokat {your} {meeting} med {counsellor}. {}\n\n\
                 Vi ber om ursäkt för besväret.",
                staff_cancel_reason(b, sv)
            ),
            "Avbokat".to_owned(),
        ),
        (MessageEvent::Cancelled, false) if b.cancelled_by_staff.is_some() => (
            format!("Cancelled: {meeting} {when_short}"),
            format!(
                "The employment service has cancelled your {meeting} with {counsellor}. {}\n\n\
                 We apologise for the inconvenience.",
                staff_cancel_reason(b, sv)
            ),
            "Cancelled".to_owned(),
        ),
        (MessageEvent::Cancelled, true) => (
            format!("Avbokat: {meeting} {when_short}"),
            format!(
                "{your_capital} {meeting} med {counsellor} är {cancelled_word}. Du kan boka en ny tid \
                 när du vill."
            ),
            "Avbokat".to_owned(),
        ),
        (MessageEvent::Cancelled, false) => (
            format!("Cancelled: {meeting} {when_short}"),
            format!(
                "Your {meeting} with {counsellor} is cancelled. You can book a new time whenever you like."
            ),
            "Cancelled".to_owned(),
        ),
        (MessageEvent::Reminder, true) => (
            format!("Påminnelse: {meeting} {when_short}"),
            format!("En påminnelse om {your} {meeting} med {counsellor}."),
            "Påminnelse".to_owned(),
        ),
        (MessageEvent::Reminder, false) => (
            format!("Reminder: {meeting} {when_short}"),
            format!("A reminder of your {meeting} with {counsellor}."),
            "Reminder".to_owned(),
        ),
    };
    let mut text = String::new();
    text.push_str(&if sv {
        format!("Hej {}!\n\n{lead}\n\n", to.first_name)
    } else {
        format!("Hello {},\n\n{lead}\n\n", to.first_name)
    });
    if sv {
        text.push_str(&format!("När: {when_long}\n{how}\n"));
        text.push_str(&format!(
            "Med: {counsellor}, {}, direktnummer {}\n\n",
            b.counsellor_title, b.counsellor_phone
        ));
    } else {
        text.push_str(&format!("When: {when_long}\n{how}\n"));
        text.push_str(&format!(
            "With: {counsellor}, {}, direct number {}\n\n",
            b.counsellor_title_en, b.counsellor_phone
        ));
    }
    if !cancelled {
        text.push_str(&match (employer, sv) {
            (false, true) => format!("Byt tid eller avboka på Mina sidor: {link}\n"),
            (false, false) => format!("Change the time or cancel on My pages: {link}\n"),
            (true, true) => format!("Byt tid eller avboka på era sidor för arbetsgivare: {link}\n"),
            (true, false) => {
                format!("Change the time or cancel on your employer pages: {link}\n")
            }
        });
        if channel == Channel::Office && !employer {
            text.push_str(if sv {
                "När du har kommit till kontoret kan du trycka på \"Jag är här\" på samma sida \
                 (från en timme före mötet), så vet din arbetsförmedlare att du väntar.\n"
            } else {
                "When you have arrived at the office you can press \"I am here\" on the same \
                 page (from an hour before the meeting), so your employment counsellor knows you \
                 are waiting.\n"
            });
        }
        text.push_str(if sv {
            "Den bifogade kalenderfilen (.ics) lägger in mötet i din kalender.\n"
        } else {
            "The attached calendar file (.ics) adds the meeting to your calendar.\n"
        });
    } else {
        text.push_str(&if sv {
            format!("Boka en ny tid: {book_again}\n")
        } else {
            format!("Book a new time: {book_again}\n")
        });
    }
    text.push_str(if sv {
        "\nVänliga hälsningar\nTidbok\n\nDet här mejlet går inte att svara på. Ring din arbetsförmedlare om du har frågor.\n"
    } else {
        "\nKind regards\nTidbok\n\nThis email cannot be replied to. Call your employment counsellor if you have questions.\n"
    });
    let place = match channel {
        Channel::Office => b.office_name.clone().unwrap_or_default(),
        Channel::Video => "video".to_owned(),
        Channel::Phone => if sv { "telefon" } else { "phone" }.to_owned(),
    };
    let with = if sv { "med" } else { "with" };
    let sms = if cancelled {
        format!("Tidbok: {sms_lead}: {meeting} {with} {counsellor} {when_short}. {book_again}")
    } else {
        format!("Tidbok: {sms_lead}: {meeting} {with} {counsellor} {when_short}, {place}. {link}")
    };
    let delivery = Delivery::Email {
        attendee: &to.email,
    };
    Composed {
        subject,
        text,
        sms,
        ics: meeting_ics(b, sv, delivery, video.as_deref()),
        ics_method: calendar_file::method(b, delivery),
    }
}

/// Staff's reason for a cancellation, as a sentence to the seeker ("Orsak: …").
fn staff_cancel_reason(b: &BookingRow, sv: bool) -> String {
    use crate::domain::choices::StaffCancelReason as R;
    let reason = b.cancel_reason.as_deref().and_then(R::parse);
    let text = match (reason, sv) {
        (Some(R::SeekerIll), true) => "Orsak: du har meddelat att du är sjuk.",
        (Some(R::SeekerIll), false) => "Reason: you told us you are ill.",
        (Some(R::OfficeClosed), true) => "Orsak: kontoret är stängt.",
        (Some(R::OfficeClosed), false) => "Reason: the office is closed.",
        (Some(R::CounsellorAbsent), true) => "Orsak: din arbetsförmedlare är frånvarande.",
        (Some(R::CounsellorAbsent), false) => "Reason: your employment counsellor is absent.",
        (Some(R::Other) | None, true) => "Orsak:",
        (Some(R::Other) | None, false) => "Reason:",
    };
    let note = b.cancel_note.trim();
    match (reason, note.is_empty()) {
        (Some(R::Other) | None, true) => String::new(),
        (_, true) => text.to_owned(),
        (_, false) => format!("{text} {note}"),
    }
}

/// A message about an account: an email without a calendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountMessage {
    pub subject: String,
    pub text: String,
}

/// Writes the email about `event` to the account's owner. It says what happened and what to
/// do, and nothing about the attempt itself (no name, number or address that was typed).
pub fn compose_account(
    event: AccountEvent,
    to: &Recipient,
    language: MessageLanguage,
    site: &str,
) -> AccountMessage {
    let sv = language == MessageLanguage::Sv;
    match (event, sv) {
        (AccountEvent::RegistrationAttempt, true) => AccountMessage {
            subject: "Någon försökte skapa ett konto med dina uppgifter".into(),
            text: format!(
                "Hej {}!\n\n\
                 Någon försökte just skapa ett konto i Tidbok med ditt personnummer eller din \
                 e-postadress. Du har redan ett konto, så inget nytt konto skapades. Den som \
                 försökte fick inte veta att du har ett konto.\n\n\
                 Var det du? Logga in med din e-postadress och ditt lösenord: {site}/logga-in\n\n\
                 Var det inte du? Då behöver du inte göra något. Ditt konto och dina möten är \
                 som förut.\n\n\
                 Vänliga hälsningar\nTidbok\n\nDet här mejlet går inte att svara på.\n",
                to.first_name
            ),
        },
        (AccountEvent::RegistrationAttempt, false) => AccountMessage {
            subject: "Someone tried to create an account with your details".into(),
            text: format!(
                "Hello {},\n\n\
                 Someone just tried to create an account in Tidbok with your personal identity \
                 number or your email address. You already have an account, so no new account \
                 was created. The person who tried was not told that you have an account.\n\n\
                 Was it you? Sign in with your email address and your password: \
                 {site}/logga-in\n\n\
                 Was it not you? Then you need not do anything. Your account and your meetings \
                 are as before.\n\n\
                 Kind regards\nTidbok\n\nThis email cannot be replied to.\n",
                to.first_name
            ),
        },
    }
}

/// The email with a one-time link for a member of staff to set their password: in Swedish,
/// with English below (staff have no language of their own on record). No password is ever
/// in it, and it says who to turn to when the person did not expect it.
pub fn compose_staff_link(first_name: &str, link: &str) -> AccountMessage {
    let hours = crate::domain::admin::password_link::LINK_VALID_HOURS;
    AccountMessage {
        subject: "Välj ditt lösenord till Tidbok / Choose your Tidbok password".into(),
        text: format!(
            "Hej {first_name}!\n\n\
             Du har ett konto i Tidbok för personal. Välj ditt lösenord här:\n{link}\n\n\
             Länken fungerar en gång och i {hours} timmar. Har den slutat fungera ber du en \
             administratör om en ny. Väntade du dig inte det här mejlet? Då behöver du inte \
             göra något, men berätta gärna för din chef.\n\n\
             ---\n\n\
             Hello {first_name},\n\n\
             You have a staff account in Tidbok. Choose your password here:\n{link}\n\n\
             The link works once and for {hours} hours. If it has stopped working, ask an \
             administrator for a new one. Did you not expect this email? Then you need not do \
             anything, but please tell your manager.\n\n\
             Tidbok – det här mejlet går inte att svara på / this email cannot be replied to.\n"
        ),
    }
}

/// The email with the one-time link a person registered by staff makes their password for
/// Mina sidor with, in their language. No password is in it; it says how long the link works
/// and that they can always come back to us.
/// The link for a person registered by staff, as an email and as a text message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkMessage {
    pub subject: String,
    pub text: String,
    pub sms: String,
}

pub fn compose_seeker_link(first_name: &str, link: &str, sv: bool) -> LinkMessage {
    let days = crate::ssr::services::assisted_registration::SEEKER_LINK_DAYS;
    if sv {
        LinkMessage {
            subject: "Välj ditt lösenord till Mina sidor".into(),
            text: format!(
                "Hej {first_name}!\n\n\
                 Nu är du inskriven hos Arbetsförmedlingen. Välj ett lösenord till Mina sidor \
                 här:\n{link}\n\n\
                 Länken fungerar en gång och i {days} dagar. Där bokar du och ser dina möten \
                 och skickar dina aktivitetsrapporter. Vill du hellre ha hjälp kan du alltid \
                 ringa eller besöka oss.\n\n\
                 Vänliga hälsningar\nTidbok\n\nDet här mejlet går inte att svara på.\n"
            ),
            sms: format!(
                "Tidbok: Du är inskriven hos Arbetsförmedlingen. Välj ditt lösenord till Mina \
                 sidor (länken fungerar en gång, i {days} dagar): {link}"
            ),
        }
    } else {
        LinkMessage {
            subject: "Choose your password for My pages".into(),
            text: format!(
                "Hello {first_name},\n\n\
                 You are now registered with the employment service. Choose a password for My \
                 pages here:\n{link}\n\n\
                 The link works once and for {days} days. There you book and see your meetings \
                 and send your activity reports. If you would rather have help, you can always \
                 call or visit us.\n\n\
                 Kind regards\nTidbok\n\nThis email cannot be replied to.\n"
            ),
            sms: format!(
                "Tidbok: You are registered with the employment service. Choose your password \
                 for My pages (the link works once, for {days} days): {link}"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::BookingStatus;

    fn booking(channel: Channel) -> BookingRow {
        BookingRow::example(channel)
    }

    fn seeker() -> Recipient {
        Recipient {
            first_name: "Amira".into(),
            email: "amira@example.se".into(),
            phone: "0701234567".into(),
            message_language: "sv".into(),
        }
    }

    const SITE: &str = "https://tidbok.example";

    fn links() -> Links<'static> {
        static DEMO: std::sync::LazyLock<VideoService> =
            std::sync::LazyLock::new(VideoService::demo);
        Links {
            site: SITE,
            video: &DEMO,
        }
    }

    #[test]
    fn a_confirmation_in_swedish_says_when_where_and_with_whom() {
        let m = compose(
            MessageEvent::Booked,
            &booking(Channel::Office),
            &seeker(),
            MessageLanguage::Sv,
            links(),
        );
        assert_eq!(m.subject, "Bokat: första möte tis 24 november kl. 10:00");
        assert!(m.text.starts_with("Hej Amira!"));
        assert!(m
            .text
            .contains("När: tisdag 24 november 2026, kl. 10:00–10:45"));
        assert!(m
            .text
            .contains("Besök på Tidbok Malmö, Södra Förstadsgatan 1, 211 43 Malmö"));
        assert!(m
            .text
            .contains("Emina Hodžić, Arbetsförmedlare, direktnummer 010-202 01 12"));
        assert!(m.text.contains("https://tidbok.example/mina-sidor/mote/7"));
        assert!(m.text.contains("Jag är här"));
        assert!(m.ics.contains("BEGIN:VEVENT"));
    }

    #[test]
    fn a_reminder_in_english_by_video_and_by_text_message() {
        let m = compose(
            MessageEvent::Reminder,
            &booking(Channel::Video),
            &seeker(),
            MessageLanguage::En,
            links(),
        );
        assert_eq!(
            m.subject,
            "Reminder: first meeting Tue 24 November at 10:00"
        );
        assert!(m.text.starts_with("Hello Amira,"));
        assert!(m.text.contains(
            "Video meeting: https://video.tidbok.example/0123456789abcdef0123456789abcdef\n(A demo link"
        ));
        assert!(!m.text.contains("I am here"));
        assert_eq!(
            m.sms,
            "Tidbok: Reminder: first meeting with Emina Hodžić Tue 24 November at 10:00, video. \
             https://tidbok.example/mina-sidor/mote/7"
        );
    }

    #[test]
    fn a_meeting_booked_by_staff_says_the_service_booked_it_for_them() {
        let mut b = booking(Channel::Office);
        b.booked_by_staff = Some("Emina Hodžić".into());
        let sv = compose(
            MessageEvent::Booked,
            &b,
            &seeker(),
            MessageLanguage::Sv,
            links(),
        );
        assert!(
            sv.text
                .contains("Arbetsförmedlingen har bokat ett första möte åt dig med"),
            "{}",
            sv.text
        );
        assert!(!sv.text.contains("Du har bokat"));
        let en = compose(
            MessageEvent::Booked,
            &b,
            &seeker(),
            MessageLanguage::En,
            links(),
        );
        assert!(
            en.text
                .contains("The employment service has booked a first meeting for you with"),
            "{}",
            en.text
        );
    }

    #[test]
    fn a_follow_up_is_en_uppfoljning_in_swedish() {
        let mut b = booking(Channel::Phone);
        b.meeting_type = "follow-up".into();
        b.meeting_name_sv = "Uppföljning".into();
        b.booked_by_staff = Some("Emina Hodžić".into());
        let booked = compose(
            MessageEvent::Booked,
            &b,
            &seeker(),
            MessageLanguage::Sv,
            links(),
        );
        assert!(
            booked
                .text
                .contains("Arbetsförmedlingen har bokat en uppföljning åt dig med"),
            "{}",
            booked.text
        );
        b.status = BookingStatus::Cancelled;
        let cancelled = compose(
            MessageEvent::Cancelled,
            &b,
            &seeker(),
            MessageLanguage::Sv,
            links(),
        );
        assert!(
            cancelled
                .text
                .contains("Din uppföljning med Emina Hodžić är avbokad."),
            "{}",
            cancelled.text
        );
        let first = compose(
            MessageEvent::Reminder,
            &booking(Channel::Phone),
            &seeker(),
            MessageLanguage::Sv,
            links(),
        );
        assert!(first.text.contains("En påminnelse om ditt första möte med"));
    }

    #[test]
    fn a_registration_attempt_tells_the_owner_what_to_do_in_their_language() {
        let sv = compose_account(
            AccountEvent::RegistrationAttempt,
            &seeker(),
            MessageLanguage::Sv,
            SITE,
        );
        assert!(sv.text.starts_with("Hej Amira!"));
        assert!(sv.text.contains("inget nytt konto skapades"));
        assert!(sv.text.contains("https://tidbok.example/logga-in"));
        let en = compose_account(
            AccountEvent::RegistrationAttempt,
            &seeker(),
            MessageLanguage::En,
            SITE,
        );
        assert!(en.subject.starts_with("Someone tried"));
        assert!(en.text.contains("no new account was created"));
        for text in [&sv.text, &en.text] {
            assert!(!text.contains("0701234567"));
            assert!(!text.contains("amira@example.se"));
            assert!(
                !text.contains("  "),
                "no doubled spaces from line breaks: {text}"
            );
        }
    }

    #[test]
    fn a_cancellation_points_to_booking_again_and_holds_nothing_personal() {
        let mut b = booking(Channel::Phone);
        b.status = BookingStatus::Cancelled;
        let m = compose(
            MessageEvent::Cancelled,
            &b,
            &seeker(),
            MessageLanguage::Sv,
            links(),
        );
        assert!(m.subject.starts_with("Avbokat:"));
        assert!(m.text.contains("https://tidbok.example/boka"));
        assert!(!m.text.contains("mina-sidor/mote/7"));
        assert!(m.ics.contains("STATUS:CANCELLED"));
        assert!(m.ics.contains("METHOD:CANCEL"));
        assert_eq!(m.ics_method, "CANCEL");
        // Nobody will call about a cancelled meeting.
        assert!(!m.text.contains("ringer dig"), "{}", m.text);
        assert!(!m.ics.contains("ringer dig"), "{}", m.ics);
        assert!(m.text.contains("Telefonmöte"), "{}", m.text);
        assert!(m.text.contains("Ring din arbetsförmedlare"));
        assert!(m
            .sms
            .starts_with("Tidbok: Avbokat: första möte med Emina Hodžić"));
        for text in [&m.text, &m.sms, &m.subject] {
            assert!(!text.contains("0701234567"));
            assert!(!text.contains("amira@example.se"));
        }
    }

    #[test]
    fn a_cancellation_by_staff_says_who_and_why_in_the_seekers_language() {
        let mut b = booking(Channel::Office);
        b.status = BookingStatus::Cancelled;
        b.cancelled_by_staff = Some("Emina Hodžić".into());
        b.cancel_reason = Some("kontoret-stangt".into());
        let sv = compose(
            MessageEvent::Cancelled,
            &b,
            &seeker(),
            MessageLanguage::Sv,
            links(),
        );
        assert!(
            sv.text.contains("Arbetsförmedlingen har avbokat ditt första möte med Emina Hodžić. Orsak: kontoret är stängt."),
            "{}",
            sv.text
        );
        assert!(sv.ics.contains("METHOD:CANCEL"));
        b.cancel_reason = Some("annat".into());
        b.cancel_note = "Vattenskada i lokalen.".into();
        let en = compose(
            MessageEvent::Cancelled,
            &b,
            &seeker(),
            MessageLanguage::En,
            links(),
        );
        assert!(
            en.text.contains("The employment service has cancelled your first meeting with Emina Hodžić. Reason: Vattenskada i lokalen."),
            "{}",
            en.text
        );
        // The seeker's own cancellation reads as before.
        b.cancelled_by_staff = None;
        let own = compose(
            MessageEvent::Cancelled,
            &b,
            &seeker(),
            MessageLanguage::Sv,
            links(),
        );
        assert!(
            !own.text.contains("Arbetsförmedlingen har avbokat"),
            "{}",
            own.text
        );
    }

    #[test]
    fn an_employers_meeting_is_about_recruitment_and_changed_on_the_employer_pages() {
        let mut b = booking(Channel::Office);
        b.seeker_id = None;
        b.employer_id = Some(3);
        b.employer_user_id = Some(4);
        b.is_first = false;
        b.meeting_type = "employer-meeting".into();
        b.meeting_name_sv = "Möte med arbetsgivare".into();
        let m = compose(
            MessageEvent::Booked,
            &b,
            &seeker(),
            MessageLanguage::Sv,
            links(),
        );
        assert_eq!(
            m.subject,
            "Bokat: möte om rekrytering tis 24 november kl. 10:00"
        );
        assert!(m
            .text
            .contains("Du har bokat ett möte om rekrytering med Emina Hodžić."));
        assert!(m
            .text
            .contains("https://tidbok.example/arbetsgivare/mote/7"));
        assert!(!m.text.contains("mina-sidor"));
        // Only job seekers say "Jag är här" from their phone.
        assert!(!m.text.contains("Jag är här"));
        assert!(m
            .ics
            .replace("\r\n ", "")
            .contains("sidor för arbetsgivare"));
        b.status = BookingStatus::Cancelled;
        let m = compose(
            MessageEvent::Cancelled,
            &b,
            &seeker(),
            MessageLanguage::En,
            links(),
        );
        assert!(m
            .text
            .contains("Book a new time: https://tidbok.example/arbetsgivare/boka"));
        assert!(m.sms.ends_with("https://tidbok.example/arbetsgivare/boka"));
    }
}
