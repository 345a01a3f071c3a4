//! `/personal/personer`: find a person who is at the desk or on the phone, by personal
//! identity number or by name and date of birth, saying why. A plain post without
//! JavaScript; the answer lists only the people the staff member may see.

use super::{meeting_panel::staff_error_text, require_staff, staff_load_failed};
use crate::{
    api::{
        assisted_registration::{ContinueDraft, StartAssisted},
        person_search::{load_person_search, SaveContactNote, SearchPeople},
    },
    components::meeting_words::{is_swedish, when_text},
    domain::{
        case::ContactNoteForm,
        choices::{ContactKind, SearchReason},
        time::long_date,
    },
    i18n::*,
    paths,
    views::person_search::{DraftFound, PersonHit, PersonSearchView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};

#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::PEOPLE);
    let load = load_person_search();
    view! {
        <Title text=t_string!(i18n, ppl_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <People view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, ppl_title),
                    t_string!(i18n, ppl_title),
                ),
            }
        })}
    }
}

fn reason_name(i18n: crate::components::messages::I18n, r: SearchReason) -> &'static str {
    match r {
        SearchReason::Visit => t_string!(i18n, ppl_reason_visit),
        SearchReason::Call => t_string!(i18n, ppl_reason_call),
        SearchReason::Other => t_string!(i18n, ppl_reason_other),
    }
}

#[component]
fn People(view: PersonSearchView) -> impl IntoView {
    let i18n = use_i18n();
    let PersonSearchView {
        form,
        errors,
        searched,
        hits,
        drafts,
        id_unchecked,
        code,
        code_error,
        held,
        has_desk,
        noted,
        note_for,
        note,
        note_errors,
    } = view;
    let code_error = code_error.map(|e| staff_error_text(i18n, e));
    let error = |key: &str| errors.get(key).map(|e| staff_error_text(i18n, *e));
    let (number_error, name_error, born_error, reason_error, note_error) = (
        error("nummer"),
        error("namn"),
        error("fodd"),
        error("orsak"),
        error("notering"),
    );
    let field = |id: &'static str,
                 name: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 value: String,
                 err: Option<&'static str>,
                 autocomplete: &'static str| {
        let err_id = format!("{id}-fel");
        view! {
            <div class="field" class:field--error=err.is_some()>
                <label for=id>{label}</label>
                <p class="field__error" id=err_id.clone()>{err}</p>
                <input id=id name=format!("form[{name}]") type=kind value=value
                    autocomplete=autocomplete aria-describedby=err_id aria-invalid=err.map(|_| "true")/>
            </div>
        }
    };
    view! {
        <div class="page page--wide people">
            <h1>{t!(i18n, ppl_title)}</h1>
            {noted.map(|name| view! {
                <p class="notice notice--success" role="status" id="klart">
                    {t_string!(i18n, ppl_noted, name = name).to_string()}
                </p>
            })}
            <p class="lead">{t!(i18n, ppl_lead)}</p>
            {(!errors.is_empty()).then(|| view! {
                <p class="notice notice--error" role="alert" id="fel">{t!(i18n, wh_fix)}</p>
            })}
            <form method="post" action=SearchPeople::PATH class="people__search" novalidate>
                {field("f-ppl-nummer", "nummer", t_string!(i18n, ppl_number), "text", form.nummer.clone(), number_error, "off")}
                <p class="field__hint">{t!(i18n, ppl_or)}</p>
                <div class="field-row">
                    {field("f-ppl-namn", "namn", t_string!(i18n, ppl_name), "text", form.namn.clone(), name_error, "off")}
                    {field("f-ppl-fodd", "fodd", t_string!(i18n, ppl_born), "date", form.fodd.clone(), born_error, "off")}
                </div>
                <fieldset class="field" class:field--error=reason_error.is_some() aria-describedby="f-ppl-orsak-fel">
                    <legend>{t!(i18n, ppl_reason)}</legend>
                    <p class="field__error" id="f-ppl-orsak-fel">{reason_error}</p>
                    {SearchReason::ALL.iter().map(|r| {
                        let id = format!("f-ppl-orsak-{}", r.as_str());
                        view! {
                            <div>
                                <input type="radio" id=id.clone() name="form[orsak]" value=r.as_str()
                                    checked=form.orsak == r.as_str()/>
                                " "
                                <label for=id>{reason_name(i18n, *r)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field" class:field--error=note_error.is_some()>
                    <label for="f-ppl-notering">{t!(i18n, ppl_note)}</label>
                    <p class="field__hint" id="f-ppl-notering-hint">{t!(i18n, ppl_note_hint)}</p>
                    <p class="field__error" id="f-ppl-notering-fel">{note_error}</p>
                    <input id="f-ppl-notering" name="form[notering]" type="text" maxlength="200"
                        value=form.notering.clone() aria-describedby="f-ppl-notering-hint f-ppl-notering-fel"
                        aria-invalid=note_error.map(|_| "true")/>
                </div>
                <p class="muted">{t!(i18n, ppl_logged)}</p>
                <button type="submit" class="button">{t!(i18n, ppl_search)}</button>
            </form>
            {searched.then(|| view! { <Results hits note_for note note_errors/> })}
            {(!drafts.is_empty()).then(|| view! {
                <DraftsFound drafts id_unchecked/>
            })}
            {has_desk.then(|| view! {
            <section id="fortsatt" aria-labelledby="fortsatt-rubrik" class="people__continue">
                <h2 id="fortsatt-rubrik">{t!(i18n, ppl_continue)}</h2>
                <form method="post" action=ContinueDraft::PATH novalidate>
                    <input type="hidden" name="hur" value="kod"/>
                    <div class="field" class:field--error=code_error.is_some()>
                        <label for="f-ppl-kod">{t!(i18n, ppl_code)}</label>
                        <p class="field__hint" id="f-ppl-kod-hint">{t!(i18n, ppl_continue_hint)}</p>
                        <p class="field__error" id="f-ppl-kod-fel">{code_error}</p>
                        <input id="f-ppl-kod" name="kod" type="text" value=code autocomplete="off"
                            aria-describedby="f-ppl-kod-hint f-ppl-kod-fel"
                            aria-invalid=code_error.map(|_| "true")/>
                    </div>
                    <button type="submit" class="button button--secondary">{t!(i18n, ppl_continue_go)}</button>
                </form>
            </section>
            })}
            {(!held.is_empty()).then(|| view! {
                <section aria-labelledby="paborjade-rubrik">
                    <h2 id="paborjade-rubrik">{t!(i18n, ppl_drafts_here)}</h2>
                    <ul>
                        {held.into_iter().map(|d| {
                            let name = d.name.unwrap_or_else(|| t_string!(i18n, ppl_draft_nameless).to_owned());
                            let text = t_string!(i18n, ppl_draft_here, name = name, when = when_text(i18n, d.updated_at)).to_string();
                            view! {
                                <li><a href=paths::assisted_step(&d.code, crate::domain::registration::Step::Review)>{text}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            // Registering needs a desk: an administrator belongs to no office.
            {has_desk.then(|| view! {
                <section aria-labelledby="ny-rubrik" class="people__new">
                    <h2 id="ny-rubrik">{t!(i18n, ppl_new_person)}</h2>
                    <p>{t!(i18n, ppl_new_person_hint)}</p>
                    <form method="post" action=StartAssisted::PATH>
                        <button type="submit" class="button button--secondary">{t!(i18n, ppl_new_person)}</button>
                    </form>
                </section>
            })}
        </div>
    }
}

/// Online drafts with the number searched for: continued once the identity document is
/// checked at the desk.
#[component]
fn DraftsFound(drafts: Vec<DraftFound>, id_unchecked: Option<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="utkast-rubrik">
            <h2 id="utkast-rubrik">{t!(i18n, ppl_continue)}</h2>
            {drafts.into_iter().map(|d| {
                let unchecked = id_unchecked.as_ref().is_some_and(|(_, r)| *r == d.reference);
                let error = unchecked.then(|| t_string!(i18n, err_required));
                let name = d.name.clone().unwrap_or_else(|| t_string!(i18n, ppl_draft_nameless).to_owned());
                let id = format!("f-ppl-id-{}", d.reference);
                let err_id = format!("{id}-fel");
                view! {
                    <form method="post" action=ContinueDraft::PATH class="card" novalidate>
                        <p>{t_string!(i18n, ppl_draft_found, name = name, when = when_text(i18n, d.updated_at)).to_string()}</p>
                        <input type="hidden" name="nummer" value=d.number.clone()/>
                        <input type="hidden" name="utkast" value=d.reference.clone()/>
                        <input type="hidden" name="hur" value="id"/>
                        <div class="field" class:field--error=error.is_some()>
                            <p class="field__error" id=err_id.clone()>{error}</p>
                            <div class="check">
                                <input type="checkbox" id=id.clone() name="id" value="ja" required
                                    aria-describedby=err_id aria-invalid=error.map(|_| "true")/>
                                " "
                                <label for=id>{t!(i18n, ppl_id_checked)}</label>
                            </div>
                        </div>
                        <button type="submit" class="button button--secondary">{t!(i18n, ppl_continue_go)}</button>
                    </form>
                }
            }).collect_view()}
        </section>
    }
}

/// A call or a visit without a booking, written into the person's case. `on_case`: the form
/// is on the person's case page (open, and back there once saved).
pub(super) fn note_form(
    i18n: crate::components::messages::I18n,
    person: i64,
    typed: &ContactNoteForm,
    errors: &crate::domain::field_error::FieldErrors,
    on_case: bool,
) -> impl IntoView {
    let error = |key: &str| errors.get(key).map(|e| staff_error_text(i18n, *e));
    let (kind_error, body_error) = (error("kind"), error("body"));
    let id = |what: &str| format!("f-ppl-{what}-{person}");
    let form = view! {
            <form method="post" action=SaveContactNote::PATH id=format!("anteckning-{person}") novalidate>
                <input type="hidden" name="person" value=person.to_string()/>
                {on_case.then(|| view! { <input type="hidden" name="tillbaka" value="arende"/> })}
                <fieldset class="field" class:field--error=kind_error.is_some() aria-describedby=id("kind-fel")>
                    <legend>{t!(i18n, ppl_note_kind)}</legend>
                    <p class="field__error" id=id("kind-fel")>{kind_error}</p>
                    {ContactKind::ALL.iter().map(|k| {
                        let radio = id(k.as_str());
                        let label = match k {
                            ContactKind::Call => t_string!(i18n, case_contact_call),
                            ContactKind::WalkIn => t_string!(i18n, case_contact_walk_in),
                        };
                        view! {
                            <div>
                                <input type="radio" id=radio.clone() name="note[kind]" value=k.as_str()
                                    checked=typed.kind == k.as_str()/>
                                " "
                                <label for=radio>{label}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field" class:field--error=body_error.is_some()>
                    <label for=id("body")>{t!(i18n, ppl_note_body)}</label>
                    <p class="field__hint" id=id("body-hint")>{t!(i18n, ppl_note_body_hint)}</p>
                    <p class="field__error" id=id("body-fel")>{body_error}</p>
                    <textarea id=id("body") name="note[body]" rows="3" maxlength="4000"
                        aria-describedby=format!("{} {}", id("body-hint"), id("body-fel"))
                        aria-invalid=body_error.map(|_| "true")>{typed.body.clone()}</textarea>
                </div>
                <button type="submit" class="button button--secondary">{t!(i18n, ppl_note_save)}</button>
            </form>
    };
    // On the case page the form has its own heading; in a search's results it folds away.
    if on_case {
        form.into_any()
    } else {
        view! {
            <details open=!errors.is_empty()>
                <summary>{t!(i18n, ppl_note_title)}</summary>
                {form}
            </details>
        }
        .into_any()
    }
}

#[component]
fn Results(
    hits: Vec<PersonHit>,
    note_for: Option<i64>,
    note: ContactNoteForm,
    note_errors: crate::domain::field_error::FieldErrors,
) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    view! {
        <section id="resultat" aria-labelledby="resultat-rubrik" tabindex="-1">
            <h2 id="resultat-rubrik">{t!(i18n, ppl_results)}</h2>
            {if hits.is_empty() {
                view! { <p role="status">{t!(i18n, ppl_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="people__hits">
                        {hits.into_iter().map(|h| view! {
                            <li class="card">
                                <h3>{h.name.clone()}</h3>
                                <p>
                                    {h.number.clone()}
                                    " · "
                                    {t_string!(i18n, ppl_born_on, date = long_date(h.born, swedish)).to_string()}
                                    <br/>
                                    {h.office.clone().unwrap_or_else(|| "–".to_owned())}
                                    " · "
                                    {if h.registered_online {
                                        t_string!(i18n, ppl_registered_online, when = when_text(i18n, h.registered_at)).to_string()
                                    } else {
                                        t_string!(i18n, ppl_registered_staff, when = when_text(i18n, h.registered_at)).to_string()
                                    }}
                                </p>
                                <p>
                                    <a href=paths::person_case(h.id)>{t_string!(i18n, ppl_open_meeting, name = h.name.clone()).to_string()}</a>
                                    " · "
                                    {match h.meeting_href {
                                        Some(href) => view! { <a href=href>{t!(i18n, ppl_meeting_in_calendar)}</a> }.into_any(),
                                        None => view! { <span class="muted">{t!(i18n, ppl_no_meeting)}</span> }.into_any(),
                                    }}
                                </p>
                                {if note_for == Some(h.id) {
                                    note_form(i18n, h.id, &note, &note_errors, false).into_any()
                                } else {
                                    note_form(i18n, h.id, &ContactNoteForm::default(), &Default::default(), false).into_any()
                                }}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
