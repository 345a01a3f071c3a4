//! Job seekers: registration drafts, the registration itself (seeker, profile and account in
//! one transaction) and what signing in needs.

use super::{assisted::seeker_link_in, on_pool, Store, StoreError, WritePool};
use crate::domain::{
    registration::{Registration, WorkExperience},
    Email, PersonalNumber,
};
use chrono::{DateTime, SubsecRound, Utc};

/// A registration ready to be written: the checked form plus what the server resolved.
#[derive(Debug, Clone)]
pub struct NewSeeker<'a> {
    pub registration: &'a Registration,
    /// The taxonomy id of each work experience's occupation, when its words name one.
    pub experience_occupations: Vec<Option<i64>>,
    /// Taxonomy ids of the desired occupations.
    pub desired_occupations: Vec<i64>,
    pub home_office_id: Option<i64>,
    pub sign_in: SignIn,
    pub now: DateTime<Utc>,
}

/// How the person will sign in to Mina sidor.
#[derive(Debug, Clone)]
pub enum SignIn {
    /// Their own password, chosen as they registered online (an argon2id PHC string).
    Password(String),
    /// Registered by staff (`by_staff`): the person makes their own password with the
    /// one-time link emailed to them.
    Link { by_staff: i64, link: super::NewLink },
}

/// What signing in checks against.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SeekerCredentials {
    pub seeker_id: i64,
    pub password_hash: String,
}

/// The signed-in job seeker, as the pages greet them.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SeekerName {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
}

/// The seekers a person's identifiers are registered to already, if any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Taken {
    pub personal_number: Option<i64>,
    pub email: Option<i64>,
}

impl Taken {
    pub fn any(&self) -> bool {
        self.personal_number.is_some() || self.email.is_some()
    }

    /// The accounts concerned, each once.
    pub fn owners(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = [self.personal_number, self.email]
            .into_iter()
            .flatten()
            .collect();
        ids.dedup();
        ids
    }
}

/// SQLite keeps times as text; whole seconds keep every stored time comparable as text.
fn stored(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(0)
}

const UPSERT_DRAFT: &str =
    "INSERT INTO registration_drafts (token_hash, data, created_at, updated_at) \
     VALUES ($1, $2, $3, $3) \
     ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at";

const INSERT_SEEKER: &str = "INSERT INTO seekers (personal_number, first_name, last_name, email, \
     phone, postcode, preferred_language, interpreter_language, accessibility_needs, \
     home_office_id, registered_online, registered_by_staff_id, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
const INSERT_PROFILE: &str = "INSERT INTO seeker_profiles (seeker_id, extent, earliest_start, \
     situation, regions, driving_licences, other_skills, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const INSERT_EXPERIENCE: &str = "INSERT INTO seeker_experiences (seeker_id, employer, \
     occupation_id, occupation_text, from_month, to_month, description) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
const INSERT_EDUCATION: &str =
    "INSERT INTO seeker_educations (seeker_id, level, field, school, year) VALUES ($1, $2, $3, $4, $5)";
const INSERT_LANGUAGE: &str =
    "INSERT INTO seeker_languages (seeker_id, language, level) VALUES ($1, $2, $3)";
const INSERT_DESIRED: &str =
    "INSERT INTO seeker_desired_occupations (seeker_id, occupation_id) VALUES ($1, $2)";
const INSERT_ACCOUNT: &str =
    "INSERT INTO seeker_accounts (seeker_id, password_hash, created_at) VALUES ($1, $2, $3)";

impl Store {
    /// Saves a draft under its token's hash, creating or replacing it.
    pub async fn save_draft(
        &self,
        token_hash: &str,
        data: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(UPSERT_DRAFT)
                .bind(token_hash)
                .bind(data)
                .bind(stored(now))
                .execute(p)
                .await?;
        });
        Ok(())
    }

    /// A draft last saved after `fresh_since`; older ones count as gone even before the
    /// clean-up has removed them.
    pub async fn load_draft(
        &self,
        token_hash: &str,
        fresh_since: DateTime<Utc>,
    ) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = on_pool!(self, p =>
            sqlx::query_as(
                "SELECT data FROM registration_drafts WHERE token_hash = $1 AND updated_at >= $2",
            )
            .bind(token_hash)
            .bind(stored(fresh_since))
            .fetch_optional(p)
            .await?);
        Ok(row.map(|(data,)| data))
    }

    /// Changes a draft as one step: reads it (`None` when there is none or it has expired),
    /// lets `change` make the new text, and writes that, inside one write transaction
    /// (SQLite's `BEGIN IMMEDIATE`, a row lock in PostgreSQL). Two saves of the same draft at
    /// once (a background save and "next") then run one after the other instead of one
    /// overwriting the other's change.
    pub async fn update_draft<T>(
        &self,
        token_hash: &str,
        fresh_since: DateTime<Utc>,
        now: DateTime<Utc>,
        change: impl FnOnce(Option<String>) -> Result<(String, T), StoreError>,
    ) -> Result<T, StoreError> {
        let lock = match self.pool {
            super::Pool::Sqlite(_) => "",
            super::Pool::Postgres(_) => " FOR UPDATE",
        };
        let select = format!(
            "SELECT data FROM registration_drafts WHERE token_hash = $1 AND updated_at >= $2{lock}"
        );
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            // Make sure the row exists, so that PostgreSQL has a row to lock even for a
            // draft's first save (a concurrent first save waits on the insert instead).
            sqlx::query(
                "INSERT INTO registration_drafts (token_hash, data, created_at, updated_at) \
                 VALUES ($1, '{}', $2, $2) ON CONFLICT (token_hash) DO NOTHING",
            )
            .bind(token_hash)
            .bind(stored(now))
            .execute(&mut *tx)
            .await?;
            let row: Option<(String,)> = sqlx::query_as(&select)
                .bind(token_hash)
                .bind(stored(fresh_since))
                .fetch_optional(&mut *tx)
                .await?;
            let (data, out) = change(row.map(|(data,)| data))?;
            sqlx::query(UPSERT_DRAFT)
                .bind(token_hash)
                .bind(&data)
                .bind(stored(now))
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(out)
        })
    }

    pub async fn delete_draft(&self, token_hash: &str) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query("DELETE FROM registration_drafts WHERE token_hash = $1")
                .bind(token_hash)
                .execute(p)
                .await?;
        });
        Ok(())
    }

    /// Deletes drafts last saved before `cutoff`; returns how many.
    pub async fn delete_drafts_before(&self, cutoff: DateTime<Utc>) -> Result<u64, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query("DELETE FROM registration_drafts WHERE updated_at < $1")
                .bind(stored(cutoff))
                .execute(p)
                .await?
                .rows_affected()))
    }

    /// Whom the personal identity number and the email belong to, if anyone.
    pub async fn registered(
        &self,
        personal_number: Option<&PersonalNumber>,
        email: Option<&Email>,
    ) -> Result<Taken, StoreError> {
        let (pnr, mail): (Option<i64>, Option<i64>) = on_pool!(self, p =>
            sqlx::query_as(
                "SELECT \
                   (SELECT id FROM seekers WHERE personal_number = $1), \
                   (SELECT id FROM seekers WHERE email = $2)",
            )
            .bind(personal_number.map(PersonalNumber::as_digits).unwrap_or(""))
            .bind(email.map(Email::as_str).unwrap_or(""))
            .fetch_one(p)
            .await?);
        Ok(Taken {
            personal_number: pnr,
            email: mail,
        })
    }

    /// Creates the job seeker, their profile and their account, all or nothing. A personal
    /// identity number or email registered already is refused by the database
    /// (`Rule::SeekerPersonalNumberTaken`, `Rule::SeekerEmailTaken`).
    pub async fn register_seeker(&self, new: &NewSeeker<'_>) -> Result<i64, StoreError> {
        let reg = new.registration;
        let about = &reg.about;
        let now = stored(new.now);
        let regions = join(reg.wishes.regions.iter().map(|r| r.as_str()));
        let licences = join(reg.skills.licences.iter().map(|l| l.as_str()));
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let (id,): (i64,) = sqlx::query_as(INSERT_SEEKER)
                .bind(about.personal_number.as_digits())
                .bind(&about.first_name)
                .bind(&about.last_name)
                .bind(about.email.as_str())
                .bind(about.phone.as_e164())
                .bind(i64::from(about.postcode.value()))
                .bind(about.preferred_language.as_str())
                .bind(about.interpreter.map(|l| l.as_str()))
                .bind(&about.accessibility_needs)
                .bind(new.home_office_id)
                .bind(matches!(new.sign_in, SignIn::Password(_)))
                .bind(match &new.sign_in {
                    SignIn::Link { by_staff, .. } => Some(*by_staff),
                    SignIn::Password(_) => None,
                })
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
            sqlx::query(INSERT_PROFILE)
                .bind(id)
                .bind(reg.wishes.extent.as_str())
                .bind(reg.wishes.earliest_start)
                .bind(reg.wishes.situation.as_str())
                .bind(&regions)
                .bind(&licences)
                .bind(&reg.skills.other_skills)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            for (job, occupation_id) in reg.experience.iter().zip(&new.experience_occupations) {
                let WorkExperience { employer, occupation, from, to, description } = job;
                sqlx::query(INSERT_EXPERIENCE)
                    .bind(id)
                    .bind(employer)
                    .bind(occupation_id)
                    .bind(occupation)
                    .bind(from.iso())
                    .bind(to.map(|t| t.iso()))
                    .bind(description)
                    .execute(&mut *tx)
                    .await?;
            }
            for e in &reg.skills.educations {
                sqlx::query(INSERT_EDUCATION)
                    .bind(id)
                    .bind(e.level.as_str())
                    .bind(&e.field)
                    .bind(&e.school)
                    .bind(e.year.map(i64::from))
                    .execute(&mut *tx)
                    .await?;
            }
            for l in &reg.skills.languages {
                sqlx::query(INSERT_LANGUAGE)
                    .bind(id)
                    .bind(l.language.as_str())
                    .bind(l.level.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
            for occupation_id in &new.desired_occupations {
                sqlx::query(INSERT_DESIRED)
                    .bind(id)
                    .bind(occupation_id)
                    .execute(&mut *tx)
                    .await?;
            }
            match &new.sign_in {
                SignIn::Password(hash) => {
                    sqlx::query(INSERT_ACCOUNT)
                        .bind(id)
                        .bind(hash)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                }
                SignIn::Link { by_staff, link } => {
                    seeker_link_in!(tx, id, link, Some(*by_staff), new.now);
                }
            }
            tx.commit().await?;
            Ok(id)
        })
    }

    /// The account behind an email, for signing in.
    pub async fn seeker_credentials(
        &self,
        email: &Email,
    ) -> Result<Option<SeekerCredentials>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT a.seeker_id, a.password_hash FROM seeker_accounts a \
                 JOIN seekers s ON s.id = a.seeker_id WHERE s.email = $1",
            )
            .bind(email.as_str())
            .fetch_optional(p)
            .await?))
    }

    pub async fn record_sign_in(
        &self,
        seeker_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("UPDATE seeker_accounts SET last_sign_in_at = $2 WHERE seeker_id = $1")
                .bind(seeker_id)
                .bind(stored(now))
                .execute(&mut *tx)
                .await?;
            // Each one, for the person's own download of their data.
            sqlx::query("INSERT INTO seeker_sign_ins (seeker_id, at) VALUES ($1, $2)")
                .bind(seeker_id)
                .bind(stored(now))
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn seeker_name(&self, seeker_id: i64) -> Result<Option<SeekerName>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, first_name, last_name FROM seekers s WHERE id = $1 \
                 AND NOT EXISTS (SELECT 1 FROM erased_seekers e WHERE e.seeker_id = s.id)",
            )
                .bind(seeker_id)
                .fetch_optional(p)
                .await?))
    }

    /// How many job seekers there are; for tests and the health of the demo.
    pub async fn count_seekers(&self) -> Result<i64, StoreError> {
        let (n,): (i64,) = on_pool!(self, p =>
            sqlx::query_as("SELECT COUNT(*) FROM seekers").fetch_one(p).await?);
        Ok(n)
    }
}

/// Lists of codes are stored as one comma-separated column: they are only ever read whole.
fn join<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    codes.collect::<Vec<_>>().join(",")
}
