//! Tidbok as an operator runs it: the built binary, started as separate processes. Two
//! processes on one PostgreSQL database behind any load balancer (started at the same moment,
//! sharing the session secret) get the database ready once, agree on sessions, give a time
//! raced for from both to exactly one person and send each message once. A process told to
//! stop (SIGTERM) finishes every request it had accepted and exits.

use crate::support::{people, Backend, TestDb};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SECRET: &str = "one-secret-shared-by-every-process-of-this-test-0123456789abcdef";

/// A Tidbok process of this test; killed when dropped (a failed test leaves none behind).
struct Process {
    child: Child,
    base: String,
    mail: tempfile::TempDir,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(database_url: &str) -> Process {
    let port = free_port();
    let mail = tempfile::tempdir().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_tidbok"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", database_url)
        .env("TIDBOK_ADDR", format!("127.0.0.1:{port}"))
        .env("TIDBOK_DEMO_DATA", "true")
        .env("TIDBOK_SESSION_SECRET", SECRET)
        .env("TIDBOK_MAIL_DIR", mail.path())
        .env("TIDBOK_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the tidbok binary starts");
    Process {
        child,
        base: format!("http://127.0.0.1:{port}"),
        mail,
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

/// Waits until the process answers /health (demo data can take a while on a loaded machine).
async fn healthy(p: &mut Process) {
    let deadline = Instant::now() + Duration::from_secs(120);
    let c = client();
    loop {
        if let Ok(res) = c.get(format!("{}/health", p.base)).send().await {
            if res.status().is_success() {
                return;
            }
        }
        if let Some(status) = p.child.try_wait().unwrap() {
            panic!("the process stopped at start: {status}");
        }
        assert!(Instant::now() < deadline, "{} never became healthy", p.base);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn post(c: &reqwest::Client, url: String, form: &[(&str, &str)]) -> (u16, String) {
    let res = c
        .post(url)
        .header("accept", "text/html")
        .form(form)
        .send()
        .await
        .unwrap();
    let to = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (res.status().as_u16(), to)
}

/// How many emails to `to` whose subject starts with `subject` the processes wrote.
fn emails_to(processes: &[&Process], to: &str, subject: &str) -> usize {
    use mailparse::MailHeaderMap;
    processes
        .iter()
        .flat_map(|p| std::fs::read_dir(p.mail.path()).unwrap())
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .filter(|raw| {
            let Ok(mail) = mailparse::parse_mail(raw) else {
                return false;
            };
            let header = |name| mail.headers.get_first_value(name).unwrap_or_default();
            header("To").contains(to) && header("Subject").starts_with(subject)
        })
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_one_database_agree() {
    let db = TestDb::new(Backend::Postgres).await;
    // Started at the same moment on an empty database: one gets it ready, the other waits
    // and finds it done (without the start lock the second fails on the demo's rows).
    let (mut a, mut b) = (start(&db.url), start(&db.url));
    healthy(&mut a).await;
    healthy(&mut b).await;
    let store = db.store().await;
    let duplicated: (i64,) = crate::support::query_one(
        &db,
        "SELECT COUNT(*) FROM (SELECT counsellor_id, starts_at FROM bookings \
         GROUP BY counsellor_id, starts_at HAVING COUNT(*) > $1) d",
        1,
    )
    .await;
    assert_eq!(duplicated.0, 0, "the demo's meetings are there once");

    // A session made by one process is good on the other.
    let staff = client();
    let (status, to) = post(
        &staff,
        format!("{}/api/personal/logga-in", a.base),
        &[
            ("email", "sanna.lindqvist@tidbok.example"),
            ("password", app::ssr::seed::DEMO_STAFF_PASSWORD),
        ],
    )
    .await;
    assert_eq!((status, to.as_str()), (302, "/personal/kalender"));
    let res = staff
        .get(format!("{}/personal/kalender", b.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "signed in on the other process");

    // Eight people, signed in on either process, race for one time from both.
    let mut people_signed_in = Vec::new();
    for n in 0..8u32 {
        people::register(
            &store,
            500 + n,
            &["underskoterska"],
            None,
            chrono::Utc::now(),
        )
        .await;
        let c = client();
        let via = if n % 2 == 0 { &a } else { &b };
        let email = format!("person{}@example.se", 500 + n);
        let (status, _) = post(
            &c,
            format!("{}/api/konto/logga-in", via.base),
            &[("email", &email), ("password", people::PASSWORD)],
        )
        .await;
        assert_eq!(status, 302);
        people_signed_in.push((c, email));
    }
    let page = people_signed_in[0]
        .0
        .get(format!("{}/boka?kanal=phone", a.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = page.find("name=\"tid\"").expect("a time offered");
    let v = page[at..].find("value=\"").unwrap() + at + 7;
    let time = page[v..v + page[v..].find('"').unwrap()].to_owned();
    let tasks: Vec<_> = people_signed_in
        .iter()
        .enumerate()
        .map(|(i, (c, _))| {
            let url = format!(
                "{}/api/boka/bekrafta",
                if i % 2 == 0 { &a.base } else { &b.base }
            );
            let (c, time) = (c.clone(), time.clone());
            tokio::spawn(async move {
                post(
                    &c,
                    url,
                    &[("kanal", "phone"), ("kontor", ""), ("tid", &time)],
                )
                .await
            })
        })
        .collect();
    let mut winners = Vec::new();
    for (i, task) in tasks.into_iter().enumerate() {
        let (status, to) = task.await.unwrap();
        assert_eq!(status, 302);
        if to.contains("?bokad=1") {
            winners.push(people_signed_in[i].1.clone());
        }
    }
    assert_eq!(winners.len(), 1, "exactly one of eight gets the time");

    // Both processes' outbox workers look for messages; the confirmation goes once.
    let deadline = Instant::now() + Duration::from_secs(30);
    while emails_to(&[&a, &b], &winners[0], "Bokat:") == 0 {
        assert!(Instant::now() < deadline, "the confirmation was never sent");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Long enough for the other worker to have sent it too, had both claimed it.
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(emails_to(&[&a, &b], &winners[0], "Bokat:"), 1);
    drop((a, b));
    db.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_process_finishes_what_it_accepted() {
    let db = TestDb::new(Backend::Sqlite).await;
    let mut p = start(&db.url);
    healthy(&mut p).await;
    // Sixty-four sign-ins in flight (each checks a password, which takes a while; right ones,
    // so none is slowed down by the throttle), then the signal to stop.
    let tasks: Vec<_> = (0..64)
        .map(|_| {
            let url = format!("{}/api/personal/logga-in", p.base);
            tokio::spawn(async move {
                client()
                    .post(url)
                    .header("accept", "text/html")
                    .form(&[
                        ("email", "sanna.lindqvist@tidbok.example"),
                        ("password", app::ssr::seed::DEMO_STAFF_PASSWORD),
                    ])
                    .send()
                    .await
            })
        })
        .collect();
    // Long enough for every connection to be accepted by the process even on a loaded
    // machine (one still waiting in the kernel's queue at the signal was never accepted).
    tokio::time::sleep(Duration::from_millis(300)).await;
    let stopped_at = Instant::now();
    // The shell's own `kill`: no package needed for it.
    let kill = Command::new("sh")
        .args(["-c", &format!("kill -TERM {}", p.child.id())])
        .status()
        .unwrap();
    assert!(kill.success());
    let mut answered = 0;
    for task in tasks {
        match task.await.unwrap() {
            // Accepted: answered in full, as if nothing happened.
            Ok(res) => {
                assert_eq!(res.status().as_u16(), 302);
                answered += 1;
            }
            // Not accepted any more: the connection was refused, never cut off midway.
            Err(err) => assert!(err.is_connect(), "a request cut off: {err}"),
        }
    }
    assert!(answered > 0, "requests were in flight when the signal came");
    assert!(
        stopped_at.elapsed() > Duration::from_millis(100),
        "the signal came while sign-ins were still being checked"
    );
    // The process exits on its own, soon.
    loop {
        if let Some(status) = p.child.try_wait().unwrap() {
            assert!(status.success(), "exits cleanly: {status}");
            break;
        }
        assert!(
            stopped_at.elapsed() < Duration::from_secs(20),
            "still running 20 s after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    drop(p);
    db.drop_database().await;
}
