//! `/arbetsgivare/behov/nytt` and `/arbetsgivare/behov/{id}`: describe a recruitment need,
//! or change or close a published one. Everything typed is kept as a draft (in the
//! background with JavaScript, on every post without) until it is published.

use super::{
    labels::{employer_field_label, NEED_ORDER},
    require_employer,
};
use crate::{
    api::employer_needs::{load_need_form, CloseNeed, SaveNeed},
    components::{
        fields::{
            provide_shown_errors_in_order, ErrorSummary, GroupFrame, Input, RadioGroup, TextArea,
            TextField,
        },
        messages::{employment_name, extent_name},
        occupation_picker::OccupationPicker,
        step_form::StepForm,
    },
    domain::{
        choices::{EmploymentType, Extent},
        employer::registration::EmployerFormKind,
        form_check::FormCheck,
    },
    i18n::*,
    paths,
    views::employer::NeedFormView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn NeedFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let need = use_params_map().with_untracked(|p| p.get("id"));
    let (draft, query) = use_query_map().with_untracked(|q| {
        (
            q.get("utkast").and_then(|d| d.parse::<i64>().ok()),
            q.get("sok").unwrap_or_default(),
        )
    });
    // A need's id that is no number is no need: the page says so (not found).
    let need_id = need.as_deref().map(|n| n.parse::<i64>().unwrap_or(-1));
    let back = match (need_id, draft) {
        (Some(id), _) => paths::employer_need(id),
        (None, Some(d)) => paths::employer_need_draft(d),
        (None, None) => paths::EMPLOYER_NEW_NEED.to_owned(),
    };
    require_employer(&back);
    let load = load_need_form(draft, need_id, query);
    view! {
        <Title text=move || t_string!(i18n, need_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <NeedFormBody view/> }.into_any(),
                Err(e) => super::employer_load_failed(i18n, e, t_string!(i18n, need_title)),
            }
        })}
    }
}

#[component]
fn NeedFormBody(view: NeedFormView) -> impl IntoView {
    let i18n = use_i18n();
    provide_shown_errors_in_order(view.errors.clone(), employer_field_label, NEED_ORDER);
    let closed = view.status.as_deref().is_some_and(|s| s != "open");
    let editing = view.need_id.is_some();
    let title = if editing {
        t_string!(i18n, need_edit_title)
    } else {
        t_string!(i18n, need_title)
    };
    let employments: Vec<_> = EmploymentType::ALL
        .iter()
        .map(|e| (e.as_str(), employment_name(i18n, *e)))
        .collect();
    let extents: Vec<_> = Extent::ALL
        .iter()
        .map(|e| (e.as_str(), extent_name(i18n, *e)))
        .collect();
    let form = view.form;
    if closed {
        let status = match view.status.as_deref() {
            Some("filled") => t_string!(i18n, need_status_filled),
            _ => t_string!(i18n, need_status_withdrawn),
        };
        return view! {
            <div class="page page--form">
                <h1>{form.headline.clone()}</h1>
                <p class="notice" role="status">
                    {t_string!(i18n, need_closed_notice, status = status).to_string()}
                </p>
                <p><a href=format!("{}#behov", paths::EMPLOYER_HOME)>{t!(i18n, need_back)}</a></p>
            </div>
        }
        .into_any();
    }
    let submit = if editing {
        t_string!(i18n, need_save)
    } else {
        t_string!(i18n, need_publish)
    };
    view! {
        <div class="page page--form">
            <h1>{title}</h1>
            <p class="lead">{t!(i18n, need_lead)}</p>
            <StepForm
                check=FormCheck::Employer(EmployerFormKind::Need)
                today=view.today
                action=SaveNeed::PATH.to_owned()
                autosave=true
            >
                // Enter in a field publishes, as the visible button does, rather than
                // pressing the first button on the page (the occupation search).
                <button
                    type="submit"
                    name="intent"
                    value="next"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-hidden="true"
                >
                    {submit}
                </button>
                <ErrorSummary/>
                {view.draft_id.map(|d| view! { <input type="hidden" name="draft" value=d.to_string()/> })}
                {view.need_id.map(|n| view! { <input type="hidden" name="need" value=n.to_string()/> })}
                <TextField
                    key="headline"
                    label=t_string!(i18n, need_headline)
                    hint=t_string!(i18n, need_headline_hint)
                    value=form.headline
                />
                <GroupFrame
                    key="occupation".to_owned()
                    legend=t_string!(i18n, need_occupation).to_owned()
                    hint=Some(t_string!(i18n, need_occupation_hint).to_owned())
                    optional=false
                    columns=false
                >
                    <OccupationPicker
                        key="occupation".to_owned()
                        limit=1
                        chosen=view.chosen
                        query=view.query
                        results=view.results
                    />
                </GroupFrame>
                <TextField
                    key="positions"
                    label=t_string!(i18n, need_positions)
                    value=form.positions
                    input=Input::TEXT.inputmode("numeric").autocomplete("off")
                />
                <RadioGroup
                    key="employment"
                    legend=t_string!(i18n, need_employment)
                    value=form.employment
                    options=employments
                />
                <RadioGroup key="extent" legend=t_string!(i18n, need_extent) value=form.extent options=extents/>
                <TextField
                    key="municipality"
                    label=t_string!(i18n, need_municipality)
                    hint=t_string!(i18n, need_municipality_hint)
                    value=form.municipality
                />
                <div class="field-row">
                    <TextField
                        key="earliest_start"
                        label=t_string!(i18n, need_earliest_start)
                        hint=t_string!(i18n, need_earliest_start_hint)
                        value=form.earliest_start
                        input=Input::TEXT.kind("date")
                        optional=true
                    />
                    <TextField
                        key="apply_by"
                        label=t_string!(i18n, need_apply_by)
                        hint=t_string!(i18n, need_apply_by_hint)
                        value=form.apply_by
                        input=Input::TEXT.kind("date")
                    />
                </div>
                <TextArea
                    key="description"
                    label=t_string!(i18n, need_description)
                    hint=t_string!(i18n, need_description_hint)
                    value=form.description
                    optional=true
                />
                <div class="form-actions">
                    <button type="submit" class="button" name="intent" value="next">{submit}</button>
                    <button type="submit" class="button button--secondary" name="intent" value="draft">
                        {t!(i18n, need_keep_draft)}
                    </button>
                    {(view.draft_id.is_some() && !editing)
                        .then(|| {
                            view! {
                                <button type="submit" class="button button--link" name="intent" value="delete-draft">
                                    {t!(i18n, need_delete_draft)}
                                </button>
                            }
                        })}
                </div>
            </StepForm>
            <p class="muted save-note">{t!(i18n, need_saved_note)}</p>
            {view
                .need_id
                .map(|id| {
                    view! {
                        <section class="form-section" aria-labelledby="stang-rubrik">
                            <h2 id="stang-rubrik">{t!(i18n, need_close_title)}</h2>
                            <p class="muted">{t!(i18n, need_close_lead)}</p>
                            <form method="post" action=CloseNeed::PATH class="inline-actions">
                                <input type="hidden" name="need" value=id.to_string()/>
                                <button type="submit" class="button button--secondary" name="status" value="filled">
                                    {t!(i18n, need_close_filled)}
                                </button>
                                <button type="submit" class="button button--secondary" name="status" value="withdrawn">
                                    {t!(i18n, need_close_withdrawn)}
                                </button>
                            </form>
                        </section>
                    }
                })}
            <p><a href=format!("{}#behov", paths::EMPLOYER_HOME)>{t!(i18n, need_back)}</a></p>
        </div>
    }
    .into_any()
}
