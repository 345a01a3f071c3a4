//! The job seeker's monthly activity report. Every endpoint is the signed-in seeker's own:
//! a month is found only among the months they report, and nothing names another person's.
//! The form posts with or without JavaScript; whatever is posted is saved as the month's
//! draft first, so nothing typed is lost, and "review" checks it with the same domain code
//! the browser ran.

#[cfg(feature = "ssr")]
use crate::paths;
use crate::{
    domain::activity_report::report::ReportForm,
    error::AppError,
    views::activity_report::{ReceiptView, ReportFormView, ReportNotice, ReportsView, ReviewView},
};
use leptos::prelude::*;

/// The overview: the month due and earlier months, and what the last post did (once).
#[server(name = LoadReports, prefix = "/api", endpoint = "mina-sidor/aktivitetsrapport")]
pub async fn load_reports() -> Result<(ReportsView, Option<ReportNotice>), AppError> {
    use crate::ssr::{form_post, http, services::activity_reports as reports, AppState};
    let state = AppState::from_context()?;
    let seeker = http::seeker(&state, paths::ACTIVITY_REPORTS).await?;
    let view = reports::overview(&state.store, &seeker, chrono::Utc::now()).await?;
    Ok((view, form_post::take::<ReportNotice>().await?))
}

/// A month's form: its draft (with the errors of the last review, once), or a correction of
/// the version sent when `correct`. A month already sent sends the browser to its receipt.
#[server(name = LoadReportForm, prefix = "/api", endpoint = "mina-sidor/aktivitetsrapport/formular")]
pub async fn load_report_form(
    period: String,
    #[server(default)] correct: bool,
) -> Result<(ReportFormView, Option<ReportNotice>), AppError> {
    use crate::{
        ssr::{
            form_post, http,
            services::activity_reports::{self as reports, FormOrSent},
        },
        views::activity_report::ReportRefusal,
    };
    let (state, seeker, period, now) = own_month(&period).await?;
    let errors = form_post::take::<ReportRefusal>()
        .await?
        .filter(|r| r.period == period)
        .map(|r| r.errors)
        .unwrap_or_default();
    let view = match reports::form_view(&state.store, &seeker, period, correct, errors, now).await?
    {
        FormOrSent::Form(view) => *view,
        FormOrSent::Sent(version) => {
            // Not "not found": that page would answer 404 over the redirect.
            http::redirect(&paths::activity_report_receipt(period.code(), version));
            return Err(AppError::Conflict(crate::domain::Rule::ReportAlreadySent));
        }
    };
    Ok((view, form_post::take::<ReportNotice>().await?))
}

/// Saves the month's form as typed, then: `add-KIND` adds an activity, `remove-N` removes
/// one, `next` checks the whole report and goes on to the review (or back with the errors),
/// anything else comes back to the form (`spara`, the button, says it was saved; `save`, the
/// background save while typing, says nothing).
#[server(name = SaveReport, prefix = "/api", endpoint = "mina-sidor/aktivitetsrapport/spara")]
pub async fn save_report(
    period: String,
    #[server(default)] based_on: i64,
    #[server(default)] form: ReportForm,
    #[server(default)] intent: String,
) -> Result<(), AppError> {
    use crate::{
        ssr::{form_post, http, services::activity_reports as reports},
        views::activity_report::ReportRefusal,
    };
    let (state, seeker, period, now) = own_month(&period).await?;
    let mut form = form;
    let page = paths::activity_report(period.code());
    let fragment = if let Some(kind) = intent.strip_prefix("add-") {
        form.add(kind).map(|i| format!("#aktivitet-{i}"))
    } else if let Some(i) = intent.strip_prefix("remove-") {
        match i.parse::<usize>() {
            Ok(i) if i < form.activities.len() => {
                form.activities.remove(i);
                Some(match i {
                    0 => "#aktiviteter".to_owned(),
                    i => format!("#aktivitet-{}", i - 1),
                })
            }
            _ => Some(String::new()),
        }
    } else {
        None
    };
    reports::save_draft(&state.store, &seeker, period, based_on, &form, now).await?;
    if let Some(fragment) = fragment {
        http::redirect(&format!("{page}{fragment}"));
        return Ok(());
    }
    if intent != "next" {
        // The button says so; a background save (`save`) while typing does not.
        if intent == "spara" {
            form_post::leave(ReportNotice::Saved).await?;
        }
        http::redirect(&page);
        return Ok(());
    }
    match reports::check(&state.store, &seeker, period, &form).await {
        Ok(_) => {
            http::redirect(&paths::activity_report_review(period.code()));
            Ok(())
        }
        Err(errors) => {
            form_post::leave(ReportRefusal {
                period,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&format!("{page}#fel"));
            Err(AppError::Validation(errors))
        }
    }
}

/// The month's saved draft, checked, as it will be sent.
#[server(name = LoadReportReview, prefix = "/api", endpoint = "mina-sidor/aktivitetsrapport/granska")]
pub async fn load_report_review(period: String) -> Result<ReviewView, AppError> {
    use crate::ssr::{http, services::activity_reports as reports};
    let (state, seeker, period, now) = own_month(&period).await?;
    match reports::review(&state.store, &seeker, period, now).await {
        // Nothing to review (sent already, or never begun), or it does not pass: the form.
        Err(AppError::NotFound | AppError::Validation(_)) => {
            http::redirect(&paths::activity_report(period.code()));
            Err(AppError::Validation(Default::default()))
        }
        other => other,
    }
}

/// Sends the month's draft once. A second send (a double click, another tab) sends nothing
/// and goes to the receipt of what was sent.
#[server(name = SendReport, prefix = "/api", endpoint = "mina-sidor/aktivitetsrapport/skicka")]
pub async fn send_report(period: String) -> Result<(), AppError> {
    use crate::{
        domain::Rule,
        ssr::{
            form_post, http,
            services::activity_reports::{self as reports, Sent},
        },
        views::activity_report::ReportRefusal,
    };
    let (state, seeker, period, now) = own_month(&period).await?;
    match reports::send(&state.store, &seeker, period, now).await {
        Ok(Sent::Version(version)) => {
            form_post::leave(ReportNotice::Sent).await?;
            http::redirect(&paths::activity_report_receipt(period.code(), version));
            Ok(())
        }
        Ok(Sent::NothingToSend) | Err(AppError::Conflict(Rule::ReportAlreadySent)) => {
            match reports::latest_version(&state.store, &seeker, period).await? {
                Some(version) => {
                    form_post::leave(ReportNotice::AlreadySent).await?;
                    http::redirect(&paths::activity_report_receipt(period.code(), version));
                }
                None => http::redirect(&paths::activity_report(period.code())),
            }
            Ok(())
        }
        Err(AppError::Validation(errors)) => {
            form_post::leave(ReportRefusal {
                period,
                errors: errors.clone(),
            })
            .await?;
            http::redirect(&format!("{}#fel", paths::activity_report(period.code())));
            Err(AppError::Validation(errors))
        }
        Err(e) => Err(e),
    }
}

/// One sent version of a month's report, as a receipt.
#[server(name = LoadReceipt, prefix = "/api", endpoint = "mina-sidor/aktivitetsrapport/kvitto")]
pub async fn load_receipt(
    period: String,
    version: i64,
) -> Result<(ReceiptView, Option<ReportNotice>), AppError> {
    use crate::ssr::{form_post, services::activity_reports as reports};
    let (state, seeker, period, _) = own_month(&period).await?;
    let view = reports::receipt(&state.store, &seeker, period, version).await?;
    Ok((view, form_post::take::<ReportNotice>().await?))
}

/// The signed-in seeker, one of the months they report (else not found) and the clock:
/// where every endpoint about one month starts.
#[cfg(feature = "ssr")]
async fn own_month(
    period: &str,
) -> Result<
    (
        crate::ssr::AppState,
        crate::ssr::store::SeekerProfile,
        crate::domain::activity_report::period::ReportPeriod,
        chrono::DateTime<chrono::Utc>,
    ),
    AppError,
> {
    use crate::ssr::{http, services::activity_reports as reports, AppState};
    let state = AppState::from_context()?;
    let now = chrono::Utc::now();
    let seeker = http::seeker(&state, paths::ACTIVITY_REPORTS).await?;
    let period = reports::own_period(&seeker, period, now)?;
    Ok((state, seeker, period, now))
}
