//! `/mina-sidor/personuppgifter`: what Tidbok holds about the signed-in seeker (each kind
//! with why, for how long and who sees it), the download of all of it as one JSON file, and
//! `…/ta-bort-kontot`, where they take their account away, told first what goes and what the
//! authority must keep. `/kontot-borttaget` is the receipt.

use super::{load_failed, require_sign_in};
use crate::{
    api::personal_data::{load_personal_data, EraseAccount},
    components::{
        fields::{provide_shown_errors, Checkbox, ErrorSummary, Input, TextField},
        meeting_words::is_swedish,
        messages::I18n,
    },
    domain::{
        erasure::{Erasure, Holdings, KEEP_YEARS},
        time::{long_date, stockholm_date},
    },
    i18n::*,
    paths,
    views::personal_data::{DataCount, DataKind, PersonalDataView},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

#[component]
pub fn PersonalDataPage() -> impl IntoView {
    let i18n = use_i18n();
    require_sign_in(paths::PERSONAL_DATA);
    let load = load_personal_data();
    view! {
        <Title text=t_string!(i18n, pd_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <PersonalData view/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, pd_title)),
            }
        })}
    }
}

/// What, why, how long and who, for one kind.
fn kind_words(i18n: I18n, kind: DataKind) -> [&'static str; 4] {
    match kind {
        DataKind::Identity => [
            t_string!(i18n, pd_identity),
            t_string!(i18n, pd_identity_why),
            t_string!(i18n, pd_identity_kept),
            t_string!(i18n, pd_identity_who),
        ],
        DataKind::Profile => [
            t_string!(i18n, pd_profile),
            t_string!(i18n, pd_profile_why),
            t_string!(i18n, pd_profile_kept),
            t_string!(i18n, pd_profile_who),
        ],
        DataKind::Meetings => [
            t_string!(i18n, pd_meetings),
            t_string!(i18n, pd_meetings_why),
            t_string!(i18n, pd_meetings_kept),
            t_string!(i18n, pd_meetings_who),
        ],
        DataKind::Messages => [
            t_string!(i18n, pd_messages),
            t_string!(i18n, pd_messages_why),
            t_string!(i18n, pd_messages_kept),
            t_string!(i18n, pd_messages_who),
        ],
        DataKind::Reports => [
            t_string!(i18n, pd_reports),
            t_string!(i18n, pd_reports_why),
            t_string!(i18n, pd_reports_kept),
            t_string!(i18n, pd_reports_who),
        ],
        DataKind::Ratings => [
            t_string!(i18n, pd_ratings),
            t_string!(i18n, pd_ratings_why),
            t_string!(i18n, pd_ratings_kept),
            t_string!(i18n, pd_ratings_who),
        ],
        DataKind::SignIns => [
            t_string!(i18n, pd_sign_ins),
            t_string!(i18n, pd_sign_ins_why),
            t_string!(i18n, pd_sign_ins_kept),
            t_string!(i18n, pd_sign_ins_who),
        ],
        DataKind::AccessLog => [
            t_string!(i18n, pd_access_log),
            t_string!(i18n, pd_access_log_why),
            t_string!(i18n, pd_access_log_kept),
            t_string!(i18n, pd_access_log_who),
        ],
    }
}

#[component]
fn PersonalData(view: PersonalDataView) -> impl IntoView {
    let i18n = use_i18n();
    let kinds = view.counts.into_iter().map(|DataCount { kind, entries }| {
        let [name, why, kept, who] = kind_words(i18n, kind);
        view! {
            <section class="card data-kind">
                <h2>{name}</h2>
                <p class="data-kind__count">
                    {t_string!(i18n, pd_entries, count = entries.to_string()).to_string()}
                </p>
                <dl class="facts">
                    <dt>{t!(i18n, pd_why)}</dt><dd>{why}</dd>
                    <dt>{t!(i18n, pd_kept)}</dt><dd>{kept}</dd>
                    <dt>{t!(i18n, pd_who)}</dt><dd>{who}</dd>
                </dl>
            </section>
        }
    });
    view! {
        <div class="page page--form">
            <p><a href=paths::MY_PAGES>{t!(i18n, case_my_back)}</a></p>
            <h1>{t!(i18n, pd_title)}</h1>
            <p class="lead">{t!(i18n, pd_lead)}</p>
            <p>
                <a class="button" href=paths::PERSONAL_DATA_FILE download="">
                    {t!(i18n, pd_download)}
                </a>
            </p>
            <p class="muted">{t!(i18n, pd_download_hint)}</p>
            {kinds.collect_view()}
            <h2>{t!(i18n, pd_rights_title)}</h2>
            <p>{t!(i18n, pd_rights_text)}</p>
            <p><a href=paths::PROFILE>{t!(i18n, pd_correct)}</a></p>
            <p><a href=paths::ERASE_ACCOUNT>{t!(i18n, pd_erase_link)}</a></p>
        </div>
    }
}

#[component]
pub fn EraseAccountPage() -> impl IntoView {
    let i18n = use_i18n();
    require_sign_in(paths::ERASE_ACCOUNT);
    let load = load_personal_data();
    view! {
        <Title text=t_string!(i18n, erase_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <EraseAccount view/> }.into_any(),
                Err(e) => load_failed(i18n, e, t_string!(i18n, erase_title)),
            }
        })}
    }
}

fn label_of(i18n: I18n, key: &str) -> String {
    match key {
        "current_password" => t_string!(i18n, erase_password),
        _ => t_string!(i18n, erase_confirm),
    }
    .to_owned()
}

/// What taking the account away will do for this person, in plain words.
fn consequences(i18n: I18n, h: &Holdings, erasure: Erasure) -> Vec<String> {
    let mut lines = vec![t_string!(i18n, erase_goes).to_string()];
    if h.meetings_ahead > 0 {
        lines.push(t_string!(i18n, erase_ahead, count = h.meetings_ahead.to_string()).to_string());
    }
    match erasure {
        Erasure::Everything => lines.push(t_string!(i18n, erase_everything).to_string()),
        Erasure::Anonymised => lines.push(t_string!(i18n, erase_anonymised).to_string()),
        Erasure::Kept {
            keep_until,
            keep_profile,
        } => {
            lines.push(
                t_string!(
                    i18n,
                    erase_kept,
                    meetings = h.meetings_done.to_string(),
                    notes = h.notes.to_string(),
                    reports = h.reports.to_string(),
                    years = KEEP_YEARS.to_string(),
                    until = long_date(stockholm_date(keep_until), is_swedish(i18n))
                )
                .to_string(),
            );
            if keep_profile {
                lines.push(t_string!(i18n, erase_kept_profile).to_string());
            }
        }
    }
    lines.push(t_string!(i18n, erase_again).to_string());
    lines
}

#[component]
fn EraseAccount(view: PersonalDataView) -> impl IntoView {
    let i18n = use_i18n();
    provide_shown_errors(view.erase.errors, label_of);
    let lines = consequences(i18n, &view.holdings, view.erasure);
    let checked = view.erase.form.confirm == "ja";
    view! {
        <div class="page page--form">
            <p><a href=paths::PERSONAL_DATA>{t!(i18n, erase_back)}</a></p>
            <h1>{t!(i18n, erase_title)}</h1>
            <p class="lead">{t!(i18n, erase_lead)}</p>
            <h2>{t!(i18n, erase_what)}</h2>
            <ul class="erase-list">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            <p>
                <a href=paths::PERSONAL_DATA_FILE download="">{t!(i18n, erase_download_first)}</a>
            </p>
            <form method="post" action=EraseAccount::PATH novalidate>
                <ErrorSummary/>
                <TextField
                    key="current_password"
                    label=t_string!(i18n, erase_password)
                    hint=t_string!(i18n, erase_password_hint)
                    value=String::new()
                    input=Input::TEXT.kind("password").autocomplete("current-password")
                />
                <Checkbox key="confirm" label=t_string!(i18n, erase_confirm) checked/>
                <p class="actions">
                    <button type="submit" class="button button--danger">{t!(i18n, erase_submit)}</button>
                    <a href=paths::MY_PAGES>{t!(i18n, erase_cancel)}</a>
                </p>
            </form>
        </div>
    }
}

/// The receipt: the account is gone and the person is signed out.
#[component]
pub fn AccountErasedPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=t_string!(i18n, erased_title).to_owned()/>
        <div class="page page--form">
            <div class="notice notice--success" role="status">
                <h1>{t!(i18n, erased_title)}</h1>
                <p>{t!(i18n, erased_text)}</p>
            </div>
            <p>{t!(i18n, erased_again)}</p>
            <p><a href=paths::HOME>{t!(i18n, erased_home)}</a></p>
        </div>
    }
}
