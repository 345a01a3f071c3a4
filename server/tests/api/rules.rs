//! The store's one table of schema rules against the real migrations: each rule the table
//! knows is provoked in the database on each backend and must come back as that rule. A
//! constraint renamed in a migration (or a rule added to the table without a constraint)
//! fails here instead of reaching someone as a vague message.

use crate::support::{self, Backend, TestDb};
use app::{
    domain::{BookingStatus, Rule},
    ssr::store::{schema_rule_names, StoreError},
};
use std::collections::BTreeSet;

on_both_backends!(
    every_schema_rule_is_named_by_the_database_as_the_store_expects,
    a_constraint_the_store_does_not_know_is_an_internal_error,
    every_booking_status_is_one_the_database_allows,
);

/// Runs `sql` with two ids bound (`$1`, `$2`) and returns how the store reads its failure.
async fn refusal(db: &TestDb, sql: &str, a: i64, b: i64) -> StoreError {
    StoreError::from(execute(db, sql, a, b).await.expect_err(sql))
}

/// Runs `sql` with `$1` and `$2` bound, on a connection of its own.
async fn execute<A, B>(db: &TestDb, sql: &str, a: A, b: B) -> Result<(), sqlx::Error>
where
    A: for<'q> sqlx::Encode<'q, sqlx::Sqlite>
        + sqlx::Type<sqlx::Sqlite>
        + for<'q> sqlx::Encode<'q, sqlx::Postgres>
        + sqlx::Type<sqlx::Postgres>
        + Send,
    B: for<'q> sqlx::Encode<'q, sqlx::Sqlite>
        + sqlx::Type<sqlx::Sqlite>
        + for<'q> sqlx::Encode<'q, sqlx::Postgres>
        + sqlx::Type<sqlx::Postgres>
        + Send,
{
    use sqlx::Connection;
    if db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&db.url)
            .await
            .expect("connect");
        sqlx::query(sql)
            .bind(a)
            .bind(b)
            .execute(&mut conn)
            .await
            .map(|_| ())
    } else {
        let mut conn = sqlx::PgConnection::connect(&db.url).await.expect("connect");
        sqlx::query(sql)
            .bind(a)
            .bind(b)
            .execute(&mut conn)
            .await
            .map(|_| ())
    }
}

/// Two ids from `sql` (two columns, `$1` bound to 0), to make one row clash with another.
async fn pair(db: &TestDb, sql: &str) -> (i64, i64) {
    support::query_one::<(i64, i64)>(db, sql, 0).await
}

async fn every_schema_rule_is_named_by_the_database_as_the_store_expects(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    // (what is provoked, the rows to clash, the change that breaks the rule)
    let cases: [(Rule, &str, &str); 15] = [
        (
            Rule::EmployerOrgNumberTaken,
            "SELECT MIN(id), MAX(id) FROM employers WHERE $1 = 0",
            "UPDATE employers SET org_number = (SELECT org_number FROM employers WHERE id = $2) \
             WHERE id = $1",
        ),
        (
            Rule::EmployerEmailTaken,
            "SELECT MIN(id), MAX(id) FROM employer_users WHERE $1 = 0",
            "UPDATE employer_users SET email = (SELECT email FROM employer_users WHERE id = $2) \
             WHERE id = $1",
        ),
        (
            Rule::OfficeCodeTaken,
            "SELECT MIN(id), MAX(id) FROM offices WHERE $1 = 0",
            "UPDATE offices SET code = (SELECT code FROM offices WHERE id = $2) WHERE id = $1",
        ),
        (
            // Umeå's Wednesday has a lunch break: stretching the morning into the afternoon.
            Rule::OpeningOverlap,
            "SELECT a.id, b.id FROM office_opening_hours a JOIN office_opening_hours b \
             ON a.office_id = b.office_id AND a.weekday = b.weekday AND a.opens < b.opens \
             WHERE $1 = 0 ORDER BY a.id LIMIT 1",
            "UPDATE office_opening_hours SET \
             closes = (SELECT closes FROM office_opening_hours WHERE id = $2) WHERE id = $1",
        ),
        (
            Rule::PostcodeAreaTaken,
            "SELECT MIN(office_id), MAX(office_id) FROM office_postcode_areas WHERE $1 = 0",
            "INSERT INTO office_postcode_areas (office_id, area) \
             SELECT $1, MIN(area) FROM office_postcode_areas WHERE office_id = $2",
        ),
        (
            // A month's report sent twice: the same version again.
            Rule::ReportAlreadySent,
            "SELECT MIN(id), MAX(id) FROM activity_reports WHERE $1 = 0",
            "INSERT INTO activity_reports (seeker_id, period, version, sent_at, on_time, \
             activity_count, body) SELECT seeker_id, period, version, sent_at, on_time, \
             activity_count, body FROM activity_reports WHERE id = $1 AND $2 = $2",
        ),
        (
            Rule::SeekerEmailTaken,
            "SELECT MIN(id), MAX(id) FROM seekers WHERE $1 = 0",
            "UPDATE seekers SET email = (SELECT email FROM seekers WHERE id = $2) WHERE id = $1",
        ),
        (
            Rule::SeekerPersonalNumberTaken,
            "SELECT MIN(id), MAX(id) FROM seekers WHERE $1 = 0",
            "UPDATE seekers SET personal_number = \
             (SELECT personal_number FROM seekers WHERE id = $2) WHERE id = $1",
        ),
        (
            Rule::StaffEmailTaken,
            "SELECT MIN(id), MAX(id) FROM staff WHERE $1 = 0",
            "UPDATE staff SET email = (SELECT email FROM staff WHERE id = $2) WHERE id = $1",
        ),
        (
            // A counsellor's address is their account's: taken among counsellors too.
            Rule::StaffEmailTaken,
            "SELECT MIN(id), MAX(id) FROM counsellors WHERE $1 = 0",
            "UPDATE counsellors SET email = (SELECT email FROM counsellors WHERE id = $2) \
             WHERE id = $1",
        ),
        (
            // The demo has one administrator: demoting them leaves none.
            Rule::LastAdmin,
            "SELECT MIN(id), MIN(id) FROM staff WHERE role = 'admin' AND $1 = 0",
            "UPDATE staff SET role = 'office_manager', \
             office_id = (SELECT MIN(id) FROM offices WHERE $2 = $2) WHERE id = $1",
        ),
        (
            Rule::BookingOverlap,
            "SELECT a.id, b.id FROM bookings a JOIN bookings b \
             ON a.counsellor_id = b.counsellor_id AND a.id < b.id \
             WHERE a.status = 'booked' AND b.status = 'booked' AND $1 = 0 \
             ORDER BY a.id, b.id LIMIT 1",
            "UPDATE bookings SET \
             starts_at = (SELECT starts_at FROM bookings WHERE id = $2), \
             ends_at = (SELECT ends_at FROM bookings WHERE id = $2), \
             clear_until = (SELECT clear_until FROM bookings WHERE id = $2) WHERE id = $1",
        ),
        (
            // The seeker's two meetings at one time, with a counsellor who has no meetings,
            // so only the seeker's rule is broken.
            Rule::SeekerOverlap,
            "SELECT a.id, b.id FROM bookings a JOIN bookings b \
             ON a.seeker_id = b.seeker_id AND a.id < b.id \
             WHERE a.status <> 'cancelled' AND b.status <> 'cancelled' AND $1 = 0 \
             ORDER BY a.id, b.id LIMIT 1",
            "UPDATE bookings SET \
             counsellor_id = (SELECT MIN(c.id) FROM counsellors c WHERE NOT EXISTS \
               (SELECT 1 FROM bookings x WHERE x.counsellor_id = c.id)), \
             starts_at = (SELECT starts_at FROM bookings WHERE id = $2), \
             ends_at = (SELECT ends_at FROM bookings WHERE id = $2), \
             clear_until = (SELECT clear_until FROM bookings WHERE id = $2) WHERE id = $1",
        ),
        (
            Rule::AvailabilityOverlap,
            "SELECT a.id, b.id FROM availability a JOIN availability b \
             ON a.counsellor_id = b.counsellor_id AND a.id < b.id WHERE $1 = 0 \
             ORDER BY a.id, b.id LIMIT 1",
            "UPDATE availability SET \
             starts_at = (SELECT starts_at FROM availability WHERE id = $2), \
             ends_at = (SELECT ends_at FROM availability WHERE id = $2) WHERE id = $1",
        ),
        (
            Rule::OneFirstMeeting,
            "SELECT a.id, b.seeker_id FROM bookings a JOIN bookings b \
             ON a.seeker_id <> b.seeker_id \
             WHERE a.is_first AND b.is_first AND a.status = 'booked' AND b.status = 'booked' \
             AND $1 = 0 ORDER BY a.id, b.id LIMIT 1",
            "UPDATE bookings SET seeker_id = $2 WHERE id = $1",
        ),
    ];
    let mut provoked = BTreeSet::new();
    for (rule, rows, change) in cases {
        let (a, b) = pair(&db, rows).await;
        if rule != Rule::LastAdmin {
            assert_ne!(a, b, "{rule:?}: the demo data has two rows to clash");
        }
        match refusal(&db, change, a, b).await {
            StoreError::Conflict(got) => assert_eq!(got, rule, "{change}"),
            other => panic!("{rule:?} came back as {other:?}"),
        }
        provoked.insert(rule);
    }
    // Every rule of the table has a case above: a new entry without one fails here.
    let known: BTreeSet<Rule> = schema_rule_names().map(|(_, r)| r).collect();
    assert_eq!(provoked, known);
    store.close().await;
    db.drop_database().await;
}

async fn a_constraint_the_store_does_not_know_is_an_internal_error(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let (a, _) = pair(&db, "SELECT MIN(id), MAX(id) FROM offices WHERE $1 = 0").await;
    // A check of the schema that no rule stands for: a bug of ours if it is ever hit.
    let err = refusal(
        &db,
        "UPDATE office_opening_hours SET weekday = 9 WHERE office_id = $1 AND $2 = $2",
        a,
        0,
    )
    .await;
    assert!(matches!(err, StoreError::Database(_)), "{err:?}");
    store.close().await;
    db.drop_database().await;
}

/// The status enum and the schema's CHECK agree: each status can be stored and reads back as
/// itself; a name outside the enum is refused by the database.
async fn every_booking_status_is_one_the_database_allows(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let (id, _) = pair(
        &db,
        "SELECT MIN(id), MIN(id) FROM bookings WHERE status = 'booked' AND $1 = 0",
    )
    .await;
    // Cancelled first, so that going back to booked at the end clashes with nothing.
    let order = [
        BookingStatus::Cancelled,
        BookingStatus::Held,
        BookingStatus::NoShow,
        BookingStatus::Booked,
    ];
    assert_eq!(
        order.iter().collect::<BTreeSet<_>>().len(),
        BookingStatus::ALL.len()
    );
    for status in order {
        execute(
            &db,
            "UPDATE bookings SET status = $1 WHERE id = $2",
            status.as_str().to_owned(),
            id,
        )
        .await
        .unwrap_or_else(|e| panic!("{status:?} is refused: {e}"));
        let row = store.booking(id).await.unwrap().expect("the booking");
        assert_eq!(row.status, status);
    }
    let refused = execute(
        &db,
        "UPDATE bookings SET status = $1 WHERE id = $2",
        "arrived".to_owned(),
        id,
    )
    .await;
    assert!(refused.is_err(), "a status outside the enum is stored");
    store.close().await;
    db.drop_database().await;
}
