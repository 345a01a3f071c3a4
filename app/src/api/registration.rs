//! Registration endpoints. Each step's form posts here, with or without JavaScript: the
//! draft is saved whatever it holds (nothing typed is lost), the step is checked with the
//! same domain code the browser ran, and the browser is sent to the next step or back to
//! this one, where the errors are shown next to their fields.

#[cfg(feature = "ssr")]
use crate::{
    domain::{
        field_error::FieldErrors,
        registration::{RegistrationDraft, Step},
    },
    paths,
};
use crate::{
    domain::{
        registration::{AboutForm, EducationForm, ExperienceForm, WishesForm},
        Occupation,
    },
    error::AppError,
    views::registration::RegistrationView,
};
use leptos::prelude::*;

/// The browser's draft (an empty one if it has none); with `utkast`, the draft of that code
/// held by the signed-in staff member's desk.
#[server(name = LoadRegistration, prefix = "/api", endpoint = "registrering/utkast")]
pub async fn load_registration(
    #[server(default)] utkast: String,
) -> Result<RegistrationView, AppError> {
    use crate::{
        domain::registration::DraftCode,
        ssr::{
            http,
            services::{assisted_registration as assisted, registration as reg},
            AppState,
        },
    };
    let state = AppState::from_context()?;
    let now = chrono::Utc::now();
    let (draft, desk_code) = if utkast.is_empty() {
        let token = http::cookie(http::DRAFT_COOKIE).and_then(|t| reg::DraftToken::parse(&t));
        let draft = reg::load_draft(&state.store, token.as_ref(), now).await?;
        // A draft with nothing in it is not one to continue anywhere.
        let code = token
            .filter(|_| draft != Default::default())
            .and_then(|t| DraftCode::of_key(&t.key()))
            .map(|c| c.to_string());
        (draft, code)
    } else {
        let me = http::staff(&state, paths::PEOPLE).await?;
        (
            assisted::load(&state.store, &me.member, &utkast, now).await?,
            None,
        )
    };
    let desired = state
        .store
        .occupations_by_codes(&draft.wishes.occupations)
        .await?
        .into_iter()
        .map(|(_, o)| o)
        .collect();
    let suggested_office = match reg::suggested_office(&state.store, &draft.about.postcode).await? {
        Some(id) => state.store.office_name(id).await?,
        None => None,
    };
    Ok(RegistrationView {
        draft,
        today: reg::today(now),
        desired,
        suggested_office,
        desk_code,
    })
}

/// Step 1: about you and contact.
#[server(name = SaveAbout, prefix = "/api", endpoint = "registrering/om-dig")]
pub async fn save_about(
    #[server(default)] form: AboutForm,
    #[server(default)] intent: String,
    #[server(default)] utkast: String,
) -> Result<(), AppError> {
    save_step(Step::About, &intent, &utkast, move |draft, _| {
        draft.about = form.clone();
        Ok(None)
    })
    .await
}

/// Step 2: work experience. `intent` may also add an entry (`add`) or remove one
/// (`remove-2`); that is how the buttons work without JavaScript.
#[server(name = SaveExperience, prefix = "/api", endpoint = "registrering/erfarenhet")]
pub async fn save_experience(
    #[server(default)] form: ExperienceForm,
    #[server(default)] intent: String,
    #[server(default)] utkast: String,
) -> Result<(), AppError> {
    save_step(Step::Experience, &intent, &utkast, move |draft, intent| {
        draft.experience = form.clone();
        let entries = &mut draft.experience.entries;
        Ok(edit_list(entries, intent, "").map(|i| format!("#erfarenhet-{i}")))
    })
    .await
}

/// Step 3: education, languages, licences and other skills.
#[server(name = SaveEducation, prefix = "/api", endpoint = "registrering/utbildning")]
pub async fn save_education(
    #[server(default)] form: EducationForm,
    #[server(default)] intent: String,
    #[server(default)] utkast: String,
) -> Result<(), AppError> {
    save_step(Step::Education, &intent, &utkast, move |draft, intent| {
        draft.education = form.clone();
        let e = &mut draft.education;
        if let Some(i) = edit_list(&mut e.entries, intent, "education-") {
            return Ok(Some(format!("#utbildning-{i}")));
        }
        Ok(edit_list(&mut e.languages, intent, "language-").map(|i| format!("#sprak-{i}")))
    })
    .await
}

/// Step 4: what you are looking for. Without JavaScript, `search` shows matching
/// occupations below the field, and `add-CODE` / `remove-CODE` pick them.
#[server(name = SaveWishes, prefix = "/api", endpoint = "registrering/onskemal")]
pub async fn save_wishes(
    #[server(default)] form: WishesForm,
    #[server(default)] intent: String,
    #[server(default)] query: Option<String>,
    #[server(default)] utkast: String,
) -> Result<(), AppError> {
    save_step(Step::Wishes, &intent, &utkast, move |draft, intent| {
        draft.wishes = form.clone();
        let list = &mut draft.wishes.occupations;
        if intent == "search" {
            let q = crate::paths::encode_query_value(query.as_deref().unwrap_or_default().trim());
            return Ok(Some(format!("?sok={q}#yrken")));
        }
        if let Some(code) = intent.strip_prefix("add-") {
            if !list.iter().any(|c| c == code) {
                list.push(code.to_owned());
            }
            return Ok(Some("#yrken".to_owned()));
        }
        if let Some(code) = intent.strip_prefix("remove-") {
            list.retain(|c| c != code);
            return Ok(Some("#yrken".to_owned()));
        }
        Ok(None)
    })
    .await
}

/// Step 5: the password, and the account is created. On success the person is signed in
/// and sent on to book their first meeting.
#[server(name = SubmitRegistration, prefix = "/api", endpoint = "registrering/skicka")]
pub async fn submit_registration(password: String) -> Result<(), AppError> {
    use crate::ssr::{
        http,
        services::registration::{self as reg, RegisterError},
        AppState,
    };
    let state = AppState::from_context()?;
    let now = chrono::Utc::now();
    let Some(token) = http::cookie(http::DRAFT_COOKIE).and_then(|t| reg::DraftToken::parse(&t))
    else {
        http::redirect(&paths::registration_step(Step::About));
        return Err(AppError::NotFound);
    };
    let mut draft = reg::load_draft(&state.store, Some(&token), now).await?;
    draft.mark_submitted(Step::Review);
    draft.password_error = None;
    draft.not_created = false;
    match reg::register(&state.store, &draft, &password, now).await {
        Ok(seeker_id) => {
            reg::delete_draft(&state.store, &token).await?;
            http::set_cookie(http::DRAFT_COOKIE, "", 0, state.secure_cookies);
            http::sign_in(seeker_id).await?;
            http::redirect(paths::BOOK);
            Ok(())
        }
        Err(RegisterError::Password(error)) => {
            draft.password_error = Some(error);
            reg::save_draft(&state.store, &token, &draft, now).await?;
            http::redirect(&paths::registration_step(Step::Review));
            Err(AppError::Validation(FieldErrors::from([(
                "password".to_owned(),
                error,
            )])))
        }
        // The same answer whoever the details belong to; everything typed is kept.
        Err(RegisterError::NotCreated) => {
            draft.not_created = true;
            reg::save_draft(&state.store, &token, &draft, now).await?;
            http::redirect(&paths::registration_step(Step::Review));
            Ok(())
        }
        Err(RegisterError::Incomplete(steps)) => {
            let (first, errors) = steps
                .into_iter()
                .next()
                .unwrap_or((Step::About, FieldErrors::new()));
            for step in Step::ALL.into_iter().take_while(|s| *s <= first) {
                draft.mark_submitted(step);
            }
            reg::save_draft(&state.store, &token, &draft, now).await?;
            http::redirect(&paths::registration_step(first));
            Err(AppError::Validation(errors))
        }
        Err(RegisterError::Failed(err)) => Err(err),
    }
}

/// Saves one step: `apply` puts the posted form into the draft and may answer an in-place
/// edit (adding or removing an entry) with the fragment to return to. Otherwise the intent
/// is `back`, `save` or `next`; only `next` checks the step and shows its errors. The draft
/// is the browser's, or with `utkast` the one of that code the staff member's desk holds.
#[cfg(feature = "ssr")]
async fn save_step(
    step: Step,
    intent: &str,
    utkast: &str,
    apply: impl Fn(&mut RegistrationDraft, &str) -> Result<Option<String>, AppError>,
) -> Result<(), AppError> {
    use crate::ssr::{
        http,
        services::{assisted_registration as assisted, registration as reg},
        AppState,
    };
    let state = AppState::from_context()?;
    let now = chrono::Utc::now();
    let today = reg::today(now);
    let key = if utkast.is_empty() {
        let token = http::cookie(http::DRAFT_COOKIE)
            .and_then(|t| reg::DraftToken::parse(&t))
            .unwrap_or_else(reg::DraftToken::generate);
        // Every save renews the cookie, so a draft lives 30 days from its last change.
        http::set_cookie(
            http::DRAFT_COOKIE,
            token.as_str(),
            reg::DRAFT_LIFETIME_DAYS * 24 * 3600,
            state.secure_cookies,
        );
        token.key()
    } else {
        let me = http::staff(&state, paths::PEOPLE).await?;
        assisted::held_key(&state.store, &me.member, utkast, now).await?
    };
    let step_path = |s: Step| {
        if utkast.is_empty() {
            paths::registration_step(s)
        } else {
            paths::assisted_step(utkast, s)
        }
    };
    // Whether the details belong to an account is never said here (see `register`).
    let (draft, in_place) = reg::update_draft(&state.store, &key, now, |draft| {
        let in_place = apply(draft, intent);
        if step == Step::About {
            // Changed details are worth another try without the old answer in the way.
            draft.not_created = false;
        }
        if intent == "next" {
            draft.mark_submitted(step);
        }
        in_place
    })
    .await?;
    let in_place = in_place?;

    if let Some(fragment) = in_place {
        http::redirect(&format!("{}{fragment}", step_path(step)));
        return Ok(());
    }
    match intent {
        "back" => {
            http::redirect(&step_path(step.previous().unwrap_or(step)));
            Ok(())
        }
        "next" => {
            let errors = draft.errors(step, today);
            if errors.is_empty() {
                http::redirect(&step_path(step.next().unwrap_or(step)));
                Ok(())
            } else {
                http::redirect(&step_path(step));
                Err(AppError::Validation(errors))
            }
        }
        _ => {
            http::redirect(&step_path(step));
            Ok(())
        }
    }
}

/// Adds an empty entry (`{prefix}add`) or removes one (`{prefix}remove-N`); returns the
/// index to scroll to, or `None` when the intent is not an edit of this list.
#[cfg(feature = "ssr")]
fn edit_list<T: Default>(list: &mut Vec<T>, intent: &str, prefix: &str) -> Option<usize> {
    let rest = intent.strip_prefix(prefix)?;
    if rest == "add" {
        if list.len() < crate::domain::field_error::MAX_ENTRIES {
            list.push(T::default());
        }
        return Some(list.len().saturating_sub(1));
    }
    let index: usize = rest.strip_prefix("remove-")?.parse().ok()?;
    if index < list.len() {
        list.remove(index);
    }
    Some(index.saturating_sub(1))
}

/// Occupations matching what was typed, by name or synonym, for search-as-you-type.
/// JSON in as well as out: the browser then needs no query-string encoder.
#[server(name = SearchOccupations, prefix = "/api", endpoint = "yrken/sok", input = leptos::server_fn::codec::Json)]
pub async fn search_occupations(query: String) -> Result<Vec<Occupation>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    let folded = crate::domain::fold_for_search(&query);
    if folded.chars().count() < 2 {
        return Ok(Vec::new());
    }
    Ok(state.store.search_occupations(&folded, 12).await?)
}

/// Every occupation's name in the page's language, for suggestions in free-text fields.
#[server(name = OccupationNames, prefix = "/api", endpoint = "yrken/namn")]
pub async fn occupation_names(swedish: bool) -> Result<Vec<String>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    let mut names: Vec<String> = state
        .store
        .occupation_names()
        .await?
        .into_iter()
        .map(|(_, sv, en)| if swedish { sv } else { en })
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}
