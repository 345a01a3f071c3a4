//! The rules of the service that can refuse a change someone asked for. One list, from the
//! database constraint (mapped in `ssr::store::rules`) or the service's own check, over the
//! wire (as the snake_case name) to the sentence on screen. Nothing compares a rule by text.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The counsellor has another meeting then (its buffer after included).
    BookingOverlap,
    /// Open time would overlap the counsellor's other open time.
    AvailabilityOverlap,
    /// Shrinking or removing open time would leave a booked meeting outside it.
    AvailabilityHasBooking,
    /// The office's reception has no place left in that hour.
    OfficeCapacity,
    /// A job seeker has one first meeting at a time.
    OneFirstMeeting,
    /// Another job seeker has this email.
    SeekerEmailTaken,
    /// This personal identity number is registered already.
    SeekerPersonalNumberTaken,
    /// Another staff account has this email.
    StaffEmailTaken,
    /// Another office has this code.
    OfficeCodeTaken,
    /// Open time cannot start in the past.
    OpenTimePast,
    /// The counsellor has no open time then.
    NotOpen,
    /// The counsellor does not meet people in that channel.
    ChannelNotOffered,
    /// An outcome is set once, after the meeting has begun.
    OutcomeNotNow,
    /// Only a booked meeting that has not ended can be moved.
    MoveNotNow,
    /// Arrival is for booked office visits only.
    NotAVisit,
    /// A visitor is fetched only after they have arrived.
    NotArrived,
    /// "Jag är här" opens an hour before the visit and closes when it ends.
    CheckInClosed,
    /// The chosen time went to someone else meanwhile.
    Taken,
    /// The job seeker has booked a first meeting already.
    AlreadyBooked,
    /// The job seeker has another meeting at that time.
    SeekerOverlap,
    /// Only a booked meeting that has not begun can be cancelled.
    CancelNotNow,
    /// A recorded outcome can be changed until the end of the next working day.
    CorrectionClosed,
    /// A mark at reception can be undone only within a minute.
    UndoClosed,
    /// The first meeting has been held: what comes next is booked with the counsellor.
    FirstMeetingHeld,
    /// The service would be left without an active administrator.
    LastAdmin,
    /// Someone else changed the record since the form was drawn.
    EditedMeanwhile,
    /// Two opening spans of one day would overlap.
    OpeningOverlap,
    /// Another office serves this postcode area.
    PostcodeAreaTaken,
    /// This version of the month's activity report has been sent already.
    ReportAlreadySent,
    /// This organisation number is registered already.
    EmployerOrgNumberTaken,
    /// Another employer's user has this email.
    EmployerEmailTaken,
    /// The question after a meeting is answered already, or closed (or no such question).
    RatingClosed,
}

impl Rule {
    pub const ALL: [Rule; 32] = [
        Rule::BookingOverlap,
        Rule::AvailabilityOverlap,
        Rule::AvailabilityHasBooking,
        Rule::OfficeCapacity,
        Rule::OneFirstMeeting,
        Rule::SeekerEmailTaken,
        Rule::SeekerPersonalNumberTaken,
        Rule::StaffEmailTaken,
        Rule::OfficeCodeTaken,
        Rule::OpenTimePast,
        Rule::NotOpen,
        Rule::ChannelNotOffered,
        Rule::OutcomeNotNow,
        Rule::MoveNotNow,
        Rule::NotAVisit,
        Rule::NotArrived,
        Rule::CheckInClosed,
        Rule::Taken,
        Rule::AlreadyBooked,
        Rule::SeekerOverlap,
        Rule::CancelNotNow,
        Rule::CorrectionClosed,
        Rule::UndoClosed,
        Rule::FirstMeetingHeld,
        Rule::LastAdmin,
        Rule::EditedMeanwhile,
        Rule::OpeningOverlap,
        Rule::PostcodeAreaTaken,
        Rule::ReportAlreadySent,
        Rule::EmployerOrgNumberTaken,
        Rule::EmployerEmailTaken,
        Rule::RatingClosed,
    ];

    /// The time asked for is no longer free: the counsellor's, or the office's last place
    /// that hour.
    pub fn is_taken(self) -> bool {
        matches!(
            self,
            Rule::BookingOverlap | Rule::OfficeCapacity | Rule::Taken
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn rules_cross_the_wire_by_the_names_the_browser_knows() {
        let wire = |r: Rule| serde_json::to_string(&r).unwrap();
        assert_eq!(wire(Rule::BookingOverlap), "\"booking_overlap\"");
        assert_eq!(
            wire(Rule::AvailabilityHasBooking),
            "\"availability_has_booking\""
        );
        assert_eq!(wire(Rule::NotAVisit), "\"not_a_visit\"");
        assert_eq!(wire(Rule::OpenTimePast), "\"open_time_past\"");
        for rule in Rule::ALL {
            let back: Rule = serde_json::from_str(&wire(rule)).unwrap();
            assert_eq!(back, rule);
        }
    }

    /// A new rule fails to compile here until it has a number, and fails the test until it
    /// is in `Rule::ALL` too (the contract tests walk that list).
    fn ordinal(rule: Rule) -> usize {
        match rule {
            Rule::BookingOverlap => 0,
            Rule::AvailabilityOverlap => 1,
            Rule::AvailabilityHasBooking => 2,
            Rule::OfficeCapacity => 3,
            Rule::OneFirstMeeting => 4,
            Rule::SeekerEmailTaken => 5,
            Rule::SeekerPersonalNumberTaken => 6,
            Rule::StaffEmailTaken => 7,
            Rule::OfficeCodeTaken => 8,
            Rule::OpenTimePast => 9,
            Rule::NotOpen => 10,
            Rule::ChannelNotOffered => 11,
            Rule::OutcomeNotNow => 12,
            Rule::MoveNotNow => 13,
            Rule::NotAVisit => 14,
            Rule::NotArrived => 15,
            Rule::CheckInClosed => 16,
            Rule::Taken => 17,
            Rule::AlreadyBooked => 18,
            Rule::SeekerOverlap => 19,
            Rule::CancelNotNow => 20,
            Rule::CorrectionClosed => 21,
            Rule::UndoClosed => 22,
            Rule::FirstMeetingHeld => 23,
            Rule::LastAdmin => 24,
            Rule::EditedMeanwhile => 25,
            Rule::OpeningOverlap => 26,
            Rule::PostcodeAreaTaken => 27,
            Rule::ReportAlreadySent => 28,
            Rule::EmployerOrgNumberTaken => 29,
            Rule::EmployerEmailTaken => 30,
            Rule::RatingClosed => 31,
        }
    }

    #[test]
    fn all_lists_every_rule_once() {
        let ordinals: Vec<usize> = Rule::ALL.iter().map(|r| ordinal(*r)).collect();
        assert_eq!(ordinals, (0..Rule::ALL.len()).collect::<Vec<_>>());
    }
}
