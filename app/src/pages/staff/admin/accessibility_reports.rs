//! `/personal/admin/tillganglighet`: the reports of accessibility shortcomings people sent
//! from the statement page, those waiting first; each is marked handled once answered.

use crate::{
    api::accessibility::{load_accessibility_reports, MarkAccessibilityReport},
    components::{meeting_words::when_text, messages::I18n},
    i18n::*,
    pages::staff::{require_staff, staff_load_failed},
    paths,
    views::accessibility::{AccessibilityReportItem, AccessibilityReportsView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};

#[component]
pub fn AccessibilityReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::ADMIN_ACCESSIBILITY);
    let load = load_accessibility_reports();
    view! {
        <Title text=t_string!(i18n, a11r_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Reports view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, a11r_title),
                    t_string!(i18n, adm_accounts_forbidden),
                ),
            }
        })}
    }
}

#[component]
fn Reports(view: AccessibilityReportsView) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = view.waiting.len();
    view! {
        <div class="page">
            <h1>{t!(i18n, a11r_title)}</h1>
            <p class="lead">{t!(i18n, a11r_lead)}</p>
            {view.marked.then(|| view! {
                <p class="notice notice--success" role="status" id="meddelande">{t!(i18n, a11r_marked)}</p>
            })}
            <h2>{t_string!(i18n, a11r_waiting, count = waiting).to_string()}</h2>
            {if view.waiting.is_empty() {
                view! { <p>{t!(i18n, a11r_none_waiting)}</p> }.into_any()
            } else {
                view! {
                    <ul class="a11y-reports">
                        {view.waiting.into_iter().map(|r| report(i18n, r)).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!view.handled.is_empty()).then(|| view! {
                <h2>{t!(i18n, a11r_handled)}</h2>
                <ul class="a11y-reports">
                    {view.handled.into_iter().map(|r| report(i18n, r)).collect_view()}
                </ul>
            })}
        </div>
    }
}

fn report(i18n: I18n, r: AccessibilityReportItem) -> impl IntoView {
    let received =
        t_string!(i18n, a11r_received, when = when_text(i18n, r.received_at)).to_string();
    let language = if r.language == "en" {
        t_string!(i18n, a11r_language_en)
    } else {
        t_string!(i18n, a11r_language_sv)
    };
    let heading = format!("a11r-{}", r.id);
    let status = match r.handled {
        Some((at, by)) => view! {
            <p class="muted">
                {t_string!(i18n, a11r_handled_by, when = when_text(i18n, at), name = by).to_string()}
            </p>
        }
        .into_any(),
        None => view! {
            <form method="post" action=MarkAccessibilityReport::PATH>
                <input type="hidden" name="id" value=r.id.to_string()/>
                <button type="submit" class="button button--secondary" aria-describedby=heading.clone()>
                    {t!(i18n, a11r_mark)}
                </button>
            </form>
        }
        .into_any(),
    };
    view! {
        <li class="a11y-report">
            <h3 id=heading.clone()>{received}</h3>
            <dl class="facts">
                <dt>{t!(i18n, a11r_place)}</dt>
                <dd>{r.place.unwrap_or_else(|| t_string!(i18n, a11r_no_place).to_owned())}</dd>
                <dt>{t!(i18n, a11r_answer_to)}</dt>
                <dd>
                    {match r.email {
                        Some(email) => view! { <a href=format!("mailto:{email}")>{email.clone()}</a> " (" {language} ")" }.into_any(),
                        None => view! { {t_string!(i18n, a11r_no_answer)} }.into_any(),
                    }}
                </dd>
            </dl>
            <p class="a11y-report__text">{r.description}</p>
            {status}
        </li>
    }
}
