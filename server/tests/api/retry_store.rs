//! PostgreSQL aborts one of two transactions that wait on each other; a booking so aborted
//! is tried again and made, instead of answering with an error. The deadlock is forced: a
//! second connection holds the person's row, the booking (holding its counsellor's lock)
//! waits for it, then the second connection asks for the counsellor's lock. PostgreSQL only.

use crate::booking_store::{booking_for, counsellor_named};
use crate::support::{self, people, Backend};
use chrono::{Duration, TimeZone, Utc};
use sqlx::Connection;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_booking_aborted_by_a_deadlock_is_tried_again_and_made() {
    let (db, store) = support::seeded(Backend::Postgres).await;
    let counsellor = counsellor_named(&store, "Hassan").await;
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 8, 30, 0).unwrap();
    let seeker = people::register(&store, 300, &["underskoterska"], None, now).await;
    let start = Utc.with_ymd_and_hms(2026, 11, 27, 13, 0, 0).unwrap();

    let mut other = sqlx::PgConnection::connect(&db.url).await.unwrap();
    sqlx::query("BEGIN").execute(&mut other).await.unwrap();
    // This side waits long before looking for deadlocks, so the booking's side (1 s, the
    // default) finds this one and is the transaction PostgreSQL aborts.
    sqlx::query("SET LOCAL deadlock_timeout = '60s'")
        .execute(&mut other)
        .await
        .expect("the test database's user may set deadlock_timeout (a superuser)");
    sqlx::query("SELECT id FROM seekers WHERE id = $1 FOR UPDATE")
        .bind(seeker)
        .execute(&mut other)
        .await
        .unwrap();

    let booking = tokio::spawn({
        let store = store.clone();
        async move {
            store
                .insert_booking(&booking_for(seeker, counsellor, start, true))
                .await
        }
    });
    // The booking holds the counsellor's lock and waits for the person's row.
    let mut waited = 0;
    loop {
        let (waiting,): (i64,) = sqlx::query_as(
            "SELECT count(*) FROM pg_stat_activity \
             WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .fetch_one(&mut other)
        .await
        .unwrap();
        if waiting == 1 {
            break;
        }
        waited += 1;
        assert!(waited < 500, "the booking never came to wait for the row");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    // Now this side wants the counsellor's lock: each waits for the other. This returns
    // only once the booking's transaction has been aborted (had this side been chosen, it
    // would fail here instead).
    sqlx::query("SELECT pg_advisory_xact_lock(7001, ($1)::int4)")
        .bind(counsellor)
        .execute(&mut other)
        .await
        .expect("the booking's transaction, not this one, is aborted");
    sqlx::query("COMMIT").execute(&mut other).await.unwrap();

    let id = booking
        .await
        .unwrap()
        .expect("the booking is tried again and made");
    let row = store.booking(id).await.unwrap().unwrap();
    assert_eq!((row.counsellor_id, row.starts_at), (counsellor, start));
    assert_eq!(row.ends_at - row.starts_at, Duration::minutes(45));
    db.drop_database().await;
}
