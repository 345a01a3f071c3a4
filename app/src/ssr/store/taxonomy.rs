//! The occupation taxonomy and the meeting types: reference data the product ships with.

use super::{on_pool, Store, StoreError, WritePool};
use crate::domain::{FieldCode, Occupation, OccupationalField};

#[derive(Debug, Clone)]
pub struct NewOccupation {
    pub code: String,
    pub field: FieldCode,
    pub name_sv: String,
    pub name_en: String,
    pub synonyms: Vec<String>,
    /// Names and synonyms folded for search.
    pub search_text: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OccupationRow {
    pub code: String,
    pub field_code: String,
    pub name_sv: String,
    pub name_en: String,
    pub field_sv: String,
    pub field_en: String,
}

impl OccupationRow {
    pub(super) fn into_domain(self) -> Result<Occupation, StoreError> {
        Ok(Occupation {
            field: FieldCode::parse(&self.field_code)
                .map_err(|_| StoreError::corrupt("field code"))?,
            code: self.code,
            name_sv: self.name_sv,
            name_en: self.name_en,
            field_sv: self.field_sv,
            field_en: self.field_en,
        })
    }
}

#[derive(sqlx::FromRow)]
struct FieldRow {
    code: String,
    name_sv: String,
    name_en: String,
}

/// A meeting type: how long it lasts and the pause a counsellor needs after it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MeetingTypeRow {
    pub code: String,
    pub name_sv: String,
    pub name_en: String,
    pub minutes: i64,
    pub buffer_minutes: i64,
    /// How soon before its start a job seeker may book one.
    pub notice_minutes: i64,
    /// How far ahead a job seeker may book one.
    pub horizon_days: i64,
    /// The ways of meeting it is offered in.
    #[sqlx(skip)]
    pub channels: Vec<crate::domain::Channel>,
    pub version: i64,
}

const UPSERT_FIELD: &str = "INSERT INTO occupational_fields (code, name_sv, name_en) \
     VALUES ($1, $2, $3) \
     ON CONFLICT (code) DO UPDATE SET name_sv = excluded.name_sv, name_en = excluded.name_en";
const UPSERT_OCCUPATION: &str = "INSERT INTO occupations \
     (code, field_id, name_sv, name_en, search_text) \
     VALUES ($1, (SELECT id FROM occupational_fields WHERE code = $2), $3, $4, $5) \
     ON CONFLICT (code) DO UPDATE SET field_id = excluded.field_id, name_sv = excluded.name_sv, \
     name_en = excluded.name_en, search_text = excluded.search_text \
     RETURNING id";
/// A meeting type's names follow the reference data; its length, buffer, notice, horizon and
/// channels are the reference data's only when it is new, and the administrator's after.
const UPSERT_MEETING_TYPE: &str = "INSERT INTO meeting_types \
     (code, name_sv, name_en, minutes, buffer_minutes, notice_minutes, horizon_days) \
     VALUES ($1, $2, $3, $4, $5, $6, $7) \
     ON CONFLICT (code) DO UPDATE SET name_sv = excluded.name_sv, name_en = excluded.name_en";

pub(super) const SELECT_OCCUPATIONS: &str = "SELECT o.id, o.code, f.code AS field_code, \
     o.name_sv, o.name_en, f.name_sv AS field_sv, f.name_en AS field_en \
     FROM occupations o JOIN occupational_fields f ON f.id = o.field_id";

impl Store {
    /// Brings the taxonomy and meeting types to `version`, unless the database already holds
    /// that version. Returns whether anything was written.
    pub async fn sync_reference_data(
        &self,
        version: &str,
        fields: &[OccupationalField],
        occupations: &[NewOccupation],
        meeting_types: &[MeetingTypeRow],
    ) -> Result<bool, StoreError> {
        if self.meta("reference_data_version").await?.as_deref() == Some(version) {
            return Ok(false);
        }
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            for f in fields {
                sqlx::query(UPSERT_FIELD)
                    .bind(f.code.as_str())
                    .bind(&f.name_sv)
                    .bind(&f.name_en)
                    .execute(&mut *tx)
                    .await?;
            }
            for o in occupations {
                let (id,): (i64,) = sqlx::query_as(UPSERT_OCCUPATION)
                    .bind(&o.code)
                    .bind(o.field.as_str())
                    .bind(&o.name_sv)
                    .bind(&o.name_en)
                    .bind(&o.search_text)
                    .fetch_one(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM occupation_synonyms WHERE occupation_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                for s in &o.synonyms {
                    sqlx::query(
                        "INSERT INTO occupation_synonyms (occupation_id, synonym) VALUES ($1, $2)",
                    )
                    .bind(id)
                    .bind(s)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            for m in meeting_types {
                sqlx::query(UPSERT_MEETING_TYPE)
                    .bind(&m.code)
                    .bind(&m.name_sv)
                    .bind(&m.name_en)
                    .bind(m.minutes)
                    .bind(m.buffer_minutes)
                    .bind(m.notice_minutes)
                    .bind(m.horizon_days)
                    .execute(&mut *tx)
                    .await?;
                // All of a new type's channels at once: one that has any keeps its own.
                let channels: Vec<&str> = m.channels.iter().map(|c| c.as_str()).collect();
                sqlx::query(&format!(
                    "INSERT INTO meeting_type_channels (meeting_type_id, channel) \
                     SELECT m.id, v.column1 FROM meeting_types m, ({}) AS v WHERE m.code = $1 \
                     AND NOT EXISTS (SELECT 1 FROM meeting_type_channels x \
                       WHERE x.meeting_type_id = m.id)",
                    channel_values(&channels)
                ))
                .bind(&m.code)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query(
                "INSERT INTO app_meta (key, value) VALUES ('reference_data_version', $1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .bind(version)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(true)
    }

    pub async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = on_pool!(self, p =>
            sqlx::query_as("SELECT value FROM app_meta WHERE key = $1")
                .bind(key)
                .fetch_optional(p)
                .await?);
        Ok(row.map(|(v,)| v))
    }

    pub async fn list_fields(&self) -> Result<Vec<OccupationalField>, StoreError> {
        let rows: Vec<FieldRow> = on_pool!(self, p =>
            sqlx::query_as("SELECT code, name_sv, name_en FROM occupational_fields ORDER BY name_sv")
                .fetch_all(p)
                .await?);
        rows.into_iter()
            .map(|r| {
                Ok(OccupationalField {
                    code: FieldCode::parse(&r.code)
                        .map_err(|_| StoreError::corrupt("field code"))?,
                    name_sv: r.name_sv,
                    name_en: r.name_en,
                })
            })
            .collect()
    }

    pub async fn count_occupations(&self) -> Result<i64, StoreError> {
        let (n,): (i64,) = on_pool!(self, p =>
            sqlx::query_as("SELECT COUNT(*) FROM occupations").fetch_one(p).await?);
        Ok(n)
    }

    /// Occupations whose name or a synonym contains every word of `folded_query`
    /// (already passed through `fold_for_search`), shortest name first.
    pub async fn search_occupations(
        &self,
        folded_query: &str,
        limit: i64,
    ) -> Result<Vec<Occupation>, StoreError> {
        let words: Vec<String> = folded_query
            .split_whitespace()
            .map(escape_like)
            .filter(|w| !w.is_empty())
            .take(5)
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = format!("{SELECT_OCCUPATIONS} WHERE ");
        for i in 1..=words.len() {
            if i > 1 {
                sql.push_str(" AND ");
            }
            // Both dialects: `||` concatenates and `$n` numbers the parameters.
            sql.push_str(&format!("o.search_text LIKE '%' || ${i} || '%'"));
        }
        sql.push_str(&format!(
            " ORDER BY length(o.name_sv), o.name_sv LIMIT ${}",
            words.len() + 1
        ));
        let rows: Vec<OccupationRow> = on_pool!(self, p => {
            let mut q = sqlx::query_as(&sql);
            for w in &words {
                q = q.bind(w);
            }
            q.bind(limit).fetch_all(p).await?
        });
        rows.into_iter().map(OccupationRow::into_domain).collect()
    }
}

/// `VALUES ('office'), ('phone')` for the channels given (fixed words, never typed text).
fn channel_values(channels: &[&str]) -> String {
    let rows: Vec<String> = channels
        .iter()
        .filter(|c| matches!(**c, "office" | "phone" | "video"))
        .map(|c| format!("('{c}')"))
        .collect();
    format!("VALUES {}", rows.join(", "))
}

/// `%` and `_` typed by a user are letters, not wildcards. Neither can appear in folded
/// taxonomy text, so dropping them is enough and avoids dialect-specific ESCAPE clauses.
fn escape_like(word: &str) -> String {
    word.chars().filter(|c| !matches!(c, '%' | '_')).collect()
}
