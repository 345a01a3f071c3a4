//! Video meetings, held in a Jitsi Meet server (the open-source video service public bodies
//! run themselves). A meeting's room is its random name under the server's address; the
//! seeker's and the counsellor's links open the same room. When the server asks for tokens
//! (Jitsi's JWT authentication), each link carries one signed for that room, valid from a
//! little before the meeting until a while after, with the participant's display name.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// The address rooms are under when no video service is configured: it leads nowhere, and
/// pages and messages say that it is a demo link.
pub const DEMO_BASE: &str = "https://video.tidbok.example/";

/// How long before the meeting a token lets its holder in.
const OPENS_BEFORE: Duration = Duration::minutes(30);
/// How long after the meeting's end a token still lets its holder in (a meeting that runs
/// over, or a second attempt after a lost connection).
const CLOSES_AFTER: Duration = Duration::hours(1);
/// The shortest secret accepted for signing tokens (HS256 wants at least its hash's size).
pub const MIN_SECRET_LEN: usize = 32;

/// Signs tokens for a Jitsi server with token authentication.
#[derive(Clone)]
pub struct TokenSettings {
    secret: Vec<u8>,
    /// Jitsi's `app_id`: the issuer it expects.
    app_id: String,
}

impl TokenSettings {
    pub fn new(secret: &str, app_id: &str) -> Result<Self, String> {
        if secret.len() < MIN_SECRET_LEN {
            return Err(format!("must be at least {MIN_SECRET_LEN} characters"));
        }
        if app_id.is_empty()
            || !app_id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            return Err("must be letters, digits, '-', '_' or '.'".into());
        }
        Ok(TokenSettings {
            secret: secret.as_bytes().to_vec(),
            app_id: app_id.to_owned(),
        })
    }
}

impl std::fmt::Debug for TokenSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "TokenSettings {{ app_id: {:?}, secret: … }}",
            self.app_id
        )
    }
}

/// Where video meetings are held, as configured.
#[derive(Clone, Debug)]
pub struct VideoService {
    /// The server's address, ending in `/`.
    base: String,
    /// The server's host name: a token's `sub`.
    host: String,
    tokens: Option<TokenSettings>,
}

/// One participant of one meeting, for their link.
#[derive(Debug, Clone, Copy)]
pub struct Participant<'a> {
    pub room: &'a str,
    /// Shown to the others in the room.
    pub name: &'a str,
    /// The counsellor leads the meeting (Jitsi's moderator).
    pub leads: bool,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

#[derive(Serialize)]
struct Claims<'a> {
    aud: &'static str,
    iss: &'a str,
    sub: &'a str,
    room: &'a str,
    nbf: i64,
    exp: i64,
    context: Context<'a>,
}

#[derive(Serialize)]
struct Context<'a> {
    user: User<'a>,
}

#[derive(Serialize)]
struct User<'a> {
    name: &'a str,
    moderator: bool,
}

impl VideoService {
    /// The demo service: links that lead nowhere, and say so.
    pub fn demo() -> Self {
        VideoService::new(DEMO_BASE, None).expect("the demo address is usable")
    }

    /// A Jitsi server at `base` (`https://meet.example.se` or with a path prefix), with
    /// token authentication when `tokens` is given.
    pub fn new(base: &str, tokens: Option<TokenSettings>) -> Result<Self, String> {
        let rest = base
            .strip_prefix("https://")
            .ok_or_else(|| format!("`{base}` must start with https://"))?;
        let host = rest.split('/').next().unwrap_or_default();
        let host_ok = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.:".contains(c));
        if !host_ok || base.contains(['?', '#', ' ']) {
            return Err(format!(
                "`{base}` is not a usable address such as https://meet.example.se"
            ));
        }
        let host = host.split(':').next().unwrap_or(host).to_owned();
        Ok(VideoService {
            base: format!("{}/", base.trim_end_matches('/')),
            host,
            tokens,
        })
    }

    /// No video service is configured: its links lead nowhere.
    pub fn is_demo(&self) -> bool {
        self.base == DEMO_BASE
    }

    /// The server, for the start-up log.
    pub fn describe(&self) -> String {
        match (&self.tokens, self.is_demo()) {
            (_, true) => "demo links (no video service configured)".into(),
            (Some(_), false) => format!("Jitsi Meet at {} with tokens", self.base),
            (None, false) => format!("Jitsi Meet at {}", self.base),
        }
    }

    /// The link of `name` to booking `b`'s room, when it is a live video meeting; `leads`
    /// for the counsellor.
    pub fn meeting_link(
        &self,
        b: &crate::ssr::store::BookingRow,
        name: &str,
        leads: bool,
    ) -> Option<String> {
        use crate::domain::{BookingStatus, Channel};
        if b.channel != Channel::Video || b.status == BookingStatus::Cancelled {
            return None;
        }
        let room = b.video_room.as_deref()?;
        Some(self.link(Participant {
            room,
            name,
            leads,
            starts_at: b.starts_at,
            ends_at: b.ends_at,
        }))
    }

    /// The link that lets `who` into their meeting's room.
    pub fn link(&self, who: Participant<'_>) -> String {
        let room = format!("{}{}", self.base, who.room);
        let Some(tokens) = &self.tokens else {
            return room;
        };
        let claims = Claims {
            aud: "jitsi",
            iss: &tokens.app_id,
            sub: &self.host,
            room: who.room,
            nbf: (who.starts_at - OPENS_BEFORE).timestamp(),
            exp: (who.ends_at + CLOSES_AFTER).timestamp(),
            context: Context {
                user: User {
                    name: who.name,
                    moderator: who.leads,
                },
            },
        };
        let key = jsonwebtoken::EncodingKey::from_secret(&tokens.secret);
        match jsonwebtoken::encode(&jsonwebtoken::Header::default(), &claims, &key) {
            Ok(token) => format!("{room}?jwt={token}"),
            // Only claims that cannot be written as JSON fail, which these always can; the
            // room is still worth showing.
            Err(err) => {
                tracing::error!(%err, "a video token could not be signed");
                room
            }
        }
    }
}

/// A random room name: 128 bits, as 32 hexadecimal digits, so nobody finds a room by
/// guessing.
pub fn new_room() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use jsonwebtoken::{decode, DecodingKey, Validation};

    fn meeting<'a>(room: &'a str, name: &'static str, leads: bool) -> Participant<'a> {
        Participant {
            room,
            name,
            leads,
            starts_at: Utc.with_ymd_and_hms(2026, 12, 8, 9, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2026, 12, 8, 9, 45, 0).unwrap(),
        }
    }

    #[test]
    fn rooms_are_long_random_and_different() {
        let (a, b) = (new_room(), new_room());
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn without_tokens_both_open_the_same_room() {
        let video = VideoService::new("https://meet.example.se/tidbok/", None).unwrap();
        let room = new_room();
        let seeker = video.link(meeting(&room, "Amira", false));
        let counsellor = video.link(meeting(&room, "Emina Hodžić", true));
        assert_eq!(seeker, format!("https://meet.example.se/tidbok/{room}"));
        assert_eq!(seeker, counsellor);
        assert!(!video.is_demo());
        assert!(VideoService::demo().is_demo());
        assert!(VideoService::demo()
            .link(meeting(&room, "Amira", false))
            .starts_with(DEMO_BASE));
    }

    #[derive(serde::Deserialize, Debug)]
    struct Read {
        iss: String,
        sub: String,
        room: String,
        nbf: i64,
        exp: i64,
        context: serde_json::Value,
    }

    #[test]
    fn a_token_names_the_room_the_time_and_the_participant() {
        let secret = "s".repeat(40);
        let tokens = TokenSettings::new(&secret, "tidbok").unwrap();
        let video = VideoService::new("https://meet.example.se:8443", Some(tokens)).unwrap();
        let room = new_room();
        let link = video.link(meeting(&room, "Emina Hodžić", true));
        let (url, token) = link.split_once("?jwt=").expect("a token in the link");
        assert_eq!(url, format!("https://meet.example.se:8443/{room}"));
        let mut validation = Validation::default();
        validation.set_audience(&["jitsi"]);
        validation.validate_exp = false;
        let read = decode::<Read>(
            token,
            &DecodingKey::from_secret(secret.as_bytes()),
            &validation,
        )
        .unwrap()
        .claims;
        assert_eq!(read.iss, "tidbok");
        assert_eq!(read.sub, "meet.example.se");
        assert_eq!(read.room, room);
        let m = meeting(&room, "", false);
        assert_eq!(read.nbf, (m.starts_at - Duration::minutes(30)).timestamp());
        assert_eq!(read.exp, (m.ends_at + Duration::hours(1)).timestamp());
        assert_eq!(read.context["user"]["name"], "Emina Hodžić");
        assert_eq!(read.context["user"]["moderator"], true);
        // Another secret does not verify it.
        assert!(decode::<Read>(token, &DecodingKey::from_secret(&[7; 40]), &validation).is_err());
        // The seeker's own token names them, and does not lead.
        let seeker = video.link(meeting(&room, "Amira", false));
        let token = seeker.split_once("?jwt=").unwrap().1;
        let read = decode::<Read>(
            token,
            &DecodingKey::from_secret(secret.as_bytes()),
            &validation,
        )
        .unwrap()
        .claims;
        assert_eq!(read.context["user"]["name"], "Amira");
        assert_eq!(read.context["user"]["moderator"], false);
    }

    #[test]
    fn unusable_settings_are_refused() {
        for bad in [
            "http://meet.example.se",
            "meet.example.se",
            "https://",
            "https://a b",
            "https://x.se/?q",
        ] {
            assert!(VideoService::new(bad, None).is_err(), "{bad}");
        }
        assert!(TokenSettings::new("short", "tidbok").is_err());
        assert!(TokenSettings::new(&"s".repeat(32), "").is_err());
        assert!(TokenSettings::new(&"s".repeat(32), "a b").is_err());
    }
}
