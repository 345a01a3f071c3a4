//! Text messages through 46elks, against a local server that speaks its protocol: Basic
//! authentication and form fields in; an id out, a 4xx refusal (dropped, never retried) or a
//! 5xx failure (tried again through the outbox); then the delivery report posted back to
//! the service, recorded only with its key. SQLite and PostgreSQL.

use crate::support::{browser::Browser, people, spawn_app_with, Backend};
use app::{
    domain::{choices::CancelReason, BookingId, SeekerId},
    ssr::{
        notifications::{
            elks::{ElksSettings, ElksSms},
            MailSettings, Mailbox, Mailer, Notifier,
        },
        store::Store,
    },
};
use axum::{extract::State, http::HeaderMap, response::IntoResponse, routing::post, Form, Router};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

on_both_backends!(text_messages_go_through_46elks_and_their_delivery_is_recorded,);

const USER: &str = "u0123456789";
const PASSWORD: &str = "the-46elks-api-password";

/// One request to the fake 46elks: its Authorization header and its form fields.
type Request = (Option<String>, HashMap<String, String>);

/// What the fake 46elks received, and how it answers each number: a list of statuses,
/// the first taken per request (200 when none are left).
#[derive(Clone, Default)]
struct Elks {
    received: Arc<Mutex<Vec<Request>>>,
    answers: Arc<Mutex<HashMap<String, Vec<u16>>>>,
}

async fn send(
    State(elks): State<Elks>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> axum::response::Response {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    elks.received.lock().unwrap().push((auth, form.clone()));
    let to = form.get("to").cloned().unwrap_or_default();
    let status = {
        let mut answers = elks.answers.lock().unwrap();
        let queue = answers.entry(to).or_default();
        if queue.is_empty() {
            200
        } else {
            queue.remove(0)
        }
    };
    let n = elks.received.lock().unwrap().len();
    match status {
        200 => axum::Json(serde_json::json!({
            "status": "created",
            "direction": "outgoing",
            "id": format!("s{n:031x}"),
            "to": form.get("to"),
            "parts": 1,
        }))
        .into_response(),
        400 => (axum::http::StatusCode::BAD_REQUEST, "Invalid to number").into_response(),
        code => axum::http::StatusCode::from_u16(code)
            .unwrap()
            .into_response(),
    }
}

async fn fake_46elks() -> (String, Elks) {
    let elks = Elks::default();
    let router = Router::new()
        .route("/a1/sms", post(send))
        .with_state(elks.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/a1/sms", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (url, elks)
}

/// A phone meeting for seeker `n` far ahead, cancelled at once: a text message is due.
async fn cancelled(store: &Store, n: u32, hour: i64, now: DateTime<Utc>) -> (i64, String) {
    let seeker = people::register(store, n, &["underskoterska"], None, now).await;
    let counsellor = store.list_counsellors().await.unwrap()[0].id;
    let starts = (now + Duration::days(60))
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        + Duration::hours(hour);
    let id = people::phone_meeting(store, seeker, counsellor, starts).await;
    store
        .cancel_booking(
            BookingId(id),
            SeekerId(seeker),
            CancelReason::parse("passar-inte").unwrap(),
            "",
            now,
        )
        .await
        .unwrap();
    let phone = store.seeker_recipient(seeker).await.unwrap().unwrap().phone;
    (id, phone)
}

/// The booking's cancellation text message: its row id, status, provider id and report.
async fn text_of(store: &Store, booking: i64) -> (i64, String, Option<String>, Option<String>) {
    let row = store
        .booking_messages(booking)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.event == "cancelled" && r.medium == "sms")
        .expect("a text message about the cancellation");
    let (provider, report) = store.delivery_of(row.id).await.unwrap().unwrap();
    (row.id, row.status, provider, report)
}

async fn text_messages_go_through_46elks_and_their_delivery_is_recorded(backend: Backend) {
    let (url, elks) = fake_46elks().await;
    let app = spawn_app_with(
        backend,
        true,
        &[
            ("TIDBOK_SMS_PROVIDER", "46elks"),
            ("TIDBOK_46ELKS_USERNAME", USER),
            ("TIDBOK_46ELKS_PASSWORD", PASSWORD),
            ("TIDBOK_46ELKS_URL", &url),
        ],
    )
    .await;
    let store = &app.store;
    // Only this test's messages are sent.
    store
        .drop_pending_messages("not this test's")
        .await
        .unwrap();
    let now = Utc::now();
    let (ok, ok_phone) = cancelled(store, 1, 1, now).await;
    let (refused, refused_phone) = cancelled(store, 2, 2, now).await;
    let (flaky, flaky_phone) = cancelled(store, 3, 3, now).await;
    assert!(ok_phone.starts_with("+46"), "E.164: {ok_phone}");
    elks.answers
        .lock()
        .unwrap()
        .insert(refused_phone.clone(), vec![400]);
    elks.answers
        .lock()
        .unwrap()
        .insert(flaky_phone.clone(), vec![503]);

    let settings = ElksSettings {
        api_url: url,
        username: USER.into(),
        password: PASSWORD.into(),
        from: "Tidbok".into(),
        site: app.address.clone(),
    };
    let from: Mailbox = "Tidbok <noreply@tidbok.example>".parse().unwrap();
    let mailer = Mailer::connect(&MailSettings {
        from: from.clone(),
        smtp_url: None,
        folder: app.mail.path().to_owned(),
    })
    .await
    .unwrap();
    let worker = Notifier::new(
        store.clone(),
        mailer.clone(),
        Arc::new(ElksSms::new(settings.clone()).unwrap()),
        from.clone(),
        &app.address,
        "elks-test",
    );
    worker.run_once(now).await.unwrap();

    // Each request: Basic authentication, the sender, an E.164 number, the text and where
    // the delivery report goes.
    let received = elks.received.lock().unwrap().clone();
    assert_eq!(received.len(), 3, "one request per text message");
    let expected_auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"))
    );
    for (auth, form) in &received {
        assert_eq!(auth.as_deref(), Some(expected_auth.as_str()));
        assert_eq!(form["from"], "Tidbok");
        assert!(form["to"].starts_with("+46"));
        assert!(
            form["message"].starts_with("Tidbok: "),
            "{}",
            form["message"]
        );
        assert!(form["whendelivered"].contains("/sms/leverans?nyckel="));
    }
    let (_, status, provider, report) = text_of(store, ok).await;
    assert_eq!(status, "sent");
    let provider = provider.expect("the id 46elks gave it");
    assert_eq!(report, None);
    // Refused for good: dropped with 46elks' reason, never tried again.
    let (_, status, _, _) = text_of(store, refused).await;
    assert_eq!(status, "dropped");
    // Unavailable: waits to be tried again, and is sent on the next try.
    let (_, status, _, _) = text_of(store, flaky).await;
    assert_eq!(status, "pending");
    worker.run_once(now + Duration::minutes(5)).await.unwrap();
    let (_, status, flaky_provider, _) = text_of(store, flaky).await;
    assert_eq!(status, "sent");
    assert!(flaky_provider.is_some());
    let received = elks.received.lock().unwrap().clone();
    assert_eq!(received.len(), 4, "the refused one was not sent again");

    // The delivery report: only with the key 46elks was given; a message not known yet is
    // answered 404 (46elks then sends the report again); a known one is recorded.
    let report_url = received[0].1["whendelivered"].clone();
    let path = &report_url[report_url.find("/sms/leverans").unwrap()..];
    let post = |path: String, id: String| {
        let client = Browser::new(&app).client;
        let url = app.url(&path);
        async move {
            client
                .post(url)
                .form(&[
                    ("id", id.as_str()),
                    ("status", "delivered"),
                    ("delivered", "2026-12-07T10:00:00.741000"),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(
        post("/sms/leverans?nyckel=wrong".into(), provider.clone()).await,
        403
    );
    assert_eq!(post(path.to_owned(), "s-unknown".into()).await, 404);
    assert_eq!(post(path.to_owned(), provider.clone()).await, 204);
    let (_, _, _, report) = text_of(store, ok).await;
    assert_eq!(report.as_deref(), Some("delivered"));
    app.store.close().await;
    app.db.drop_database().await;
}
