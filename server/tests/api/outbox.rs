//! The outbox, against SQLite and PostgreSQL: every booking change writes its messages in its
//! own transaction, the worker sends each message once (also with two workers racing and
//! after one stops mid-send), failed sends are retried with backoff, reminders wait for
//! their time, and email reaches a real SMTP server with its calendar file.

use crate::support::{self, people, Backend};
use app::domain::{
    booking::SlotChoice,
    choices::CancelReason,
    notification::{AccountEvent, MessageLanguage},
    Channel,
};
use app::domain::{BookingId, SeekerId};
use app::ssr::{
    notifications::{
        MailSettings, Mailbox, Mailer, Notifier, Round, SmsError, SmsProvider, SmsSent,
    },
    services::{booking as service, picker},
    store::{NewBooking, OutboxRow, Party, Store, StoreError},
};
use chrono::{DateTime, Duration, TimeZone, Utc};
use mailparse::MailHeaderMap;
use std::{
    collections::HashMap,
    path::Path,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
};

on_both_backends!(
    each_change_writes_its_messages_with_it_and_only_then,
    the_worker_sends_each_message_once_and_reminders_at_their_time,
    a_worker_stopped_mid_send_leaves_nothing_lost,
    two_workers_racing_send_each_message_once,
    a_failed_send_is_tried_again_later_and_then_given_up,
    moved_and_cancelled_meetings_are_not_reminded_of,
    email_reaches_a_real_smtp_server_with_its_calendar_file,
    an_account_message_is_an_email_to_the_owner_without_a_calendar_file,
);

/// Monday 23 November 2026, 09:30 in Stockholm.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 30, 0).unwrap()
}

/// Records text messages, failing the first `fail` of them.
#[derive(Default, Clone)]
struct Texts {
    sent: Arc<Mutex<Vec<(String, String)>>>,
    fail: Arc<AtomicUsize>,
}

#[async_trait::async_trait]
impl SmsProvider for Texts {
    async fn send(&self, to: &str, text: &str) -> Result<SmsSent, SmsError> {
        if self
            .fail
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
        {
            return Err(SmsError::Unavailable("the provider is down".into()));
        }
        self.sent
            .lock()
            .unwrap()
            .push((to.to_owned(), text.to_owned()));
        Ok(SmsSent::default())
    }

    fn name(&self) -> &'static str {
        "test"
    }
}

impl Texts {
    fn count(&self) -> usize {
        self.sent.lock().unwrap().len()
    }
}

fn from() -> Mailbox {
    "Tidbok <noreply@tidbok.example>".parse().unwrap()
}

async fn file_notifier(store: &Store, folder: &Path, texts: &Texts, name: &str) -> Notifier {
    let mailer = Mailer::connect(&MailSettings {
        from: from(),
        smtp_url: None,
        folder: folder.to_owned(),
    })
    .await
    .expect("a folder for .eml files");
    Notifier::new(
        store.clone(),
        mailer,
        Arc::new(texts.clone()),
        from(),
        "https://tidbok.example",
        name,
    )
}

/// Every .eml file's text.
fn emails(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// How many .eml files carry each outbox row's Message-ID.
fn emails_per_message(folder: &Path) -> HashMap<i64, usize> {
    let mut seen = HashMap::new();
    for text in emails(folder) {
        let id = text
            .lines()
            .find_map(|l| l.strip_prefix("Message-ID: <tidbok-outbox-"))
            .and_then(|rest| rest.split('@').next())
            .and_then(|n| n.parse::<i64>().ok())
            .expect("every email has the outbox's Message-ID");
        *seen.entry(id).or_insert(0) += 1;
    }
    seen
}

async fn counsellor(store: &Store) -> i64 {
    store.list_counsellors().await.unwrap()[0].id
}

/// A first meeting by phone for seeker `n` at `starts`, booked at `at`.
async fn booked(store: &Store, n: u32, starts: DateTime<Utc>, at: DateTime<Utc>) -> i64 {
    let seeker = people::register(store, n, &["underskoterska"], None, at).await;
    store
        .insert_booking(&NewBooking {
            with: Party::Seeker(seeker),
            counsellor_id: counsellor(store).await,
            meeting_type: service::FIRST_MEETING,
            channel: Channel::Phone,
            office_id: None,
            starts_at: starts,
            ends_at: starts + Duration::minutes(45),
            clear_until: starts + Duration::minutes(60),
            is_first: true,
            video_room: None,
            now: at,
            visit_limit: None,
        })
        .await
        .expect("the time is free")
}

fn kinds(rows: &[OutboxRow]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|r| (r.event.clone(), r.medium.clone(), r.status.clone()))
        .collect()
}

fn kind(event: &str, medium: &str, status: &str) -> (String, String, String) {
    (event.into(), medium.into(), status.into())
}

async fn status_counts(store: &Store) -> HashMap<String, i64> {
    store.outbox_counts().await.unwrap().into_iter().collect()
}

async fn each_change_writes_its_messages_with_it_and_only_then(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    // Booked through the service, as a seeker does: a visit on Thursday.
    let seeker_id = people::register(&store, 1, &["underskoterska"], None, now()).await;
    let seeker = store.seeker_profile(seeker_id).await.unwrap().unwrap();
    let picker = picker::picker(&store, &seeker, Channel::Phone, None, None, now())
        .await
        .unwrap();
    let thursday = picker
        .offer
        .times()
        .find(|t| t.slot.start > now() + Duration::days(3))
        .unwrap();
    let id = service::book(
        &store,
        &seeker,
        Channel::Phone,
        None,
        SlotChoice {
            counsellor_id: thursday.counsellor_id,
            start: thursday.slot.start,
        },
        now(),
    )
    .await
    .unwrap();
    let rows = store.booking_messages(id).await.unwrap();
    assert_eq!(
        kinds(&rows),
        [
            kind("booked", "email", "pending"),
            kind("reminder", "email", "pending"),
            kind("reminder", "sms", "pending"),
        ]
    );
    assert_eq!(rows[0].due_at, now());
    assert_eq!(rows[1].due_at, thursday.slot.start - Duration::hours(24));
    assert!(rows
        .iter()
        .all(|r| r.meeting_starts_at == Some(thursday.slot.start)));

    // A refused booking (the same time again, for someone else) writes nothing.
    let before = store.outbox_counts().await.unwrap();
    let other = people::register(&store, 2, &["underskoterska"], None, now()).await;
    let refused = store
        .insert_booking(&NewBooking {
            with: Party::Seeker(other),
            counsellor_id: thursday.counsellor_id,
            meeting_type: service::FIRST_MEETING,
            channel: Channel::Phone,
            office_id: None,
            starts_at: thursday.slot.start,
            ends_at: thursday.slot.end,
            clear_until: thursday.slot.end + Duration::minutes(15),
            is_first: true,
            video_room: None,
            now: now(),
            visit_limit: None,
        })
        .await;
    assert!(matches!(refused, Err(StoreError::Conflict(_))));
    assert_eq!(store.outbox_counts().await.unwrap(), before);

    // A day later the seeker moves it to Wednesday (still more than a day ahead, so a new
    // reminder is written), then cancels it.
    let booking = store.booking(id).await.unwrap().unwrap();
    let later = now() + Duration::days(1);
    let moved_to = picker
        .offer
        .times()
        .find(|t| t.slot.start > later + Duration::hours(26) && t.slot.start < thursday.slot.start)
        .unwrap();
    service::reschedule(
        &store,
        &seeker,
        &booking,
        Channel::Phone,
        None,
        SlotChoice {
            counsellor_id: moved_to.counsellor_id,
            start: moved_to.slot.start,
        },
        later,
    )
    .await
    .unwrap();
    let rows = store.booking_messages(id).await.unwrap();
    assert_eq!(
        kinds(&rows),
        [
            kind("booked", "email", "pending"),
            kind("reminder", "email", "dropped"),
            kind("reminder", "sms", "dropped"),
            kind("moved", "email", "pending"),
            kind("moved", "sms", "pending"),
            kind("reminder", "email", "pending"),
            kind("reminder", "sms", "pending"),
        ]
    );
    assert_eq!(rows[5].due_at, moved_to.slot.start - Duration::hours(24));
    store
        .cancel_booking(
            BookingId(id),
            SeekerId(seeker_id),
            CancelReason::Other,
            "",
            later,
        )
        .await
        .unwrap();
    let rows = store.booking_messages(id).await.unwrap();
    assert_eq!(
        kinds(&rows[5..]),
        [
            kind("reminder", "email", "dropped"),
            kind("reminder", "sms", "dropped"),
            kind("cancelled", "email", "pending"),
            kind("cancelled", "sms", "pending"),
        ]
    );
    // Cancelling twice writes nothing more.
    let again = store
        .cancel_booking(
            BookingId(id),
            SeekerId(seeker_id),
            CancelReason::Other,
            "",
            later,
        )
        .await;
    assert!(matches!(again, Err(StoreError::NotFound)));
    assert_eq!(store.booking_messages(id).await.unwrap().len(), 9);
    db.drop_database().await;
}

async fn the_worker_sends_each_message_once_and_reminders_at_their_time(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let folder = tempfile::tempdir().unwrap();
    let texts = Texts::default();
    let starts = now() + Duration::days(3);
    let id = booked(&store, 1, starts, now()).await;
    let seeker = store.booking(id).await.unwrap().unwrap().seeker_id.unwrap();
    store
        .set_message_language(seeker, MessageLanguage::En)
        .await
        .unwrap();
    let worker = file_notifier(&store, folder.path(), &texts, "w1").await;

    let round = worker.run_once(now()).await.unwrap();
    assert_eq!(
        round,
        Round {
            sent: 1,
            ..Round::default()
        }
    );
    let sent = emails(folder.path());
    assert_eq!(sent.len(), 1);
    let email = mailparse::parse_mail(sent[0].as_bytes()).unwrap();
    assert_eq!(
        email.headers.get_first_value("To").as_deref(),
        Some("person1@example.se")
    );
    let subject = email.headers.get_first_value("Subject").unwrap();
    assert!(
        subject.starts_with("Booked: first meeting Thu 26 November at"),
        "{subject}"
    );
    let bodies: Vec<String> = email
        .subparts
        .iter()
        .map(|p| p.get_body().unwrap())
        .collect();
    assert!(bodies[0].starts_with("Hello Testa,"));
    assert!(bodies[1].contains("BEGIN:VEVENT"));
    for body in &bodies {
        assert!(
            !body.contains(&people::personal_number(1)[2..]),
            "no identity number in a message"
        );
    }
    // Nothing more is due until the day before.
    assert_eq!(worker.run_once(now()).await.unwrap(), Round::default());
    let day_before = starts - Duration::hours(24);
    assert_eq!(
        worker
            .run_once(day_before - Duration::minutes(1))
            .await
            .unwrap(),
        Round::default()
    );
    let round = worker.run_once(day_before).await.unwrap();
    assert_eq!(round.sent, 2);
    assert_eq!(texts.count(), 1);
    let (to, text) = texts.sent.lock().unwrap()[0].clone();
    assert_eq!(to, "+46701010100");
    assert!(
        text.starts_with("Tidbok: Reminder: first meeting with"),
        "{text}"
    );
    assert_eq!(emails(folder.path()).len(), 2);
    assert_eq!(
        status_counts(&store).await.get("sent").copied(),
        Some(3),
        "each message once"
    );
    assert_eq!(worker.run_once(starts).await.unwrap(), Round::default());
    db.drop_database().await;
}

async fn a_worker_stopped_mid_send_leaves_nothing_lost(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let folder = tempfile::tempdir().unwrap();
    let texts = Texts::default();
    for n in 0..3 {
        booked(
            &store,
            n,
            now() + Duration::days(2) + Duration::hours(i64::from(n)),
            now(),
        )
        .await;
    }
    // A worker claims the three confirmations and stops before sending (a crash, a deploy).
    let claimed = store
        .claim_messages("stopped", now(), Duration::minutes(2), 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 3);
    assert!(claimed.iter().all(|r| r.attempts == 1));
    // The process starts again, with its store connected afresh.
    let restarted = db.store().await;
    let worker = file_notifier(&restarted, folder.path(), &texts, "restarted").await;
    // While the claim holds, the messages are left alone …
    assert_eq!(
        worker.run_once(now() + Duration::minutes(1)).await.unwrap(),
        Round::default()
    );
    // … and once it has run out, they are sent.
    let round = worker.run_once(now() + Duration::minutes(3)).await.unwrap();
    assert_eq!(round.sent, 3);
    assert_eq!(emails_per_message(folder.path()).values().sum::<usize>(), 3);
    assert!(emails_per_message(folder.path()).values().all(|n| *n == 1));
    // The stopped worker's late word no longer counts.
    assert!(!store
        .message_sent(claimed[0].id, "stopped", now() + Duration::minutes(4), None)
        .await
        .unwrap());
    let rows = store
        .booking_messages(claimed[0].booking_id.unwrap())
        .await
        .unwrap();
    assert_eq!(rows[0].status, "sent");
    assert_eq!(rows[0].attempts, 2);
    restarted.close().await;
    db.drop_database().await;
}

async fn two_workers_racing_send_each_message_once(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let folder = tempfile::tempdir().unwrap();
    let texts = Texts::default();
    // 24 meetings in the coming days, each booked, half of them moved: 36 emails and 12
    // text messages due now.
    let mut ids = Vec::new();
    for n in 0..24u32 {
        let starts = now() + Duration::days(2) + Duration::hours(i64::from(n));
        ids.push(booked(&store, n, starts, now()).await);
    }
    let c = counsellor(&store).await;
    for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
        let b = store.booking(*id).await.unwrap().unwrap();
        let starts = now() + Duration::days(5) + Duration::hours(i as i64);
        store
            .move_booking(
                BookingId(*id),
                SeekerId(b.seeker_id.unwrap()),
                app::ssr::store::NewTime {
                    counsellor_id: c,
                    channel: Channel::Phone,
                    office_id: None,
                    video_room: None,
                    starts_at: starts,
                    ends_at: starts + Duration::minutes(45),
                    clear_until: starts + Duration::minutes(60),
                    visit_limit: None,
                },
                now(),
            )
            .await
            .unwrap();
    }
    // Two processes: each its own connections to the same database.
    let (a, b) = (db.store().await, db.store().await);
    let mut one = file_notifier(&a, folder.path(), &texts, "one").await;
    let mut two = file_notifier(&b, folder.path(), &texts, "two").await;
    one.batch = 3;
    two.batch = 3;
    let race = |w: Notifier| async move {
        let mut total = Round::default();
        loop {
            let r = w.run_once(now()).await.expect("a round");
            if r.handled() == 0 {
                return total;
            }
            total.sent += r.sent;
            total.dropped += r.dropped;
            total.lost_claims += r.lost_claims;
        }
    };
    let (r1, r2) = tokio::join!(tokio::spawn(race(one)), tokio::spawn(race(two)));
    let (r1, r2) = (r1.unwrap(), r2.unwrap());
    // The first confirmations of the moved meetings are dropped (the "new time" message
    // tells the time); every other message is sent by exactly one of the two.
    assert_eq!(r1.lost_claims + r2.lost_claims, 0);
    assert_eq!(r1.dropped + r2.dropped, 12);
    assert_eq!(r1.sent + r2.sent, 12 + 12 + 12);
    assert!(
        r1.sent > 0 && r2.sent > 0,
        "both workers took part: {r1:?} {r2:?}"
    );
    let per_message = emails_per_message(folder.path());
    assert_eq!(per_message.len(), 24);
    assert!(per_message.values().all(|n| *n == 1), "{per_message:?}");
    assert_eq!(texts.count(), 12);
    let counts = status_counts(&store).await;
    assert_eq!(counts.get("sending"), None);
    assert_eq!(
        counts.get("pending").copied(),
        Some(24 * 2),
        "the reminders wait"
    );
    a.close().await;
    b.close().await;
    db.drop_database().await;
}

async fn a_failed_send_is_tried_again_later_and_then_given_up(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let folder = tempfile::tempdir().unwrap();
    let texts = Texts::default();
    let starts = now() + Duration::days(2);
    let id = booked(&store, 1, starts, now()).await;
    let b = store.booking(id).await.unwrap().unwrap();
    store
        .cancel_booking(
            BookingId(id),
            SeekerId(b.seeker_id.unwrap()),
            CancelReason::Other,
            "",
            now(),
        )
        .await
        .unwrap();
    let worker = file_notifier(&store, folder.path(), &texts, "w").await;
    // The text message provider is down for the first two tries.
    texts.fail.store(2, Ordering::SeqCst);
    let round = worker.run_once(now()).await.unwrap();
    // The confirmation is dropped (cancelled since); the cancellation email goes; its text
    // fails.
    assert_eq!((round.sent, round.dropped, round.failed), (1, 1, 1));
    let sms = |rows: Vec<OutboxRow>| {
        rows.into_iter()
            .find(|r| r.event == "cancelled" && r.medium == "sms")
            .unwrap()
    };
    let row = sms(store.booking_messages(id).await.unwrap());
    assert_eq!(row.status, "pending");
    assert_eq!(row.attempts, 1);
    assert_eq!(row.due_at, now() + Duration::seconds(30));
    assert_eq!(row.last_error.as_deref(), Some("the provider is down"));
    // Not before its time; then the second try fails and waits twice as long.
    assert_eq!(
        worker
            .run_once(now() + Duration::seconds(29))
            .await
            .unwrap(),
        Round::default()
    );
    let t = now() + Duration::seconds(30);
    assert_eq!(worker.run_once(t).await.unwrap().failed, 1);
    let row = sms(store.booking_messages(id).await.unwrap());
    assert_eq!(row.due_at, t + Duration::seconds(60));
    let t = t + Duration::seconds(60);
    assert_eq!(worker.run_once(t).await.unwrap().sent, 1);
    assert_eq!(texts.count(), 1);
    assert_eq!(
        sms(store.booking_messages(id).await.unwrap()).status,
        "sent"
    );

    // A provider that never answers: after the last try the message is given up.
    texts.fail.store(usize::MAX, Ordering::SeqCst);
    let other = booked(&store, 2, starts + Duration::hours(3), now()).await;
    let ob = store.booking(other).await.unwrap().unwrap();
    store
        .cancel_booking(
            BookingId(other),
            SeekerId(ob.seeker_id.unwrap()),
            CancelReason::Other,
            "",
            now(),
        )
        .await
        .unwrap();
    let mut t = now();
    for _ in 0..app::domain::notification::MAX_ATTEMPTS {
        worker.run_once(t).await.unwrap();
        t += Duration::hours(1);
    }
    let row = sms(store.booking_messages(other).await.unwrap());
    assert_eq!(row.status, "failed");
    assert_eq!(row.attempts, app::domain::notification::MAX_ATTEMPTS);
    assert_eq!(worker.run_once(t).await.unwrap(), Round::default());
    db.drop_database().await;
}

async fn moved_and_cancelled_meetings_are_not_reminded_of(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let folder = tempfile::tempdir().unwrap();
    let texts = Texts::default();
    let starts = now() + Duration::days(3);
    let id = booked(&store, 1, starts, now()).await;
    let worker = file_notifier(&store, folder.path(), &texts, "w").await;
    worker.run_once(now()).await.unwrap();
    // A staff member marks the meeting held early (it happened as a walk-in the day before):
    // the reminder is not sent.
    sqlx_status(&db, id, "held").await;
    let round = worker.run_once(starts - Duration::hours(24)).await.unwrap();
    assert_eq!((round.sent, round.dropped), (0, 2));
    assert_eq!(texts.count(), 0);
    db.drop_database().await;
}

/// Sets a booking's status straight in the database, as another part of the service would.
async fn sqlx_status(db: &support::TestDb, id: i64, status: &str) {
    use sqlx::Connection;
    let sql = "UPDATE bookings SET status = $1 WHERE id = $2";
    if db.url.starts_with("sqlite:") {
        let mut c = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
        sqlx::query(sql)
            .bind(status)
            .bind(id)
            .execute(&mut c)
            .await
            .unwrap();
    } else {
        let mut c = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::query(sql)
            .bind(status)
            .bind(id)
            .execute(&mut c)
            .await
            .unwrap();
    }
}

/// Each message the local SMTP server received: its envelope recipients and its text.
type Received = Arc<Mutex<Vec<(Vec<String>, String)>>>;

/// What the local SMTP server received.
#[derive(Clone, Default)]
struct Inbox {
    current: Vec<u8>,
    envelope_to: Vec<String>,
    received: Received,
}

impl mailin_embedded::Handler for Inbox {
    fn data_start(
        &mut self,
        _domain: &str,
        _from: &str,
        _is8bit: bool,
        to: &[String],
    ) -> mailin_embedded::Response {
        self.envelope_to = to.to_vec();
        self.current.clear();
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        let text = String::from_utf8_lossy(&self.current).into_owned();
        self.received
            .lock()
            .unwrap()
            .push((self.envelope_to.clone(), text));
        mailin_embedded::response::OK
    }
}

/// Starts an SMTP server on a free local port; it runs until the test process ends.
fn smtp_server() -> (String, Received) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = Inbox::default();
    let received = inbox.received.clone();
    let mut server = mailin_embedded::Server::new(inbox);
    server
        .with_name("smtp.test")
        .with_ssl(mailin_embedded::SslConfig::None)
        .unwrap()
        .with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    (format!("smtp://127.0.0.1:{port}"), received)
}

async fn email_reaches_a_real_smtp_server_with_its_calendar_file(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let (url, received) = smtp_server();
    let starts = now() + Duration::days(2);
    let id = booked(&store, 1, starts, now()).await;
    let settings = MailSettings {
        from: from(),
        smtp_url: Some(url),
        folder: "unused".into(),
    };
    let mailer = Mailer::connect(&settings)
        .await
        .expect("the server answers");
    let texts = Texts::default();
    let worker = Notifier::new(
        store.clone(),
        mailer,
        Arc::new(texts),
        from(),
        "https://tidbok.example",
        "smtp",
    );
    assert_eq!(worker.run_once(now()).await.unwrap().sent, 1);
    let mail = received.lock().unwrap().clone();
    assert_eq!(mail.len(), 1);
    let (to, raw) = &mail[0];
    assert_eq!(to, &["person1@example.se".to_owned()]);
    let parsed = mailparse::parse_mail(raw.as_bytes()).expect("a MIME message");
    let header = |name: &str| parsed.headers.get_first_value(name).unwrap_or_default();
    assert_eq!(header("From"), "Tidbok <noreply@tidbok.example>");
    assert!(header("Message-ID").starts_with("<tidbok-outbox-"));
    assert!(
        header("Subject").starts_with("Bokat: första möte"),
        "{}",
        header("Subject")
    );
    let part = |mime: &str| {
        parsed
            .subparts
            .iter()
            .find(|p| p.ctype.mimetype == mime)
            .unwrap_or_else(|| panic!("a {mime} part"))
    };
    let text = part("text/plain").get_body().unwrap();
    assert!(text.starts_with("Hej Testa!"), "{text}");
    assert!(text.contains(&format!("https://tidbok.example/mina-sidor/mote/{id}")));
    let ics = part("text/calendar");
    assert_eq!(
        ics.ctype.params.get("method").map(String::as_str),
        Some("REQUEST"),
        "the part names the iTIP method"
    );
    assert_eq!(
        ics.get_content_disposition()
            .params
            .get("filename")
            .map(String::as_str),
        Some("mote.ics")
    );
    // The calendar file, decoded from the attachment, is the meeting.
    let ics = ics.get_body().unwrap();
    let b = store.booking(id).await.unwrap().unwrap();
    assert!(ics.contains("BEGIN:VEVENT"));
    assert!(ics.contains(&format!("UID:booking-{id}@tidbok.example")));
    assert!(
        ics.contains(&format!("DTSTART:{}", b.starts_at.format("%Y%m%dT%H%M%SZ"))),
        "{ics}"
    );
    assert!(ics.contains("SUMMARY:Första möte med"));
    assert!(ics.contains("METHOD:REQUEST"), "{ics}");

    // A server that does not answer stops start-up with the variable's name.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let err = Mailer::connect(&MailSettings {
        smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
        ..settings
    })
    .await
    .unwrap_err();
    assert!(err.contains("cannot reach the SMTP server"), "{err}");
    db.drop_database().await;
}

async fn an_account_message_is_an_email_to_the_owner_without_a_calendar_file(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let folder = tempfile::tempdir().unwrap();
    let texts = Texts::default();
    let seeker = people::register(&store, 1, &["underskoterska"], None, now()).await;
    let attempt = AccountEvent::RegistrationAttempt;
    assert!(store
        .enqueue_account_message(seeker, attempt, now())
        .await
        .unwrap());
    assert!(
        !store
            .enqueue_account_message(seeker, attempt, now() + Duration::hours(23))
            .await
            .unwrap(),
        "one a day at most"
    );
    let worker = file_notifier(&store, folder.path(), &texts, "w1").await;
    let round = worker.run_once(now()).await.unwrap();
    assert_eq!(round.sent, 1, "{round:?}");
    let sent = emails(folder.path());
    assert_eq!(sent.len(), 1);
    let email = mailparse::parse_mail(sent[0].as_bytes()).unwrap();
    assert_eq!(
        email.headers.get_first_value("To").as_deref(),
        Some("person1@example.se")
    );
    assert_eq!(
        email.headers.get_first_value("Subject").as_deref(),
        Some("Någon försökte skapa ett konto med dina uppgifter")
    );
    assert_eq!(email.ctype.mimetype, "text/plain", "no calendar file");
    let body = email.get_body().unwrap();
    assert!(body.starts_with("Hej Testa!"), "{body}");
    assert!(body.contains("https://tidbok.example/logga-in"));
    assert_eq!(texts.count(), 0, "by email only");
    let rows = store.account_messages(seeker).await.unwrap();
    assert_eq!(
        kinds(&rows),
        [kind("registration_attempt", "email", "sent")]
    );
    // The database holds a row to one subject: a meeting or an account.
    booked(&store, 2, now() + Duration::days(3), now()).await;
    let both = sqlx_insert_both(&db, seeker).await;
    assert!(
        both.as_ref()
            .is_err_and(|e| e.to_string().contains("CHECK") || e.to_string().contains("check")),
        "a row about a meeting and an account is refused: {both:?}"
    );
    db.drop_database().await;
}

async fn sqlx_insert_both(db: &support::TestDb, seeker: i64) -> Result<(), sqlx::Error> {
    use sqlx::Connection;
    // A booking row as well as a seeker: the check names one or the other.
    let sql = "INSERT INTO outbox (booking_id, seeker_id, event, medium, meeting_starts_at, \
               due_at, created_at) SELECT id, $1, 'booked', 'email', starts_at, starts_at, \
               starts_at FROM bookings LIMIT 1";
    if db.url.starts_with("sqlite:") {
        let mut c = sqlx::SqliteConnection::connect(&db.url).await?;
        sqlx::query(sql).bind(seeker).execute(&mut c).await?;
    } else {
        let mut c = sqlx::PgConnection::connect(&db.url).await?;
        sqlx::query(sql).bind(seeker).execute(&mut c).await?;
    }
    Ok(())
}
