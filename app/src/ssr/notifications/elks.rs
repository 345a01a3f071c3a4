//! Text messages through 46elks, a Swedish SMS gateway: one HTTPS POST per message with
//! Basic authentication and the form fields `from`, `to` (E.164) and `message`, and
//! `whendelivered`, the address 46elks posts the delivery report to (it tries again until
//! that answers 2xx). A 4xx answer refuses the message for good; a 5xx or no answer is
//! tried again through the outbox.

use super::transport::{masked, SmsError, SmsProvider, SmsSent};
use sha2::{Digest, Sha256};
use std::time::Duration;

/// 46elks' address for sending a text message.
pub const ELKS_API: &str = "https://api.46elks.com/a1/sms";
/// Where delivery reports are posted on this service (with its key as `nyckel`).
pub const DELIVERY_PATH: &str = "/sms/leverans";
/// How long one request may take before it counts as unavailable (and is tried again).
const TIMEOUT: Duration = Duration::from_secs(15);

/// The account and sender, as configured.
#[derive(Clone)]
pub struct ElksSettings {
    /// The API's address: [`ELKS_API`], or a test server's.
    pub api_url: String,
    pub username: String,
    pub password: String,
    /// The sender shown: up to 11 letters and digits, or a number.
    pub from: String,
    /// The service's public address (no trailing slash), for the delivery report's.
    pub site: String,
}

impl std::fmt::Debug for ElksSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ElksSettings {{ api_url: {:?}, username: {:?}, password: …, from: {:?} }}",
            self.api_url, self.username, self.from
        )
    }
}

impl ElksSettings {
    /// The key the delivery report's address carries, so that only 46elks (who was given
    /// the address) can post reports: derived from the API password, so there is nothing
    /// more to configure, and it changes when the password does.
    pub fn delivery_key(&self) -> String {
        let digest = Sha256::digest(format!("tidbok-delivery:{}", self.password));
        digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
    }

    /// Whether `from` is a sender 46elks accepts: 3–11 letters and digits starting with a
    /// letter, or a number in E.164 form.
    pub fn check_from(from: &str) -> Result<(), String> {
        let name = (3..=11).contains(&from.len())
            && from.starts_with(|c: char| c.is_ascii_alphabetic())
            && from.chars().all(|c| c.is_ascii_alphanumeric());
        let number = from.starts_with('+')
            && (8..=16).contains(&from.len())
            && from[1..].chars().all(|c| c.is_ascii_digit());
        if name || number {
            Ok(())
        } else {
            Err(format!("`{from}` must be 3–11 letters and digits starting with a letter, or a number such as +46766861004"))
        }
    }
}

pub struct ElksSms {
    settings: ElksSettings,
    client: reqwest::Client,
}

impl ElksSms {
    pub fn new(settings: ElksSettings) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .map_err(|e| format!("no HTTP client for 46elks ({e})"))?;
        Ok(ElksSms { settings, client })
    }
}

#[derive(serde::Deserialize)]
struct Created {
    id: String,
}

#[async_trait::async_trait]
impl SmsProvider for ElksSms {
    #[tracing::instrument(name = "sms_46elks", skip_all, fields(to = %masked(to)))]
    async fn send(&self, to: &str, text: &str) -> Result<SmsSent, SmsError> {
        let s = &self.settings;
        let report = format!("{}{DELIVERY_PATH}?nyckel={}", s.site, s.delivery_key());
        let answer = self
            .client
            .post(&s.api_url)
            .basic_auth(&s.username, Some(&s.password))
            .form(&[
                ("from", s.from.as_str()),
                ("to", to),
                ("message", text),
                ("whendelivered", report.as_str()),
            ])
            .send()
            .await
            .map_err(|e| SmsError::Unavailable(format!("46elks could not be reached ({e})")))?;
        let status = answer.status();
        let body = answer.text().await.unwrap_or_default();
        // 46elks explains a refusal in plain text; never more than a line of it is kept.
        let said: String = body.chars().take(200).collect();
        if status.is_client_error() {
            return Err(SmsError::Refused(format!("{status}: {said}")));
        }
        if !status.is_success() {
            return Err(SmsError::Unavailable(format!("{status}: {said}")));
        }
        let created: Created = serde_json::from_str(&body).map_err(|e| {
            SmsError::Unavailable(format!(
                "46elks answered {status} without a message id ({e})"
            ))
        })?;
        tracing::info!(provider_id = %created.id, "text message sent");
        Ok(SmsSent {
            provider_id: Some(created.id),
        })
    }

    fn name(&self) -> &'static str {
        "46elks"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(password: &str) -> ElksSettings {
        ElksSettings {
            api_url: ELKS_API.into(),
            username: "u0123".into(),
            password: password.into(),
            from: "Tidbok".into(),
            site: "https://tidbok.example".into(),
        }
    }

    #[test]
    fn the_delivery_key_follows_the_password_and_hides_it() {
        let key = settings("secret-one").delivery_key();
        assert_eq!(key.len(), 32);
        assert_eq!(key, settings("secret-one").delivery_key());
        assert_ne!(key, settings("secret-two").delivery_key());
        assert!(!key.contains("secret"));
        assert!(!format!("{:?}", settings("secret-one")).contains("secret-one"));
    }

    #[test]
    fn senders_46elks_accepts() {
        for ok in ["Tidbok", "AF2026", "+46766861004"] {
            assert!(ElksSettings::check_from(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "Ti",
            "Arbetsformedlingen",
            "Tid bok",
            "2026AF",
            "+46-70",
            "Tidbök",
        ] {
            assert!(ElksSettings::check_from(bad).is_err(), "{bad}");
        }
    }
}
