//! The seeker's own data: the page that says what Tidbok holds and why, the download of all
//! of it (GDPR article 15), and taking the account away (article 17) within what the
//! authority must keep (see `domain::erasure`).

use super::passwords;
use crate::{
    domain::{
        erasure::{EraseForm, Erasure},
        field_error::{FieldError, FieldErrors},
    },
    error::AppError,
    ssr::store::Store,
    views::personal_data::{DataCount, DataKind, EraseFormView, PersonalDataView},
};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

/// The note on meetings cancelled because the account was taken away, as the counsellor
/// reads it beside the reason "behövs inte".
const CANCEL_NOTE: &str = "Kontot togs bort av personen själv.";

/// Which kind of data each part of the download is, for the page's counts.
fn kind_of(section: &str) -> DataKind {
    match section {
        "person" | "account" | "account_taken_away" => DataKind::Identity,
        "profile" | "work_experience" | "education" | "languages" | "desired_occupations" => {
            DataKind::Profile
        }
        "bookings" | "outcome_corrections" | "case_notes" | "referrals" => DataKind::Meetings,
        "messages" => DataKind::Messages,
        "activity_report_drafts" | "activity_reports" | "activity_report_misses" => {
            DataKind::Reports
        }
        "access_log" => DataKind::AccessLog,
        "ratings" => DataKind::Ratings,
        _ => DataKind::SignIns,
    }
}

/// What Tidbok holds about the seeker, counted per kind, and what taking the account away
/// would do now.
#[tracing::instrument(skip_all, fields(seeker_id = seeker_id))]
pub async fn page(
    store: &Store,
    seeker_id: i64,
    erase: EraseFormView,
    now: DateTime<Utc>,
) -> Result<PersonalDataView, AppError> {
    let data = store.seeker_data(seeker_id).await?;
    let counts = DataKind::ALL
        .into_iter()
        .map(|kind| DataCount {
            kind,
            entries: data
                .iter()
                .filter(|(name, _)| kind_of(name) == kind)
                .map(|(_, rows)| rows.as_array().map_or(0, Vec::len))
                .sum::<usize>()
                .try_into()
                .unwrap_or(u32::MAX),
        })
        .collect();
    let holdings = store.seeker_holdings(seeker_id, now).await?;
    Ok(PersonalDataView {
        counts,
        holdings,
        erasure: Erasure::of(&holdings, now),
        erase,
    })
}

/// All of it, as one JSON document generated now.
#[tracing::instrument(skip_all, fields(seeker_id = seeker_id))]
pub async fn download(
    store: &Store,
    seeker_id: i64,
    now: DateTime<Utc>,
) -> Result<Value, AppError> {
    let data = store.seeker_data(seeker_id).await?;
    let mut file = Map::new();
    file.insert("service".into(), Value::from("Tidbok"));
    file.insert(
        "about".into(),
        Value::from(
            "Everything Tidbok holds about you, one list of entries per kind; times in UTC.",
        ),
    );
    file.insert("generated_at".into(), Value::from(now.to_rfc3339()));
    file.insert("data".into(), Value::Object(data));
    tracing::info!("personal data downloaded");
    Ok(Value::Object(file))
}

/// Takes the signed-in seeker's account away once they gave their password again; what
/// stays, and until when, as `Erasure` says.
#[tracing::instrument(skip_all, fields(seeker_id = seeker_id))]
pub async fn erase(
    store: &Store,
    seeker_id: i64,
    form: &EraseForm,
    now: DateTime<Utc>,
) -> Result<Erasure, AppError> {
    let password = form.parse().map_err(AppError::Validation)?;
    let stored = store.seeker_password_hash(seeker_id).await?;
    if !passwords::verify(password.to_owned(), stored).await? {
        return Err(AppError::Validation(FieldErrors::from([(
            "current_password".to_owned(),
            FieldError::WrongPassword,
        )])));
    }
    let erasure = store.erase_seeker(seeker_id, CANCEL_NOTE, now).await?;
    tracing::info!(?erasure, "account taken away by its owner");
    Ok(erasure)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::store::SECTIONS;

    #[test]
    fn every_part_of_the_download_is_counted_under_a_kind() {
        // Only the sign-in parts fall through to the last arm.
        for name in SECTIONS.iter().map(|s| s.name) {
            let expected_sign_ins = matches!(name, "sign_ins" | "password_links");
            assert_eq!(
                kind_of(name) == DataKind::SignIns,
                expected_sign_ins,
                "{name}"
            );
        }
    }
}
