use super::*;
use proptest::prelude::*;

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn form() -> OfficeForm {
    OfficeForm {
        name: "Kontor Kiruna".into(),
        street: "Föreningsgatan 11".into(),
        postcode: "981 31".into(),
        city: "Kiruna".into(),
        phone: "0771-60 00 00".into(),
        email: "kiruna@tidbok.example".into(),
        areas: "981, 98 982,981".into(),
        takes_visits: "ja".into(),
        mon: "9-12, 13:00–16:00".into(),
        tue: "09.00-16.00".into(),
        wed: " ".into(),
        thu: "13:00-18:00; 08:30-12:00".into(),
        fri: "9:00–14:00".into(),
        version: "2".into(),
        ..OfficeForm::default()
    }
}

#[test]
fn a_complete_form_is_the_office_with_its_hours() {
    let d = form().parse(false).unwrap();
    assert_eq!(d.name, "Kontor Kiruna");
    assert_eq!(d.address.postcode.value(), 98131);
    assert_eq!(
        d.areas.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        ["98", "981", "982"]
    );
    assert!(d.takes_visits);
    assert_eq!(d.version.map(Version::get), Some(2));
    let thursday: Vec<_> = d
        .hours
        .on(Weekday::Thu)
        .map(|s| (s.opens, s.closes))
        .collect();
    assert_eq!(thursday, [(t(8, 30), t(12, 0)), (t(13, 0), t(18, 0))]);
    assert_eq!(
        d.hours.on(Weekday::Wed).count(),
        0,
        "an empty day is closed"
    );
    let again = d.to_form();
    assert_eq!(again.mon, "09:00–12:00, 13:00–16:00");
    assert_eq!(again.thu, "08:30–12:00, 13:00–18:00");
    assert_eq!(again.wed, "");
    assert_eq!(again.parse(false).unwrap(), d);
    // A new office has no version to name.
    assert_eq!(
        OfficeForm {
            version: String::new(),
            ..form()
        }
        .parse(true)
        .unwrap()
        .version,
        None
    );
}

#[test]
fn each_wrong_field_is_named() {
    let bad = OfficeForm {
        name: " ".into(),
        postcode: "0123".into(),
        phone: "abc".into(),
        areas: "41, 4".into(),
        takes_visits: String::new(),
        mon: "nio till tolv".into(),
        tue: "16:00-09:00".into(),
        wed: "09:00-12:00, 11:00-15:00".into(),
        thu: "9-10,10-11,11-12,12-13,13-14,14-15,15-16".into(),
        fri: "25:00-26:00".into(),
        version: "x".into(),
        ..form()
    };
    let e = bad.parse(false).unwrap_err();
    assert_eq!(e.get("name"), Some(&FieldError::Required));
    assert!(matches!(e.get("postcode"), Some(FieldError::Contact(_))));
    assert!(matches!(e.get("phone"), Some(FieldError::Contact(_))));
    assert_eq!(e.get("areas"), Some(&FieldError::PostcodeArea));
    assert_eq!(e.get("mon"), Some(&FieldError::OpeningSpan));
    assert_eq!(e.get("tue"), Some(&FieldError::ClosesFirst));
    assert_eq!(e.get("wed"), Some(&FieldError::SpansOverlap));
    assert_eq!(e.get("thu"), Some(&FieldError::TooMany));
    assert_eq!(e.get("fri"), Some(&FieldError::OpeningSpan));
    assert_eq!(e.get("_"), Some(&FieldError::Malformed));
    assert!(
        !OfficeForm {
            takes_visits: String::new(),
            ..form()
        }
        .parse(false)
        .unwrap()
        .takes_visits
    );
}

#[test]
fn spans_that_touch_are_two_spans_of_one_day() {
    let spans = day_spans("12:00-16:00, 08:00-12:00", Weekday::Mon).unwrap();
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[0].opens, t(8, 0));
}

#[test]
fn codes_are_made_from_names() {
    assert_eq!(office_code("Kontor Kiruna"), "kiruna");
    assert_eq!(office_code("Kontor Göteborg Centrum"), "goteborg-centrum");
    assert_eq!(office_code("  Malmö / Hyllie  "), "malmo-hyllie");
    assert_eq!(office_code("!!!"), "kontor");
}

#[test]
fn a_closure_is_a_day_from_today_with_a_reason() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let ok = ClosureForm {
        day: "2026-12-06".into(),
        reason: "Planeringsdag".into(),
    }
    .parse(today)
    .unwrap();
    assert_eq!(ok.day, today);
    let e = ClosureForm {
        day: "2026-12-05".into(),
        reason: "".into(),
    }
    .parse(today)
    .unwrap_err();
    assert_eq!(e.get("day"), Some(&FieldError::DateInPast));
    assert_eq!(e.get("reason"), Some(&FieldError::Required));
    let e = ClosureForm {
        day: "6/12".into(),
        reason: "x".into(),
    }
    .parse(today)
    .unwrap_err();
    assert_eq!(e.get("day"), Some(&FieldError::Date));
}

proptest! {
    /// Whatever hours are saved show in the form as the same hours.
    #[test]
    fn saved_hours_read_back_the_same(
        days in proptest::collection::vec(
            proptest::collection::btree_set(0u32..(24 * 4), 0..=6), 7)
    ) {
        // Each day: sorted quarter-hour marks, paired into spans that never overlap.
        let mut f = form();
        for ((_, key), marks) in WEEKDAYS.iter().zip(&days) {
            let marks: Vec<u32> = marks.iter().copied().collect();
            let text: Vec<String> = marks
                .chunks_exact(2)
                .map(|p| format!("{:02}:{:02}-{:02}:{:02}", p[0] / 4, p[0] % 4 * 15, p[1] / 4, p[1] % 4 * 15))
                .collect();
            *f.day_mut(key) = text.join(", ");
        }
        let d = f.parse(false).unwrap();
        prop_assert_eq!(d.to_form().parse(false).unwrap(), d);
    }
}
