//! The form under the board, and what it holds as typed.

use super::focus_later;
use crate::{
    components::messages::refusal_text,
    domain::{
        field_error::{FieldError, FieldErrors},
        open_time::{clock_text, OpenTimeForm, DAY_ENDS, DAY_STARTS},
    },
    error::AppError,
    i18n::*,
    views::calendar::BoardColumn,
};
use leptos::{html, prelude::*};

const SAVE_ACTION: &str = "/api/personal/oppen-tid";
const REMOVE_ACTION: &str = "/api/personal/oppen-tid/ta-bort";

/// The form under the board, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Editor {
    pub column: usize,
    pub id: Option<i64>,
    pub form: OpenTimeForm,
    /// The field in error (empty: the whole form) and the refusal.
    pub error: Option<(String, AppError)>,
}

/// The form under the board: add open time, or change or remove the span chosen. A plain
/// form that posts without JavaScript; with it, the board saves instead.
#[component]
pub(super) fn OpenTimeEditor(
    columns: StoredValue<Vec<BoardColumn>>,
    editor: RwSignal<Editor>,
    back: StoredValue<String>,
    details: NodeRef<html::Details>,
    open_at_first: bool,
    on_save: impl Fn(Editor) + Copy + Send + Sync + 'static,
    on_remove: impl Fn(i64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let counsellors: Vec<(i64, String)> = columns.with_value(|cols| {
        let mut seen: Vec<(i64, String)> = Vec::new();
        for c in cols.iter().filter(|c| c.editable) {
            if !seen.iter().any(|(id, _)| *id == c.counsellor_id) {
                seen.push((
                    c.counsellor_id,
                    c.counsellor_name.clone().unwrap_or_default(),
                ));
            }
        }
        seen
    });
    let many = counsellors.len() > 1;
    let counsellor = move || {
        editor.with(|e| columns.with_value(|c| c.get(e.column).map_or(0, |c| c.counsellor_id)))
    };
    let error_of = move |field: &'static str| {
        move || {
            editor.with(|e| {
                e.error
                    .as_ref()
                    .filter(|(f, _)| f == field)
                    .map(|(_, error)| refusal_text(i18n, error))
            })
        }
    };
    let field = move |name: &'static str, id: &'static str, label: String, kind: &'static str| {
        let error = error_of(name);
        let error_id = format!("{id}-fel");
        let described = format!("{id}-fel f-open-hint");
        view! {
            <div class="field" class:field--error=move || error().is_some()>
                <label for=id>{label}</label>
                <input
                    id=id
                    name=format!("form[{name}]")
                    type=kind
                    step=(kind == "time").then_some("900")
                    min=(kind == "time").then(|| clock_text(DAY_STARTS))
                    max=(kind == "time").then(|| clock_text(DAY_ENDS))
                    aria-describedby=described
                    aria-invalid=move || error().is_some().then_some("true")
                    prop:value=move || editor.with(|e| match name {
                        "date" => e.form.date.clone(),
                        "starts" => e.form.starts.clone(),
                        _ => e.form.ends.clone(),
                    })
                    value=editor.with_untracked(|e| match name {
                        "date" => e.form.date.clone(),
                        "starts" => e.form.starts.clone(),
                        _ => e.form.ends.clone(),
                    })
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        editor.update(|e| {
                            match name {
                                "date" => e.form.date = value,
                                "starts" => e.form.starts = value,
                                _ => e.form.ends = value,
                            }
                            e.error = None;
                        });
                    }
                />
                <p class="field__error" id=error_id>{error}</p>
            </div>
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let e = editor.get_untracked();
        match e.form.parse() {
            Ok(_) => {
                on_save(e);
                if let Some(d) = details.get_untracked() {
                    d.set_open(false);
                }
            }
            Err((error, field)) => {
                let refusal = AppError::Validation(FieldErrors::from([(
                    field.to_owned(),
                    FieldError::OpenTime(error),
                )]));
                editor.update(|e| e.error = Some((field.to_owned(), refusal)));
                focus_later(match field {
                    "date" => "f-open-date",
                    "starts" => "f-open-starts",
                    _ => "f-open-ends",
                });
            }
        }
    };
    view! {
        <details class="board__form" id="oppen-tid" node_ref=details open=open_at_first>
            <summary>{t!(i18n, cal_form_title)}</summary>
            <form method="post" action=SAVE_ACTION on:submit=submit novalidate>
                <h3>
                    {move || if editor.with(|e| e.id.is_some()) {
                        t_string!(i18n, cal_form_edit)
                    } else {
                        t_string!(i18n, cal_form_new)
                    }}
                </h3>
                {error_of("")().map(|text| view! { <p class="notice notice--error" role="alert">{text}</p> })}
                <input type="hidden" name="back" value=back.get_value()/>
                {move || editor.with(|e| e.id).map(|id| view! { <input type="hidden" name="id" value=id.to_string()/> })}
                {if many {
                    view! {
                        <div class="field">
                            <label for="f-open-who">{t!(i18n, cal_counsellor)}</label>
                            <select
                                id="f-open-who"
                                name="counsellor"
                                on:change=move |ev| {
                                    let chosen: i64 = event_target_value(&ev).parse().unwrap_or_default();
                                    if let Some(column) = columns.with_value(|c| c.iter().position(|c| c.counsellor_id == chosen)) {
                                        editor.update(|e| e.column = column);
                                    }
                                }
                            >
                                {counsellors
                                    .iter()
                                    .map(|(id, name)| {
                                        let id = *id;
                                        view! {
                                            <option value=id.to_string() selected=move || counsellor() == id>
                                                {name.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                        .into_any()
                } else {
                    view! { <input type="hidden" name="counsellor" prop:value=move || counsellor().to_string() value=counsellor().to_string()/> }
                        .into_any()
                }}
                <p class="field__hint" id="f-open-hint">{t!(i18n, cal_form_hint)}</p>
                <div class="board__form-row">
                    {field("date", "f-open-date", t_string!(i18n, cal_form_date).to_owned(), "date")}
                    {field("starts", "f-open-starts", t_string!(i18n, cal_form_starts).to_owned(), "time")}
                    {field("ends", "f-open-ends", t_string!(i18n, cal_form_ends).to_owned(), "time")}
                </div>
                <div class="board__form-actions">
                    <button type="submit" class="button">{t!(i18n, cal_form_save)}</button>
                    {move || editor.with(|e| e.id).map(|id| view! {
                        <button
                            type="submit"
                            class="button button--secondary"
                            formaction=REMOVE_ACTION
                            on:click=move |ev| {
                                ev.prevent_default();
                                on_remove(id);
                                if let Some(d) = details.get_untracked() {
                                    d.set_open(false);
                                }
                            }
                        >
                            {t!(i18n, cal_form_remove)}
                        </button>
                    })}
                </div>
            </form>
        </details>
    }
}
