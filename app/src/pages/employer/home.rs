//! `/arbetsgivare/oversikt`: the organisation's overview for its signed-in user: its needs
//! and drafts, who acts for it, and inviting a colleague.

use super::{
    labels::{employer_field_label, REGISTRATION_ORDER},
    require_employer,
};
use crate::{
    api::employer::{load_employer_home, InviteColleague},
    components::fields::{provide_shown_errors_in_order, ErrorSummary, Input, TextField},
    domain::time::{long_date, stockholm_date},
    i18n::*,
    paths,
    views::employer::{EmployerHomeView, EmployerNotice, NeedItem},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn EmployerHomePage() -> impl IntoView {
    let i18n = use_i18n();
    require_employer(paths::EMPLOYER_HOME);
    let notice = use_query_map().with_untracked(|q| q.get("klart").unwrap_or_default());
    let load = load_employer_home(notice);
    view! {
        <Title text=move || t_string!(i18n, emp_home_title).to_owned()/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Overview view/> }.into_any(),
                Err(e) => super::employer_load_failed(i18n, e, t_string!(i18n, emp_home_title)),
            }
        })}
    }
}

fn notice_text(i18n: crate::components::messages::I18n, notice: EmployerNotice) -> &'static str {
    match notice {
        EmployerNotice::Registered => t_string!(i18n, emp_notice_registered),
        EmployerNotice::Welcome => t_string!(i18n, emp_notice_welcome),
        EmployerNotice::Published => t_string!(i18n, emp_notice_published),
        EmployerNotice::Saved => t_string!(i18n, emp_notice_saved),
        EmployerNotice::DraftKept => t_string!(i18n, emp_notice_draft),
        EmployerNotice::DraftDeleted => t_string!(i18n, emp_notice_draft_deleted),
        EmployerNotice::Filled => t_string!(i18n, emp_notice_filled),
        EmployerNotice::Withdrawn => t_string!(i18n, emp_notice_withdrawn),
        EmployerNotice::Invited => t_string!(i18n, emp_notice_invited),
        EmployerNotice::MeetingCancelled => t_string!(i18n, emp_notice_meeting_cancelled),
    }
}

#[component]
fn Overview(view: EmployerHomeView) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = i18n.get_locale_untracked() == Locale::sv;
    provide_shown_errors_in_order(
        view.invite_errors.clone(),
        employer_field_label,
        REGISTRATION_ORDER,
    );
    let (open, closed): (Vec<NeedItem>, Vec<NeedItem>) =
        view.needs.into_iter().partition(|n| n.status == "open");
    let need_row = move |n: NeedItem| {
        let occupation = if swedish {
            n.occupation_sv
        } else {
            n.occupation_en
        };
        let status = match n.status.as_str() {
            "filled" => t_string!(i18n, need_status_filled),
            "withdrawn" => t_string!(i18n, need_status_withdrawn),
            _ => t_string!(i18n, need_status_open),
        };
        view! {
            <li class="card need-card">
                <h3 class="need-card__title">
                    <a href=paths::employer_need(n.id)>{n.headline}</a>
                </h3>
                <p class="muted">
                    {occupation} " · " {n.municipality} " · "
                    {if n.positions == 1 {
                        t_string!(i18n, need_positions_one).to_owned()
                    } else {
                        t_string!(i18n, need_positions_count, count = n.positions).to_string()
                    }}
                </p>
                <p>
                    <span class="badge">{status}</span> " "
                    {t_string!(i18n, need_apply_by_date, date = long_date(n.apply_by, swedish)).to_string()}
                </p>
                {n.has_draft.then(|| view! { <p class="muted">{t!(i18n, need_has_draft)}</p> })}
                {(n.status == "open")
                    .then(|| {
                        view! {
                            <p>
                                <a href=paths::employer_book_for_need(n.id)>{t!(i18n, emp_need_book)}</a>
                            </p>
                        }
                    })}
            </li>
        }
    };
    let drafts = view.drafts;
    let has_drafts = !drafts.is_empty();
    let has_open = !open.is_empty();
    let has_closed = !closed.is_empty();
    view! {
        <div class="page">
            <h1>{view.organisation.clone()}</h1>
            {view
                .notice
                .map(|n| view! { <p class="notice" role="status">{notice_text(i18n, n)}</p> })}
            <dl class="facts">
                <dt>{t!(i18n, emp_org_number)}</dt>
                <dd>{view.org_number}</dd>
                <dt>{t!(i18n, emp_address)}</dt>
                <dd>{view.address}</dd>
                <dt>{t!(i18n, emp_municipality)}</dt>
                <dd>{view.municipality}</dd>
                <dt>{t!(i18n, emp_office)}</dt>
                <dd>{view.office.unwrap_or_else(|| "–".to_owned())}</dd>
            </dl>

            <super::meeting::MeetingsSection meetings=view.meetings/>

            <section id="behov" aria-labelledby="behov-rubrik">
                <h2 id="behov-rubrik">{t!(i18n, emp_needs_title)}</h2>
                <p>{t!(i18n, emp_needs_lead)}</p>
                <p><a class="button" href=paths::EMPLOYER_NEW_NEED>{t!(i18n, emp_new_need)}</a></p>
                {has_drafts
                    .then(|| {
                        view! {
                            <h3>{t!(i18n, emp_drafts_title)}</h3>
                            <ul class="plain-list">
                                {drafts
                                    .into_iter()
                                    .map(|d| {
                                        let title = if d.headline.is_empty() {
                                            t_string!(i18n, emp_draft_untitled).to_owned()
                                        } else {
                                            d.headline
                                        };
                                        let when = long_date(stockholm_date(d.updated_at), swedish);
                                        view! {
                                            <li>
                                                <a href=paths::employer_need_draft(d.id)>{title}</a>
                                                " "
                                                <span class="muted">
                                                    {t_string!(i18n, emp_draft_saved, date = when).to_string()}
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                <h3>{t!(i18n, emp_open_needs)}</h3>
                {if has_open {
                    view! { <ul class="card-list">{open.into_iter().map(need_row).collect_view()}</ul> }.into_any()
                } else {
                    view! { <p class="muted">{t!(i18n, emp_no_open_needs)}</p> }.into_any()
                }}
                {has_closed
                    .then(|| {
                        view! {
                            <h3>{t!(i18n, emp_closed_needs)}</h3>
                            <ul class="card-list">{closed.into_iter().map(need_row).collect_view()}</ul>
                        }
                    })}
            </section>

            <section id="kollegor" aria-labelledby="kollegor-rubrik">
                <h2 id="kollegor-rubrik">{t!(i18n, emp_colleagues_title)}</h2>
                <ul class="plain-list">
                    {view
                        .users
                        .into_iter()
                        .map(|u| {
                            let me = u.id == view.me;
                            view! {
                                <li>
                                    <strong>{u.name}</strong>
                                    {me.then(|| view! { " " <span class="muted">{t!(i18n, emp_you)}</span> })}
                                    <br/>
                                    {u.email} " · " {u.phone}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {(!view.invitations.is_empty())
                    .then(|| {
                        view! {
                            <h3>{t!(i18n, emp_invited_title)}</h3>
                            <ul class="plain-list">
                                {view
                                    .invitations
                                    .into_iter()
                                    .map(|inv| {
                                        let until = long_date(stockholm_date(inv.expires_at), swedish);
                                        view! {
                                            <li>
                                                {inv.email} " "
                                                <span class="muted">
                                                    {t_string!(i18n, emp_invited_until, date = until).to_string()}
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                {view
                    .invited
                    .map(|email| {
                        view! {
                            <p class="notice" role="status">
                                {t_string!(i18n, emp_invite_sent, email = email).to_string()}
                            </p>
                        }
                    })}
                <h3>{t!(i18n, emp_invite_title)}</h3>
                <p class="muted">{t!(i18n, emp_invite_lead)}</p>
                <form method="post" action=InviteColleague::PATH class="step-form" novalidate>
                    <ErrorSummary/>
                    <TextField
                        key="email"
                        label=t_string!(i18n, emp_invite_email)
                        value=view.invite_email
                        input=Input::TEXT.kind("email").autocomplete("off")
                    />
                    <div class="form-actions">
                        <button type="submit" class="button button--secondary">{t!(i18n, emp_invite_submit)}</button>
                    </div>
                </form>
            </section>
        </div>
    }
}
