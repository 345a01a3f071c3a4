use super::{on_pool, Store, StoreError, WritePool};
use crate::domain::{
    geo::PostcodeArea, Address, Email, OfficeSummary, OpeningHours, OpeningSpan, PhoneNumber,
    Postcode,
};
use chrono::{NaiveTime, Weekday};

#[derive(Debug, Clone)]
pub struct NewOffice {
    pub code: String,
    pub name: String,
    pub address: Address,
    pub phone: PhoneNumber,
    pub email: Email,
    pub latitude: f64,
    pub longitude: f64,
    pub opening_hours: OpeningHours,
    /// The postcode areas it serves (the nearest-office suggestion).
    pub areas: Vec<PostcodeArea>,
}

#[derive(sqlx::FromRow)]
struct OfficeRow {
    id: i64,
    code: String,
    name: String,
    street: String,
    postcode: i64,
    city: String,
    phone: String,
    email: String,
}

#[derive(sqlx::FromRow)]
struct HoursRow {
    office_id: i64,
    weekday: i64,
    opens: String,
    closes: String,
}

const INSERT_OFFICE: &str = "INSERT INTO offices \
     (code, name, street, postcode, city, phone, email, latitude, longitude) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
const INSERT_HOURS: &str =
    "INSERT INTO office_opening_hours (office_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)";
const SELECT_OFFICES: &str =
    "SELECT id, code, name, street, postcode, city, phone, email FROM offices ORDER BY name";
const SELECT_HOURS: &str = "SELECT office_id, weekday, opens, closes FROM office_opening_hours \
     ORDER BY office_id, weekday, opens";

impl Store {
    /// Adds an office with its opening hours, all or nothing.
    pub async fn insert_office(&self, office: &NewOffice) -> Result<i64, StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let (id,): (i64,) = sqlx::query_as(INSERT_OFFICE)
                .bind(&office.code)
                .bind(&office.name)
                .bind(&office.address.street)
                .bind(i64::from(office.address.postcode.value()))
                .bind(&office.address.city)
                .bind(office.phone.as_e164())
                .bind(office.email.as_str())
                .bind(office.latitude)
                .bind(office.longitude)
                .fetch_one(&mut *tx)
                .await?;
            for span in office.opening_hours.spans() {
                sqlx::query(INSERT_HOURS)
                    .bind(id)
                    .bind(i64::from(span.weekday.number_from_monday()))
                    .bind(span.opens.format("%H:%M").to_string())
                    .bind(span.closes.format("%H:%M").to_string())
                    .execute(&mut *tx)
                    .await?;
            }
            for area in &office.areas {
                sqlx::query("INSERT INTO office_postcode_areas (office_id, area) VALUES ($1, $2)")
                    .bind(id)
                    .bind(area.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Every office with its opening hours, by name.
    pub async fn list_offices(&self) -> Result<Vec<OfficeSummary>, StoreError> {
        let offices: Vec<OfficeRow> =
            on_pool!(self, p => sqlx::query_as(SELECT_OFFICES).fetch_all(p).await?);
        let hours = self.opening_hours_by_office().await?;
        offices
            .into_iter()
            .map(|row| {
                let opening = hours.get(&row.id).cloned().unwrap_or_default();
                office_from_row(row, opening)
            })
            .collect()
    }

    /// Every office's opening hours, by office id (an office with none is absent).
    pub(super) async fn opening_hours_by_office(
        &self,
    ) -> Result<std::collections::HashMap<i64, OpeningHours>, StoreError> {
        let rows: Vec<HoursRow> =
            on_pool!(self, p => sqlx::query_as(SELECT_HOURS).fetch_all(p).await?);
        let mut spans: std::collections::HashMap<i64, Vec<OpeningSpan>> = Default::default();
        for row in &rows {
            spans
                .entry(row.office_id)
                .or_default()
                .push(span_from_row(row)?);
        }
        spans
            .into_iter()
            .map(|(id, s)| {
                OpeningHours::new(s)
                    .map(|h| (id, h))
                    .map_err(|_| StoreError::corrupt("opening hours"))
            })
            .collect()
    }

    pub async fn count_offices(&self) -> Result<i64, StoreError> {
        let (n,): (i64,) = on_pool!(self, p =>
            sqlx::query_as("SELECT COUNT(*) FROM offices").fetch_one(p).await?);
        Ok(n)
    }
}

fn span_from_row(h: &HoursRow) -> Result<OpeningSpan, StoreError> {
    let weekday = u8::try_from(h.weekday)
        .ok()
        .and_then(|n| Weekday::try_from(n.wrapping_sub(1)).ok())
        .ok_or_else(|| StoreError::corrupt("weekday"))?;
    let time =
        |s: &str| NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| StoreError::corrupt("time"));
    Ok(OpeningSpan {
        weekday,
        opens: time(&h.opens)?,
        closes: time(&h.closes)?,
    })
}

fn office_from_row(
    row: OfficeRow,
    opening_hours: OpeningHours,
) -> Result<OfficeSummary, StoreError> {
    let postcode =
        Postcode::parse(&row.postcode.to_string()).map_err(|_| StoreError::corrupt("postcode"))?;
    Ok(OfficeSummary {
        id: row.id,
        code: row.code,
        name: row.name,
        address: Address {
            street: row.street,
            postcode,
            city: row.city,
        },
        phone: PhoneNumber::parse(&row.phone).map_err(|_| StoreError::corrupt("phone"))?,
        email: Email::parse(&row.email).map_err(|_| StoreError::corrupt("email"))?,
        opening_hours,
    })
}
