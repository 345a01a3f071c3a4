//! Activity reports in the store, against SQLite and PostgreSQL: drafts kept whole, a send
//! stored once (a second send of the same version, even at the same moment, is refused by
//! the database), corrections as new versions that name the one they replace, sent reports
//! that the database itself will not change or delete, and reminders written once.

use crate::support::{self, people, Backend, TestDb};
use app::{
    domain::{activity_report::period::ReportPeriod, Rule},
    ssr::store::{NewReport, ReportEvent, Store, StoreError},
};
use chrono::{DateTime, Duration, TimeZone, Utc};

on_both_backends!(
    a_draft_is_kept_whole_and_replaced_by_the_next_save,
    a_send_is_stored_once_and_removes_the_draft,
    two_sends_at_the_same_moment_store_one_report,
    a_correction_is_a_new_version_naming_the_one_it_replaces,
    the_database_will_not_change_or_delete_a_sent_report,
    reminders_are_written_once_to_those_who_have_not_sent,
    the_demo_has_reports_on_time_late_missed_and_a_draft,
);

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 10, 0, 0).unwrap()
}

fn november() -> ReportPeriod {
    ReportPeriod::parse("2026-11").unwrap()
}

/// A database with the reference data and one seeker registered in September.
async fn with_seeker(backend: Backend, n: u32) -> (TestDb, Store, i64) {
    let db = TestDb::new(backend).await;
    let store = db.store().await;
    app::ssr::seed::sync_reference_data(&store).await.unwrap();
    let registered = Utc.with_ymd_and_hms(2026, 9, 10, 12, 0, 0).unwrap();
    let id = people::register(&store, n, &["underskoterska"], None, registered).await;
    (db, store, id)
}

fn report(seeker_id: i64, based_on: i64, body: &str) -> NewReport<'_> {
    NewReport {
        seeker_id,
        period: november(),
        based_on,
        sent_at: now(),
        on_time: true,
        activity_count: 2,
        hours_worked: 0,
        body,
    }
}

async fn a_draft_is_kept_whole_and_replaced_by_the_next_save(backend: Backend) {
    let (db, store, id) = with_seeker(backend, 1).await;
    assert_eq!(store.report_draft(id, november()).await.unwrap(), None);
    store
        .save_report_draft(id, november(), 0, r#"{"none_reason":"å ä ö"}"#, now())
        .await
        .unwrap();
    store
        .save_report_draft(id, november(), 0, r#"{"none_reason":"andra"}"#, now())
        .await
        .unwrap();
    let draft = store.report_draft(id, november()).await.unwrap().unwrap();
    assert_eq!(draft.form, r#"{"none_reason":"andra"}"#);
    assert_eq!((draft.based_on, draft.updated_at), (0, now()));
    assert_eq!(
        store.report_draft_periods(id).await.unwrap(),
        ["2026-11".to_owned()]
    );
    store.delete_report_draft(id, november()).await.unwrap();
    assert_eq!(store.report_draft(id, november()).await.unwrap(), None);
    db.drop_database().await;
}

async fn a_send_is_stored_once_and_removes_the_draft(backend: Backend) {
    let (db, store, id) = with_seeker(backend, 2).await;
    store
        .save_report_draft(id, november(), 0, "{}", now())
        .await
        .unwrap();
    let (report_id, version) = store
        .send_report(&report(id, 0, "{\"a\":1}"))
        .await
        .unwrap();
    assert_eq!(version, 1);
    assert_eq!(store.report_draft(id, november()).await.unwrap(), None);
    let sent = store.sent_report(id, november(), 1).await.unwrap().unwrap();
    assert_eq!(
        (sent.id, sent.version, sent.replaces_id, sent.on_time),
        (report_id, 1, None, true)
    );
    assert_eq!((sent.body.as_str(), sent.sent_at), ("{\"a\":1}", now()));
    assert_eq!(sent.channel, "web");
    // The same version again (a second click): refused, nothing more stored.
    let again = store.send_report(&report(id, 0, "{\"a\":2}")).await;
    assert!(
        matches!(again, Err(StoreError::Conflict(Rule::ReportAlreadySent))),
        "{again:?}"
    );
    assert_eq!(store.sent_reports(id).await.unwrap().len(), 1);
    db.drop_database().await;
}

async fn two_sends_at_the_same_moment_store_one_report(backend: Backend) {
    let (db, store, id) = with_seeker(backend, 3).await;
    let sends: Vec<_> = (0..4)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.send_report(&report(id, 0, "{}")).await })
        })
        .collect();
    let mut results = Vec::new();
    for send in sends {
        results.push(send.await.expect("the task ran"));
    }
    let stored = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(stored, 1, "{results:?}");
    assert!(results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .all(|e| matches!(e, StoreError::Conflict(Rule::ReportAlreadySent))));
    assert_eq!(store.sent_reports(id).await.unwrap().len(), 1);
    db.drop_database().await;
}

async fn a_correction_is_a_new_version_naming_the_one_it_replaces(backend: Backend) {
    let (db, store, id) = with_seeker(backend, 4).await;
    let (first, _) = store
        .send_report(&report(id, 0, "{\"v\":1}"))
        .await
        .unwrap();
    let (second, version) = store
        .send_report(&report(id, 1, "{\"v\":2}"))
        .await
        .unwrap();
    assert_eq!(version, 2);
    let v2 = store.sent_report(id, november(), 2).await.unwrap().unwrap();
    assert_eq!((v2.id, v2.replaces_id), (second, Some(first)));
    // The first version is kept as it was.
    let v1 = store.sent_report(id, november(), 1).await.unwrap().unwrap();
    assert_eq!(v1.body, "{\"v\":1}");
    // A correction drawn from version 1 after version 2 was sent: refused.
    let stale = store.send_report(&report(id, 1, "{\"v\":3}")).await;
    assert!(
        matches!(stale, Err(StoreError::Conflict(Rule::ReportAlreadySent))),
        "{stale:?}"
    );
    // A correction of a version that does not exist.
    let missing = store.send_report(&report(id, 7, "{}")).await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    let versions: Vec<i64> = store
        .sent_reports(id)
        .await
        .unwrap()
        .iter()
        .map(|r| r.version)
        .collect();
    assert_eq!(versions, [2, 1], "the latest first");
    db.drop_database().await;
}

async fn the_database_will_not_change_or_delete_a_sent_report(backend: Backend) {
    let (db, store, id) = with_seeker(backend, 5).await;
    let (report_id, _) = store.send_report(&report(id, 0, "{}")).await.unwrap();
    for sql in [
        "UPDATE activity_reports SET body = '{\"changed\":1}' WHERE id = $1",
        "DELETE FROM activity_reports WHERE id = $1",
    ] {
        let result = execute(&db, sql, report_id).await;
        assert!(result.is_err(), "{sql} was allowed");
    }
    // Nor insert a version that skips one or replaces another person's.
    let other = people::register(&store, 6, &["underskoterska"], None, now()).await;
    let forged = execute(
        &db,
        "INSERT INTO activity_reports (seeker_id, period, version, replaces_id, sent_at, \
         on_time, activity_count, body) \
         SELECT s.id, '2026-11', 2, r.id, r.sent_at, r.on_time, 0, '{}' \
         FROM activity_reports r, seekers s WHERE r.id = $1 AND s.email = 'person6@example.se'",
        report_id,
    )
    .await;
    assert!(forged.is_err(), "a correction of someone else's report");
    let _ = other;
    let sent = store.sent_report(id, november(), 1).await.unwrap().unwrap();
    assert_eq!(sent.body, "{}");
    db.drop_database().await;
}

async fn reminders_are_written_once_to_those_who_have_not_sent(backend: Backend) {
    let (db, store, sent_it) = with_seeker(backend, 7).await;
    let waiting = people::register(
        &store,
        8,
        &["underskoterska"],
        None,
        Utc.with_ymd_and_hms(2026, 10, 3, 8, 0, 0).unwrap(),
    )
    .await;
    // Registered on 1 December: reports nothing for November.
    let newcomer = people::register(
        &store,
        9,
        &["underskoterska"],
        None,
        Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap(),
    )
    .await;
    store.send_report(&report(sent_it, 0, "{}")).await.unwrap();
    let before = november().opens_at();
    let at = Utc.with_ymd_and_hms(2026, 12, 10, 6, 0, 0).unwrap();
    let people = store
        .enqueue_report_messages(november(), ReportEvent::Nudge, before, at)
        .await
        .unwrap();
    assert_eq!(people, 1);
    let again = store
        .enqueue_report_messages(
            november(),
            ReportEvent::Nudge,
            before,
            at + Duration::hours(1),
        )
        .await
        .unwrap();
    assert_eq!(again, 0, "each person gets the reminder once");
    for (who, count) in [(waiting, 2), (sent_it, 0), (newcomer, 0)] {
        let rows: Vec<_> = store
            .account_messages(who)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.report_period.as_deref() == Some("2026-11"))
            .collect();
        assert_eq!(rows.len(), count, "seeker {who}: {rows:?}");
        assert!(rows.iter().all(|m| m.event == "report_nudge"));
    }
    assert!(store.missed_reports(waiting).await.unwrap().is_empty());
    let late = Utc.with_ymd_and_hms(2026, 12, 15, 0, 0, 0).unwrap();
    store
        .enqueue_report_messages(november(), ReportEvent::Missed, before, late)
        .await
        .unwrap();
    assert_eq!(
        store.missed_reports(waiting).await.unwrap(),
        [("2026-11".to_owned(), late)]
    );
    assert!(store.missed_reports(sent_it).await.unwrap().is_empty());
    db.drop_database().await;
}

async fn the_demo_has_reports_on_time_late_missed_and_a_draft(backend: Backend) {
    let (db, store) = support::seeded(backend).await;
    let seekers = store
        .seekers_registered_before(Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap())
        .await
        .unwrap();
    let (mut on_time, mut late, mut missed, mut drafts) = (0, 0, 0, 0);
    for (id, _) in &seekers {
        for r in store.sent_reports(*id).await.unwrap() {
            if r.on_time {
                on_time += 1;
            } else {
                late += 1;
            }
        }
        missed += store.missed_reports(*id).await.unwrap().len();
        drafts += store.report_draft_periods(*id).await.unwrap().len();
    }
    assert!(on_time >= 10, "{on_time} on time");
    assert!(late >= 1, "{late} late");
    assert!(missed >= 1, "{missed} missed");
    assert!(drafts >= 1, "{drafts} drafts");
    store.close().await;
    db.drop_database().await;
}

/// Runs `sql` with `$1` bound on a connection of its own.
async fn execute(db: &TestDb, sql: &str, id: i64) -> Result<(), sqlx::Error> {
    use sqlx::Connection;
    if db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&db.url).await?;
        sqlx::query(sql)
            .bind(id)
            .execute(&mut conn)
            .await
            .map(|_| ())
    } else {
        let mut conn = sqlx::PgConnection::connect(&db.url).await?;
        sqlx::query(sql)
            .bind(id)
            .execute(&mut conn)
            .await
            .map(|_| ())
    }
}
