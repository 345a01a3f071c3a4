//! A job seeker's profile as booking and Mina sidor read it: contact, language needs, the
//! occupational fields they look for, and what they have told us.

use super::{on_pool, Store, StoreError, WritePool};
use crate::domain::registration::ContactDetails;
use chrono::{DateTime, SubsecRound, Utc};

/// What matching, the tips and Mina sidor need of a seeker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeekerProfile {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    /// Twelve digits; shown masked.
    pub personal_number: String,
    pub email: String,
    pub phone: String,
    pub postcode: i64,
    pub preferred_language: String,
    pub interpreter_language: Option<String>,
    pub accessibility_needs: String,
    pub home_office_id: Option<i64>,
    /// Codes of the fields of the desired occupations.
    pub fields: Vec<String>,
    /// Names of the desired occupations, Swedish and English.
    pub desired: Vec<(String, String)>,
    pub experiences: i64,
    /// When they registered: the first month they report.
    pub registered_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    first_name: String,
    last_name: String,
    personal_number: String,
    email: String,
    phone: String,
    postcode: i64,
    preferred_language: String,
    interpreter_language: Option<String>,
    accessibility_needs: String,
    home_office_id: Option<i64>,
    created_at: DateTime<Utc>,
}

/// The seeker's row, their fields, desired occupations (Swedish and English names) and how
/// many jobs they listed.
type ProfileRows = (Option<Row>, Vec<(String,)>, Vec<(String, String)>, (i64,));

impl Store {
    /// `None` also for a person who took their account away: what is kept of them is kept
    /// for the authority's records, not for Tidbok's pages.
    pub async fn seeker_profile(
        &self,
        seeker_id: i64,
    ) -> Result<Option<SeekerProfile>, StoreError> {
        let (row, fields, desired, experiences): ProfileRows = on_pool!(self, p => (
            sqlx::query_as(
                "SELECT id, first_name, last_name, personal_number, email, phone, postcode, \
                 preferred_language, interpreter_language, accessibility_needs, home_office_id, \
                 created_at FROM seekers s WHERE id = $1 \
                 AND NOT EXISTS (SELECT 1 FROM erased_seekers e WHERE e.seeker_id = s.id)",
            )
            .bind(seeker_id)
            .fetch_optional(p)
            .await?,
            sqlx::query_as(
                "SELECT DISTINCT f.code FROM seeker_desired_occupations d \
                 JOIN occupations o ON o.id = d.occupation_id \
                 JOIN occupational_fields f ON f.id = o.field_id \
                 WHERE d.seeker_id = $1 ORDER BY f.code",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?,
            sqlx::query_as(
                "SELECT o.name_sv, o.name_en FROM seeker_desired_occupations d \
                 JOIN occupations o ON o.id = d.occupation_id \
                 WHERE d.seeker_id = $1 ORDER BY o.name_sv",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?,
            sqlx::query_as("SELECT COUNT(*) FROM seeker_experiences WHERE seeker_id = $1")
                .bind(seeker_id)
                .fetch_one(p)
                .await?,
        ));
        Ok(row.map(|r| SeekerProfile {
            id: r.id,
            first_name: r.first_name,
            last_name: r.last_name,
            personal_number: r.personal_number,
            email: r.email,
            phone: r.phone,
            postcode: r.postcode,
            preferred_language: r.preferred_language,
            interpreter_language: r.interpreter_language,
            accessibility_needs: r.accessibility_needs,
            home_office_id: r.home_office_id,
            fields: fields.into_iter().map(|(c,)| c).collect(),
            desired,
            experiences: experiences.0,
            registered_at: r.created_at,
        }))
    }

    /// Replaces the seeker's contact details and needs, and the office nearest their
    /// postcode. An email another account has is refused by the database
    /// (`Rule::SeekerEmailTaken`). `NotFound` when there is no such seeker.
    pub async fn update_contact(
        &self,
        seeker_id: i64,
        c: &ContactDetails,
        home_office_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let now = now.trunc_subsecs(0);
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let changed = sqlx::query(
                "UPDATE seekers SET email = $1, phone = $2, postcode = $3, \
                 preferred_language = $4, interpreter_language = $5, accessibility_needs = $6, \
                 home_office_id = $7 WHERE id = $8",
            )
            .bind(c.email.as_str())
            .bind(c.phone.as_e164())
            .bind(i64::from(c.postcode.value()))
            .bind(c.preferred_language.as_str())
            .bind(c.interpreter.map(|l| l.as_str()))
            .bind(&c.accessibility_needs)
            .bind(home_office_id)
            .bind(seeker_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("UPDATE seeker_profiles SET updated_at = $1 WHERE seeker_id = $2")
                .bind(now)
                .bind(seeker_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }
}
