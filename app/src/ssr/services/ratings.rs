//! Ratings after meetings: the question by its link (no sign-in: the secret is enough) and
//! on Mina sidor, the answer kept apart from the case, and the figures, which count answers
//! in groups of at least five and never show one answer or who gave it.

use crate::{
    domain::{
        rating::{Rating, RatingForm},
        Rule,
    },
    error::AppError,
    ssr::{
        secret::SecretToken,
        store::{Answering, RatingAsk, RatingQuestionRow, Store, StoreError},
    },
    views::{
        my_case::CaseMeeting,
        rating::{RatedMeeting, RatingRefusal, RatingState, RatingView},
    },
};
use chrono::{DateTime, Utc};

/// The question a meeting held gets: a fresh secret for its link, sent `after` the outcome.
pub struct Question {
    token: SecretToken,
    key: String,
    at: DateTime<Utc>,
}

impl Question {
    pub fn new(after: chrono::Duration, now: DateTime<Utc>) -> Self {
        let token = SecretToken::generate();
        Question {
            key: token.key(),
            token,
            at: now + after,
        }
    }

    pub fn ask(&self) -> RatingAsk<'_> {
        RatingAsk {
            token: self.token.as_str(),
            key: &self.key,
            at: self.at,
        }
    }
}

fn meeting(row: RatingQuestionRow) -> RatedMeeting {
    RatedMeeting {
        meeting: CaseMeeting {
            id: row.booking_id,
            starts_at: row.starts_at,
            channel: row.channel,
            meeting_sv: row.meeting_name_sv,
            meeting_en: row.meeting_name_en,
            counsellor: row.counsellor_first_name,
        },
        closes_at: row.closes_at,
    }
}

fn state(row: Option<RatingQuestionRow>, now: DateTime<Utc>) -> RatingState {
    match row {
        Some(r) if r.answered_at.is_some() => RatingState::Answered,
        Some(r) if r.closes_at > now => RatingState::Open(meeting(r)),
        _ => RatingState::Closed,
    }
}

/// The question behind a link, with the last refused answer to it (if any).
#[tracing::instrument(skip_all)]
pub async fn by_link(
    store: &Store,
    token: &str,
    refused: Option<RatingRefusal>,
    now: DateTime<Utc>,
) -> Result<RatingView, AppError> {
    let row = match SecretToken::parse(token) {
        Some(t) => store.rating_question(&t.key()).await?,
        None => None,
    };
    let state = state(row, now);
    Ok(view(state, refused))
}

fn view(state: RatingState, refused: Option<RatingRefusal>) -> RatingView {
    let refused = refused.filter(|r| match &state {
        RatingState::Open(m) => m.meeting.id == r.booking_id,
        _ => false,
    });
    let (form, errors) = refused.map(|r| (r.form, r.errors)).unwrap_or_default();
    RatingView {
        state,
        form,
        errors,
    }
}

/// Parses an answer: the form's errors, or the answer.
fn parse(form: &RatingForm) -> Result<Rating, AppError> {
    form.parse().map_err(AppError::Validation)
}

fn closed(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound => AppError::Conflict(Rule::RatingClosed),
        other => other.into(),
    }
}

/// Keeps the answer given through a link; `RatingClosed` when the link is unknown, used
/// already or past its 14 days.
#[tracing::instrument(skip_all)]
pub async fn answer_by_link(
    store: &Store,
    token: &str,
    form: &RatingForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let rating = parse(form)?;
    let Some(token) = SecretToken::parse(token) else {
        return Err(AppError::Conflict(Rule::RatingClosed));
    };
    store
        .answer_rating(Answering::Link(&token.key()), &rating, now)
        .await
        .map_err(closed)?;
    tracing::info!(
        commented = rating.comment.is_some(),
        "rating answered by link"
    );
    Ok(())
}

/// The booking a link's question is about, for the refusal's flash; none when unknown.
pub async fn link_booking(store: &Store, token: &str) -> Result<Option<i64>, AppError> {
    Ok(match SecretToken::parse(token) {
        Some(t) => store.rating_question(&t.key()).await?.map(|r| r.booking_id),
        None => None,
    })
}

/// The signed-in seeker's newest open question (one at a time), with the last refused
/// answer to it.
#[tracing::instrument(skip_all, fields(seeker_id = seeker_id))]
pub async fn open_for(
    store: &Store,
    seeker_id: i64,
    refused: Option<RatingRefusal>,
    now: DateTime<Utc>,
) -> Result<Option<RatingView>, AppError> {
    let newest = store.open_ratings(seeker_id, now).await?.into_iter().next();
    Ok(newest.map(|row| view(RatingState::Open(meeting(row)), refused)))
}

/// Keeps the signed-in seeker's answer about their meeting `booking_id`.
#[tracing::instrument(skip_all, fields(seeker_id = seeker_id, booking_id = booking_id))]
pub async fn answer_own(
    store: &Store,
    seeker_id: i64,
    booking_id: i64,
    form: &RatingForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let rating = parse(form)?;
    store
        .answer_rating(
            Answering::Seeker {
                seeker_id,
                booking_id,
            },
            &rating,
            now,
        )
        .await
        .map_err(closed)?;
    tracing::info!(
        commented = rating.comment.is_some(),
        "rating answered on Mina sidor"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Channel;
    use chrono::{Duration, TimeZone};

    fn row(answered: bool, closes_in: i64) -> RatingQuestionRow {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap();
        RatingQuestionRow {
            booking_id: 7,
            starts_at: now - Duration::hours(3),
            channel: Channel::Phone,
            meeting_name_sv: "Första möte".into(),
            meeting_name_en: "First meeting".into(),
            counsellor_first_name: "Sanna".into(),
            closes_at: now + Duration::hours(closes_in),
            answered_at: answered.then_some(now),
        }
    }

    #[test]
    fn a_question_is_open_until_answered_or_closed_and_unknown_looks_closed() {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap();
        assert!(matches!(
            state(Some(row(false, 1)), now),
            RatingState::Open(_)
        ));
        assert_eq!(state(Some(row(true, 1)), now), RatingState::Answered);
        assert_eq!(state(Some(row(false, 0)), now), RatingState::Closed);
        assert_eq!(state(None, now), RatingState::Closed);
    }

    #[test]
    fn a_refusal_comes_back_only_to_its_own_open_question() {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap();
        let refusal = |booking_id| RatingRefusal {
            booking_id,
            form: RatingForm {
                comment: "som skrivet".into(),
                ..RatingForm::default()
            },
            errors: Default::default(),
        };
        let open = || state(Some(row(false, 1)), now);
        assert_eq!(view(open(), Some(refusal(7))).form.comment, "som skrivet");
        assert_eq!(view(open(), Some(refusal(8))).form.comment, "");
        assert_eq!(view(RatingState::Closed, Some(refusal(7))).form.comment, "");
    }
}
