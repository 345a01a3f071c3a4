//! The form around a registration step or a month's activity report. The server draws the fields (children of this
//! island, never re-rendered in the browser); with JavaScript, this island checks them with
//! the same domain code the server runs:
//! - as the person types, a field they have already left shows or clears its error;
//! - on "next", every error is shown, the summary at the top lists them, the first invalid
//!   field gets focus, and nothing is sent;
//! - when a field changes, the draft is saved in the background, so a reload loses nothing.
//!
//! Without JavaScript the form is an ordinary post and the server shows the same errors.

use crate::domain::{form_check::FormCheck, time::Day};
use leptos::prelude::*;

#[island]
pub fn StepForm(
    /// The domain check the form's fields are held to.
    check: FormCheck,
    /// Today by the server's clock, so both sides check dates against the same day.
    today: Day,
    /// The server function the form posts to.
    action: String,
    /// Whether changes are saved as they are made (not for the password).
    autosave: bool,
    children: Children,
) -> impl IntoView {
    let form = NodeRef::<leptos::html::Form>::new();
    #[cfg(feature = "hydrate")]
    let checker = browser::Checker::new(form, check, today.0, action.clone(), autosave);
    #[cfg(not(feature = "hydrate"))]
    let _ = (check, today, autosave);

    view! {
        <form
            class="step-form"
            method="post"
            action=action
            novalidate
            node_ref=form
            on:input=move |ev| {
                #[cfg(feature = "hydrate")]
                checker.input(&ev);
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }
            on:pointerdown=move |_| {
                #[cfg(feature = "hydrate")]
                checker.press();
            }
            on:pointerup=move |_| {
                #[cfg(feature = "hydrate")]
                checker.release();
            }
            on:focusout=move |ev| {
                #[cfg(feature = "hydrate")]
                checker.left(&ev);
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }
            on:change=move |ev| {
                #[cfg(feature = "hydrate")]
                checker.changed(&ev);
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }
            on:submit=move |ev| {
                #[cfg(feature = "hydrate")]
                checker.submit(&ev);
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }
        >
            {children()}
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::{
        components::messages::{error_text, I18n},
        domain::{
            field_error::FieldErrors,
            form_check::FormCheck,
            form_data::{error_id, field_id, in_page_order, key_of},
        },
        i18n::use_i18n,
    };
    use chrono::NaiveDate;
    use leptos::{ev, prelude::*};
    use std::collections::BTreeSet;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, HtmlFormElement};

    #[derive(Clone, Copy)]
    pub struct Checker {
        form: NodeRef<leptos::html::Form>,
        check: FormCheck,
        today: NaiveDate,
        action: StoredValue<String>,
        autosave: bool,
        i18n: I18n,
        /// Fields typed into since the page loaded.
        edited: StoredValue<BTreeSet<String>>,
        /// Fields left after typing: their errors show from then on.
        touched: StoredValue<BTreeSet<String>>,
        /// Whether "next" has been tried (or the server showed errors): all errors show.
        tried: StoredValue<bool>,
        /// Errors the server drew that only it can judge (an email already registered):
        /// kept until the field is edited.
        kept: StoredValue<BTreeSet<String>>,
        /// The background saves still on their way, as one chain: each is sent once the
        /// one before it is answered, so they reach the server in order. A post of the form
        /// waits for the whole chain: a save that reached the server after "add" or "next"
        /// would put back the form as it was a moment earlier.
        pending: StoredValue<Option<js_sys::Promise>, LocalStorage>,
        /// A pointer is pressed in the form: the field it pressed has taken the focus, but
        /// the press is not over. Errors shown now would move that field from under the
        /// pointer (a radio button below the field just left), and the press would miss;
        /// they are shown when it is released.
        pressing: StoredValue<bool>,
        deferred: StoredValue<bool>,
    }

    impl Checker {
        pub fn new(
            form: NodeRef<leptos::html::Form>,
            check: FormCheck,
            today: NaiveDate,
            action: String,
            autosave: bool,
        ) -> Self {
            let checker = Checker {
                form,
                check,
                today,
                action: StoredValue::new(action),
                autosave,
                i18n: use_i18n(),
                edited: StoredValue::new(BTreeSet::new()),
                touched: StoredValue::new(BTreeSet::new()),
                tried: StoredValue::new(false),
                kept: StoredValue::new(BTreeSet::new()),
                pending: StoredValue::new_local(None),
                pressing: StoredValue::new(false),
                deferred: StoredValue::new(false),
            };
            Effect::new(move |_| {
                let Some(form) = form.get() else { return };
                let shown = fields(&form)
                    .into_iter()
                    .filter(|(el, _)| el.class_list().contains("field--error"))
                    .map(|(_, key)| key)
                    .collect::<BTreeSet<_>>();
                if !shown.is_empty() {
                    checker.tried.set_value(true);
                }
                checker.kept.set_value(shown);
            });
            checker
        }

        fn errors(&self, form: &HtmlFormElement) -> FieldErrors {
            self.check.errors(pairs(form), self.today)
        }

        pub fn input(&self, ev: &ev::Event) {
            let Some(key) = target_key(ev) else { return };
            self.edited.update_value(|e| {
                e.insert(key.clone());
            });
            self.kept.update_value(|k| {
                k.remove(&key);
            });
            self.refresh();
        }

        pub fn left(&self, ev: &ev::FocusEvent) {
            let Some(key) = target_key(ev) else { return };
            if self.edited.with_value(|e| e.contains(&key)) {
                self.touched.update_value(|t| {
                    t.insert(key);
                });
                // Only when moving on to another field: a message appearing while a button
                // is being pressed would move the button from under the pointer, and the
                // press would be lost. "Next" checks everything anyway. A field pressed
                // with the pointer gets its messages once the press is over, for the same
                // reason.
                if moves_to_field(ev) {
                    if self.pressing.get_value() {
                        self.deferred.set_value(true);
                    } else {
                        self.refresh();
                    }
                }
            }
        }

        pub fn press(&self) {
            self.pressing.set_value(true);
        }

        pub fn release(&self) {
            self.pressing.set_value(false);
            if self.deferred.get_value() {
                self.deferred.set_value(false);
                self.refresh();
            }
        }

        pub fn changed(&self, _ev: &ev::Event) {
            if self.autosave {
                if let Some(form) = self.form.get_untracked() {
                    let before = self.pending.try_update_value(|p| p.take()).flatten();
                    let sent = save_in_background(&form, &self.action.get_value(), before);
                    self.pending.set_value(sent);
                }
            }
        }

        pub fn submit(&self, ev: &ev::SubmitEvent) {
            let intent = ev
                .submitter()
                .and_then(|b| b.get_attribute("value"))
                .unwrap_or_default();
            let Some(form) = self.form.get_untracked() else {
                return;
            };
            if intent == "next" {
                let errors = self.errors(&form);
                if !errors.is_empty() {
                    self.refuse(ev, &form, &errors);
                    return;
                }
            }
            // Sent only once the background save has been answered, as the button would
            // have sent it (`submit()` leaves the button out, so its intent goes along in a
            // field of its own).
            let pending = self.pending.try_update_value(|p| p.take()).flatten();
            if let Some(pending) = pending {
                ev.prevent_default();
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(pending).await;
                    if let Ok(field) = document().create_element("input") {
                        let _ = field.set_attribute("type", "hidden");
                        let _ = field.set_attribute("name", "intent");
                        let _ = field.set_attribute("value", &intent);
                        let _ = form.append_child(&field);
                    }
                    let _ = form.submit();
                });
            }
        }

        /// Shows every error, fills the summary and focuses the first invalid field;
        /// nothing is sent.
        fn refuse(&self, ev: &ev::SubmitEvent, form: &HtmlFormElement, errors: &FieldErrors) {
            ev.prevent_default();
            self.tried.set_value(true);
            self.show(form, errors);
            self.summarise(form, errors);
            if let Some((key, _)) = in_dom_order(form, errors)
                .into_iter()
                .find(|(k, _)| *k != "_")
            {
                focus_field(key);
            }
        }

        /// Shows the errors of the fields that should show theirs, and clears the rest.
        fn refresh(&self) {
            if let Some(form) = self.form.get_untracked() {
                let errors = self.errors(&form);
                self.show(&form, &errors);
            }
        }

        fn show(&self, form: &HtmlFormElement, errors: &FieldErrors) {
            let tried = self.tried.get_value();
            for (el, key) in fields(form) {
                if self.kept.with_value(|k| k.contains(&key)) {
                    continue;
                }
                let visible = tried || self.touched.with_value(|t| t.contains(&key));
                let message = errors
                    .get(&key)
                    .filter(|_| visible)
                    .map(|e| error_text(self.i18n, *e));
                set_field(&el, &key, message);
            }
        }

        /// Fills the summary at the top with every error, each linking to its field.
        fn summarise(&self, form: &HtmlFormElement, errors: &FieldErrors) {
            let Ok(Some(summary)) = form.query_selector("#fel") else {
                return;
            };
            let Ok(Some(list)) = summary.query_selector("ul") else {
                return;
            };
            let doc = document();
            list.set_inner_html("");
            for (key, error) in in_dom_order(form, errors) {
                let Ok(item) = doc.create_element("li") else {
                    continue;
                };
                let label = form
                    .query_selector(&format!("[data-field=\"{key}\"]"))
                    .ok()
                    .flatten()
                    .and_then(|el| el.get_attribute("data-label"));
                let text = error_text(self.i18n, *error);
                let text = match label {
                    Some(label) => format!("{label}: {text}"),
                    None => text.to_owned(),
                };
                match doc.create_element("a") {
                    Ok(link) if key != "_" => {
                        let _ = link.set_attribute("href", &format!("#{}", field_id(key)));
                        link.set_text_content(Some(&text));
                        let _ = item.append_child(&link);
                    }
                    _ => item.set_text_content(Some(&text)),
                }
                let _ = list.append_child(&item);
            }
            summary.remove_attribute("hidden").ok();
        }
    }

    /// The key of the field an event came from.
    fn target_key(ev: &ev::Event) -> Option<String> {
        let target: Element = ev.target()?.dyn_into().ok()?;
        key_of(&target.get_attribute("name")?)
    }

    /// Whether focus is going to another field (not a button, not out of the form).
    fn moves_to_field(ev: &ev::FocusEvent) -> bool {
        let Some(next) = ev
            .related_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
        else {
            return false;
        };
        match next.tag_name().to_ascii_lowercase().as_str() {
            "select" | "textarea" => true,
            "input" => !matches!(
                next.get_attribute("type").as_deref(),
                Some("submit" | "button" | "reset")
            ),
            _ => false,
        }
    }

    /// Every field on the form, with its key.
    /// Errors in the order their fields come in the form (`_` first): what the person sees
    /// from the top, whatever the form.
    fn in_dom_order<'a>(
        form: &HtmlFormElement,
        errors: &'a FieldErrors,
    ) -> Vec<(&'a String, &'a crate::domain::field_error::FieldError)> {
        let order: Vec<String> = fields(form).into_iter().map(|(_, key)| key).collect();
        let mut list = in_page_order(errors);
        list.sort_by_key(|(key, _)| match order.iter().position(|k| k == *key) {
            _ if key.as_str() == "_" => 0,
            Some(i) => i + 1,
            None => order.len() + 1,
        });
        list
    }

    fn fields(form: &HtmlFormElement) -> Vec<(Element, String)> {
        let Ok(nodes) = form.query_selector_all("[data-field]") else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
            .filter_map(|el| {
                let key = el.get_attribute("data-field")?;
                Some((el, key))
            })
            .collect()
    }

    fn set_field(el: &Element, key: &str, message: Option<&str>) {
        let _ = el
            .class_list()
            .toggle_with_force("field--error", message.is_some());
        if let Some(p) = document().get_element_by_id(&error_id(key)) {
            p.set_text_content(message);
        }
        let Ok(controls) = el.query_selector_all("input, select, textarea") else {
            return;
        };
        for control in
            (0..controls.length()).filter_map(|i| controls.item(i)?.dyn_into::<Element>().ok())
        {
            let _ = match message {
                Some(_) => control.set_attribute("aria-invalid", "true"),
                None => control.remove_attribute("aria-invalid"),
            };
        }
    }

    /// Moves focus to a field; for a group (a fieldset), to its first control.
    fn focus_field(key: &str) {
        let Some(el) = document().get_element_by_id(&field_id(key)) else {
            return;
        };
        let target = if el.tag_name().eq_ignore_ascii_case("fieldset") {
            el.query_selector("input, select, textarea")
                .ok()
                .flatten()
                .unwrap_or(el)
        } else {
            el
        };
        if let Ok(el) = target.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }

    /// What the form would post, as `(name, value)` pairs.
    fn pairs(form: &HtmlFormElement) -> Vec<(String, String)> {
        let Ok(data) = web_sys::FormData::new_with_form(form) else {
            return Vec::new();
        };
        let Ok(Some(entries)) = js_sys::try_iter(&data) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|entry| {
                let entry: js_sys::Array = entry.dyn_into().ok()?;
                Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
            })
            .collect()
    }

    /// Posts the form as it is now as a draft save, once the save `before` it (if any) has
    /// been answered; the promise settles when this one is. Answers do not matter: if a save
    /// fails, the next post of the form saves the same.
    fn save_in_background(
        form: &HtmlFormElement,
        action: &str,
        before: Option<js_sys::Promise>,
    ) -> Option<js_sys::Promise> {
        use wasm_bindgen_futures::JsFuture;
        let data = web_sys::FormData::new_with_form(form).ok()?;
        let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        body.append("intent", "save");
        let action = action.to_owned();
        Some(wasm_bindgen_futures::future_to_promise(async move {
            if let Some(before) = before {
                let _ = JsFuture::from(before).await;
            }
            let init = web_sys::RequestInit::new();
            init.set_method("POST");
            init.set_body(&body);
            let _ = JsFuture::from(window().fetch_with_str_and_init(&action, &init)).await;
            Ok(wasm_bindgen::JsValue::UNDEFINED)
        }))
    }
}
