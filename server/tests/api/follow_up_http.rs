//! The follow-up picker in a meeting's panel, over HTTP on both databases: the chosen
//! colleague's free times by the slot engine (open time, closed days, the seeker's own
//! meetings), colleagues searched by field and language, booking only what it offers, and
//! who may use it.

use crate::support::{
    browser::{error_of, Browser},
    people, spawn_app, Backend, TestApp,
};
use app::{
    domain::{case::slot_value, time::stockholm_date, Channel, Rule},
    error::AppError,
    views::case_file::FollowUpTimes,
};
use chrono::{Days, Duration, Utc};

on_both_backends!(
    the_follow_up_picker_offers_a_colleagues_free_times,
    colleagues_are_searched_by_field_and_language,
);

const SANNA: &str = "sanna.lindqvist@tidbok.example";
const TIMES: &str = "/api/personal/mote/uppfoljning/tider";
const BOOK: &str = "/api/personal/mote/uppfoljning";

async fn times(browser: &Browser<'_>, booking: i64, query: &[(&str, String)]) -> FollowUpTimes {
    let mut fields = vec![("booking", booking.to_string())];
    fields.extend(query.iter().cloned());
    let res = browser.call(TIMES, &fields).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// A seeker with a first meeting by phone with Sanna that has just ended.
async fn held_meeting(app: &TestApp, n: u32) -> (i64, i64) {
    let (sanna, _) = people::counsellor(app, SANNA).await;
    let seeker = people::register(&app.store, n, &["underskoterska"], None, Utc::now()).await;
    let first = people::phone_meeting(
        &app.store,
        seeker,
        sanna,
        Utc::now() - Duration::minutes(50),
    )
    .await;
    (seeker, first)
}

async fn the_follow_up_picker_offers_a_colleagues_free_times(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let (sanna, office) = people::counsellor(&app, SANNA).await;
    let me = people::staff(&app, SANNA).await;
    let (seeker, first) = held_meeting(&app, 21).await;

    // By default: the meeting's own counsellor and channel, from the day after it.
    let week = times(&me, first, &[]).await;
    assert_eq!(week.chosen, Some((sanna, Channel::Phone)));
    assert_eq!(
        week.counsellors[0].id, sanna,
        "the meeting's counsellor first"
    );
    let meeting = app.store.booking(first).await.unwrap().unwrap();
    let day_after =
        (stockholm_date(meeting.starts_at) + Days::new(1)).max(stockholm_date(Utc::now()));
    assert_eq!(week.from.0, day_after);
    // Every time lies in her open time, is as long as a follow-up, and falls in the week.
    let types = app.store.list_meeting_types().await.unwrap();
    let length = types
        .iter()
        .find(|t| t.code == "follow-up")
        .unwrap()
        .minutes;
    let open = app
        .store
        .list_availability(sanna, Utc::now(), Utc::now() + Duration::days(120))
        .await
        .unwrap();
    let slots: Vec<_> = week.days.iter().flat_map(|(_, s)| s.clone()).collect();
    assert!(
        !slots.is_empty(),
        "the demo gives Sanna open time next week"
    );
    for s in &slots {
        assert_eq!((s.end - s.start).num_minutes(), length);
        assert!(
            open.iter()
                .any(|a| a.starts_at <= s.start && s.end <= a.ends_at),
            "{s:?} is in her open time"
        );
        let day = stockholm_date(s.start);
        assert!(day >= week.from.0 && day < week.from.0 + Days::new(7));
        assert!(app::domain::holidays::holiday_on(day).is_none());
    }

    // An office closure takes its day out; the seeker's own meeting takes its time out.
    let (day, _) = week.days[0].clone();
    app.store
        .add_office_closure(office, day.0, "Personaldag")
        .await
        .unwrap();
    let closed = times(&me, first, &[("query[channel]", "office".into())]).await;
    assert_eq!(closed.chosen, Some((sanna, Channel::Office)));
    assert!(
        closed.days.iter().all(|(d, _)| *d != day),
        "closed day left out"
    );
    let phone = times(&me, first, &[]).await;
    assert!(
        phone.days.iter().all(|(d, _)| *d != day),
        "her office is closed that day, whatever the channel"
    );
    // The seeker has a phone meeting with Karin at one of Sanna's free times.
    let (karin, _) = people::counsellor(&app, "karin.ekstrom@tidbok.example").await;
    let mut taken = None;
    for s in phone.days.iter().flat_map(|(_, s)| s) {
        let made = app
            .store
            .insert_booking(&app::ssr::store::NewBooking {
                with: app::ssr::store::Party::Seeker(seeker),
                counsellor_id: karin,
                meeting_type: "follow-up",
                channel: Channel::Phone,
                office_id: None,
                starts_at: s.start,
                ends_at: s.end,
                clear_until: s.end,
                is_first: false,
                video_room: None,
                now: Utc::now(),
                visit_limit: None,
            })
            .await;
        if made.is_ok() {
            taken = Some(*s);
            break;
        }
    }
    let taken = taken.expect("Karin is free at one of the times");
    let after = times(&me, first, &[]).await;
    assert!(
        after
            .days
            .iter()
            .flat_map(|(_, s)| s)
            .all(|s| s.start >= taken.end || s.end <= taken.start),
        "no time while the seeker is with Karin"
    );

    // Booking: only a time the picker offers; the booked time is gone from it afterwards.
    let chosen = after.days[0].1[0];
    let book = |slot: String| {
        vec![
            ("booking", first.to_string()),
            ("follow_up[counsellor]", sanna.to_string()),
            ("follow_up[channel]", "phone".to_owned()),
            ("follow_up[slot]", slot),
        ]
    };
    let closed_day = slot_value(
        app::domain::time::stockholm_to_utc(
            day.0,
            chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        )
        .unwrap(),
    );
    let refused = me.call(BOOK, &book(closed_day)).await;
    assert_eq!(error_of(refused).await, AppError::Conflict(Rule::NotOpen));
    let nothing = me.call(BOOK, &book(String::new())).await;
    assert!(matches!(error_of(nothing).await, AppError::Validation(e) if e.contains_key("slot")));
    let res = me.call(BOOK, &book(slot_value(chosen.start))).await;
    assert_eq!(res.status(), 200);
    let id: i64 = res.json().await.unwrap();
    let b = app.store.booking(id).await.unwrap().unwrap();
    assert_eq!((b.counsellor_id, b.starts_at), (sanna, chosen.start));
    let again = times(&me, first, &[]).await;
    assert!(again
        .days
        .iter()
        .flat_map(|(_, s)| s)
        .all(|s| s.start >= chosen.end || s.end <= chosen.start));

    // Weeks: the next one starts seven days on; an earlier one than today is never shown.
    let next = times(
        &me,
        first,
        &[("query[from]", (week.from.0 + Days::new(7)).to_string())],
    )
    .await;
    assert_eq!(next.from.0, week.from.0 + Days::new(7));
    assert!(next.has_earlier);
    let past = times(&me, first, &[("query[from]", "2020-01-06".into())]).await;
    assert_eq!(past.from.0, stockholm_date(Utc::now()));
    assert!(!past.has_earlier);

    // A colleague who is not the meeting's counsellor (nor their manager) may not.
    let karin_browser = people::staff(&app, "karin.ekstrom@tidbok.example").await;
    let res = karin_browser
        .call(TIMES, &[("booking", first.to_string())])
        .await;
    assert_eq!(error_of(res).await, AppError::Forbidden);
}

async fn colleagues_are_searched_by_field_and_language(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let me = people::staff(&app, SANNA).await;
    let (_, first) = held_meeting(&app, 23).await;
    let all = app.store.list_counsellors().await.unwrap();
    let it = times(&me, first, &[("query[field]", "data-it".into())]).await;
    assert!(!it.counsellors.is_empty());
    assert_eq!(it.field, "data-it");
    for c in &it.counsellors {
        let row = all.iter().find(|r| r.id == c.id).unwrap();
        assert!(row.fields.iter().any(|f| f == "data-it"), "{}", c.name);
    }
    let expected = all
        .iter()
        .filter(|c| c.fields.iter().any(|f| f == "data-it"))
        .count();
    assert_eq!(it.counsellors.len(), expected);
    // The chosen one is in the list found (Sanna is not in IT).
    let (chosen, _) = it.chosen.unwrap();
    assert!(it.counsellors.iter().any(|c| c.id == chosen));

    let arabic = times(&me, first, &[("query[language]", "ar".into())]).await;
    for c in &arabic.counsellors {
        let row = all.iter().find(|r| r.id == c.id).unwrap();
        assert!(row.languages.iter().any(|l| l == "ar"), "{}", c.name);
    }
    // Nobody: the list is empty and nothing is chosen; unreadable values are ignored.
    let nobody = times(
        &me,
        first,
        &[
            ("query[field]", "data-it".into()),
            ("query[language]", "ti".into()),
        ],
    )
    .await;
    if nobody.counsellors.is_empty() {
        assert_eq!(nobody.chosen, None);
        assert!(nobody.days.is_empty());
    }
    let garbled = times(
        &me,
        first,
        &[
            ("query[field]", "<script>".into()),
            ("query[counsellor]", "x".into()),
        ],
    )
    .await;
    assert_eq!(garbled.field, "");
    assert_eq!(garbled.counsellors.len(), all.len());
}
