//! Video meetings in a configured Jitsi server with tokens: the seeker's links (the meeting
//! page, the email, the calendar file) and the counsellor's panel open the same room, each
//! with a token for that room naming its holder. SQLite and PostgreSQL.

use crate::support::{people, spawn_app_with, Backend};
use app::views::employer_panel::MeetingPanelData;
use jsonwebtoken::{decode, DecodingKey, Validation};

on_both_backends!(both_sides_of_a_video_meeting_open_one_room_with_their_own_token,);

const SERVER: &str = "https://meet.example.se/tidbok";
const SECRET: &str = "a-test-secret-that-is-long-enough-for-hs256";

#[derive(serde::Deserialize)]
struct Claims {
    iss: String,
    room: String,
    nbf: i64,
    exp: i64,
    context: serde_json::Value,
}

/// The room of a link and its token's claims, checked against the secret.
fn read(link: &str) -> (String, Claims) {
    let (room, token) = link.split_once("?jwt=").expect("a token in the link");
    let mut validation = Validation::default();
    validation.set_audience(&["jitsi"]);
    let claims = decode::<Claims>(
        token,
        &DecodingKey::from_secret(SECRET.as_bytes()),
        &validation,
    )
    .expect("a token signed with the secret")
    .claims;
    (room.to_owned(), claims)
}

/// The first link to the video server in `text`.
fn link_in(text: &str) -> String {
    let at = text.find(SERVER).expect("a link to the video server");
    text[at..]
        .split(|c: char| c == '"' || c == '<' || c.is_whitespace())
        .next()
        .unwrap()
        .to_owned()
}

async fn both_sides_of_a_video_meeting_open_one_room_with_their_own_token(backend: Backend) {
    let app = spawn_app_with(
        backend,
        true,
        &[
            ("TIDBOK_VIDEO_URL", SERVER),
            ("TIDBOK_VIDEO_JWT_SECRET", SECRET),
        ],
    )
    .await;
    let seeker = people::signed_in(&app, 1, "/boka").await;
    let (_, page) = seeker.get("/boka?kanal=video").await;
    let at = page.find("name=\"tid\"").expect("video times offered");
    let value = &page[at..][page[at..].find("value=\"").unwrap() + 7..];
    let time = &value[..value.find('"').unwrap()];
    let (status, location) = seeker
        .post(
            "/api/boka/bekrafta",
            &[
                ("kanal", "video"),
                ("kontor", ""),
                ("tid", time),
                ("byt", ""),
            ],
        )
        .await;
    assert_eq!(status, 302, "{location}");
    let id: i64 = location
        .trim_start_matches("/mina-sidor/mote/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let booking = app.store.booking(id).await.unwrap().unwrap();

    // The seeker's meeting page: the room under the configured server, a token naming them
    // by first name for this room and this meeting's time, and no word of a demo.
    let (_, page) = seeker.get(&location).await;
    assert!(!page.contains("demolänk"));
    let (room, claims) = read(&link_in(&page));
    let room_name = booking
        .video_room
        .clone()
        .expect("a video meeting has a room");
    assert_eq!(room, format!("{SERVER}/{room_name}"));
    assert_eq!(room_name.len(), 32, "128 bits");
    assert_eq!(claims.iss, "tidbok");
    assert_eq!(claims.room, room_name);
    assert_eq!(claims.context["user"]["name"], "Testa");
    assert_eq!(claims.context["user"]["moderator"], false);
    assert_eq!(claims.nbf, booking.starts_at.timestamp() - 30 * 60);
    assert_eq!(claims.exp, booking.ends_at.timestamp() + 60 * 60);

    // The email and the calendar file carry the same room.
    let email = app.email_to("person1@example.se", "Videomöte:").await;
    assert_eq!(read(&link_in(&email)).0, room);
    let ics = seeker
        .client
        .get(app.url(&format!("/mina-sidor/mote/{id}/kalender.ics")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .replace("\r\n ", "");
    let location_line = ics
        .lines()
        .find(|l| l.starts_with("LOCATION:"))
        .expect("a location");
    assert_eq!(read(&link_in(location_line)).0, room);

    // The counsellor starts it from the panel: the same room, as themselves, leading it.
    let counsellor = app
        .store
        .list_counsellors()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.id == booking.counsellor_id)
        .unwrap();
    let staff = people::staff(&app, &counsellor.email).await;
    let panel: MeetingPanelData = staff
        .call("/api/personal/mote/panel", &[("id", id.to_string())])
        .await
        .json()
        .await
        .unwrap();
    let MeetingPanelData::Seeker(file) = panel else {
        panic!("a seeker's panel");
    };
    let link = file.meeting.video_link.expect("the panel's video link");
    let (their_room, claims) = read(&link);
    assert_eq!(their_room, room);
    assert_eq!(
        claims.context["user"]["name"],
        format!("{} {}", counsellor.first_name, counsellor.last_name)
    );
    assert_eq!(claims.context["user"]["moderator"], true);
    let day = app::domain::time::stockholm_date(booking.starts_at);
    let (_, html) = staff
        .get(&app::paths::meeting_in_calendar(day, counsellor.id, id))
        .await;
    assert!(html.contains("Starta videomötet"), "{html}");

    app.store.close().await;
    app.db.drop_database().await;
}
