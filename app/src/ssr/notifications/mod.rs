//! Telling seekers about their meetings: the outbox's messages written out (`compose`), the
//! ways they leave (`transport`) and the worker that sends them (`worker`).

pub mod compose;
pub mod elks;
pub mod employer_messages;
pub mod rating_messages;
pub mod report_messages;
pub mod transport;
pub mod worker;

pub use lettre::message::Mailbox;
pub use transport::{LogSms, MailSettings, Mailer, SmsError, SmsProvider, SmsSent};
pub use worker::{Delivery, Notifier, Round};
