//! Registered job seekers for tests, made through the real registration service.

use app::domain::{
    personnummer::luhn_check_digit,
    registration::{AboutForm, ExperienceForm, RegistrationDraft, WishesForm},
};
use app::ssr::{services::registration as reg, store::Store};
use chrono::{DateTime, Utc};

/// The password every test person registers with.
pub const PASSWORD: &str = "ett långt lösenord";

/// A valid personal identity number, different for every `n` (born 1980 onwards).
pub fn personal_number(n: u32) -> String {
    let born = chrono::NaiveDate::from_ymd_opt(1980, 1, 1).unwrap()
        + chrono::Days::new(u64::from(n % 9000));
    let serial = 200 + (n / 9000) % 700;
    let nine = format!("{}{serial:03}", born.format("%y%m%d"));
    format!("{}{nine}{}", born.format("%C"), luhn_check_digit(&nine))
}

/// `n` written in letters (names may not hold digits): 0 is "a", 27 is "bb".
fn letters(mut n: u32) -> String {
    let mut out = String::new();
    loop {
        out.insert(0, char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return out;
        }
    }
}

/// Registers seeker number `n` looking for `occupations` (taxonomy codes), and returns
/// their id. `interpreter` asks for one in that language.
pub async fn register(
    store: &Store,
    n: u32,
    occupations: &[&str],
    interpreter: Option<&str>,
    now: DateTime<Utc>,
) -> i64 {
    let draft = RegistrationDraft {
        about: AboutForm {
            first_name: "Testa".into(),
            last_name: format!("Person {}", letters(n)),
            personal_number: personal_number(n),
            email: format!("person{n}@example.se"),
            phone: format!(
                "070-{:03} {:02} {:02}",
                100 + n % 800,
                n % 100,
                (n / 100) % 100
            ),
            postcode: "413 19".into(),
            preferred_language: "sv".into(),
            interpreter: if interpreter.is_some() { "ja" } else { "nej" }.into(),
            interpreter_language: interpreter.unwrap_or_default().into(),
            accessibility_needs: String::new(),
        },
        experience: ExperienceForm::default(),
        wishes: WishesForm {
            occupations: occupations.iter().map(|o| o.to_string()).collect(),
            regions: vec!["hela-sverige".into()],
            extent: "full".into(),
            earliest_start: String::new(),
            situation: "arbetslos".into(),
        },
        ..Default::default()
    };
    reg::register(store, &draft, PASSWORD, now)
        .await
        .unwrap_or_else(|e| panic!("seeker {n} registers: {e:?}"))
}

/// Registers seeker `n` (an assistant nurse in Göteborg) and signs them in, in a browser of
/// their own that is sent on to `next`.
pub async fn signed_in<'a>(
    app: &'a super::TestApp,
    n: u32,
    next: &str,
) -> super::browser::Browser<'a> {
    register(&app.store, n, &["underskoterska"], None, Utc::now()).await;
    sign_in(app, n, next).await
}

/// Signs seeker `n`, registered already, in, in a browser of their own sent on to `next`.
pub async fn sign_in<'a>(
    app: &'a super::TestApp,
    n: u32,
    next: &str,
) -> super::browser::Browser<'a> {
    let browser = super::browser::Browser::new(app);
    let email = format!("person{n}@example.se");
    browser
        .post_to(
            "/api/konto/logga-in",
            &[
                ("email", email.as_str()),
                ("password", PASSWORD),
                ("next", next),
            ],
            next,
        )
        .await;
    browser
}

/// A browser signed in as the staff member with this (demo) email, on their calendar.
pub async fn staff<'a>(app: &'a super::TestApp, email: &str) -> super::browser::Browser<'a> {
    let browser = super::browser::Browser::new(app);
    browser
        .post_to(
            "/api/personal/logga-in",
            &[
                ("email", email),
                ("password", app::ssr::seed::DEMO_STAFF_PASSWORD),
            ],
            "/personal/kalender",
        )
        .await;
    browser
}

/// Books `seeker` a phone meeting with `counsellor` at the first of `spans`' starts that is
/// still free (the demo data books some, depending on the weekday the tests run).
pub async fn phone_meeting_at_first_free(
    store: &Store,
    seeker: i64,
    counsellor: i64,
    spans: &[app::ssr::store::AvailabilityRow],
) -> (i64, DateTime<Utc>) {
    for span in spans {
        if let Ok(id) = store
            .insert_booking(&phone_booking(seeker, counsellor, span.starts_at))
            .await
        {
            return (id, span.starts_at);
        }
    }
    panic!("no open span of counsellor {counsellor} starts free");
}

fn phone_booking(
    seeker: i64,
    counsellor: i64,
    starts: DateTime<Utc>,
) -> app::ssr::store::NewBooking {
    app::ssr::store::NewBooking {
        with: app::ssr::store::Party::Seeker(seeker),
        counsellor_id: counsellor,
        meeting_type: "first-meeting",
        channel: app::domain::Channel::Phone,
        office_id: None,
        starts_at: starts,
        ends_at: starts + chrono::Duration::minutes(45),
        clear_until: starts + chrono::Duration::minutes(60),
        is_first: true,
        video_room: None,
        now: Utc::now(),
        visit_limit: None,
    }
}

/// Books `seeker` a 45-minute first meeting by phone with `counsellor` at `starts`, straight
/// into the store (a quarter-hour buffer after it).
pub async fn phone_meeting(
    store: &Store,
    seeker: i64,
    counsellor: i64,
    starts: DateTime<Utc>,
) -> i64 {
    store
        .insert_booking(&phone_booking(seeker, counsellor, starts))
        .await
        .unwrap()
}

/// A demo counsellor's id and office, by email.
pub async fn counsellor(app: &super::TestApp, email: &str) -> (i64, i64) {
    let all = app.store.list_counsellors().await.unwrap();
    let c = all
        .iter()
        .find(|c| c.email == email)
        .unwrap_or_else(|| panic!("{email} is a demo counsellor"));
    (c.id, c.office_id)
}

/// A demo staff account's id, by email.
pub async fn staff_id(app: &super::TestApp, email: &str) -> i64 {
    app.store
        .list_staff()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.email == email)
        .unwrap_or_else(|| panic!("{email} is a demo staff account"))
        .member
        .id
}
