//! `/tillganglighet`: the accessibility statement, in the order DIGG's template gives it
//! (the authority and the service, how accessible it is, what to do instead, how to report a
//! shortcoming, supervision, technical information, known shortcomings, how it was assessed),
//! with a report form that works without JavaScript. The words live in the locale files.

use crate::{
    api::accessibility::{load_accessibility_form, SendAccessibilityReport},
    components::{
        fields::{provide_shown_errors, ErrorSummary, Input, TextArea, TextField},
        messages::I18n,
    },
    i18n::*,
    paths,
    views::accessibility::AccessibilityFormView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// DIGG's page for reporting an inaccessible public e-service.
const DIGG_REPORT: &str = "https://www.digg.se/tdosanmalan";

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    let load = load_accessibility_form();
    view! {
        <Title text=t_string!(i18n, a11y_title).to_owned()/>
        <div class="page page--form">
            <h1>{t!(i18n, a11y_title)}</h1>
            <p class="lead">{t!(i18n, a11y_lead)}</p>

            <h2>{t!(i18n, a11y_status_title)}</h2>
            <p>{t!(i18n, a11y_status_text)}</p>

            <h2>{t!(i18n, a11y_help_title)}</h2>
            <p>{t!(i18n, a11y_help_text)}</p>

            <section aria-labelledby="rapportera-rubrik" id=paths::ACCESSIBILITY_FORM tabindex="-1">
                <h2 id="rapportera-rubrik">{t!(i18n, a11y_report_title)}</h2>
                <p>{t!(i18n, a11y_report_text)}</p>
                {Suspend::new(async move {
                    match load.await {
                        Ok(view) => view! { <ReportForm view/> }.into_any(),
                        // The form still works: an empty one, with nothing lost.
                        Err(_) => view! { <ReportForm view=AccessibilityFormView::default()/> }.into_any(),
                    }
                })}
            </section>

            <h2>{t!(i18n, a11y_supervision_title)}</h2>
            <p>{t!(i18n, a11y_supervision_text)}</p>
            <p><a href=DIGG_REPORT>{t!(i18n, a11y_supervision_link)}</a></p>

            <h2>{t!(i18n, a11y_technical_title)}</h2>
            <p>{t!(i18n, a11y_technical_text)}</p>

            <h2>{t!(i18n, a11y_gaps_title)}</h2>
            <p>{t!(i18n, a11y_gaps_lead)}</p>
            <h3>{t!(i18n, a11y_gap_video_title)}</h3>
            <p>{t!(i18n, a11y_gap_video_text)}</p>
            <h3>{t!(i18n, a11y_gap_timeout_title)}</h3>
            <p>{t!(i18n, a11y_gap_timeout_text)}</p>
            <h3>{t!(i18n, a11y_gap_screen_reader_title)}</h3>
            <p>{t!(i18n, a11y_gap_screen_reader_text)}</p>

            <h2>{t!(i18n, a11y_assessed_title)}</h2>
            <p>{t!(i18n, a11y_assessed_text)}</p>
            <p>{t!(i18n, a11y_assessed_when)}</p>
            <p class="muted">{t!(i18n, a11y_updated)}</p>
        </div>
    }
}

fn label_of(i18n: I18n, key: &str) -> String {
    match key {
        "place" => t_string!(i18n, a11y_form_place),
        "email" => t_string!(i18n, a11y_form_email),
        _ => t_string!(i18n, a11y_form_description),
    }
    .to_owned()
}

#[component]
fn ReportForm(view: AccessibilityFormView) -> impl IntoView {
    let i18n = use_i18n();
    provide_shown_errors(view.errors, label_of);
    let form = view.form;
    view! {
        {view.sent.then(|| view! {
            <div class="notice notice--success" role="status">
                <p><strong>{t!(i18n, a11y_form_sent)}</strong></p>
                <p>{t!(i18n, a11y_form_sent_text)}</p>
            </div>
        })}
        <form method="post" action=SendAccessibilityReport::PATH novalidate>
            <ErrorSummary/>
            <TextField
                key="place"
                label=t_string!(i18n, a11y_form_place)
                hint=t_string!(i18n, a11y_form_place_hint)
                value=form.place
                optional=true
            />
            <TextArea
                key="description"
                label=t_string!(i18n, a11y_form_description)
                hint=t_string!(i18n, a11y_form_description_hint)
                value=form.description
            />
            <TextField
                key="email"
                label=t_string!(i18n, a11y_form_email)
                value=form.email
                input=Input::TEXT.kind("email").autocomplete("email")
                optional=true
            />
            <p class="actions">
                <button type="submit" class="button">{t!(i18n, a11y_form_send)}</button>
            </p>
        </form>
    }
}
