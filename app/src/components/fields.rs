//! Form fields as the server draws them: a label, an optional hint, the error message next
//! to the field, and the ARIA that ties them together. The step form island finds fields by
//! `data-field` and updates the same elements as the person types.
//!
//! A page provides the errors to show with [`provide_shown_errors`]; each field looks up its
//! own, and the first one in page order gets `autofocus`, so the cursor lands on it even
//! without JavaScript.
//!
//! Fields carry no `maxlength`: a browser cuts a longer paste silently. The domain checks the
//! limit instead and says the text is too long, with everything still in the field.

use super::messages::{error_text, I18n};
use crate::{
    domain::{
        field_error::{FieldError, FieldErrors},
        form_data::{error_id, field_id, field_name, in_order_of, in_page_order, list_name},
    },
    i18n::*,
};
use leptos::prelude::*;
use std::sync::Arc;

/// How a page names a field in its error summary ("Job 2 – Employer").
pub type LabelOf = fn(I18n, &str) -> String;
/// How a page says an error: `error_text` unless a staff form has words of its own (kept
/// out of the shared function so they never travel in the job seekers' bundle).
pub type TextOf = fn(I18n, FieldError) -> &'static str;

#[derive(Clone)]
pub struct ShownErrors {
    errors: Arc<FieldErrors>,
    first: Option<String>,
    /// The form's own order of fields, when it is not the registration's.
    order: Option<&'static [&'static str]>,
    label: LabelOf,
    text: TextOf,
}

impl Default for ShownErrors {
    fn default() -> Self {
        ShownErrors {
            errors: Arc::default(),
            first: None,
            order: None,
            label: |_, key| key.to_owned(),
            text: error_text,
        }
    }
}

impl ShownErrors {
    pub fn get(&self, key: &str) -> Option<FieldError> {
        self.errors.get(key).copied()
    }

    /// The errors in the order their fields come on the page.
    fn sorted(&self) -> Vec<(&String, &FieldError)> {
        match self.order {
            Some(order) => in_order_of(self.errors.iter(), order),
            None => in_page_order(self.errors.iter()),
        }
    }

    fn is_first(&self, key: &str) -> bool {
        self.first.as_deref() == Some(key)
    }

    fn text(&self, i18n: I18n, error: FieldError) -> &'static str {
        (self.text)(i18n, error)
    }

    /// The field's name in the summary; the browser reads it from `data-label`.
    fn label(&self, key: &str) -> String {
        (self.label)(use_i18n(), key)
    }
}

/// Makes `errors` the ones the fields below show; `label` names fields in the summary.
pub fn provide_shown_errors(errors: FieldErrors, label: LabelOf) -> ShownErrors {
    provide_shown_errors_saying(errors, label, error_text)
}

/// As `provide_shown_errors`, for a form whose fields come in the order `order` (top-level
/// keys).
pub fn provide_shown_errors_in_order(
    errors: FieldErrors,
    label: LabelOf,
    order: &'static [&'static str],
) -> ShownErrors {
    provide(errors, label, error_text, Some(order))
}

/// As `provide_shown_errors`, with the page's own words for its errors.
pub fn provide_shown_errors_saying(
    errors: FieldErrors,
    label: LabelOf,
    text: TextOf,
) -> ShownErrors {
    provide(errors, label, text, None)
}

fn provide(
    errors: FieldErrors,
    label: LabelOf,
    text: TextOf,
    order: Option<&'static [&'static str]>,
) -> ShownErrors {
    let mut shown = ShownErrors {
        errors: Arc::new(errors),
        first: None,
        order,
        label,
        text,
    };
    shown.first = shown
        .sorted()
        .into_iter()
        .map(|(key, _)| key.clone())
        .find(|key| key != "_");
    provide_context(shown.clone());
    shown
}

fn shown() -> ShownErrors {
    use_context::<ShownErrors>().unwrap_or_default()
}

/// What a text field is for, as far as the browser needs to know.
#[derive(Clone, Copy, Default)]
pub struct Input {
    pub kind: &'static str,
    pub autocomplete: Option<&'static str>,
    pub inputmode: Option<&'static str>,
    pub list: Option<&'static str>,
}

impl Input {
    pub const TEXT: Input = Input {
        kind: "text",
        autocomplete: None,
        inputmode: None,
        list: None,
    };

    pub const fn autocomplete(self, value: &'static str) -> Self {
        Input {
            autocomplete: Some(value),
            ..self
        }
    }

    pub const fn inputmode(self, value: &'static str) -> Self {
        Input {
            inputmode: Some(value),
            ..self
        }
    }

    pub const fn kind(self, kind: &'static str) -> Self {
        Input { kind, ..self }
    }

    pub const fn list(self, id: &'static str) -> Self {
        Input {
            list: Some(id),
            ..self
        }
    }
}

/// The ids a control is described by: its hint (if any) and its error message.
fn described_by(key: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{}-tips {}", field_id(key), error_id(key))
    } else {
        error_id(key)
    }
}

/// The label's text, with "(optional)" after it when the field may be left empty.
#[component]
fn LabelText(text: String, optional: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {text}
        {optional.then(|| view! { " " <span class="optional">{t_string!(i18n, optional)}</span> })}
    }
}

#[component]
fn Hint(key: String, hint: Option<String>) -> impl IntoView {
    hint.map(
        |hint| view! { <p class="field__hint" id=format!("{}-tips", field_id(&key))>{hint}</p> },
    )
}

/// The error message of a field; empty (and hidden by CSS) while there is none.
#[component]
pub fn FieldMessage(key: String) -> impl IntoView {
    let i18n = use_i18n();
    let shown = shown();
    let error = shown.get(&key);
    view! { <p class="field__error" id=error_id(&key)>{error.map(|e| shown.text(i18n, e))}</p> }
}

/// What a single control needs to be tied to its label, hint and message.
struct Control {
    id: String,
    name: String,
    invalid: Option<&'static str>,
    described_by: String,
    autofocus: bool,
}

impl Control {
    fn of(key: &str, has_hint: bool) -> Self {
        let shown = shown();
        Control {
            id: field_id(key),
            name: field_name(key),
            invalid: shown.get(key).map(|_| "true"),
            described_by: described_by(key, has_hint),
            autofocus: shown.is_first(key),
        }
    }
}

/// The box around one control: its label, hint and error message, and the `data-field`
/// and `data-label` the step form island looks for.
#[component]
fn FieldFrame(
    key: String,
    label: String,
    hint: Option<String>,
    optional: bool,
    children: Children,
) -> impl IntoView {
    let shown = shown();
    let invalid = shown.get(&key).is_some();
    let summary_label = shown.label(&key);
    let id = field_id(&key);
    view! {
        <div class="field" class:field--error=invalid data-field=key.clone() data-label=summary_label>
            <label for=id><LabelText text=label optional/></label>
            <Hint key=key.clone() hint=hint/>
            <FieldMessage key=key.clone()/>
            {children()}
        </div>
    }
}

#[component]
pub fn TextField(
    #[prop(into)] key: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] input: Option<Input>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let input = input.unwrap_or(Input::TEXT);
    let c = Control::of(&key, hint.is_some());
    view! {
        <FieldFrame key label hint optional>
            <input
                id=c.id
                name=c.name
                type=input.kind
                value=value
                autocomplete=input.autocomplete
                inputmode=input.inputmode
                list=input.list
                required=!optional
                aria-invalid=c.invalid
                aria-describedby=c.described_by
                autofocus=c.autofocus
            />
        </FieldFrame>
    }
}

/// One box to tick (its value `ja`), the label beside it.
#[component]
pub fn Checkbox(
    #[prop(into)] key: String,
    #[prop(into)] label: String,
    checked: bool,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let c = Control::of(&key, hint.is_some());
    let shown = shown();
    let invalid = shown.get(&key).is_some();
    let summary_label = shown.label(&key);
    view! {
        <div class="field" class:field--error=invalid data-field=key.clone() data-label=summary_label>
            <Hint key=key.clone() hint=hint/>
            <FieldMessage key=key.clone()/>
            <div class="check">
                <input
                    id=c.id.clone()
                    name=c.name
                    type="checkbox"
                    value="ja"
                    checked=checked
                    required=true
                    aria-invalid=c.invalid
                    aria-describedby=c.described_by
                    autofocus=c.autofocus
                />
                " "
                <label for=c.id>{label}</label>
            </div>
        </div>
    }
}

#[component]
pub fn TextArea(
    #[prop(into)] key: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let c = Control::of(&key, hint.is_some());
    view! {
        <FieldFrame key label hint optional>
            <textarea
                id=c.id
                name=c.name
                rows="4"
                required=!optional
                aria-invalid=c.invalid
                aria-describedby=c.described_by
                autofocus=c.autofocus
            >
                {value}
            </textarea>
        </FieldFrame>
    }
}

/// One of a list of values, as a drop-down: `options` are `(code, words)`.
#[component]
pub fn SelectField(
    #[prop(into)] key: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] optional: bool,
    /// Needed only after a certain answer to another field (its hint says which): neither
    /// marked optional nor `required`, and the domain checks it with the other answer.
    #[prop(optional)]
    conditional: bool,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|(code, words)| (code.to_owned(), words.to_owned()))
        .collect();
    view! { <SelectList key label value options hint=hint.unwrap_or_default() optional conditional/> }
}

/// A drop-down of values read at run time (offices, occupational fields): `(code, words)`.
/// An empty `hint` shows none.
#[component]
pub fn SelectList(
    #[prop(into)] key: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    options: Vec<(String, String)>,
    #[prop(optional, into)] hint: String,
    #[prop(optional)] optional: bool,
    #[prop(optional)] conditional: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint = Some(hint).filter(|h| !h.is_empty());
    let c = Control::of(&key, hint.is_some());
    let value = value.trim().to_owned();
    let marked_optional = optional && !conditional;
    view! {
        <FieldFrame key label hint optional=marked_optional>
            <select
                id=c.id
                name=c.name
                required=!optional && !conditional
                aria-invalid=c.invalid
                aria-describedby=c.described_by
                autofocus=c.autofocus
            >
                <option value="" selected=value.is_empty()>{t_string!(i18n, choose)}</option>
                {options
                    .into_iter()
                    .map(|(code, words)| {
                        let selected = value == code;
                        view! { <option value=code selected=selected>{words}</option> }
                    })
                    .collect_view()}
            </select>
        </FieldFrame>
    }
}

/// One of a few values, as radio buttons in a fieldset.
#[component]
pub fn RadioGroup(
    #[prop(into)] key: String,
    #[prop(into)] legend: String,
    #[prop(into)] value: String,
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let value = value.trim().to_owned();
    let name = field_name(&key);
    view! {
        <GroupFrame key=key.clone() legend hint optional=false columns=false>
            <Choices key kind="radio" name options=owned(options) checked=move |code| value == code/>
        </GroupFrame>
    }
}

/// Any number of values, as checkboxes in a fieldset; posts a list.
#[component]
pub fn CheckboxGroup(
    #[prop(into)] key: String,
    #[prop(into)] legend: String,
    values: Vec<String>,
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] optional: bool,
    #[prop(optional)] columns: bool,
) -> impl IntoView {
    view! { <CheckboxList key legend values options=owned(options) hint=hint.unwrap_or_default() optional columns/> }
}

/// Checkboxes of values read at run time (occupational fields): `(code, words)`. An empty
/// `hint` shows none.
#[component]
pub fn CheckboxList(
    #[prop(into)] key: String,
    #[prop(into)] legend: String,
    values: Vec<String>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] hint: String,
    #[prop(optional)] optional: bool,
    #[prop(optional)] columns: bool,
) -> impl IntoView {
    let hint = Some(hint).filter(|h| !h.is_empty());
    let name = list_name(&key);
    let checked = move |code: &str| values.iter().any(|v| v.trim() == code);
    view! {
        <GroupFrame key=key.clone() legend hint optional columns>
            <Choices key kind="checkbox" name options checked/>
        </GroupFrame>
    }
}

fn owned(options: Vec<(&'static str, &'static str)>) -> Vec<(String, String)> {
    options
        .into_iter()
        .map(|(code, words)| (code.to_owned(), words.to_owned()))
        .collect()
}

/// A group of controls under one legend (a fieldset), with its hint and error message and
/// the `data-field` and `data-label` the step form island looks for. Its id is the field's,
/// so the summary's link and a failed check can bring the person to it.
#[component]
pub fn GroupFrame(
    key: String,
    legend: String,
    hint: Option<String>,
    optional: bool,
    columns: bool,
    children: Children,
) -> impl IntoView {
    let shown = shown();
    let invalid = shown.get(&key).is_some();
    let summary_label = shown.label(&key);
    let described = described_by(&key, hint.is_some());
    view! {
        <fieldset
            class="field choices"
            class:choices--columns=columns
            class:field--error=invalid
            data-field=key.clone()
            data-label=summary_label
            id=field_id(&key)
            tabindex="-1"
            aria-describedby=described
        >
            <legend><LabelText text=legend optional/></legend>
            <Hint key=key.clone() hint=hint/>
            <FieldMessage key=key.clone()/>
            {children()}
        </fieldset>
    }
}

/// The radio buttons or checkboxes of a group, one per `(code, words)`.
#[component]
fn Choices(
    key: String,
    kind: &'static str,
    name: String,
    options: Vec<(String, String)>,
    checked: impl Fn(&str) -> bool + 'static,
) -> impl IntoView {
    let shown = shown();
    let invalid = shown.get(&key).map(|_| "true");
    let first = shown.is_first(&key);
    view! {
        <div class="choices__list">
            {options
                .into_iter()
                .enumerate()
                .map(|(i, (code, words))| {
                    let id = format!("{}-{code}", field_id(&key));
                    let is_checked = checked(&code);
                    view! {
                        <div class="choice">
                            <input
                                type=kind
                                id=id.clone()
                                name=name.clone()
                                value=code
                                checked=is_checked
                                aria-invalid=invalid
                                autofocus=first && i == 0
                            />
                            <label for=id>{words}</label>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The list of everything to correct, at the top of the form, each item naming its field
/// (`label`) and linking to it. Always present (hidden when empty) so the browser can fill it
/// when it finds errors before sending.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let i18n: I18n = use_i18n();
    let shown = shown();
    let errors = shown
        .sorted()
        .into_iter()
        .map(|(key, error)| (key.clone(), *error))
        .collect::<Vec<_>>();
    let empty = errors.is_empty();
    view! {
        <div class="error-summary" id="fel" tabindex="-1" role="alert" hidden=empty>
            <h2 class="error-summary__title">{t_string!(i18n, reg_errors_title)}</h2>
            <ul>
                {errors
                    .into_iter()
                    .map(|(key, error)| {
                        let text = shown.text(i18n, error);
                        match key.as_str() {
                            "_" => view! { <li>{text}</li> }.into_any(),
                            // A whole list has no one field to go to.
                            "entries" | "languages" | "activities" => {
                                view! { <li>{format!("{}: {text}", shown.label(&key))}</li> }
                                    .into_any()
                            }
                            _ => {
                                let href = format!("#{}", field_id(&key));
                                let text = format!("{}: {text}", shown.label(&key));
                                view! {
                                    <li>
                                        <a href=href>{text}</a>
                                    </li>
                                }
                                    .into_any()
                            }
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// A button that posts the form with an `intent` other than "next": adding or removing a
/// list entry, which saves without checking the step. `remove` makes it a quiet link-styled
/// button inside the entry.
#[component]
pub fn IntentButton(
    #[prop(into)] intent: String,
    #[prop(into)] label: String,
    #[prop(optional)] remove: bool,
) -> impl IntoView {
    let class = if remove {
        "button button--link"
    } else {
        "button button--secondary"
    };
    view! {
        <button type="submit" class=class name="intent" value=intent>
            {label}
        </button>
    }
}
