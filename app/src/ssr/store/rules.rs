//! The one table from a database's name for a refused change to the rule it stands for.
//! SQLite triggers raise their rule's name as the message and say "UNIQUE constraint failed:
//! table.column" for a unique column; PostgreSQL names the constraint or index. A name not
//! in this table is a fault of ours (a constraint the code does not expect to be hit), so it
//! is logged and answered as an internal error, never shown as a vague refusal.

use crate::domain::Rule;

const SCHEMA_RULES: &[(&str, Rule)] = &[
    // SQLite: the triggers' RAISE message. PostgreSQL: the exclusion constraints' names.
    ("booking_overlap", Rule::BookingOverlap),
    ("seeker_overlap", Rule::SeekerOverlap),
    ("availability_overlap", Rule::AvailabilityOverlap),
    // One live first meeting per seeker: a partial unique index on both.
    ("bookings_one_first_meeting", Rule::OneFirstMeeting),
    ("bookings.seeker_id", Rule::OneFirstMeeting),
    ("seekers_email_key", Rule::SeekerEmailTaken),
    ("seekers.email", Rule::SeekerEmailTaken),
    (
        "seekers_personal_number_key",
        Rule::SeekerPersonalNumberTaken,
    ),
    ("seekers.personal_number", Rule::SeekerPersonalNumberTaken),
    ("staff_email_key", Rule::StaffEmailTaken),
    ("staff.email", Rule::StaffEmailTaken),
    // A counsellor's address is their staff account's too.
    ("counsellors_email_key", Rule::StaffEmailTaken),
    ("counsellors.email", Rule::StaffEmailTaken),
    // Both: a trigger that keeps one active administrator.
    ("last_admin", Rule::LastAdmin),
    ("offices_code_key", Rule::OfficeCodeTaken),
    ("offices.code", Rule::OfficeCodeTaken),
    // Both: a trigger on an office's opening spans of one day.
    ("opening_overlap", Rule::OpeningOverlap),
    // A unique index on both.
    ("office_postcode_areas_area", Rule::PostcodeAreaTaken),
    ("office_postcode_areas.area", Rule::PostcodeAreaTaken),
    // A month's report: one of each version, and one correction of each (unique indexes).
    ("activity_reports_version", Rule::ReportAlreadySent),
    (
        "activity_reports.seeker_id, activity_reports.period, activity_reports.version",
        Rule::ReportAlreadySent,
    ),
    ("activity_reports_replaces", Rule::ReportAlreadySent),
    ("activity_reports.replaces_id", Rule::ReportAlreadySent),
    ("employers_org_number_key", Rule::EmployerOrgNumberTaken),
    ("employers.org_number", Rule::EmployerOrgNumberTaken),
    ("employer_users_email_key", Rule::EmployerEmailTaken),
    ("employer_users.email", Rule::EmployerEmailTaken),
];

/// The rule a database's constraint, index or trigger name stands for.
pub(crate) fn rule_named(name: &str) -> Option<Rule> {
    SCHEMA_RULES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, rule)| *rule)
}

/// Every name the table knows, for the contract tests.
pub fn schema_rule_names() -> impl Iterator<Item = (&'static str, Rule)> {
    SCHEMA_RULES.iter().copied()
}
