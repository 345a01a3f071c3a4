//! The office's employers and their open needs over HTTP, on SQLite and PostgreSQL with the
//! demo data: each office sees the employers it serves, their needs by field and the job
//! seekers at the office who want each need's occupation (written to the access log), and
//! no other office's.

use crate::support::{self, people, Backend};

on_both_backends!(each_office_lists_its_employers_needs_and_matching_seekers);

async fn each_office_lists_its_employers_needs_and_matching_seekers(backend: Backend) {
    let app = support::spawn_app(backend, true).await;
    let stockholm = people::staff(&app, "karin.ekstrom@tidbok.example").await;
    let (status, page) = stockholm.get("/personal/kontor/arbetsgivare").await;
    assert_eq!(status, 200);
    for text in [
        "Kodverkstan HB",
        "969712-3454",
        "Ekonomiassistent på halvtid",
        "Systemutvecklare, gärna junior",
        "arbetssökande vid kontoret söker yrket",
        "skrivs i åtkomstloggen",
    ] {
        assert!(page.contains(text), "{text}");
    }
    assert!(!page.contains("Korvkiosken"), "another office's employer");
    // The demo's job seekers in Stockholm who want to be economy assistants are listed, and
    // each listing is in the access log.
    let (wanted,): (i64,) = support::query_one(
        &app.db,
        "SELECT COUNT(*) FROM seeker_desired_occupations d JOIN occupations o \
         ON o.id = d.occupation_id JOIN seekers s ON s.id = d.seeker_id \
         WHERE o.code = 'ekonomiassistent' AND s.home_office_id = $1",
        people::counsellor(&app, "karin.ekstrom@tidbok.example")
            .await
            .1,
    )
    .await;
    assert!(wanted > 0, "the demo has matching seekers");
    assert!(page.contains(&format!("{wanted} arbetssökande vid kontoret söker yrket.")));
    let staff = people::staff_id(&app, "karin.ekstrom@tidbok.example").await;
    let (logged,): (i64,) = support::query_one(
        &app.db,
        "SELECT COUNT(*) FROM access_log WHERE staff_id = $1 AND reason = 'need_match'",
        staff,
    )
    .await;
    assert!(logged >= wanted, "{logged} logged, {wanted} listed");
    // Göteborg sees its kiosk; Stockholm may not look at Göteborg's list.
    let goteborg = people::staff(&app, "lucia.fernandez@tidbok.example").await;
    let (_, page) = goteborg.get("/personal/kontor/arbetsgivare").await;
    assert!(page.contains("Korvkiosken på Stora torget AB"));
    assert!(!page.contains("Kodverkstan"));
    let goteborg_office = people::counsellor(&app, "lucia.fernandez@tidbok.example")
        .await
        .1;
    let (_, page) = stockholm
        .get(&format!(
            "/personal/kontor/arbetsgivare?kontor={goteborg_office}"
        ))
        .await;
    assert!(!page.contains("Korvkiosken"));
    // The figures count meetings with employers by the field of their need: the kiosk's
    // meeting last week was held (the one coming is after the period).
    let manager = people::staff(&app, "chef.goteborg-centrum@tidbok.example").await;
    let (status, page) = manager.get("/personal/kontor/uppfoljning").await;
    assert_eq!(status, 200);
    let section = page
        .split("id=\"fig-arbetsgivare\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("the employer meetings' section");
    assert_eq!(
        section.matches("<tr>").count(),
        2,
        "a header and one field: {section}"
    );
    assert_eq!(
        section.matches("<td>1</td>").count(),
        2,
        "one booked, one held: {section}"
    );
    // The figures' file holds them too: the office's totals on its row, and a row per
    // field with only the period and these meetings filled in.
    let csv = manager
        .client
        .get(app.url("/personal/kontor/uppfoljning.csv?format=komma"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let rows = crate::office_http::parse_csv(&csv, b',');
    let width = rows[0].len();
    let at = rows[0]
        .iter()
        .position(|h| h == "Möten med arbetsgivare, bokade")
        .expect("the employer columns");
    assert_eq!(rows[0][at + 1], "Möten med arbetsgivare, genomförda");
    assert_eq!(rows[1][at..at + 2], ["1", "1"], "the office's row");
    let fields: Vec<_> = rows
        .iter()
        .filter(|r| r[0].starts_with("Möten med arbetsgivare: "))
        .collect();
    assert_eq!(fields.len(), 1, "{rows:?}");
    assert_eq!(fields[0][at..at + 2], ["1", "1"]);
    assert!(fields[0][3..at].iter().all(String::is_empty));
    assert!(fields[0][at + 2..].iter().all(String::is_empty));
    // And a row per way of meeting, with how the people registered and who booked.
    for channel in ["besök", "telefon", "video"] {
        let name = format!("Första möten: {channel}");
        assert!(rows.iter().any(|r| r[0] == name), "{name}: {rows:?}");
    }
    assert!(rows.iter().all(|r| r.len() == width));

    // Nobody signed in is sent to the staff sign-in.
    let (status, location) = support::browser::Browser::new(&app)
        .get_location("/personal/kontor/arbetsgivare")
        .await;
    assert_eq!(status, 302);
    assert!(location.starts_with("/personal/logga-in"), "{location}");
    app.db.drop_database().await;
}
