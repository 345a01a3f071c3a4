use super::{on_pool, Store, StoreError, WritePool};
use crate::domain::{Channel, Email, FieldCode, PhoneNumber};

#[derive(Debug, Clone)]
pub struct NewCounsellor {
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    /// The title on English pages; empty when the Swedish one serves both.
    pub title_en: String,
    pub phone: PhoneNumber,
    pub email: Email,
    pub office_code: String,
    pub languages: Vec<String>,
    pub channels: Vec<Channel>,
    pub fields: Vec<FieldCode>,
    /// Meets employers about their recruitment needs.
    pub serves_employers: bool,
}

/// A counsellor as matching needs them: where they work, what they know, how they meet.
#[derive(Debug, Clone, PartialEq)]
pub struct CounsellorRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    pub office_id: i64,
    pub office_code: String,
    pub languages: Vec<String>,
    pub channels: Vec<Channel>,
    pub fields: Vec<String>,
    /// Meets employers about their recruitment needs (the employers' picker offers only
    /// these).
    pub serves_employers: bool,
}

#[derive(sqlx::FromRow)]
struct BaseRow {
    id: i64,
    first_name: String,
    last_name: String,
    serves_employers: bool,
    phone: String,
    email: String,
    office_id: i64,
    office_code: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct Tag {
    counsellor_id: i64,
    value: String,
}

/// Every counsellor's fields, languages and ways of meeting, each list in code order.
pub(super) struct CounsellorTags {
    pub fields: Vec<Tag>,
    pub languages: Vec<Tag>,
    pub channels: Vec<Tag>,
}

/// The values of `tags` that belong to counsellor `id`.
pub(super) fn tags_of(tags: &[Tag], id: i64) -> Vec<String> {
    tags.iter()
        .filter(|t| t.counsellor_id == id)
        .map(|t| t.value.clone())
        .collect()
}

impl Store {
    /// Adds a counsellor with competences, languages and channels, all or nothing.
    pub async fn insert_counsellor(&self, c: &NewCounsellor) -> Result<i64, StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO counsellors (first_name, last_name, title, title_en, phone, email, \
                 office_id, serves_employers) \
                 VALUES ($1, $2, $3, $7, $4, $5, (SELECT id FROM offices WHERE code = $6), $8) \
                 RETURNING id",
            )
            .bind(&c.first_name)
            .bind(&c.last_name)
            .bind(&c.title)
            .bind(c.phone.as_e164())
            .bind(c.email.as_str())
            .bind(&c.office_code)
            .bind(&c.title_en)
            .bind(c.serves_employers)
            .fetch_one(&mut *tx)
            .await?;
            for code in &c.fields {
                sqlx::query(
                    "INSERT INTO counsellor_fields (counsellor_id, field_id) \
                     SELECT $1, id FROM occupational_fields WHERE code = $2",
                )
                .bind(id)
                .bind(code.as_str())
                .execute(&mut *tx)
                .await?;
            }
            for lang in &c.languages {
                sqlx::query("INSERT INTO counsellor_languages (counsellor_id, language) VALUES ($1, $2)")
                    .bind(id)
                    .bind(lang)
                    .execute(&mut *tx)
                    .await?;
            }
            for ch in &c.channels {
                sqlx::query("INSERT INTO counsellor_channels (counsellor_id, channel) VALUES ($1, $2)")
                    .bind(id)
                    .bind(ch.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Every active counsellor with their competences, languages and channels: those who
    /// can be offered and booked.
    pub async fn list_counsellors(&self) -> Result<Vec<CounsellorRow>, StoreError> {
        let base: Vec<BaseRow> = on_pool!(self, p =>
            sqlx::query_as(
                "SELECT c.id, c.first_name, c.last_name, c.serves_employers, c.phone, c.email, \
                 c.office_id, o.code AS office_code \
                 FROM counsellors c JOIN offices o ON o.id = c.office_id WHERE c.active \
                 ORDER BY c.last_name, c.first_name",
            )
            .fetch_all(p)
            .await?);
        let tags = self.counsellor_tags().await?;
        let of = |kind: &[Tag], id: i64| tags_of(kind, id);
        let (fields, langs, channels) = (&tags.fields, &tags.languages, &tags.channels);
        Ok(base
            .into_iter()
            .map(|b| CounsellorRow {
                fields: of(fields, b.id),
                languages: of(langs, b.id),
                channels: of(channels, b.id)
                    .iter()
                    .filter_map(|c| c.parse().ok())
                    .collect(),
                id: b.id,
                first_name: b.first_name,
                last_name: b.last_name,
                serves_employers: b.serves_employers,
                phone: b.phone,
                email: b.email,
                office_id: b.office_id,
                office_code: b.office_code,
            })
            .collect())
    }

    /// Every counsellor's fields, languages and ways of meeting: three reads, however many
    /// counsellors there are.
    pub(super) async fn counsellor_tags(&self) -> Result<CounsellorTags, StoreError> {
        let (fields, languages, channels) = on_pool!(self, p => (
            sqlx::query_as(
                "SELECT cf.counsellor_id, f.code AS value FROM counsellor_fields cf \
                 JOIN occupational_fields f ON f.id = cf.field_id ORDER BY f.code",
            )
            .fetch_all(p)
            .await?,
            sqlx::query_as(
                "SELECT counsellor_id, language AS value FROM counsellor_languages ORDER BY language",
            )
            .fetch_all(p)
            .await?,
            sqlx::query_as(
                "SELECT counsellor_id, channel AS value FROM counsellor_channels ORDER BY channel",
            )
            .fetch_all(p)
            .await?,
        ));
        Ok(CounsellorTags {
            fields,
            languages,
            channels,
        })
    }
}
