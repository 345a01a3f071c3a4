//! Offices as administrators keep them: created and changed with their opening hours and
//! postcode areas in one transaction (checking the version the form was drawn from), with
//! the audit line in the same transaction.

use super::{audit_in, on_pool, people::stale_or_gone, AuditEntry, Store, StoreError, WritePool};
use crate::domain::{
    admin::{office::OfficeDraft, Version},
    geo::PostcodeArea,
    Address, Email, OpeningHours, PhoneNumber, Postcode,
};

/// An office as the administration pages show and change it.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeRecord {
    pub id: i64,
    pub code: String,
    pub draft: OfficeDraft,
}

#[derive(sqlx::FromRow)]
struct RecordRow {
    id: i64,
    code: String,
    name: String,
    street: String,
    postcode: i64,
    city: String,
    phone: String,
    email: String,
    takes_visits: bool,
    version: i64,
}

/// Writes the office's opening spans and areas anew inside the open transaction `$tx`.
macro_rules! hours_and_areas_in {
    ($tx:expr, $id:expr, $draft:expr) => {{
        let id: i64 = $id;
        let d: &OfficeDraft = $draft;
        for table in ["office_opening_hours", "office_postcode_areas"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE office_id = $1"))
                .bind(id)
                .execute(&mut *$tx)
                .await?;
        }
        for span in d.hours.spans() {
            sqlx::query(
                "INSERT INTO office_opening_hours (office_id, weekday, opens, closes) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(i64::from(span.weekday.number_from_monday()))
            .bind(span.opens.format("%H:%M").to_string())
            .bind(span.closes.format("%H:%M").to_string())
            .execute(&mut *$tx)
            .await?;
        }
        for area in &d.areas {
            sqlx::query("INSERT INTO office_postcode_areas (office_id, area) VALUES ($1, $2)")
                .bind(id)
                .bind(area.as_str())
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

impl Store {
    /// Every office as the administration keeps it, by name.
    pub async fn office_records(&self) -> Result<Vec<OfficeRecord>, StoreError> {
        let rows: Vec<RecordRow> = on_pool!(self, p =>
            sqlx::query_as(
                "SELECT id, code, name, street, postcode, city, phone, email, takes_visits, \
                 version FROM offices ORDER BY name",
            )
            .fetch_all(p)
            .await?);
        let areas = self.postcode_areas().await?;
        let hours = self.opening_hours_by_office().await?;
        rows.into_iter()
            .map(|row| {
                let opening = hours.get(&row.id).cloned().unwrap_or_default();
                let served = areas
                    .iter()
                    .filter(|(o, _)| *o == row.id)
                    .map(|(_, a)| a.clone())
                    .collect();
                record_from(row, opening, served)
            })
            .collect()
    }

    /// Every postcode area an office serves, as (office id, area).
    pub async fn postcode_areas(&self) -> Result<Vec<(i64, PostcodeArea)>, StoreError> {
        let rows: Vec<(i64, String)> = on_pool!(self, p =>
            sqlx::query_as("SELECT office_id, area FROM office_postcode_areas ORDER BY area")
                .fetch_all(p)
                .await?);
        rows.into_iter()
            .map(|(office, area)| {
                PostcodeArea::parse(&area)
                    .map(|a| (office, a))
                    .ok_or_else(|| StoreError::corrupt("postcode area"))
            })
            .collect()
    }

    /// The offices that take visits, by id.
    pub async fn visit_office_ids(&self) -> Result<Vec<i64>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_scalar("SELECT id FROM offices WHERE takes_visits ORDER BY id")
                .fetch_all(p)
                .await?))
    }

    /// Adds office `d` under `code` at the given place on the map.
    pub async fn create_office(
        &self,
        code: &str,
        d: &OfficeDraft,
        (latitude, longitude): (f64, f64),
        audit: &AuditEntry,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<i64, StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO offices (code, name, street, postcode, city, phone, email, \
                 latitude, longitude, takes_visits) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(code)
            .bind(&d.name)
            .bind(&d.address.street)
            .bind(i64::from(d.address.postcode.value()))
            .bind(&d.address.city)
            .bind(d.phone.as_e164())
            .bind(d.email.as_str())
            .bind(latitude)
            .bind(longitude)
            .bind(d.takes_visits)
            .fetch_one(&mut *tx)
            .await?;
            hours_and_areas_in!(tx, id, d);
            let audit = AuditEntry { subject: format!("office:{id}"), ..audit.clone() };
            audit_in!(tx, &audit, now);
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Changes office `id` to `d`, if it is still at the version `d` was drawn from
    /// (`Rule::EditedMeanwhile` otherwise). A new postcode moves the office on the map.
    pub async fn update_office(
        &self,
        id: i64,
        d: &OfficeDraft,
        (latitude, longitude): (f64, f64),
        audit: &AuditEntry,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        let version = d.version.unwrap_or(Version::FIRST).get();
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query(
                "UPDATE offices SET name = $3, street = $4, postcode = $5, city = $6, \
                 phone = $7, email = $8, takes_visits = $9, \
                 latitude = CASE WHEN postcode = $5 THEN latitude ELSE $10 END, \
                 longitude = CASE WHEN postcode = $5 THEN longitude ELSE $11 END, \
                 version = version + 1 WHERE id = $1 AND version = $2",
            )
            .bind(id)
            .bind(version)
            .bind(&d.name)
            .bind(&d.address.street)
            .bind(i64::from(d.address.postcode.value()))
            .bind(&d.address.city)
            .bind(d.phone.as_e164())
            .bind(d.email.as_str())
            .bind(d.takes_visits)
            .bind(latitude)
            .bind(longitude)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(stale_or_gone!(tx, "offices", id));
            }
            hours_and_areas_in!(tx, id, d);
            audit_in!(tx, audit, now);
            tx.commit().await?;
            Ok(())
        })
    }
}

fn record_from(
    row: RecordRow,
    hours: OpeningHours,
    areas: Vec<PostcodeArea>,
) -> Result<OfficeRecord, StoreError> {
    let corrupt = StoreError::corrupt;
    Ok(OfficeRecord {
        id: row.id,
        code: row.code,
        draft: OfficeDraft {
            name: row.name,
            address: Address {
                street: row.street,
                postcode: Postcode::from_stored(row.postcode).ok_or_else(|| corrupt("postcode"))?,
                city: row.city,
            },
            phone: PhoneNumber::parse(&row.phone).map_err(|_| corrupt("phone"))?,
            email: Email::parse(&row.email).map_err(|_| corrupt("email"))?,
            areas,
            takes_visits: row.takes_visits,
            hours,
            version: Some(Version::from_stored(row.version)),
        },
    })
}
