//! Preparation tips for a meeting, chosen by rules from how it happens and what the profile
//! says. The words live in the locale files; this decides which tips apply, in what order.

use super::{choices::LanguageCode, Channel};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Tip {
    /// What a first meeting is for: a plan for the job search, made together.
    FirstMeetingCovers,
    /// Bring a photo ID to the office.
    BringId,
    /// Come a few minutes early and say your name at the reception.
    ArriveEarly,
    /// Keep the phone on; the counsellor calls from a withheld or unknown number.
    KeepPhoneOn,
    /// Be somewhere you can talk undisturbed.
    QuietPlace,
    /// Open the link a few minutes before, in a browser; no app is needed.
    TestVideo,
    /// Have your CV at hand, or send it before.
    BringCv,
    /// No CV yet: think about what you have done, paid or not; the counsellor helps with a CV.
    NoCvYet,
    /// Write down the jobs you are looking for and what matters to you.
    ThinkAboutWishes,
    /// An interpreter in this language joins the meeting.
    Interpreter(LanguageCode),
    /// The accessibility needs you gave are known; say if anything changed.
    Accessibility,
}

/// What the rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TipFacts {
    pub channel: Channel,
    pub first_meeting: bool,
    /// The profile lists work experience.
    pub has_experience: bool,
    pub interpreter: Option<LanguageCode>,
    pub accessibility_needs: bool,
}

/// The tips for a meeting, most important first.
pub fn tips(facts: &TipFacts) -> Vec<Tip> {
    let mut tips = Vec::new();
    if facts.first_meeting {
        tips.push(Tip::FirstMeetingCovers);
    }
    if let Some(language) = facts.interpreter {
        tips.push(Tip::Interpreter(language));
    }
    match facts.channel {
        Channel::Office => {
            tips.push(Tip::BringId);
            tips.push(Tip::ArriveEarly);
        }
        Channel::Phone => {
            tips.push(Tip::KeepPhoneOn);
            tips.push(Tip::QuietPlace);
        }
        Channel::Video => {
            tips.push(Tip::TestVideo);
            tips.push(Tip::BringId);
            tips.push(Tip::QuietPlace);
        }
    }
    tips.push(if facts.has_experience {
        Tip::BringCv
    } else {
        Tip::NoCvYet
    });
    if facts.first_meeting {
        tips.push(Tip::ThinkAboutWishes);
    }
    if facts.accessibility_needs && facts.channel == Channel::Office {
        tips.push(Tip::Accessibility);
    }
    tips
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(channel: Channel) -> TipFacts {
        TipFacts {
            channel,
            first_meeting: true,
            has_experience: true,
            interpreter: None,
            accessibility_needs: false,
        }
    }

    #[test]
    fn an_office_visit_needs_id_and_a_phone_call_a_quiet_place() {
        let office = tips(&facts(Channel::Office));
        assert_eq!(
            office,
            [
                Tip::FirstMeetingCovers,
                Tip::BringId,
                Tip::ArriveEarly,
                Tip::BringCv,
                Tip::ThinkAboutWishes
            ]
        );
        let phone = tips(&facts(Channel::Phone));
        assert!(phone.contains(&Tip::KeepPhoneOn) && phone.contains(&Tip::QuietPlace));
        assert!(!phone.contains(&Tip::BringId));
        let video = tips(&facts(Channel::Video));
        assert!(video.contains(&Tip::TestVideo) && video.contains(&Tip::BringId));
    }

    #[test]
    fn the_profile_changes_the_tips() {
        let newcomer = TipFacts {
            has_experience: false,
            interpreter: Some(LanguageCode::Ti),
            accessibility_needs: true,
            ..facts(Channel::Office)
        };
        let list = tips(&newcomer);
        assert_eq!(
            list[1],
            Tip::Interpreter(LanguageCode::Ti),
            "the interpreter comes early"
        );
        assert!(list.contains(&Tip::NoCvYet) && !list.contains(&Tip::BringCv));
        assert!(list.contains(&Tip::Accessibility));
        let follow_up = TipFacts {
            first_meeting: false,
            ..facts(Channel::Phone)
        };
        assert!(!tips(&follow_up).contains(&Tip::FirstMeetingCovers));
    }

    #[test]
    fn every_combination_has_tips_and_no_repeats() {
        for channel in Channel::ALL {
            for bits in 0..16u8 {
                let f = TipFacts {
                    channel,
                    first_meeting: bits & 1 != 0,
                    has_experience: bits & 2 != 0,
                    interpreter: (bits & 4 != 0).then_some(LanguageCode::Ar),
                    accessibility_needs: bits & 8 != 0,
                };
                let list = tips(&f);
                assert!(list.len() >= 3, "{f:?}");
                let unique: std::collections::HashSet<_> = list.iter().collect();
                assert_eq!(unique.len(), list.len(), "{f:?}");
            }
        }
    }
}
