//! The reminders about a month's activity report, in the seeker's language: open (on the
//! 1st), not yet sent (on the 10th), and not sent by the deadline (from the 15th), which says
//! plainly what happens next. Nothing from the report or the profile is in them.

use crate::{
    domain::{
        activity_report::period::ReportPeriod,
        notification::MessageLanguage,
        time::{day_and_month, month_and_year},
    },
    ssr::store::{Recipient, ReportEvent},
};

/// A reminder, for either medium.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportMessage {
    pub subject: String,
    pub text: String,
    pub sms: String,
}

/// `april 2027`, `April 2027`.
pub fn month_name(period: ReportPeriod, sv: bool) -> String {
    month_and_year(period.first_day(), sv)
}

pub fn compose_report(
    event: ReportEvent,
    period: ReportPeriod,
    to: &Recipient,
    language: MessageLanguage,
    site: &str,
) -> ReportMessage {
    let sv = language == MessageLanguage::Sv;
    let month = month_name(period, sv);
    let deadline = day_and_month(period.deadline_day(), sv);
    let link = format!("{site}{}", crate::paths::ACTIVITY_REPORTS);
    let name = &to.first_name;
    let (subject, body, sms) = match (event, sv) {
        (ReportEvent::Opened, true) => (
            format!("Dags att lämna aktivitetsrapporten för {month}"),
            format!(
                "Nu kan du lämna din aktivitetsrapport för {month}. Skicka den senast \
                 {deadline}. Du hittar den på Mina sidor: {link}\n\n\
                 Möten du har bokat i Tidbok under månaden finns redan med. Du bekräftar \
                 bara om de blev av."
            ),
            format!("Tidbok: Lämna aktivitetsrapporten för {month} senast {deadline}. {link}"),
        ),
        (ReportEvent::Opened, false) => (
            format!("Time to send your activity report for {month}"),
            format!(
                "You can now send your activity report for {month}. Send it by {deadline} at \
                 the latest. You find it on My pages: {link}\n\n\
                 Meetings you booked in Tidbok during the month are already in it. You only \
                 confirm whether they took place."
            ),
            format!("Tidbok: Send your activity report for {month} by {deadline}. {link}"),
        ),
        (ReportEvent::Nudge, true) => (
            format!("Påminnelse: aktivitetsrapporten för {month}"),
            format!(
                "Du har inte skickat din aktivitetsrapport för {month} ännu. Skicka den senast \
                 {deadline}: {link}\n\n\
                 Har du redan börjat? Det du har skrivit är sparat."
            ),
            format!(
                "Tidbok: Din aktivitetsrapport för {month} är inte skickad. Senast {deadline}. \
                 {link}"
            ),
        ),
        (ReportEvent::Nudge, false) => (
            format!("Reminder: your activity report for {month}"),
            format!(
                "You have not sent your activity report for {month} yet. Send it by \
                 {deadline} at the latest: {link}\n\n\
                 Have you already started? What you wrote is saved."
            ),
            format!("Tidbok: Your activity report for {month} is not sent. Due {deadline}. {link}"),
        ),
        (ReportEvent::Missed, true) => (
            format!("Aktivitetsrapporten för {month} kom inte in i tid"),
            format!(
                "Vi har inte fått din aktivitetsrapport för {month}. Sista dagen var \
                 {deadline}.\n\n\
                 Det här händer nu: din handläggare får veta att rapporten inte kom in i tid. \
                 Handläggaren tar ställning till vad det betyder för dig och kontaktar dig om \
                 det behövs. Inget beslut fattas automatiskt.\n\n\
                 Skicka rapporten så snart du kan, den går fortfarande att lämna: {link}"
            ),
            format!(
                "Tidbok: Vi har inte fått din aktivitetsrapport för {month}. Din handläggare \
                 får veta det. Skicka den så snart du kan: {link}"
            ),
        ),
        (ReportEvent::Missed, false) => (
            format!("Your activity report for {month} was not sent in time"),
            format!(
                "We have not received your activity report for {month}. The last day was \
                 {deadline}.\n\n\
                 What happens now: your counsellor is told that the report did not arrive in \
                 time. The counsellor decides what it means for you and contacts you if \
                 needed. No decision is made automatically.\n\n\
                 Send the report as soon as you can; it can still be sent: {link}"
            ),
            format!(
                "Tidbok: We have not received your activity report for {month}. Your \
                 counsellor is told. Send it as soon as you can: {link}"
            ),
        ),
    };
    let (greeting, close) = if sv {
        (
            format!("Hej {name}!"),
            "Vänliga hälsningar\nTidbok\n\nDet här mejlet går inte att svara på.",
        )
    } else {
        (
            format!("Hello {name},"),
            "Kind regards\nTidbok\n\nThis email cannot be replied to.",
        )
    };
    ReportMessage {
        subject,
        text: format!("{greeting}\n\n{body}\n\n{close}\n"),
        sms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeker(language: &str) -> Recipient {
        Recipient {
            first_name: "Amina".into(),
            email: "amina@example.se".into(),
            phone: "+46701234567".into(),
            message_language: language.into(),
        }
    }

    #[test]
    fn the_opening_names_the_month_and_the_fourteenth_in_the_seekers_language() {
        let april = ReportPeriod::parse("2027-04").unwrap();
        let m = compose_report(
            ReportEvent::Opened,
            april,
            &seeker("sv"),
            MessageLanguage::Sv,
            "https://tidbok.example",
        );
        assert!(m.subject.contains("april 2027"), "{}", m.subject);
        assert!(m.text.starts_with("Hej Amina!"));
        assert!(m.text.contains("senast 14 maj"), "{}", m.text);
        assert!(m
            .text
            .contains("https://tidbok.example/mina-sidor/aktivitetsrapport"));
        assert!(m.sms.contains("/mina-sidor/aktivitetsrapport"), "{}", m.sms);
        let en = compose_report(
            ReportEvent::Nudge,
            april,
            &seeker("en"),
            MessageLanguage::En,
            "https://tidbok.example",
        );
        assert!(en.subject.contains("April 2027"));
        assert!(en.text.contains("by 14 May"), "{}", en.text);
    }

    #[test]
    fn a_missed_report_says_what_happens_next_and_that_nothing_is_decided_automatically() {
        let dec = ReportPeriod::parse("2026-12").unwrap();
        let m = compose_report(
            ReportEvent::Missed,
            dec,
            &seeker("sv"),
            MessageLanguage::Sv,
            "https://t.example",
        );
        assert!(m.text.contains("14 januari"), "{}", m.text);
        assert!(m.text.contains("handläggare får veta"));
        assert!(m.text.contains("Inget beslut fattas automatiskt"));
        assert!(!m.text.contains("amina@example.se"));
    }
}
