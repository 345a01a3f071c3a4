//! The question after a meeting and its one reminder, in the person's language: a link that
//! needs no sign-in, what the answer is used for, and until when it can be given.

use crate::domain::{
    notification::MessageLanguage,
    time::{day_and_month, long_date, stockholm_date},
};
use chrono::{DateTime, Utc};

/// The question, for either medium.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingMessage {
    pub subject: String,
    pub text: String,
    pub sms: String,
}

pub fn compose_rating(
    reminder: bool,
    first_name: &str,
    meeting_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    link: &str,
    language: MessageLanguage,
) -> RatingMessage {
    let sv = language == MessageLanguage::Sv;
    let day = long_date(stockholm_date(meeting_at), sv);
    // The last moment it can be answered is a minute before it closes.
    let last = day_and_month(stockholm_date(closes_at - chrono::Duration::minutes(1)), sv);
    if sv {
        let again = if reminder {
            "Vi frågade för några dagar sedan och har inte fått något svar. "
        } else {
            ""
        };
        let subject = if reminder {
            "Påminnelse: Hur var ditt möte med Arbetsförmedlingen?"
        } else {
            "Hur var ditt möte med Arbetsförmedlingen?"
        };
        RatingMessage {
            subject: subject.to_owned(),
            text: format!(
                "Hej {first_name}!\n\n{again}\
                 Du hade ett möte med oss {day}. Vi vill gärna veta hur det var. Det tar en \
                 minut, och du behöver inte logga in:\n\n{link}\n\n\
                 Din arbetsförmedlare ser inte ditt svar. Svaren räknas ihop, och visas bara \
                 när minst fem har svarat. Du kan svara till och med {last}.\n\n\
                 Vänliga hälsningar\nArbetsförmedlingen"
            ),
            sms: format!(
                "Tidbok: Hur var ditt möte med Arbetsförmedlingen {day}? Svara på en minut, \
                 senast {last}: {link}"
            ),
        }
    } else {
        let again = if reminder {
            "We asked a few days ago and have not had an answer. "
        } else {
            ""
        };
        let subject = if reminder {
            "Reminder: How was your meeting with the employment service?"
        } else {
            "How was your meeting with the employment service?"
        };
        RatingMessage {
            subject: subject.to_owned(),
            text: format!(
                "Hello {first_name},\n\n{again}\
                 You had a meeting with us on {day}. We would like to know how it was. It \
                 takes a minute, and you do not need to sign in:\n\n{link}\n\n\
                 Your counsellor does not see your answer. Answers are counted together, and \
                 shown only once at least five have answered. You can answer until {last}.\n\n\
                 Kind regards\nThe employment service"
            ),
            sms: format!(
                "Tidbok: How was your meeting with the employment service on {day}? Answer in a \
                 minute, by {last}: {link}"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_question_links_without_sign_in_and_says_who_sees_the_answer() {
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        let closes = Utc.with_ymd_and_hms(2026, 12, 21, 13, 0, 0).unwrap();
        let link = "https://tidbok.example/betyg/abc";
        let m = compose_rating(false, "Amira", at, closes, link, MessageLanguage::Sv);
        assert_eq!(m.subject, "Hur var ditt möte med Arbetsförmedlingen?");
        assert!(m.text.starts_with("Hej Amira!"));
        assert!(m.text.contains("måndag 7 december 2026"));
        assert!(m.text.contains(link) && m.sms.contains(link));
        assert!(m.text.contains("Din arbetsförmedlare ser inte ditt svar."));
        assert!(m.text.contains("till och med 21 december"));
        let r = compose_rating(true, "Amira", at, closes, link, MessageLanguage::En);
        assert!(r.subject.starts_with("Reminder:"));
        assert!(r.text.contains("have not had an answer"));
        assert!(!m.text.contains("inte fått något svar"));
        assert!(r.text.contains("does not see your answer"));
        assert!(r.sms.chars().count() < 200, "{}", r.sms.chars().count());
    }
}
