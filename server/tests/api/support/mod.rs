//! Test harness: a fresh database per test on either backend, and the real application
//! started on a free port. PostgreSQL comes from TEST_DATABASE_URL (scripts/test.sh and
//! scripts/with-postgres.sh set it); without it the Postgres tests fail, never skip.

pub mod browser;
pub mod people;

use app::ssr::store::Store;
use server::{config::Config, startup};
use std::sync::atomic::{AtomicU32, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database that exists for one test; a PostgreSQL one is dropped when this is (also when
/// the test panics), a SQLite one goes with its temporary folder.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg_admin: Option<(String, String)>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "tidbok_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    )
}

/// The admin URL with its database name replaced by `db`, keeping any query string.
fn with_database(admin: &str, db: &str) -> String {
    let (base, query) = match admin.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (admin, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_and_path = &base[scheme_end..];
    let host = host_and_path.split('/').next().unwrap_or(host_and_path);
    format!("{}{host}/{db}{query}", &base[..scheme_end])
}

/// The application's log, printed with the test's output when `TIDBOK_TEST_LOG` holds a
/// filter (e.g. `debug` or `info,sqlx=warn`); silent otherwise.
pub fn init_log() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Ok(filter) = std::env::var("TIDBOK_TEST_LOG") {
            let _ = tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
                .with_test_writer()
                .try_init();
        }
    });
}

impl TestDb {
    pub async fn new(backend: Backend) -> Self {
        init_log();
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let url = format!("sqlite://{}/tidbok.db", dir.path().display());
                Self {
                    url,
                    _dir: Some(dir),
                    pg_admin: None,
                }
            }
            Backend::Postgres => {
                let admin = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| {
                    panic!(
                        "TEST_DATABASE_URL is not set. The PostgreSQL tests need a server: run \
                         scripts/test.sh (which starts a throwaway one), or \
                         scripts/with-postgres.sh cargo test …, or set TEST_DATABASE_URL."
                    )
                });
                let name = unique_name();
                use sqlx::Connection;
                let mut conn = sqlx::PgConnection::connect(&admin)
                    .await
                    .unwrap_or_else(|e| {
                        panic!("cannot reach PostgreSQL at TEST_DATABASE_URL: {e}")
                    });
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create the test database");
                Self {
                    url: with_database(&admin, &name),
                    _dir: None,
                    pg_admin: Some((admin, name)),
                }
            }
        }
    }

    pub async fn store(&self) -> Store {
        Store::connect(&self.url)
            .await
            .expect("connect and migrate")
    }

    /// Drops a PostgreSQL test database now; dropping the `TestDb` does the same.
    pub async fn drop_database(mut self) {
        if let Some((admin, name)) = self.pg_admin.take() {
            drop_pg_database(&admin, &name).await;
        }
    }
}

impl Drop for TestDb {
    /// Synchronous, so that the database goes also when the test panics and when it is the
    /// binary's last: on a thread of its own with its own runtime, since this runs inside the
    /// test's runtime, which cannot block on another and may be shutting down.
    fn drop(&mut self) {
        if let Some((admin, name)) = self.pg_admin.take() {
            let dropped = std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a runtime to drop the test database")
                    .block_on(drop_pg_database(&admin, &name))
            })
            .join();
            if dropped.is_err() {
                eprintln!("the test database could not be dropped");
            }
        }
    }
}

/// `WITH (FORCE)`: the application under test may still hold connections to it.
async fn drop_pg_database(admin: &str, name: &str) {
    use sqlx::Connection;
    match sqlx::PgConnection::connect(admin).await {
        Ok(mut conn) => {
            if let Err(e) = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn)
                .await
            {
                eprintln!("cannot drop the test database {name}: {e}");
            }
        }
        Err(e) => eprintln!("cannot reach PostgreSQL to drop the test database {name}: {e}"),
    }
}

/// A fresh database with the reference data and the demo offices, counsellors and open
/// times from Monday 23 November 2026 (loaded at 09:30).
pub async fn seeded(backend: Backend) -> (TestDb, Store) {
    let db = TestDb::new(backend).await;
    let store = db.store().await;
    app::ssr::seed::sync_reference_data(&store)
        .await
        .expect("reference data");
    // Monday 23 November 2026, 09:30 in Stockholm.
    app::ssr::seed::load_demo(
        &store,
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 23, 8, 30, 0).unwrap(),
    )
    .await
    .expect("demo data");
    (db, store)
}

/// The real application, started on a free port with a fresh database.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: TestDb,
    pub store: Store,
    /// Where the app's notification worker writes its emails, as .eml files.
    pub mail: tempfile::TempDir,
    /// The video service as configured, for the messages the tests send.
    pub video: app::ssr::video::VideoService,
}

pub async fn spawn_app(backend: Backend, demo_data: bool) -> TestApp {
    spawn_app_with(backend, demo_data, &[]).await
}

/// The application with these environment variables besides the tests' own (e.g.
/// `TIDBOK_ENV=production`).
pub async fn spawn_app_with(backend: Backend, demo_data: bool, extra: &[(&str, &str)]) -> TestApp {
    let db = TestDb::new(backend).await;
    let demo = if demo_data { "true" } else { "false" };
    let mail = tempfile::tempdir().expect("a folder for emails");
    let mail_dir = mail.path().to_string_lossy().into_owned();
    let vars = [
        ("DATABASE_URL", db.url.as_str()),
        ("TIDBOK_MAIL_DIR", mail_dir.as_str()),
        ("TIDBOK_ADDR", "127.0.0.1:0"),
        ("TIDBOK_DEMO_DATA", demo),
    ];
    let config = Config::from_lookup(|k| {
        extra
            .iter()
            .chain(vars.iter())
            .find(|(name, _)| *name == k)
            .map(|(_, v)| v.to_string())
    })
    .expect("test configuration is valid");
    let app = startup::build(&config)
        .await
        .expect("the application starts");
    let address = format!("http://{}", app.local_addr());
    let store = app.state().store.clone();
    let video = app.state().video.clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client"),
        db,
        store,
        mail,
        video,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Sends what is due in the outbox as .eml files in `mail`, as the server's worker
    /// does (the test app runs none, so that outbox tests can count what their own send).
    pub async fn send_outbox(&self) {
        self.send_outbox_at(chrono::Utc::now()).await
    }

    /// As `send_outbox`, with the worker's clock at `now` (what is due by then is sent).
    pub async fn send_outbox_at(&self, now: chrono::DateTime<chrono::Utc>) {
        use app::ssr::notifications::{LogSms, MailSettings, Mailbox, Mailer, Notifier};
        let from: Mailbox = "Tidbok <noreply@tidbok.example>".parse().unwrap();
        let mailer = Mailer::connect(&MailSettings {
            from: from.clone(),
            smtp_url: None,
            folder: self.mail.path().to_owned(),
        })
        .await
        .expect("a folder for .eml files");
        let notifier = Notifier::new(
            self.store.clone(),
            mailer,
            std::sync::Arc::new(LogSms),
            from,
            &self.address,
            "test-mail",
        )
        .with_video(self.video.clone());
        notifier.run_once(now).await.expect("a round of the outbox");
    }

    /// The decoded texts of every email to `to` written so far (nothing is sent first).
    pub fn emails_to(&self, to: &str) -> Vec<String> {
        std::fs::read_dir(self.mail.path())
            .expect("the mail folder")
            .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
            .filter_map(|raw| {
                let mail = mailparse::parse_mail(&raw).ok()?;
                let addressed = mail
                    .headers
                    .iter()
                    .any(|h| h.get_key() == "To" && h.get_value().contains(to));
                addressed.then(|| plain_text(&mail)).flatten()
            })
            .collect()
    }

    /// The text of the first email to `to` whose text holds `holding`, decoded from the way
    /// it was sent, after sending what is due.
    pub async fn email_to(&self, to: &str, holding: &str) -> String {
        self.send_outbox().await;
        for _ in 0..4 {
            let found = self
                .emails_to(to)
                .into_iter()
                .find(|text| text.contains(holding));
            if let Some(text) = found {
                return text;
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        panic!("no email to {to} holding {holding:?} was written");
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let res = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = res.status().as_u16();
        (status, res.text().await.expect("body"))
    }
}

/// Generates one test per backend from an async fn taking a `Backend`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::support::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::support::Backend::Postgres).await
                }
            )*
        }
    };
}

#[test]
fn admin_url_gets_the_test_database() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
        "postgres://postgres@127.0.0.1:5432/t1"
    );
    assert_eq!(
        with_database("postgres://u:p@h/db?sslmode=disable", "t2"),
        "postgres://u:p@h/t2?sslmode=disable"
    );
}

/// Reads one row straight from the test database, to check what the store wrote.
pub async fn query_one<T>(db: &TestDb, sql: &str, id: i64) -> T
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    use sqlx::Connection;
    if db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&db.url)
            .await
            .expect("connect");
        sqlx::query_as(sql)
            .bind(id)
            .fetch_one(&mut conn)
            .await
            .expect(sql)
    } else {
        let mut conn = sqlx::PgConnection::connect(&db.url).await.expect("connect");
        sqlx::query_as(sql)
            .bind(id)
            .fetch_one(&mut conn)
            .await
            .expect(sql)
    }
}

/// Runs one statement straight on the test database (to move what it holds back in time).
pub async fn execute(db: &TestDb, sql: &str) {
    use sqlx::Connection;
    if db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&db.url)
            .await
            .expect("connect");
        sqlx::query(sql).execute(&mut conn).await.expect(sql);
    } else {
        let mut conn = sqlx::PgConnection::connect(&db.url).await.expect("connect");
        sqlx::query(sql).execute(&mut conn).await.expect(sql);
    }
}

/// The demo data's own job seekers (the busy week's, and those its desk registered), there
/// before any test registers.
pub const DEMO_SEEKERS: i64 = (app::ssr::seed::BUSY_MEETINGS
    + app::ssr::seed::busy_week::UNMARKED_MEETINGS
    + app::ssr::seed::busy_week::TODAY_VISITS
    + app::ssr::seed::REGISTERED_AT_DESK) as i64;

/// An email's plain text: the whole body, or a multipart's text part (a meeting's email
/// carries its calendar file beside it).
fn plain_text(mail: &mailparse::ParsedMail) -> Option<String> {
    if mail.subparts.is_empty() {
        return mail.get_body().ok();
    }
    mail.subparts.iter().find_map(|part| {
        if part.ctype.mimetype == "text/plain" {
            part.get_body().ok()
        } else {
            plain_text(part)
        }
    })
}
