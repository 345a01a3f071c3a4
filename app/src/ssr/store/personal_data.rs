//! A job seeker's own data: all of it as JSON for their download (GDPR article 15), and
//! taking their account away (article 17) within what the authority must keep. Both walk the
//! same list of tables, and a contract test fails when a table with a seeker id is missing.

use super::{bookings::stored, on_pool, Pool, Store, StoreError, WritePool};
use crate::domain::erasure::{placeholder_email, placeholder_number, Erasure, Holdings};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

/// One part of the download: its name in the file, the table it reads, and the rows (`$1` is
/// the seeker's id). Written once for both databases.
pub struct Section {
    pub name: &'static str,
    pub table: &'static str,
    sql: &'static str,
}

const OF_BOOKINGS: &str = "(SELECT id FROM bookings WHERE seeker_id = $1)";

/// Every part of the download, in the order the file holds them.
pub const SECTIONS: &[Section] = &[
    Section {
        name: "person",
        table: "seekers",
        sql: "SELECT * FROM seekers WHERE id = $1",
    },
    Section {
        name: "account",
        table: "seeker_accounts",
        // Never the password's hash.
        sql: "SELECT seeker_id, created_at, last_sign_in_at FROM seeker_accounts \
              WHERE seeker_id = $1",
    },
    Section {
        name: "sign_ins",
        table: "seeker_sign_ins",
        sql: "SELECT at FROM seeker_sign_ins WHERE seeker_id = $1 ORDER BY at DESC",
    },
    Section {
        name: "profile",
        table: "seeker_profiles",
        sql: "SELECT * FROM seeker_profiles WHERE seeker_id = $1",
    },
    Section {
        name: "work_experience",
        table: "seeker_experiences",
        sql: "SELECT * FROM seeker_experiences WHERE seeker_id = $1 ORDER BY id",
    },
    Section {
        name: "education",
        table: "seeker_educations",
        sql: "SELECT * FROM seeker_educations WHERE seeker_id = $1 ORDER BY id",
    },
    Section {
        name: "languages",
        table: "seeker_languages",
        sql: "SELECT * FROM seeker_languages WHERE seeker_id = $1",
    },
    Section {
        name: "desired_occupations",
        table: "seeker_desired_occupations",
        sql: "SELECT d.occupation_id, o.name_sv, o.name_en FROM seeker_desired_occupations d \
              JOIN occupations o ON o.id = d.occupation_id WHERE d.seeker_id = $1",
    },
    Section {
        name: "bookings",
        table: "bookings",
        sql: "SELECT b.*, t.name_sv AS meeting_type, \
              c.first_name || ' ' || c.last_name AS counsellor \
              FROM bookings b JOIN meeting_types t ON t.id = b.meeting_type_id \
              JOIN counsellors c ON c.id = b.counsellor_id \
              WHERE b.seeker_id = $1 ORDER BY b.starts_at",
    },
    Section {
        name: "outcome_corrections",
        table: "outcome_corrections",
        sql: "SELECT * FROM outcome_corrections WHERE booking_id IN \
              (SELECT id FROM bookings WHERE seeker_id = $1) ORDER BY id",
    },
    Section {
        name: "messages",
        table: "outbox",
        // What was sent to them, without the secret a link carried.
        sql: "SELECT id, event, medium, booking_id, report_period, meeting_starts_at, due_at, \
              status, attempts, created_at, sent_at, delivery_status, delivery_reported_at \
              FROM outbox WHERE seeker_id = $1 OR booking_id IN \
              (SELECT id FROM bookings WHERE seeker_id = $1) ORDER BY id",
    },
    Section {
        name: "case_notes",
        table: "case_notes",
        sql: "SELECT n.*, s.first_name || ' ' || s.last_name AS author FROM case_notes n \
              JOIN staff s ON s.id = n.author_staff_id WHERE n.seeker_id = $1 \
              OR n.booking_id IN (SELECT id FROM bookings WHERE seeker_id = $1) ORDER BY n.id",
    },
    Section {
        name: "referrals",
        table: "referrals",
        sql: "SELECT * FROM referrals WHERE seeker_id = $1",
    },
    Section {
        name: "activity_report_drafts",
        table: "activity_report_drafts",
        sql: "SELECT * FROM activity_report_drafts WHERE seeker_id = $1",
    },
    Section {
        name: "activity_reports",
        table: "activity_reports",
        sql: "SELECT * FROM activity_reports WHERE seeker_id = $1 ORDER BY period, version",
    },
    Section {
        name: "activity_report_misses",
        table: "activity_report_misses",
        sql: "SELECT * FROM activity_report_misses WHERE seeker_id = $1",
    },
    Section {
        name: "password_links",
        table: "seeker_password_links",
        // That a link was sent and when, never its secret.
        sql: "SELECT created_at, expires_at, used_at FROM seeker_password_links \
              WHERE seeker_id = $1 ORDER BY created_at",
    },
    Section {
        name: "access_log",
        table: "access_log",
        sql: "SELECT a.at, s.first_name || ' ' || s.last_name AS staff, s.role, a.reason, \
              a.booking_id, a.search, a.note FROM access_log a \
              JOIN staff s ON s.id = a.staff_id \
              WHERE a.seeker_id = $1 OR a.booking_id IN \
              (SELECT id FROM bookings WHERE seeker_id = $1) ORDER BY a.at",
    },
    Section {
        name: "ratings",
        table: "ratings",
        // Their answers to the question after a meeting; never the link's hash.
        sql: "SELECT booking_id, asked_at, closes_at, answered_at, score, helped, comment \
              FROM ratings WHERE booking_id IN (SELECT id FROM bookings WHERE seeker_id = $1) \
              ORDER BY asked_at",
    },
    Section {
        name: "account_taken_away",
        table: "erased_seekers",
        sql: "SELECT * FROM erased_seekers WHERE seeker_id = $1",
    },
];

/// Columns that are never handed out, whichever table holds them.
const SECRET_COLUMNS: &[&str] = &["password_hash", "token_hash", "secret"];

impl Store {
    /// Everything about the seeker, one array of rows per [`SECTIONS`] entry.
    pub async fn seeker_data(&self, seeker_id: i64) -> Result<Map<String, Value>, StoreError> {
        let mut out = Map::new();
        for section in SECTIONS {
            let rows = match &self.pool {
                Pool::Sqlite(p) => {
                    let rows = sqlx::query(section.sql)
                        .bind(seeker_id)
                        .fetch_all(p)
                        .await?;
                    rows.iter().map(sqlite_row).collect::<Result<Vec<_>, _>>()?
                }
                Pool::Postgres(p) => {
                    let (json,): (String,) = sqlx::query_as(&format!(
                        "SELECT COALESCE(json_agg(x), '[]'::json)::text FROM ({}) x",
                        section.sql
                    ))
                    .bind(seeker_id)
                    .fetch_one(p)
                    .await?;
                    match serde_json::from_str(&json) {
                        Ok(Value::Array(rows)) => rows,
                        _ => return Err(StoreError::corrupt("export of a section")),
                    }
                }
            };
            let rows = rows
                .into_iter()
                .map(|mut row| {
                    if let Value::Object(o) = &mut row {
                        o.retain(|k, _| !SECRET_COLUMNS.contains(&k.as_str()));
                    }
                    row
                })
                .collect();
            out.insert(section.name.to_owned(), Value::Array(rows));
        }
        Ok(out)
    }

    /// The password hash of the seeker's account, if they have one.
    pub async fn seeker_password_hash(&self, seeker_id: i64) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = on_pool!(self, p =>
            sqlx::query_as("SELECT password_hash FROM seeker_accounts WHERE seeker_id = $1")
                .bind(seeker_id)
                .fetch_optional(p)
                .await?);
        Ok(row.map(|(h,)| h))
    }

    /// What the seeker has, as taking their account away weighs it.
    pub async fn seeker_holdings(
        &self,
        seeker_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Holdings, StoreError> {
        let counts: (i64, i64, i64, i64, i64) = on_pool!(self, p =>
            sqlx::query_as(HOLDINGS)
                .bind(seeker_id)
                .bind(stored(now))
                .fetch_one(p)
                .await?);
        Ok(holdings(counts))
    }

    /// Takes the seeker's account away, deciding what stays from what they have at that
    /// moment (in the same transaction): meetings ahead are cancelled (the counsellor sees
    /// them cancelled, with the reason), then per [`Erasure`]. `NotFound` when there is no
    /// such seeker or the account was taken away already.
    pub async fn erase_seeker(
        &self,
        seeker_id: i64,
        cancel_note: &str,
        now: DateTime<Utc>,
    ) -> Result<Erasure, StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let live: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM seekers s WHERE id = $1 \
                 AND NOT EXISTS (SELECT 1 FROM erased_seekers e WHERE e.seeker_id = s.id)",
            )
            .bind(seeker_id)
            .fetch_optional(&mut *tx)
            .await?;
            if live.is_none() {
                return Err(StoreError::NotFound);
            }
            let counts = sqlx::query_as(HOLDINGS)
                .bind(seeker_id)
                .bind(stored(now))
                .fetch_one(&mut *tx)
                .await?;
            let erasure = Erasure::of(&holdings(counts), now);
            // The person has no address any more: nothing is sent to them, the cancellation
            // included, so no message is written; the counsellor sees the cancelled meeting.
            sqlx::query(
                "UPDATE bookings SET status = 'cancelled', cancel_reason = 'behovs-inte', \
                 cancel_note = $2, cancelled_at = $3 \
                 WHERE seeker_id = $1 AND status = 'booked' AND starts_at > $3",
            )
            .bind(seeker_id)
            .bind(cancel_note)
            .bind(stored(now))
            .execute(&mut *tx)
            .await?;
            let mut cleared = vec![
                "DELETE FROM seeker_accounts WHERE seeker_id = $1",
                "DELETE FROM seeker_password_links WHERE seeker_id = $1",
                "DELETE FROM activity_report_drafts WHERE seeker_id = $1",
                "DELETE FROM seeker_sign_ins WHERE seeker_id = $1",
            ];
            let unsent = format!(
                "DELETE FROM outbox WHERE status IN ('pending', 'sending') \
                 AND (seeker_id = $1 OR booking_id IN {OF_BOOKINGS})"
            );
            cleared.push(&unsent);
            // Questions not yet answered are not asked any more; answers stay in the counts,
            // without the words the person wrote.
            let unanswered = format!(
                "DELETE FROM ratings WHERE answered_at IS NULL AND booking_id IN {OF_BOOKINGS}"
            );
            let words = format!("UPDATE ratings SET comment = NULL WHERE booking_id IN {OF_BOOKINGS}");
            cleared.push(&unanswered);
            cleared.push(&words);
            let keep_profile = matches!(erasure, Erasure::Kept { keep_profile: true, .. });
            if !keep_profile {
                cleared.extend(PROFILE_TABLES);
            }
            for sql in cleared {
                sqlx::query(sql).bind(seeker_id).execute(&mut *tx).await?;
            }
            // The row itself stays, holding nothing about the person: SQLite gives the
            // highest id to the next row when the highest is deleted, and a session still
            // open elsewhere would then be someone else's.
            let (keep_until, keeps) = match erasure {
                Erasure::Kept { keep_until, .. } => (Some(stored(keep_until)), true),
                _ => (None, false),
            };
            sqlx::query(
                "INSERT INTO erased_seekers (seeker_id, erased_at, keep_until, personal_number) \
                 SELECT id, $2, $3, CASE WHEN $4 THEN personal_number END \
                 FROM seekers WHERE id = $1",
            )
            .bind(seeker_id)
            .bind(stored(now))
            .bind(keep_until)
            .bind(keeps)
            .execute(&mut *tx)
            .await?;
            // Names stay only on records the authority keeps; contact details never.
            sqlx::query(
                "UPDATE seekers SET personal_number = $2, email = $3, phone = '', \
                 interpreter_language = NULL, accessibility_needs = '', \
                 first_name = CASE WHEN $4 THEN first_name ELSE 'Borttagen' END, \
                 last_name = CASE WHEN $4 THEN last_name ELSE 'person' END, \
                 postcode = CASE WHEN $4 THEN postcode ELSE 0 END, \
                 home_office_id = CASE WHEN $4 THEN home_office_id END \
                 WHERE id = $1",
            )
            .bind(seeker_id)
            .bind(placeholder_number(seeker_id))
            .bind(placeholder_email(seeker_id))
            .bind(keeps)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(erasure)
        })
    }

    /// Forgets sign-ins older than `before` (a year is kept).
    pub async fn sweep_sign_ins(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query("DELETE FROM seeker_sign_ins WHERE at < $1")
                .bind(stored(before))
                .execute(p)
                .await?
                .rows_affected()))
    }
}

/// The profile's own rows: deleted unless a held meeting used them.
const PROFILE_TABLES: [&str; 5] = [
    "DELETE FROM seeker_profiles WHERE seeker_id = $1",
    "DELETE FROM seeker_experiences WHERE seeker_id = $1",
    "DELETE FROM seeker_educations WHERE seeker_id = $1",
    "DELETE FROM seeker_languages WHERE seeker_id = $1",
    "DELETE FROM seeker_desired_occupations WHERE seeker_id = $1",
];

/// Counts for [`Holdings`]: a past meeting still marked booked is counted as done (its
/// outcome is the counsellor's to record), one ahead as ahead.
const HOLDINGS: &str = "SELECT \
    (SELECT COUNT(*) FROM bookings WHERE seeker_id = $1 \
        AND (status IN ('held', 'no_show') OR (status = 'booked' AND starts_at <= $2))), \
    (SELECT COUNT(*) FROM bookings WHERE seeker_id = $1 AND status = 'booked' AND starts_at > $2), \
    (SELECT COUNT(*) FROM bookings WHERE seeker_id = $1), \
    (SELECT COUNT(*) FROM case_notes WHERE seeker_id = $1), \
    (SELECT COUNT(*) FROM activity_reports WHERE seeker_id = $1) \
        + (SELECT COUNT(*) FROM activity_report_misses WHERE seeker_id = $1)";

fn holdings((done, ahead, bookings, notes, reports): (i64, i64, i64, i64, i64)) -> Holdings {
    let n = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
    Holdings {
        meetings_done: n(done),
        meetings_ahead: n(ahead),
        bookings: n(bookings),
        notes: n(notes),
        reports: n(reports),
    }
}

/// One SQLite row as a JSON object, each value as SQLite holds it.
fn sqlite_row(row: &sqlx::sqlite::SqliteRow) -> Result<Value, sqlx::Error> {
    use sqlx::{Column, Row, TypeInfo, ValueRef};
    let mut object = Map::new();
    for (i, column) in row.columns().iter().enumerate() {
        let raw = row.try_get_raw(i)?;
        let value = if raw.is_null() {
            Value::Null
        } else {
            match raw.type_info().name() {
                "INTEGER" => Value::from(row.try_get::<i64, _>(i)?),
                "REAL" => Value::from(row.try_get::<f64, _>(i)?),
                "BLOB" => Value::Null,
                _ => Value::from(row.try_get::<String, _>(i)?),
            }
        };
        object.insert(column.name().to_owned(), value);
    }
    Ok(Value::Object(object))
}
