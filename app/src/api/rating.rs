//! The question after a meeting: by its link (`/betyg/{nyckel}`, no sign-in) and on Mina
//! sidor. Plain forms that work without JavaScript.

use crate::{
    domain::rating::RatingForm,
    error::AppError,
    views::rating::{MyRatingView, RatingView},
};
use leptos::prelude::*;

/// The question behind link `nyckel`, with the last refused answer to it.
#[server(name = LoadRating, prefix = "/api", endpoint = "betyg/fraga")]
pub async fn load_rating(nyckel: String) -> Result<RatingView, AppError> {
    use crate::{
        ssr::{form_post, services::ratings, AppState},
        views::rating::RatingRefusal,
    };
    let state = AppState::from_context()?;
    let refused = form_post::take::<RatingRefusal>().await?;
    ratings::by_link(&state.store, &nyckel, refused, chrono::Utc::now()).await
}

/// Keeps the answer given through link `nyckel`; back to its page, thanked, or with what
/// was typed and why not.
#[server(name = AnswerRating, prefix = "/api", endpoint = "betyg/svara")]
pub async fn answer_rating(
    nyckel: String,
    #[server(default)] form: RatingForm,
) -> Result<(), AppError> {
    use crate::{
        paths,
        ssr::{
            form_post::{self, Back},
            services::ratings,
            AppState,
        },
        views::rating::RatingRefusal,
    };
    let state = AppState::from_context()?;
    let now = chrono::Utc::now();
    let result = ratings::answer_by_link(&state.store, &nyckel, &form, now).await;
    let back = paths::rating(&nyckel);
    let booking_id = match &result {
        Err(AppError::Validation(_)) => ratings::link_booking(&state.store, &nyckel).await?,
        _ => None,
    };
    form_post::come_back(result, |result| match result {
        Err(AppError::Validation(errors)) => Some(Back::to(back).with(RatingRefusal {
            booking_id: booking_id.unwrap_or_default(),
            form: form.clone(),
            errors: errors.clone(),
        })),
        // Answered, or closed meanwhile: the page says which.
        Ok(()) | Err(AppError::Conflict(_)) => Some(Back::to(back)),
        Err(_) => None,
    })
    .await
}

/// The signed-in seeker's newest open question, if any, and whether they just answered one.
#[server(name = LoadMyRating, prefix = "/api", endpoint = "mina-sidor/betyg")]
pub async fn load_my_rating() -> Result<MyRatingView, AppError> {
    use crate::{
        paths,
        ssr::{form_post, http, services::ratings, AppState},
        views::rating::{RatingRefusal, RatingThanks},
    };
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, paths::MY_PAGES).await?;
    let refused = form_post::take::<RatingRefusal>().await?;
    let thanked = form_post::take::<RatingThanks>().await?.is_some();
    let open = ratings::open_for(&state.store, seeker.id, refused, chrono::Utc::now()).await?;
    Ok(MyRatingView { open, thanked })
}

/// Keeps the signed-in seeker's answer about their meeting `mote`; back to Mina sidor.
#[server(name = AnswerMyRating, prefix = "/api", endpoint = "mina-sidor/betyg/svara")]
pub async fn answer_my_rating(
    mote: i64,
    #[server(default)] form: RatingForm,
) -> Result<(), AppError> {
    use crate::{
        paths,
        ssr::{
            form_post::{self, Back},
            http,
            services::ratings,
            AppState,
        },
        views::rating::{RatingRefusal, RatingThanks},
    };
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, paths::MY_PAGES).await?;
    let result =
        ratings::answer_own(&state.store, seeker.id, mote, &form, chrono::Utc::now()).await;
    let back = format!("{}#{}", paths::MY_PAGES, paths::MY_RATING);
    form_post::come_back(result, |result| match result {
        Ok(()) => Some(Back::to(back).with(RatingThanks)),
        Err(AppError::Validation(errors)) => Some(Back::to(back).with(RatingRefusal {
            booking_id: mote,
            form: form.clone(),
            errors: errors.clone(),
        })),
        Err(AppError::Conflict(_)) => Some(Back::to(back)),
        Err(_) => None,
    })
    .await
}
