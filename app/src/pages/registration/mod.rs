//! `/registrera/{steg}`: the five steps of registering as a job seeker. Each step is a
//! server-drawn form inside a [`StepForm`] island; every post saves the draft, so the steps
//! can be visited in any order and nothing typed is lost.

mod about;
mod education;
mod experience;
mod labels;
mod review;
mod wishes;

pub(crate) use about::{ContactFields, NameFields};
pub(crate) use labels::field_label;

use crate::{
    api::assisted_registration::SubmitAssisted,
    api::registration::{
        load_registration, occupation_names, search_occupations, SaveAbout, SaveEducation,
        SaveExperience, SaveWishes, SubmitRegistration,
    },
    components::{
        fields::{provide_shown_errors, ErrorSummary},
        messages::I18n,
        step_form::StepForm,
    },
    domain::{
        field_error::FieldErrors, form_check::FormCheck, registration::Step, time::Day, Occupation,
    },
    i18n::*,
    pages::not_found::NotFound,
    views::registration::RegistrationView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Where the steps are: online (the browser's own draft) or at a staff member's desk (the
/// draft the desk holds, by its code). The same pages and forms serve both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place(pub Option<String>);

impl Place {
    /// The page of `step` here.
    pub fn step(&self, step: Step) -> String {
        match &self.0 {
            Some(code) => crate::paths::assisted_step(code, step),
            None => crate::paths::registration_step(step),
        }
    }

    pub fn assisted(&self) -> bool {
        self.0.is_some()
    }
}

/// The place of the page being drawn.
pub fn place() -> Place {
    use_context::<Place>().unwrap_or_default()
}

/// The step's name, as the step indicator and the headings say it.
pub fn step_name(i18n: I18n, step: Step) -> &'static str {
    match step {
        Step::About => t_string!(i18n, reg_step_about),
        Step::Experience => t_string!(i18n, reg_step_experience),
        Step::Education => t_string!(i18n, reg_step_education),
        Step::Wishes => t_string!(i18n, reg_step_wishes),
        Step::Review => t_string!(i18n, reg_step_review),
    }
}

/// Where a step's form posts.
fn action(step: Step, assisted: bool) -> &'static str {
    match step {
        Step::About => SaveAbout::PATH,
        Step::Experience => SaveExperience::PATH,
        Step::Education => SaveEducation::PATH,
        Step::Wishes => SaveWishes::PATH,
        Step::Review if assisted => SubmitAssisted::PATH,
        Step::Review => SubmitRegistration::PATH,
    }
}

/// Everything a step page is drawn from.
struct PageData {
    view: RegistrationView,
    /// Step 4 without JavaScript: what was searched for and what it found.
    query: String,
    results: Vec<Occupation>,
    /// Step 2: every occupation's name, offered while typing an occupation.
    occupation_names: Vec<String>,
}

#[component]
pub fn RegistrationPage() -> impl IntoView {
    registration_page(None)
}

/// `/personal/registrera/{kod}/{steg}`: the same steps, filled in by staff with the person at
/// the desk or on the phone.
#[component]
pub fn AssistedRegistrationPage() -> impl IntoView {
    let code = use_params_map().with_untracked(|p| p.get("kod").unwrap_or_default());
    crate::pages::staff::require_staff(&crate::paths::assisted_step(&code, Step::About));
    registration_page(Some(code))
}

fn registration_page(code: Option<String>) -> AnyView {
    let i18n = use_i18n();
    provide_context(Place(code.clone()));
    // Pages are drawn on the server per request (no client-side routing), so the address
    // is read once.
    let step = use_params_map().with_untracked(|p| match p.get("steg") {
        None => Some(Step::About),
        Some(slug) => Step::from_slug(&slug),
    });
    let query = use_query_map().with_untracked(|q| q.get("sok").unwrap_or_default());
    let swedish = i18n.get_locale_untracked() == Locale::sv;
    let Some(step) = step else {
        return view! { <NotFound/> }.into_any();
    };
    // Everything the page needs, loaded once. Not a `Resource`: with islands this page is
    // never hydrated, so there is nothing to hand to the browser, and a plain future awaited
    // while rendering avoids the suspense bookkeeping (which stalled a response now and then).
    let load = async move {
        let view = load_registration(code.unwrap_or_default()).await?;
        let results = if query.trim().is_empty() {
            Vec::new()
        } else {
            search_occupations(query.clone()).await?
        };
        let occupation_names = if step == Step::Experience {
            occupation_names(swedish).await?
        } else {
            Vec::new()
        };
        Ok::<_, crate::error::AppError>(PageData {
            view,
            query,
            results,
            occupation_names,
        })
    };
    view! {
        {Suspend::new(async move {
            match load.await {
                Ok(data) => view! { <StepPage step data/> }.into_any(),
                Err(e) => {
                    let text = match e {
                        // Staff with a code that is not their desk's (or no longer a draft).
                        crate::error::AppError::NotFound | crate::error::AppError::Forbidden => {
                            t_string!(i18n, reg_assisted_not_found)
                        }
                        _ => t_string!(i18n, err_internal),
                    };
                    view! {
                        <div class="page page--form">
                            <h1>{t!(i18n, reg_title)}</h1>
                            <p class="notice notice--error" role="alert">{text}</p>
                        </div>
                    }
                        .into_any()
                }
            }
        })}
    }
    .into_any()
}

#[component]
fn StepPage(step: Step, data: PageData) -> impl IntoView {
    let i18n = use_i18n();
    let PageData {
        view,
        query,
        results,
        occupation_names,
    } = data;
    let RegistrationView {
        draft,
        today,
        desired,
        suggested_office,
        desk_code,
    } = view;
    let place = place();
    let errors: FieldErrors = match step {
        Step::Review if place.assisted() => {
            if draft.contact_unconfirmed {
                FieldErrors::from([(
                    "bekraftat".to_owned(),
                    crate::domain::field_error::FieldError::Required,
                )])
            } else {
                FieldErrors::new()
            }
        }
        Step::Review => draft
            .password_error
            .map(|e| FieldErrors::from([("password".to_owned(), e)]))
            .unwrap_or_default(),
        _ if draft.was_submitted(step) => draft.errors(step, today),
        _ => FieldErrors::new(),
    };
    provide_shown_errors(errors, labels::field_label);
    let heading = if place.assisted() {
        t_string!(i18n, reg_assisted_title)
    } else {
        t_string!(i18n, reg_title)
    };
    let title = format!("{} – {heading}", step_name(i18n, step));
    let check = if place.assisted() && step == Step::Review {
        FormCheck::AssistedReview
    } else {
        FormCheck::Registration(step)
    };
    let code = place.0.clone();
    let shown_code = code
        .as_deref()
        .and_then(crate::domain::registration::DraftCode::parse)
        .map(|c| c.to_string());

    let fields = match step {
        Step::About => {
            view! { <about::AboutStep form=draft.about.clone() suggested_office/> }.into_any()
        }
        Step::Experience => {
            view! { <experience::ExperienceStep form=draft.experience.clone() occupation_names/> }
                .into_any()
        }
        Step::Education => {
            view! { <education::EducationStep form=draft.education.clone()/> }.into_any()
        }
        Step::Wishes => {
            view! { <wishes::WishesStep form=draft.wishes.clone() desired query results/> }
                .into_any()
        }
        Step::Review => {
            view! { <review::ReviewStep draft=draft.clone() today desired suggested_office/> }
                .into_any()
        }
    };
    view! {
        <Title text=title/>
        <div class="page page--form">
            <h1>{heading}</h1>
            {shown_code.map(|c| view! {
                <p class="lead">{t_string!(i18n, reg_assisted_lead, code = c).to_string()}</p>
            })}
            <Stepper current=step/>
            <h2 class="step-title">
                <span class="step-title__count">
                    {t_string!(i18n, reg_step_of, n = step.number()).to_string()}
                </span>
                " "
                {step_name(i18n, step)}
            </h2>
            <StepForm check today=Day(today) action=action(step, place.assisted()).to_owned() autosave=step != Step::Review>
                {code.map(|c| view! { <input type="hidden" name="utkast" value=c/> })}
                // The form's default button: Enter in a field means "next", not the first
                // button on the page (which may remove an entry). Hidden from view and from
                // the keyboard; the visible "next" is at the end.
                <button
                    type="submit"
                    name="intent"
                    value="next"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-hidden="true"
                >
                    {t!(i18n, reg_next)}
                </button>
                <ErrorSummary/>
                {fields}
                <FormActions step/>
            </StepForm>
            // At a desk the lead says how the draft is kept; the browser has nothing to do with it.
            {(!place.assisted()).then(|| view! { <p class="muted save-note">{t!(i18n, reg_saved_note)}</p> })}
            {desk_code.map(|code| view! {
                <p class="muted desk-code">{t_string!(i18n, reg_code_for_desk, code = code).to_string()}</p>
            })}
        </div>
    }
}

/// The five steps, the current one marked. Each is a link: a person may go back to any
/// step, and the review step sends them to whatever is still missing.
#[component]
fn Stepper(current: Step) -> impl IntoView {
    let i18n = use_i18n();
    let place = place();
    view! {
        <nav class="stepper" aria-label=t_string!(i18n, reg_steps_label)>
            <ol>
                {Step::ALL
                    .into_iter()
                    .map(|step| {
                        let is_current = step == current;
                        view! {
                            <li class:stepper__current=is_current>
                                <a href=place.step(step) aria-current=is_current.then_some("step")>
                                    <span class="stepper__number" aria-hidden="true">{step.number()}</span>
                                    <span class="stepper__name">{step_name(i18n, step)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// Next and back.
#[component]
fn FormActions(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let place = place();
    let next = match step {
        Step::Review if place.assisted() => t_string!(i18n, reg_assisted_submit),
        Step::Review => t_string!(i18n, reg_submit),
        _ => t_string!(i18n, reg_next),
    };
    view! {
        <div class="form-actions">
            <button type="submit" class="button" name="intent" value="next">{next}</button>
            {step
                .previous()
                .map(|previous| {
                    // The review step posts to the account endpoint, which knows no "back":
                    // there a plain link goes back (nothing on that page is typed but the
                    // password, which is never kept).
                    if step == Step::Review {
                        view! {
                            <a class="button button--secondary" href=place.step(previous)>
                                {t!(i18n, reg_back)}
                            </a>
                        }
                            .into_any()
                    } else {
                        view! {
                            <button type="submit" class="button button--secondary" name="intent" value="back">
                                {t!(i18n, reg_back)}
                            </button>
                        }
                            .into_any()
                    }
                })}
        </div>
    }
}
