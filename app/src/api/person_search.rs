//! `/personal/personer`: finding a person to help at the desk or on the phone. The search
//! is a post (a personal identity number never travels in an address), answered by the
//! page with what it found; every search is written to the access log.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{
    domain::{case::ContactNoteForm, person_search::PersonSearchForm},
    error::AppError,
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
    view.has_desk = me.member.office_id.is_some();
    view.held = assisted_registration::held_here(&state.store, &me.member, now).await?;
    // The draft whose "identity checked" box was left empty is offered again.
    if let Some((number, reference)) = view.id_unchecked.clone() {
        view.drafts = assisted_registration::draft_found(&state.store, &number, &reference, now)
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

/// Writes a call or a visit without a booking into the case of `person`; back to the page
/// with a notice, or with the note as typed and why it was refused.
#[server(name = SaveContactNote, prefix = "/api", endpoint = "personal/personer/anteckning")]
pub async fn save_contact_note(
    person: i64,
    #[server(default)] note: ContactNoteForm,
    /// `arende`: the form is on the person's case page, and goes back there.
    #[server(default)]
    #[server(rename = "tillbaka")]
    back: String,
) -> Result<(), AppError> {
    use crate::ssr::{form_post, http, services::person_search, AppState};
    use crate::views::person_case::{CaseDone, CaseFlash};
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::PEOPLE).await?;
    let now = chrono::Utc::now();
    let result = person_search::contact_note(&state.store, &me.member, person, &note, now).await;
    if back == "arende" {
        let flash = match &result {
            Ok(_) => CaseFlash {
                person,
                done: Some(CaseDone::Noted),
                ..CaseFlash::default()
            },
            Err(AppError::Validation(errors)) => CaseFlash {
                person,
                note,
                note_errors: errors.clone(),
                ..CaseFlash::default()
            },
            Err(_) => return result.map(|_| ()),
        };
        let anchor = if result.is_ok() {
            "klart"
        } else {
            "anteckning"
        };
        form_post::leave(flash).await?;
        http::redirect(&format!("{}#{anchor}", paths::person_case(person)));
        return result.map(|_| ());
    }
    match result {
        Ok(name) => {
            form_post::leave(PersonSearchView {
                noted: Some(name),
                ..PersonSearchView::default()
            })
            .await?;
            http::redirect(&format!("{}#klart", paths::PEOPLE));
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            let hits = person_search::one_hit(&state.store, &me.member, person, now)
                .await?
                .into_iter()
                .collect();
            form_post::leave(PersonSearchView {
                searched: true,
                hits,
                note_for: Some(person),
                note,
                note_errors: errors.clone(),
                ..PersonSearchView::default()
            })
            .await?;
            http::redirect(&format!("{}#anteckning-{person}", paths::PEOPLE));
            Err(AppError::Validation(errors))
        }
        Err(e) => Err(e),
    }
}
