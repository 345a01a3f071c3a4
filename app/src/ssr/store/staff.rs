//! Staff accounts, what the access rules need to know about a seeker, and the access log.

use super::{on_pool, Store, StoreError, WritePool};
use crate::domain::{
    access_log::AccessReason,
    staff::{Role, SeekerReach, StaffMember},
    BookingId, Email, SeekerId, StaffId,
};
use chrono::{DateTime, SubsecRound, Utc};

/// A staff account to create. `counsellor_email` ties a counsellor's account to their
/// calendar.
#[derive(Debug, Clone)]
pub struct NewStaff {
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub office_code: Option<String>,
    pub counsellor_email: Option<Email>,
    /// An argon2id PHC string.
    pub password_hash: String,
}

/// A staff account as pages show it and the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub member: StaffMember,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub office_name: Option<String>,
    /// Counts the account's password changes; a session opened before the last one is over.
    pub password_generation: i64,
}

#[derive(sqlx::FromRow)]
struct StaffRecord {
    id: i64,
    email: String,
    first_name: String,
    last_name: String,
    role: String,
    office_id: Option<i64>,
    counsellor_id: Option<i64>,
    office_name: Option<String>,
    password_generation: i64,
}

impl TryFrom<StaffRecord> for StaffRow {
    type Error = StoreError;
    fn try_from(r: StaffRecord) -> Result<Self, StoreError> {
        let role = r
            .role
            .parse::<Role>()
            .map_err(|_| StoreError::corrupt("staff role"))?;
        Ok(StaffRow {
            member: StaffMember {
                id: r.id,
                role,
                office_id: r.office_id,
                counsellor_id: r.counsellor_id,
            },
            email: r.email,
            first_name: r.first_name,
            last_name: r.last_name,
            office_name: r.office_name,
            password_generation: r.password_generation,
        })
    }
}

/// One line of the access log.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccessEntry {
    pub staff_id: i64,
    pub seeker_id: i64,
    pub booking_id: Option<i64>,
    pub reason: String,
    pub at: DateTime<Utc>,
}

const SELECT_STAFF: &str = "SELECT s.id, s.email, s.first_name, s.last_name, s.role, \
     s.office_id, s.counsellor_id, o.name AS office_name, s.password_generation \
     FROM staff s LEFT JOIN offices o ON o.id = s.office_id";

impl Store {
    /// Creates a staff account. The office and the counsellor are named by code and email;
    /// an unknown one is `NotFound`, an email in use `Rule::StaffEmailTaken`.
    pub async fn insert_staff(&self, s: &NewStaff, now: DateTime<Utc>) -> Result<i64, StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let office_id: Option<i64> = match &s.office_code {
                Some(code) => Some(
                    sqlx::query_scalar("SELECT id FROM offices WHERE code = $1")
                        .bind(code)
                        .fetch_optional(&mut *tx)
                        .await?
                        .ok_or(StoreError::NotFound)?,
                ),
                None => None,
            };
            let counsellor_id: Option<i64> = match &s.counsellor_email {
                Some(email) => Some(
                    sqlx::query_scalar("SELECT id FROM counsellors WHERE email = $1")
                        .bind(email.as_str())
                        .fetch_optional(&mut *tx)
                        .await?
                        .ok_or(StoreError::NotFound)?,
                ),
                None => None,
            };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO staff (email, first_name, last_name, role, office_id, counsellor_id, \
                 password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(s.email.as_str())
            .bind(&s.first_name)
            .bind(&s.last_name)
            .bind(s.role.as_str())
            .bind(office_id)
            .bind(counsellor_id)
            .bind(&s.password_hash)
            .bind(now.trunc_subsecs(0))
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(id)
        })
    }

    pub async fn office_id_by_code(&self, code: &str) -> Result<Option<i64>, StoreError> {
        on_pool!(self, p => {
            Ok(sqlx::query_scalar("SELECT id FROM offices WHERE code = $1")
                .bind(code)
                .fetch_optional(p)
                .await?)
        })
    }

    /// The account id and password hash for an email, if there is such an active account.
    pub async fn staff_credentials(
        &self,
        email: &Email,
    ) -> Result<Option<(i64, String)>, StoreError> {
        on_pool!(self, p => {
            Ok(sqlx::query_as("SELECT id, password_hash FROM staff WHERE email = $1 AND active")
                .bind(email.as_str())
                .fetch_optional(p)
                .await?)
        })
    }

    /// An active account: a deactivated one is signed out at its next request.
    pub async fn staff_by_id(&self, id: i64) -> Result<Option<StaffRow>, StoreError> {
        let record: Option<StaffRecord> = on_pool!(self, p => {
            sqlx::query_as(&format!("{SELECT_STAFF} WHERE s.id = $1 AND s.active"))
                .bind(id)
                .fetch_optional(p)
                .await?
        });
        record.map(StaffRow::try_from).transpose()
    }

    /// Every account, by office and name.
    pub async fn list_staff(&self) -> Result<Vec<StaffRow>, StoreError> {
        let records: Vec<StaffRecord> = on_pool!(self, p => {
            sqlx::query_as(&format!(
                "{SELECT_STAFF} ORDER BY o.name NULLS FIRST, s.last_name, s.first_name"
            ))
            .fetch_all(p)
            .await?
        });
        records.into_iter().map(StaffRow::try_from).collect()
    }

    pub async fn touch_staff_sign_in(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query("UPDATE staff SET last_sign_in_at = $1 WHERE id = $2")
                .bind(now.trunc_subsecs(0))
                .bind(id)
                .execute(p)
                .await?;
        });
        Ok(())
    }

    /// Sets a new password; `NotFound` when no account has the email.
    pub async fn set_staff_password(
        &self,
        email: &Email,
        password_hash: &str,
    ) -> Result<(), StoreError> {
        let done = on_pool!(self, p => {
            sqlx::query("UPDATE staff SET password_hash = $1, \
                 password_generation = password_generation + 1 WHERE email = $2",)
                .bind(password_hash)
                .bind(email.as_str())
                .execute(p)
                .await?
                .rows_affected()
        });
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// What the access rules need to know about a seeker; `None` when there is no such seeker.
    pub async fn seeker_reach(&self, seeker_id: i64) -> Result<Option<SeekerReach>, StoreError> {
        on_pool!(self, p => {
            let home: Option<(Option<i64>,)> =
                sqlx::query_as("SELECT home_office_id FROM seekers WHERE id = $1")
                    .bind(seeker_id)
                    .fetch_optional(p)
                    .await?;
            let Some((home_office,)) = home else {
                return Ok(None);
            };
            // The offices of the counsellors they meet, the offices they visit (their
            // reception), and the desk that registered them until they have their own
            // sign-in: from then on what they began with staff is theirs, and that desk
            // reaches them only as any other office would.
            let meeting_offices: Vec<i64> = sqlx::query_scalar(
                "SELECT c.office_id FROM bookings b \
                 JOIN counsellors c ON c.id = b.counsellor_id WHERE b.seeker_id = $1 \
                 UNION SELECT b.office_id FROM bookings b \
                 WHERE b.seeker_id = $1 AND b.office_id IS NOT NULL \
                 UNION SELECT st.office_id FROM seekers s JOIN staff st \
                 ON st.id = s.registered_by_staff_id \
                 WHERE s.id = $1 AND st.office_id IS NOT NULL \
                 AND NOT EXISTS (SELECT 1 FROM seeker_accounts a WHERE a.seeker_id = s.id)",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?;
            let referred_to: Vec<i64> =
                sqlx::query_scalar("SELECT counsellor_id FROM referrals WHERE seeker_id = $1")
                    .bind(seeker_id)
                    .fetch_all(p)
                    .await?;
            Ok(Some(SeekerReach {
                meeting_offices,
                home_office,
                referred_to,
            }))
        })
    }

    /// Writes down that staff opened a seeker's profile, and why.
    pub async fn log_access(
        &self,
        staff_id: StaffId,
        seeker_id: SeekerId,
        booking_id: Option<BookingId>,
        reason: AccessReason,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            sqlx::query(
                "INSERT INTO access_log (staff_id, seeker_id, booking_id, reason, at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(staff_id)
            .bind(seeker_id)
            .bind(booking_id)
            .bind(reason.as_str())
            .bind(now.trunc_subsecs(0))
            .execute(p)
            .await?;
        });
        Ok(())
    }

    /// Who opened a seeker's profile, newest first.
    pub async fn access_log(&self, seeker_id: i64) -> Result<Vec<AccessEntry>, StoreError> {
        on_pool!(self, p => {
            Ok(sqlx::query_as(
                "SELECT staff_id, seeker_id, booking_id, reason, at FROM access_log \
                 WHERE seeker_id = $1 ORDER BY at DESC, id DESC",
            )
            .bind(seeker_id)
            .fetch_all(p)
            .await?)
        })
    }
}
