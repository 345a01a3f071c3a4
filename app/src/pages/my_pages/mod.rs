//! `/mina-sidor`: the signed-in job seeker's own pages: their meetings, coming and past,
//! and their details.

pub(crate) mod activity_report;
mod cancel;
mod check_in;
mod meeting;
mod my_case;
mod personal_data;
mod profile;

pub use activity_report::{ReceiptPage, ReportFormPage, ReportsPage, ReviewPage};
pub use cancel::CancelPage;
pub use meeting::MeetingPage;
pub(crate) use my_case::meeting_line;
pub use my_case::MyCasePage;
pub use personal_data::{AccountErasedPage, EraseAccountPage, PersonalDataPage};
pub use profile::ProfilePage;

use crate::paths;
use crate::{
    api::booking::load_my_pages,
    components::{
        meeting_words::{
            after_first_contact, channel_icon, channel_name, phone_text, staff_cancel_notice,
            status_name, when_text,
        },
        messages::{language_name, I18n},
    },
    domain::choices::LanguageCode,
    error::AppError,
    i18n::*,
    pages::not_found::NotFound,
    views::booking::{MeetingSummary, MyPagesView},
};
use check_in::CheckInBox;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Sends someone who is not signed in to sign in, and back to `back` afterwards. Checked
/// while rendering, from what the session middleware found, so the answer is a redirect
/// rather than a page.
pub(crate) fn require_sign_in(back: &str) {
    #[cfg(feature = "ssr")]
    if crate::ssr::http::signed_in().is_none() {
        crate::ssr::http::redirect(&crate::paths::sign_in(back));
    }
    #[cfg(not(feature = "ssr"))]
    let _ = back;
}

/// What a page shows when its data could not be loaded: not found, sign in, or a fault.
pub(crate) fn load_failed(i18n: I18n, error: AppError, title: &'static str) -> AnyView {
    load_failed_at(i18n, error, title, paths::SIGN_IN)
}

/// As `load_failed`, for a page whose people sign in at `sign_in` (employers, say).
pub(crate) fn load_failed_at(
    i18n: I18n,
    error: AppError,
    title: &'static str,
    sign_in: &'static str,
) -> AnyView {
    match error {
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        AppError::Unauthorized => view! {
            <div class="page page--form">
                <h1>{title}</h1>
                <p><a href=sign_in>{t!(i18n, nav_sign_in)}</a></p>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="page page--form">
                <h1>{title}</h1>
                <p class="notice notice--error" role="alert">{t!(i18n, err_internal)}</p>
            </div>
        }
        .into_any(),
    }
}

#[component]
pub fn MyPages() -> impl IntoView {
    let i18n = use_i18n();
    require_sign_in(paths::MY_PAGES);
    let (cancelled, saved) =
        use_query_map().with_untracked(|q| (q.get("avbokad").is_some(), q.get("sparad").is_some()));
    let load = load_my_pages();
    let rating = crate::api::rating::load_my_rating();
    view! {
        <Title text=t_string!(i18n, my_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => {
                    // The question after a meeting is extra: Mina sidor shows without it.
                    let rating = rating.await.ok();
                    view! { <MyPagesView view cancelled saved rating/> }.into_any()
                }
                Err(e) => load_failed(i18n, e, t_string!(i18n, my_title)),
            }
        })}
    }
}

#[component]
fn MyPagesView(
    view: MyPagesView,
    cancelled: bool,
    saved: bool,
    rating: Option<crate::views::rating::MyRatingView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = view.profile;
    let language = |code: &str| {
        LanguageCode::parse(code)
            .map(|l| language_name(i18n, l).to_owned())
            .unwrap_or_else(|| code.to_owned())
    };
    let swedish = crate::components::meeting_words::is_swedish(i18n);
    view! {
        <div class="page page--form">
            <h1>{t!(i18n, my_title)}</h1>
            {cancelled
                .then(|| view! { <p class="notice notice--success" role="status">{t!(i18n, cancel_done)}</p> })}
            {rating.map(|view| view! { <crate::pages::rating::MyRating view/> })}
            <section aria-labelledby="kommande">
                <h2 id="kommande">{t!(i18n, my_upcoming)}</h2>
                {if let (true, Some(after)) = (view.upcoming.is_empty(), view.after_first.as_ref()) {
                    // The first meeting is held: the counsellor books what comes next.
                    view! {
                        <p>{t!(i18n, after_first_title)} ". " {t!(i18n, after_first_text)}</p>
                        <p class="notice">{after_first_contact(i18n, after)}</p>
                    }
                        .into_any()
                } else if view.upcoming.is_empty() {
                    view! {
                        <p>{t!(i18n, my_none)}</p>
                        <p><a class="button" href=paths::BOOK>{t!(i18n, my_book)}</a></p>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="meetings" role="list">
                            {view
                                .upcoming
                                .into_iter()
                                .map(|m| view! { <li><MeetingCard meeting=m/></li> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
            {(!view.earlier.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="tidigare">
                            <h2 id="tidigare">{t!(i18n, my_earlier)}</h2>
                            <ul class="meetings meetings--past" role="list">
                                {view
                                    .earlier
                                    .into_iter()
                                    .map(|m| view! { <li><MeetingCard meeting=m/></li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            <section aria-labelledby="mitt-arende">
                <h2 id="mitt-arende">{t!(i18n, case_my_title)}</h2>
                <p>{t!(i18n, case_my_teaser)}</p>
                <p>
                    <a class="button button--secondary" href=paths::MY_CASE>{t!(i18n, case_my_link)}</a>
                </p>
            </section>
            <section aria-labelledby="aktivitetsrapport">
                <h2 id="aktivitetsrapport">{t!(i18n, my_reports)}</h2>
                <p>
                    <a class="button button--secondary" href=paths::ACTIVITY_REPORTS>
                        {t!(i18n, my_reports_link)}
                    </a>
                </p>
            </section>
            <section aria-labelledby="uppgifter">
                <h2 id="uppgifter">{t!(i18n, my_profile)}</h2>
                {saved
                    .then(|| view! { <p class="notice notice--success" role="status">{t!(i18n, profile_saved)}</p> })}
                <dl class="facts">
                    <dt>{t!(i18n, my_name)}</dt>
                    <dd>{format!("{} {}", p.first_name, p.last_name)}</dd>
                    <dt>{t!(i18n, my_personal_number)}</dt>
                    <dd>{p.personal_number_masked.clone()}</dd>
                    <dt>{t!(i18n, reg_email)}</dt>
                    <dd>{p.email.clone()}</dd>
                    <dt>{t!(i18n, reg_phone)}</dt>
                    <dd>{phone_text(&p.phone)}</dd>
                    <dt>{t!(i18n, reg_postcode)}</dt>
                    <dd>{p.postcode.clone()}</dd>
                    <dt>{t!(i18n, my_home_office)}</dt>
                    <dd>{p.home_office.clone().unwrap_or_else(|| "–".to_owned())}</dd>
                    <dt>{t!(i18n, my_language)}</dt>
                    <dd>{language(&p.preferred_language)}</dd>
                    <dt>{t!(i18n, my_interpreter)}</dt>
                    <dd>
                        {p
                            .interpreter_language
                            .as_deref()
                            .map(language)
                            .unwrap_or_else(|| t_string!(i18n, my_no_interpreter).to_owned())}
                    </dd>
                    <dt>{t!(i18n, my_needs)}</dt>
                    <dd>
                        {if p.accessibility_needs.trim().is_empty() {
                            t_string!(i18n, my_no_needs).to_owned()
                        } else {
                            p.accessibility_needs.clone()
                        }}
                    </dd>
                    <dt>{t!(i18n, my_desired)}</dt>
                    <dd>
                        {p
                            .desired
                            .iter()
                            .map(|(sv, en)| if swedish { sv.clone() } else { en.clone() })
                            .collect::<Vec<_>>()
                            .join(", ")}
                    </dd>
                </dl>
                <p>
                    <a class="button button--secondary" href=paths::PROFILE>
                        {t!(i18n, my_edit)}
                    </a>
                </p>
            </section>
            <section aria-labelledby="personuppgifter">
                <h2 id="personuppgifter">{t!(i18n, pd_title)}</h2>
                <p>{t!(i18n, pd_teaser)}</p>
                <p><a href=paths::PERSONAL_DATA>{t!(i18n, pd_link)}</a></p>
            </section>
        </div>
    }
}

#[component]
fn MeetingCard(meeting: MeetingSummary) -> impl IntoView {
    let i18n = use_i18n();
    let m = meeting;
    let swedish = crate::components::meeting_words::is_swedish(i18n);
    let kind = if swedish {
        m.meeting_sv.clone()
    } else {
        m.meeting_en.clone()
    };
    view! {
        <article class="meeting-card">
            <h3>
                <a href=paths::meeting(m.id)>
                    {format!("{kind}: {}", when_text(i18n, m.starts_at))}
                </a>
            </h3>
            <p>
                <span aria-hidden="true" class="icon">{channel_icon(m.channel)}</span>
                " "
                {channel_name(i18n, m.channel)}
                {m.office.clone().map(|o| format!(", {o}"))}
                " · "
                <span class="badge">{status_name(i18n, m.status)}</span>
            </p>
            {(m.moved_by_staff && m.upcoming)
                .then(|| view! { <p class="notice notice--warning">{t!(i18n, my_moved_by_staff)}</p> })}
            {m.staff_cancel.as_ref().map(|c| staff_cancel_notice(i18n, c))}
            <p>
                {m.counsellor.clone()}
                ", "
                {t_string!(
                    i18n, meeting_direct_phone, phone = phone_text(&m.counsellor_phone)
                )
                    .to_string()}
            </p>
            {m.check_in.map(|state| view! { <CheckInBox id=m.id state/> })}
            {m
                .upcoming
                .then(|| {
                    view! {
                        <p class="actions">
                            <a class="button button--secondary" href=paths::book_moving(m.id)>
                                {t!(i18n, meeting_reschedule)}
                            </a>
                            <a class="button button--link" href=paths::cancel_meeting(m.id)>
                                {t!(i18n, meeting_cancel)}
                            </a>
                        </p>
                    }
                })}
        </article>
    }
}
