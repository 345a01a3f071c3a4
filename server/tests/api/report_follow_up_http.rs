//! The office follows up its job seekers' monthly reports over HTTP: the list of a month's
//! status for everyone at the office, filtered by counsellor and written to the access log;
//! refused to staff of other offices; the figures page and its CSV counting reports sent
//! online and on time; the meeting panel marking the month due while it is not sent. Both
//! databases.

use crate::support::{browser::Browser, people, spawn_app, Backend, TestApp};
use app::{
    domain::activity_report::period::ReportPeriod,
    ssr::store::{CounsellorRow, NewReport},
};
use chrono::{DateTime, Duration, Utc};

on_both_backends!(
    the_office_list_shows_each_persons_month_by_counsellor,
    the_list_is_for_the_office_and_says_what_it_cannot_read,
    figures_count_reports_sent_online_and_on_time,
);

const LIST: &str = "/personal/kontor/aktivitetsrapporter";

fn due() -> ReportPeriod {
    ReportPeriod::due_at(Utc::now())
}

/// Three people registered 70 days ago near Göteborg (seekers `n`, `n+1`, `n+2`), one
/// registered today (`n+3`); their office and its first two counsellors.
async fn office_with_people(
    app: &TestApp,
    n: u32,
) -> ([i64; 4], i64, CounsellorRow, CounsellorRow) {
    let registered = Utc::now() - Duration::days(70);
    let mut ids = [0; 4];
    for (i, id) in ids.iter_mut().take(3).enumerate() {
        *id = people::register(
            &app.store,
            n + i as u32,
            &["underskoterska"],
            None,
            registered,
        )
        .await;
    }
    ids[3] = people::register(&app.store, n + 3, &["underskoterska"], None, Utc::now()).await;
    let office = app
        .store
        .seeker_reach(ids[0])
        .await
        .unwrap()
        .unwrap()
        .home_office
        .unwrap();
    let mut at_office = app
        .store
        .list_counsellors()
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.office_id == office);
    let first = at_office.next().expect("a counsellor at the office");
    let second = at_office.next().expect("two counsellors at the office");
    (ids, office, first, second)
}

async fn name(app: &TestApp, seeker: i64) -> String {
    let p = app.store.seeker_profile(seeker).await.unwrap().unwrap();
    format!("{} {}", p.first_name, p.last_name)
}

/// The table row of the page that names `who`, if any.
fn row<'p>(page: &'p str, who: &str) -> Option<&'p str> {
    page.split("<tr").find(|r| r.contains(who))
}

/// A phone meeting far ahead at night, clear of the demo's bookings.
async fn meeting(app: &TestApp, seeker: i64, counsellor: i64, days: i64) -> i64 {
    let starts = (Utc::now() + Duration::days(days))
        .date_naive()
        .and_hms_opt(2, 0, 0)
        .unwrap()
        .and_utc();
    people::phone_meeting(&app.store, seeker, counsellor, starts).await
}

fn sent(seeker_id: i64, period: ReportPeriod, sent_at: DateTime<Utc>) -> NewReport<'static> {
    NewReport {
        seeker_id,
        period,
        based_on: 0,
        sent_at,
        on_time: sent_at < period.late_from(),
        activity_count: 1,
        hours_worked: 0,
        body: r#"{"meetings":[],"activities":[],"work":null,"none_reason":"Sjuk"}"#,
    }
}

async fn the_office_list_shows_each_persons_month_by_counsellor(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let ([a, b, c, fresh], _, first, second) = office_with_people(&app, 61).await;
    meeting(&app, a, first.id, 120).await;
    let c_meeting = meeting(&app, c, second.id, 121).await;
    let sent_at = due().opens_at() + Duration::hours(30);
    app.store
        .send_report(&sent(a, due(), sent_at))
        .await
        .unwrap();
    app.store
        .save_report_draft(b, due(), 0, "{}", Utc::now())
        .await
        .unwrap();
    let (na, nb, nc, nf) = (
        name(&app, a).await,
        name(&app, b).await,
        name(&app, c).await,
        name(&app, fresh).await,
    );
    let late = Utc::now() >= due().late_from();

    let staff = people::staff(&app, &first.email).await;
    let (status, page) = staff.get(LIST).await;
    assert_eq!(status, 200);
    assert!(page.contains("Aktivitetsrapporter"), "{page}");
    assert!(page.contains("skrivs in i åtkomstloggen"));
    let ra = row(&page, &na).expect("a is listed");
    assert!(
        ra.contains(">Skickad<")
            && ra.contains(&format!("{} {}", first.first_name, first.last_name))
    );
    assert!(ra.contains("Öppna senaste mötet"));
    let rb = row(&page, &nb).expect("b is listed");
    let rc = row(&page, &nc).expect("c is listed");
    if late {
        assert!(rb.contains("Inte skickad i tid") && rc.contains("Inte skickad i tid"));
    } else {
        assert!(rb.contains("Utkast sparat"), "{rb}");
        assert!(rc.contains("Inte påbörjad"), "{rc}");
    }
    assert!(
        row(&page, &nf).is_none(),
        "registered after the month: no report"
    );

    // By counsellor: a is the first counsellor's, c the second's; b has no meeting.
    let (_, page) = staff.get(&format!("{LIST}?radgivare={}", first.id)).await;
    assert!(row(&page, &na).is_some() && row(&page, &nb).is_none() && row(&page, &nc).is_none());
    let (_, page) = staff.get(&format!("{LIST}?radgivare={}", second.id)).await;
    assert!(row(&page, &na).is_none() && row(&page, &nc).is_some());
    let (_, page) = staff.get(&format!("{LIST}?radgivare=ingen")).await;
    assert!(row(&page, &na).is_none() && row(&page, &nb).is_some() && row(&page, &nc).is_none());

    // The case opens from the list; its timeline marks the month while it is not sent.
    let (_, page) = staff.get(&format!("{LIST}?radgivare={}", second.id)).await;
    let href = row(&page, &nc)
        .and_then(|r| r.split("href=\"").nth(1))
        .and_then(|r| r.split('"').next())
        .expect("a link to c's meeting")
        .replace("&amp;", "&");
    assert!(href.contains(&format!("mote={c_meeting}")), "{href}");
    let colleague = people::staff(&app, &second.email).await;
    let (status, panel) = colleague.get(&href).await;
    assert_eq!(status, 200);
    let due_mark = format!(
        "Aktivitetsrapporten för {}",
        app::domain::time::month_and_year(due().first_day(), true)
    );
    if late {
        assert!(!panel.contains("är inte skickad ännu"));
    } else {
        assert!(
            panel.contains(&due_mark) && panel.contains("är inte skickad ännu"),
            "{panel}"
        );
        assert!(panel.contains("Inte skickad ännu"));
    }

    // The month before: nobody sent it.
    let (_, page) = staff
        .get(&format!("{LIST}?manad={}", due().previous().code()))
        .await;
    assert!(row(&page, &na).unwrap().contains("Inte skickad i tid"));
    assert!(
        page.contains("Den skulle lämnas senast"),
        "the deadline in the past"
    );

    // Every person shown was written to the access log, with who looked.
    let me = people::staff_id(&app, &first.email).await;
    for seeker in [a, b, c] {
        let log = app.store.access_log(seeker).await.unwrap();
        assert!(
            log.iter()
                .any(|l| l.staff_id == me && l.reason == "report_list"),
            "seeker {seeker}"
        );
    }
    assert!(app.store.access_log(fresh).await.unwrap().is_empty());
    app.db.drop_database().await;
}

async fn the_list_is_for_the_office_and_says_what_it_cannot_read(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let ([a, ..], office, first, _) = office_with_people(&app, 71).await;
    let na = name(&app, a).await;
    // Staff of another office: refused for this office, and a is not on their own list.
    let stockholm = people::staff(&app, "sanna.lindqvist@tidbok.example").await;
    let (_, page) = stockholm.get(&format!("{LIST}?kontor={office}")).await;
    assert!(
        page.contains("Listan är för dem som arbetar på kontoret"),
        "{page}"
    );
    assert!(!page.contains(&na));
    let (_, page) = stockholm.get(LIST).await;
    assert!(row(&page, &na).is_none());
    // An administrator chooses any office.
    let admin = people::staff(&app, "admin@tidbok.example").await;
    let (_, page) = admin.get(&format!("{LIST}?kontor={office}")).await;
    assert!(row(&page, &na).is_some());
    // What the address holds that cannot be read is said next to its field; no one listed.
    let staff = people::staff(&app, &first.email).await;
    for bad in [
        "radgivare=abc",
        "radgivare=999999",
        "manad=1999-01",
        "manad=2026-13",
        "manad=x",
    ] {
        let (status, page) = staff.get(&format!("{LIST}?{bad}")).await;
        assert_eq!(status, 200, "{bad}");
        assert!(page.contains("Välj ett av alternativen."), "{bad}");
        assert!(row(&page, &na).is_none(), "{bad}");
    }
    // Nobody signed in is sent to the staff sign-in.
    let (status, location) = Browser::new(&app).get_location(LIST).await;
    assert!(matches!(status, 302 | 303));
    assert!(location.starts_with("/personal/logga-in"), "{location}");
    // A job seeker's session is not enough.
    let seeker = people::sign_in(&app, 71, "/mina-sidor").await;
    let (_, location) = seeker.get_location(LIST).await;
    assert!(location.starts_with("/personal/logga-in"), "{location}");
    app.db.drop_database().await;
}

/// The CSV's records for the office's figures on the days `from`–`to`.
async fn figures_csv(staff: &Browser<'_>, app: &TestApp, from: &str, to: &str) -> Vec<Vec<String>> {
    let body = staff
        .client
        .get(app.url(&format!(
            "/personal/kontor/uppfoljning.csv?fran={from}&till={to}&format=komma"
        )))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    crate::office_http::parse_csv(&body, b',')
}

/// The counts in a CSV record: due, online, on time.
fn counts(header: &[String], record: &[String]) -> [u32; 3] {
    let col = |name: &str| {
        let i = header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"));
        record[i].parse::<u32>().unwrap()
    };
    [
        col("Aktivitetsrapporter att lämna"),
        col("Lämnade digitalt av den arbetssökande"),
        col("Lämnade i tid"),
    ]
}

async fn figures_count_reports_sent_online_and_on_time(backend: Backend) {
    let app = spawn_app(backend, true).await;
    let ([a, b, _c, _], office, first, _) = office_with_people(&app, 81).await;
    meeting(&app, a, first.id, 120).await;
    let manager = app
        .store
        .list_staff()
        .await
        .unwrap()
        .into_iter()
        .find(|s| {
            s.member.office_id == Some(office)
                && s.member.role == app::domain::staff::Role::OfficeManager
        })
        .expect("the office has a manager");
    let staff = people::staff(&app, manager.email.as_str()).await;
    // The month before the one due: its deadline, the only day of the follow-up.
    let month = due().previous();
    let day = app::domain::time::iso_date(month.deadline_day());
    let before = figures_csv(&staff, &app, &day, &day).await;
    // a sent on time; b late; c not at all.
    app.store
        .send_report(&sent(a, month, month.late_from() - Duration::minutes(1)))
        .await
        .unwrap();
    app.store
        .send_report(&sent(b, month, month.late_from() + Duration::hours(2)))
        .await
        .unwrap();
    let after = figures_csv(&staff, &app, &day, &day).await;
    let header = &after[0];
    let (office_before, office_after) = (counts(header, &before[1]), counts(header, &after[1]));
    assert_eq!(
        [0, 1, 2].map(|i| office_after[i] - office_before[i]),
        [0, 2, 1],
        "the three were due before as after; two sent online, one on time"
    );
    let who = format!("{} {}", first.first_name, first.last_name);
    let find = |rows: &[Vec<String>]| rows.iter().find(|r| r[0] == who).cloned().unwrap();
    let (c_before, c_after) = (
        counts(header, &find(&before)),
        counts(header, &find(&after)),
    );
    assert_eq!(
        [0, 1, 2].map(|i| c_after[i] - c_before[i]),
        [0, 1, 1],
        "a is theirs"
    );
    // The page says which months it counted, with the shares.
    let (_, page) = staff
        .get(&format!(
            "/personal/kontor/uppfoljning?fran={day}&till={day}"
        ))
        .await;
    assert!(
        page.contains("Lämnade digitalt av den arbetssökande"),
        "{page}"
    );
    assert!(page.contains("Rapporterna för"));
    // A day with no deadline in it counts no month.
    let (_, page) = staff
        .get(&format!(
            "/personal/kontor/uppfoljning?fran={0}&till={0}",
            app::domain::time::iso_date(month.deadline_day() + chrono::Days::new(1))
        ))
        .await;
    assert!(page.contains("Ingen rapport hade sista dag under perioden."));
    app.db.drop_database().await;
}
