//! Small look-ups the registration needs: occupations by code or name, where offices are.

use super::{
    on_pool,
    taxonomy::{OccupationRow, SELECT_OCCUPATIONS},
    Store, StoreError,
};
use crate::domain::{geo::Coordinates, Occupation};

#[derive(sqlx::FromRow)]
struct CodedOccupationRow {
    id: i64,
    #[sqlx(flatten)]
    row: OccupationRow,
}

impl Store {
    /// The occupations with these codes, with their ids, in the order asked for; codes that
    /// are not in the taxonomy are left out.
    pub async fn occupations_by_codes(
        &self,
        codes: &[String],
    ) -> Result<Vec<(i64, Occupation)>, StoreError> {
        if codes.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<CodedOccupationRow> =
            on_pool!(self, p => sqlx::query_as(SELECT_OCCUPATIONS).fetch_all(p).await?);
        let mut found = Vec::with_capacity(codes.len());
        for code in codes {
            if let Some(r) = rows.iter().find(|r| &r.row.code == code) {
                found.push((r.id, r.row.clone().into_domain()?));
            }
        }
        Ok(found)
    }

    /// Every occupation's id with its Swedish and English name.
    pub async fn occupation_names(&self) -> Result<Vec<(i64, String, String)>, StoreError> {
        Ok(on_pool!(self, p =>
            sqlx::query_as("SELECT id, name_sv, name_en FROM occupations ORDER BY name_sv")
                .fetch_all(p)
                .await?))
    }

    /// Where each office is, for suggesting the nearest.
    pub async fn office_locations(&self) -> Result<Vec<(i64, Coordinates)>, StoreError> {
        let rows: Vec<(i64, f64, f64)> = on_pool!(self, p =>
            sqlx::query_as("SELECT id, latitude, longitude FROM offices ORDER BY id")
                .fetch_all(p)
                .await?);
        Ok(rows
            .into_iter()
            .map(|(id, latitude, longitude)| {
                (
                    id,
                    Coordinates {
                        latitude,
                        longitude,
                    },
                )
            })
            .collect())
    }

    pub async fn office_name(&self, id: i64) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = on_pool!(self, p =>
            sqlx::query_as("SELECT name FROM offices WHERE id = $1")
                .bind(id)
                .fetch_optional(p)
                .await?);
        Ok(row.map(|(name,)| name))
    }
}
