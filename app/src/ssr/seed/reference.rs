use super::{tsv::Rows, SeedError};
use crate::domain::{fold_for_search, FieldCode, OccupationalField};
use crate::{
    domain::Channel,
    ssr::store::{MeetingTypeRow, NewOccupation, Store},
};

pub const FIELDS_TSV: &str = include_str!("fields.tsv");
pub const OCCUPATIONS_TSV: &str = include_str!("occupations.tsv");

/// The reference data's version: a hash of the shipped files, so a database is rewritten
/// only when they change, not on every start.
fn version() -> String {
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in FIELDS_TSV.bytes().chain(OCCUPATIONS_TSV.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

pub fn fields() -> Result<Vec<OccupationalField>, SeedError> {
    Rows::parse("fields.tsv", FIELDS_TSV)?
        .iter()
        .map(|row| {
            Ok(OccupationalField {
                code: row.parse("code", FieldCode::parse)?,
                name_sv: row.get("name_sv")?.to_owned(),
                name_en: row.get("name_en")?.to_owned(),
            })
        })
        .collect()
}

pub fn occupations(fields: &[OccupationalField]) -> Result<Vec<NewOccupation>, SeedError> {
    Rows::parse("occupations.tsv", OCCUPATIONS_TSV)?
        .iter()
        .map(|row| {
            let field = row.parse("field", FieldCode::parse)?;
            if !fields.iter().any(|f| f.code == field) {
                return Err(row.error(format!("unknown field {}", field.as_str())));
            }
            let name_sv = row.get("name_sv")?.to_owned();
            let name_en = row.get("name_en")?.to_owned();
            let synonyms: Vec<String> = row
                .list("synonyms")?
                .into_iter()
                .map(str::to_owned)
                .collect();
            // English names are searched too, whatever the page's language: "nurse" finds
            // Sjuksköterska for someone who knows the word in English only.
            let search_text =
                fold_for_search(&format!("{name_sv} {name_en} {}", synonyms.join(" ")));
            Ok(NewOccupation {
                code: row.get("code")?.to_owned(),
                field,
                name_en,
                name_sv,
                synonyms,
                search_text,
            })
        })
        .collect()
}

pub fn meeting_types() -> Vec<MeetingTypeRow> {
    vec![
        MeetingTypeRow {
            code: "first-meeting".into(),
            name_sv: "Första möte".into(),
            name_en: "First meeting".into(),
            minutes: 45,
            buffer_minutes: 15,
            notice_minutes: 120,
            horizon_days: 28,
            channels: Channel::ALL.to_vec(),
            version: 1,
        },
        MeetingTypeRow {
            code: "follow-up".into(),
            name_sv: "Uppföljning".into(),
            name_en: "Follow-up".into(),
            minutes: 30,
            buffer_minutes: 10,
            notice_minutes: 120,
            horizon_days: 91,
            channels: Channel::ALL.to_vec(),
            version: 1,
        },
        MeetingTypeRow {
            code: "employer-meeting".into(),
            name_sv: "Möte med arbetsgivare".into(),
            name_en: "Employer meeting".into(),
            minutes: 60,
            buffer_minutes: 15,
            notice_minutes: 1440,
            horizon_days: 56,
            channels: Channel::ALL.to_vec(),
            version: 1,
        },
    ]
}

/// Writes the taxonomy and meeting types if the database holds an older version.
pub async fn sync_reference_data(store: &Store) -> Result<bool, SeedError> {
    let fields = fields()?;
    let occupations = occupations(&fields)?;
    Ok(store
        .sync_reference_data(&version(), &fields, &occupations, &meeting_types())
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_shipped_taxonomy_is_complete_and_consistent() {
        let fields = fields().unwrap();
        assert_eq!(fields.len(), 21, "the 21 occupational fields");
        let occupations = occupations(&fields).unwrap();
        assert!(
            occupations.len() >= 150,
            "{} occupations",
            occupations.len()
        );
        let codes: HashSet<_> = occupations.iter().map(|o| &o.code).collect();
        assert_eq!(
            codes.len(),
            occupations.len(),
            "occupation codes are unique"
        );
        for f in &fields {
            let n = occupations.iter().filter(|o| o.field == f.code).count();
            assert!(n >= 4, "{} has {n} occupations", f.name_sv);
        }
        assert!(occupations.iter().all(|o| !o.synonyms.is_empty()));
        assert!(
            occupations
                .iter()
                .all(|o| !o.name_en.trim().is_empty() && o.name_en != o.code),
            "every occupation has an English name"
        );
    }

    #[test]
    fn search_text_finds_names_without_swedish_letters() {
        let fields = fields().unwrap();
        let usk = occupations(&fields)
            .unwrap()
            .into_iter()
            .find(|o| o.name_sv == "Undersköterska")
            .expect("Undersköterska is in the taxonomy");
        assert!(usk.search_text.contains("underskoterska"));
        assert!(
            usk.search_text.contains("assistant nurse"),
            "{}",
            usk.search_text
        );
    }
}
