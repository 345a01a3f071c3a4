//! The worker that empties the outbox: claims due messages, writes each from the booking as
//! it is now, sends it, and records the result. Any number of workers may run, in one
//! process or many, against the same database (see the store's outbox for how a message is
//! claimed by one of them at a time).

use super::{
    compose::{compose, compose_account, compose_seeker_link, compose_staff_link, Links},
    employer_messages::{compose_invitation, compose_registration_attempt},
    rating_messages::compose_rating,
    report_messages::compose_report,
    transport::{Email, Mailer, SmsError, SmsProvider},
};
use crate::{
    domain::{
        activity_report::period::ReportPeriod,
        notification::{retry_after, AccountEvent, Medium, MessageEvent},
        BookingStatus, PhoneNumber,
    },
    error::AppError,
    ssr::{
        services::activity_reports::schedule_reminders,
        store::{OutboxRow, ReportEvent, Store},
        video::VideoService,
    },
};
use chrono::{DateTime, Duration, Utc};
use lettre::message::Mailbox;
use std::sync::Arc;

/// How often the reminders about activity reports are looked for.
const REPORT_SWEEP_EVERY: Duration = Duration::minutes(10);

/// What became of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Sent; a text message's id at its provider, for the delivery report.
    Sent(Option<String>),
    /// Not worth sending any more (the meeting moved or was cancelled since), and why.
    Dropped(String),
    /// This try failed; it is tried again later or given up.
    Failed(String),
}

/// How many of each outcome one round had.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub dropped: usize,
    pub failed: usize,
    /// Outcomes that could not be recorded because another worker had taken the message over.
    pub lost_claims: usize,
}

impl Round {
    pub fn handled(&self) -> usize {
        self.sent + self.dropped + self.failed + self.lost_claims
    }
}

#[derive(Clone)]
pub struct Notifier {
    store: Store,
    mailer: Mailer,
    sms: Arc<dyn SmsProvider>,
    from: Mailbox,
    /// The service's public address, for links (no trailing slash).
    site: String,
    /// Names this worker's claims.
    worker: String,
    /// Where video meetings are held (their links are in the messages).
    video: VideoService,
    /// How long a claim holds: far longer than one SMTP conversation may take.
    pub lease: Duration,
    pub batch: i64,
}

impl Notifier {
    pub fn new(
        store: Store,
        mailer: Mailer,
        sms: Arc<dyn SmsProvider>,
        from: Mailbox,
        site: &str,
        worker: impl Into<String>,
    ) -> Self {
        Notifier {
            store,
            mailer,
            sms,
            from,
            site: site.trim_end_matches('/').to_owned(),
            worker: worker.into(),
            video: VideoService::demo(),
            lease: Duration::minutes(2),
            batch: 20,
        }
    }

    /// A name for this worker that differs between processes and machines.
    pub fn worker_name() -> String {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        let host = hostname().unwrap_or_else(|| "tidbok".into());
        format!(
            "{host}-{}-{:08x}",
            std::process::id(),
            u32::from_le_bytes(bytes)
        )
    }

    /// Links to video meetings lead to `video` (the demo service until this is called).
    pub fn with_video(mut self, video: VideoService) -> Self {
        self.video = video;
        self
    }

    pub fn mailer(&self) -> &Mailer {
        &self.mailer
    }

    /// Claims the messages due at `now` and handles each.
    #[tracing::instrument(name = "outbox_round", skip_all)]
    pub async fn run_once(&self, now: DateTime<Utc>) -> Result<Round, AppError> {
        let rows = self
            .store
            .claim_messages(&self.worker, now, self.lease, self.batch)
            .await?;
        let mut round = Round::default();
        for row in rows {
            let delivery = self.deliver(&row).await;
            let recorded = match &delivery {
                Delivery::Sent(provider_id) => {
                    self.store
                        .message_sent(row.id, &self.worker, now, provider_id.as_deref())
                        .await?
                }
                Delivery::Dropped(why) => {
                    self.store
                        .message_dropped(row.id, &self.worker, why)
                        .await?
                }
                Delivery::Failed(error) => {
                    let retry = retry_after(row.attempts).map(|wait| now + wait);
                    if retry.is_none() {
                        tracing::error!(
                            message = row.id,
                            booking = row.booking_id,
                            attempts = row.attempts,
                            error,
                            "a message could not be sent and is given up"
                        );
                    } else {
                        tracing::warn!(
                            message = row.id,
                            attempts = row.attempts,
                            error,
                            "sending failed; will try again"
                        );
                    }
                    self.store
                        .message_failed(row.id, &self.worker, error, retry)
                        .await?
                }
            };
            if !recorded {
                tracing::warn!(
                    message = row.id,
                    "another worker took this message over before its outcome was recorded"
                );
                round.lost_claims += 1;
                continue;
            }
            match delivery {
                Delivery::Sent(_) => round.sent += 1,
                Delivery::Dropped(_) => round.dropped += 1,
                Delivery::Failed(_) => round.failed += 1,
            }
        }
        Ok(round)
    }

    /// Handles messages until `stop` turns true, looking for due ones every `every`.
    #[tracing::instrument(name = "outbox_worker", skip_all)]
    pub async fn run(
        self,
        every: std::time::Duration,
        mut stop: tokio::sync::watch::Receiver<bool>,
    ) {
        tracing::info!(
            worker = %self.worker,
            email = %self.mailer.describe(),
            sms = self.sms.name(),
            "notification worker started"
        );
        let mut scheduled_at: Option<DateTime<Utc>> = None;
        loop {
            let now = Utc::now();
            // The monthly reports' reminders are written here too: one process or many,
            // each person gets each reminder once (the outbox holds one per month).
            if scheduled_at.is_none_or(|at| now - at >= REPORT_SWEEP_EVERY) {
                scheduled_at = Some(now);
                if let Err(e) = schedule_reminders(&self.store, now).await {
                    tracing::warn!(error = ?e, "the activity report reminders could not be written");
                }
            }
            match self.run_once(now).await {
                // A full batch: there may be more waiting right away.
                Ok(round) if round.handled() as i64 >= self.batch => continue,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = ?e, "the notification worker could not read the outbox")
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = stop.changed() => {}
            }
            if *stop.borrow() {
                tracing::info!(worker = %self.worker, "notification worker stopped");
                return;
            }
        }
    }

    #[tracing::instrument(name = "outbox_message", skip_all, fields(outbox_id = row.id, booking_id = row.booking_id, event = %row.event, medium = %row.medium))]
    async fn deliver(&self, row: &OutboxRow) -> Delivery {
        match self.try_deliver(row).await {
            Ok(d) => d,
            Err(e) => Delivery::Failed(format!("{e:?}")),
        }
    }

    async fn try_deliver(&self, row: &OutboxRow) -> Result<Delivery, AppError> {
        let (booking_id, meeting_starts_at) = match (row.booking_id, row.meeting_starts_at) {
            (Some(id), Some(starts)) => (id, starts),
            _ if row.staff_id.is_some() => return self.deliver_staff_link(row).await,
            _ if row.invitation_id.is_some() => return self.deliver_invitation(row).await,
            _ if row.employer_user_id.is_some() => return self.deliver_employer_attempt(row).await,
            _ if row.report_period.is_some() => return self.deliver_report_message(row).await,
            _ if row.event == "seeker_password_link" => return self.deliver_seeker_link(row).await,
            _ => return self.deliver_account_message(row).await,
        };
        match row.event.as_str() {
            "rating" => return self.deliver_rating(row, false).await,
            "rating_reminder" => return self.deliver_rating(row, true).await,
            _ => {}
        }
        let (Some(event), Some(medium)) =
            (MessageEvent::parse(&row.event), Medium::parse(&row.medium))
        else {
            return Ok(Delivery::Dropped("unknown event or medium".into()));
        };
        let Some(booking) = self.store.booking(booking_id).await? else {
            return Ok(Delivery::Dropped("the booking is gone".into()));
        };
        if event != MessageEvent::Cancelled
            && (booking.status == BookingStatus::Cancelled
                || booking.starts_at != meeting_starts_at)
        {
            // A later message tells of the change.
            return Ok(Delivery::Dropped("the meeting changed since".into()));
        }
        if event == MessageEvent::Reminder && booking.status != BookingStatus::Booked {
            return Ok(Delivery::Dropped("the meeting is no longer booked".into()));
        }
        let Some(to) = self.store.recipient(booking_id).await? else {
            return Ok(Delivery::Dropped("the seeker is gone".into()));
        };
        let links = Links {
            site: &self.site,
            video: &self.video,
        };
        let message = compose(event, &booking, &to, to.language(), links);
        Ok(match medium {
            Medium::Email => {
                self.send_email(
                    row,
                    &to.email,
                    &message.subject,
                    &message.text,
                    Some((&message.ics, message.ics_method)),
                )
                .await
            }
            Medium::Sms => self.send_sms(&to.phone, &message.sms).await,
        })
    }

    /// The question after a meeting held, or its one reminder: dropped once answered or
    /// closed; by text message only to a mobile number.
    async fn deliver_rating(&self, row: &OutboxRow, reminder: bool) -> Result<Delivery, AppError> {
        let Some(m) = self.store.rating_message(row.id).await? else {
            return Ok(Delivery::Dropped("the question is gone".into()));
        };
        if m.answered_at.is_some() {
            return Ok(Delivery::Dropped("answered already".into()));
        }
        if m.closes_at <= Utc::now() {
            return Ok(Delivery::Dropped("the question has closed".into()));
        }
        let Some(secret) = m.secret.as_deref() else {
            return Ok(Delivery::Dropped("the link was already written".into()));
        };
        let Some(to) = self.store.recipient(m.booking_id).await? else {
            return Ok(Delivery::Dropped("nobody to ask".into()));
        };
        let link = format!("{}{}", self.site, crate::paths::rating(secret));
        let message = compose_rating(
            reminder,
            &to.first_name,
            m.starts_at,
            m.closes_at,
            &link,
            to.language(),
        );
        Ok(match Medium::parse(&row.medium) {
            Some(Medium::Sms) if PhoneNumber::parse_mobile(&to.phone).is_ok() => {
                self.send_sms(&to.phone, &message.sms).await
            }
            Some(Medium::Sms) => Delivery::Dropped("no mobile number".into()),
            _ => {
                self.send_email(row, &to.email, &message.subject, &message.text, None)
                    .await
            }
        })
    }

    /// A message about an account: by email, to the account's own address.
    async fn deliver_account_message(&self, row: &OutboxRow) -> Result<Delivery, AppError> {
        let (Some(seeker_id), Some(event)) = (row.seeker_id, AccountEvent::parse(&row.event))
        else {
            return Ok(Delivery::Dropped("neither a meeting nor an account".into()));
        };
        let Some(to) = self.store.seeker_recipient(seeker_id).await? else {
            return Ok(Delivery::Dropped("the seeker is gone".into()));
        };
        let message = compose_account(event, &to, to.language(), &self.site);
        Ok(self
            .send_email(row, &to.email, &message.subject, &message.text, None)
            .await)
    }

    /// A reminder about a month's activity report, by email or text message. Dropped when
    /// the report was sent since it was written.
    async fn deliver_report_message(&self, row: &OutboxRow) -> Result<Delivery, AppError> {
        let (Some(seeker_id), Some(period), Some(event), Some(medium)) = (
            row.seeker_id,
            row.report_period.as_deref().and_then(ReportPeriod::parse),
            ReportEvent::parse(&row.event),
            Medium::parse(&row.medium),
        ) else {
            return Ok(Delivery::Dropped("not a reminder about a report".into()));
        };
        if self
            .store
            .sent_report(seeker_id, period, 1)
            .await?
            .is_some()
        {
            return Ok(Delivery::Dropped("the report was sent meanwhile".into()));
        }
        let Some(to) = self.store.seeker_recipient(seeker_id).await? else {
            return Ok(Delivery::Dropped("the seeker is gone".into()));
        };
        let message = compose_report(event, period, &to, to.language(), &self.site);
        Ok(match medium {
            Medium::Email => {
                self.send_email(row, &to.email, &message.subject, &message.text, None)
                    .await
            }
            Medium::Sms => self.send_sms(&to.phone, &message.sms).await,
        })
    }

    /// The link for a member of staff to set their password. Its secret waits in the row
    /// until this email is written, and is cleared once the row is finished.
    async fn deliver_staff_link(&self, row: &OutboxRow) -> Result<Delivery, AppError> {
        let Some(to) = self.store.staff_link_message(row.id).await? else {
            return Ok(Delivery::Dropped("the account is gone".into()));
        };
        let Some(secret) = to.secret.as_deref() else {
            return Ok(Delivery::Dropped("the link was already written".into()));
        };
        if !to.active {
            return Ok(Delivery::Dropped("the account is closed".into()));
        }
        let link = format!("{}{}", self.site, crate::paths::password_link(secret));
        let message = compose_staff_link(&to.first_name, &link);
        Ok(self
            .send_email(row, &to.email, &message.subject, &message.text, None)
            .await)
    }

    /// The link for a person registered by staff to make their password, in their language,
    /// by email or text message. Its secret waits in the row until the message is written, as
    /// a staff link's does.
    async fn deliver_seeker_link(&self, row: &OutboxRow) -> Result<Delivery, AppError> {
        let Some(to) = self.store.seeker_link_message(row.id).await? else {
            return Ok(Delivery::Dropped("the person is gone".into()));
        };
        let Some(secret) = to.secret.as_deref() else {
            return Ok(Delivery::Dropped("the link was already written".into()));
        };
        let link = format!(
            "{}{}",
            self.site,
            crate::paths::seeker_password_link(secret)
        );
        let sv = to.message_language != "en";
        let message = compose_seeker_link(&to.first_name, &link, sv);
        Ok(match Medium::parse(&row.medium) {
            Some(Medium::Sms) => self.send_sms(&to.phone, &message.sms).await,
            _ => {
                self.send_email(row, &to.email, &message.subject, &message.text, None)
                    .await
            }
        })
    }

    /// The invitation of a colleague to an employer's account. Its secret waits in the row
    /// until this email is written, as a staff link's does.
    async fn deliver_invitation(&self, row: &OutboxRow) -> Result<Delivery, AppError> {
        let Some(inv) = self.store.invitation_message(row.id).await? else {
            return Ok(Delivery::Dropped("the invitation is gone".into()));
        };
        let Some(secret) = inv.secret.as_deref() else {
            return Ok(Delivery::Dropped("the link was already written".into()));
        };
        if inv.used_at.is_some() {
            return Ok(Delivery::Dropped("the invitation was used".into()));
        }
        let link = format!("{}{}", self.site, crate::paths::employer_invitation(secret));
        let inviter = format!("{} {}", inv.inviter_first_name, inv.inviter_last_name);
        let message = compose_invitation(&inv.employer_name, &inviter, &link);
        Ok(self
            .send_email(row, &inv.email, &message.subject, &message.text, None)
            .await)
    }

    /// The note to an employer's user that someone tried to register with their details.
    async fn deliver_employer_attempt(&self, row: &OutboxRow) -> Result<Delivery, AppError> {
        let Some(user) = self
            .store
            .employer_user(row.employer_user_id.unwrap_or(0))
            .await?
        else {
            return Ok(Delivery::Dropped("the account is gone".into()));
        };
        let message = compose_registration_attempt(&user.first_name, &self.site);
        Ok(self
            .send_email(row, &user.email, &message.subject, &message.text, None)
            .await)
    }

    /// Sends a text message: one the provider refuses is dropped with its reason (it would be
    /// refused again), one it could not take is tried again later.
    async fn send_sms(&self, to: &str, text: &str) -> Delivery {
        match self.sms.send(to, text).await {
            Ok(sent) => Delivery::Sent(sent.provider_id),
            Err(SmsError::Refused(why)) => {
                Delivery::Dropped(format!("the provider refused it: {why}"))
            }
            Err(SmsError::Unavailable(error)) => Delivery::Failed(error),
        }
    }

    /// Builds and sends the email for outbox row `row`: an address that cannot be written
    /// drops it, a failed send is tried again later.
    async fn send_email(
        &self,
        row: &OutboxRow,
        to: &str,
        subject: &str,
        text: &str,
        ics: Option<(&str, &str)>,
    ) -> Delivery {
        let email = Email {
            from: &self.from,
            to,
            subject,
            text,
            ics,
            message_id: format!("<tidbok-outbox-{}@{}>", row.id, self.domain()),
        }
        .build();
        match email {
            Ok(email) => match self.mailer.send(email).await {
                Ok(()) => Delivery::Sent(None),
                Err(e) => Delivery::Failed(e),
            },
            Err(e) => Delivery::Dropped(e),
        }
    }

    /// The sender's domain, for Message-IDs.
    fn domain(&self) -> &str {
        self.from.email.domain()
    }
}

fn hostname() -> Option<String> {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
}
