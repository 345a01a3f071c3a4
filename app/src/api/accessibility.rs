//! `/tillganglighet`: the report form of the accessibility statement (anyone, no sign-in),
//! and `/personal/admin/tillganglighet`, where administrators read the reports and mark them
//! handled. Plain forms that work without JavaScript.

use crate::{
    domain::accessibility::AccessibilityReportForm,
    error::AppError,
    views::accessibility::{AccessibilityFormView, AccessibilityReportsView},
};
use leptos::prelude::*;

/// The report form as the last post left it: refused as typed, or sent; else empty.
#[server(name = LoadAccessibilityForm, prefix = "/api", endpoint = "tillganglighet/formular")]
pub async fn load_accessibility_form() -> Result<AccessibilityFormView, AppError> {
    use crate::ssr::form_post;
    Ok(form_post::take::<AccessibilityFormView>()
        .await?
        .unwrap_or_default())
}

/// Keeps a report; back to the form with a receipt, or with what was typed and why not.
#[server(name = SendAccessibilityReport, prefix = "/api", endpoint = "tillganglighet/rapportera")]
pub async fn send_accessibility_report(
    #[server(default)] form: AccessibilityReportForm,
) -> Result<(), AppError> {
    use crate::{
        paths,
        ssr::{
            form_post::{self, Back},
            http,
            services::accessibility,
            AppState,
        },
    };
    let state = AppState::from_context()?;
    let result = accessibility::send(
        &state.store,
        &form,
        http::message_language(),
        chrono::Utc::now(),
    )
    .await;
    let back = format!("{}#{}", paths::ACCESSIBILITY, paths::ACCESSIBILITY_FORM);
    form_post::come_back(result, |result| match result {
        Ok(()) => Some(Back::to(back).with(AccessibilityFormView {
            sent: true,
            ..AccessibilityFormView::default()
        })),
        Err(AppError::Validation(errors)) => Some(Back::to(back).with(AccessibilityFormView {
            form: form.clone(),
            errors: errors.clone(),
            sent: false,
        })),
        Err(_) => None,
    })
    .await
}

/// The reports, waiting and handled (administrators).
#[server(name = LoadAccessibilityReports, prefix = "/api", endpoint = "personal/admin/tillganglighet")]
pub async fn load_accessibility_reports() -> Result<AccessibilityReportsView, AppError> {
    use crate::{
        paths,
        ssr::{form_post, http, services::accessibility, AppState},
        views::accessibility::ReportMarked,
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::ADMIN_ACCESSIBILITY).await?;
    let mut view = accessibility::list(&state.store, &me.member).await?;
    view.marked = form_post::take::<ReportMarked>().await?.is_some();
    Ok(view)
}

/// Marks report `id` handled (administrators).
#[server(name = MarkAccessibilityReport, prefix = "/api", endpoint = "personal/admin/tillganglighet/klar")]
pub async fn mark_accessibility_report(id: i64) -> Result<(), AppError> {
    use crate::{
        paths,
        ssr::{
            form_post::{self, Back},
            http,
            services::accessibility,
            AppState,
        },
        views::accessibility::ReportMarked,
    };
    let state = AppState::from_context()?;
    let me = http::staff(&state, paths::ADMIN_ACCESSIBILITY).await?;
    let result =
        accessibility::mark_handled(&state.store, &me.member, id, chrono::Utc::now()).await;
    form_post::come_back(result, |result| {
        result
            .is_ok()
            .then(|| Back::to(paths::ADMIN_ACCESSIBILITY).with(ReportMarked))
    })
    .await
}
