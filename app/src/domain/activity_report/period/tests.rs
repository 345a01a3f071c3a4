use super::*;
use crate::domain::time::in_stockholm;
use chrono::{Duration, TimeZone};
use proptest::prelude::*;

fn local(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    stockholm_to_utc(
        NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        NaiveTime::from_hms_opt(h, min, s).unwrap(),
    )
    .unwrap()
}

fn month(code: &str) -> ReportPeriod {
    ReportPeriod::parse(code).unwrap()
}

#[test]
fn in_may_you_report_april_until_the_fourteenth_ends() {
    let april = month("2027-04");
    assert_eq!(ReportPeriod::due_at(local(2027, 5, 3, 12, 0, 0)), april);
    assert_eq!(april.opens_at(), local(2027, 5, 1, 0, 0, 0));
    assert_eq!(
        april.deadline_day(),
        NaiveDate::from_ymd_opt(2027, 5, 14).unwrap()
    );
    let on_time = local(2027, 5, 14, 23, 59, 59);
    let late = local(2027, 5, 15, 0, 0, 0);
    assert_eq!(
        status(april, Some(on_time), false, late),
        ReportStatus::Sent
    );
    assert_eq!(
        status(april, Some(late), false, late),
        ReportStatus::SentLate
    );
    assert_eq!(status(april, None, true, on_time), ReportStatus::Draft);
    assert_eq!(
        status(april, None, false, on_time),
        ReportStatus::NotStarted
    );
    assert_eq!(status(april, None, true, late), ReportStatus::Late);
}

#[test]
fn month_ends_and_leap_years() {
    assert_eq!(
        month("2028-02").last_day(),
        NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
    );
    assert_eq!(
        month("2027-02").last_day(),
        NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()
    );
    assert_eq!(month("2026-12").next(), month("2027-01"));
    assert_eq!(month("2027-01").previous(), month("2026-12"));
    // December is reported in January of the next year.
    assert_eq!(
        ReportPeriod::due_at(local(2027, 1, 1, 0, 0, 0)),
        month("2026-12")
    );
    assert_eq!(
        ReportPeriod::due_at(local(2026, 12, 31, 23, 59, 59)),
        month("2026-11")
    );
    assert_eq!(month("2026-12").late_from(), local(2027, 1, 15, 0, 0, 0));
    assert!(month("2028-02").contains(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()));
    assert!(!month("2028-02").contains(NaiveDate::from_ymd_opt(2028, 3, 1).unwrap()));
    for bad in ["2027-4", "27-04", "2027-13", "2027-00", "april", ""] {
        assert_eq!(ReportPeriod::parse(bad), None, "{bad:?}");
    }
    assert_eq!(month("2027-04").code(), "2027-04");
}

#[test]
fn daylight_saving_time_moves_no_deadline() {
    // Summer time starts 28 March 2027: March's report opens at midnight summer time,
    // 22:00 UTC, and October's (winter time from 31 October) at 23:00 UTC.
    assert_eq!(
        month("2027-03").opens_at(),
        Utc.with_ymd_and_hms(2027, 3, 31, 22, 0, 0).unwrap()
    );
    assert_eq!(
        month("2027-10").opens_at(),
        Utc.with_ymd_and_hms(2027, 10, 31, 23, 0, 0).unwrap()
    );
    assert_eq!(
        month("2027-10").late_from(),
        Utc.with_ymd_and_hms(2027, 11, 14, 23, 0, 0).unwrap()
    );
    // The night the clocks go back (31 October, 02:00–03:00 happens twice): October has not
    // ended, so September's report is the one due, and it is late by then.
    let ambiguous = Utc.with_ymd_and_hms(2027, 10, 31, 0, 30, 0).unwrap();
    assert_eq!(ReportPeriod::due_at(ambiguous), month("2027-09"));
    assert_eq!(
        status(month("2027-09"), None, false, ambiguous),
        ReportStatus::Late
    );
}

#[test]
fn reminders_on_the_first_the_tenth_and_after_the_fourteenth() {
    let april = month("2027-04");
    assert_eq!(
        reminder_due(april, false, local(2027, 4, 30, 23, 59, 59)),
        None
    );
    assert_eq!(
        reminder_due(april, false, local(2027, 5, 1, 0, 0, 0)),
        Some(Reminder::Opened)
    );
    assert_eq!(
        reminder_due(april, false, local(2027, 5, 10, 8, 0, 0)),
        Some(Reminder::Nudge)
    );
    assert_eq!(
        reminder_due(april, false, local(2027, 5, 15, 0, 0, 0)),
        Some(Reminder::Missed)
    );
    assert_eq!(reminder_due(april, true, local(2027, 5, 15, 0, 0, 0)), None);
}

#[test]
fn a_month_is_written_yyyy_mm_in_addresses_and_on_the_wire() {
    assert_eq!(month("2027-04").code(), "2027-04");
    for bad in [
        "2027-4", "27-04", "2027-13", "2027-00", "-202-04", "2027-+4", "april",
    ] {
        assert_eq!(ReportPeriod::parse(bad), None, "{bad}");
    }
    let wire = serde_json::to_string(&month("2028-02")).unwrap();
    assert_eq!(wire, "\"2028-02\"");
    assert_eq!(
        serde_json::from_str::<ReportPeriod>(&wire).unwrap(),
        month("2028-02")
    );
    assert!(serde_json::from_str::<ReportPeriod>("\"2028-14\"").is_err());
    assert_eq!(month("2026-12").next(), month("2027-01"));
    assert_eq!(month("2027-01").previous(), month("2026-12"));
}

#[test]
fn the_months_to_report_run_from_registration_to_the_one_due() {
    // Registered on 31 January at 23:30 Stockholm time (22:30 UTC): January is reported.
    let registered = local(2027, 1, 31, 23, 30, 0);
    let months = |now| {
        reportable(registered, now, 12)
            .into_iter()
            .map(ReportPeriod::code)
            .collect::<Vec<_>>()
    };
    assert!(months(local(2027, 1, 31, 23, 59, 0)).is_empty());
    assert_eq!(months(local(2027, 2, 1, 0, 0, 0)), ["2027-01"]);
    assert_eq!(
        months(local(2027, 4, 20, 12, 0, 0)),
        ["2027-03", "2027-02", "2027-01"]
    );
    assert_eq!(
        reportable(registered, local(2029, 1, 1, 0, 0, 0), 12).len(),
        12
    );
    assert_eq!(month("2026-12").day_count(), 31);
    assert_eq!(month("2028-02").day_count(), 29);
    assert_eq!(month("2027-02").day_count(), 28);
}

#[test]
fn a_month_before_registration_has_no_report() {
    let april = month("2027-04");
    assert!(april.applies_to(local(2027, 4, 30, 23, 59, 0)));
    assert!(!april.applies_to(local(2027, 5, 1, 0, 0, 0)));
    // Registered late on 30 April UTC is 1 May in Stockholm: no April report.
    assert!(!april.applies_to(Utc.with_ymd_and_hms(2027, 4, 30, 22, 30, 0).unwrap()));
}

proptest! {
    /// Every instant lies in exactly one reporting window: the period due then opened
    /// before it, and the next one opens after it. The window is exactly 14 Stockholm days.
    #[test]
    fn every_instant_has_one_period_due(secs in 1_700_000_000i64..2_100_000_000) {
        let now = DateTime::from_timestamp(secs, 0).unwrap();
        let due = ReportPeriod::due_at(now);
        prop_assert!(due.opens_at() <= now);
        prop_assert!(now < due.next().opens_at());
        let opens = in_stockholm(due.opens_at());
        let late = in_stockholm(due.late_from());
        prop_assert_eq!(late.date_naive() - opens.date_naive(), chrono::TimeDelta::days(14));
        prop_assert_eq!(opens.time(), NaiveTime::MIN);
        prop_assert_eq!(late.time(), NaiveTime::MIN);
        // A second before the deadline is on time; the deadline itself is late.
        let last = due.late_from() - Duration::seconds(1);
        prop_assert_eq!(status(due, Some(last), false, now), ReportStatus::Sent);
        prop_assert_eq!(status(due, Some(due.late_from()), false, now), ReportStatus::SentLate);
    }
}
