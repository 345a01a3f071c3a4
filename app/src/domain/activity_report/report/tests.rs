use super::*;
use proptest::prelude::*;

fn april() -> ReportPeriod {
    ReportPeriod::parse("2027-04").unwrap()
}

fn applied(date: &str) -> ActivityForm {
    ActivityForm {
        kind: "sokt".into(),
        date: date.into(),
        title: "Lagerarbetare".into(),
        organisation: "Postnord".into(),
        town: "Borås".into(),
        way: "annons".into(),
        stage: "skickad".into(),
    }
}

fn course(date: &str) -> ActivityForm {
    ActivityForm {
        kind: "utbildning".into(),
        date: date.into(),
        title: "sfi kurs C".into(),
        ..ActivityForm::default()
    }
}

fn not_worked() -> ReportForm {
    ReportForm {
        worked: "nej".into(),
        ..ReportForm::default()
    }
}

#[test]
fn a_report_with_two_applications_and_a_course_is_sent_as_typed() {
    let form = ReportForm {
        activities: vec![
            applied("2027-04-01"),
            applied("2027-04-30"),
            course("2027-04-12"),
        ],
        ..not_worked()
    };
    let report = form.parse(april(), &[]).unwrap();
    assert_eq!(report.count_of(ActivityKind::Applied), 2);
    assert_eq!(report.count_of(ActivityKind::Course), 1);
    assert_eq!(report.activity_count(), 3);
    assert_eq!(report.work, None);
    assert_eq!(report.none_reason, None);
    let first = &report.activities[0];
    assert_eq!(first.way, Some(ApplicationWay::Advertised));
    assert_eq!(first.stage, Some(Stage::Sent));
    // The course asks neither how nor how far: nothing is kept for them.
    assert_eq!(
        (report.activities[2].way, report.activities[2].stage),
        (None, None)
    );
}

#[test]
fn every_activity_is_dated_inside_the_month_reported() {
    let form = ReportForm {
        activities: vec![
            applied("2027-03-31"),
            applied("2027-05-01"),
            applied("2027-04-31"),
            applied(""),
            applied("30/4"),
        ],
        ..not_worked()
    };
    let e = form.parse(april(), &[]).unwrap_err();
    assert_eq!(e["activities.0.date"], FieldError::DateOutsidePeriod);
    assert_eq!(e["activities.1.date"], FieldError::DateOutsidePeriod);
    assert_eq!(e["activities.2.date"], FieldError::Date);
    assert_eq!(e["activities.3.date"], FieldError::Required);
    assert_eq!(e["activities.4.date"], FieldError::Date);
}

#[test]
fn each_kind_asks_for_its_own_fields() {
    let empty = |kind: &str| ActivityForm {
        kind: kind.into(),
        date: "2027-04-05".into(),
        ..ActivityForm::default()
    };
    let form = ReportForm {
        activities: ActivityKind::ALL.iter().map(|k| empty(k.code())).collect(),
        ..not_worked()
    };
    let e = form.parse(april(), &[]).unwrap_err();
    let missing = |i: usize| {
        let mut fields: Vec<&str> = e
            .keys()
            .filter_map(|k| k.strip_prefix(&format!("activities.{i}.")))
            .collect();
        fields.sort_unstable();
        fields
    };
    assert_eq!(missing(0), ["organisation", "stage", "title", "way"]);
    assert_eq!(missing(1), ["organisation", "title"]);
    assert_eq!(missing(2), ["title"]);
    assert_eq!(missing(3), ["organisation"]);
    assert_eq!(missing(4), ["title"]);
    assert_eq!(missing(5), ["title"]);
    assert!(e.values().all(|v| *v == FieldError::Required));
}

#[test]
fn an_unknown_kind_or_choice_is_refused() {
    let mut bad = applied("2027-04-02");
    bad.way = "kompis".into();
    bad.stage = "anställd-igår".into();
    let form = ReportForm {
        activities: vec![
            bad,
            ActivityForm {
                kind: "semester".into(),
                ..course("2027-04-02")
            },
        ],
        ..not_worked()
    };
    let e = form.parse(april(), &[]).unwrap_err();
    assert_eq!(e["activities.0.way"], FieldError::Choice);
    assert_eq!(e["activities.0.stage"], FieldError::Choice);
    assert_eq!(e["activities.1.kind"], FieldError::Malformed);
}

#[test]
fn no_activities_needs_a_reason() {
    let e = not_worked().parse(april(), &[]).unwrap_err();
    assert_eq!(e["none_reason"], FieldError::NoActivities);
    let form = ReportForm {
        none_reason: "  Sjuk hela månaden  ".into(),
        ..not_worked()
    };
    let report = form.parse(april(), &[]).unwrap();
    assert_eq!(report.none_reason.as_deref(), Some("Sjuk hela månaden"));
    assert_eq!(report.activity_count(), 0);
    // With activities the reason is not asked for, and not kept.
    let form = ReportForm {
        activities: vec![course("2027-04-03")],
        none_reason: "Sjuk".into(),
        ..not_worked()
    };
    assert_eq!(form.parse(april(), &[]).unwrap().none_reason, None);
}

#[test]
fn meetings_of_the_month_are_each_confirmed_never_counted_silently() {
    let mut form = ReportForm {
        none_reason: String::new(),
        ..not_worked()
    };
    form.meetings = ReportForm::starting_with(&[7, 9]).meetings;
    let e = form.parse(april(), &[7, 9]).unwrap_err();
    assert_eq!(e["meetings.0.done"], FieldError::Required);
    assert_eq!(e["meetings.1.done"], FieldError::Required);
    form.meetings[0].done = "ja".into();
    form.meetings[1].done = "nej".into();
    let report = form.parse(april(), &[7, 9]).unwrap();
    assert_eq!(
        report.meetings,
        [
            MeetingAnswer {
                booking_id: 7,
                done: true
            },
            MeetingAnswer {
                booking_id: 9,
                done: false
            }
        ]
    );
    // A meeting held is an activity: no reason is needed.
    assert_eq!(report.activity_count(), 1);
    // The form must answer exactly the month's meetings, in any order.
    assert!(form.parse(april(), &[9, 7]).is_ok());
    let e = form.parse(april(), &[7, 9, 11]).unwrap_err();
    assert_eq!(e["_"], FieldError::Malformed);
    let e = form.parse(april(), &[7]).unwrap_err();
    assert_eq!(e["_"], FieldError::Malformed);
}

#[test]
fn work_is_days_and_hours_within_the_month() {
    let worked = |days: &str, hours: &str| ReportForm {
        worked: "ja".into(),
        days_worked: days.into(),
        hours_worked: hours.into(),
        activities: vec![course("2027-04-03")],
        ..ReportForm::default()
    };
    let report = worked(" 3 ", "22").parse(april(), &[]).unwrap();
    assert_eq!(report.work, Some(WorkDone { days: 3, hours: 22 }));
    let e = worked("31", "25").parse(april(), &[]).unwrap_err();
    assert_eq!(e["days_worked"], FieldError::Days);
    let e = worked("1", "25").parse(april(), &[]).unwrap_err();
    assert_eq!(e["hours_worked"], FieldError::Hours);
    let e = worked("", "7,5").parse(april(), &[]).unwrap_err();
    assert_eq!(e["days_worked"], FieldError::Required);
    assert_eq!(e["hours_worked"], FieldError::Hours);
    assert!(worked("30", "720").parse(april(), &[]).is_ok());
    // February 2028 has 29 days.
    let feb = ReportPeriod::parse("2028-02").unwrap();
    let mut form = worked("29", "8");
    form.activities[0].date = "2028-02-29".into();
    assert!(form.parse(feb, &[]).is_ok());
    // Not worked: what was typed in the hours stays in the form, but is not reported.
    let mut form = worked("3", "22");
    form.worked = "nej".into();
    assert_eq!(form.parse(april(), &[]).unwrap().work, None);
    let e = ReportForm::default().parse(april(), &[]).unwrap_err();
    assert_eq!(e["worked"], FieldError::Required);
}

#[test]
fn a_sent_report_becomes_the_same_form_again_for_a_correction() {
    let mut form = ReportForm {
        activities: vec![applied("2027-04-01"), course("2027-04-12")],
        worked: "ja".into(),
        days_worked: "2".into(),
        hours_worked: "16".into(),
        ..ReportForm::starting_with(&[5])
    };
    form.meetings[0].done = "ja".into();
    let report = form.parse(april(), &[5]).unwrap();
    let again = report.to_form();
    assert_eq!(again.parse(april(), &[5]), Ok(report));
}

#[test]
fn activities_are_added_by_kind_up_to_a_limit() {
    let mut form = ReportForm::default();
    assert_eq!(form.add("intervju"), Some(0));
    assert_eq!(form.activities[0].kind, "intervju");
    assert_eq!(form.add("semester"), None);
    for _ in 1..MAX_ACTIVITIES {
        form.add("sokt");
    }
    assert_eq!(form.add("sokt"), None);
    assert_eq!(form.activities.len(), MAX_ACTIVITIES);
}

#[test]
fn the_browser_checks_the_posted_pairs_as_the_server_does() {
    let pairs = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect::<Vec<_>>()
    };
    let errors = check_posted(
        april(),
        pairs(&[
            ("form[meetings][0][booking]", "12"),
            ("form[activities][0][kind]", "sokt"),
            ("form[activities][0][date]", "2027-05-02"),
            ("form[worked]", "nej"),
            ("intent", "next"),
        ]),
    );
    assert_eq!(errors["meetings.0.done"], FieldError::Required);
    assert_eq!(errors["activities.0.date"], FieldError::DateOutsidePeriod);
    assert_eq!(errors["activities.0.title"], FieldError::Required);
    assert!(!errors.contains_key("_"));
    let fine = check_posted(
        april(),
        pairs(&[("form[worked]", "nej"), ("form[none_reason]", "Sjuk")]),
    );
    assert!(fine.is_empty());
}

proptest! {
    /// Whatever is typed, parsing never panics, and a report that parses turns into a form
    /// that parses to the same report.
    #[test]
    fn any_typed_report_parses_or_names_its_fields(
        kinds in proptest::collection::vec(0usize..7, 0..5),
        day in 0u32..40,
        title in "\\PC{0,8}",
        worked in prop_oneof!["ja", "nej", ""],
        days in "[0-9]{0,3}",
        hours in "[0-9]{0,4}",
        reason in "\\PC{0,6}",
    ) {
        let kind_codes = ["sokt", "intervju", "utbildning", "praktik", "vagledning", "annat", "x"];
        let form = ReportForm {
            activities: kinds.iter().map(|k| ActivityForm {
                kind: kind_codes[*k].into(),
                date: format!("2027-04-{day:02}"),
                title: title.clone(),
                organisation: title.clone(),
                way: "tips".into(),
                stage: "erbjuden".into(),
                ..ActivityForm::default()
            }).collect(),
            worked: worked.to_owned(),
            days_worked: days,
            hours_worked: hours,
            none_reason: reason,
            ..ReportForm::default()
        };
        match form.parse(april(), &[]) {
            Ok(report) => {
                prop_assert!(report.activities.iter().all(|a| april().contains(a.date)));
                prop_assert_eq!(report.to_form().parse(april(), &[]), Ok(report.clone()));
                if let Some(w) = report.work {
                    prop_assert!(w.days >= 1 && w.days <= 30 && w.hours <= w.days * 24);
                }
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }
}
