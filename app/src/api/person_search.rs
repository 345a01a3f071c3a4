//! `/personal/personer`: finding a person to help at the desk or on the phone. The search
//! is a post (a personal identity number never travels in an address), answered by the
//! page with what it found; every search is written to the access log.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{
    domain::person_search::PersonSearchForm, error::AppError,
    views::person_search::PersonSearchView,
};
use leptos::prelude::*;

/// The page: the search just made (once), or an empty form; and the registrations the
/// office's desk has begun.
#[server(name = LoadPersonSearch, prefix = "/api", endpoint = "personal/personer")]
pub async fn load_person_search() -> Result<PersonSearchView, AppError> {
    use crate::ssr::{form_post, http, services::assisted_registration, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::PEOPLE).await?;
    let mut view = form_post::take::<PersonSearchView>()
        .await?
        .unwrap_or_default();
    let now = chrono::Utc::now();
    view.held = assisted_registration::held_here(&state.store, &me.member, now).await?;
    // The draft whose "identity checked" box was left empty is offered again.
    if let Some(code) = view.id_unchecked.clone() {
        view.drafts = assisted_registration::draft_hit(&state.store, &code, now)
            .await?
            .into_iter()
            .collect();
    }
    Ok(view)
}

/// Searches, and goes back to the page with the answer.
#[server(name = SearchPeople, prefix = "/api", endpoint = "personal/personer/sok")]
pub async fn search_people(
    #[server(default)] form: PersonSearchForm,
) -> Result<PersonSearchView, AppError> {
    use crate::ssr::{form_post, http, services::person_search, AppState};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::PEOPLE).await?;
    let view = person_search::search(&state.store, &me.member, form, chrono::Utc::now()).await?;
    if http::is_form_post() {
        form_post::leave(view.clone()).await?;
        http::redirect(&format!("{}#resultat", paths::PEOPLE));
    }
    Ok(view)
}
