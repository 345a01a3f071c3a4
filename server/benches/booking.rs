//! Booking benchmarks; they print their numbers and assert nothing about time.
//!
//! 1. The slot engine alone: free times of an office of 50 counsellors over 4 weeks, with
//!    about half of the hours booked, and the offer built from them.
//! 2. On SQLite and on PostgreSQL: the picker as a request computes it (store reads included),
//!    and booking throughput: 100 seekers booking different times at once, then 100 racing
//!    for the same earliest time, each taking one of the nearest times offered when theirs
//!    was taken.
//!
//! Run with `bench/booking.sh`, which provides PostgreSQL (TEST_DATABASE_URL); without it the
//! PostgreSQL part fails, it is never skipped.

// The tests' harness; the benchmark uses only part of it.
#[allow(dead_code)]
#[path = "../tests/api/support/mod.rs"]
mod support;

use app::{
    domain::{
        booking::SlotChoice,
        choices::LanguageCode,
        matching::{Counsellor, Wish},
        offer::{build_offer, Offer},
        schedule::{free_slots, SlotRules, Span},
        time::stockholm_to_utc,
        Channel, Email, FieldCode, PhoneNumber,
    },
    ssr::{
        seed::demo,
        services::{
            booking::{self as service, BookError},
            picker,
        },
        store::{NewCounsellor, NewOffice, Store},
    },
};
use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use std::{
    collections::HashMap,
    time::{Duration as Elapsed, Instant},
};
use support::{people, Backend};

const COUNSELLORS: usize = 50;
const WEEKS: u64 = 4;
const SEEKERS: u32 = 200;
const ROUNDS: usize = 200;
const FIELDS: [&str; 21] = [
    "admin-ekonomi-juridik",
    "bygg-anlaggning",
    "chefer-verksamhetsledare",
    "data-it",
    "forsaljning-inkop-marknadsforing",
    "hantverk",
    "hotell-restaurang-storhushall",
    "halso-sjukvard",
    "industriell-tillverkning",
    "installation-drift-underhall",
    "kropps-skonhetsvard",
    "kultur-media-design",
    "militart-arbete",
    "naturbruk",
    "naturvetenskapligt-arbete",
    "pedagogiskt-arbete",
    "sanering-renhallning",
    "socialt-arbete",
    "sakerhetsarbete",
    "tekniskt-arbete",
    "transport",
];
/// What the racing seekers look for: health care, which 8 of the 50 know.
const OCCUPATION: &str = "underskoterska";

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// 08:00 in Stockholm on the first Monday: the first bookable time is 10:00.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 7, 0, 0).unwrap()
}

fn at(date: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    stockholm_to_utc(date, NaiveTime::from_hms_opt(h, m, 0).unwrap()).unwrap()
}

/// Each weekday: 08:00–12:00 and 13:00–16:30 in Stockholm.
fn open_spans() -> Vec<Span> {
    (0..WEEKS * 7)
        .map(|d| monday() + Days::new(d))
        .filter(|d| chrono::Datelike::weekday(d).number_from_monday() <= 5)
        .flat_map(|d| {
            [
                Span::new(at(d, 8, 0), at(d, 12, 0)).unwrap(),
                Span::new(at(d, 13, 0), at(d, 16, 30)).unwrap(),
            ]
        })
        .collect()
}

/// A small deterministic generator, so every run books the same hours.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Meetings already booked: each whole hour of open time is taken with a chance of one in
/// two, as a meeting plus its buffer.
fn booked_spans(open: &[Span], rng: &mut Lcg) -> Vec<Span> {
    let mut booked = Vec::new();
    for span in open {
        let mut t = span.start;
        while t + Duration::hours(1) <= span.end {
            if rng.next().is_multiple_of(2) {
                booked.push(Span::new(t, t + Duration::hours(1)).unwrap());
            }
            t += Duration::hours(1);
        }
    }
    booked
}

fn fields_of(i: usize) -> Vec<FieldCode> {
    (0..3)
        .map(|k| FieldCode::parse(FIELDS[(i * 3 + k) % FIELDS.len()]).unwrap())
        .collect()
}

fn languages_of(i: usize) -> Vec<LanguageCode> {
    let mut l = vec![LanguageCode::Sv];
    if i.is_multiple_of(3) {
        l.push(LanguageCode::En);
    }
    l
}

fn print_times(what: &str, mut samples: Vec<Elapsed>) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    println!(
        "  {what:<52} median {:>9.3} ms   p95 {:>9.3} ms   min {:>9.3} ms   ({} runs)",
        pick(0.5).as_secs_f64() * 1e3,
        pick(0.95).as_secs_f64() * 1e3,
        samples[0].as_secs_f64() * 1e3,
        samples.len()
    );
}

fn slot_engine() {
    println!("slot engine: one office, {COUNSELLORS} counsellors, {WEEKS} weeks, about half of the hours booked");
    let rules = SlotRules::first_meeting();
    let mut rng = Lcg(7);
    let open = open_spans();
    let per_counsellor: Vec<(i64, Vec<Span>, Vec<Span>)> = (0..COUNSELLORS)
        .map(|i| (i as i64 + 1, open.clone(), booked_spans(&open, &mut rng)))
        .collect();
    let counsellors: Vec<Counsellor> = (0..COUNSELLORS)
        .map(|i| Counsellor {
            id: i as i64 + 1,
            office_id: 1,
            fields: fields_of(i),
            languages: languages_of(i),
            channels: Channel::ALL.to_vec(),
            week_bookings: 0,
        })
        .collect();
    let starts: Vec<(i64, DateTime<Utc>)> = per_counsellor
        .iter()
        .flat_map(|(id, _, booked)| booked.iter().map(move |b| (*id, b.start)))
        .collect();
    let wish = Wish {
        fields: vec![FieldCode::parse("halso-sjukvard").unwrap()],
        language: LanguageCode::Sv,
        interpreter: None,
        channel: Channel::Office,
        office_id: Some(1),
    };
    let free_all = || -> HashMap<i64, Vec<Span>> {
        per_counsellor
            .iter()
            .map(|(id, open, booked)| (*id, free_slots(open, booked, &rules, now())))
            .collect()
    };
    let offer_of = |free: &HashMap<i64, Vec<Span>>| {
        build_offer(&wish, &counsellors, free, &starts, None, None)
    };

    let (mut t_free, mut t_offer, mut t_both) = (Vec::new(), Vec::new(), Vec::new());
    let mut last: (usize, Offer) = (0, Offer::default());
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let free = free_all();
        t_free.push(t.elapsed());
        let t = Instant::now();
        let offer = offer_of(&free);
        t_offer.push(t.elapsed());
        let t = Instant::now();
        let both = offer_of(&free_all());
        t_both.push(t.elapsed());
        last = (free.values().map(Vec::len).sum(), both);
        assert_eq!(last.1, offer);
    }
    println!(
        "  {} booked meetings, {} free slots in all, {} times offered on {} days",
        starts.len(),
        last.0,
        last.1.times().count(),
        last.1.days.len()
    );
    print_times("free slots of all 50 counsellors", t_free);
    print_times("offer built from them (rank, weeks, quieter days)", t_offer);
    print_times("both: what one picker request computes", t_both);
}

/// An office of 50 counsellors beside the demo ones, open four weeks from the first Monday.
async fn bench_office(store: &Store) -> i64 {
    let mut office: NewOffice = demo::offices().unwrap().remove(0);
    office.code = "bench-kontor".into();
    office.name = "Kontor Bench".into();
    let office_id = store.insert_office(&office).await.unwrap();
    let mut spans = Vec::new();
    for i in 0..COUNSELLORS {
        let id = store
            .insert_counsellor(&NewCounsellor {
                first_name: "Bänk".into(),
                last_name: format!("Rådgivare {}", (b'A' + (i % 26) as u8) as char),
                title: "Arbetsförmedlare".into(),
                title_en: "Employment counsellor".into(),
                phone: PhoneNumber::parse(&format!("+4610201{:04}", i)).unwrap(),
                email: Email::parse(&format!("bank{i}@tidbok.example")).unwrap(),
                office_code: office.code.clone(),
                languages: languages_of(i)
                    .iter()
                    .map(|l| l.as_str().to_owned())
                    .collect(),
                channels: Channel::ALL.to_vec(),
                fields: fields_of(i),
                serves_employers: false,
            })
            .await
            .unwrap();
        spans.extend(open_spans().into_iter().map(|s| (id, s.start, s.end)));
    }
    store.insert_availability(&spans).await.unwrap();
    office_id
}

#[derive(Default)]
struct Race {
    latencies: Vec<Elapsed>,
    attempts: usize,
    taken: usize,
}

/// One seeker books an office visit: the first time offered, and when that is taken, one of
/// the nearest ones the answer suggests.
async fn book_one(
    store: Store,
    seeker: i64,
    office_id: i64,
    first: SlotChoice,
) -> (Elapsed, usize, usize) {
    let profile = store.seeker_profile(seeker).await.unwrap().unwrap();
    let started = Instant::now();
    let mut choice = first;
    let (mut attempts, mut taken) = (0, 0);
    loop {
        attempts += 1;
        assert!(attempts <= 200, "seeker {seeker} never got a time");
        match service::book(
            &store,
            &profile,
            Channel::Office,
            Some(office_id),
            choice,
            now(),
        )
        .await
        {
            Ok(_) => return (started.elapsed(), attempts, taken),
            Err(BookError::Taken(nearest)) => {
                taken += 1;
                // People pick different times among those offered, as real ones would;
                // all of them taking the very first would measure a queue, not the store.
                assert!(!nearest.is_empty(), "another time is offered");
                let next = &nearest[seeker as usize % nearest.len()];
                choice = SlotChoice {
                    counsellor_id: next.counsellor_id,
                    start: next.slot.start,
                };
            }
            Err(BookError::AlreadyBooked(_)) => panic!("seeker {seeker} booked twice"),
            Err(BookError::FirstMeetingHeld) => {
                panic!("seeker {seeker} is new: no meeting held, nothing to move")
            }
            Err(BookError::Failed(e)) => panic!("booking failed: {e:?}"),
        }
    }
}

async fn on_database(backend: Backend) {
    println!("\n{backend:?}: picker and booking through the service, office of {COUNSELLORS} counsellors");
    let (db, store) = support::seeded(backend).await;
    let office_id = bench_office(&store).await;

    let t = Instant::now();
    let mut seekers = Vec::new();
    for n in 0..SEEKERS {
        seekers.push(people::register(&store, 5000 + n, &[OCCUPATION], None, now()).await);
    }
    println!(
        "  ({SEEKERS} seekers registered in {:.1} s, password hashing included; not measured below)",
        t.elapsed().as_secs_f64()
    );

    let profile = store.seeker_profile(seekers[0]).await.unwrap().unwrap();
    let mut t_picker = Vec::new();
    let mut picker_times = None;
    for _ in 0..30 {
        let t = Instant::now();
        let picker = picker::picker(
            &store,
            &profile,
            Channel::Office,
            Some(office_id),
            None,
            now(),
        )
        .await
        .unwrap();
        t_picker.push(t.elapsed());
        picker_times = Some(
            picker
                .offer
                .times()
                .map(|t| SlotChoice {
                    counsellor_id: t.counsellor_id,
                    start: t.slot.start,
                })
                .collect::<Vec<_>>(),
        );
    }
    print_times("picker (store reads, slots and offer)", t_picker);

    let times: Vec<SlotChoice> = picker_times.expect("the office has free times");
    let (spread, crowd) = seekers.split_at(seekers.len() / 2);
    // People opening /boka at the same moment and taking different times: raw throughput.
    race(
        &store,
        spread,
        office_id,
        |i| times[i % times.len()],
        "each taking a different time",
    )
    .await;
    // Everyone aims at the same first time, as a burst of people opening /boka at once would.
    let first = times[0];
    race(
        &store,
        crowd,
        office_id,
        |_| first,
        "racing for one first time",
    )
    .await;
    print_spread(&store, office_id).await;
    store.close().await;
    db.drop_database().await;
}

/// How the booked visits lie: per day, and per hour of the day.
async fn print_spread(store: &Store, office_id: i64) {
    let starts = store
        .office_visit_starts(
            office_id,
            now() - Duration::days(1),
            now() + Duration::weeks(WEEKS as i64 + 1),
        )
        .await
        .unwrap();
    let mut per_day: std::collections::BTreeMap<NaiveDate, usize> = Default::default();
    let mut per_hour: std::collections::BTreeMap<u32, usize> = Default::default();
    for t in &starts {
        let local = app::domain::time::in_stockholm(*t);
        *per_day.entry(local.date_naive()).or_default() += 1;
        *per_hour.entry(chrono::Timelike::hour(&local)).or_default() += 1;
    }
    let days: Vec<String> = per_day
        .iter()
        .map(|(d, n)| format!("{} {n}", d.format("%d/%m")))
        .collect();
    let hours: Vec<String> = per_hour
        .iter()
        .map(|(h, n)| format!("{h:02}:00 {n}"))
        .collect();
    println!(
        "  spread of {} visits over {} days, visits per day: {}",
        starts.len(),
        per_day.len(),
        days.join(", ")
    );
    println!("  visits per hour of the day: {}", hours.join(", "));
}

/// Seekers book at once, the `i`th aiming first at `first(i)`; prints throughput and how
/// long each waited, and checks every one of them got a meeting.
async fn race(
    store: &Store,
    seekers: &[i64],
    office_id: i64,
    first: impl Fn(usize) -> SlotChoice,
    label: &str,
) {
    let started = Instant::now();
    let tasks: Vec<_> = seekers
        .iter()
        .enumerate()
        .map(|(i, &s)| tokio::spawn(book_one(store.clone(), s, office_id, first(i))))
        .collect();
    let mut race = Race::default();
    for task in tasks {
        let (latency, attempts, taken) = task.await.expect("a booking task");
        race.latencies.push(latency);
        race.attempts += attempts;
        race.taken += taken;
    }
    let wall = started.elapsed();
    let mut booked = 0;
    for &s in seekers {
        booked += usize::from(store.live_first_meeting(s).await.unwrap().is_some());
    }
    assert_eq!(booked, seekers.len(), "every seeker ends up with a booking");
    println!(
        "  {} seekers {label}: {booked} booked in {:.2} s = {:.1} bookings/s; \
         {} attempts, {} answered \"taken\" with nearest times",
        seekers.len(),
        wall.as_secs_f64(),
        booked as f64 / wall.as_secs_f64(),
        race.attempts,
        race.taken
    );
    print_times("time to a booking, per seeker", race.latencies);
}

fn main() {
    slot_engine();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(on_database(Backend::Sqlite));
    runtime.block_on(on_database(Backend::Postgres));
}
