//! How messages leave: email over SMTP, or as `.eml` files in a folder when no mail server
//! is configured (the demo, development); text messages through a provider, by default one
//! that only writes them to the log.

use lettre::{
    message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart},
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use std::{path::PathBuf, time::Duration};

/// Where email goes, as configured.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// The sender every message has.
    pub from: Mailbox,
    /// `smtp://host:port`, `smtps://user:password@host` (TLS), or
    /// `smtp://user:password@host:587?tls=required` (STARTTLS); `None` writes files.
    pub smtp_url: Option<String>,
    /// Where `.eml` files are written when there is no SMTP server.
    pub folder: PathBuf,
}

/// Whether `url` is an SMTP address lettre can use (checked at start-up, before connecting).
pub fn check_smtp_url(url: &str) -> Result<(), String> {
    AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .map(drop)
        .map_err(|e| format!("is not a usable SMTP address such as smtp://localhost:25 ({e})"))
}

/// Sends email. SMTP, or files.
#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

/// How long one SMTP conversation may take before it counts as failed (and is retried).
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

impl Mailer {
    /// Builds the mailer, checking that an SMTP server answers, so a wrong address stops
    /// start-up with a clear message instead of failing each message later.
    pub async fn connect(settings: &MailSettings) -> Result<Mailer, String> {
        match &settings.smtp_url {
            Some(url) => {
                check_smtp_url(url)?;
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| e.to_string())?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build();
                match transport.test_connection().await {
                    Ok(true) => Ok(Mailer::Smtp(transport)),
                    Ok(false) => Err("the SMTP server did not accept a connection".into()),
                    Err(e) => Err(format!("cannot reach the SMTP server ({e})")),
                }
            }
            None => {
                std::fs::create_dir_all(&settings.folder)
                    .map_err(|e| format!("cannot create {} ({e})", settings.folder.display()))?;
                Ok(Mailer::Files(
                    AsyncFileTransport::<Tokio1Executor>::new(&settings.folder),
                    settings.folder.clone(),
                ))
            }
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Mailer::Smtp(_) => "SMTP".into(),
            Mailer::Files(_, folder) => format!(".eml files in {}", folder.display()),
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Mailer::Smtp(t) => t.send(message).await.map(drop).map_err(|e| e.to_string()),
            Mailer::Files(t, _) => t.send(message).await.map(drop).map_err(|e| e.to_string()),
        }
    }
}

/// An email with its text and calendar file.
pub struct Email<'a> {
    pub from: &'a Mailbox,
    pub to: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    /// The calendar file and its iTIP method, which the part's content type repeats as
    /// RFC 6047 asks; none for a message about an account.
    pub ics: Option<(&'a str, &'a str)>,
    /// Stable for the outbox row, so a message sent twice (a worker stopped between sending
    /// and recording it) can be recognised as the same one.
    pub message_id: String,
}

impl Email<'_> {
    pub fn build(&self) -> Result<Message, String> {
        let to: Mailbox = self
            .to
            .parse()
            .map_err(|e| format!("the recipient's address is not usable ({e})"))?;
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(self.subject)
            .message_id(Some(self.message_id.clone()));
        let Some((ics, method)) = self.ics else {
            return builder
                .singlepart(SinglePart::plain(self.text.to_owned()))
                .map_err(|e| e.to_string());
        };
        let calendar =
            ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                .map_err(|e| e.to_string())?;
        builder
            .multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(self.text.to_owned()))
                    .singlepart(Attachment::new("mote.ics".into()).body(ics.to_owned(), calendar)),
            )
            .map_err(|e| e.to_string())
    }
}

/// A text message the provider accepted, with its id there (for its delivery report).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SmsSent {
    pub provider_id: Option<String>,
}

/// Why a text message was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmsError {
    /// The provider refused this message (a number it cannot reach, a text it will not
    /// send): sending it again would be refused again.
    #[error("refused: {0}")]
    Refused(String),
    /// The provider could not be reached or failed: try again later.
    #[error("unavailable: {0}")]
    Unavailable(String),
}

/// Sends text messages. A real provider's client implements this (46elks); the default
/// writes them to the log. `to` is a number in E.164 form (`+46701234567`).
#[async_trait::async_trait]
pub trait SmsProvider: Send + Sync {
    async fn send(&self, to: &str, text: &str) -> Result<SmsSent, SmsError>;
    fn name(&self) -> &'static str;
}

/// Writes each text message to the log instead of sending it, with the number shortened.
#[derive(Debug, Default)]
pub struct LogSms;

#[async_trait::async_trait]
impl SmsProvider for LogSms {
    async fn send(&self, to: &str, text: &str) -> Result<SmsSent, SmsError> {
        tracing::info!(to = %masked(to), text, "text message (written to the log, not sent)");
        Ok(SmsSent::default())
    }

    fn name(&self) -> &'static str {
        "log"
    }
}

/// `070…567`: enough to tell numbers apart in the log, not enough to call.
pub fn masked(number: &str) -> String {
    let digits: Vec<char> = number.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 7 {
        return "…".into();
    }
    let head: String = digits[..3].iter().collect();
    let tail: String = digits[digits.len() - 3..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_the_log_are_shortened() {
        assert_eq!(masked("070-123 45 67"), "070…567");
        assert_eq!(masked("12"), "…");
    }

    #[test]
    fn an_email_carries_its_text_and_calendar_file() {
        let from: Mailbox = "Tidbok <noreply@tidbok.example>".parse().unwrap();
        let message = Email {
            from: &from,
            to: "amira@example.se",
            subject: "Bokat: första möte",
            text: "Hej Amira!",
            ics: Some(("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "REQUEST")),
            message_id: "<tidbok-1@tidbok.example>".into(),
        }
        .build()
        .unwrap();
        let raw = String::from_utf8(message.formatted()).unwrap();
        assert!(raw.contains("Message-ID: <tidbok-1@tidbok.example>"));
        assert!(
            raw.contains("text/calendar; charset=utf-8; method=REQUEST"),
            "{raw}"
        );
        assert!(raw.contains("filename=\"mote.ics\""));
        assert!(Email {
            from: &from,
            to: "not an address",
            subject: "",
            text: "",
            ics: None,
            message_id: String::new(),
        }
        .build()
        .is_err());
    }
}
