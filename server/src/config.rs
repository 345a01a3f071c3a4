//! Configuration from the environment. Every variable has a default that suits a developer's
//! machine; a value that cannot be used stops start-up with one line naming the variable.

use app::ssr::{
    notifications::{
        elks::{ElksSettings, ELKS_API},
        transport::check_smtp_url,
        MailSettings, Mailbox,
    },
    store::BackendKind,
    video::{TokenSettings, VideoService},
};
use std::{fmt, net::SocketAddr};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub listen: SocketAddr,
    pub log_filter: String,
    pub environment: Environment,
    /// Load the demo offices and counsellors into an empty database at start.
    pub demo_data: bool,
    /// Signs session cookies (used from the registration feature on).
    pub session_secret: SessionSecret,
    /// Where cargo-leptos put the compiled site (wasm, JS, CSS, public files).
    pub site_root: String,
    /// Where email goes: an SMTP server, or `.eml` files.
    pub mail: MailSettings,
    /// The address people reach the service at, for links in messages.
    pub public_url: String,
    /// Where video meetings are held (a Jitsi Meet server), or demo links.
    pub video: VideoService,
    /// How text messages leave.
    pub sms: SmsSettings,
    /// How long after a meeting is marked held the question about it goes out.
    pub rating_delay: chrono::Duration,
    /// Whether a proxy in front of Tidbok names the client in `X-Forwarded-For`.
    pub forwarded_for: bool,
}

/// How text messages leave: written to the log (the default), or sent through 46elks.
#[derive(Debug, Clone)]
pub enum SmsSettings {
    Log,
    Elks(ElksSettings),
}

/// A secret that never appears in logs or debug output.
#[derive(Clone)]
pub struct SessionSecret(Vec<u8>);

impl SessionSecret {
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for SessionSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionSecret(…)")
    }
}

/// Which variable was wrong and why; shown as the one line start-up prints before it stops.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

fn invalid(variable: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        variable,
        message: message.into(),
    }
}

/// The documented variables, their defaults and meaning (also printed by `--help`).
pub const VARIABLES: &[(&str, &str, &str)] = &[
    (
        "DATABASE_URL",
        "sqlite://data/tidbok.db",
        "sqlite://PATH (the file and its folder are created) or postgres://USER@HOST/DB",
    ),
    (
        "TIDBOK_ADDR",
        "127.0.0.1:3000",
        "address and port to listen on (LEPTOS_SITE_ADDR is used when this is unset)",
    ),
    (
        "TIDBOK_LOG",
        "info",
        "log level or filter: error, warn, info, debug, trace, or e.g. info,sqlx=warn",
    ),
    (
        "TIDBOK_ENV",
        "development",
        "development or production (production requires TIDBOK_SESSION_SECRET and sends cookies only over HTTPS)",
    ),
    (
        "TIDBOK_DEMO_DATA",
        "true in development, false in production",
        "load demo offices, counsellors and open times into an empty database at start",
    ),
    (
        "TIDBOK_SESSION_SECRET",
        "a random secret per start in development",
        "at least 64 characters; signs session cookies",
    ),
    (
        "TIDBOK_SMTP_URL",
        "unset: each email is written as an .eml file in TIDBOK_MAIL_DIR",
        "mail server: smtp://HOST:PORT, smtps://USER:PASSWORD@HOST (TLS) or smtp://USER:PASSWORD@HOST:587?tls=required",
    ),
    (
        "TIDBOK_MAIL_FROM",
        "Tidbok <noreply@tidbok.example>",
        "the sender of every email",
    ),
    (
        "TIDBOK_MAIL_DIR",
        "data/mail",
        "where emails are written as .eml files when TIDBOK_SMTP_URL is unset",
    ),
    (
        "TIDBOK_PUBLIC_URL",
        "http:// and the listening address",
        "the address people reach Tidbok at, used in the links of emails and text messages",
    ),
    (
        "TIDBOK_VIDEO_URL",
        "unset: demo links that lead nowhere (pages and messages say so)",
        "the Jitsi Meet server video meetings are held in, https://HOST[/PREFIX]; each meeting gets a room with an unguessable name",
    ),
    (
        "TIDBOK_VIDEO_JWT_SECRET",
        "unset: rooms open without a token",
        "at least 32 characters: the secret the Jitsi server checks tokens with; each link then carries a token for its room, valid from 30 minutes before the meeting to an hour after, with the participant's name",
    ),
    (
        "TIDBOK_VIDEO_JWT_APP_ID",
        "tidbok",
        "the Jitsi server's app_id, the tokens' issuer (with TIDBOK_VIDEO_JWT_SECRET)",
    ),
    (
        "TIDBOK_RATING_DELAY_MINUTES",
        "60",
        "minutes from a meeting being marked held to the question about it (0 to 180); the question is open 14 days and reminded of once, after 4 days",
    ),
    (
        "TIDBOK_FORWARDED_FOR",
        "false",
        "true when Tidbok runs behind a proxy or load balancer that appends the client's address to X-Forwarded-For (sign-in throttling per address then reads it); never true without one, as clients could then name any address",
    ),
    (
        "TIDBOK_SMS_PROVIDER",
        "log",
        "log (text messages are written to the log, not sent) or 46elks (sent through the Swedish SMS gateway 46elks)",
    ),
    (
        "TIDBOK_46ELKS_USERNAME",
        "unset",
        "the 46elks API username (required with TIDBOK_SMS_PROVIDER=46elks)",
    ),
    (
        "TIDBOK_46ELKS_PASSWORD",
        "unset",
        "the 46elks API password (required with TIDBOK_SMS_PROVIDER=46elks); delivery reports come to TIDBOK_PUBLIC_URL/sms/leverans with a key derived from it",
    ),
    (
        "TIDBOK_46ELKS_URL",
        "https://api.46elks.com/a1/sms",
        "the 46elks API address (https://, or http:// on 127.0.0.1 for a test server)",
    ),
    (
        "TIDBOK_SMS_FROM",
        "Tidbok",
        "the sender text messages show: 3–11 letters and digits starting with a letter, or a number in +46… form",
    ),
    (
        "LEPTOS_SITE_ROOT",
        "target/site",
        "folder with the built site (set by cargo-leptos)",
    ),
];

impl Config {
    /// Reads the configuration through `var`, which is `std::env::var` in production and a
    /// map in tests.
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            var(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };

        let database_url = get("DATABASE_URL").unwrap_or_else(|| "sqlite://data/tidbok.db".into());
        if BackendKind::of_url(&database_url).is_none() {
            return Err(invalid(
                "DATABASE_URL",
                "must start with sqlite:// or postgres:// (for example sqlite://data/tidbok.db)",
            ));
        }

        let (addr_var, addr) = match get("TIDBOK_ADDR") {
            Some(a) => ("TIDBOK_ADDR", a),
            None => (
                "LEPTOS_SITE_ADDR",
                get("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into()),
            ),
        };
        let listen: SocketAddr = addr.parse().map_err(|_| {
            invalid(
                addr_var,
                format!("`{addr}` is not an address and port such as 127.0.0.1:3000"),
            )
        })?;

        let log_filter = get("TIDBOK_LOG").unwrap_or_else(|| "info".into());
        tracing_subscriber::EnvFilter::try_new(&log_filter).map_err(|_| {
            invalid(
                "TIDBOK_LOG",
                format!("`{log_filter}` is not a log level or filter (try info or debug)"),
            )
        })?;

        let environment = match get("TIDBOK_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => {
                return Err(invalid(
                    "TIDBOK_ENV",
                    format!("`{other}` is neither development nor production"),
                ))
            }
        };

        let demo_data = match get("TIDBOK_DEMO_DATA").as_deref() {
            None => environment == Environment::Development,
            Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            Some(other) => {
                return Err(invalid(
                    "TIDBOK_DEMO_DATA",
                    format!("`{other}` is neither true nor false"),
                ))
            }
        };

        let forwarded_for = match get("TIDBOK_FORWARDED_FOR").as_deref() {
            None | Some("false" | "0" | "no") => false,
            Some("true" | "1" | "yes") => true,
            Some(other) => {
                return Err(invalid(
                    "TIDBOK_FORWARDED_FOR",
                    format!("`{other}` is neither true nor false"),
                ))
            }
        };

        let session_secret = match get("TIDBOK_SESSION_SECRET") {
            Some(s) if s.len() >= 64 => SessionSecret(s.into_bytes()),
            Some(_) => {
                return Err(invalid(
                    "TIDBOK_SESSION_SECRET",
                    "must be at least 64 characters (e.g. `openssl rand -hex 32`)",
                ))
            }
            None if environment == Environment::Production => {
                return Err(invalid(
                    "TIDBOK_SESSION_SECRET",
                    "is required when TIDBOK_ENV=production",
                ))
            }
            None => SessionSecret(random_secret()),
        };

        let site_root = get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into());

        let smtp_url = get("TIDBOK_SMTP_URL");
        if let Some(url) = &smtp_url {
            check_smtp_url(url).map_err(|e| invalid("TIDBOK_SMTP_URL", e))?;
        }
        let from_text =
            get("TIDBOK_MAIL_FROM").unwrap_or_else(|| "Tidbok <noreply@tidbok.example>".into());
        let from: Mailbox = from_text.parse().map_err(|_| {
            invalid(
                "TIDBOK_MAIL_FROM",
                format!("`{from_text}` is not an address such as Tidbok <noreply@example.se>"),
            )
        })?;
        let mail = MailSettings {
            from,
            smtp_url,
            folder: get("TIDBOK_MAIL_DIR")
                .unwrap_or_else(|| "data/mail".into())
                .into(),
        };
        let public_url = match get("TIDBOK_PUBLIC_URL") {
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                url.trim_end_matches('/').to_owned()
            }
            Some(url) => {
                return Err(invalid(
                    "TIDBOK_PUBLIC_URL",
                    format!("`{url}` must start with https:// or http://"),
                ))
            }
            None => format!("http://{listen}"),
        };

        let tokens = match get("TIDBOK_VIDEO_JWT_SECRET") {
            Some(secret) => {
                let app_id = get("TIDBOK_VIDEO_JWT_APP_ID").unwrap_or_else(|| "tidbok".into());
                if get("TIDBOK_VIDEO_URL").is_none() {
                    return Err(invalid(
                        "TIDBOK_VIDEO_JWT_SECRET",
                        "needs TIDBOK_VIDEO_URL, the server that checks the tokens",
                    ));
                }
                let variable = if secret.len() < app::ssr::video::MIN_SECRET_LEN {
                    "TIDBOK_VIDEO_JWT_SECRET"
                } else {
                    "TIDBOK_VIDEO_JWT_APP_ID"
                };
                Some(TokenSettings::new(&secret, &app_id).map_err(|e| invalid(variable, e))?)
            }
            None => None,
        };
        let video = match get("TIDBOK_VIDEO_URL") {
            Some(url) => {
                VideoService::new(&url, tokens).map_err(|e| invalid("TIDBOK_VIDEO_URL", e))?
            }
            None => VideoService::demo(),
        };

        let rating_delay = match get("TIDBOK_RATING_DELAY_MINUTES") {
            None => app::domain::rating::ASK_AFTER,
            Some(text) => match text.trim().parse::<i64>() {
                Ok(minutes) if (0..=180).contains(&minutes) => chrono::Duration::minutes(minutes),
                _ => {
                    return Err(invalid(
                        "TIDBOK_RATING_DELAY_MINUTES",
                        format!("`{text}` is not a number of minutes from 0 to 180"),
                    ))
                }
            },
        };

        let sms = match get("TIDBOK_SMS_PROVIDER").as_deref() {
            None | Some("log") => SmsSettings::Log,
            Some("46elks") => {
                let required = |name: &'static str| {
                    get(name)
                        .ok_or_else(|| invalid(name, "is required with TIDBOK_SMS_PROVIDER=46elks"))
                };
                let api_url = get("TIDBOK_46ELKS_URL").unwrap_or_else(|| ELKS_API.into());
                let local_test = api_url.starts_with("http://127.0.0.1:");
                if !api_url.starts_with("https://") && !local_test {
                    return Err(invalid(
                        "TIDBOK_46ELKS_URL",
                        format!("`{api_url}` must start with https://"),
                    ));
                }
                let from = get("TIDBOK_SMS_FROM").unwrap_or_else(|| "Tidbok".into());
                ElksSettings::check_from(&from).map_err(|e| invalid("TIDBOK_SMS_FROM", e))?;
                SmsSettings::Elks(ElksSettings {
                    api_url,
                    username: required("TIDBOK_46ELKS_USERNAME")?,
                    password: required("TIDBOK_46ELKS_PASSWORD")?,
                    from,
                    site: public_url.clone(),
                })
            }
            Some(other) => {
                return Err(invalid(
                    "TIDBOK_SMS_PROVIDER",
                    format!("`{other}` is not log or 46elks"),
                ))
            }
        };

        Ok(Self {
            database_url,
            listen,
            log_filter,
            environment,
            demo_data,
            session_secret,
            site_root,
            mail,
            public_url,
            video,
            sms,
            rating_delay,
            forwarded_for,
        })
    }

    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }
}

/// A development-only secret: sessions do not survive a restart, which is fine there.
fn random_secret() -> Vec<u8> {
    let mut out = vec![0u8; 64];
    getrandom::fill(&mut out).expect("the operating system provides randomness");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_suit_a_developer() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, "sqlite://data/tidbok.db");
        assert_eq!(c.listen.to_string(), "127.0.0.1:3000");
        assert_eq!(c.environment, Environment::Development);
        assert!(c.demo_data);
        assert_eq!(c.session_secret.bytes().len(), 64);
        assert_eq!(c.mail.smtp_url, None);
        assert_eq!(c.mail.folder, std::path::PathBuf::from("data/mail"));
        assert_eq!(c.public_url, "http://127.0.0.1:3000");
        assert!(c.video.is_demo());
    }

    #[test]
    fn the_sms_gateway_is_read() {
        assert!(matches!(config(&[]).unwrap().sms, SmsSettings::Log));
        let c = config(&[
            ("TIDBOK_SMS_PROVIDER", "46elks"),
            ("TIDBOK_46ELKS_USERNAME", "u0123"),
            ("TIDBOK_46ELKS_PASSWORD", "p4ss"),
            ("TIDBOK_PUBLIC_URL", "https://tidbok.example.se"),
        ])
        .unwrap();
        let SmsSettings::Elks(elks) = c.sms else {
            panic!("46elks");
        };
        assert_eq!(elks.api_url, ELKS_API);
        assert_eq!(elks.from, "Tidbok");
        assert_eq!(elks.site, "https://tidbok.example.se");
        for (vars, variable) in [
            (
                vec![("TIDBOK_SMS_PROVIDER", "46elks")],
                "TIDBOK_46ELKS_USERNAME",
            ),
            (
                vec![
                    ("TIDBOK_SMS_PROVIDER", "46elks"),
                    ("TIDBOK_46ELKS_USERNAME", "u"),
                ],
                "TIDBOK_46ELKS_PASSWORD",
            ),
            (
                vec![
                    ("TIDBOK_SMS_PROVIDER", "46elks"),
                    ("TIDBOK_46ELKS_URL", "http://api.example"),
                ],
                "TIDBOK_46ELKS_URL",
            ),
            (
                vec![
                    ("TIDBOK_SMS_PROVIDER", "46elks"),
                    ("TIDBOK_SMS_FROM", "Arbetsformedlingen"),
                ],
                "TIDBOK_SMS_FROM",
            ),
            (
                vec![("TIDBOK_SMS_PROVIDER", "twilio")],
                "TIDBOK_SMS_PROVIDER",
            ),
        ] {
            assert_eq!(config(&vars).err().unwrap().variable, variable);
        }
    }

    #[test]
    fn the_video_service_is_read() {
        let c = config(&[("TIDBOK_VIDEO_URL", "https://meet.example.se/")]).unwrap();
        assert!(!c.video.is_demo());
        assert_eq!(c.video.describe(), "Jitsi Meet at https://meet.example.se/");
        let c = config(&[
            ("TIDBOK_VIDEO_URL", "https://meet.example.se"),
            ("TIDBOK_VIDEO_JWT_SECRET", &"k".repeat(40)),
        ])
        .unwrap();
        assert!(c.video.describe().ends_with("with tokens"));
        // A secret without a server, or an unusable app id, is refused by name.
        let err = config(&[("TIDBOK_VIDEO_JWT_SECRET", &"k".repeat(40))])
            .err()
            .unwrap();
        assert_eq!(err.variable, "TIDBOK_VIDEO_JWT_SECRET");
        let err = config(&[
            ("TIDBOK_VIDEO_URL", "https://meet.example.se"),
            ("TIDBOK_VIDEO_JWT_SECRET", &"k".repeat(40)),
            ("TIDBOK_VIDEO_JWT_APP_ID", "two words"),
        ])
        .err()
        .unwrap();
        assert_eq!(err.variable, "TIDBOK_VIDEO_JWT_APP_ID");
    }

    #[test]
    fn mail_settings_are_read() {
        let c = config(&[
            ("TIDBOK_SMTP_URL", "smtp://mail.example.se:2525"),
            ("TIDBOK_MAIL_FROM", "Tidbok <tidbok@example.se>"),
            ("TIDBOK_PUBLIC_URL", "https://tidbok.example.se/"),
        ])
        .unwrap();
        assert_eq!(
            c.mail.smtp_url.as_deref(),
            Some("smtp://mail.example.se:2525")
        );
        assert_eq!(c.mail.from.email.to_string(), "tidbok@example.se");
        assert_eq!(c.public_url, "https://tidbok.example.se");
    }

    #[test]
    fn each_bad_value_names_its_variable() {
        for (var, value) in [
            ("DATABASE_URL", "mysql://x"),
            ("TIDBOK_ADDR", "localhost"),
            ("TIDBOK_LOG", "info,,=="),
            ("TIDBOK_ENV", "staging"),
            ("TIDBOK_DEMO_DATA", "maybe"),
            ("TIDBOK_SESSION_SECRET", "short"),
            ("TIDBOK_SMTP_URL", "mail.example.se"),
            ("TIDBOK_MAIL_FROM", "nobody"),
            ("TIDBOK_PUBLIC_URL", "tidbok.example"),
            ("TIDBOK_VIDEO_URL", "http://meet.example.se"),
        ] {
            let err = config(&[(var, value)])
                .err()
                .unwrap_or_else(|| panic!("{var} accepted"));
            assert_eq!(err.variable, var);
            assert!(err.to_string().starts_with(var));
            assert!(!err.to_string().contains('\n'));
        }
    }

    #[test]
    fn production_needs_a_secret_and_defaults_to_no_demo() {
        let err = config(&[("TIDBOK_ENV", "production")]).err().unwrap();
        assert_eq!(err.variable, "TIDBOK_SESSION_SECRET");
        let secret = "x".repeat(64);
        let c = config(&[
            ("TIDBOK_ENV", "production"),
            ("TIDBOK_SESSION_SECRET", &secret),
        ])
        .unwrap();
        assert!(!c.demo_data);
    }

    #[test]
    fn cargo_leptos_address_is_used_when_ours_is_unset() {
        let c = config(&[("LEPTOS_SITE_ADDR", "0.0.0.0:8080")]).unwrap();
        assert_eq!(c.listen.port(), 8080);
        let c = config(&[
            ("LEPTOS_SITE_ADDR", "0.0.0.0:8080"),
            ("TIDBOK_ADDR", "127.0.0.1:0"),
        ])
        .unwrap();
        assert_eq!(c.listen.port(), 0);
    }
}
